package progress

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/lessons"
)

// factoryIn is a Factory whose config folder is dir.
func factoryIn(ios *iostreams.IOStreams, lang i18n.Lang, dir string) *cmdutil.Factory {
	f := cmdutil.NewFactory(ios, lang)
	f.ConfigDir = func() (string, error) { return dir, nil }
	return f
}

// withProgress returns a temporary config folder holding a progress file
// with lesson 1.2 read.
func withProgress(t *testing.T) string {
	dir := t.TempDir()
	store := lessons.NewStore(dir)
	p := lessons.NewProgress()
	p.MarkSeen("1.2", store.Now())
	p.RecordQuiz("1.2", 3, 4, store.Now())
	if err := store.Save(p); err != nil {
		t.Fatal(err)
	}
	return dir
}

func resetOnTerminal(t *testing.T, dir string, step learnertest.Step) (string, error) {
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true, false)
	p := &learnertest.Prompter{Steps: []learnertest.Step{step}}
	err := progressRun(&Options{F: factoryIn(ios, i18n.EN, dir), Reset: true, Prompter: p})
	if perr := p.Done(); perr != nil {
		t.Fatal(perr)
	}
	return out.String(), err
}

func TestResetAsksFirstOnATerminal(t *testing.T) {
	dir := withProgress(t)
	before, _ := os.ReadFile(filepath.Join(dir, "progress.json"))

	out, err := resetOnTerminal(t, dir, learnertest.Step{Yes: false})
	after, _ := os.ReadFile(filepath.Join(dir, "progress.json"))
	if err != nil || !strings.Contains(out, "Nothing changed") || !bytes.Equal(before, after) {
		t.Errorf("answering no: err %v, out %q, file changed %v", err, out, !bytes.Equal(before, after))
	}

	_, err = resetOnTerminal(t, dir, learnertest.Step{Control: true})
	if !errors.Is(err, cmdutil.ErrInterrupted) {
		t.Errorf("Ctrl-C: %v", err)
	}

	out, err = resetOnTerminal(t, dir, learnertest.Step{Yes: true})
	backups, _ := filepath.Glob(filepath.Join(dir, "progress.json.reset-*"))
	if err != nil || len(backups) != 1 || !strings.Contains(out, backups[0]) {
		t.Fatalf("answering yes: err %v, out %q, backups %v", err, out, backups)
	}
	if kept, _ := os.ReadFile(backups[0]); !bytes.Equal(kept, before) {
		t.Error("the reset copy differs from the old file")
	}
	p, rec := lessons.NewStore(dir).Load()
	if rec != nil || len(p.Seen) != 0 || len(p.Scores) != 0 {
		t.Errorf("after reset: %+v %+v", p, rec)
	}
}

func TestJSONView(t *testing.T) {
	dir := withProgress(t)
	ios, _, out, _ := iostreams.Test()
	if err := progressRun(&Options{F: factoryIn(ios, i18n.EN, dir), JSON: true}); err != nil {
		t.Fatal(err)
	}
	var v View
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.File != filepath.Join(dir, "progress.json") || v.Seen != 1 || v.Total != 10 || v.Next != "1.2.4" ||
		v.Last.Activity != "quiz" || len(v.Sections) != 10 || v.Sections[3].Best.Correct != 3 || !v.Sections[3].Seen {
		t.Errorf("view %+v", v)
	}
}

func TestTerminalViewInChinese(t *testing.T) {
	dir := withProgress(t)
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(false, true, false)
	f := factoryIn(ios, i18n.ZH, dir)
	lib, _ := learner.Library(f)
	if err := Show(f, false, lib, learner.OpenTracker(f)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"你的学习进度", "已读课程：1 / 10", "3/4", "上次：第 1.2 节测验", "下一课：netlearn learn 1.2.4"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("view lacks %q:\n%s", want, out)
		}
	}
}

func TestResetWithNothingSavedAsksNothing(t *testing.T) {
	dir := t.TempDir()
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true, false)
	p := &learnertest.Prompter{} // any question would fail Done
	err := progressRun(&Options{F: factoryIn(ios, i18n.EN, dir), Reset: true, Prompter: p})
	if err != nil || p.Done() != nil || !strings.Contains(out.String(), "no progress to reset") {
		t.Errorf("err %v, prompter %v, out %q", err, p.Done(), out)
	}
}

func TestResetOfAnUnreadableEntryFailsInOneTranslatedLine(t *testing.T) {
	dir := withProgress(t)
	path := filepath.Join(dir, "progress.json")
	os.Remove(path)
	os.Mkdir(path, 0o755)
	ios, _, _, _ := iostreams.Test()
	err := progressRun(&Options{F: factoryIn(ios, i18n.ZH, dir), Reset: true, Yes: true})
	var failed *cmdutil.FailedError
	if !errors.As(err, &failed) || failed.Msg != "进度没有清空：那里是一个目录，不是文件" {
		t.Errorf("err %#v", err)
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Errorf("the entry was touched: %v", err)
	}
}

// TestEveryComputedKeyExists checks the keys built from the last activity,
// which the catalogue test cannot see in the source.
func TestEveryComputedKeyExists(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, a := range lessons.AllActivities() {
			if !i18n.For(lang).Has("progress.last_" + a) {
				t.Errorf("%s lacks %q", lang, "progress.last_"+a)
			}
		}
	}
}
