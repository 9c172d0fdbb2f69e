# Listens, but never calls accept.
import socket
import sys
import time

server = socket.socket()
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen()
time.sleep(60)
