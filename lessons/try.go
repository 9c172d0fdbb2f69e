package lessons

import (
	"errors"
	"strings"
)

// SplitTry splits a lesson's try: line the way a POSIX shell would split a
// simple command (spaces, single and double quotes, backslash escapes) and
// returns the arguments after the leading "netlearn".
func SplitTry(line string) ([]string, error) {
	words, err := splitWords(line)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 || words[0] != "netlearn" {
		return nil, errors.New("a try command starts with `netlearn `")
	}
	if len(words) == 1 || words[1] == "" {
		return nil, errors.New("a try command names a netlearn command after `netlearn`")
	}
	return words[1:], nil
}

// splitWords is a small shell-word splitter. It rejects what a shell would
// treat specially beyond quoting (pipes, redirections, substitutions), since
// a try command is run by netlearn itself, not by a shell.
func splitWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune // 0, '\'' or '"'
	escaped := false
	for _, r := range line {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\\' && quote == 0, r == '\\' && quote == '"':
			escaped, inWord = true, true
		case quote == '"':
			if r == '"' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case strings.ContainsRune("|&;<>()$`*?[]{}~", r):
			return nil, errors.New("shell operators and wildcards are not allowed in a try command")
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || escaped {
		return nil, errors.New("unbalanced quote or trailing backslash")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
