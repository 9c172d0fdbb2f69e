# A typo in a name: NameError.
import codecs
import os
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))
server = sockt.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen()


def serve(conn):
    decoder = codecs.getincrementaldecoder("utf-8")()
    with conn:
        try:
            while True:
                data = conn.recv(1024)
                if not data:
                    return
                text = decoder.decode(data)
                if text == "exit":
                    return
                if text:
                    conn.sendall(("got " + text).encode("utf-8"))
        except ConnectionResetError:
            pass


while True:
    conn, address = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
