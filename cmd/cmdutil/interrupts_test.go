package cmdutil

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestInterruptCancelsOnlyTheInnermostScope(t *testing.T) {
	var in Interrupts
	outer, closeOuter := in.Scope(context.Background())
	defer closeOuter()
	inner, closeInner := in.Scope(outer)

	in.Interrupt()
	if inner.Err() == nil {
		t.Fatal("the inner scope was not cancelled")
	}
	if outer.Err() != nil {
		t.Fatal("the outer scope was cancelled by the first interrupt")
	}

	closeInner()
	in.Interrupt()
	if outer.Err() == nil {
		t.Fatal("once the inner scope closed, the interrupt did not reach the outer one")
	}
}

func TestClosingScopesOutOfOrderKeepsTheRightInnermost(t *testing.T) {
	var in Interrupts
	a, closeA := in.Scope(context.Background())
	b, closeB := in.Scope(context.Background())
	closeA()
	in.Interrupt()
	if b.Err() == nil {
		t.Error("b is the only open scope but was not cancelled")
	}
	closeB()
	if a.Err() == nil {
		t.Error("closing a scope must cancel its context")
	}
	in.Interrupt() // no open scope: nothing happens, nothing panics
}

func TestForwardTurnsSignalsIntoInterrupts(t *testing.T) {
	var in Interrupts
	ctx, closeScope := in.Scope(context.Background())
	defer closeScope()
	sigs := make(chan os.Signal, 1)
	stop := in.Forward(sigs)
	defer stop()

	sigs <- os.Interrupt
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a signal on the channel did not cancel the scope")
	}
}

func TestNilInterruptsGiveAPlainScope(t *testing.T) {
	var in *Interrupts
	ctx, closeScope := in.Scope(context.Background())
	if ctx.Err() != nil {
		t.Fatal("a fresh scope is already cancelled")
	}
	closeScope()
	if ctx.Err() == nil {
		t.Fatal("closing the scope did not cancel it")
	}
}
