package lessons

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netlearn/netlearn/lessons/lessonstest"
)

func newTestStore(t *testing.T) *Store {
	s := NewStore(filepath.Join(t.TempDir(), "netlearn"))
	s.Now = func() time.Time { return t0 }
	return s
}

func TestStoreRoundTrip(t *testing.T) {
	s := newTestStore(t)
	p, rec := s.Load()
	if rec != nil || len(p.Seen) != 0 {
		t.Fatalf("missing file: %+v, %+v", p, rec)
	}
	p.MarkSeen("1.2", t0)
	p.RecordQuiz("1.2", 3, 4, t0)
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	got, rec := s.Load()
	if rec != nil || !got.Seen["1.2"].Equal(t0) || got.Scores["1.2"].Best.Correct != 3 || got.Last.Section != "1.2" {
		t.Errorf("loaded %+v, %+v", got, rec)
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		t.Errorf("folder holds %v, want only %s (no temporary files left)", entries, FileName)
	}
}

func TestACorruptFileIsKeptAsABackup(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Dir, 0o755)
	corrupt := []byte(`{"version": 1, "seen": {"1.1": "yesterday`)
	os.WriteFile(s.Path(), corrupt, 0o644)

	p, rec := s.Load()
	if rec == nil || rec.BackupErr != nil || rec.Reason == nil {
		t.Fatalf("recovery = %+v", rec)
	}
	if want := s.Path() + ".broken-20261125T120000Z"; rec.Backup != want {
		t.Errorf("backup %q, want %q", rec.Backup, want)
	}
	if kept, _ := os.ReadFile(rec.Backup); string(kept) != string(corrupt) {
		t.Errorf("backup holds %q, want the corrupt bytes unchanged", kept)
	}
	if len(p.Seen) != 0 {
		t.Errorf("fresh progress expected, got %+v", p)
	}
	if err := s.Save(p); err != nil {
		t.Errorf("saving after recovery: %v", err)
	}
}

func TestBackupsNeverOverwriteEachOther(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Dir, 0o755)
	for i, content := range []string{"first", "second"} {
		os.WriteFile(s.Path(), []byte(content), 0o644)
		_, rec := s.Load()
		want := s.Path() + ".broken-20261125T120000Z"
		if i == 1 {
			want += "-2"
		}
		if rec == nil || rec.Backup != want {
			t.Fatalf("backup %d: %+v, want %s", i, rec, want)
		}
		if kept, _ := os.ReadFile(rec.Backup); string(kept) != content {
			t.Errorf("backup %d holds %q", i, kept)
		}
	}
}

func TestAnUnreadableFileIsSetAside(t *testing.T) {
	s := newTestStore(t)
	// A directory where the file should be cannot be read as a file,
	// whoever runs the test.
	os.MkdirAll(filepath.Join(s.Path(), "inside"), 0o755)
	_, rec := s.Load()
	if rec == nil || rec.Backup == "" {
		t.Fatalf("recovery = %+v", rec)
	}
	// Windows says "Incorrect function"; the learner must be told it is a
	// directory (EISDIR), which the moved entry can no longer show.
	if !errors.Is(rec.Reason, syscall.EISDIR) {
		t.Errorf("reason %v, want EISDIR", rec.Reason)
	}
	if _, err := os.Stat(filepath.Join(rec.Backup, "inside")); err != nil {
		t.Errorf("the unreadable entry was not kept: %v", err)
	}
}

func TestANewerVersionIsKeptNotOverwritten(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Dir, 0o755)
	os.WriteFile(s.Path(), []byte(`{"version": 7, "seen": {}, "scores": {}}`), 0o644)
	_, rec := s.Load()
	var version *VersionError
	if rec == nil || !errors.As(rec.Reason, &version) || version.Version != 7 || rec.Backup == "" {
		t.Errorf("recovery = %+v", rec)
	}
}

func TestAReadOnlyFolderFailsSaveClearly(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Dir, 0o755)
	lessonstest.ReadOnly(t, s.Dir)
	p, rec := s.Load()
	if rec != nil {
		t.Fatalf("missing file in a read-only folder: %+v", rec)
	}
	p.MarkSeen("1.1", t0)
	err := s.Save(p)
	var se *SaveError
	if !errors.As(err, &se) || se.Dir != s.Dir || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Save = %v, want a SaveError for %s wrapping a permission error", err, s.Dir)
	}
	if entries, _ := os.ReadDir(s.Dir); len(entries) != 0 {
		t.Errorf("a failed save left %v behind", entries)
	}
}

func TestACorruptFileInAReadOnlyFolderIsLeftUntouched(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Dir, 0o755)
	os.WriteFile(s.Path(), []byte("not json"), 0o644)
	lessonstest.ReadOnly(t, s.Dir)
	p, rec := s.Load()
	if rec == nil || rec.BackupErr == nil || rec.Backup != "" {
		t.Fatalf("recovery = %+v, want a failed backup", rec)
	}
	p.MarkSeen("1.1", t0)
	if err := s.Save(p); !errors.Is(err, ErrKeptBadFile) {
		t.Errorf("Save = %v, want ErrKeptBadFile", err)
	}
	if data, _ := os.ReadFile(s.Path()); string(data) != "not json" {
		t.Errorf("the file became %q", data)
	}
}

func TestResetKeepsEveryOldFile(t *testing.T) {
	s := newTestStore(t)
	if name, err := s.Reset(); name != "" || err != nil {
		t.Errorf("no file: Reset = %q, %v", name, err)
	}
	if _, err := os.Stat(s.Path()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a reset with nothing to reset wrote a file: %v", err)
	}
	p := NewProgress()
	p.MarkSeen("1.4", t0)
	s.Save(p)
	first, err := s.Reset()
	if err != nil || first != s.Path()+".reset-20261125T120000Z" {
		t.Fatalf("Reset = %q, %v", first, err)
	}
	// A second reset in the same second must not replace the first copy,
	// which holds the only record of lesson 1.4.
	second, err := s.Reset()
	if err != nil || second != first+"-2" {
		t.Fatalf("second Reset = %q, %v", second, err)
	}
	if data, _ := os.ReadFile(first); !strings.Contains(string(data), `"1.4"`) {
		t.Errorf("the first copy holds %s", data)
	}
	if got, rec := s.Load(); rec != nil || len(got.Seen) != 0 {
		t.Errorf("after reset: %+v, %+v", got, rec)
	}
}

func TestResetOfAnUnreadableEntryChangesNothing(t *testing.T) {
	s := newTestStore(t)
	os.MkdirAll(s.Path(), 0o755) // a directory where the file should be
	if name, err := s.Reset(); name != "" || !errors.Is(err, syscall.EISDIR) {
		t.Errorf("Reset = %q, %v, want EISDIR", name, err)
	}
	if info, err := os.Stat(s.Path()); err != nil || !info.IsDir() {
		t.Errorf("the entry was touched: %v", err)
	}
}

// TestTruncatedProgressIsSaidToBeCutShort: an empty or half-written file
// (the disk filled up, the power went) is a progress file cut short, not
// some other file.
func TestTruncatedProgressIsSaidToBeCutShort(t *testing.T) {
	whole := `{"version": 1, "seen": {"1.1": "2026-11-01T10:00:00Z"}, "scores": {}}`
	for _, data := range []string{"", "  \n", whole[:20], whole[:len(whole)-1]} {
		if _, err := DecodeProgress([]byte(data)); !errors.Is(err, ErrTruncated) {
			t.Errorf("%q: %v, want ErrTruncated", data, err)
		}
	}
	for _, data := range []string{"{broken", "[1, 2]", whole + " x"} {
		if _, err := DecodeProgress([]byte(data)); errors.Is(err, ErrTruncated) || !errors.Is(err, ErrNotProgress) {
			t.Errorf("%q: %v, want ErrNotProgress only", data, err)
		}
	}
}

// TestDefaultDirRefusesARelativeHome: a relative HOME is refused as Go
// refuses a relative XDG_CONFIG_HOME, rather than saving progress under
// whatever folder the command happens to run in.
func TestDefaultDirRefusesARelativeHome(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("the config folder does not come from HOME here")
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "relative/home")
	if dir, err := DefaultDir(); err == nil || !strings.Contains(err.Error(), "$HOME is relative") {
		t.Errorf("DefaultDir() = %q, %v; want a relative-HOME error", dir, err)
	}
	t.Setenv("XDG_CONFIG_HOME", "relative/config")
	if _, err := DefaultDir(); err == nil {
		t.Error("a relative XDG_CONFIG_HOME was accepted")
	}
	abs := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", abs)
	if dir, err := DefaultDir(); err != nil || !strings.HasPrefix(dir, abs) {
		t.Errorf("DefaultDir() = %q, %v under HOME %s", dir, err, abs)
	}
}

// TestProgressWithoutScoresIsNetlearns: a version-1 file missing "scores" or
// "seen" is netlearn's with nothing in them, not some other program's file.
func TestProgressWithoutScoresIsNetlearns(t *testing.T) {
	for _, data := range []string{`{"version": 1, "seen": {"1.1": "2026-11-01T10:00:00Z"}}`, `{"version": 1, "scores": {}}`, `{"version": 1}`} {
		p, err := DecodeProgress([]byte(data))
		if err != nil {
			t.Errorf("%s: %v", data, err)
			continue
		}
		p.RecordQuiz("1.1", 1, 1, t0) // the maps must be usable
		p.MarkSeen("1.2", t0)
	}
}
