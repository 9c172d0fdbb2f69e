# Answers at most one message per recv: two in one write get one reply.
import os
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen()


def serve(conn):
    buf = b""
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            if b"\n" in buf:  # one message per recv: a second one waits
                line, buf = buf.split(b"\n", 1)
                text = line.decode("utf-8")
                if text == "exit":
                    return
                conn.sendall(("got " + text + "\n").encode("utf-8"))


while True:
    conn, address = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
