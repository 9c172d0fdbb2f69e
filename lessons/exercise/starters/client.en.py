# netlearn exercise: a TCP client (check it with: netlearn exercise check client client.py)
#
# The contract:
# - connect to 127.0.0.1 at the port given as the first argument
#   (sys.argv[1]), 8888 otherwise
# - send each line read from standard input; print each reply
# - replies end with "\n": read until the whole line is there
# - an empty line: do not send it (sendall(b"") sends nothing, and then no
#   reply ever comes)
# - when the line is "exit", or the input ends, send "exit" and close
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8888

# TODO 1: create the socket and connect to ("127.0.0.1", port)
# TODO 2: for each line of sys.stdin (this loop also ends when the input ends):
#         strip the line ending; stop on "exit"; skip an empty line
# TODO 3: send the line encoded as UTF-8, read the reply up to "\n", print it
# TODO 4: send "exit" and close the socket
