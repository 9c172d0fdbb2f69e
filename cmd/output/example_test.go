package output_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/netlearn/netlearn/cmd/output"
)

// reply is what a logic package might report while a command runs.
type reply struct {
	Seq   int     `json:"seq"`
	RTTMs float64 `json:"rtt_ms"`
}

// streamReplies is how a command shows live results: it builds one Record
// per event with all three looks filled in, and never asks which look is in
// use. The layer comes from ios.Output().WithJSON(opts.JSON) in a command.
func streamReplies(l *output.Layer, replies []reply) error {
	cs := l.ColorScheme()
	s := l.Stream()
	for _, r := range replies {
		s.Emit(output.Record{
			Type:     "reply",
			Values:   []string{output.KV("seq", r.Seq), output.KV("time_ms", r.RTTMs)},
			Text:     "a reply came back", // prose: the user's language
			Terminal: cs.Green(fmt.Sprintf("reply %d: %.1f ms", r.Seq, r.RTTMs)),
			JSON:     r,
		})
	}
	return s.End()
}

// Example_stream shows one stream in the three looks. Colour is off here so
// that the output is readable; with colour on, only the Terminal lines
// change.
func Example_stream() {
	replies := []reply{{1, 0.5}, {2, 0.7}}
	for _, look := range []output.Look{output.Terminal, output.Plain, output.JSON} {
		fmt.Println("--", look)
		_ = streamReplies(output.New(os.Stdout, look, false, 80), replies)
	}
	// Output:
	// -- terminal
	// reply 1: 0.5 ms
	// reply 2: 0.7 ms
	// -- plain
	// reply	seq=1	time_ms=0.5	a reply came back
	// reply	seq=2	time_ms=0.7	a reply came back
	// -- json
	// {"seq":1,"rtt_ms":0.5}
	// {"seq":2,"rtt_ms":0.7}
}

// Example_table shows a table: aligned on a terminal, records when piped.
func Example_table() {
	for _, look := range []output.Look{output.Terminal, output.Plain} {
		l := output.New(os.Stdout, look, false, 80)
		t := l.NewTable("lesson", "SECTION", "READ", "TITLE")
		t.AddRow(output.Text("1.1"), output.Value("yes", "read"), output.Text("What a network is"))
		t.AddRow(output.Text("1.2"), output.Value("no", "unread"), output.Text("Addresses"))
		s, _ := t.Render()
		for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			fmt.Println(strings.TrimRight(line, " ")) // pterm pads cells
		}
	}
	// Output:
	// SECTION │ READ │ TITLE
	// ──────────────────────────────────
	// 1.1     │ yes  │ What a network is
	// 1.2     │ no   │ Addresses
	// lesson	1.1	read	What a network is
	// lesson	1.2	unread	Addresses
}
