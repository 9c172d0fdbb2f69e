package ping

import (
	"errors"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// maxFlagTime caps -i, -W and -w: a week is longer than anyone means.
const maxFlagTime = 7 * 24 * time.Hour

// Why a time flag's value was refused.
var (
	errNotATime    = errors.New("not a time")
	errNotPositive = errors.New("not above zero")
	errTooLong     = errors.New("too long")
)

// parseSeconds reads a time the iputils way, as seconds ("0.2", "1"), or
// as a Go duration ("200ms", "1.5s").
func parseSeconds(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(n) || math.IsInf(n, 0) || n > maxFlagTime.Seconds() {
			return 0, errTooLong
		}
		d = time.Duration(n * float64(time.Second))
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, errNotATime
	}
	switch {
	case d <= 0:
		return 0, errNotPositive
	case d > maxFlagTime:
		return 0, errTooLong
	}
	return d, nil
}

// seconds writes a duration the way -i and -W accept it.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64)
}

// validate checks the command line and fills opts from it. Every refusal
// is one translated line and exit 2.
func validate(opts *Options, ft *flagText, c *cobra.Command, args []string) error {
	tr := opts.F.Tr
	usage := func(key string, kv ...any) error {
		for i, v := range kv {
			if text, ok := v.(string); ok {
				kv[i] = cmdutil.ShowArg(text)
			}
		}
		return &cmdutil.UsageError{Msg: tr.T(key, kv...)}
	}
	if err := parseTimes(opts, ft, c, usage); err != nil {
		return err
	}
	if err := checkFamilyAndTCP(opts, ft, c, usage); err != nil {
		return err
	}
	switch {
	case opts.Count < 0:
		return usage("ping.bad_count", "value", opts.Count)
	case opts.Size < probe.MinSize || opts.Size > probe.MaxSize:
		return usage("ping.bad_size", "value", opts.Size, "min", probe.MinSize, "max", probe.MaxSize)
	case opts.TTL < 1 || opts.TTL > 255:
		return usage("ping.bad_ttl", "value", opts.TTL)
	case opts.Interval < probe.MinUserInterval && !opts.Privileged():
		return usage("ping.interval_needs_privilege", "value", seconds(opts.Interval),
			"min", seconds(probe.MinUserInterval))
	}
	if opts.Check {
		return validateCheck(opts, ft, c, args, usage)
	}
	return validateHost(opts, ft, c, args, usage)
}

type usageFunc func(key string, kv ...any) error

func parseTimes(opts *Options, ft *flagText, c *cobra.Command, usage usageFunc) error {
	for _, t := range []struct {
		flag string
		text string
		into *time.Duration
	}{
		{"interval", ft.interval, &opts.Interval},
		{"timeout", ft.timeout, &opts.Timeout},
		{"deadline", ft.deadline, &opts.Deadline},
	} {
		if t.flag == "deadline" && !c.Flags().Changed("deadline") {
			continue
		}
		d, err := parseSeconds(t.text)
		if err != nil {
			return usage("ping.bad_time", "flag", "--"+t.flag, "value", t.text)
		}
		*t.into = d
	}
	return nil
}

func checkFamilyAndTCP(opts *Options, ft *flagText, c *cobra.Command, usage usageFunc) error {
	switch {
	case ft.ipv4 && ft.ipv6:
		return usage("ping.both_families")
	case ft.ipv4:
		opts.Family = probe.IPv4
	case ft.ipv6:
		opts.Family = probe.IPv6
	default:
		opts.Family = probe.AnyFamily
	}
	if !c.Flags().Changed("tcp") {
		return nil
	}
	if ft.tcpPort < 1 || ft.tcpPort > 65535 {
		return usage("ping.bad_port", "value", ft.tcpPort)
	}
	if c.Flags().Changed("size") || c.Flags().Changed("ttl") {
		return usage("ping.tcp_no_icmp_flags")
	}
	opts.TCPPort = uint16(ft.tcpPort)
	return nil
}

func validateHost(opts *Options, ft *flagText, c *cobra.Command, args []string, usage usageFunc) error {
	for _, name := range []string{"local", "gateway", "internet-host"} {
		if c.Flags().Changed(name) {
			return usage("ping.check_flag_alone", "flag", "--"+name)
		}
	}
	switch len(args) {
	case 0:
		return usage("ping.need_host")
	case 1:
	default:
		return usage("ping.one_host", "extra", args[1])
	}
	if err := checkTarget(args[0], opts.Family, usage); err != nil {
		return err
	}
	opts.Host = args[0]
	return nil
}

func validateCheck(opts *Options, ft *flagText, c *cobra.Command, args []string, usage usageFunc) error {
	if len(args) > 0 {
		return usage("ping.check_no_host", "value", args[0])
	}
	if opts.TCPPort != 0 {
		return usage("ping.check_no_tcp")
	}
	// The ladder sets these itself to keep its time budget; silently
	// ignoring them would let a learner believe they took effect.
	for _, name := range []string{"count", "interval", "timeout", "deadline", "size", "ttl", "ipv4", "ipv6"} {
		if c.Flags().Changed(name) {
			return usage("ping.check_no_echo_flag", "flag", "--"+name, "budget", seconds(probe.DefaultBudget))
		}
	}
	for _, a := range []struct {
		flag, text string
		into       *netip.Addr
	}{{"local", ft.local, &opts.Local}, {"gateway", ft.gateway, &opts.Gateway}} {
		if !c.Flags().Changed(a.flag) {
			continue // netlearn finds this target itself
		}
		// An empty value is a script's unset variable, not "find it
		// yourself": falling back would ping the real network.
		if strings.TrimSpace(a.text) == "" {
			return usage("ping.empty_check_addr", "flag", "--"+a.flag)
		}
		addr, err := netip.ParseAddr(strings.Trim(a.text, "[]"))
		if err != nil {
			return usage("ping.bad_check_addr", "flag", "--"+a.flag, "value", a.text)
		}
		*a.into = addr.Unmap()
	}
	if strings.TrimSpace(opts.InternetHost) == "" {
		return usage("ping.empty_internet_host", "default", probe.DefaultInternet)
	}
	return checkTarget(opts.InternetHost, probe.AnyFamily, usage)
}

// checkTarget refuses a host the way ParseTarget does, in the user's words.
func checkTarget(host string, fam probe.Family, usage usageFunc) error {
	if _, _, err := probe.ParseTarget(host, fam); err != nil {
		return usage(targetErrorKey(err), "value", host, "family", familyName(fam), "length", len(host))
	}
	return nil
}

func targetErrorKey(err error) string {
	switch {
	case errors.Is(err, probe.ErrEmptyHost):
		return "ping.need_host"
	case errors.Is(err, probe.ErrHostIsURL):
		return "ping.host_is_url"
	case errors.Is(err, probe.ErrHostIsPrefix):
		return "ping.host_is_prefix"
	case errors.Is(err, probe.ErrHostHasPort):
		return "ping.host_has_port"
	case errors.Is(err, probe.ErrWrongFamily):
		return "ping.wrong_family"
	case errors.Is(err, probe.ErrBadIPv4):
		return "ping.bad_ipv4"
	case errors.Is(err, probe.ErrHostTooLong):
		return "ping.host_too_long"
	}
	return "ping.bad_host"
}

func familyName(f probe.Family) string {
	if f == probe.IPv6 {
		return "IPv6"
	}
	return "IPv4"
}
