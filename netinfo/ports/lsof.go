package ports

import (
	"bufio"
	"net"
	"strconv"
	"strings"
)

// parseLsof reads `lsof -F pcPtn` output (one field per line, the first
// byte naming the field) and returns the listeners on the wanted ports.
// macOS has no sock_diag; lsof is how it shows sockets without cgo.
// Connected sockets (a name with "->") are not listeners and are skipped.
func parseLsof(out string, want map[int]bool) []Listener {
	var found []Listener
	var pid int
	var command, proto, family string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		field, value := line[0], line[1:]
		switch field {
		case 'p':
			pid, _ = strconv.Atoi(value)
			command = ""
		case 'c':
			command = value
		case 'f':
			proto, family = "", ""
		case 'P':
			proto = strings.ToLower(value)
		case 't':
			family = strings.ToLower(value) // "IPv4" or "IPv6"
		case 'n':
			if l, ok := lsofListener(value, proto, family, want); ok {
				l.PID, l.Process = pid, command
				found = append(found, l)
			}
		}
	}
	return found
}

// lsofListener turns an lsof name such as "*:80", "127.0.0.1:631" or
// "[::1]:631" into a Listener when it is on a wanted port.
func lsofListener(name, proto, family string, want map[int]bool) (Listener, bool) {
	if strings.Contains(name, "->") || (proto != "tcp" && proto != "udp") {
		return Listener{}, false
	}
	host, portText, err := net.SplitHostPort(name)
	if err != nil {
		return Listener{}, false
	}
	port, err := strconv.Atoi(portText)
	if err != nil || !want[port] {
		return Listener{}, false
	}
	if family != "ipv6" {
		family = "ipv4"
	}
	if host == "*" {
		host = map[string]string{"ipv4": "0.0.0.0", "ipv6": "::"}[family]
	}
	return Listener{Protocol: proto, Family: family, Address: host, Port: port}, true
}
