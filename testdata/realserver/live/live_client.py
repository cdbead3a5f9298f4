#!/usr/bin/python3
"""live_client.py NAME PORT ROOT.pem: the real Python ssl client (ssl.create_default_context,
Debian's python3) against 127.0.0.1:PORT with NAME as SNI and host name, trusting only ROOT.pem.
Prints "ok VERSION SUITE" (SUITE in IANA form when OpenSSL knows it) or
"fail certificate|handshake WHY". Python cannot pin the verification time: the caller compares
with a simulation at the real clock."""
import socket
import ssl
import sys


def main():
    name, port, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ctx = ssl.create_default_context(cafile=root)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with ctx.wrap_socket(raw, server_hostname=name) as s:
                print("ok", s.version(), s.cipher()[0])
    except ssl.SSLCertVerificationError as e:
        print("fail certificate", e.verify_message)
    except (ssl.SSLError, ConnectionResetError) as e:
        print("fail handshake", e)


if __name__ == "__main__":
    main()
