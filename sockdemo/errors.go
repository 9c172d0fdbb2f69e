package sockdemo

import (
	"errors"
	"io"
	"os"

	"github.com/netlearn/netlearn/internal/oserr"
)

// ErrServerGone means the server closed the connection or vanished while
// the client still had something to say.
var ErrServerGone = errors.New("the server closed the connection")

// ErrRefused means the server was full (--max-clients) and turned this
// client away instead of answering.
var ErrRefused = errors.New("the server is full and refused this client")

// IsAddrInUse reports whether bind failed because another socket holds the
// address.
func IsAddrInUse(err error) bool { return errors.Is(err, errAddrInUse) }

// IsPermission reports whether the OS refused for lack of privilege, as for
// a port below 1024 without root or CAP_NET_BIND_SERVICE.
func IsPermission(err error) bool { return errors.Is(err, os.ErrPermission) }

// IsReservedPort reports whether Windows refused the port with WSAEACCES:
// it lies in a range Windows keeps for itself (Hyper-V, WSL and Docker
// reserve such ranges), or another program holds it exclusively.
func IsReservedPort(err error) bool { return oserr.Is(err, oserr.ReservedPort) }

// IsNotLocal reports whether bind failed because the address does not
// belong to this machine.
func IsNotLocal(err error) bool { return errors.Is(err, errAddrNotAvail) }

// IsRefused reports whether connect found nothing listening.
func IsRefused(err error) bool { return errors.Is(err, errConnRefused) }

// closeReason names why reading from a peer ended.
func closeReason(err error) Reason {
	var timeout interface{ Timeout() bool }
	switch {
	case errors.Is(err, io.EOF):
		return ReasonPeerClosed
	case errors.Is(err, errConnReset), errors.Is(err, errBrokenPipe):
		return ReasonReset
	case errors.As(err, &timeout) && timeout.Timeout():
		return ReasonIdle
	}
	return ReasonError
}
