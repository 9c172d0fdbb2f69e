package port

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// renderPlain writes plain records, language-independent but for the
// free text at the end of a line: per port, a "port" record (the number,
// then key=value fields named as in the JSON), a "service" record per known
// service (its description last), and a "listening" record per socket
// listening on it. Only the descriptions and a listing error follow --lang.
func renderPlain(l *output.Layer, tr *i18n.Catalog, reports []ports.Report) error {
	var b strings.Builder
	kv := output.KV
	for _, r := range reports {
		port := strconv.Itoa(r.Port)
		text := ""
		if r.ListeningStatus == ports.ListeningFailed {
			text = tr.T("port.listening.failed", "err", r.ListeningError)
		}
		b.WriteString(output.PlainLine("port", []string{port, kv("arg", r.Arg), kv("class", r.Class),
			kv("iana_range", r.IANARange),
			kv("ephemeral_range", fmt.Sprintf("%d-%d", r.EphemeralRange.Low, r.EphemeralRange.High)),
			kv("in_ephemeral_range", r.InEphemeralRange), kv("needs_privilege", r.NeedsPrivilege),
			kv("listening_status", r.ListeningStatus)}, text))
		for _, s := range r.Services {
			b.WriteString(output.PlainLine("service", []string{port, kv("name", s.Name), kv("protocol", s.Protocol),
				kv("aliases", strings.Join(s.Aliases, ",")), kv("source", s.Source)}, s.Description))
		}
		for _, ln := range r.Listening {
			b.WriteString(output.PlainLine("listening", []string{port, kv("protocol", ln.Protocol), kv("family", ln.Family),
				kv("address", ln.Address), kv("pid", ln.PID), kv("process", ln.Process)}, ""))
		}
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}
