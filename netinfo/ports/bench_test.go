package ports

import "testing"

// Benchmarks of what `netlearn port 80` costs beyond process start-up.

func BenchmarkLoadDB(b *testing.B) {
	for b.Loop() {
		LoadDB()
	}
}

func BenchmarkListeners(b *testing.B) {
	for b.Loop() {
		if _, err := Listeners(80); err != nil {
			b.Skip(err)
		}
	}
}

func BenchmarkInspectPort80(b *testing.B) {
	db := LoadDB()
	m := ThisMachine()
	for b.Loop() {
		Inspect([]Target{{"80", 80}}, db, m, "en")
	}
}

// BenchmarkListenersWithOwner includes the walk of /proc/*/fd that finding
// the owning process needs.
func BenchmarkListenersWithOwner(b *testing.B) {
	port, closeIt := listenLoopback(b, "tcp4", "127.0.0.1:0")
	defer closeIt()
	for b.Loop() {
		if ls, err := Listeners(port); err != nil || len(ls) == 0 {
			b.Skip("no listener seen:", err)
		}
	}
}
