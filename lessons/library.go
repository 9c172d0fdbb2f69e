package lessons

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/netlearn/netlearn/locale"
)

// Sections lists the sections of the notes, in reading order.
var Sections = []string{"1.1", "1.1.2", "1.1.3", "1.2", "1.2.4", "1.3", "1.4", "1.5", "1.6", "1.7"}

// IsSection reports whether s names a section.
func IsSection(s string) bool { return slices.Contains(Sections, s) }

// Library is every lesson and quiz, loaded and checked.
type Library struct {
	lessons map[string]map[locale.Lang]*Lesson // section → lang → lesson
	quizzes map[string]*Quiz                   // section → quiz
}

// Lesson returns a section's lesson in lang.
func (lib *Library) Lesson(section string, lang locale.Lang) (*Lesson, bool) {
	l, ok := lib.lessons[section][lang]
	return l, ok
}

// Quiz returns a section's stored quiz.
func (lib *Library) Quiz(section string) (*Quiz, bool) {
	q, ok := lib.quizzes[section]
	return q, ok
}

// Load reads content/<lang>/<section>.md and quiz/<section>.json from fsys
// and checks every rule of the format, within and across files. The error
// lists every problem found, one per line, each naming its file.
func Load(fsys fs.FS) (*Library, error) {
	lib := &Library{lessons: map[string]map[locale.Lang]*Lesson{}, quizzes: map[string]*Quiz{}}
	var problems []error
	report := func(name string, err error) {
		problems = append(problems, fmt.Errorf("%s: %w", name, err))
	}
	for _, lang := range Langs {
		lib.loadLessons(fsys, lang, report)
	}
	lib.loadQuizzes(fsys, report)
	lib.checkComplete(report)
	return lib, errors.Join(problems...)
}

type reporter func(name string, err error)

// eachSectionFile calls parse for every file matching pattern whose base
// name, less ext, is a section; every failure goes to report.
func eachSectionFile(fsys fs.FS, pattern, ext string, report reporter, parse func(name, section string, data []byte) error) {
	names, _ := fs.Glob(fsys, pattern)
	for _, name := range names {
		section := strings.TrimSuffix(path.Base(name), ext)
		if !IsSection(section) {
			report(name, errors.New("not a section of the notes"))
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err == nil {
			err = parse(name, section, data)
		}
		if err != nil {
			report(name, err)
		}
	}
}

func (lib *Library) loadLessons(fsys fs.FS, lang locale.Lang, report reporter) {
	eachSectionFile(fsys, path.Join("content", string(lang), "*.md"), ".md", report, func(_, section string, data []byte) error {
		l, err := ParseLesson(section, lang, data)
		if err != nil {
			return err
		}
		if lib.lessons[section] == nil {
			lib.lessons[section] = map[locale.Lang]*Lesson{}
		}
		lib.lessons[section][lang] = l
		return nil
	})
}

func (lib *Library) loadQuizzes(fsys fs.FS, report reporter) {
	ids := map[string]string{} // question id → file that has it
	eachSectionFile(fsys, "quiz/*.json", ".json", report, func(name, section string, data []byte) error {
		q, err := ParseQuiz(section, data)
		if err != nil {
			return err
		}
		for _, question := range q.Questions {
			if other, dup := ids[question.ID]; dup {
				report(name, fmt.Errorf("question id %q is also used in %s", question.ID, other))
			}
			ids[question.ID] = name
		}
		lib.quizzes[section] = q
		return nil
	})
}

// checkComplete wants every section in every language, with the same try
// commands, and a quiz for every section.
func (lib *Library) checkComplete(report reporter) {
	for _, s := range Sections {
		for _, lang := range Langs {
			if _, ok := lib.lessons[s][lang]; !ok {
				report(path.Join("content", string(lang), s+".md"), errors.New("missing or invalid"))
			}
		}
		en, okEN := lib.lessons[s][EN]
		zh, okZH := lib.lessons[s][ZH]
		if okEN && okZH && !slices.Equal(en.Try, zh.Try) {
			report(path.Join("content", "*", s+".md"),
				fmt.Errorf("try lines differ: en %q, zh %q", en.Try, zh.Try))
		}
		if _, ok := lib.quizzes[s]; !ok {
			report(path.Join("quiz", s+".json"), errors.New("missing or invalid"))
		}
	}
}
