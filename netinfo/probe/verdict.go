package probe

import "errors"

// VerdictCode is the one-word judgement of a ping run; the command layer
// turns it into a sentence in the learner's language.
type VerdictCode string

// The verdicts, from best to worst.
const (
	VerdictOK          VerdictCode = "ok"           // every request answered
	VerdictSomeLoss    VerdictCode = "some_loss"    // answered, but not always
	VerdictNoReply     VerdictCode = "no_reply"     // silence
	VerdictPortClosed  VerdictCode = "port_closed"  // TCP: the host refused the port
	VerdictUnreachable VerdictCode = "unreachable"  // errors instead of replies
	VerdictNothingSent VerdictCode = "nothing_sent" // stopped before the first request
)

// Note is an extra observation that goes with the verdict.
type Note string

// The notes.
const (
	NoteDuplicates Note = "duplicates" // some requests were answered twice
	NoteLate       Note = "late"       // some replies came after -W
	NoteJitter     Note = "jitter"     // round trips vary a lot
)

// AllNotes lists every Note.
func AllNotes() []Note { return []Note{NoteDuplicates, NoteLate, NoteJitter} }

// jitterFloorMs keeps loopback's microsecond wobble from counting as
// jitter: only variation a person could notice counts.
const jitterFloorMs = 1.0

// Verdict judges a run.
type Verdict struct {
	Code  VerdictCode `json:"code"`
	Scope Scope       `json:"scope"`
	Notes []Note      `json:"notes,omitempty"`
	// Text is the verdict in the learner's words; Judge leaves it empty
	// for the command layer, which knows the language, to fill in.
	Text string `json:"text,omitempty"`
}

// ErrRefused marks a TCP probe the host answered with a reset: the host is
// up, but nothing listens on the port.
var ErrRefused = errors.New("connection refused")

// Judge gives the verdict for a finished run.
func Judge(r Result) Verdict {
	v := Verdict{Code: judgeCode(r), Scope: ScopeOf(r.Address)}
	if r.Duplicates > 0 {
		v.Notes = append(v.Notes, NoteDuplicates)
	}
	for _, rep := range r.Replies {
		if rep.Late {
			v.Notes = append(v.Notes, NoteLate)
			break
		}
	}
	// On loopback, varying times measure this machine's load, not a network.
	if v.Scope != ScopeLoopback && r.Received >= 3 && r.MdevMs >= jitterFloorMs && r.MdevMs > r.AvgMs/2 {
		v.Notes = append(v.Notes, NoteJitter)
	}
	return v
}

func judgeCode(r Result) VerdictCode {
	switch {
	case r.Received > 0 && r.Received >= r.Sent:
		return VerdictOK
	case r.Received > 0:
		return VerdictSomeLoss
	case r.Refused > 0 && r.Refused == r.Errors:
		return VerdictPortClosed
	case r.Errors > 0:
		return VerdictUnreachable
	case r.Sent == 0:
		return VerdictNothingSent
	}
	return VerdictNoReply
}
