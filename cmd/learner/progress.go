package learner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/internal/oserr"
	"github.com/netlearn/netlearn/lessons"
)

// Tracker is the learner's progress during one run. It never fails a
// command: a file it cannot read is set aside with one line on stderr, and a
// folder it cannot write to costs one line on stderr while the command goes on.
type Tracker struct {
	f        *cmdutil.Factory
	store    *lessons.Store // nil when there is no config folder at all
	Progress *lessons.Progress
	warned   bool
	now      func() time.Time
}

// OpenTracker loads the progress from the user's config folder.
func OpenTracker(f *cmdutil.Factory) *Tracker {
	dir, err := f.ConfigDir()
	if err != nil {
		t := &Tracker{f: f, Progress: lessons.NewProgress(), now: time.Now}
		t.warn(f.Tr.T("learn.no_config_dir", "reason", err))
		return t
	}
	return OpenTrackerIn(f, dir)
}

// OpenTrackerIn loads the progress kept in dir.
func OpenTrackerIn(f *cmdutil.Factory, dir string) *Tracker {
	store := lessons.NewStore(dir)
	p, rec := store.Load()
	t := &Tracker{f: f, store: store, Progress: p, now: time.Now}
	if rec != nil {
		t.reportRecovery(rec)
	}
	return t
}

// Path is the progress file's name, "" without a config folder.
func (t *Tracker) Path() string {
	if t.store == nil {
		return ""
	}
	return t.store.Path()
}

// Now is the time stamps are taken from.
func (t *Tracker) Now() time.Time { return t.now() }

func (t *Tracker) reportRecovery(rec *lessons.Recovery) {
	tr := t.f.Tr
	if rec.BackupErr != nil {
		fmt.Fprintln(t.f.IO.ErrOut, tr.T("learn.progress_unusable_kept",
			"file", t.store.Path(), "reason", Why(tr, rec.Reason), "err", Why(tr, rec.BackupErr)))
		t.warned = true // saving is off; the line above says so
		return
	}
	fmt.Fprintln(t.f.IO.ErrOut, tr.T("learn.progress_unusable",
		"file", t.store.Path(), "reason", Why(tr, rec.Reason), "backup", rec.Backup))
}

// Save writes the progress. When that fails it says so once per run, in
// one line, and the command carries on.
func (t *Tracker) Save() {
	if t.store == nil {
		return
	}
	err := t.store.Save(t.Progress)
	if err == nil {
		return
	}
	var se *lessons.SaveError
	switch {
	case errors.Is(err, lessons.ErrKeptBadFile):
		t.warn(t.f.Tr.T("learn.save_kept_bad", "file", t.store.Path()))
	case errors.As(err, &se) && readOnly(se.Err):
		t.warn(t.f.Tr.T("learn.save_read_only", "dir", se.Dir, "reason", Why(t.f.Tr, se.Err)))
	default:
		t.warn(t.f.Tr.T("learn.save_failed", "dir", t.store.Dir, "reason", Why(t.f.Tr, err)))
	}
}

func (t *Tracker) warn(msg string) {
	if t.warned {
		return
	}
	t.warned = true
	fmt.Fprintln(t.f.IO.ErrOut, msg)
}

func readOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || oserr.Is(err, oserr.ReadOnlyFS)
}

// dirInTheWay tells whether a directory stands where the file should be.
// Windows does not say so (reading one is "incorrect function", renaming
// onto one "access denied"), so the path itself is looked at too.
func dirInTheWay(err error) bool {
	if oserr.Is(err, oserr.DirInTheWay) {
		return true
	}
	var link *os.LinkError
	var pathErr *fs.PathError
	path := ""
	switch {
	case errors.As(err, &link):
		path = link.New
	case errors.As(err, &pathErr):
		path = pathErr.Path
	}
	info, statErr := os.Stat(path)
	return path != "" && statErr == nil && info.IsDir()
}

// Why says in the run's language why a progress file could not be read,
// moved or written. The lines it goes into already name the file.
func Why(tr *i18n.Catalog, err error) string {
	var version *lessons.VersionError
	switch {
	case errors.As(err, &version):
		return tr.T("learn.why_version", "version", version.Version)
	case errors.Is(err, lessons.ErrTruncated):
		return tr.T("learn.why_truncated")
	case errors.Is(err, lessons.ErrNotProgress):
		return tr.T("learn.why_not_progress")
	case errors.Is(err, lessons.ErrKeptBadFile):
		return tr.T("learn.why_kept_bad")
	case dirInTheWay(err):
		return tr.T("learn.why_is_dir")
	case oserr.Is(err, oserr.ReadOnlyFS):
		return tr.T("learn.why_read_only_fs")
	case errors.Is(err, fs.ErrPermission):
		return tr.T("learn.why_permission")
	case oserr.Is(err, oserr.DiskFull):
		return tr.T("learn.why_disk_full")
	}
	return rootCause(err).Error()
}

// rootCause strips the path wrappers of a *fs.PathError or similar, whose
// path the message already names, leaving e.g. "input/output error".
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
