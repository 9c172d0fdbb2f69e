package iostreams

import "testing"

func TestApplyColor(t *testing.T) {
	cases := []struct {
		name       string
		tty        bool
		settings   ColorSettings
		wantColor  bool
		wantLayout bool // terminal layout chosen
	}{
		{"terminal", true, ColorSettings{}, true, true},
		{"pipe", false, ColorSettings{}, false, false},
		{"--no-color on terminal", true, ColorSettings{NoColorFlag: true}, false, true},
		{"NO_COLOR on terminal", true, ColorSettings{NoColorEnv: "1"}, false, true},
		{"CLICOLOR_FORCE on pipe", false, ColorSettings{ForceEnv: "1"}, true, true},
		{"CLICOLOR_FORCE=0 is not forcing", false, ColorSettings{ForceEnv: "0"}, false, false},
		{"NO_COLOR beats CLICOLOR_FORCE", false, ColorSettings{ForceEnv: "1", NoColorEnv: "1"}, false, true},
		{"--no-color beats CLICOLOR_FORCE", false, ColorSettings{ForceEnv: "1", NoColorFlag: true}, false, true},
	}
	for _, c := range cases {
		ios, _, _, _ := Test()
		ios.SetTTY(false, c.tty, false)
		ios.ApplyColor(c.settings)
		if ios.ColorEnabled() != c.wantColor || ios.IsStdoutTTY() != c.wantLayout {
			t.Errorf("%s: color %v layout %v, want %v %v", c.name,
				ios.ColorEnabled(), ios.IsStdoutTTY(), c.wantColor, c.wantLayout)
		}
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
	if w := ios.TerminalWidth(); w != 80 {
		t.Errorf("width %d, want 80 for a buffer", w)
	}
	ios.SetTerminalWidth(120)
	if w := ios.TerminalWidth(); w != 120 {
		t.Errorf("width %d after SetTerminalWidth(120)", w)
	}
}
