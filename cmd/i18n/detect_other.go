//go:build !windows && !darwin

package i18n

// osLanguage: here the locale variables are the OS's language setting.
func osLanguage() string { return "" }
