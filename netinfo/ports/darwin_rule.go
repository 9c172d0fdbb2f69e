package ports

// darwinMojave is the Darwin major version of macOS 10.14 Mojave, which
// let every user bind ports below 1024 on the wildcard address.
const darwinMojave = 18

// darwinPrivilege is macOS's rule for a Darwin major version. Since Mojave
// an ordinary user may bind 0.0.0.0:80 or [::]:80, but binding a specific
// address such as 127.0.0.1:80 below 1024 still needs root.
func darwinPrivilege(darwinMajor int, root bool) Privilege {
	if darwinMajor >= darwinMojave {
		return Privilege{UnprivilegedStart: 0, Have: root, Rule: RuleDarwinAnyAdr}
	}
	return Privilege{UnprivilegedStart: FirstDynamic, Have: root, Rule: RuleDarwinRoot}
}
