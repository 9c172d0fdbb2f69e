package ports

import "github.com/netlearn/netlearn/locale"

// Known is one row of netlearn's built-in table of common ports. Its
// descriptions are content, kept here in both languages side by side so
// that a row cannot have one without the other (a test checks both are
// filled). The table makes answers the same on a machine with no
// services file.
type Known struct {
	Port      int      `json:"port"`
	Protocols []string `json:"protocols"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	EN        string   `json:"-"`
	ZH        string   `json:"-"`
}

// Description returns the row's one-line description in lang ("zh" or
// anything else for English).
func (k Known) Description(lang locale.Lang) string {
	if lang == "zh" {
		return k.ZH
	}
	return k.EN
}

var (
	tcp    = []string{"tcp"}
	udp    = []string{"udp"}
	tcpUDP = []string{"tcp", "udp"}
)

// knownPorts is sorted by port. Names follow IANA and Debian's
// /etc/services so that the two sources merge on the same name.
var knownPorts = []Known{
	{7, tcpUDP, "echo", nil, "Echo: sends back whatever it receives; a classic test service", "回显服务：收到什么就送回什么，常用来做测试"},
	{20, tcp, "ftp-data", nil, "FTP data: the second connection that carries the files", "FTP 数据连接：真正传送文件内容的那条连接"},
	{21, tcp, "ftp", nil, "FTP control: log in and give file-transfer commands", "FTP 控制连接：登录并发出文件传输命令"},
	{22, tcp, "ssh", nil, "SSH: encrypted remote login, commands and file copy", "SSH：加密的远程登录、执行命令和复制文件"},
	{23, tcp, "telnet", nil, "Telnet: remote login in clear text; replaced by SSH", "Telnet：明文远程登录，已被 SSH 取代"},
	{25, tcp, "smtp", []string{"mail"}, "SMTP: mail servers hand e-mail to each other", "SMTP：邮件服务器之间转交电子邮件"},
	{53, tcpUDP, "domain", []string{"dns"}, "DNS: turns names like example.com into addresses", "DNS：把 example.com 这样的名字解析成地址"},
	{67, udp, "bootps", []string{"dhcps"}, "DHCP server: hands out IP addresses on a network", "DHCP 服务器：在局域网里分配 IP 地址"},
	{68, udp, "bootpc", []string{"dhcpc"}, "DHCP client: where a machine waits for its address offer", "DHCP 客户端：主机在这里等待地址分配"},
	{69, udp, "tftp", nil, "TFTP: tiny file transfer without login, used for network boot", "TFTP：无需登录的简单文件传输，常用于网络启动"},
	{80, tcp, "http", []string{"www"}, "HTTP: the web without encryption", "HTTP：不加密的网页传输"},
	{110, tcp, "pop3", nil, "POP3: download mail from a mailbox", "POP3：从邮箱下载邮件"},
	{123, udp, "ntp", nil, "NTP: keeps clocks in step over the network", "NTP：通过网络校准时钟"},
	{137, udp, "netbios-ns", nil, "NetBIOS names: Windows network neighbourhood names", "NetBIOS 名称服务：Windows 网上邻居的名字"},
	{143, tcp, "imap", []string{"imap2"}, "IMAP: read mail that stays on the server", "IMAP：在服务器上直接管理和阅读邮件"},
	{161, udp, "snmp", nil, "SNMP: query and manage routers, switches and printers", "SNMP：查询和管理路由器、交换机、打印机"},
	{162, udp, "snmp-trap", nil, "SNMP traps: devices report events to a manager", "SNMP 陷阱：设备主动向管理端报告事件"},
	{179, tcp, "bgp", nil, "BGP: routers of the Internet exchange routes", "BGP：互联网上的路由器交换路由"},
	{389, tcp, "ldap", nil, "LDAP: directory of users and groups", "LDAP：用户和组等目录信息"},
	{443, tcpUDP, "https", nil, "HTTPS: the web over TLS (UDP carries HTTP/3 over QUIC)", "HTTPS：经过 TLS 加密的网页（UDP 上是基于 QUIC 的 HTTP/3）"},
	{445, tcp, "microsoft-ds", []string{"smb"}, "SMB: Windows file and printer sharing", "SMB：Windows 文件和打印机共享"},
	{465, tcp, "submissions", []string{"smtps"}, "Mail submission over TLS from a mail program", "邮件客户端通过 TLS 提交邮件"},
	{514, udp, "syslog", nil, "Syslog: machines send log lines to a collector", "Syslog：主机把日志发给日志服务器"},
	{587, tcp, "submission", nil, "Mail submission: a mail program hands over outgoing mail", "邮件提交：邮件客户端在这里交出要发的信"},
	{631, tcp, "ipp", nil, "IPP: printing over the network (CUPS)", "IPP：网络打印（CUPS）"},
	{636, tcp, "ldaps", nil, "LDAP over TLS", "经过 TLS 加密的 LDAP"},
	{853, tcp, "domain-s", nil, "DNS over TLS: name lookups others cannot read", "DNS over TLS：别人看不到内容的域名查询"},
	{873, tcp, "rsync", nil, "rsync: copies only what changed between two machines", "rsync：只同步两台机器之间变化的部分"},
	{993, tcp, "imaps", nil, "IMAP over TLS", "经过 TLS 加密的 IMAP"},
	{995, tcp, "pop3s", nil, "POP3 over TLS", "经过 TLS 加密的 POP3"},
	{1433, tcp, "ms-sql-s", nil, "Microsoft SQL Server database", "微软 SQL Server 数据库"},
	{1883, tcp, "mqtt", nil, "MQTT: small publish/subscribe messages for devices", "MQTT：物联网设备常用的发布/订阅消息"},
	{3306, tcp, "mysql", nil, "MySQL and MariaDB databases", "MySQL 和 MariaDB 数据库"},
	{3389, tcp, "ms-wbt-server", []string{"rdp"}, "RDP: Windows remote desktop", "RDP：Windows 远程桌面"},
	{5353, udp, "mdns", nil, "mDNS: finds printers and machines on the LAN by name (.local)", "mDNS：在局域网里按名字（.local）发现打印机和主机"},
	{5432, tcp, "postgresql", []string{"postgres"}, "PostgreSQL database", "PostgreSQL 数据库"},
	{6379, tcp, "redis", nil, "Redis: in-memory key-value store", "Redis：内存里的键值数据库"},
	{8080, tcp, "http-alt", []string{"webcache"}, "Alternative HTTP: web servers run by ordinary users, proxies", "备用 HTTP：普通用户运行的网页服务或代理常用"},
}

// KnownPorts returns the built-in table, sorted by port.
func KnownPorts() []Known {
	return append([]Known(nil), knownPorts...)
}
