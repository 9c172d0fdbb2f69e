package exercise

import "testing"

func TestRecognizeKnownErrors(t *testing.T) {
	for _, tc := range []struct{ stderr, key string }{
		{"Traceback (most recent call last):\n  File \"/h/server.py\", line 4, in <module>\n    s.bind(\"127.0.0.1\", 8888)\nTypeError: socket.bind() takes exactly one argument (2 given)\n", "bind-tuple"},
		{"  File \"c.py\", line 7\n    if send_msg = 'exit':\n       ^^^^^^^^^^^^^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n", "if-assign"},
		{"  File \"c.py\", line 7\n    if send_msg = 'exit':\n       ^\nSyntaxError: invalid syntax\n", "if-assign"},
		{"NameError: name 'send_client' is not defined\n", "name-send-client"},
		{"ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。\n", "refused"},
		{"OSError: [WinError 10048] 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。\n", "addr-in-use"},
		{"OSError: [Errno 48] Address already in use\n", "addr-in-use"},
		{"ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。\n", "reset"},
		{"BrokenPipeError: [Errno 32] Broken pipe\n", "broken-pipe"},
		{"  File \"s.py\", line 1\n    import socket\nIndentationError: unexpected indent\n", "indent"},
		{"PermissionError: [Errno 13] Permission denied\n", "permission"},
		{"TimeoutError: timed out\n", "timeout"},
		{"EOFError: EOF when reading a line\n", "eof"},
		{"UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 0: unexpected end of data\r\n", "utf8-split"},
		{"panic: dial tcp 127.0.0.1:8888: connect: connection refused\n\ngoroutine 1 [running]:\nmain.main()\n\t/home/a/client.go:12 +0x1d\n", "refused"},
	} {
		k := Recognize([]byte(tc.stderr), "/other/server.py")
		if k == nil || k.Key != tc.key {
			t.Errorf("%q: got %+v, want %s", tc.stderr, k, tc.key)
		}
	}
	if k := Recognize([]byte("all fine\n"), ""); k != nil {
		t.Errorf("recognised %+v in harmless output", k)
	}
}

// The frame shown is the learner's own line, not the library's.
func TestRecognizeShowsTheLearnersLine(t *testing.T) {
	tb := "Traceback (most recent call last):\n  File \"/home/a/server.py\", line 9, in <module>\n    data = conn.recv(1024).decode()\n  File \"/usr/lib/python3.11/encodings/utf_8.py\", line 16, in decode\n    return codecs.utf_8_decode(input, errors, True)\nUnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4\n"
	k := Recognize([]byte(tb), "/home/a/server.py")
	if k == nil || k.File != "server.py" || k.Line != 9 || k.Code != "data = conn.recv(1024).decode()" {
		t.Fatalf("got %+v", k)
	}
}

func TestOwnInterruptIsNotShown(t *testing.T) {
	in := "received: hi\nTraceback (most recent call last):\n  File \"s.py\", line 3, in <module>\nKeyboardInterrupt\n"
	if got := string(withoutOwnInterrupt([]byte(in))); got != "received: hi\n" {
		t.Fatalf("got %q", got)
	}
}

// An interrupt that arrives while Python shuts down is reported as an
// "Exception ignored" in threading._shutdown, ending "KeyboardInterrupt:".
func TestOwnInterruptAtShutdownIsNotShown(t *testing.T) {
	in := "received: hi\nException ignored in: <module 'threading' from '/usr/lib/python3.11/threading.py'>\nTraceback (most recent call last):\n  File \"/usr/lib/python3.11/threading.py\", line 1569, in _shutdown\n    tlock.release()\nKeyboardInterrupt: \n"
	if got := string(withoutOwnInterrupt([]byte(in))); got != "received: hi\n" {
		t.Fatalf("got %q", got)
	}
}
