# The notes' `if send_msg = 'exit'`: assignment where a comparison belongs.
import socket
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
while True:
    send_msg = input()
    if send_msg = 'exit':
        break
    client.send(send_msg.encode("UTF-8"))
