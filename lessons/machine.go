package lessons

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"

	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// MachineSources are where questions about the learner's own machine get
// their facts. Each may be nil; a question whose source is nil or fails is
// left out, the stored questions are always there.
type MachineSources struct {
	// LANAddress returns this machine's address on the interface with the
	// default route, and that interface's name.
	LANAddress func() (netip.Addr, string, error)
	// ListeningPorts returns TCP ports something listens on right now.
	ListeningPorts func() ([]int, error)
	// ClientConnection opens a loopback connection and returns the client's
	// and the server's address of it.
	ClientConnection func(ctx context.Context) (client, server netip.AddrPort, err error)
}

// Questions builds the machine questions of one section.
func (m MachineSources) Questions(ctx context.Context, section string) []Question {
	var build func(context.Context) (Question, bool)
	switch section {
	case "1.1":
		build = m.addressKindQuestion
	case "1.1.2":
		build = m.lanAddressQuestion
	case "1.2.4":
		build = m.listeningPortQuestion
	case "1.7":
		build = m.clientPortQuestion
	default:
		return nil
	}
	q, ok := build(ctx)
	if !ok {
		return nil
	}
	q.Machine = true
	return []Question{q}
}

// bi is one text in both languages.
type bi struct{ en, zh string }

func choiceQuestion(id string, answer int, prompt, explain bi, choices []bi) Question {
	q := Question{ID: id, Type: TypeChoice, Answer: &answer,
		EN: &QuestionText{Prompt: prompt.en, Explain: explain.en},
		ZH: &QuestionText{Prompt: prompt.zh, Explain: explain.zh}}
	for _, c := range choices {
		q.EN.Choices = append(q.EN.Choices, c.en)
		q.ZH.Choices = append(q.ZH.Choices, c.zh)
	}
	return q
}

var kindNames = map[iface.Kind]bi{
	iface.KindLoopback:    {"loopback", "环回地址"},
	iface.KindPrivate:     {"private (LAN only)", "私有地址（只在局域网内）"},
	iface.KindLinkLocal:   {"link-local", "链路本地地址"},
	iface.KindGlobal:      {"global (public)", "公网地址"},
	iface.KindShared:      {"shared (carrier-grade NAT)", "运营商共享地址（CGNAT）"},
	iface.KindUniqueLocal: {"unique-local (IPv6 private)", "唯一本地地址（IPv6 私有）"},
}

// addressKindQuestion asks what kind the learner's LAN address is. On a
// machine without one it asks about the loopback address every machine has.
func (m MachineSources) addressKindQuestion(context.Context) (Question, bool) {
	if m.LANAddress == nil {
		return Question{}, false
	}
	addr, ifName := netip.MustParseAddr("127.0.0.1"), "lo"
	if a, name, err := m.LANAddress(); err == nil && a.IsValid() {
		addr, ifName = a, name
	}
	kind := iface.Classify(addr)
	if _, ok := kindNames[kind]; !ok {
		return Question{}, false
	}
	kinds := []iface.Kind{iface.KindLoopback, iface.KindPrivate, iface.KindLinkLocal, iface.KindGlobal}
	if !slices.Contains(kinds, kind) {
		kinds[2] = kind
	}
	choices := make([]bi, len(kinds))
	for i, k := range kinds {
		choices[i] = kindNames[k]
	}
	a := addr.String()
	return choiceQuestion("machine-1.1-kind", slices.Index(kinds, kind),
		bi{fmt.Sprintf("Your interface %s has the address %s. What kind of address is it?", ifName, a),
			fmt.Sprintf("你的网络接口 %s 上有地址 %s。它属于哪一类地址？", ifName, a)},
		bi{fmt.Sprintf("%s is %s. `netlearn ip %s` shows the same verdict with the reason.", a, kindNames[kind].en, a),
			fmt.Sprintf("%s 是%s。运行 `netlearn ip %s` 可以看到同样的结论和理由。", a, kindNames[kind].zh, a)},
		choices), true
}

// lanAddressQuestion asks the learner to pick their own LAN address out
// of addresses every machine knows but none of which is theirs.
func (m MachineSources) lanAddressQuestion(context.Context) (Question, bool) {
	if m.LANAddress == nil {
		return Question{}, false
	}
	addr, ifName, err := m.LANAddress()
	if err != nil || !addr.IsValid() || addr.IsLoopback() || addr.IsUnspecified() {
		return Question{}, false
	}
	decoys := []string{"127.0.0.1", "0.0.0.0", "255.255.255.255"}
	if addr.Is6() {
		decoys = []string{"::1", "::", "ff02::1"}
	}
	// Put the right answer in a place that depends on the address, so it
	// is not always first yet stays the same from run to run.
	b := addr.AsSlice()
	at := int(b[len(b)-1]) % (len(decoys) + 1)
	choices := make([]bi, 0, len(decoys)+1)
	for _, d := range decoys {
		choices = append(choices, bi{d, d})
	}
	a := addr.String()
	choices = slices.Insert(choices, at, bi{a, a})
	return choiceQuestion("machine-1.1.2-lan", at,
		bi{"Which of these is this machine's address on your LAN (the interface with the default route)? Check with `netlearn ip`.",
			"下面哪一个是本机在局域网里的地址（带默认路由的那个接口）？可以用 `netlearn ip` 查看。"},
		bi{fmt.Sprintf("%s is on %s, the interface your traffic leaves by. 127.0.0.1 is loopback, 0.0.0.0 means \"no particular address\", 255.255.255.255 is broadcast.", a, ifName),
			fmt.Sprintf("%s 在接口 %s 上，数据从这里离开本机。127.0.0.1 是环回地址，0.0.0.0 表示“不指定地址”，255.255.255.255 是广播地址。", a, ifName)},
		choices), true
}

// listeningPortQuestion asks which class a port that listens on this
// machine right now belongs to.
func (m MachineSources) listeningPortQuestion(context.Context) (Question, bool) {
	if m.ListeningPorts == nil {
		return Question{}, false
	}
	found, err := m.ListeningPorts()
	if err != nil || len(found) == 0 {
		return Question{}, false
	}
	port := slices.Min(found)
	classes := []string{ports.ClassWellKnown, ports.ClassDynamic}
	p := strconv.Itoa(port)
	return choiceQuestion("machine-1.2.4-listening", slices.Index(classes, ports.NotesClass(port)),
		bi{fmt.Sprintf("Something on this machine is listening on TCP port %s right now (see `netlearn port %s`). Which class do the notes put this port in?", p, p),
			fmt.Sprintf("本机现在有程序在监听 TCP 端口 %s（可用 `netlearn port %s` 查看）。按笔记的分法，这个端口属于哪一类？", p, p)},
		bi{fmt.Sprintf("Ports 0 to 1023 are well-known, 1024 to 65535 dynamic, so %s is %s. IANA uses three ranges instead of two and puts %s in its %s range.", p, ports.NotesClass(port), p, ianaNames[ports.IANARange(port)].en),
			fmt.Sprintf("0 到 1023 是知名端口，1024 到 65535 是动态端口，所以 %s 属于%s。IANA 分的是三段而不是两段，%s 在它的%s段。", p, notesNamesZH[ports.NotesClass(port)], p, ianaNames[ports.IANARange(port)].zh)},
		[]bi{{"well-known (0-1023)", "知名端口（0-1023）"}, {"dynamic (1024-65535)", "动态端口（1024-65535）"}}), true
}

var notesNamesZH = map[string]string{ports.ClassWellKnown: "知名端口", ports.ClassDynamic: "动态端口"}

var ianaNames = map[string]bi{
	ports.IANASystem:  {"System (0-1023)", "系统端口（0-1023）"},
	ports.IANAUser:    {"User (registered, 1024-49151)", "用户端口（也叫注册端口，1024-49151）"},
	ports.IANADynamic: {"Dynamic (49152-65535)", "动态端口（49152-65535）"},
}

// clientPortQuestion makes a real loopback connection and asks which port
// the operating system gave the client.
func (m MachineSources) clientPortQuestion(ctx context.Context) (Question, bool) {
	if m.ClientConnection == nil {
		return Question{}, false
	}
	client, server, err := m.ClientConnection(ctx)
	if err != nil || client.Port() == 0 || client.Port() == server.Port() {
		return Question{}, false
	}
	c, s := strconv.Itoa(int(client.Port())), strconv.Itoa(int(server.Port()))
	q := Question{ID: "machine-1.7-client-port", Type: TypeText,
		EN: &QuestionText{
			Prompt:  fmt.Sprintf("netlearn just connected a client to a server listening on %s. The connection is %s → %s. Which port did the operating system give the client? Type the number.", server, client, server),
			Accept:  []string{c},
			Explain: fmt.Sprintf("%s. The client never asked for a port: when it connected, the OS took a free one (%s) from its ephemeral port range. %s is the server's, chosen when it started listening.", c, c, s),
		},
		ZH: &QuestionText{
			Prompt:  fmt.Sprintf("netlearn 刚让一个客户端连上了监听在 %s 的服务端，这条连接是 %s → %s。操作系统给客户端分配的是哪个端口？请输入数字。", server, client, server),
			Accept:  []string{c},
			Explain: fmt.Sprintf("%s。客户端自己没有指定端口，连接时由操作系统从临时端口范围里挑了一个空闲的（%s）。%s 是服务端开始监听时用的端口。", c, c, s),
		}}
	return q, true
}
