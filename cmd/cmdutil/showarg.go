package cmdutil

import "strconv"

// maxShownArg is how many characters of an argument a message repeats:
// enough to recognise it, short enough to keep the message on one line.
const maxShownArg = 40

// ShowArg makes a user's argument safe to repeat inside a one-line
// message. A newline would split the message, an escape sequence would
// restyle the user's terminal and invalid UTF-8 would print as garbage, so
// those are written the way Go escapes them (\n, \x1b, \xff); a very long
// argument is cut short with "…". Messages put their own quotes around it.
func ShowArg(s string) string {
	cut := false
	n := 0
	for i := range s {
		if n == maxShownArg {
			s, cut = s[:i], true
			break
		}
		n++
	}
	shown := strconv.Quote(s)
	shown = shown[1 : len(shown)-1]
	if cut {
		shown += "…"
	}
	return shown
}
