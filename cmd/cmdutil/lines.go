package cmdutil

import (
	"bufio"
	"io"
	"strings"
)

// ReadLines feeds r's lines, without their line ending (LF or CRLF), to a
// channel, so that waiting for a line can also watch for Ctrl-C. At most
// maxLine bytes of a line are kept; the rest is read and dropped, so a huge
// line costs no memory and still counts as one line. A last line without a
// newline still counts. The goroutine ends with r, or when done is closed;
// the channel is closed then.
func ReadLines(r io.Reader, done <-chan struct{}, maxLine int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		br := bufio.NewReader(r)
		for {
			line, err := readLine(br, maxLine)
			if err != nil {
				return
			}
			select {
			case ch <- line:
			case <-done:
				return
			}
		}
	}()
	return ch
}

// readLine reads one line, without its line ending, keeping at most max
// bytes of it. io.EOF means there was no line at all.
func readLine(br *bufio.Reader, max int) (string, error) {
	var kept []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if room := max - len(kept); room > 0 {
			kept = append(kept, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == nil:
		case err == io.EOF && len(chunk) > 0, err == io.EOF && len(kept) > 0:
		default:
			return "", err
		}
		line := strings.TrimSuffix(string(kept), "\n")
		return strings.TrimSuffix(line, "\r"), nil
	}
}
