# The one-client server of the "server" exercise: no second client.
import codecs
import os
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen()
conn, address = server.accept()
print("client connected from", address)
decoder = codecs.getincrementaldecoder("utf-8")()
while True:
    data = conn.recv(1024)
    if not data:  # the client closed: stop reading
        break
    text = decoder.decode(data)
    if text == "exit":
        break
    if text:
        print("received:", text)
        conn.sendall(("got " + text).encode("utf-8"))
conn.close()
server.close()
