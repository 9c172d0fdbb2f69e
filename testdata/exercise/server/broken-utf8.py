# The notes' server: decodes every recv on its own, so a character split
# across two recv calls raises UnicodeDecodeError.
import socket
import sys

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen()
conn, address = server.accept()
while True:
    data = conn.recv(1024).decode("UTF-8")
    if not data or data == "exit":
        break
    print("received:", data)
    conn.send("Hello呀".encode("UTF-8"))
conn.close()
