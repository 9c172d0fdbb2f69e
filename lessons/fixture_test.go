package lessons

import (
	"fmt"
	"testing/fstest"

	"github.com/netlearn/netlearn/locale"
)

// fixtureLesson is a small lesson that follows every rule of the format.
func fixtureLesson(section string, lang locale.Lang) string {
	return fmt.Sprintf(`---
title: Lesson %[1]s (%[2]s)
try: netlearn port 80
try: netlearn ip
---
## Key points {#points}
- first point
  continued on a second line
- second point with `+"`code`"+`

## Picture {#diagram}
`+"```text"+`
  IP ──► port ──► program
`+"```"+`

## Try it {#try}
Run the commands and look at the output.
A second line of the same paragraph.

## Common mistakes {#mistakes}
### Wrong: one argument too many
`+"```python"+`
server.bind(host, port)
`+"```"+`
### Fix
`+"```python"+`
server.bind((host, port))
`+"```"+`
bind takes one tuple.
`, section, lang)
}

// fixtureQuiz is a quiz file with one choice and two text questions.
func fixtureQuiz(section string) string {
	return fmt.Sprintf(`{
  "section": %[1]q,
  "questions": [
    {"id": "%[1]s-a", "type": "choice", "answer": 2,
     "en": {"prompt": "How many ports?", "choices": ["1024", "49152", "65536"], "explain": "16 bits."},
     "zh": {"prompt": "有多少个端口？", "choices": ["1024", "49152", "65536"], "explain": "16 位。"}},
    {"id": "%[1]s-b", "type": "text",
     "en": {"prompt": "HTTP's port?", "accept": ["80"], "explain": "By convention."},
     "zh": {"prompt": "HTTP 的端口？", "accept": ["80"], "explain": "约定俗成。"}},
    {"id": "%[1]s-c", "type": "text",
     "en": {"prompt": "Loopback address?", "accept": ["127.0.0.1", "localhost"], "explain": "Always this machine."},
     "zh": {"prompt": "环回地址？", "accept": ["127.0.0.1", "localhost"], "explain": "总是指本机。"}}
  ]
}`, section)
}

// fixtureFS holds a complete, valid set of lessons and quizzes.
func fixtureFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, s := range Sections {
		for _, lang := range Langs {
			fsys["content/"+string(lang)+"/"+s+".md"] = &fstest.MapFile{Data: []byte(fixtureLesson(s, lang))}
		}
		fsys["quiz/"+s+".json"] = &fstest.MapFile{Data: []byte(fixtureQuiz(s))}
	}
	return fsys
}
