# Accepts and reads, but never answers.
import socket
import sys

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen()
conn, address = server.accept()
while True:
    data = conn.recv(1024)
    if not data or data == b"exit":
        break
    print("received:", data.decode("utf-8", "replace"))
conn.close()
