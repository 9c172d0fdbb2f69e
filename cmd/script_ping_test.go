package cmd_test

import "net"

// hasIPv6Loopback answers the script condition [ipv6]: whether ::1 exists
// (it does not where IPv6 is disabled).
func hasIPv6Loopback() bool {
	c, err := net.ListenPacket("udp6", "[::1]:0")
	if err != nil {
		return false
	}
	c.Close()
	return true
}
