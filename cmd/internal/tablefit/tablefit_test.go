package tablefit

import (
	"os"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"
)

func TestMain(m *testing.M) {
	pterm.DisableStyling()
	os.Exit(m.Run())
}

func sample() [][]string {
	return [][]string{
		{"PORT", "PROTOCOLS", "NAME", "CLASS", "WHAT IT IS"},
		{"22", "tcp", "ssh", "well-known", "SSH: encrypted remote login, commands and file copy"},
		{"53", "tcp,udp", "domain", "well-known", "DNS: turns names like example.com into addresses"},
	}
}

func widest(table string) int {
	w := 0
	for _, line := range strings.Split(table, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

func TestRenderDropsExpendableColumnsInOrder(t *testing.T) {
	cases := []struct {
		width         int
		class, protos bool
	}{
		{120, true, true},
		{56, false, true},
		{40, false, false},
	}
	for _, c := range cases {
		table, err := Render(sample(), c.width, 3, 1)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(table, "CLASS") != c.class || strings.Contains(table, "PROTOCOLS") != c.protos {
			t.Errorf("width %d: class shown %v, protocols shown %v\n%s", c.width,
				strings.Contains(table, "CLASS"), strings.Contains(table, "PROTOCOLS"), table)
		}
		if w := widest(table); w > c.width {
			t.Errorf("width %d: table is %d wide\n%s", c.width, w, table)
		}
		if !strings.Contains(table, "SSH:") || !strings.Contains(table, "copy") {
			t.Errorf("width %d: the last column lost its text\n%s", c.width, table)
		}
	}
}

func TestRenderLeavesAFittingTableWhole(t *testing.T) {
	rows := [][]string{{"网卡", "类别"}, {"以太网", "private"}}
	table, err := Render(rows, 80, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "以太网 │ private") {
		t.Errorf("table:\n%s", table)
	}
}

func TestRenderGivesUpWithoutLosingText(t *testing.T) {
	table, err := Render(sample(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "well-known") || !strings.Contains(table, "domain") {
		t.Errorf("too narrow to fit, yet text was dropped:\n%s", table)
	}
}

func TestRenderDoesNotChangeTheCallersRows(t *testing.T) {
	rows := sample()
	if _, err := Render(rows, 40, 3, 1); err != nil {
		t.Fatal(err)
	}
	if rows[1][4] != sample()[1][4] || len(rows[1]) != 5 {
		t.Errorf("rows changed: %q", rows[1])
	}
}
