package i18n

import (
	"fmt"
	"strings"
)

// Detect picks the language: an explicit choice (the --lang flag) wins,
// then NETLEARN_LANG, LC_ALL, LC_MESSAGES and LANG in that order, then the
// language the OS shows its own menus in, when osLang is given (see
// OSLanguage). Any value starting with "zh" means Chinese; anything else
// set means English. An explicit choice that is neither zh nor en is an
// error.
func Detect(explicit string, getenv func(string) string, osLang func() string) (Lang, error) {
	if explicit != "" {
		return Parse(explicit)
	}
	for _, name := range []string{"NETLEARN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return fromLocale(v), nil
		}
	}
	if osLang != nil {
		return fromLocale(osLang()), nil
	}
	return EN, nil
}

// OSLanguage is the user's display language as the OS keeps it, for
// systems where the locale variables are usually unset: Windows'
// GetUserDefaultUILanguage, macOS' AppleLanguages preference. It is "" where
// there is none to read (Linux and the BSDs use the variables).
func OSLanguage() string { return osLanguage() }

// windowsLangName names a Windows LANGID by its primary language (the low
// ten bits): LANG_CHINESE (0x04) covers Simplified and Traditional alike.
func windowsLangName(langID uint16) string {
	switch langID & 0x3ff {
	case 0x04:
		return "zh"
	case 0x09:
		return "en"
	}
	return ""
}

// firstAppleLanguage reads `defaults read -g AppleLanguages`, a property
// list array such as ( "zh-Hans-CN", en ), and returns its first entry:
// the language the user put on top.
func firstAppleLanguage(out string) string {
	start := strings.Index(out, "(")
	if start < 0 {
		return ""
	}
	rest, _, _ := strings.Cut(out[start+1:], ",")
	rest, _, _ = strings.Cut(rest, ")")
	return strings.Trim(strings.TrimSpace(rest), `"`)
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
