# Treats exit like any other message and keeps the connection open.
import codecs
import socket
import sys

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen()
conn, address = server.accept()
decoder = codecs.getincrementaldecoder("utf-8")()
while True:
    data = conn.recv(1024)
    if not data:
        break
    text = decoder.decode(data)
    if text:
        print("received:", text)
        conn.sendall(("got " + text).encode("utf-8"))
conn.close()
