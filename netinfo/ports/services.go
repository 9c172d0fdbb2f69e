package ports

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// Entry is one line of a services database:
// "http 80/tcp www # WorldWideWeb HTTP" → {http, 80, tcp, [www]}.
type Entry struct {
	Name     string
	Port     int
	Protocol string
	Aliases  []string
}

// maxServicesLine bounds one line, so a corrupt file cannot make the
// scanner grow without limit; longer lines end the parse.
const maxServicesLine = 64 * 1024

// ParseServices reads a services file in the format shared by Unix
// (/etc/services) and Windows (drivers\etc\services): name, port/protocol,
// optional aliases, and "#" comments. Malformed lines are skipped and
// counted, never fatal: the file belongs to the OS, not to the user.
func ParseServices(r io.Reader) (entries []Entry, skipped int) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxServicesLine)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		e, ok := parseServiceFields(fields)
		if !ok {
			skipped++
			continue
		}
		entries = append(entries, e)
	}
	return entries, skipped
}

func parseServiceFields(fields []string) (Entry, bool) {
	if len(fields) < 2 {
		return Entry{}, false
	}
	portText, proto, ok := strings.Cut(fields[1], "/")
	if !ok || proto == "" || !isDecimal(portText) {
		return Entry{}, false
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port > MaxPort {
		return Entry{}, false
	}
	e := Entry{Name: fields[0], Port: port, Protocol: strings.ToLower(proto)}
	if len(fields) > 2 {
		e.Aliases = fields[2:]
	}
	return e, true
}

// SystemServicesPath is where this OS keeps its services database.
func SystemServicesPath() string {
	if runtime.GOOS != "windows" {
		return "/etc/services"
	}
	root := os.Getenv("SystemRoot")
	if root == "" {
		root = `C:\Windows`
	}
	return filepath.Join(root, "System32", "drivers", "etc", "services")
}

// LoadSystemServices parses the OS's services file. A missing file is
// no error worth stopping for (minimal containers lack it): the built-in
// table still answers, so it returns no entries.
func LoadSystemServices() []Entry {
	f, err := os.Open(SystemServicesPath())
	if err != nil {
		return nil
	}
	defer f.Close()
	entries, _ := ParseServices(f)
	return entries
}

func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
