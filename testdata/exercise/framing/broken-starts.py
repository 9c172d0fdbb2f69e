# Binds its port twice before listening: the second bind fails with
# "Address already in use".
import socket
import sys

port = int(sys.argv[1])
first = socket.socket()
first.bind(("127.0.0.1", port))
second = socket.socket()
second.bind(("127.0.0.1", port))
first.listen()
