#!/usr/bin/env python3
"""run.py - the benchmark: tlslint next to the real server's own check, on large generated configs.

    python3 testdata/bench/run.py [--runs N] [--only NAME,...] [--keep DIR] build/src/tlslint

Scenarios (configs.py writes them, bench_pki.py makes the certificates, all from --seed):

    nginx-10k        10,000 server blocks on 50 sockets, 200 certificates with intermediates,
                     1,000 included files, a snippet every server includes, no ssl_ciphers
    nginx-20k        the same with 20,000 server blocks (linear: at most 2.2x nginx-10k)
    nginx-10k-2000c  10,000 server blocks, 2,000 certificates (at most 10x nginx-10k)
    nginx-findings   nginx-10k where no certificate names its site: ~20,000 findings, JSON
    simulate         `tlslint simulate --clients all -f json` on nginx-10k
    apache-10k       10,000 name-based vhosts on 50 ports, 200 certificates
    haproxy-2000c    a crt directory of 2,000 PEMs and a crt-list of 10,000 lines
    one-site         one nginx server in one file: what a pre-commit hook feels
    one-site-system  the same with the system's trust bundle (no --ca-file), as a hook runs it

For each it prints wall time, CPU time (user+system) and peak RSS of tlslint (the median of
--runs timed runs after one untimed run that checks the exit status and the JSON), the time per
phase (TLSLINT_TIMINGS=1: start-up, read+parse, lowering, certificates, checks, output, from
the median run), and the same for `nginx -t`, `apache2 -t` or `haproxy -c` on the same files in
the same run, with the ratio. Then the targets of docs/performance.md, each met or not.  Nothing
here asserts on time: it is a measurement.  Exit status 1 if tlslint fails (status 2 or more, a
signal, invalid JSON) or the real server rejects a generated config (a bug here); 2 for usage.
"""

import argparse
import json
import re
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_pki  # noqa: E402
import configs  # noqa: E402

NOW = "2026-06-01T00:00:00Z"
SCENARIOS = ["nginx-10k", "nginx-20k", "nginx-10k-2000c", "nginx-findings", "simulate",
             "apache-10k", "haproxy-2000c", "one-site", "one-site-system"]


def free_ports(n):
    """N ports the kernel hands out now (bound to port 0 together, then released)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


GNU_TIME = "/usr/bin/time"
TIME_MARK = "tlslint-bench-time"


def measured(cmd, env=None):
    """Runs CMD under GNU time; returns wall and CPU ms, peak RSS MB, status, stdout, stderr.
    GNU time, not this process's wait4(): a child forked or vforked from Python starts with
    Python's pages, which its peak RSS would count."""
    fmt = TIME_MARK + " %e %U %S %M"
    t0 = time.perf_counter()
    p = subprocess.run([GNU_TIME, "-f", fmt, *cmd], stdin=subprocess.DEVNULL,
                       capture_output=True, env=env)
    wall = (time.perf_counter() - t0) * 1000
    err, stats = [], None
    for line in p.stderr.decode(errors="replace").splitlines():
        if line.startswith(TIME_MARK + " "):
            stats = line.split()[1:]
        elif not line.startswith("Command exited with non-zero status"):
            err.append(line)
    if stats is None:
        raise Failure("GNU time printed no figures for %s" % cmd[0])
    return {"wall": wall, "cpu": (float(stats[1]) + float(stats[2])) * 1000,
            "rss": int(stats[3]) / 1024, "rc": p.returncode, "out": p.stdout,
            "err": "\n".join(err).encode()}


def median_run(cmd, runs, env=None):
    results = [measured(cmd, env) for _ in range(runs)]
    results.sort(key=lambda r: r["wall"])
    return results[len(results) // 2], results


PHASE_LINE = re.compile(r"^tlslint: timing (\S+) +([\d.]+) ms(?: +(-?[\d.]+) MB)?")
CHECK_LINE = re.compile(r"^tlslint: timing check (\S+) ([\d.]+) ms")


def phases(err):
    """{phase: (ms, MB of resident growth)} and [(check, ms)] from TLSLINT_TIMINGS lines."""
    got, checks = {}, []
    for line in err.decode(errors="replace").splitlines():
        m = CHECK_LINE.match(line)
        if m:
            checks.append((m.group(1), float(m.group(2))))
            continue
        m = PHASE_LINE.match(line)
        if m:
            got[m.group(1)] = (float(m.group(2)), float(m.group(3) or 0))
    return got, checks


def tail(b, n=15):
    return "\n".join(b.decode(errors="replace").rstrip().splitlines()[-n:])


class Failure(Exception):
    pass


def check_json(r, what):
    if r["rc"] < 0 or r["rc"] >= 2:
        raise Failure("%s exited with %d\n%s" % (what, r["rc"], tail(r["err"])))
    try:
        return json.loads(r["out"])
    except ValueError as e:
        raise Failure("%s printed no valid JSON (%s)" % (what, e))


def lint_cmd(tlslint, entry, ca, server, extra=()):
    """CA None: the system's trust bundle, as a pre-commit hook runs tlslint."""
    trust = ("--ca-file", str(ca)) if ca is not None else ()
    return [tlslint, *extra, "--now", NOW, *trust, "--server", server,
            "--format", "json", "-q", str(entry)]


def real_cmd(server, entry, root):
    root = str(root)
    if server == "nginx":
        exe = shutil.which("nginx") or "/usr/sbin/nginx"
        return [exe, "-t", "-q", "-c", str(entry), "-p", root + "/", "-e", root + "/err.log",
                "-g", "pid %s/nginx.pid;" % root], "nginx -t"
    if server == "apache":
        return ["/usr/sbin/apache2", "-t", "-d", root, "-f", str(entry)], "apache2 -t"
    return ["/usr/sbin/haproxy", "-c", "-q", "-f", str(entry)], "haproxy -c"


def fmt(r):
    return "%8.0f %8.0f %8.1f" % (r["wall"], r["cpu"], r["rss"])


def scenario(name, a, tlslint, base):
    """Generates NAME under BASE and measures it; returns a dict of results."""
    ncerts = 2000 if name in ("nginx-10k-2000c", "haproxy-2000c") else 200
    pki = bench_pki.make(ncerts, a.cache)
    root = base / name
    t0 = time.perf_counter()
    if name.startswith("one-site"):
        entry, files, nbytes = configs.one_site(root, pki)
        server = "nginx"
    elif name.startswith("apache"):
        entry, files, nbytes = configs.apache(root, pki, 10000, ncerts, free_ports(50), a.seed)
        server = "apache"
    elif name.startswith("haproxy"):
        entry, files, nbytes = configs.haproxy(root, pki, 10000, ncerts, free_ports(2), a.seed)
        server = "haproxy"
    else:
        sites = 20000 if name == "nginx-20k" else 10000
        entry, files, nbytes = configs.nginx(root, pki, sites, ncerts, free_ports(50), a.seed,
                                             findings=name == "nginx-findings")
        server = "nginx"
    gen = time.perf_counter() - t0
    # The tree was just written: let writeback finish before anything is timed.
    os.sync()
    time.sleep(1)
    # The simulation's JSON is 150 MB: written to a file (-o), as one keeps it, not through
    # a pipe into this process.
    sim_out = root / "simulate.json"
    extra = ("simulate", "--clients", "all", "-o", str(sim_out)) if name == "simulate" else ()
    ca = None if name == "one-site-system" else pki / "root.crt"
    cmd = lint_cmd(tlslint, entry, ca, server, extra)
    env = dict(os.environ, TLSLINT_TIMINGS="1")
    first = measured(cmd, env)
    if name == "simulate":
        first["out"] = sim_out.read_bytes()
    doc = check_json(first, "tlslint")
    runs = max(a.runs, 21) if name.startswith("one-site") else a.runs
    med, _ = median_run(cmd, runs, env)
    res = {"name": name, "files": files, "bytes": nbytes, "certs": ncerts, "gen_s": gen,
           "tlslint": med, "findings": len(doc.get("findings", []))}
    res["phases"], res["checks"] = phases(med["err"])
    if name == "simulate":
        res["summary"] = doc.get("summary", {})
        res["json_mb"] = sim_out.stat().st_size / 1e6
        # The default text format (what a terminal shows), the same way.
        text_cmd = [c for c in cmd if c not in ("--format", "json", "-q")]
        res["text"], _ = median_run(text_cmd, a.runs, env)
    if not name.startswith("one-site") and name != "simulate" and a.real:
        rcmd, label = real_cmd(server, entry, root)
        r = measured(rcmd)
        if r["rc"] != 0:
            raise Failure("%s rejects the generated %s (a bug in the benchmark):\n%s"
                          % (label, name, tail(r["err"] + r["out"])))
        res["real_label"] = label
        res["real"], _ = median_run(rcmd, a.real_runs)
    if not a.keep:
        configs.clear(root)
    return res


def report(results):
    by = {r["name"]: r for r in results}
    print("%-16s %-10s %8s %8s %8s  %s" % ("scenario", "command", "wall ms", "cpu ms",
                                          "peak MB", "notes"))
    for r in results:
        note = "%d files, %.1f MB, %d certs, %d findings" % (
            r["files"], r["bytes"] / 1e6, r["certs"], r["findings"])
        if "summary" in r:
            s = r["summary"]
            note = "%s rows x %s clients, %s contexts, %s handshakes, %.0f MB of JSON" % (
                s.get("sites"), s.get("clients"), s.get("contexts"), s.get("handshakes"),
                r["json_mb"])
        print("%-16s %-10s %s  %s" % (r["name"], "tlslint", fmt(r["tlslint"]), note))
        if "text" in r:
            print("%-16s %-10s %s  the same in the default text format" % (
                "", "  (text)", fmt(r["text"])))
        if "real" in r:
            ratio = r["real"]["wall"] / r["tlslint"]["wall"]
            print("%-16s %-10s %s  tlslint is %.1fx faster" % ("", r["real_label"],
                                                               fmt(r["real"]), ratio))
        ph = r["phases"]
        if ph:
            print("%-16s phases ms (MB): %s" % ("", ", ".join(
                "%s %.0f (%.0f)" % (k, v[0], v[1]) for k, v in ph.items() if k != "total")))
        if r["checks"]:
            print("%-16s slowest checks ms: %s" % ("", ", ".join(
                "%s %.0f" % c for c in r["checks"][:4])))
    print()
    print("targets (docs/performance.md):")

    def target(text, ok):
        if ok is None:
            print("  [ -- ] %s: not measured" % text)
        else:
            print("  [%s] %s" % ("met " if ok[0] else "MISS", text + ": " + ok[1]))

    def get(name, key="tlslint"):
        return by.get(name, {}).get(key)

    n10, n20, nc, nf = (by.get(k) for k in ("nginx-10k", "nginx-20k", "nginx-10k-2000c",
                                            "nginx-findings"))
    if n10 and "real" in n10:
        x = n10["real"]["wall"] / n10["tlslint"]["wall"]
        target("nginx 10k sites at least 50x faster than nginx -t", (x >= 50, "%.1fx" % x))
    else:
        target("nginx 10k sites at least 50x faster than nginx -t", None)
    target("nginx 10k sites peak RSS under 64 MB",
           (n10["tlslint"]["rss"] < 64, "%.1f MB" % n10["tlslint"]["rss"]) if n10 else None)
    if n10 and n20:
        x = n20["tlslint"]["wall"] / n10["tlslint"]["wall"]
        target("20k sites at most 2.2x 10k sites", (x <= 2.2, "%.2fx" % x))
    else:
        target("20k sites at most 2.2x 10k sites", None)
    if n10 and nc:
        x = nc["tlslint"]["wall"] / n10["tlslint"]["wall"]
        target("2,000 certificates at most 10x 200", (x <= 10, "%.2fx" % x))
    else:
        target("2,000 certificates at most 10x 200", None)
    hp = by.get("haproxy-2000c")
    if hp and "real" in hp:
        target("HAProxy 2,000-certificate directory faster than haproxy -c",
               (hp["tlslint"]["wall"] < hp["real"]["wall"],
                "%.0f vs %.0f ms" % (hp["tlslint"]["wall"], hp["real"]["wall"])))
    one = get("one-site")
    target("one-site config under 10 ms wall",
           (one["wall"] < 10, "%.1f ms" % one["wall"]) if one else None)
    one = get("one-site-system")
    target("one-site config with the system trust bundle under 10 ms wall",
           (one["wall"] < 10, "%.1f ms" % one["wall"]) if one else None)
    sim = get("simulate")
    target("simulate --clients all on 10k sites under 1 s (JSON to a file)",
           (sim["wall"] < 1000, "%.0f ms" % sim["wall"]) if sim else None)
    simt = get("simulate", "text")
    target("simulate --clients all on 10k sites under 1 s (text)",
           (simt["wall"] < 1000, "%.0f ms" % simt["wall"]) if simt else None)
    if nf and "real" in nf:
        x = nf["real"]["wall"] / nf["tlslint"]["wall"]
        target("with ~20,000 findings (JSON): at least 50x faster than nginx -t",
               (x >= 50, "%.1fx, %.1f MB" % (x, nf["tlslint"]["rss"])))
    else:
        target("with ~20,000 findings (JSON): at least 50x faster than nginx -t", None)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("tlslint")
    p.add_argument("--runs", type=int, default=5, help="timed tlslint runs (default 5)")
    p.add_argument("--real-runs", type=int, default=3,
                   help="timed runs of the real server's check (default 3)")
    p.add_argument("--no-real", dest="real", action="store_false",
                   help="skip nginx -t / apache2 -t / haproxy -c")
    p.add_argument("--only", help="comma-separated scenarios (default: all): " +
                   ", ".join(SCENARIOS))
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the trees")
    p.add_argument("--cache", default="/tmp",
                   help="where the certificate sets are cached (default /tmp)")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    a = p.parse_args(argv)
    tlslint = os.path.abspath(a.tlslint)
    if not os.access(GNU_TIME, os.X_OK):
        print("run.py: %s is missing (apt install time; make bench installs it)" % GNU_TIME,
              file=sys.stderr)
        return 2
    if not os.access(tlslint, os.X_OK):
        print("run.py: '%s' is not an executable (make build first)" % a.tlslint,
              file=sys.stderr)
        return 2
    names = a.only.split(",") if a.only else SCENARIOS
    for n in names:
        if n not in SCENARIOS:
            p.error("unknown scenario '%s'" % n)
    base = Path(a.keep).resolve() if a.keep else Path(tempfile.mkdtemp(prefix="tlslint-bench."))
    base.mkdir(parents=True, exist_ok=True)
    results, status = [], 0
    try:
        for n in names:
            print("run.py: %s ..." % n, file=sys.stderr, flush=True)
            try:
                results.append(scenario(n, a, tlslint, base))
            except Failure as e:
                print("run.py: %s: %s" % (n, e), file=sys.stderr)
                status = 1
    finally:
        if not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    report(results)
    if a.json:
        keep = [{k: ({kk: vv for kk, vv in v.items() if kk not in ("out", "err")}
                     if isinstance(v, dict) else v) for k, v in r.items()} for r in results]
        Path(a.json).write_text(json.dumps(keep, indent=1) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
