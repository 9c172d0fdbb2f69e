# Says exit, but then never closes and never ends.
import socket
import sys
import time

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
replies = client.makefile("r", encoding="utf-8")
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "exit":
        break
    if line:
        client.sendall(line.encode("utf-8"))
        print("reply:", replies.readline().rstrip("\n"))
client.sendall(b"exit")
time.sleep(60)
