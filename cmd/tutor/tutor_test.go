package tutor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/lessons/lessonstest"
)

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
