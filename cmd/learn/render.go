package learn

import (
	"fmt"
	"io"
	"strings"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// renderPlain writes a lesson as the Markdown subset it was written in,
// with no styling: easy to read in a pager and to grep.
func renderPlain(out *output.Layer, l *lessons.Lesson) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n", l.Section, l.Title)
	for _, part := range l.Parts() {
		if part.Title != "" {
			fmt.Fprintf(&b, "\n## %s\n", part.Title)
		}
		for _, blk := range part.Blocks {
			b.WriteString("\n")
			switch blk.Kind {
			case lessons.BlockHeading:
				fmt.Fprintf(&b, "### %s\n", blk.Text)
			case lessons.BlockParagraph:
				b.WriteString(blk.Text + "\n")
			case lessons.BlockBullets:
				for _, item := range blk.Items {
					b.WriteString("- " + strings.ReplaceAll(item, "\n", "\n  ") + "\n")
				}
			case lessons.BlockCode:
				for _, line := range strings.Split(blk.Text, "\n") {
					b.WriteString(strings.TrimRight("    "+line, " ") + "\n")
				}
			}
		}
		if part.Anchor == lessons.AnchorTry {
			b.WriteString("\n")
			for _, cmd := range l.Try {
				b.WriteString("    $ " + cmd + "\n")
			}
		}
	}
	_, err := io.WriteString(out.Writer(), b.String())
	return err
}

// renderTerminal writes a lesson styled, wrapped to the layer's width.
func renderTerminal(out *output.Layer, l *lessons.Lesson) error {
	cs := out.ColorScheme()
	var b strings.Builder
	b.WriteString(cs.Section(1, l.Section+"  "+l.Title))
	for _, part := range l.Parts() {
		if part.Title != "" {
			b.WriteString(cs.Section(2, part.Title))
		}
		for _, blk := range part.Blocks {
			b.WriteString(terminalBlock(cs, blk, out.Width()))
		}
		if part.Anchor == lessons.AnchorTry {
			for _, cmd := range l.Try {
				b.WriteString("  " + cs.Gray("$ ") + cs.Bold(cs.Paint(output.LightCyan, cmd)) + "\n")
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(out.Writer(), b.String())
	return err
}

// codeIndent prefixes every line of a code block or diagram.
const codeIndent = "  │ "

func terminalBlock(cs output.ColorScheme, blk lessons.Block, width int) string {
	switch blk.Kind {
	case lessons.BlockHeading:
		return cs.Bold(cs.Yellow("▸ "+blk.Text)) + "\n\n"
	case lessons.BlockParagraph:
		return strings.Join(styleInlineCode(cs, textwrap.Lines(blk.Text, width)), "\n") + "\n\n"
	case lessons.BlockBullets:
		var b strings.Builder
		for _, item := range blk.Items {
			lines := styleInlineCode(cs, textwrap.Lines(item, width-4))
			b.WriteString("  " + cs.Paint(output.LightMagenta, "•") + " " + strings.Join(lines, "\n    ") + "\n")
		}
		return b.String() + "\n"
	case lessons.BlockCode:
		color := output.LightYellow
		if blk.Lang == "text" || blk.Lang == "" {
			color = output.LightCyan // diagrams and sample output
		}
		var b strings.Builder
		if blk.Lang != "" && blk.Lang != "text" {
			b.WriteString(cs.Gray(codeIndent+blk.Lang) + "\n")
		}
		for _, line := range strings.Split(blk.Text, "\n") {
			b.WriteString(cs.Gray(codeIndent) + cs.Paint(color, line) + "\n")
		}
		return b.String() + "\n"
	}
	return ""
}

// styleInlineCode colours `code` spans and drops their backticks. A span
// may run across wrapped lines.
func styleInlineCode(cs output.ColorScheme, lines []string) []string {
	inCode := false
	out := make([]string, len(lines))
	for i, line := range lines {
		var b strings.Builder
		parts := strings.Split(line, "`")
		for j, p := range parts {
			if j > 0 {
				inCode = !inCode
			}
			if inCode {
				b.WriteString(cs.Paint(output.LightCyan, p))
			} else {
				b.WriteString(p)
			}
		}
		out[i] = b.String()
	}
	return out
}
