#!/usr/bin/env python3
"""replay_hello.py PORT HELLO.bin...: send each captured ClientHello to 127.0.0.1:PORT as it
was recorded and print what the server answers, in first_flight_probe's format:
"ID hello VERSION SUITE GROUP", "ID retry GROUP", "ID alert N" or "ID none". The server's
bytes are read until ServerHelloDone (TLS 1.2), the end of the ServerHello (TLS 1.3, whose
rest is encrypted), an alert or a closed connection."""
import os
import socket
import sys

HRR_RANDOM = bytes.fromhex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c")


def read_flight(sock):
    buf = b""
    hs = b""
    while True:
        while len(buf) < 5 or len(buf) < 5 + int.from_bytes(buf[3:5], "big"):
            try:
                data = sock.recv(65536)
            except socket.timeout:
                data = b""
            if not data:
                return hs, None
            buf += data
        rtype, n = buf[0], int.from_bytes(buf[3:5], "big")
        body, buf = buf[5:5 + n], buf[5 + n:]
        if rtype == 21:
            return hs, body[1]
        if rtype != 22:
            return hs, None
        hs += body
        msgs = list(messages(hs))
        if any(t == 14 for t, _ in msgs):  # ServerHelloDone
            return hs, None
        for t, m in msgs:
            if t == 2 and version_of(m) == 0x0304:
                return hs, None


def messages(hs):
    i = 0
    while i + 4 <= len(hs):
        t, n = hs[i], int.from_bytes(hs[i + 1:i + 4], "big")
        if i + 4 + n > len(hs):
            return
        yield t, hs[i + 4:i + 4 + n]
        i += 4 + n


def extensions(m):
    i = 2 + 32
    i += 1 + m[i]
    i += 3
    if i + 2 > len(m):
        return
    end = i + 2 + int.from_bytes(m[i:i + 2], "big")
    i += 2
    while i + 4 <= end:
        t, n = int.from_bytes(m[i:i + 2], "big"), int.from_bytes(m[i + 2:i + 4], "big")
        yield t, m[i + 4:i + 4 + n]
        i += 4 + n


def version_of(m):
    for t, body in extensions(m):
        if t == 43:
            return int.from_bytes(body[:2], "big")
    return int.from_bytes(m[:2], "big")


def describe(hs, alert):
    hello = group = None
    for t, m in messages(hs):
        if t == 2:
            hello = m
            for et, body in extensions(m):
                if et == 51:
                    group = int.from_bytes(body[:2], "big")
        elif t == 12 and hello is not None and version_of(hello) < 0x0304 and m[0] == 3:
            group = int.from_bytes(m[1:3], "big")
    if hello is None:
        return "alert %d" % alert if alert is not None else "none"
    sid = 2 + 32
    suite = int.from_bytes(hello[sid + 1 + hello[sid]:sid + 3 + hello[sid]], "big")
    if hello[2:34] == HRR_RANDOM:
        return "retry 0x%04x" % (group or 0)
    return "hello 0x%04x 0x%04x 0x%04x" % (version_of(hello), suite, group or 0)


def main():
    port = int(sys.argv[1])
    for path in sys.argv[2:]:
        ident = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            hello = f.read()
        with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
            sock.sendall(hello)
            hs, alert = read_flight(sock)
        print(ident, describe(hs, alert))


if __name__ == "__main__":
    main()
