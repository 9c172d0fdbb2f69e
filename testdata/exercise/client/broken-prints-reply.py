# Reads each reply but never shows it.
import socket
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
replies = client.makefile("r", encoding="utf-8")
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "exit":
        break
    if line:
        client.sendall(line.encode("utf-8"))
        replies.readline()
        print("sent", line)
client.sendall(b"exit")
client.close()
