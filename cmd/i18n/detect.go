package i18n

import (
	"fmt"
	"strings"
)

// Detect picks the language: an explicit choice (the --lang flag) wins,
// then NETLEARN_LANG, LC_ALL, LC_MESSAGES and LANG in that order. Any value
// starting with "zh" means Chinese; anything else set means English.
// An explicit choice that is neither zh nor en is an error.
func Detect(explicit string, getenv func(string) string) (Lang, error) {
	if explicit != "" {
		return Parse(explicit)
	}
	for _, name := range []string{"NETLEARN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return fromLocale(v), nil
		}
	}
	return EN, nil
}

// Parse accepts "zh" or "en" (any case, with or without a region such as
// zh_CN.UTF-8 or en-US).
func Parse(s string) (Lang, error) {
	lower := strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(lower, "zh"):
		return ZH, nil
	case lower == "en" || strings.HasPrefix(lower, "en_") || strings.HasPrefix(lower, "en-"):
		return EN, nil
	}
	return "", fmt.Errorf("unsupported language %q", s)
}

func fromLocale(v string) Lang {
	if strings.HasPrefix(strings.ToLower(v), "zh") {
		return ZH
	}
	return EN
}
