package cmdutil

import (
	"context"
	"os"
	"sync"
)

// Interrupts sends Ctrl-C to the innermost activity that is running, not
// to the whole process: a command that a lesson runs live (say `demo
// server`) stops on Ctrl-C and the lesson goes on, as a learner expects; a
// second Ctrl-C then stops the lesson.
type Interrupts struct {
	mu     sync.Mutex
	nextID int
	scopes []scope // innermost last
}

type scope struct {
	id     int
	cancel context.CancelFunc
}

// Scope returns a context that the next interrupt cancels while it is the
// innermost open scope, and a func that closes the scope. On a nil
// *Interrupts (a Factory built by hand in a test) it is a plain
// cancellable context.
func (in *Interrupts) Scope(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	if in == nil {
		return ctx, cancel
	}
	in.mu.Lock()
	in.nextID++
	id := in.nextID
	in.scopes = append(in.scopes, scope{id: id, cancel: cancel})
	in.mu.Unlock()
	return ctx, func() {
		in.remove(id)
		cancel()
	}
}

func (in *Interrupts) remove(id int) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for i, s := range in.scopes {
		if s.id == id {
			in.scopes = append(in.scopes[:i], in.scopes[i+1:]...)
			return
		}
	}
}

// Interrupt cancels the innermost open scope.
func (in *Interrupts) Interrupt() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if n := len(in.scopes); n > 0 {
		in.scopes[n-1].cancel()
	}
}

// Forward calls Interrupt for every signal that arrives on sigs, until the
// returned stop func is called. A nil channel forwards nothing.
func (in *Interrupts) Forward(sigs <-chan os.Signal) (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sigs:
				in.Interrupt()
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}
