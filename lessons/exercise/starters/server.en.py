# netlearn exercise: a TCP server (check it with: netlearn exercise check server server.py)
#
# The contract:
# - listen on the port given as the first argument (sys.argv[1]); the
#   same port is in the NETLEARN_PORT environment variable; 8888 otherwise
# - print each message you receive, and send a reply to it
# - when the message is "exit", or the client leaves (recv returns b""),
#   stop reading and close the connection
# - messages are UTF-8, and one character may arrive in two pieces
import os
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))

# TODO 1: create the socket, bind it to ("127.0.0.1", port) (one tuple!) and listen
# TODO 2: accept one client: conn, address = ...
# TODO 3: loop: receive up to 1024 bytes; stop on b"" or on "exit"
# TODO 4: decode safely (a character may be split: see codecs.getincrementaldecoder)
# TODO 5: print the message and send a reply, encoded as UTF-8
# TODO 6: close the connection and the server socket
