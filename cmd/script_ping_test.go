package cmd_test

import "github.com/netlearn/netlearn/netinfo/ping/pingtest"

// hasIPv6Loopback answers the script condition [ipv6]: whether ::1 exists
// (it does not where IPv6 is disabled).
func hasIPv6Loopback() bool { return pingtest.HasIPv6Loopback() }

// icmpAllowed answers the script condition [icmp]: whether this user may
// send ICMP echo requests here (ping sockets, raw sockets or Windows' ping
// service).
func icmpAllowed() bool { return pingtest.ICMPAllowed() }
