package cmdutil

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
)

type sample struct {
	Port int `json:"port"`
}

var sampleRenderers = Renderers[sample]{
	Terminal: func(w io.Writer, s sample) error { _, err := fmt.Fprintf(w, "TERMINAL %d\n", s.Port); return err },
	Plain:    func(w io.Writer, s sample) error { _, err := fmt.Fprintf(w, "port: %d\n", s.Port); return err },
}

func TestRenderPicksTheLook(t *testing.T) {
	cases := []struct {
		name   string
		tty    bool
		asJSON bool
		want   string
	}{
		{"piped", false, false, "port: 80\n"},
		{"terminal", true, false, "TERMINAL 80\n"},
		{"json wins on a terminal", true, true, "{\n  \"port\": 80\n}\n"},
	}
	for _, c := range cases {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(false, c.tty, false)
		f := NewFactory(ios, i18n.EN)
		if err := Render(f, c.asJSON, sample{Port: 80}, sampleRenderers); err != nil {
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
