# input() raises EOFError when the input ends without exit.
import socket
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
replies = client.makefile("r", encoding="utf-8")
while True:
    line = input()
    if line == "exit":
        break
    if line:
        client.sendall(line.encode("utf-8"))
        print("reply:", replies.readline().rstrip("\n"))
client.sendall(b"exit")
client.close()
