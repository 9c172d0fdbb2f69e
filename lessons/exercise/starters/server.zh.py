# netlearn 练习：TCP 服务端（检查：netlearn exercise check server server.py）
#
# 约定：
# - 监听第一个参数（sys.argv[1]）给出的端口；同一端口也在环境变量 NETLEARN_PORT 里；都没有时用 8888
# - 打印收到的每条消息，并给它回复
# - 消息是 “exit”，或者客户端离开（recv 返回 b""）时，停止读取并关闭连接
# - 消息用 UTF-8 编码，一个字符可能分两次到达
import os
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("NETLEARN_PORT", "8888"))

# TODO 1：创建 socket，bind 到 ("127.0.0.1", port)（是一个元组！），然后 listen
# TODO 2：接受一个客户端：conn, address = ...
# TODO 3：循环：每次最多接收 1024 字节；收到 b"" 或 “exit” 就停止
# TODO 4：安全地解码（字符可能被拆开，参考 codecs.getincrementaldecoder）
# TODO 5：打印消息，并用 UTF-8 编码发送回复
# TODO 6：关闭连接和服务端 socket
