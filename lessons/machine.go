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
	// Network returns this machine's interfaces and default gateways, read
	// from the OS's tables (no packet is sent).
	Network func() ([]iface.Interface, []iface.Gateway, error)
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
	// Lengths chosen so that neither the private nor the loopback answer
	// (the usual ones) is the longest or the shortest choice.
	iface.KindLoopback:    {"loopback (this host)", "环回地址（只在这台机器上）"},
	iface.KindPrivate:     {"private (LAN only)", "私有地址（只在局域网内）"},
	iface.KindLinkLocal:   {"link-local (this link)", "链路本地地址（只在这条链路上）"},
	iface.KindGlobal:      {"global (public)", "公网地址（全球可路由）"},
	iface.KindShared:      {"shared (carrier-grade NAT)", "运营商共享地址（CGNAT）"},
	iface.KindUniqueLocal: {"unique-local (IPv6 private)", "唯一本地地址（IPv6 私有）"},
}

// addressKindQuestion asks what kind the learner's LAN address is. On a
// machine without one it asks about the loopback address every machine has.
func (m MachineSources) addressKindQuestion(context.Context) (Question, bool) {
	if m.Network == nil {
		return Question{}, false
	}
	addr, ifName := netip.MustParseAddr("127.0.0.1"), "lo"
	if lan, ok := m.lan(); ok {
		addr, ifName = lan.addr.Address, lan.ifc.Name
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

// lanView is this machine's LAN address and what lies around it.
type lanView struct {
	addr   iface.Addr      // the address on the interface with the default route
	ifc    iface.Interface // that interface
	ifaces []iface.Interface
	gws    []iface.Gateway
}

// lan finds the LAN address among the interfaces Network reports.
func (m MachineSources) lan() (lanView, bool) {
	ifaces, gws, err := m.Network()
	if err != nil {
		return lanView{}, false
	}
	addr, ifName, err := iface.ChooseLANAddress(ifaces, gws)
	if err != nil || !addr.IsValid() || addr.IsLoopback() || addr.IsUnspecified() {
		return lanView{}, false
	}
	for _, ifc := range ifaces {
		for _, a := range ifc.Addrs {
			if ifc.Name == ifName && a.Address == addr {
				return lanView{addr: a, ifc: ifc, ifaces: ifaces, gws: gws}, true
			}
		}
	}
	return lanView{}, false
}

// decoy is a wrong choice and why it is wrong.
type decoy struct {
	addr string
	why  bi
}

// maxDecoys is how many wrong choices the LAN question offers at most.
const maxDecoys = 3

// lanAddressQuestion asks the learner to pick their own LAN address out
// of real neighbours: the gateway, the broadcast and network addresses of
// their own network, and other interfaces' addresses. Obvious decoys such
// as 127.0.0.1 would give the answer away.
func (m MachineSources) lanAddressQuestion(context.Context) (Question, bool) {
	if m.Network == nil {
		return Question{}, false
	}
	lan, ok := m.lan()
	if !ok {
		return Question{}, false
	}
	decoys := lan.decoys()
	if len(decoys) == 0 {
		return Question{}, false
	}
	decoys = decoys[:min(len(decoys), maxDecoys)]
	a := lan.addr.Address.WithZone("").String()
	// Put the right answer in a place that depends on the address, so it
	// is not always first yet stays the same from run to run.
	b := lan.addr.Address.AsSlice()
	at := int(b[len(b)-1]) % (len(decoys) + 1)
	choices := make([]bi, 0, len(decoys)+1)
	why := bi{fmt.Sprintf("%s is on %s, the interface your traffic leaves by.", a, lan.ifc.Name),
		fmt.Sprintf("%s 在接口 %s 上，数据从这里离开本机。", a, lan.ifc.Name)}
	for _, d := range decoys {
		choices = append(choices, bi{d.addr, d.addr})
		why.en += " " + d.why.en
		why.zh += d.why.zh
	}
	choices = slices.Insert(choices, at, bi{a, a})
	return choiceQuestion("machine-1.1.2-lan", at,
		bi{"Which of these is this machine's address on your LAN (the interface with the default route)? Check with `netlearn ip`.",
			"下面哪一个是本机在局域网里的地址（带默认路由的那个接口）？可以用 `netlearn ip` 查看。"},
		why, choices), true
}

// decoys lists the LAN address's real neighbours, the most instructive
// first, each address once.
func (v lanView) decoys() []decoy {
	var out []decoy
	seen := map[string]bool{v.addr.Address.WithZone("").String(): true}
	add := func(a netip.Addr, why bi) {
		s := a.WithZone("").String()
		if a.IsValid() && !seen[s] {
			seen[s] = true
			out = append(out, decoy{s, bi{fmt.Sprintf(why.en, s), fmt.Sprintf(why.zh, s)}})
		}
	}
	fam := v.addr.Family
	for _, g := range v.gws {
		if iface.FamilyOf(g.Address.Unmap()) == fam {
			add(g.Address.Unmap(), bi{"%s is the default gateway: your router, not you.", "%s 是默认网关，也就是路由器，不是你自己。"})
		}
	}
	network := v.addr.Prefix()
	if fam == iface.IPv4 && network.Bits() <= 30 {
		add(broadcast(network), bi{"%s is the broadcast address of " + network.String() + ": a packet to it goes to every host there.",
			"%s 是 " + network.String() + " 的广播地址：发给它的包会送到网段里的每一台主机。"})
	}
	for _, ifc := range v.ifaces {
		if ifc.Name == v.ifc.Name || isLoopbackInterface(ifc) {
			continue
		}
		for _, a := range ifc.Addrs {
			if a.Family == fam && a.Kind != iface.KindLinkLocal {
				add(a.Address, bi{"%s belongs to " + ifc.Name + ", which does not carry the default route.",
					"%s 属于 " + ifc.Name + "，默认路由不走这个接口。"})
			}
		}
	}
	if fam == iface.IPv6 || network.Bits() <= 30 {
		add(network.Addr(), bi{"%s is the number of the network " + network.String() + " itself, not of a host in it.",
			"%s 是网段 " + network.String() + " 本身的编号，不是其中某台主机的地址。"})
	}
	return out
}

// broadcast is the last address of an IPv4 network: 192.168.1.0/24 →
// 192.168.1.255.
func broadcast(p netip.Prefix) netip.Addr {
	b := p.Addr().As4()
	host := uint32(1)<<(32-p.Bits()) - 1
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]) | host
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// isLoopbackInterface spots lo, macOS's lo0 (which also carries fe80::1)
// and Windows' "Loopback Pseudo-Interface 1" by their flag, or by holding
// loopback addresses only.
func isLoopbackInterface(ifc iface.Interface) bool {
	if slices.Contains(ifc.Flags, "loopback") {
		return true
	}
	for _, a := range ifc.Addrs {
		if a.Kind != iface.KindLoopback {
			return false
		}
	}
	return len(ifc.Addrs) > 0
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

// clientPortQuestion makes a real loopback connection, with the server on
// a port it asked the OS for (port 0) and a client that never binds, and
// asks who chose the two numbers: both came from the OS.
func (m MachineSources) clientPortQuestion(ctx context.Context) (Question, bool) {
	if m.ClientConnection == nil {
		return Question{}, false
	}
	client, server, err := m.ClientConnection(ctx)
	if err != nil || client.Port() == 0 || client.Port() == server.Port() {
		return Question{}, false
	}
	c, s := strconv.Itoa(int(client.Port())), strconv.Itoa(int(server.Port()))
	return choiceQuestion("machine-1.7-ports", 0,
		bi{fmt.Sprintf("netlearn just made a server with bind((\"127.0.0.1\", 0)) and listen(), then connected a client to it without bind(). The server got port %s and the client port %s. Who picked these two numbers?", s, c),
			fmt.Sprintf("netlearn 刚用 bind((\"127.0.0.1\", 0)) 和 listen() 建了一个服务端，又让一个没调用 bind() 的客户端连了上去。服务端拿到的端口是 %s，客户端是 %s。这两个号码是谁挑的？", s, c)},
		bi{fmt.Sprintf("Both came from the OS. Port 0 in bind() asks for any free port, so %s was assigned at bind(); the client never bound, so connect() took %s from the ephemeral range. A real server binds a fixed port such as 8888, so that clients know where to find it.", s, c),
			fmt.Sprintf("两个都是操作系统挑的。bind() 里写端口 0，就是请系统随便给一个空闲端口，所以 %s 是在 bind() 时分配的；客户端从没 bind 过，于是 connect() 从临时端口范围里拿了 %s。真正的服务端会绑定 8888 这样的固定端口，客户端才知道去哪儿找它。", s, c)},
		[]bi{
			{"The OS picked both: the server's at bind(0), the client's at connect()", "都由操作系统挑：服务端的在 bind(0) 时，客户端的在 connect() 时"},
			{"The server picked both and sent the client its number during accept()", "都是服务端挑的：它在 accept() 时才把号码告诉客户端，让客户端照着用"},
			{"The OS picked the client's at connect(); the IANA list fixes the server's", "客户端的由系统在 connect() 时挑，服务端的由 IANA 端口表固定"},
			{"The client picked its own port; the OS gave the server one at listen()", "客户端在 connect() 之前自己挑好，服务端的在 listen() 时由系统分"},
		}), true
}
