# The baseline of bench/exercise/run: the least any checker must do with a
# learner's program. It starts the program on a free loopback port, has one
# exchange with it and lets it end, with no explanation and no second look.
#   bare.py server FILE   connect once listening, send "hello", read the reply, send "exit"
#   bare.py client FILE   listen, feed the client "hello" and "exit", answer it once
import socket
import subprocess
import sys
import time

LIMIT = 5.0  # seconds for each wait; the run fails rather than hangs


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect_when_listening(port):
    end = time.monotonic() + LIMIT
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=LIMIT)
        except ConnectionRefusedError:
            if time.monotonic() > end:
                raise
            time.sleep(0.005)


def server(file):
    port = free_port()
    prog = subprocess.Popen([sys.executable, file, str(port)], stdout=subprocess.DEVNULL)
    try:
        with connect_when_listening(port) as conn:
            conn.sendall(b"hello")
            if not conn.recv(1024):
                sys.exit("no reply")
            conn.sendall(b"exit")
        prog.wait(LIMIT)
    finally:
        prog.kill()


def client(file):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(LIMIT)
        port = listener.getsockname()[1]
        prog = subprocess.Popen([sys.executable, file, str(port)], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL)
        try:
            prog.stdin.write(b"hello\nexit\n")
            prog.stdin.close()
            conn, _ = listener.accept()
            with conn:
                conn.settimeout(LIMIT)
                conn.sendall(b"got " + conn.recv(1024) + b"\n")
                while conn.recv(1024):  # until the client closes
                    pass
            prog.wait(LIMIT)
        finally:
            prog.kill()


{"server": server, "client": client}[sys.argv[1]](sys.argv[2])
