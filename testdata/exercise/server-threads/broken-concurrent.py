# Serves one client at a time: a silent client blocks the others.
import codecs
import os
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart despite TIME_WAIT
server.bind(("127.0.0.1", port))
server.listen()


def serve(conn):
    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        data = conn.recv(1024)
        if not data:
            return
        text = decoder.decode(data)
        if text == "exit":
            return
        if text:
            print("received:", text)
            conn.sendall(("got " + text).encode("utf-8"))


while True:
    conn, address = server.accept()
    try:
        serve(conn)
    except ConnectionResetError:
        print("client", address, "vanished")
    finally:
        conn.close()
