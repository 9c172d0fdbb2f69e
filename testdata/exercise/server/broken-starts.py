# The notes' bind(host, port): bind takes one tuple.
import socket
import sys

server = socket.socket()
server.bind("127.0.0.1", int(sys.argv[1]))
server.listen()
