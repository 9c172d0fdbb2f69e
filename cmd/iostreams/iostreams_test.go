package iostreams

import (
	"testing"

	"github.com/netlearn/netlearn/cmd/output"
)

func TestApplyKeepsColourAndLayoutApart(t *testing.T) {
	cases := []struct {
		name       string
		tty        bool
		settings   Settings
		wantColor  bool
		wantLayout bool // terminal layout chosen
	}{
		{"terminal", true, Settings{}, true, true},
		{"pipe", false, Settings{}, false, false},
		{"--no-color on terminal", true, Settings{NoColorFlag: true}, false, true},
		{"NO_COLOR on terminal", true, Settings{NoColorEnv: "1"}, false, true},
		{"CLICOLOR_FORCE on pipe forces colour only", false, Settings{ForceColor: "1"}, true, false},
		{"CLICOLOR_FORCE=0 is not forcing", false, Settings{ForceColor: "0"}, false, false},
		{"NO_COLOR beats CLICOLOR_FORCE", false, Settings{ForceColor: "1", NoColorEnv: "1"}, false, false},
		{"--no-color beats CLICOLOR_FORCE", false, Settings{ForceColor: "1", NoColorFlag: true}, false, false},
		{"NETLEARN_FORCE_TTY on pipe forces the layout", false, Settings{ForceTTY: "1"}, true, true},
		{"NETLEARN_FORCE_TTY=0 is not forcing", false, Settings{ForceTTY: "0"}, false, false},
		{"NETLEARN_FORCE_TTY with --no-color", false, Settings{ForceTTY: "1", NoColorFlag: true}, false, true},
	}
	for _, c := range cases {
		ios, _, _, _ := Test()
		ios.SetTTY(false, c.tty, false)
		ios.Apply(c.settings)
		if ios.colorEnabled() != c.wantColor || ios.isStdoutTTY() != c.wantLayout {
			t.Errorf("%s: color %v layout %v, want %v %v", c.name,
				ios.colorEnabled(), ios.isStdoutTTY(), c.wantColor, c.wantLayout)
		}
		wantLook := output.Plain
		if c.wantLayout {
			wantLook = output.Terminal
		}
		if l := ios.Output(); l.Look() != wantLook || l.ColorScheme().Enabled() != c.wantColor {
			t.Errorf("%s: layer look %v colour %v", c.name, l.Look(), l.ColorScheme().Enabled())
		}
	}
}

func TestForcedLayoutNeverPrompts(t *testing.T) {
	for _, s := range []Settings{{ForceTTY: "1"}, {ForceColor: "1"}} {
		ios, _, _, _ := Test()
		ios.SetTTY(true, false, true)
		ios.Apply(s)
		if ios.CanPrompt() {
			t.Errorf("%+v: CanPrompt with stdout piped", s)
		}
	}
}

func TestForceTTYNumberSetsTheWidth(t *testing.T) {
	ios, _, _, _ := Test()
	ios.Apply(Settings{ForceTTY: "100"})
	if w := ios.terminalWidth(); w != 100 {
		t.Errorf("NETLEARN_FORCE_TTY=100: width %d", w)
	}
}

func TestCanPromptNeedsBothEnds(t *testing.T) {
	ios, _, _, _ := Test()
	ios.SetTTY(true, false, true)
	if ios.CanPrompt() {
		t.Error("CanPrompt with stdout piped")
	}
	ios.SetTTY(true, true, false)
	if !ios.CanPrompt() {
		t.Error("no CanPrompt with stdin and stdout on a terminal")
	}
}

func TestTerminalWidthDefaultsTo80(t *testing.T) {
	ios, _, _, _ := Test()
	if w := ios.terminalWidth(); w != 80 {
		t.Errorf("width %d, want 80 for a buffer", w)
	}
	ios.SetTerminalWidth(120)
	if w := ios.terminalWidth(); w != 120 {
		t.Errorf("width %d after SetTerminalWidth(120)", w)
	}
}
