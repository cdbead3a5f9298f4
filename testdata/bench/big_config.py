#!/usr/bin/env python3
"""big_config.py - does tlslint's cost stay linear in what a config holds?

    python3 testdata/bench/big_config.py [--mb 12,25,50] [--keep DIR] build/src/tlslint

For each size it generates an nginx config of about that many megabytes: server blocks of
~290 bytes (listen on one of 50 loopback ports, two names, certificate and key, ssl_protocols,
a location) split over four included files, every server naming the same certificate and the
same world-readable key (so key-permissions relates every directive to one finding, and
cert-hostname-mismatch fires twice per server: the certificate is www.example.test's).  It
runs tlslint once on each, JSON to /dev/null, and prints wall time, peak RSS (the child's own
ru_maxrss) and the findings, then the same per megabyte: linear cost means flat per-MB columns.

A last row lints a small config whose http-level ssl_ciphers is a 4 MB string inherited by 1,000
servers: findings quote config text cut to a line, so the report stays small.

Peak RSS comes from GNU time (/usr/bin/time, Debian package `time`).  This measures; it asserts
nothing about time.  Exit status 1 if tlslint fails (status >= 2 or a
signal) or prints invalid JSON.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PKI = REPO / "testdata" / "pki"
NOW = "2026-06-01T00:00:00Z"

SERVER = """server {{
    listen 127.0.0.1:{port} ssl;
    server_name site{i}.example.test www.site{i}.example.test;
    ssl_certificate     {root}/ssl/cert.pem;
    ssl_certificate_key {root}/ssl/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {{ root /var/www/site{i}; }}
}}
"""


def generate(root, mb):
    (root / "conf").mkdir(parents=True)
    (root / "ssl").mkdir()
    shutil.copyfile(PKI / "www.fullchain.crt", root / "ssl" / "cert.pem")
    shutil.copyfile(PKI / "www.key", root / "ssl" / "key.pem")
    os.chmod(root / "ssl" / "key.pem", 0o644)
    per_server = len(SERVER.format(port=18000, i=100000, root=root))
    servers = int(mb * 1024 * 1024 / per_server)
    per_file = -(-servers // 4)
    total = 0
    for f in range(4):
        with open(root / "conf" / f"part{f}.conf", "w") as out:
            for i in range(f * per_file, min((f + 1) * per_file, servers)):
                text = SERVER.format(port=18000 + i % 50, i=i, root=root)
                out.write(text)
                total += len(text)
    (root / "nginx.conf").write_text(
        "events {}\nhttp {\n    access_log off;\n    include conf/part*.conf;\n}\n")
    return root / "nginx.conf", servers, total


def generate_long_token(root):
    (root / "ssl").mkdir(parents=True)
    shutil.copyfile(PKI / "www.fullchain.crt", root / "ssl" / "cert.pem")
    shutil.copyfile(PKI / "www.key", root / "ssl" / "key.pem")
    os.chmod(root / "ssl" / "key.pem", 0o600)
    junk = ":".join("NOSUCH%07d" % i for i in range(4 * 1024 * 1024 // 14))
    servers = "".join(SERVER.format(port=18000, i=i, root=root) for i in range(1000))
    text = 'events {}\nhttp {\n    access_log off;\n    ssl_ciphers "%s";\n%s}\n' % (junk, servers)
    (root / "nginx.conf").write_text(text)
    return root / "nginx.conf", 1000, len(text)


def run(tlslint, entry):
    """Wall seconds, the child's own peak RSS in MB, findings and JSON bytes."""
    cmd = [tlslint, "--now", NOW, "--ca-file", str(PKI / "root.crt"), "--format", "json", "-q",
           str(entry)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        # GNU time reports the command's own peak RSS; a Python parent's wait4() may count
        # the parent's pages when the child was started with vfork.
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd, stdout=out,
                           stderr=err, stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        report = out.read()
        if p.returncode < 0 or p.returncode >= 2:
            raise RuntimeError("tlslint exited with %d: %s" % (p.returncode,
                                                               err.read().decode()[-500:]))
        peak_kb = int(rss.read().split()[-1])
    findings = json.loads(report)["findings"]
    return wall, peak_kb / 1024.0, len(findings), len(report)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tlslint")
    ap.add_argument("--mb", default="12,25,50", help="config sizes in MB (default 12,25,50)")
    ap.add_argument("--keep", help="generate under DIR and keep it")
    a = ap.parse_args(argv)
    tlslint = os.path.abspath(a.tlslint)
    base = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tlslint-big."))
    rows = []
    try:
        for mb in [float(x) for x in a.mb.split(",")]:
            root = base / ("%gmb" % mb)
            print("generating %g MB ..." % mb, file=sys.stderr)
            entry, servers, nbytes = generate(root, mb)
            print("linting ...", file=sys.stderr)
            wall, rss, nfind, outbytes = run(tlslint, entry)
            rows.append((nbytes / 1048576.0, servers, wall, rss, nfind, outbytes))
            if not a.keep:
                shutil.rmtree(root)
        root = base / "long-token"
        entry, servers, nbytes = generate_long_token(root)
        wall, rss, nfind, outbytes = run(tlslint, entry)
        long_row = (nbytes / 1048576.0, servers, wall, rss, nfind, outbytes)
    except (RuntimeError, ValueError) as e:
        print("big_config.py: %s" % e, file=sys.stderr)
        return 1
    finally:
        if not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    print("%8s %8s %8s %9s %9s %10s | %8s %9s" % (
        "MB", "servers", "wall s", "peak MB", "findings", "JSON MB", "s/MB", "peak/MB"))
    for mb, servers, wall, rss, nfind, outbytes in rows:
        print("%8.1f %8d %8.2f %9.0f %9d %10.1f | %8.3f %9.1f" % (
            mb, servers, wall, rss, nfind, outbytes / 1048576.0, wall / mb, rss / mb))
    mb, servers, wall, rss, nfind, outbytes = long_row
    print("4 MB ssl_ciphers inherited by %d servers: %.2f s, peak %.0f MB, %d findings, "
          "%.1f KB of JSON" % (servers, wall, rss, nfind, outbytes / 1024.0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
