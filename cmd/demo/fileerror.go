package demo

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/internal/oserr"
)

// fileError says in one line, in the run's language, why a file named on
// the command line (--pcap, --addr-file) cannot be written; key is the
// message, with {file} and {why}. The path is the learner's input, so it is
// a usage error (exit 2) without a pointer to --help, like a name that does
// not resolve; the path is named once.
func fileError(tr *i18n.Catalog, key, path string, err error) error {
	why := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		why = pe.Err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = tr.T("demo.err.why_no_folder", "folder", filepath.Dir(path))
	case oserr.Is(err, oserr.DirInTheWay):
		why = tr.T("demo.err.why_is_folder")
	case errors.Is(err, fs.ErrPermission):
		why = tr.T("demo.err.why_permission")
	}
	return &cmdutil.UsageError{Msg: tr.T(key, "file", path, "why", why), Unresolved: true}
}
