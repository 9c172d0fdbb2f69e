package exercise

import "github.com/netlearn/netlearn/sockdemo"

// shown quotes bytes from the learner's program for a one-line verdict:
// escaped like any network bytes, and cut when long (the transcript has
// them in full).
func shown(b []byte) string {
	return "\"" + short(sockdemo.Sanitize(b)) + "\""
}
