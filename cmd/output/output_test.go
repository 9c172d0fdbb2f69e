package output

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestColorSchemeOnAndOffWithoutGlobalSwitches(t *testing.T) {
	on, off := NewColorScheme(true), NewColorScheme(false)
	for col := range ptermColors {
		if got := off.Paint(col, "x"); got != "x" {
			t.Errorf("colour off, style %d: %q, want the text alone", col, got)
		}
		if got := on.Paint(col, "x"); !strings.Contains(got, "\x1b[") || Strip(got) != "x" {
			t.Errorf("colour on, style %d: %q, want x wrapped in escape codes", col, got)
		}
	}
	if got := off.Section(1, "Title"); strings.Contains(got, "\x1b") || !strings.Contains(got, "Title") {
		t.Errorf("section with colour off: %q", got)
	}
	if got := on.Section(2, "Title"); !strings.Contains(got, "\x1b[") {
		t.Errorf("section with colour on has no escape codes: %q", got)
	}
}

func TestWithJSONTurnsColourOffAndKeepsTheOriginal(t *testing.T) {
	l := New(&bytes.Buffer{}, Terminal, true, 100)
	j := l.WithJSON(true)
	if !j.IsJSON() || j.ColorScheme().Enabled() || j.Width() != 100 {
		t.Errorf("WithJSON(true): look %v colour %v width %d", j.Look(), j.ColorScheme().Enabled(), j.Width())
	}
	if !l.IsTerminal() || !l.ColorScheme().Enabled() || l.WithJSON(false) != l {
		t.Error("WithJSON changed the layer it was called on")
	}
}

func TestWrapOnlyOnATerminal(t *testing.T) {
	text := strings.Repeat("word ", 30)
	if got := New(nil, Plain, false, 20).Wrap(text, ""); got != text {
		t.Errorf("plain look wrapped: %q", got)
	}
	if got := New(nil, Terminal, false, 20).Wrap(text, ""); !strings.Contains(got, "\n") {
		t.Errorf("terminal look did not wrap at 20 columns: %q", got)
	}
}

func TestStreamRedrawsTheStatusLineBelowRecords(t *testing.T) {
	var buf bytes.Buffer
	s := New(&buf, Terminal, false, 80).Stream()
	s.Emit(Record{Terminal: "one", Status: "[status 1]"})
	s.Emit(Record{Terminal: "two", Status: "[status 2]"})
	s.Emit(Record{Terminal: "three"})
	if err := s.End(); err != nil {
		t.Fatal(err)
	}
	want := "one\n[status 1]" + ClearLine + "two\n[status 2]" + ClearLine + "three\n[status 2]" + ClearLine
	if got := buf.String(); got != want {
		t.Errorf("terminal stream\n got %q\nwant %q", got, want)
	}
}

func TestStreamPlainRecordsStayOneLine(t *testing.T) {
	var buf bytes.Buffer
	s := New(&buf, Plain, false, 80).Stream()
	s.Emit(Record{Type: "note", Values: []string{"slow"}, Text: "prose\nover\ttwo lines", Status: "ignored"})
	s.Emit(Record{Terminal: "terminal only"})
	if got, want := buf.String(), "note\tslow\tprose over two lines\n"; got != want {
		t.Errorf("plain stream %q, want %q", got, want)
	}
}

// TestPlainLineJoinsChineseLinesWithoutSpace: Chinese puts no space after
// its punctuation where two lines meet; a break next to Latin text or
// code, or after a heading, still becomes one.
func TestPlainLineJoinsChineseLinesWithoutSpace(t *testing.T) {
	cases := []struct{ text, want string }{
		{"为什么？\n    服务端：conn.recv(1024)\n    客户端：recv", "为什么？服务端：conn.recv(1024) 客户端：recv"},
		{"第一行。\r\n第二行", "第一行。第二行"},
		{"发送 你好 来演示", "发送 你好 来演示"},
		{"[服务端] 1. 创建套接字\n    向操作系统申请", "[服务端] 1. 创建套接字 向操作系统申请"},
		{"收到 “hello”\n之后", "收到 “hello” 之后"},
		{"  two\n lines \t ", "two lines"},
	}
	for _, c := range cases {
		if got, want := PlainLine("t", nil, c.text), "t\t"+c.want+"\n"; got != want {
			t.Errorf("PlainLine(%q) = %q, want %q", c.text, got, want)
		}
	}
}

func sample() [][]string {
	return [][]string{
		{"PORT", "PROTOCOLS", "NAME", "CLASS", "WHAT IT IS"},
		{"22", "tcp", "ssh", "well-known", "SSH: encrypted remote login, commands and file copy"},
		{"53", "tcp,udp", "domain", "well-known", "DNS: turns names like example.com into addresses"},
	}
}

func sampleTable(width int, expendable ...int) string {
	l := New(nil, Terminal, false, width)
	rows := sample()
	tb := l.NewTable("port", rows[0]...).Expendable(expendable...)
	for _, r := range rows[1:] {
		cells := make([]Cell, len(r))
		for i, s := range r {
			cells[i] = Text(s)
		}
		tb.AddRow(cells...)
	}
	s, err := tb.Render()
	if err != nil {
		panic(err)
	}
	return s
}

func widest(table string) int {
	w := 0
	for _, line := range strings.Split(table, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

func TestTableDropsExpendableColumnsInOrder(t *testing.T) {
	cases := []struct {
		width         int
		class, protos bool
	}{
		{120, true, true},
		{56, false, true},
		{40, false, false},
	}
	for _, c := range cases {
		table := sampleTable(c.width, 3, 1)
		if strings.Contains(table, "CLASS") != c.class || strings.Contains(table, "PROTOCOLS") != c.protos {
			t.Errorf("width %d: class shown %v, protocols shown %v\n%s", c.width,
				strings.Contains(table, "CLASS"), strings.Contains(table, "PROTOCOLS"), table)
		}
		if w := widest(table); w > c.width {
			t.Errorf("width %d: table is %d wide\n%s", c.width, w, table)
		}
		if !strings.Contains(table, "SSH:") || !strings.Contains(table, "copy") {
			t.Errorf("width %d: the last column lost its text\n%s", c.width, table)
		}
	}
}

func TestTableLeavesAFittingTableWhole(t *testing.T) {
	tb := New(nil, Terminal, false, 80).NewTable("iface", "网卡", "类别")
	tb.AddRow(Text("以太网"), Text("private"))
	table, _ := tb.Render()
	if !strings.Contains(table, "以太网 │ private") {
		t.Errorf("table:\n%s", table)
	}
}

func TestTableGivesUpWithoutLosingText(t *testing.T) {
	table := sampleTable(10)
	if !strings.Contains(table, "well-known") || !strings.Contains(table, "domain") {
		t.Errorf("too narrow to fit, yet text was dropped:\n%s", table)
	}
}

func TestTableWithColourOffHasNoEscapes(t *testing.T) {
	for _, on := range []bool{false, true} {
		l := New(nil, Terminal, on, 80)
		tb := l.NewTable("x", "A")
		tb.AddRow(Text(l.ColorScheme().Green("ok")))
		s, _ := tb.Render()
		if strings.Contains(s, "\x1b") != on {
			t.Errorf("colour %v: table %q", on, s)
		}
	}
}

type portDoc struct {
	Port int `json:"port"`
}

func TestRenderPicksTheLook(t *testing.T) {
	terminal := func(l *Layer, s portDoc) error {
		_, err := fmt.Fprintf(l.Writer(), "TERMINAL %d\n", s.Port)
		return err
	}
	plain := func(l *Layer, s portDoc) error { _, err := fmt.Fprintf(l.Writer(), "port: %d\n", s.Port); return err }
	cases := []struct {
		name   string
		look   Look
		asJSON bool
		want   string
	}{
		{"piped", Plain, false, "port: 80\n"},
		{"terminal", Terminal, false, "TERMINAL 80\n"},
		{"json wins on a terminal", Terminal, true, "{\n  \"port\": 80\n}\n"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		if err := Render(New(&out, c.look, false, 80).WithJSON(c.asJSON), portDoc{Port: 80}, terminal, plain); err != nil {
			t.Fatal(err)
		}
		if out.String() != c.want {
			t.Errorf("%s: got %q, want %q", c.name, out.String(), c.want)
		}
	}
}

func TestWriteJSONKeepsHTMLCharacters(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, map[string]string{"a": "<tcp>&"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<tcp>&") {
		t.Errorf("escaped: %s", b.String())
	}
}

// Piped, the free-text column goes last, whatever its place on a terminal.
func TestProseColumnIsLastWhenPiped(t *testing.T) {
	build := func(look Look) string {
		tb := New(nil, look, false, 80).NewTable("exercise", "NAME", "TASK", "").Prose(1)
		tb.AddRow(Text("client"), Text("a client (1.7.1)"), Value("← next", "next"))
		s, _ := tb.Render()
		return s
	}
	if got := build(Plain); got != "exercise\tclient\tnext\ta client (1.7.1)\n" {
		t.Errorf("piped: %q", got)
	}
	if got := build(Terminal); !strings.Contains(got, "client │ a client (1.7.1) │ ← next") {
		t.Errorf("terminal:\n%s", got)
	}
}
