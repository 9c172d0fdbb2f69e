package lessons

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func TestMarkSeenKeepsTheFirstTime(t *testing.T) {
	p := NewProgress()
	p.MarkSeen("1.2", t0)
	p.MarkSeen("1.2", t0.Add(time.Hour))
	if !p.Seen["1.2"].Equal(t0) {
		t.Errorf("seen at %v, want the first time", p.Seen["1.2"])
	}
	if p.Last.Section != "1.2" || p.Last.Activity != ActivityLesson || !p.Last.At.Equal(t0.Add(time.Hour)) {
		t.Errorf("last = %+v", p.Last)
	}
}

func TestRecordQuizKeepsBestAndLast(t *testing.T) {
	p := NewProgress()
	p.RecordQuiz("1.3", 2, 4, t0)
	p.RecordQuiz("1.3", 4, 5, t0.Add(time.Minute)) // 80% beats 50%
	p.RecordQuiz("1.3", 1, 5, t0.Add(2*time.Minute))
	p.RecordQuiz("1.3", 4, 5, t0.Add(3*time.Minute)) // a tie keeps the older best
	s := p.Scores["1.3"]
	if s.Best.Correct != 4 || s.Best.Total != 5 || !s.Best.At.Equal(t0.Add(time.Minute)) {
		t.Errorf("best = %+v", s.Best)
	}
	if s.Last.Correct != 4 || !s.Last.At.Equal(t0.Add(3*time.Minute)) || s.Attempts != 4 {
		t.Errorf("last = %+v, attempts %d", s.Last, s.Attempts)
	}
	if p.Last.Activity != ActivityQuiz || p.Last.Section != "1.3" {
		t.Errorf("last position = %+v", p.Last)
	}
}

func TestNext(t *testing.T) {
	p := NewProgress()
	if got := p.Next(); got != "1.1" {
		t.Errorf("fresh: Next = %q, want 1.1", got)
	}
	p.MarkSeen("1.2", t0)
	if got := p.Next(); got != "1.2.4" {
		t.Errorf("after 1.2: Next = %q, want 1.2.4", got)
	}
	p.MarkSeen("1.7", t0)
	if got := p.Next(); got != "1.1" {
		t.Errorf("after the last section with gaps: Next = %q, want the first unseen, 1.1", got)
	}
	for _, s := range Sections {
		p.MarkSeen(s, t0)
	}
	if got := p.Next(); got != "" {
		t.Errorf("all read, last 1.7: Next = %q, want none", got)
	}
}

// TestNextSkipsLessonsAlreadyRead: Next is the first unread lesson after
// the last position, going round to the start; never one already read.
func TestNextSkipsLessonsAlreadyRead(t *testing.T) {
	p := NewProgress()
	for _, s := range []string{"1.2", "1.2.4", "1.3", "1.1"} {
		p.MarkSeen(s, t0)
	}
	p.MarkSeen("1.2", t0) // back to an earlier lesson
	if got := p.Next(); got != "1.4" {
		t.Errorf("after rereading 1.2 with 1.2.4 and 1.3 read: Next = %q, want 1.4", got)
	}
	p.RecordQuiz("1.1", 3, 3, t0)
	if got := p.Next(); got != "1.1.2" {
		t.Errorf("after the 1.1 quiz: Next = %q, want 1.1.2", got)
	}
	for _, s := range Sections[:len(Sections)-1] {
		p.MarkSeen(s, t0)
	}
	p.MarkSeen("1.3", t0)
	if got := p.Next(); got != "1.7" {
		t.Errorf("only 1.7 unread: Next = %q, want 1.7", got)
	}
	p.MarkSeen("1.7", t0)
	p.RecordQuiz("1.2", 1, 2, t0)
	if got := p.Next(); got != "" {
		t.Errorf("all read, last the 1.2 quiz: Next = %q, want none", got)
	}
}

func TestCheckRejectsImpossibleProgress(t *testing.T) {
	bad := []func(p *Progress){
		func(p *Progress) { p.Version = 2 },
		func(p *Progress) { p.Seen = nil },
		func(p *Progress) { p.Scores["1.1"] = Score{Best: Attempt{Correct: 5, Total: 4}} },
		func(p *Progress) { p.Scores["1.1"] = Score{Last: Attempt{Correct: -1, Total: 4}} },
		func(p *Progress) { p.Last = &Position{Section: "1.1", Activity: "nap"} },
	}
	for i, spoil := range bad {
		p := NewProgress()
		spoil(p)
		if p.Check() == nil {
			t.Errorf("case %d: Check accepted %+v", i, p)
		}
	}
	if err := NewProgress().Check(); err != nil {
		t.Errorf("fresh progress: %v", err)
	}
}
