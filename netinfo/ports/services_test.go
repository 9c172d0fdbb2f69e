package ports

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestParseServicesSample(t *testing.T) {
	sample := `# /etc/services sample
# comment only

tcpmux		1/tcp				# TCP port service multiplexer
http		80/tcp		www		# WorldWideWeb HTTP
imap2		143/TCP		imap		# Interim Mail Access P 2 and 4
kerberos	88/udp		kerberos5 krb5	# Kerberos v5
	  indented	9/udp	discard-alias
broken
noport		/tcp
noproto		99/
badport		8o/tcp
tooBig		70000/tcp
noslash		81
trailing	82/tcp#comment-glued
`
	entries, skipped := ParseServices(strings.NewReader(sample))
	want := []Entry{
		{"tcpmux", 1, "tcp", nil},
		{"http", 80, "tcp", []string{"www"}},
		{"imap2", 143, "tcp", []string{"imap"}},
		{"kerberos", 88, "udp", []string{"kerberos5", "krb5"}},
		{"indented", 9, "udp", []string{"discard-alias"}},
		{"trailing", 82, "tcp", nil},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("entries:\n got %+v\nwant %+v", entries, want)
	}
	if skipped != 6 {
		t.Errorf("skipped %d malformed lines, want 6", skipped)
	}
}

func TestParseServicesHugeLineStops(t *testing.T) {
	huge := "a 1/tcp\n" + strings.Repeat("x", maxServicesLine+10) + "\nb 2/tcp\n"
	entries, _ := ParseServices(strings.NewReader(huge))
	if len(entries) == 0 || entries[0].Name != "a" {
		t.Errorf("entries before the huge line lost: %+v", entries)
	}
}

func FuzzParseServices(f *testing.F) {
	f.Add("http 80/tcp www # web\n")
	f.Add("# only a comment\n\n\t\n")
	f.Add("x 99999/udp\ny /tcp\nz 5/\n")
	f.Fuzz(func(t *testing.T, text string) {
		entries, skipped := ParseServices(strings.NewReader(text))
		if skipped < 0 || len(entries)+skipped > strings.Count(text, "\n")+1 {
			t.Fatalf("%d entries + %d skipped from %d lines", len(entries), skipped, strings.Count(text, "\n")+1)
		}
		for _, e := range entries {
			if e.Name == "" || e.Protocol == "" || e.Port < MinPort || e.Port > MaxPort {
				t.Fatalf("bad entry %+v from %q", e, text)
			}
		}
		NewDB(entries) // must not panic on anything the parser lets through
	})
}

func TestBuiltInTableIsBilingualAndSorted(t *testing.T) {
	seen := map[string]bool{}
	for i, k := range KnownPorts() {
		if k.EN == "" || k.ZH == "" {
			t.Errorf("port %d %s: a description is missing (en %q, zh %q)", k.Port, k.Name, k.EN, k.ZH)
		}
		if !strings.ContainsFunc(k.ZH, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("port %d %s: zh description has no Chinese: %q", k.Port, k.Name, k.ZH)
		}
		if strings.ContainsFunc(k.EN, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("port %d %s: en description has Chinese: %q", k.Port, k.Name, k.EN)
		}
		if i > 0 && k.Port <= knownPorts[i-1].Port {
			t.Errorf("port %d is out of order", k.Port)
		}
		if seen[k.Name] || len(k.Protocols) == 0 {
			t.Errorf("port %d %s: duplicate name or no protocol", k.Port, k.Name)
		}
		seen[k.Name] = true
	}
}

func TestDBMergesBothWays(t *testing.T) {
	db := NewDB([]Entry{
		{"http", 80, "tcp", []string{"www"}},
		{"imap2", 143, "tcp", []string{"imap"}},
		{"biff", 512, "udp", nil},
		{"http", 80, "tcp", []string{"www"}}, // listed twice: kept once
	})
	got := db.ServicesFor(80, "zh")
	if len(got) != 1 || got[0].Source != FromBoth || got[0].Description == "" || !reflect.DeepEqual(got[0].Aliases, []string{"www"}) {
		t.Errorf("80: %+v", got)
	}
	if got := db.ServicesFor(143, "en"); len(got) != 1 || got[0].Name != "imap2" || got[0].Source != FromBoth {
		t.Errorf("143 should merge the built-in imap into the system's imap2: %+v", got)
	}
	if got := db.ServicesFor(512, "en"); len(got) != 1 || got[0].Source != FromSystem || got[0].Description != "" {
		t.Errorf("512: %+v", got)
	}
	dns := db.ServicesFor(53, "en")
	if len(dns) != 2 || dns[0].Protocol != "tcp" || dns[1].Protocol != "udp" || dns[0].Source != FromBuiltIn {
		t.Errorf("53 from the built-in table, tcp then udp: %+v", dns)
	}
	if got := db.ServicesFor(54321, "en"); got == nil || len(got) != 0 {
		t.Errorf("unused port: %#v, want an empty list", got)
	}
	if got := db.PortsFor("IMAP"); !reflect.DeepEqual(got, []int{143}) {
		t.Errorf("PortsFor(IMAP) = %v", got)
	}
	if got := db.PortsFor("nope"); len(got) != 0 {
		t.Errorf("PortsFor(nope) = %v", got)
	}
}

func TestRealServicesFileKnowsHTTP(t *testing.T) {
	db := LoadDB()
	if got := db.PortsFor("http"); len(got) != 1 || got[0] != 80 {
		t.Errorf("PortsFor(http) = %v", got)
	}
}

func TestNamesForCompletion(t *testing.T) {
	db := NewDB([]Entry{{Name: "HTTP-alt", Port: 8080, Protocol: "tcp"}})
	got := db.Names("ht")
	if !slices.Contains(got, "http") || !slices.Contains(got, "https") || !slices.Contains(got, "HTTP-alt") || slices.Contains(got, "ssh") {
		t.Errorf("Names(ht) = %v", got)
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("Names(ht) = %v, want sorted and each once", got)
	}
}
