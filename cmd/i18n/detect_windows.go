package i18n

import "golang.org/x/sys/windows"

var procGetUserDefaultUILanguage = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")

// osLanguage asks Windows for the user's display language.
func osLanguage() string {
	if procGetUserDefaultUILanguage.Find() != nil {
		return ""
	}
	id, _, _ := procGetUserDefaultUILanguage.Call()
	return windowsLangName(uint16(id))
}
