#!/usr/bin/env python3
"""bench.py - measure tlslint on a large generated nginx config tree, next to the real `nginx -t`.

    python3 bench/bench.py [--sites N] [--sites-per-file N] [--runs N] [--callgrind]
                           [--keep DIR] [--nginx PATH] build/src/tlslint

What it does:
  1. Generates a realistic nginx tree (one nginx.conf including sites/*.conf, N TLS servers of
     about 15 lines each, 200 distinct certificate/key files) into a temporary directory under
     /tmp, or into --keep DIR, which is then left in place.
  2. Runs `TLSLINT --now 2026-06-01T00:00:00Z --ca-file root.crt --format json -q nginx.conf`
     once untimed (to check the exit status and count the findings), then --runs more times, timed.
  3. Runs `nginx -t` on the same tree the same way, if nginx is installed.  nginx -t parses the
     whole config and loads every certificate and key with OpenSSL, so it is the natural yardstick:
     a linter that is much slower than the server's own check will not be run as a pre-commit hook.
  4. With --callgrind, counts tlslint's instructions under valgrind (deterministic, unlike wall
     time, so it is the number to compare between commits).

Wall time is time.perf_counter() around subprocess.run(), so process start-up is included (as
it is for a user).  The table shows the best and the median of the timed runs.  Nothing here
asserts on time: this is a measurement, not a test.

Exit status: 0 on success; 1 if tlslint exits with 2 or above, is killed by a signal, or prints
JSON that does not parse; 1 if the real nginx rejects the generated tree (a bug in this script,
and its timing would be meaningless); 2 for usage errors.

Certificates: every cert-K.pem is a copy of testdata/pki/www.fullchain.crt and every key-K.pem a
copy of testdata/pki/www.key, so nginx -t really loads them.  They cover only www.example.test, so
tlslint is expected to report cert-hostname-mismatch for every generated site; that is intended
(findings are part of the work being measured: collecting, sorting, printing).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEST_NOW = "2026-06-01T00:00:00Z"
REPO = Path(__file__).resolve().parent.parent
PKI = REPO / "testdata" / "pki"
CERT_SRC = PKI / "www.fullchain.crt"
KEY_SRC = PKI / "www.key"
# Trust anchor for proxy_ssl_verify: nginx refuses `proxy_ssl_verify on` without one.
CA_SRC = PKI / "root.crt"


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Measure tlslint on a generated nginx tree, next to nginx -t.")
    p.add_argument("tlslint", help="path to the tlslint binary")
    p.add_argument("--sites", type=int, default=10000,
                   help="number of TLS server blocks (default 10000)")
    p.add_argument("--sites-per-file", type=int, default=100,
                   help="server blocks per file under sites/ (default 100; 1 = one file per site)")
    p.add_argument("--certs", type=int, default=200,
                   help="distinct certificate/key file pairs (default 200)")
    p.add_argument("--port", type=int, default=18580,
                   help="the sites listen on 127.0.0.1:PORT and PORT+1 (default 18580); "
                        "nginx -t binds them, so they must be free")
    p.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    p.add_argument("--callgrind", action="store_true",
                   help="also count tlslint's instructions with valgrind --tool=callgrind")
    p.add_argument("--keep", metavar="DIR",
                   help="generate the tree into DIR (new or empty) and keep it")
    p.add_argument("--nginx", default=None,
                   help="nginx binary (default: nginx on PATH, else /usr/sbin/nginx; "
                        "'none' skips it)")
    a = p.parse_args(argv)
    for name in ("sites", "sites_per_file", "certs", "runs"):
        if getattr(a, name) < 1:
            p.error("--%s must be at least 1" % name.replace("_", "-"))
    return a


def server_block(i, root, ncerts, default, port):
    """One ~15-line TLS server, the way a hosting panel or certbot would write it.  The two
    listeners stand in for `listen 443 ssl; listen [::]:443 ssl;`: nginx -t does bind every
    listen address (nginx 1.22 opens the sockets in test mode too; seen with strace), so both
    are loopback ports that a test machine may bind."""
    k = i % ncerts
    ds = " default_server" if default else ""
    return f"""server {{
    listen 127.0.0.1:{port} ssl{ds};
    listen 127.0.0.1:{port + 1} ssl{ds};
    server_name site{i}.example.test www.site{i}.example.test;

    ssl_certificate     {root}/ssl/cert-{k}.pem;
    ssl_certificate_key {root}/ssl/key-{k}.pem;
    ssl_protocols       TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=63072000" always;

    location / {{
        root {root}/www/site{i};
    }}
    location /api/ {{
        proxy_pass https://backend;
        proxy_ssl_verify on;
        proxy_ssl_server_name on;
    }}
}}
"""


def generate(root, sites, per_file, ncerts, port):
    """Writes the tree; returns (entry config path, number of files, total config bytes)."""
    root = Path(root)
    (root / "sites").mkdir(parents=True)
    (root / "ssl").mkdir()
    cert, key = CERT_SRC.read_bytes(), KEY_SRC.read_bytes()
    for k in range(ncerts):
        (root / "ssl" / f"cert-{k}.pem").write_bytes(cert)
        kp = root / "ssl" / f"key-{k}.pem"
        kp.write_bytes(key)
        kp.chmod(0o600)
    shutil.copyfile(CA_SRC, root / "ssl" / "ca.pem")

    main = f"""# Generated by bench/bench.py: {sites} TLS sites in {-(-sites // per_file)} files.
events {{}}

http {{
    access_log off;
    # {sites * 2} names do not fit the default hash sizes; big hosts raise them the same way.
    server_names_hash_max_size 65536;
    server_names_hash_bucket_size 128;

    ssl_session_cache shared:SSL:10m;
    ssl_session_timeout 1d;
    proxy_ssl_trusted_certificate {root}/ssl/ca.pem;

    upstream backend {{
        server 127.0.0.1:8443;
    }}

    include {root}/sites/*.conf;
}}
"""
    entry = root / "nginx.conf"
    entry.write_text(main)
    nbytes, nfiles = len(main.encode()), 1
    for f, start in enumerate(range(0, sites, per_file)):
        parts = [f"# Sites {start} to {min(start + per_file, sites) - 1}.\n"]
        for i in range(start, min(start + per_file, sites)):
            parts.append(server_block(i, root, ncerts, i == 0, port))
        text = "\n".join(parts)
        (root / "sites" / f"sites-{f:05d}.conf").write_text(text)
        nbytes += len(text.encode())
        nfiles += 1
    return entry, nfiles, nbytes


def run_once(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    return time.perf_counter() - t0, r


def timed(cmd, runs):
    """The wall times of `runs` runs, in ms; stops early (returning the result) on a change of
    exit status, which would mean the runs are not measuring the same thing."""
    times, first = [], None
    for _ in range(runs):
        dt, r = run_once(cmd)
        if first is None:
            first = r.returncode
        elif r.returncode != first:
            raise RuntimeError(f"exit status changed between runs ({first} -> {r.returncode})")
        times.append(dt * 1000.0)
    return times


def tail(b, n=20):
    lines = b.decode(errors="replace").rstrip("\n").splitlines()
    return "\n".join(lines[-n:])


def check_tlslint(r):
    """Returns (findings by check, summary dict) from an untimed run, or raises on failure."""
    if r.returncode < 0:
        raise RuntimeError(f"tlslint was killed by signal {-r.returncode}\n{tail(r.stderr)}")
    if r.returncode >= 2:
        raise RuntimeError(f"tlslint exited with status {r.returncode}\n{tail(r.stderr)}")
    try:
        doc = json.loads(r.stdout)
        findings = doc["findings"]
    except (ValueError, KeyError, TypeError) as e:
        raise RuntimeError(f"tlslint printed no valid JSON report ({e})\n{tail(r.stdout)}")
    by_check = {}
    for f in findings:
        by_check[f.get("check", "?")] = by_check.get(f.get("check", "?"), 0) + 1
    return by_check, doc.get("summary", {})


def callgrind(tlslint_cmd, outdir):
    out = Path(outdir) / "callgrind.out"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + tlslint_cmd
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    m = re.search(rb"Collected\s*:\s*(\d+)", r.stderr)
    if r.returncode >= 2 or r.returncode < 0 or not m:
        raise RuntimeError(f"callgrind run failed (status {r.returncode})\n{tail(r.stderr)}")
    return int(m.group(1))


def find_nginx(opt):
    if opt == "none":
        return None
    if opt:
        return opt
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def fmt_ms(times):
    return f"{min(times):.0f} / {statistics.median(times):.0f}"


def main(argv):
    a = parse_args(argv)
    tlslint = os.path.abspath(a.tlslint)
    if not os.access(tlslint, os.X_OK):
        print(f"bench.py: '{a.tlslint}' is not an executable (build it first: make build)",
              file=sys.stderr)
        return 2
    nginx = find_nginx(a.nginx)

    if a.keep:
        root = Path(a.keep).resolve()
        if root.exists() and any(root.iterdir()):
            print(f"bench.py: --keep directory '{root}' is not empty", file=sys.stderr)
            return 2
        root.mkdir(parents=True, exist_ok=True)
    else:
        root = Path(tempfile.mkdtemp(prefix="tlslint-bench.", dir="/tmp"))

    status = 0
    try:
        print(f"generating {a.sites} sites into {root} ...", file=sys.stderr)
        entry, nfiles, nbytes = generate(root, a.sites, a.sites_per_file, a.certs, a.port)
        rows = [("sites", str(a.sites)),
                ("config files", f"{nfiles} ({a.sites_per_file} sites per file)"),
                ("config bytes", f"{nbytes:,}"),
                ("certificate files", f"{a.certs} (+ {a.certs} keys)")]

        # The certificates are the test PKI's, whose root only --ca-file makes a trust anchor;
        # without it every site would also get chain-untrusted.
        tl_cmd = [tlslint, "--now", TEST_NOW, "--ca-file", str(PKI / "root.crt"),
                  "--format", "json", "-q", str(entry)]
        tl_times = nx_times = None
        try:
            print("tlslint: checking run ...", file=sys.stderr)
            _, r = run_once(tl_cmd)
            by_check, summary = check_tlslint(r)
            print(f"tlslint: {a.runs} timed runs ...", file=sys.stderr)
            tl_times = timed(tl_cmd, a.runs)
            rows.append(("tlslint best / median ms", fmt_ms(tl_times)))
            nfind = sum(by_check.values())
            rows.append(("tlslint findings", f"{nfind} (exit status {r.returncode})"))
            for check, n in sorted(by_check.items(), key=lambda kv: (-kv[1], kv[0])):
                rows.append(("  " + check, str(n)))
            if summary:
                rows.append(("tlslint summary", ", ".join(
                    f"{summary.get(k, '?')} {k}" for k in ("files", "sites", "certificates"))))
            if a.callgrind:
                print("tlslint: callgrind run ...", file=sys.stderr)
                rows.append(("tlslint instructions (callgrind)",
                             f"{callgrind(tl_cmd, root):,}"))
        except (RuntimeError, OSError) as e:
            print(f"bench.py: {e}", file=sys.stderr)
            rows.append(("tlslint", "FAILED"))
            status = 1

        # The offline handshake simulation of every profile against every site (issue 13).
        sim_cmd = [tlslint, "simulate", "--now", TEST_NOW, "--ca-file", str(PKI / "root.crt"),
                   "--format", "json", str(entry)]
        try:
            print("tlslint simulate: checking run ...", file=sys.stderr)
            _, r = run_once(sim_cmd)
            if r.returncode not in (0, 1):
                raise RuntimeError(f"tlslint simulate exited {r.returncode}: {tail(r.stderr)}")
            sim = json.loads(r.stdout)["summary"]
            print(f"tlslint simulate: {a.runs} timed runs ...", file=sys.stderr)
            rows.append(("tlslint simulate best / median ms", fmt_ms(timed(sim_cmd, a.runs))))
            rows.append(("tlslint simulate", f"{sim['sites']} sites x {sim['clients']} clients, "
                         f"{sim['contexts']} contexts, {sim['handshakes']} handshakes run"))
        except (RuntimeError, OSError, ValueError, KeyError) as e:
            print(f"bench.py: {e}", file=sys.stderr)
            rows.append(("tlslint simulate", "FAILED"))
            status = 1

        if nginx:
            nx_cmd = [nginx, "-t", "-c", str(entry), "-p", f"{root}/",
                      "-e", f"{root}/err.log", "-g", f"pid {root}/nginx.pid;"]
            print("nginx -t: checking run ...", file=sys.stderr)
            _, r = run_once(nx_cmd)
            if r.returncode != 0:
                print(f"bench.py: nginx -t rejects the generated tree (a bench.py bug):\n"
                      f"{tail(r.stderr)}", file=sys.stderr)
                rows.append(("nginx -t", "FAILED"))
                status = 1
            else:
                print(f"nginx -t: {a.runs} timed runs ...", file=sys.stderr)
                nx_times = timed(nx_cmd, a.runs)
                rows.append(("nginx -t best / median ms", fmt_ms(nx_times)))
        else:
            rows.append(("nginx -t", "not installed, skipped"))

        if tl_times and nx_times:
            rows.append(("tlslint / nginx -t (median)",
                         f"{statistics.median(tl_times) / statistics.median(nx_times):.3g}"))

        w = max(len(k) for k, _ in rows)
        for k, v in rows:
            print(f"{k:<{w}}  {v}")
    finally:
        if a.keep:
            print(f"kept the tree in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
