package cmd_test

import "github.com/netlearn/netlearn/netinfo/probe/probetest"

// hasIPv6Loopback answers the script condition [ipv6]: whether ::1 exists
// (it does not where IPv6 is disabled).
func hasIPv6Loopback() bool { return probetest.HasIPv6Loopback() }

// icmpAllowed answers the script condition [icmp]: whether this user may
// send ICMP echo requests here (ping sockets, raw sockets or Windows' ping
// service).
func icmpAllowed() bool { return probetest.ICMPAllowed() }
