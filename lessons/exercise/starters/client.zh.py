# netlearn 练习：TCP 客户端（检查：netlearn exercise check client client.py）
#
# 约定：
# - 连接 127.0.0.1 上第一个参数（sys.argv[1]）给出的端口；没有参数时用 8888
# - 把从标准输入读到的每一行发出去；打印每条回复
# - 回复以 “\n” 结尾：要读到整行才算收完
# - 空行不要发送（sendall(b"") 什么也不发，之后也就永远等不到回复）
# - 读到 “exit” 或输入结束时，发送 “exit” 并关闭连接
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8888

# TODO 1：创建 socket，connect 到 ("127.0.0.1", port)
# TODO 2：对 sys.stdin 的每一行（输入结束时这个循环也会结束）：
#         去掉行尾；遇到 “exit” 就停止；跳过空行
# TODO 3：用 UTF-8 编码发送这一行，读取回复直到 “\n”，然后打印
# TODO 4：发送 “exit”，关闭 socket
