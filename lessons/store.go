package lessons

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// FileName is the progress file's name inside the store's folder.
const FileName = "progress.json"

// DefaultDir is netlearn's folder in the user's configuration directory,
// e.g. ~/.config/netlearn on Linux.
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	// os.UserConfigDir refuses a relative XDG_CONFIG_HOME but builds on a
	// relative HOME, which would save progress under whatever folder the
	// command runs in. Refuse that too, in the same words.
	if !filepath.IsAbs(base) {
		return "", errors.New("path in $HOME is relative")
	}
	return filepath.Join(base, "netlearn"), nil
}

// Store reads and writes the progress file in one folder.
type Store struct {
	Dir string
	Now func() time.Time
	// keep is set when Load found a bad file it could not move aside:
	// saving would overwrite what the learner had, so Save refuses.
	keep error
}

// NewStore returns a store for the progress file in dir.
func NewStore(dir string) *Store { return &Store{Dir: dir, Now: time.Now} }

// Path is the progress file's full name.
func (s *Store) Path() string { return filepath.Join(s.Dir, FileName) }

// Recovery tells what Load did with a progress file it could not use.
type Recovery struct {
	Reason    error  // why the file could not be used
	Backup    string // where the file was moved; "" when moving failed
	BackupErr error  // why moving failed; Save then refuses to overwrite the file
}

// SaveError means progress could not be written. Err tells why.
type SaveError struct {
	Dir string
	Err error
}

func (e *SaveError) Error() string {
	return fmt.Sprintf("cannot save progress in %s: %v", e.Dir, e.Err)
}
func (e *SaveError) Unwrap() error { return e.Err }

// ErrKeptBadFile is the SaveError cause when a bad progress file could not
// be moved aside and so must not be overwritten.
var ErrKeptBadFile = errors.New("the unreadable progress file could not be moved aside, so it is left untouched")

// Load returns the saved progress. A missing file is a fresh start. A file
// that cannot be read or decoded is moved to a timestamped backup beside it
// and a fresh start is returned with a Recovery saying so; nothing is lost.
func (s *Store) Load() (*Progress, *Recovery) {
	data, err := readFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return NewProgress(), nil
	}
	if err != nil {
		return NewProgress(), s.setAside(err)
	}
	p, err := DecodeProgress(data)
	if err != nil {
		return NewProgress(), s.setAside(err)
	}
	return p, nil
}

// readFile is os.ReadFile, except that a directory at path is EISDIR on
// every OS. Windows only says "Incorrect function" (ERROR_INVALID_FUNCTION)
// there, and once Load has moved the directory aside nothing can tell any
// more why it could not be read.
func readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, syscall.EISDIR) {
		if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
			err = &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
		}
	}
	return data, err
}

// DecodeProgress parses and checks a progress file's content.
func DecodeProgress(data []byte) (*Progress, error) {
	p := &Progress{}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(p); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: %v", ErrTruncated, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrNotProgress, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: text after the JSON object", ErrNotProgress)
	}
	// A file without "seen" or "scores" (written by hand, or by a netlearn
	// that had no quiz yet) has nothing read and no score.
	if p.Seen == nil {
		p.Seen = map[string]time.Time{}
	}
	if p.Scores == nil {
		p.Scores = map[string]Score{}
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	return p, nil
}

// maxBackupTries bounds the search for a free backup name.
const maxBackupTries = 100

// setAside moves the bad file to progress.json.broken-<UTC time>[-n].
func (s *Store) setAside(reason error) *Recovery {
	r := &Recovery{Reason: reason}
	name, err := s.freeName(".broken-")
	if err == nil {
		err = os.Rename(s.Path(), name)
	}
	if err != nil {
		r.BackupErr = err
		s.keep = ErrKeptBadFile
		return r
	}
	r.Backup = name
	return r
}

// freeName returns progress.json<infix><UTC time>, with -2, -3 … added
// when that name is taken: a rename or a write would silently replace an
// earlier backup made in the same second.
func (s *Store) freeName(infix string) (string, error) {
	base := s.Path() + infix + s.Now().UTC().Format("20060102T150405Z")
	for i := 1; i <= maxBackupTries; i++ {
		name := base
		if i > 1 {
			name += fmt.Sprintf("-%d", i)
		}
		_, err := os.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", errors.New("no free backup name")
}

// Save writes p atomically: to a temporary file in the same folder, synced,
// then renamed over the old file, so a crash leaves the old or the new file
// and never half of one.
func (s *Store) Save(p *Progress) error {
	if s.keep != nil {
		return &SaveError{Dir: s.Dir, Err: s.keep}
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return &SaveError{Dir: s.Dir, Err: err}
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return &SaveError{Dir: s.Dir, Err: err}
	}
	if err := writeAtomic(s.Dir, s.Path(), append(data, '\n')); err != nil {
		return &SaveError{Dir: s.Dir, Err: err}
	}
	return nil
}

func writeAtomic(dir, name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, ".progress-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Reset starts afresh without reading the old file: it is copied to
// progress.json.reset-<UTC time> first, so even a reset can be undone by
// hand. It returns the copy's name, "" when there was no file (and then
// writes nothing).
func (s *Store) Reset() (string, error) {
	data, err := readFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	name, err := s.freeName(".reset-")
	if err != nil {
		return "", err
	}
	if err := writeAtomic(s.Dir, name, data); err != nil {
		return "", err
	}
	return name, s.Save(NewProgress())
}
