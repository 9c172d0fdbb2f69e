package ip

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		text, indent string
		width        int
		want         string
	}{
		{"one two three four", "", 9, "one two\nthree\nfour"},
		{"  why: a b c d e", "  ", 8, "  why: a\n  b c d\n  e"},
		{"short", "", 80, "short"},
		{"unbreakable-long-word x", "", 5, "unbreakable-long-word\nx"},
		{"默认路由走的是网卡", "", 8, "默认路由\n走的是网\n卡"},
	}
	for _, c := range cases {
		if got := wrap(c.text, c.width, c.indent); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestWrapKeepsWithinWidth(t *testing.T) {
	text := "为什么是它：默认路由走的是 eth0，所以局域网里的其他设备通过这个地址找到你。 Loopback only proves the software inside works."
	for _, line := range strings.Split(wrap(text, 30, "  "), "\n") {
		if w := runewidth.StringWidth(line); w > 30 {
			t.Errorf("line %q is %d wide", line, w)
		}
	}
}
