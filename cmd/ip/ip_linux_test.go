package ip

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/vishvananda/netns"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/netinfo/iface"
)

// ipJSONLink is the part of `ip -j addr` the comparison needs.
type ipJSONLink struct {
	Name     string `json:"ifname"`
	Index    int    `json:"ifindex"`
	AddrInfo []struct {
		Local     string `json:"local"`
		PrefixLen int    `json:"prefixlen"`
	} `json:"addr_info"`
}

// summary is "name index addr/len addr/len ..." per interface, sorted, so
// the two tools' views compare as sets.
func summaryFromIP(t *testing.T, out []byte) []string {
	t.Helper()
	var links []ipJSONLink
	if err := json.Unmarshal(out, &links); err != nil {
		t.Fatalf("ip -j addr: %v\n%s", err, out)
	}
	var lines []string
	for _, l := range links {
		var as []string
		for _, a := range l.AddrInfo {
			as = append(as, fmt.Sprintf("%s/%d", netip.MustParseAddr(a.Local), a.PrefixLen))
		}
		lines = append(lines, summaryLine(l.Name, l.Index, as))
	}
	slices.Sort(lines)
	return lines
}

func summaryFromNetlearn(t *testing.T, out []byte) []string {
	t.Helper()
	var r Report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("netlearn ip --json: %v\n%s", err, out)
	}
	var lines []string
	for _, ifc := range r.Interfaces {
		var as []string
		for _, a := range ifc.Addrs {
			as = append(as, fmt.Sprintf("%s/%d", a.Address, a.PrefixLen))
		}
		lines = append(lines, summaryLine(ifc.Name, ifc.Index, as))
	}
	slices.Sort(lines)
	return lines
}

func summaryLine(name string, index int, addrs []string) string {
	slices.Sort(addrs)
	return fmt.Sprintf("%s %d %s", name, index, strings.Join(addrs, " "))
}

// netlearnJSON runs the real `netlearn ip --json` command (real interfaces,
// routes and resolv.conf) in-process, on the calling thread.
func netlearnJSON(t *testing.T, args ...string) []byte {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Tr: i18n.For(i18n.EN)}
	c := NewCmdIP(f, nil)
	c.SetArgs(append([]string{"--json"}, args...))
	if err := c.Execute(); err != nil {
		t.Fatalf("netlearn ip --json: %v (%s)", err, errOut)
	}
	return out.Bytes()
}

func needIP(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("the ip command (iproute2) is not installed: nothing to compare with")
	}
}

func TestJSONMatchesIPAddr(t *testing.T) {
	needIP(t)
	ipOut, err := exec.Command("ip", "-j", "addr").Output()
	if err != nil {
		t.Fatalf("ip -j addr: %v", err)
	}
	want := summaryFromIP(t, ipOut)
	got := summaryFromNetlearn(t, netlearnJSON(t))
	if !slices.Equal(got, want) {
		t.Errorf("interfaces and addresses differ\nnetlearn:\n  %s\nip -j addr:\n  %s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestNamespaceVeth builds a private network namespace with a veth pair,
// known addresses and a default route, then checks what `netlearn ip`
// reports inside it: the same as `ip -j addr`, plus the gateway and the
// LAN address. Nothing is sent; the namespace is deleted afterwards.
func TestNamespaceVeth(t *testing.T) {
	needIP(t)
	if os.Geteuid() != 0 {
		t.Skip("creating a network namespace needs root")
	}
	name := fmt.Sprintf("nltest-ip-%d", os.Getpid())
	sh := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	// A namespace left by a killed earlier run with the same pid goes first.
	// Deleting the namespace deletes the veth pair inside it, whether the
	// test passes, fails or stops half-way through setting it up.
	_ = exec.Command("ip", "netns", "del", name).Run()
	t.Cleanup(func() { deleteNamespace(t, name) })
	sh("netns", "add", name)
	sh("-n", name, "link", "add", "nl-a", "type", "veth", "peer", "name", "nl-b")
	sh("-n", name, "addr", "add", "10.77.0.2/24", "dev", "nl-a")
	sh("-n", name, "addr", "add", "fd77::2/64", "dev", "nl-a", "nodad")
	sh("-n", name, "addr", "add", "100.64.7.1/10", "dev", "nl-b")
	sh("-n", name, "link", "set", "nl-a", "up")
	sh("-n", name, "link", "set", "nl-b", "up")
	sh("-n", name, "link", "set", "lo", "up")
	sh("-n", name, "route", "add", "default", "via", "10.77.0.1", "dev", "nl-a")
	ipOut, err := exec.Command("ip", "-n", name, "-j", "addr").Output()
	if err != nil {
		t.Fatal(err)
	}

	out := inNamespace(t, name, func() []byte { return netlearnJSON(t) })

	if got, want := summaryFromNetlearn(t, out), summaryFromIP(t, ipOut); !slices.Equal(got, want) {
		t.Errorf("namespace view differs\nnetlearn:\n  %s\nip:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	var r Report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Gateways) != 1 || r.Gateways[0] != (iface.Gateway{Address: netip.MustParseAddr("10.77.0.1"), Interface: "nl-a"}) {
		t.Errorf("gateways %+v", r.Gateways)
	}
	if r.LAN == nil || r.LAN.Address.String() != "10.77.0.2" || r.LAN.Interface != "nl-a" {
		t.Errorf("LAN %+v", r.LAN)
	}
	kinds := map[string]iface.Kind{}
	for _, ifc := range r.Interfaces {
		for _, a := range ifc.Addrs {
			kinds[a.Address.String()] = a.Kind
		}
	}
	want := map[string]iface.Kind{"127.0.0.1": "loopback", "::1": "loopback", "10.77.0.2": "private", "fd77::2": "unique-local", "100.64.7.1": "shared"}
	for a, k := range want {
		if kinds[a] != k {
			t.Errorf("%s: kind %q, want %q", a, kinds[a], k)
		}
	}
}

// deleteNamespace removes the test's namespace and fails the test when it
// is still there afterwards, so a leak cannot pass unnoticed.
func deleteNamespace(t *testing.T, name string) {
	_ = exec.Command("ip", "netns", "del", name).Run()
	out, err := exec.Command("ip", "netns", "list").Output()
	if err != nil {
		t.Errorf("ip netns list: %v", err)
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		if fields := strings.Fields(line); len(fields) > 0 && fields[0] == name {
			t.Errorf("network namespace %s is still there after the test", name)
		}
	}
}

// inNamespace runs fn on this goroutine's OS thread switched into the
// named namespace; the thread is switched back before it is unlocked.
func inNamespace(t *testing.T, name string, fn func() []byte) []byte {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := netns.Get()
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	target, err := netns.GetFromName(name)
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if err := netns.Set(target); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := netns.Set(orig); err != nil {
			panic(err) // a thread left in the test namespace must not be reused
		}
	}()
	return fn()
}
