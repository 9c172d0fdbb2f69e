package textwrap

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

func TestLinesFitAndKeepTheText(t *testing.T) {
	en := "The IP address brings data to the right machine, and the port brings it to the right program."
	lines := Lines(en, 30)
	for _, line := range lines {
		if runewidth.StringWidth(line) > 30 || strings.HasPrefix(line, " ") || strings.HasSuffix(line, " ") {
			t.Errorf("line %q is wider than 30 or has edge spaces", line)
		}
	}
	if got := strings.Join(lines, " "); got != en {
		t.Errorf("wrapping lost text: %q", got)
	}
	zh := "端口是传输数据的通道，好比教室的门，是数据传输的必经之路。"
	lines = Lines(zh, 20)
	if len(lines) < 3 || strings.Join(lines, "") != zh {
		t.Errorf("Chinese wrapped as %q", lines)
	}
	for _, line := range lines {
		if runewidth.StringWidth(line) > 20 {
			t.Errorf("line %q is wider than 20 columns", line)
		}
	}
}

func TestLinesExactBreaks(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"one two three four five six seven", 20, []string{"one two three four", "five six seven"}},
		// A word that fills the line exactly stays on it: the space after
		// it is where the line breaks, not a reason to move the word.
		{"one two three four fiv six", 22, []string{"one two three four fiv", "six"}},
		{"exactly twenty chars ", 20, []string{"exactly twenty chars"}},
		{"short", 80, []string{"short"}},
		{"a\nb", 80, []string{"a", "b"}}, // the author's line break stays
		{"", 80, []string{""}},
		{"默认路由走的是网卡默认路由走的是网卡默认路由", 20, []string{"默认路由走的是网卡默", "认路由走的是网卡默认", "路由"}},
		// The line breaks at the space itself: the next line does not start with it.
		{"系统端口 0–1023，用户端口 1024–49151", 25, []string{"系统端口 0–1023，用户端口", "1024–49151"}},
		{"  indented by the author, kept", 20, []string{"  indented by the", "author, kept"}},
		// Mixed: a break may fall between a Latin word and a Chinese character.
		{"为什么是它：默认路由走的是 eth0，所以局域网", 20, []string{"为什么是它：默认路由", "走的是 eth0，所以局", "域网"}},
	}
	for _, c := range cases {
		got := Lines(c.text, c.width)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("Lines(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// TestNoLineStartsWithClosingPunctuation: the punctuation goes to the end
// of the line above with the character before it (and an opening bracket
// goes down with the text it opens), and the line still fits
// (an earlier version let it hang past the edge, and the terminal then
// folded it onto a line of its own).
func TestNoLineStartsWithClosingPunctuation(t *testing.T) {
	for _, text := range []string{
		"一二三四五六七八九十，十一。",
		"笔记把 65536 个端口分成两类：0–1023 是知名端口，留给标准服务；1024–65535 是动态端口，其余程序都用这一段。",
		"来自本机的 services 文件（/etc/services）和 netlearn 的内置表。登记只是约定，不是锁：任何程序都可以使用任何空闲端口。",
		"与服务端开始 TCP 三次握手。本端的端口由操作系统自动挑选一个空闲的动态端口（第 1.2 节）。",
		// A closing quote (narrow in runewidth's count) before closing brackets:
		// `netlearn ip`'s legend began a line with "”）。" at width 35.
		"只在这一根网线或这一个 Wi-Fi 里有效（Windows 的 ipconfig 叫“本地链接”）。fe80:: 开头的地址",
	} {
		for width := MinWidth; width <= 90; width++ {
			for _, line := range Lines(text, width) {
				first, _ := utf8First(line)
				if strings.ContainsRune(noLineStart, first) || strings.ContainsRune("”’", first) {
					t.Errorf("width %d: line starts with closing punctuation: %q", width, line)
				}
				if last, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune(noLineEnd, last) {
					t.Errorf("width %d: line ends with opening punctuation: %q", width, line)
				}
				if w := runewidth.StringWidth(line); w > width {
					t.Errorf("width %d: line %q is %d wide", width, line, w)
				}
			}
		}
	}
}

func utf8First(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func TestLongWordIsCutWhereItStands(t *testing.T) {
	long := strings.Repeat("x", 50)
	got := Lines("ab "+long, 20)
	want := []string{"ab " + long[:17], long[17:37], long[37:]}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNarrowWidthsAreRaisedToTheMinimum(t *testing.T) {
	if got := Lines("one two three four five six", 0); len(got) != 2 {
		t.Errorf("width 0 gave %q, want lines of %d columns", got, MinWidth)
	}
}

func TestHang(t *testing.T) {
	cases := []struct {
		text, indent string
		width        int
		want         string
	}{
		{"Label   one two three four five six seven", "        ", 24, "Label   one two three\n        four five six\n        seven"},
		{"short", "    ", 80, "short"},
		{"a\nb", "  ", 80, "a\n  b"},
		// The binary form of an IPv6 address is one long word: it starts
		// after the label and continues under itself.
		{"Bin  " + strings.Repeat("01", 20), "     ", 20, "Bin  010101010101010\n     101010101010101\n     0101010101"},
	}
	for _, c := range cases {
		if got := Hang(c.text, c.width, c.indent); got != c.want {
			t.Errorf("Hang(%q, %d) =\n%s\nwant\n%s", c.text, c.width, got, c.want)
		}
	}
}

// FuzzLines: any text wraps into lines that fit (when no single wide
// character is wider than the line) and lose nothing but the spaces at
// the breaks.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"one two three", "端口是传输数据的通道，好比教室的门", "a\nb", "x" + strings.Repeat(" ", 30) + "y", "，，，，，，，，，，，，，，，，，，，，，，，，"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) {
			return // netlearn wraps its own catalogue's text, which is valid UTF-8
		}
		width = width % 200
		lines := Lines(text, width)
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(strings.Join(lines, "")) != strip(text) {
			t.Fatalf("Lines(%q, %d) lost text: %q", text, width, lines)
		}
		for _, line := range lines {
			if w := runewidth.StringWidth(line); w > max(width, MinWidth) {
				t.Fatalf("Lines(%q, %d): line %q is %d wide", text, width, line, w)
			}
		}
	})
}

// TestColourCodesAreNeverCut: a coloured word (the binary form of an
// address, network bits cyan, host bits yellow) wraps by its visible
// width, and no line ends inside an escape sequence.
func TestColourCodesAreNeverCut(t *testing.T) {
	cyan, yellow, reset := "\x1b[36m", "\x1b[33m", "\x1b[0m"
	text := "Binary  " + cyan + strings.Repeat("0", 24) + reset + yellow + strings.Repeat("1", 24) + reset
	lines := strings.Split(Hang(text, 24, "        "), "\n")
	visible := ""
	for _, line := range lines {
		plain := stripEscapes(line)
		if strings.Count(line, "\x1b") != strings.Count(line, "\x1b[") || runewidth.StringWidth(plain) > 24 {
			t.Errorf("line %q: cut escape or too wide", line)
		}
		visible += strings.TrimSpace(plain)
	}
	if visible != "Binary  "+strings.Repeat("0", 24)+strings.Repeat("1", 24) {
		t.Errorf("visible text %q", visible)
	}
	if got := Lines(cyan+"short"+reset, 20); len(got) != 1 || got[0] != cyan+"short"+reset {
		t.Errorf("a coloured word that fits: %q", got)
	}
}

func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if n := escapeLen(s[i:]); n > 0 {
			i += n - 1
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestPadCountsDisplayColumns(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"ab", 5, "ab   "},
		{"服务器", 8, "服务器  "}, // three characters, six columns
		{"\x1b[1mab\x1b[0m", 4, "\x1b[1mab\x1b[0m  "},
		{"too wide", 3, "too wide"},
		{"", 2, "  "},
	}
	for _, c := range cases {
		if got := Pad(c.in, c.width); got != c.want {
			t.Errorf("Pad(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestCutKeepsDisplayWidth(t *testing.T) {
	cases := map[string]string{"hello": "hello", "hello world": "hello w…", "你好世界你好": "你好世…"}
	for in, want := range cases {
		if got := Cut(in, 8); got != want {
			t.Errorf("Cut(%q, 8) = %q, want %q", in, got, want)
		}
	}
}

// Under LANG=zh_CN.UTF-8 runewidth guesses that ambiguous-width characters
// are two columns; netlearn undoes the guess unless RUNEWIDTH_EASTASIAN=1.
func TestAmbiguousCharactersAreOneColumnUnlessAskedOtherwise(t *testing.T) {
	saved := runewidth.DefaultCondition.EastAsianWidth
	t.Cleanup(func() {
		narrowAmbiguous(func(string) string { return "" })
		runewidth.DefaultCondition.EastAsianWidth = saved
	})
	for _, tc := range []struct {
		env  string
		want int
	}{{"", 1}, {"0", 1}, {"1", 2}} {
		runewidth.DefaultCondition.EastAsianWidth = true // runewidth's guess in a Chinese locale
		narrowAmbiguous(func(string) string { return tc.env })
		for _, s := range []string{"…", "—", "│", "─"} {
			if w := runewidth.StringWidth(s); w != tc.want {
				t.Errorf("RUNEWIDTH_EASTASIAN=%q: %q is %d columns, want %d", tc.env, s, w, tc.want)
			}
		}
	}
	if got := Cut("你好……世界", 6); got != "你好…" {
		t.Errorf("Cut = %q, want 你好…", got)
	}
}
