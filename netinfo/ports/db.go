package ports

import (
	"slices"
	"strings"

	"github.com/netlearn/netlearn/locale"
)

// Service is one service on one port and protocol, as answered to users.
type Service struct {
	Name        string   `json:"name"`
	Protocol    string   `json:"protocol"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"` // empty when only the OS's file knows it
	// Source is "system" (the OS's services file), "built-in" (netlearn's
	// table) or "both".
	Source string `json:"source"`
}

// Where a Service's entry came from.
const (
	FromSystem  = "system"
	FromBuiltIn = "built-in"
	FromBoth    = "both"
)

// DB is the services database: the OS's entries merged with the built-in
// table, searchable both ways (port → services, name → ports).
type DB struct {
	records []record
	byPort  map[int][]int    // port -> indexes into records
	byName  map[string][]int // lower-case name or alias -> indexes
}

type record struct {
	Entry
	known  *Known // the built-in row describing it, if any
	system bool   // listed in the OS's file
}

// LoadDB reads this OS's services file and merges the built-in table in.
func LoadDB() *DB { return NewDB(LoadSystemServices()) }

// NewDB builds a database from a services file's entries plus the built-in
// table. A built-in row attaches its description to the system entry with
// the same port, protocol and a shared name; otherwise it is added.
func NewDB(system []Entry) *DB {
	db := &DB{byPort: map[int][]int{}, byName: map[string][]int{}}
	for _, e := range system {
		if db.find(e.Port, e.Protocol, namesOf(e.Name, e.Aliases)) < 0 {
			db.add(record{Entry: e, system: true})
		}
	}
	for i := range knownPorts {
		k := &knownPorts[i]
		for _, proto := range k.Protocols {
			switch at := db.find(k.Port, proto, namesOf(k.Name, k.Aliases)); {
			case at < 0:
				db.add(record{Entry: Entry{Name: k.Name, Port: k.Port, Protocol: proto, Aliases: k.Aliases}, known: k})
			case db.records[at].known == nil:
				db.records[at].known = k
			}
		}
	}
	return db
}

func (db *DB) add(r record) {
	i := len(db.records)
	db.records = append(db.records, r)
	db.byPort[r.Port] = append(db.byPort[r.Port], i)
	for _, n := range namesOf(r.Name, r.Aliases) {
		db.byName[n] = append(db.byName[n], i)
	}
}

// find returns the index of the record on port/proto that shares a name
// with names, or -1.
func (db *DB) find(port int, proto string, names []string) int {
	for _, i := range db.byPort[port] {
		r := db.records[i]
		if r.Protocol != proto {
			continue
		}
		for _, n := range namesOf(r.Name, r.Aliases) {
			if slices.Contains(names, n) {
				return i
			}
		}
	}
	return -1
}

func namesOf(name string, aliases []string) []string {
	names := []string{strings.ToLower(name)}
	for _, a := range aliases {
		names = append(names, strings.ToLower(a))
	}
	return names
}

// ServicesFor returns the services on port, descriptions in lang ("zh" or
// English), ordered by protocol then name.
func (db *DB) ServicesFor(port int, lang locale.Lang) []Service {
	out := []Service{}
	for _, i := range db.byPort[port] {
		out = append(out, db.records[i].service(lang))
	}
	slices.SortFunc(out, func(a, b Service) int {
		if c := strings.Compare(a.Protocol, b.Protocol); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// Names returns the service names starting with prefix (any case), sorted,
// each once: what shell completion offers.
func (db *DB) Names(prefix string) []string {
	var names []string
	for _, r := range db.records {
		if strings.HasPrefix(strings.ToLower(r.Name), strings.ToLower(prefix)) {
			names = append(names, r.Name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// PortsFor returns the ports a service name or alias (any case) uses,
// ascending; several when the name differs by protocol. None means the
// name is unknown.
func (db *DB) PortsFor(name string) []int {
	var ports []int
	for _, i := range db.byName[strings.ToLower(name)] {
		ports = append(ports, db.records[i].Port)
	}
	slices.Sort(ports)
	return slices.Compact(ports)
}

func (r record) service(lang locale.Lang) Service {
	s := Service{Name: r.Name, Protocol: r.Protocol, Aliases: append([]string{}, r.Aliases...), Source: FromSystem}
	if r.known != nil {
		s.Description = r.known.Description(lang)
		s.Source = FromBoth
		if !r.system {
			s.Source = FromBuiltIn
		}
	}
	return s
}
