# Encodes with GBK, the Chinese Windows default, instead of UTF-8.
import socket
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
replies = client.makefile("r", encoding="utf-8", errors="replace")
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "exit":
        break
    if line:
        client.sendall(line.encode("gbk"))
        print("reply:", replies.readline().rstrip("\n"))
client.sendall(b"exit")
client.close()
