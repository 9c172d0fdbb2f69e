# Code pasted with an indent in front of the first line.
    import socket
import sys
