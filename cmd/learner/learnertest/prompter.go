// Package tutortest gives tests of the learning commands a scripted
// Prompter, standing in for the learner at a terminal.
package learnertest

import (
	"fmt"
	"strings"

	"github.com/netlearn/netlearn/cmd/output"
)

// Step is the learner's answer to one prompt.
type Step struct {
	Pick    string // Select: the option that is this text, else the first containing it
	Text    string // Input: the line typed
	Yes     bool   // Confirm: the answer
	Control bool   // any prompt: Ctrl-C
	Back    bool   // Select: Esc
}

// Prompter answers prompts with its Steps in order and records what it was
// asked. A prompt with no step left, or a Pick no option matches, is
// reported through Err and answered with Ctrl-C, so the code under test
// winds down and the test can fail with a clear message.
type Prompter struct {
	Steps   []Step
	Asked   []string
	Options [][]string // for each prompt, the options a Select showed (nil for others)
	Err     error
	cursor  int
}

func (p *Prompter) next(kind, prompt string, options []string) (Step, bool) {
	p.Asked = append(p.Asked, prompt)
	p.Options = append(p.Options, options)
	if p.cursor >= len(p.Steps) {
		p.fail(fmt.Errorf("%s %q: no scripted step left", kind, prompt))
		return Step{}, false
	}
	s := p.Steps[p.cursor]
	p.cursor++
	return s, !s.Control
}

func (p *Prompter) fail(err error) {
	if p.Err == nil {
		p.Err = err
	}
}

// Select implements output.Prompter.
func (p *Prompter) Select(prompt string, options []string) (int, error) {
	s, ok := p.next("select", prompt, options)
	switch {
	case !ok:
		return -1, output.ErrCancelled
	case s.Back:
		return -1, output.ErrBack
	}
	// An option that is exactly the text wins over one that contains it:
	// a pick of "8" must not land on "128".
	for i, o := range options {
		if o == s.Pick {
			return i, nil
		}
	}
	for i, o := range options {
		if strings.Contains(o, s.Pick) {
			return i, nil
		}
	}
	p.fail(fmt.Errorf("select %q: no option contains %q in %q", prompt, s.Pick, options))
	return -1, output.ErrCancelled
}

// Input implements output.Prompter.
func (p *Prompter) Input(prompt string) (string, error) {
	s, ok := p.next("input", prompt, nil)
	if !ok {
		return "", output.ErrCancelled
	}
	return s.Text, nil
}

// Confirm implements output.Prompter.
func (p *Prompter) Confirm(prompt string) (bool, error) {
	s, ok := p.next("confirm", prompt, nil)
	if !ok {
		return false, output.ErrCancelled
	}
	return s.Yes, nil
}

// Pause implements output.Prompter: a step with Control set is Ctrl-C, any
// other is Enter.
func (p *Prompter) Pause(prompt string) error {
	if _, ok := p.next("pause", prompt, nil); !ok {
		return output.ErrCancelled
	}
	return nil
}

// Done reports a script that was not used up or went wrong.
func (p *Prompter) Done() error {
	if p.Err != nil {
		return p.Err
	}
	if p.cursor != len(p.Steps) {
		return fmt.Errorf("%d scripted steps were never asked for", len(p.Steps)-p.cursor)
	}
	return nil
}
