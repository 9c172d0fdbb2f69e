package cmdutil

import (
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
)

// JoinList joins the items of a list in a message, with the separator of
// tr's language: ", " in English, "，" in Chinese.
func JoinList(tr *i18n.Catalog, items []string) string {
	return strings.Join(items, tr.T("root.list_sep"))
}
