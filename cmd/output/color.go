package output

import (
	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"
)

// pterm's styling is global state, and its own detection at start-up knows
// nothing of --no-color, NO_COLOR or forced colour. So it is switched on
// once, for good, and every decision to colour is taken per layer by
// ColorScheme: nothing ever switches pterm off and on again.
func init() { pterm.EnableStyling() }

// Color is one text style of the scheme.
type Color int

// The styles netlearn uses. Each names what it looks like; renderers pick
// one by what the text means (see each command's renderer).
const (
	Bold Color = iota
	Red
	Green
	Yellow
	Cyan
	Gray
	LightCyan
	LightYellow
	LightMagenta
)

var ptermColors = map[Color]pterm.Color{
	Bold:         pterm.Bold,
	Red:          pterm.FgRed,
	Green:        pterm.FgGreen,
	Yellow:       pterm.FgYellow,
	Cyan:         pterm.FgCyan,
	Gray:         pterm.FgGray,
	LightCyan:    pterm.FgLightCyan,
	LightYellow:  pterm.FgLightYellow,
	LightMagenta: pterm.FgLightMagenta,
}

// ColorScheme styles text when colour is on and returns it unchanged when
// it is off. Its zero value is the colourless scheme.
type ColorScheme struct{ on bool }

// NewColorScheme returns a scheme with colour on or off.
func NewColorScheme(on bool) ColorScheme { return ColorScheme{on: on} }

// Enabled reports whether the scheme writes colour codes.
func (c ColorScheme) Enabled() bool { return c.on }

// Paint styles s with col.
func (c ColorScheme) Paint(col Color, s string) string {
	if !c.on {
		return s
	}
	return ptermColors[col].Sprint(s)
}

// Bold styles s bold.
func (c ColorScheme) Bold(s string) string { return c.Paint(Bold, s) }

// Red colours s red: failures.
func (c ColorScheme) Red(s string) string { return c.Paint(Red, s) }

// Green colours s green: success.
func (c ColorScheme) Green(s string) string { return c.Paint(Green, s) }

// Yellow colours s yellow: warnings.
func (c ColorScheme) Yellow(s string) string { return c.Paint(Yellow, s) }

// Cyan colours s cyan.
func (c ColorScheme) Cyan(s string) string { return c.Paint(Cyan, s) }

// Gray colours s grey: what matters less.
func (c ColorScheme) Gray(s string) string { return c.Paint(Gray, s) }

// Section draws a heading: level 1 for a page's title, 2 below it.
func (c ColorScheme) Section(level int, title string) string {
	s := pterm.DefaultSection.WithLevel(level).Sprint(title)
	if !c.on {
		return Strip(s)
	}
	return s
}

// Strip removes colour codes from s.
func Strip(s string) string { return pterm.RemoveColorFromString(s) }

// VisibleWidth is how many columns s takes on screen: colour codes take
// none and a Chinese character takes two.
func VisibleWidth(s string) int { return runewidth.StringWidth(Strip(s)) }
