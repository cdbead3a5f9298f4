#!/usr/bin/env python3
"""free_ports.py - give a copied test config ports that are free on this machine right now.

    free_ports.py DIR       rewrite every *.conf and *.cfg under DIR in place
    free_ports.py -n N      print the first of N consecutive free ports

The golden configs name loopback ports (listen 127.0.0.1:18443 ssl; listen [::1]:18474;
listen 18480-18481) so that they read like real configs, but a test that binds them would fail
whenever another checkout, or anything else, holds the same port.  So before a config is run,
each distinct port in it (a number from 1024 up after "listen " or after a ':' in a listen or
proxy_pass line; for httpd, a Listen, <VirtualHost …>, ProxyPass or ProxyPassReverse line; for
HAProxy, a bind or server line) is replaced by a port the kernel has just handed out (bound to port 0 on every
address, then released), ranges by as many consecutive free ports.  The same old port gets the
same new one in every file, so servers that share a socket still share it.  Prints one line
"OLD NEW" per port.
"""
import os
import re
import socket
import sys

PORT = re.compile(r"(?P<pre>(?:^|[\s:])(?:listen\s+)?(?:[\w.*-]+:|\[[0-9a-fA-F:.]*\]:)?)"
                  r"(?P<port>\d{4,5})(?:-(?P<last>\d{4,5}))?(?=[\s;/>]|$)")
LINE = re.compile(r"^\s*(listen|proxy_pass|server|<VirtualHost|ProxyPass|ProxyPassReverse)\b",
                  re.I)  # nginx "server ADDR:PORT" in upstream {} too
LINE_CFG = re.compile(r"^\s*(bind|server)\b")  # HAProxy (*.cfg)


def bindable(port):
    for family, addr in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
        s = socket.socket(family, socket.SOCK_STREAM)
        try:
            if family == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind((addr, port))
        except OSError:
            return False
        finally:
            s.close()
    return True


def free_block(n):
    for _ in range(500):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        base = s.getsockname()[1]
        s.close()
        if base + n <= 65535 and all(bindable(p) for p in range(base, base + n)):
            return base
    raise SystemExit("free_ports.py: no %d consecutive free ports" % n)


def rewrite(top):
    files = []
    for d, _, names in os.walk(top):
        files += [os.path.join(d, f) for f in names if f.endswith((".conf", ".cfg"))]
    # Configs of the hostile-input cases: symbolic links (in loops) are not rewritten, and
    # bytes that are not UTF-8 go back as they came (Latin-1 maps every byte to itself).
    files = [f for f in files if os.path.isfile(f) and not os.path.islink(f)]
    texts = {f: open(f, encoding="latin-1").read() for f in files}
    mapping = {}
    def port_line(f, line):
        return (LINE_CFG if f.endswith(".cfg") else LINE).match(line)

    for f, text in texts.items():
        for line in text.splitlines():
            if not port_line(f, line):
                continue
            for m in PORT.finditer(line):
                first = int(m.group("port"))
                last = int(m.group("last") or first)
                if first < 1024 or any(p in mapping for p in range(first, last + 1)):
                    continue
                base = free_block(last - first + 1)
                for i, p in enumerate(range(first, last + 1)):
                    mapping[p] = base + i

    def sub(m):
        first = int(m.group("port"))
        if first not in mapping:
            return m.group(0)
        out = m.group("pre") + str(mapping[first])
        if m.group("last"):
            out += "-" + str(mapping[int(m.group("last"))])
        return out

    for f, text in texts.items():
        lines = [PORT.sub(sub, line) if port_line(f, line) else line
                 for line in text.split("\n")]
        with open(f, "w", encoding="latin-1") as out:
            out.write("\n".join(lines))
    for old in sorted(mapping):
        print(old, mapping[old])


def main(argv):
    if len(argv) == 3 and argv[1] == "-n":
        print(free_block(int(argv[2])))
        return 0
    if len(argv) == 2:
        rewrite(argv[1])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
