package tutor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/lessons/lessonstest"
)

func TestWrap(t *testing.T) {
	en := "The IP address brings data to the right machine, and the port brings it to the right program."
	for _, line := range Wrap(en, 30) {
		if runewidth.StringWidth(line) > 30 || strings.HasPrefix(line, " ") || strings.HasSuffix(line, " ") {
			t.Errorf("line %q is wider than 30 or has edge spaces", line)
		}
	}
	if got := strings.Join(Wrap(en, 30), " "); got != en {
		t.Errorf("wrapping lost text: %q", got)
	}
	zh := "端口是传输数据的通道，好比教室的门，是数据传输的必经之路。"
	lines := Wrap(zh, 20)
	if len(lines) < 3 || strings.Join(lines, "") != zh {
		t.Errorf("Chinese wrapped as %q", lines)
	}
	for _, line := range lines {
		if runewidth.StringWidth(line) > 20 {
			t.Errorf("line %q is wider than 20 columns", line)
		}
	}
	for _, line := range Wrap("一二三四五六七八九十，十一。", 20) {
		if strings.HasPrefix(line, "，") || strings.HasPrefix(line, "。") {
			t.Errorf("a line starts with closing punctuation: %q", line)
		}
	}
	if got := Wrap("a\nb", 80); len(got) != 2 {
		t.Errorf("the author's line break was lost: %q", got)
	}
	long := strings.Repeat("x", 50)
	if got := Wrap(long, 20); strings.Join(got, "") != long {
		t.Errorf("a word longer than the line was mangled: %q", got)
	}
}

func testFactory() (*cmdutil.Factory, *bytes.Buffer) {
	ios, _, _, stderr := iostreams.Test()
	return cmdutil.NewFactory(ios, i18n.EN), stderr
}

func TestTrackerSetsACorruptFileAsideInOneLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "progress.json"), []byte("[]"), 0o644)
	f, stderr := testFactory()
	tr := OpenTrackerIn(f, dir)
	if strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "kept as "+filepath.Join(dir, "progress.json.broken-")) {
		t.Errorf("stderr %q", stderr.String())
	}
	tr.Progress.MarkSeen("1.1", tr.Now())
	tr.Save()
	if _, err := os.Stat(filepath.Join(dir, "progress.json")); err != nil {
		t.Errorf("no fresh file: %v", err)
	}
}

func TestTrackerWarnsOnceWhenItCannotSave(t *testing.T) {
	dir := t.TempDir()
	lessonstest.ReadOnly(t, dir)
	f, stderr := testFactory()
	tr := OpenTrackerIn(f, dir)
	tr.Progress.MarkSeen("1.1", tr.Now())
	tr.Save()
	tr.Save()
	want := "progress not saved: " + dir + " is read-only ("
	if strings.Count(stderr.String(), "\n") != 1 || !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want one line starting %q", stderr.String(), want)
	}
}

func TestTrackerKeepsAFileItCannotMoveAside(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "progress.json"), []byte("garbage"), 0o644)
	lessonstest.ReadOnly(t, dir)
	f, stderr := testFactory()
	tr := OpenTrackerIn(f, dir)
	tr.Save()
	if strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "left untouched") {
		t.Errorf("stderr %q", stderr.String())
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "progress.json")); string(data) != "garbage" {
		t.Errorf("file became %q", data)
	}
}
