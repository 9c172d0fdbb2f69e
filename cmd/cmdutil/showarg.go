package cmdutil

import (
	"strconv"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
)

// maxShownArg is how many terminal columns of an argument a message
// repeats: enough to recognise it, short enough to keep the message on one
// line. A Chinese character takes two columns, so half as many fit.
const maxShownArg = 40

// ShowArg makes a user's argument safe to repeat inside a one-line
// message. A newline would split the message, an escape sequence would
// restyle the user's terminal and invalid UTF-8 would print as garbage, so
// those are written the way Go escapes them (\n, \x1b, \xff); a very long
// argument is cut to maxShownArg columns of what is shown, with "…", by
// textwrap.Cut. Messages put their own quotes around it.
func ShowArg(s string) string {
	shown := strconv.Quote(s)
	shown = shown[1 : len(shown)-1]
	return textwrap.Cut(shown, maxShownArg+runewidth.StringWidth("…"))
}
