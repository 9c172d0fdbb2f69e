// Package exercise checks the server and client programs a learner writes
// for the chapter's last sections: it knows the exercises and their
// checks, runs the learner's program (see the run subpackage), plays the
// other side of the conversation and reports named results as events. It
// never prints; the command layer words and draws the results.
package exercise

// Kind says which side of the conversation the learner writes.
type Kind string

// The two kinds of program.
const (
	KindServer Kind = "server"
	KindClient Kind = "client"
)

// CheckDef is one named check. A check runs only when every check in
// Needs passed; otherwise it is skipped.
type CheckDef struct {
	ID    string   `json:"id"`
	Needs []string `json:"needs,omitempty"`
}

// Exercise is one task. Its text (task, checks, hints) lives in the
// translation catalogue under "exercise.{title,task,hints}.<name>" and
// "exercise.checkdesc.<name>.<id>".
type Exercise struct {
	Name    string     `json:"name"`
	Kind    Kind       `json:"kind"`
	Lessons []string   `json:"lessons"`
	Checks  []CheckDef `json:"checks"`
	run     func(*checker)
}

// All lists the exercises in the order they are meant to be done.
func All() []*Exercise { return exercises }

// Lookup finds an exercise by name.
func Lookup(name string) (*Exercise, bool) {
	for _, e := range exercises {
		if e.Name == name {
			return e, true
		}
	}
	return nil, false
}

// Names lists the exercise names in order.
func Names() []string {
	names := make([]string, len(exercises))
	for i, e := range exercises {
		names[i] = e.Name
	}
	return names
}

func needs(ids ...string) []string { return ids }

var exercises = []*Exercise{
	{Name: "client", Kind: KindClient, Lessons: []string{"1.7", "1.7.1"}, run: checkClient, Checks: []CheckDef{
		{ID: "starts"},
		{ID: "connects", Needs: needs("starts")},
		{ID: "sends-utf8", Needs: needs("connects")},
		{ID: "prints-reply", Needs: needs("sends-utf8")},
		{ID: "empty-line", Needs: needs("sends-utf8")},
		{ID: "exit", Needs: needs("empty-line")},
		{ID: "stdin-eof", Needs: needs("connects")},
	}},
	{Name: "server", Kind: KindServer, Lessons: []string{"1.6", "1.6.1"}, run: checkServer, Checks: []CheckDef{
		{ID: "starts"},
		{ID: "accepts", Needs: needs("starts")},
		{ID: "replies", Needs: needs("accepts")},
		{ID: "utf8", Needs: needs("replies")},
		{ID: "exit", Needs: needs("replies")},
		{ID: "peer-close", Needs: needs("replies")},
	}},
	{Name: "server-loop", Kind: KindServer, Lessons: []string{"1.6", "1.6.1"}, run: checkServerLoop, Checks: []CheckDef{
		{ID: "starts"},
		{ID: "next-client", Needs: needs("starts")},
		{ID: "reset", Needs: needs("next-client")},
		{ID: "restart", Needs: needs("next-client")},
	}},
	{Name: "server-threads", Kind: KindServer, Lessons: []string{"1.6.1"}, run: checkServerThreads, Checks: []CheckDef{
		{ID: "starts"},
		{ID: "concurrent", Needs: needs("starts")},
		{ID: "many", Needs: needs("starts")},
	}},
	{Name: "framing", Kind: KindServer, Lessons: []string{"1.3", "1.6.1"}, run: checkFraming, Checks: []CheckDef{
		{ID: "starts"},
		{ID: "split", Needs: needs("starts")},
		{ID: "merged", Needs: needs("starts")},
		{ID: "long", Needs: needs("starts")},
	}},
}
