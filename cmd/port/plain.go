package port

import (
	"fmt"
	"io"
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// renderPlain writes one block of "key: value" lines per port, blocks
// separated by a blank line. Keys are the JSON field names and values are
// stable words, so scripts can grep them in any language; only the
// free-text service descriptions and the error detail follow --lang.
// Fields of a multi-valued line are separated by tabs.
func renderPlain(l *output.Layer, tr *i18n.Catalog, reports []ports.Report) error {
	var b strings.Builder
	for i, r := range reports {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "arg: %s\nport: %d\nclass: %s\niana_range: %s\n", r.Arg, r.Port, r.Class, r.IANARange)
		for _, s := range r.Services {
			fmt.Fprintf(&b, "service: %s\t%s\t%s\t%s\t%s\n", s.Name, s.Protocol, dashIfEmpty(strings.Join(s.Aliases, ",")), s.Source, dashIfEmpty(s.Description))
		}
		if len(r.Services) == 0 {
			b.WriteString("service: -\n")
		}
		fmt.Fprintf(&b, "ephemeral_range: %d-%d\nin_ephemeral_range: %t\nneeds_privilege: %t\n",
			r.EphemeralRange.Low, r.EphemeralRange.High, r.InEphemeralRange, r.NeedsPrivilege)
		b.WriteString(plainListening(tr, r))
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

func plainListening(tr *i18n.Catalog, r ports.Report) string {
	switch {
	case r.ListeningStatus == ports.ListeningUnavailable:
		return "listening: unavailable\n"
	case r.ListeningStatus == ports.ListeningFailed:
		return "listening: failed\t" + tr.T("port.listening.failed", "err", r.ListeningError) + "\n"
	case len(r.Listening) == 0:
		return "listening: none\n"
	}
	var b strings.Builder
	for _, l := range r.Listening {
		fmt.Fprintf(&b, "listening: %s\t%s\t%s\t%d\t%s\n", l.Protocol, l.Family, l.Address, l.PID, dashIfEmpty(l.Process))
	}
	return b.String()
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
