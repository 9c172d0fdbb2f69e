package lessons

import (
	"context"
	"net"
	"net/netip"
	"time"

	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// SystemSources reads the facts for machine questions from this machine.
// Nothing leaves it: addresses and listeners come from the OS's tables and
// the one connection made is on loopback.
func SystemSources() MachineSources {
	return MachineSources{
		Network:          systemNetwork,
		ListeningPorts:   listeningTCPPorts,
		ClientConnection: LoopbackConnection,
	}
}

func systemNetwork() ([]iface.Interface, []iface.Gateway, error) {
	ifaces, err := iface.Collect(iface.System{})
	if err != nil {
		return nil, nil, err
	}
	gws, err := iface.DefaultGatewaysFor(ifaces)
	return ifaces, gws, err
}

func listeningTCPPorts() ([]int, error) {
	all := make([]int, 0, ports.MaxPort+1)
	for p := ports.MinPort; p <= ports.MaxPort; p++ {
		all = append(all, p)
	}
	byPort, err := ports.ListenersOn(all)
	if err != nil {
		return nil, err
	}
	var tcp []int
	for port, ls := range byPort {
		for _, l := range ls {
			if l.Protocol == "tcp" {
				tcp = append(tcp, port)
				break
			}
		}
	}
	return tcp, nil
}

// connectTimeout bounds the loopback connection; it normally takes
// microseconds.
const connectTimeout = 2 * time.Second

// LoopbackConnection starts a listener on 127.0.0.1 with a port the OS
// picks, connects a client to it, and returns both ends' addresses as the
// client saw them. It is the smallest real client/server pair there is.
func LoopbackConnection(ctx context.Context) (client, server netip.AddrPort, err error) {
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp4", "127.0.0.1:0")
	if err != nil {
		return client, server, err
	}
	defer ln.Close()
	accepted := make(chan struct{})
	go func() {
		defer close(accepted)
		if c, err := ln.Accept(); err == nil {
			c.Close()
		}
	}()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp4", ln.Addr().String())
	if err != nil {
		return client, server, err
	}
	defer conn.Close()
	client = conn.LocalAddr().(*net.TCPAddr).AddrPort()
	server = conn.RemoteAddr().(*net.TCPAddr).AddrPort()
	ln.Close()
	<-accepted
	return client, server, nil
}
