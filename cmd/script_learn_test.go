package cmd_test

import (
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/lessonstest"
)

// readOnlyDir makes a directory unwritable until the script ends:
// `readonly DIR`. Guard it with [rodir]: as root it needs chattr +i.
func readOnlyDir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: readonly DIR")
	}
	undo, skip, err := lessonstest.MakeReadOnly(ts.MkAbs(args[0]))
	if err != nil || skip != "" {
		ts.Fatalf("readonly: %v %s", err, skip)
	}
	ts.Defer(undo)
}

// quizAnswers writes a scripted quiz's stdin from the embedded quiz, so
// scripts follow the content instead of copying its answers:
// `quizanswers SEED SECTION right|wrong FILE`, for `quiz --seed SEED
// --no-machine`. Right answers come in every form a learner may type them
// (letter, number, full-width, text); wrong ones pick another choice or
// type a word no question accepts.
func quizAnswers(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 || (args[2] != "right" && args[2] != "wrong") {
		ts.Fatalf("usage: quizanswers SEED SECTION right|wrong FILE")
	}
	seed, err := strconv.ParseUint(args[0], 10, 64)
	ts.Check(err)
	args = args[1:]
	lib, err := lessons.Default()
	ts.Check(err)
	quiz, ok := lib.Quiz(args[0])
	if !ok {
		ts.Fatalf("quizanswers: no quiz for section %q", args[0])
	}
	lang := lessons.EN
	if ts.Getenv("NETLEARN_LANG") == "zh" {
		lang = lessons.ZH
	}
	var lines []string
	for i, q := range lessons.Shuffled(quiz.Questions, seed) {
		lines = append(lines, learnertest.Answer(&q, lang, args[1] == "right", i))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(strings.Join(lines, "\n")+"\n"), 0o644))
}

// canMakeReadOnly answers the condition [rodir]: can this process make a
// directory read-only for itself? It tries on a scratch directory.
func canMakeReadOnly() (bool, error) {
	dir, err := os.MkdirTemp("", "rodir")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(dir)
	undo, skip, err := lessonstest.MakeReadOnly(dir)
	if err != nil || skip != "" {
		return false, err
	}
	undo()
	return true, nil
}
