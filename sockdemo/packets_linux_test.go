package sockdemo

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netlearn/netlearn/internal/testbin"
	"github.com/netlearn/netlearn/netinfo/netns"
)

// TestMain runs the namespace child first: the real-capture tests
// re-execute this test binary inside a private network namespace.
func TestMain(m *testing.M) {
	if netns.Inside() {
		os.Exit(packetChild(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// packetChild performs one PacketRun, configured by words such as lose=2,
// slow and pcap=FILE, and prints its events as JSON lines.
func packetChild(args []string) int {
	if err := netns.Setup(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	run := PacketRun{Messages: []string{"hello", "你好", "exit"}}
	var pcap *os.File
	for _, a := range args {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "lose":
			run.Lose, _ = strconv.Atoi(v)
		case "slow":
			run.SlowReader = true
		case "pcap":
			var err error
			if pcap, err = os.Create(v); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			run.Pcap = pcap
		}
	}
	enc := json.NewEncoder(os.Stdout)
	run.Emit = func(ev Event) { _ = enc.Encode(ev) }
	err := run.Run(context.Background())
	if pcap != nil {
		pcap.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// capturedRun runs the demo with capture in a private namespace and
// returns its events; it skips, saying why, where namespaces are refused.
func capturedRun(t *testing.T, args ...string) []Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := netns.Command(ctx, args...)
	if err != nil {
		t.Skipf("no private network namespace here: %v", err)
	}
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if r := netns.Classify(err); r != nil {
		t.Skipf("this machine refuses private network namespaces: %v", r)
	}
	if err != nil {
		t.Fatalf("capture child: %v\n%s", err, stderr.String())
	}
	var evs []Event
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("bad event line %q: %v", sc.Text(), err)
		}
		evs = append(evs, ev)
	}
	return evs
}

func segmentsOf(evs []Event) []Segment {
	var segs []Segment
	for _, ev := range evs {
		if ev.Segment != nil {
			segs = append(segs, *ev.Segment)
		}
	}
	return segs
}

func captureStats(t *testing.T, evs []Event) {
	t.Helper()
	last := evs[len(evs)-1]
	if last.Step != StepCapture || last.Capture == nil || last.Capture.Packets == 0 || last.Capture.Drops != 0 {
		t.Fatalf("last event %+v, want capture counts with nothing dropped", last)
	}
}

func TestCapturedConversation(t *testing.T) {
	evs := capturedRun(t)
	captureStats(t, evs)
	segs := segmentsOf(evs)
	if len(segs) < 10 {
		t.Fatalf("only %d segments captured: %+v", len(segs), segs)
	}
	hs := segs[:3]
	if hs[0].Flags != "SYN" || hs[0].RelSeq != 0 || hs[0].Why != WhySYN || len(hs[0].Options) < 3 ||
		hs[1].Flags != "SYN+ACK" || hs[1].RelAck != 1 || hs[2].Flags != "ACK" || hs[2].Why != WhyHandshakeACK {
		t.Fatalf("handshake: %+v", hs)
	}
	var toServer []string
	fins := 0
	for _, s := range segs {
		if s.Dir == ToServer && s.Len > 0 {
			toServer = append(toServer, fmt.Sprintf("%d:%d:%s", s.RelSeq, s.Len, s.Payload))
		}
		if strings.Contains(s.Flags, "FIN") {
			fins++
		}
		if s.Len > 0 && s.Checksum == s.Computed {
			t.Errorf("loopback checksum verified (0x%04x): offload was expected to leave it", s.Checksum)
		}
		if s.Retransmission || strings.Contains(s.Flags, "RST") {
			t.Errorf("unexpected %+v", s)
		}
	}
	if want := []string{`1:6:hello\n`, `7:7:你好\n`, `14:5:exit\n`}; strings.Join(toServer, " ") != strings.Join(want, " ") {
		t.Fatalf("client data %v, want %v", toServer, want)
	}
	if fins != 2 {
		t.Fatalf("%d FINs, want one from each side", fins)
	}
}

// tcpdumpLine is one segment as `tcpdump -nn -S` prints it.
var tcpdumpLine = regexp.MustCompile(`IP6? (\S+) > (\S+): Flags \[([^\]]*)\](?:, seq (\d+)(?::(\d+))?)?(?:, ack (\d+))?, win (\d+)(?:, options \[[^\]]*\])?, length (\d+)`)

// tcpdumpFlags writes our flags as tcpdump does: F S R P, then . for ACK.
func tcpdumpFlags(f string) string {
	var b strings.Builder
	for _, name := range []string{"FIN", "SYN", "RST", "PSH"} {
		if strings.Contains(f, name) {
			b.WriteString(name[:1])
		}
	}
	if strings.Contains(f, "ACK") {
		b.WriteString(".")
	}
	return b.String()
}

// The same segments, read back by tcpdump from the pcap netlearn wrote:
// flags, sequence numbers (relative, counted from tcpdump's own SYNs) and
// lengths agree one by one.
func TestPcapMatchesTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (CI installs it)")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil { // the child may be another uid's root
		t.Fatal(err)
	}
	file := filepath.Join(dir, "demo.pcap")
	segs := segmentsOf(capturedRun(t, "pcap="+file))
	out, err := exec.Command(tcpdump, "-r", file, "-nn", "-S").Output()
	if err != nil {
		t.Fatalf("tcpdump -r: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(segs) {
		t.Fatalf("tcpdump read %d segments, netlearn decoded %d:\n%s", len(lines), len(segs), out)
	}
	isn := map[string]uint64{}
	for i, line := range lines {
		m := tcpdumpLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("unparsed tcpdump line %q", line)
		}
		s := segs[i]
		from, to, flags := m[1], m[2], m[3]
		seq, _ := strconv.ParseUint(m[4], 10, 32)
		ack, _ := strconv.ParseUint(m[6], 10, 32)
		length, _ := strconv.Atoi(m[8])
		if strings.Contains(flags, "S") {
			isn[from] = seq
		}
		if flags != tcpdumpFlags(s.Flags) || length != s.Len {
			t.Errorf("segment %d: tcpdump %q, netlearn %s len %d", i, line, s.Flags, s.Len)
		}
		if m[4] != "" && (uint32(seq-isn[from]) != s.RelSeq || uint32(seq) != s.Seq) {
			t.Errorf("segment %d: tcpdump seq %d (relative %d), netlearn %d (relative %d)", i, seq, seq-isn[from], s.Seq, s.RelSeq)
		}
		if m[6] != "" && uint32(ack-isn[to]) != s.RelAck {
			t.Errorf("segment %d: tcpdump ack %d (relative %d), netlearn relative %d", i, ack, ack-isn[to], s.RelAck)
		}
	}
	t.Logf("tcpdump and netlearn agree on %d segments", len(segs))
}

func TestLoseRetransmits(t *testing.T) {
	evs := capturedRun(t, "lose=2")
	captureStats(t, evs)
	var copies []Segment
	for _, s := range segmentsOf(evs) {
		if s.Dir == ToServer && s.Payload == `你好\n` {
			copies = append(copies, s)
		}
	}
	if len(copies) != 2 || copies[0].Seq != copies[1].Seq || copies[0].Retransmission || !copies[1].Retransmission ||
		copies[1].After < 150*time.Millisecond {
		t.Fatalf("the second message's copies: %+v", copies)
	}
	var got []string
	for _, ev := range evs {
		if ev.Side == SideServer && ev.Step == StepRecv && ev.Bytes > 0 {
			got = append(got, ev.Text)
		}
	}
	if strings.Join(got, "|") != `hello\n|你好\n|exit\n` {
		t.Fatalf("the server received %q: every byte must arrive exactly once", got)
	}
}

func TestSlowReaderClosesTheWindow(t *testing.T) {
	evs := capturedRun(t, "slow")
	captureStats(t, evs)
	zero, probe, reopened, rst := -1, -1, -1, -1
	for i, s := range segmentsOf(evs) {
		switch {
		case s.Dir == ToClient && s.Window == 0 && zero < 0:
			zero = i
		case s.Probe && zero >= 0 && probe < 0:
			probe = i
		case s.Why == WhyWindowUpdate && probe >= 0 && reopened < 0:
			reopened = i
		case s.Why == WhyRST && rst < 0:
			rst = i
		}
	}
	// The server stops reading with bytes unread: an abortive close.
	var unread int
	for _, ev := range evs {
		if ev.Side == SideServer && ev.Step == StepClose {
			unread = ev.Unread
		}
	}
	if unread == 0 || segmentsOf(evs)[rst].Dir != ToClient {
		t.Errorf("the server's close left %d bytes unread; RST %+v", unread, segmentsOf(evs)[max(rst, 0)])
	}
	if zero < 0 || probe < 0 || reopened < 0 || rst < 0 {
		t.Fatalf("window 0 at %d, probe at %d, reopened at %d, RST at %d in %+v", zero, probe, reopened, rst, segmentsOf(evs))
	}
}

// As an ordinary user (nobody), where unprivileged user namespaces are
// allowed, the capture works the same.
func TestCaptureAsNobody(t *testing.T) {
	if os.Getenv("SOCKDEMO_AS_NOBODY") == "1" {
		TestCapturedConversation(t)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to become nobody")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv is not installed")
	}
	bin := testbin.PublicCopy(t, "sockdemo.test")
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "-test.run=^TestCaptureAsNobody$", "-test.v")
	cmd.Env = append(os.Environ(), "SOCKDEMO_AS_NOBODY=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "SKIP") {
		t.Skipf("refused for nobody here:\n%s", out)
	}
}
