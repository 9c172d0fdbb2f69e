// Package ip implements `netlearn ip`: this machine's interfaces and
// addresses in several looks, and the explanation of one typed address.
package ip

import (
	"errors"
	"fmt"
	"net/netip"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/iface"
)

// The looks --style accepts.
const (
	StyleTable    = "table"
	StyleIfconfig = "ifconfig"
	StyleIpconfig = "ipconfig"
)

var styles = []string{StyleTable, StyleIfconfig, StyleIpconfig}

// Options are the parsed command line plus what the command reads from.
type Options struct {
	F *cmdutil.Factory

	JSON  bool
	Brief bool
	Style string
	Args  []string

	// Where the facts come from; tests put fakes here.
	Source   iface.Source
	Gateways func([]iface.Interface) ([]iface.Gateway, error)
	DNS      func() (iface.DNS, error)
	// OS is the system whose tools the notes compare with (runtime.GOOS;
	// tests set the OS their fake machine imitates).
	OS string
}

// NewCmdIP returns the ip command. runF replaces ipRun in tests that only
// check parsing.
func NewCmdIP(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{
		F:        f,
		Source:   iface.System{},
		Gateways: iface.DefaultGatewaysFor,
		DNS:      iface.DNSServers,
		OS:       runtime.GOOS,
	}
	tr := f.Tr
	c := &cobra.Command{
		Use:     "ip [INTERFACE... | ADDRESS[/PREFIX]...]",
		Short:   tr.T("ip.short"),
		Long:    tr.T("ip.long"),
		Example: tr.T("ip.example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if err := validate(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return ipRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, tr.T("ip.flag_json"))
	c.Flags().BoolVar(&opts.Brief, "brief", false, tr.T("ip.flag_brief"))
	c.Flags().StringVar(&opts.Style, "style", StyleTable, tr.T("ip.flag_style", "styles", cmdutil.JoinList(tr, styles)))
	_ = c.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(styles, cobra.ShellCompDirectiveNoFileComp))
	c.ValidArgsFunction = opts.completeInterface
	return c
}

// completeInterface offers this machine's interface names to shell
// completion, the ones already given left out.
func (opts *Options) completeInterface(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ifaces, err := opts.Source.Interfaces()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, ifc := range ifaces {
		if strings.HasPrefix(ifc.Name, prefix) && !slices.Contains(args, ifc.Name) {
			out = append(out, ifc.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (opts *Options) usage(msg string) error {
	return &cmdutil.UsageError{Msg: msg}
}

func validate(opts *Options) error {
	tr, usage := opts.F.Tr, opts.usage
	if !slices.Contains(styles, opts.Style) {
		return usage(tr.T("ip.bad_style", "value", cmdutil.ShowArg(opts.Style), "styles", cmdutil.JoinList(tr, styles)))
	}
	looks := 0
	for _, on := range []bool{opts.JSON, opts.Brief, opts.Style != StyleTable} {
		if on {
			looks++
		}
	}
	if looks > 1 {
		return usage(tr.T("ip.one_look"))
	}
	return nil
}

func ipRun(opts *Options) error {
	ifaces, err := iface.Collect(opts.Source)
	if err != nil {
		return &cmdutil.FailedError{Msg: opts.F.Tr.T("ip.read_failed", "err", err)}
	}
	targets, names, err := splitArgs(opts, ifaces)
	if err != nil {
		return err
	}
	if len(targets) > 0 {
		return explainRun(opts, targets, ifaces)
	}
	return listRun(opts, ifaces, names)
}

// target is one address argument, parsed.
type target struct {
	input     string
	addr      netip.Addr
	prefixLen int
	hasPrefix bool
}

// splitArgs sorts the arguments into addresses to explain and interface
// names to show. An argument that parses as an address is one; otherwise
// it must name an interface (VLAN names like eth0.100 contain dots, so
// the interface list decides before the address syntax does).
func splitArgs(opts *Options, ifaces []iface.Interface) ([]target, []string, error) {
	tr, usage := opts.F.Tr, opts.usage
	var targets []target
	var names []string
	for _, arg := range opts.Args {
		a, n, has, perr := iface.ParseTarget(arg)
		shown := cmdutil.ShowArg(arg)
		switch {
		case perr == nil:
			targets = append(targets, target{arg, a, n, has})
		case hasInterface(ifaces, arg):
			if !slices.Contains(names, arg) { // `ip lo lo` shows lo once
				names = append(names, arg)
			}
		case strings.TrimSpace(arg) == "":
			return nil, nil, usage(tr.T("ip.empty_arg"))
		case errors.Is(perr, iface.ErrBadPrefix):
			return nil, nil, usage(tr.T("ip.bad_prefix", "value", shown, "max", maxPrefix(arg)))
		case iface.LooksLikeAddress(arg):
			return nil, nil, usage(tr.T("ip.bad_address", "value", shown))
		default:
			return nil, nil, usage(tr.T("ip.unknown_interface", "name", shown, "names", interfaceNames(tr, ifaces)))
		}
	}
	if len(targets) > 0 && len(names) > 0 {
		return nil, nil, usage(tr.T("ip.mixed_args"))
	}
	if len(targets) > 0 && (opts.Brief || opts.Style != StyleTable) {
		return nil, nil, usage(tr.T("ip.explain_no_style"))
	}
	return targets, names, nil
}

func maxPrefix(arg string) int {
	if strings.Contains(arg, ":") {
		return 128
	}
	return 32
}

func hasInterface(ifaces []iface.Interface, name string) bool {
	return slices.ContainsFunc(ifaces, func(i iface.Interface) bool { return i.Name == name })
}

func interfaceNames(tr *i18n.Catalog, ifaces []iface.Interface) string {
	names := make([]string, len(ifaces))
	for i, ifc := range ifaces {
		names[i] = ifc.Name
	}
	return cmdutil.JoinList(tr, names)
}

// Report is what `netlearn ip` shows and what --json prints.
type Report struct {
	Interfaces []iface.Interface `json:"interfaces"`
	Gateways   []iface.Gateway   `json:"gateways"`
	DNS        iface.DNS         `json:"dns"`
	LAN        *LAN              `json:"lan,omitempty"`
	// Problems reading gateways or DNS are shown, not fatal: the
	// interface list is still worth seeing.
	GatewayErr error `json:"-"`
	DNSErr     error `json:"-"`
	// GatewayError says why the routing table could not be read, so that an
	// empty list is not taken for "no gateway".
	GatewayError string `json:"gateway_error,omitempty"`
	OS           string `json:"-"` // as in Options
}

// LAN is the address a learner pings for "my LAN" and the interface it is on.
type LAN struct {
	Address   netip.Addr `json:"address"`
	Interface string     `json:"interface"`
}

func listRun(opts *Options, ifaces []iface.Interface, names []string) error {
	r := gather(opts, ifaces)
	if len(names) > 0 {
		r = r.only(names)
	}
	tr := opts.F.Tr
	l := opts.F.IO.Output().WithJSON(opts.JSON)
	// Problems go to stderr in every look, --json included: stdout stays
	// valid JSON, and an empty gateway list is not mistaken for none.
	warnProblems(opts, r)
	switch {
	case l.IsJSON():
		return l.WriteJSON(r)
	case opts.Brief:
		return renderBrief(l, tr, r)
	case opts.Style == StyleIfconfig:
		return renderIfconfig(l.Writer(), r)
	case opts.Style == StyleIpconfig:
		return renderIpconfig(l.Writer(), tr, r, len(names) > 0)
	}
	return output.Render(l, r,
		func(l *output.Layer, r Report) error { return renderTable(l, tr, r) },
		renderPlain)
}

func gather(opts *Options, ifaces []iface.Interface) Report {
	r := Report{Interfaces: ifaces, Gateways: []iface.Gateway{}, OS: opts.OS}
	gws, err := opts.Gateways(ifaces)
	r.GatewayErr = err
	if err != nil {
		r.GatewayError = err.Error()
	}
	if err == nil && gws != nil {
		r.Gateways = iface.NameGatewayInterfaces(gws, ifaces)
	}
	r.DNS, r.DNSErr = opts.DNS()
	if r.DNS.Servers == nil {
		r.DNS.Servers = []netip.Addr{}
	}
	if a, name, err := iface.ChooseLANAddress(ifaces, r.Gateways); err == nil {
		r.LAN = &LAN{Address: a, Interface: name}
	}
	return r
}

// only keeps the named interfaces (in the order given) and the gateways
// and LAN address that belong to them; DNS is machine-wide and stays.
func (r Report) only(names []string) Report {
	out := r
	out.Interfaces = nil
	for _, n := range names {
		for _, ifc := range r.Interfaces {
			if ifc.Name == n {
				out.Interfaces = append(out.Interfaces, ifc)
			}
		}
	}
	out.Gateways = []iface.Gateway{}
	for _, g := range r.Gateways {
		if slices.Contains(names, g.Interface) {
			out.Gateways = append(out.Gateways, g)
		}
	}
	if r.LAN != nil && !slices.Contains(names, r.LAN.Interface) {
		out.LAN = nil
	}
	return out
}

func warnProblems(opts *Options, r Report) {
	tr, w := opts.F.Tr, opts.F.IO.ErrOut
	if r.GatewayErr != nil {
		fmt.Fprintln(w, tr.T("ip.gateway_failed", "err", r.GatewayErr))
	}
	if r.DNSErr != nil {
		fmt.Fprintln(w, tr.T("ip.dns_failed", "source", r.DNS.Source, "err", r.DNSErr))
	}
}
