// Package ping implements `netlearn ping`: an iputils-style ping with a
// live view and a plain-language verdict, a TCP-connect "ping", and
// `--check`, the notes' diagnosis ladder from the local stack out to the
// internet.
package ping

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// Options are the parsed command line plus what the command talks to.
type Options struct {
	F   *cmdutil.Factory
	Ctx context.Context

	Host     string
	Count    int
	Interval time.Duration
	Timeout  time.Duration
	Deadline time.Duration
	Size     int
	TTL      int
	Family   probe.Family
	JSON     bool
	TCPPort  uint16

	Check        bool
	Local        netip.Addr
	Gateway      netip.Addr
	InternetHost string

	// What the command talks to; tests put fakes here.
	Resolver    probe.Resolver
	NewPinger   func(tcpPort uint16) probe.Pinger // ICMP when tcpPort is 0
	FindLAN     func() (netip.Addr, error)
	FindGateway func() (netip.Addr, error)
	// Privileged tells whether intervals below 2 ms are allowed.
	Privileged func() bool
	// GroupRange and GID feed the permission explanation.
	GroupRange func() (lo, hi int, err error)
	GID        func() int
}

// flagText holds flags parsed by validate rather than by pflag, so that a
// bad value gets a message that says what a good one looks like.
type flagText struct {
	interval, timeout, deadline string
	local, gateway              string
	tcpPort                     int
	ipv4, ipv6                  bool
}

// NewCmdPing returns the ping command. runF replaces pingRun in tests.
func NewCmdPing(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	return newCmdPing(defaultOptions(f), runF)
}

// newCmdPing builds the command around opts, whose dependencies tests may
// have replaced before any flag is checked.
func newCmdPing(opts *Options, runF func(*Options) error) *cobra.Command {
	f := opts.F
	var ft flagText
	tr := f.Tr
	c := &cobra.Command{
		Use:     "ping [flags] HOST",
		Short:   tr.T("ping.short"),
		Long:    tr.T("ping.long"),
		Example: tr.T("ping.example"),
		RunE: func(c *cobra.Command, args []string) error {
			if err := validate(opts, &ft, c, args); err != nil {
				return err
			}
			opts.Ctx = c.Context()
			if runF != nil {
				return runF(opts)
			}
			return pingRun(opts)
		},
	}
	fl := c.Flags()
	fl.SortFlags = false
	fl.IntVarP(&opts.Count, "count", "c", probe.DefaultCount, tr.T("ping.flag_count"))
	fl.StringVarP(&ft.interval, "interval", "i", "1", tr.T("ping.flag_interval"))
	fl.StringVarP(&ft.timeout, "timeout", "W", seconds(probe.DefaultTimeout), tr.T("ping.flag_timeout"))
	fl.StringVarP(&ft.deadline, "deadline", "w", "", tr.T("ping.flag_deadline"))
	fl.IntVarP(&opts.Size, "size", "s", probe.DefaultSize, tr.T("ping.flag_size", "min", probe.MinSize, "max", probe.MaxSize))
	fl.IntVar(&opts.TTL, "ttl", probe.DefaultTTL, tr.T("ping.flag_ttl"))
	fl.BoolVarP(&ft.ipv4, "ipv4", "4", false, tr.T("ping.flag_ipv4"))
	fl.BoolVarP(&ft.ipv6, "ipv6", "6", false, tr.T("ping.flag_ipv6"))
	fl.IntVar(&ft.tcpPort, "tcp", 0, tr.T("ping.flag_tcp"))
	fl.BoolVar(&opts.JSON, "json", false, tr.T("ping.flag_json"))
	fl.BoolVar(&opts.Check, "check", false, tr.T("ping.flag_check"))
	fl.StringVar(&ft.local, "local", "", tr.T("ping.flag_local"))
	fl.StringVar(&ft.gateway, "gateway", "", tr.T("ping.flag_gateway"))
	fl.StringVar(&opts.InternetHost, "internet-host", probe.DefaultInternet, tr.T("ping.flag_internet_host"))
	return c
}

func defaultOptions(f *cmdutil.Factory) *Options {
	return &Options{
		F:           f,
		Resolver:    net.DefaultResolver,
		NewPinger:   newPinger,
		FindLAN:     findLAN,
		FindGateway: findGateway,
		Privileged:  probe.HasRawPrivilege,
		GroupRange:  probe.PingGroupRange,
		GID:         os.Getegid,
	}
}

func newPinger(tcpPort uint16) probe.Pinger {
	if tcpPort != 0 {
		return probe.TCP{Port: tcpPort}
	}
	return probe.ICMP{}
}

var errNoGateway = errors.New("no default gateway")

func findLAN() (netip.Addr, error) {
	a, _, err := iface.LANAddress()
	return a, err
}

func findGateway() (netip.Addr, error) {
	gws, err := iface.DefaultGateways()
	if err != nil {
		return netip.Addr{}, err
	}
	if len(gws) == 0 {
		return netip.Addr{}, errNoGateway
	}
	return gws[0].Address, nil
}

// pingRun picks the mode the flags asked for.
func pingRun(opts *Options) error {
	if opts.Check {
		return checkRun(opts)
	}
	return echoRun(opts)
}
