package exercise

import (
	"context"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netlearn/netlearn/lessons/exercise/run"
)

// Options say how to check one exercise.
type Options struct {
	Launch Launch
	// Port is the port given to the program: the one a server should
	// listen on, or the one the partner server listens on for a client.
	Port int
	// Where is "namespace" when the check runs in a private network
	// namespace, "host" otherwise.
	Where string
	Notes []Text
	// Emit receives the events as they happen; it may be nil.
	Emit func(Event)
}

// Limits on every run of the learner's program.
const (
	outputCap   = 64 << 10
	cpuLimit    = 20 * time.Second
	memoryLimit = 2 << 30
	// startTimeout is how long a server has to listen, or a client to
	// connect; replyTimeout how long any answer may take.
	startTimeout = 5 * time.Second
	replyTimeout = 2 * time.Second
	// exitGrace is how long the partner may still take to read what a
	// program sent just before it exited.
	exitGrace = time.Second
	// dyingGrace is how long a program that just lost its listener or its
	// connection may take to exit, so its traceback can explain why.
	dyingGrace = time.Second
	// lineProbe is how long a reply to an unterminated message may take
	// before netlearn ends the line, for a server that reads whole lines.
	lineProbe = 500 * time.Millisecond
)

// checker runs the checks of one exercise in order.
type checker struct {
	ctx   context.Context
	ex    *Exercise
	opts  Options
	start time.Time

	status map[string]Status
	report Report

	// lines is set once the program showed that it reads line by line
	// (as lesson 1.3 teaches): from then on every message ends with \n.
	lines atomic.Bool

	mu         sync.Mutex
	transcript []Exchange // of the check that runs now
	procs      []*run.Proc
	current    *run.Proc // the learner's program that runs now
}

// Check runs every check of ex against the learner's program and returns
// the report; the events go to opts.Emit as they happen. No process of the
// learner's program survives it.
func Check(ctx context.Context, ex *Exercise, opts Options) Report {
	c := &checker{ctx: ctx, ex: ex, opts: opts, start: time.Now(), status: map[string]Status{}}
	c.report = Report{Exercise: ex.Name, Where: opts.Where, Notes: opts.Notes}
	for i := range opts.Notes {
		c.emit(Event{Note: &opts.Notes[i]})
	}
	defer c.stopAll()
	if dir, err := os.MkdirTemp("", "netlearn-exercise-"); err == nil {
		defer os.RemoveAll(dir)
		if c.build(dir) && c.ctx.Err() == nil {
			ex.run(c)
		}
	}
	for _, def := range ex.Checks {
		if _, done := c.status[def.ID]; !done {
			c.do(def.ID, nil)
		}
	}
	c.stopAll()
	c.report.Passed = !slices.ContainsFunc(c.report.Checks, func(r Result) bool { return r.Status != Pass })
	c.report.Program = c.programInfo()
	c.report.Duration = time.Since(c.start)
	c.emit(Event{Report: &c.report})
	return c.report
}

func (c *checker) emit(e Event) {
	if c.opts.Emit != nil {
		c.opts.Emit(e)
	}
}

// build compiles a Go program once, before any check; a compile error
// fails "starts" with the compiler's words.
func (c *checker) build(dir string) bool {
	l, out, err := c.opts.Launch.Build(c.ctx, dir)
	if err != nil {
		return c.do("starts", func() Result {
			return Result{Status: Fail, Did: T("exercise.did.build"), Message: T("exercise.msg.build_failed"),
				Hint: hint("build"), Transcript: []Exchange{{Dir: FromProgram, Bytes: out}}}
		})
	}
	c.opts.Launch = l
	return true
}

// do runs one check when the checks it needs have passed and emits its
// result; fn == nil, or a failed need, makes it skipped. It reports
// whether the check passed.
func (c *checker) do(id string, fn func() Result) bool {
	if _, done := c.status[id]; done {
		return c.status[id] == Pass
	}
	r := Result{ID: id, Status: Skip}
	if need := c.failedNeed(id); need != "" {
		r.Message = T("exercise.msg.skipped", "check", need)
	} else if fn == nil || c.ctx.Err() != nil {
		r.Message = T("exercise.msg.not_reached")
	} else {
		c.mu.Lock()
		c.transcript = nil
		c.mu.Unlock()
		r = fn()
		r.ID = id
		c.mu.Lock()
		r.Transcript = append(c.transcript, r.Transcript...)
		c.mu.Unlock()
		c.explain(&r)
	}
	c.status[id] = r.Status
	c.report.Checks = append(c.report.Checks, r)
	c.emit(Event{Result: &r})
	return r.Status == Pass
}

// failedNeed returns the first check id needs that did not pass.
func (c *checker) failedNeed(id string) string {
	for _, def := range c.ex.Checks {
		if def.ID != id {
			continue
		}
		for _, n := range def.Needs {
			if c.status[n] != Pass {
				return n
			}
		}
	}
	return ""
}

// explain adds to a failure the error recognised in the program's stderr
// and the lesson to read.
func (c *checker) explain(r *Result) {
	if r.Status != Fail {
		return
	}
	if r.Known == nil && r.Hint == nil && c.current != nil {
		kept, _ := c.current.Stderr.Bytes()
		r.Known = Recognize(kept, c.opts.Launch.File)
	}
	if r.Lesson == "" && r.Known != nil {
		r.Lesson = r.Known.Lesson
	}
	if r.Lesson == "" {
		r.Lesson = c.ex.Lessons[len(c.ex.Lessons)-1]
	}
}

func hint(key string) *Text {
	t := T("exercise.hint." + key)
	return &t
}

func (c *checker) record(e Exchange) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.transcript = append(c.transcript, e)
}

// startProgram starts the learner's program with the port as its first
// argument and in NETLEARN_PORT. A previous run is stopped first.
func (c *checker) startProgram(port int) (*run.Proc, error) {
	c.stopCurrent()
	argv := append(slices.Clone(c.opts.Launch.Argv), strconv.Itoa(port))
	p, err := run.Start(run.Spec{
		Argv: argv,
		Env: []string{"NETLEARN_PORT=" + strconv.Itoa(port), "PYTHONUNBUFFERED=1", "PYTHONUTF8=1",
			"PYTHONIOENCODING=utf-8"},
		OutputCap: outputCap, CPULimit: cpuLimit, MemoryLimit: memoryLimit,
	})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.procs = append(c.procs, p)
	c.current = p
	c.mu.Unlock()
	return p, nil
}

func (c *checker) stopCurrent() {
	if c.current != nil {
		c.current.Stop()
	}
}

func (c *checker) stopAll() {
	for _, p := range c.procs {
		p.Stop()
	}
}

// programInfo describes the last run of the program.
func (c *checker) programInfo() Program {
	info := Program{Command: c.opts.Launch.Argv}
	if c.current == nil {
		return info
	}
	info.Command = append(slices.Clone(c.opts.Launch.Argv), strconv.Itoa(c.opts.Port))
	info.Stdout, _ = c.current.Stdout.Bytes()
	info.Stderr, info.Dropped = c.current.Stderr.Bytes()
	if c.current.StoppedByUs() {
		info.Stderr = withoutOwnInterrupt(info.Stderr)
	} else {
		code := c.current.ExitCode()
		info.ExitCode = &code
	}
	return info
}
