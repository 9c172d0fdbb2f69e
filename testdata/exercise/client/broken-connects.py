# Ignores the port it is given and keeps trying its own.
import socket
import sys
import time

while True:
    try:
        client = socket.create_connection(("127.0.0.1", 9), timeout=1)
        break
    except OSError:
        time.sleep(0.2)
