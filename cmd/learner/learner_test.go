package learner

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/lessons"
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

func TestWhySaysItInTheRunsLanguage(t *testing.T) {
	zh := i18n.For(i18n.ZH)
	dir := t.TempDir()
	cases := map[error]string{
		// Windows says "access denied" when a rename meets a directory.
		&os.LinkError{Op: "rename", Old: "x.tmp", New: dir, Err: syscall.EACCES}: "那里是一个目录，不是文件",
		&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}:               "磁盘已满",
		&lessons.VersionError{Version: 7}:                                        "它是另一个版本的 netlearn 写的（格式版本 7）",
		fmt.Errorf("%w: invalid character", lessons.ErrNotProgress):              "它不是 netlearn 的进度文件",
		fmt.Errorf("%w: unexpected EOF", lessons.ErrTruncated):                   "它只写了一半：文件被截断了，或者是空的",
		&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}:                "那里是一个目录，不是文件",
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}:                "权限不足",
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EPERM}:                 "权限不足",
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}:                 "文件系统是只读的",
		&fs.PathError{Op: "write", Path: "x", Err: syscall.EIO}:                  syscall.EIO.Error(),
	}
	for err, want := range cases {
		if got := Why(zh, err); got != want {
			t.Errorf("Why(%v) = %q, want %q", err, got, want)
		}
	}
}
