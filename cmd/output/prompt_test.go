package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func testTerminal(reads ...string) (*terminal, *bytes.Buffer, *int) {
	out, flushed := &bytes.Buffer{}, 0
	return &terminal{
		keys:  newKeyReader(&chunks{parts: reads}),
		out:   out,
		raw:   func() (func(), error) { return func() {}, nil },
		flush: func() { flushed++ },
	}, out, &flushed
}

// TestSelectHandlesEveryKeyOfARead: Down Down Enter in one read picks the
// third option.
func TestSelectHandlesEveryKeyOfARead(t *testing.T) {
	term, out, _ := testTerminal("\x1b[B\x1b[B\r")
	i, err := term.sel("Pick", []string{"a", "b", "c", "d"})
	if i != 2 || err != nil {
		t.Errorf("sel = %d, %v; want 2", i, err)
	}
	if !strings.HasSuffix(out.String(), "Pick c\r\n") {
		t.Errorf("screen ends %q", out.String())
	}
}

func TestSelectEscGoesBackAndCtrlCCancels(t *testing.T) {
	for in, want := range map[string]error{"\x1b": ErrBack, "\x03": ErrCancelled, "": ErrCancelled} {
		term, _, _ := testTerminal(in)
		if _, err := term.sel("Pick", []string{"a", "b"}); !errors.Is(err, want) {
			t.Errorf("%q: %v, want %v", in, err, want)
		}
	}
	if !errors.Is(ErrBack, ErrCancelled) {
		t.Error("Esc must also stop code that only knows Ctrl-C")
	}
}

// TestConfirmIsALinePrompt: a yes/no question waits for Enter, and what
// came before it was asked (the Enter after the last answer, keys typed
// while a command ran) is dropped, not taken as its answer.
func TestConfirmIsALinePrompt(t *testing.T) {
	term, out, flushed := testTerminal("y\ry\r", "n\r", "n", "o\r")
	p := func(q string) bool {
		a, err := term.line(q+" [y/N] ", true)
		if err != nil {
			t.Fatal(err)
		}
		return isYes(a, "y 是")
	}
	if !p("first?") {
		t.Error("y then Enter was not yes")
	}
	if p("second?") { // "y\r" came before it was asked: dropped; "n\r" is its answer
		t.Error("the second question took keys typed before it as its answer")
	}
	if p("third?") {
		t.Error("no was yes")
	}
	if *flushed != 3 {
		t.Errorf("terminal input flushed %d times, want once per question", *flushed)
	}
	if !strings.Contains(out.String(), "first? [y/N] y\r\n") {
		t.Errorf("screen %q", out.String())
	}
}

func TestLineEditsAndAcceptsChinese(t *testing.T) {
	term, _, _ := testTerminal("8\x7f80 是\r")
	got, err := term.line("port? ", false)
	if got != "80 是" || err != nil {
		t.Errorf("line = %q, %v", got, err)
	}
	if !isYes("是", "y 是") || !isYes(" YES ", "Yes") || isYes("", "Yes") || isYes("maybe", "Yes") {
		t.Error("isYes")
	}
}
