# Reference solution of the "client" exercise.
import os
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))
client = socket.socket()
client.connect(("127.0.0.1", port))
replies = client.makefile("r", encoding="utf-8", newline="\n")
for line in sys.stdin:
    line = line.rstrip("\r\n")
    if line == "exit":
        break
    if line == "":  # sendall(b"") sends nothing, so no reply would come
        continue
    client.sendall(line.encode("utf-8"))
    print("reply:", replies.readline().rstrip("\n"))
client.sendall(b"exit")
client.close()
