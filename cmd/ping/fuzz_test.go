package ping

import (
	"errors"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// FuzzCommandLine feeds arbitrary command lines (words split at single
// spaces, so empty words occur) to the flag checks. Whatever comes in,
// the result is either a refusal in the user's words, never a raw key, or
// options that every later step can trust.
func FuzzCommandLine(f *testing.F) {
	for _, s := range []string{
		"127.0.0.1", "-c 0 -i 0.2 -w 1 ::1", "-W 0 x.test", "-s 70000 x", "--ttl 300 x",
		"-4 -6 x", "--tcp 80 -s 100 x", "--check --local 127.0.0.2 --gateway [::1]",
		"--check --internet-host 256.1.1.1", " ", "[]", "a..b", "-i 1e400 x", "--tcp http x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		ios, _, _, _ := iostreams.Test()
		opts := fakeOptions(cmdutil.NewFactory(ios, i18n.EN), nil)
		opts.Privileged = func() bool { return false }
		var got *Options
		c := newCmdPing(opts, func(o *Options) error { got = o; return nil })
		c.SilenceUsage, c.SilenceErrors = true, true
		c.SetArgs(strings.Split(line, " "))
		c.SetOut(ios.Out)
		c.SetErr(ios.ErrOut)
		err := c.Execute()
		var usage *cmdutil.UsageError
		switch {
		case errors.As(err, &usage):
			if strings.HasPrefix(usage.Msg, "ping.") || strings.Contains(usage.Msg, "\n") {
				t.Fatalf("%q: refusal %q is a raw key or more than one line", line, usage.Msg)
			}
		case err != nil:
			return // pflag's own parse errors; cmd.Run words them
		case got != nil:
			checkParsed(t, line, got)
		}
	})
}

// checkParsed asserts what validate promises about accepted options.
func checkParsed(t *testing.T, line string, o *Options) {
	t.Helper()
	bad := o.Count < 0 || o.Size < probe.MinSize || o.Size > probe.MaxSize || o.TTL < 1 || o.TTL > 255 ||
		o.Interval < probe.MinUserInterval || o.Timeout <= 0 || o.Deadline < 0 || o.Interval > maxFlagTime
	if bad {
		t.Fatalf("%q accepted with %+v", line, o)
	}
	if o.Check {
		if o.Host != "" || o.TCPPort != 0 {
			t.Fatalf("%q: --check accepted with host %q port %d", line, o.Host, o.TCPPort)
		}
		return
	}
	if _, _, err := probe.ParseTarget(o.Host, o.Family); err != nil {
		t.Fatalf("%q accepted the host %q: %v", line, o.Host, err)
	}
}
