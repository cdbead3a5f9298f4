#!/usr/bin/env python3
"""refusals.py - every line tlslint says nginx refuses is a line the real nginx refuses, and
the other way round, for golden cases.

    refusals.py TLSLINT testdata/nginx/CASE...

`nginx -t` stops at its first [emerg], so a golden case's `nginx-t` file can only pin one
message.  tlslint runs with the case's args and --target set to the installed nginx's version.  This test learns every line nginx refuses: it copies the case (certificate paths
pointed at the test PKI, ports made free, as lib.sh does), runs `nginx -t`, comments the refused
line out and runs it again until nginx accepts the config.  The set of refused file:line must
equal the set of lines where tlslint (with the case's args) reports parse-error,
directive-invalid or directive-unsupported.

When nginx stops at an error that names no line (a certificate it cannot load, which other
checks report), or only the '}' that ends http{} or stream{} (refusals made while merging), the lines after it cannot be learnt: tlslint's findings there are listed as
unverified, not failed.  Exit 0 when everything learnt agrees, 1 otherwise, 77 (skip) without
nginx.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import free_ports  # noqa: E402
import golden  # noqa: E402

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
CHECKS = ("parse-error", "include-missing", "directive-invalid", "directive-unsupported")
# Directives of other modules (Lua, njs, …) that Debian's nginx lacks are not tlslint's to judge.
# What nginx says once a server lost a line the test commented out, not about the config itself.
ARTIFACT = re.compile(r'no "listen" is defined|duplicate .* address and port pair')
TLS_NAMESPACE = re.compile(r'unknown directive "(?!(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_)')
PEM_FINDING = "in a config file, from this line on"
EMERG = re.compile(r"\[emerg\] (.*?)(?: in (\S+):(\d+))?\s*$", re.M)


def nginx_version():
    p = subprocess.run([NGINX, "-v"], capture_output=True, text=True)
    return re.search(r"nginx/([0-9.]+)", p.stderr).group(1)


def prepare(case):
    tmp = tempfile.mkdtemp(prefix="tlslint-refusals-")
    shutil.copytree(case, tmp, symlinks=True, dirs_exist_ok=True)
    pki = os.path.join(REPO, "testdata", "pki")
    for d, _, files in os.walk(tmp):
        for f in files:
            p = os.path.join(d, f)
            if f.endswith(".conf") and not os.path.islink(p):
                text = open(p, encoding="latin-1").read()
                text = re.sub(r"(^|[\s\"'])/pki/", r"\1" + pki + "/", text, flags=re.M)
                open(p, "w", encoding="latin-1").write(text)
    with open(os.devnull, "w") as null:
        old = sys.stdout
        sys.stdout = null
        try:
            free_ports.rewrite(tmp)
        finally:
            sys.stdout = old
    return tmp


def block_end(lines, line):
    """The last line of the block that opens at LINE (LINE itself for a one-line directive)."""
    if not lines[line - 1].rstrip().endswith("{"):
        return line
    depth = 0
    for i in range(line - 1, len(lines)):
        text = lines[i].split("#", 1)[0]
        depth += text.count("{") - text.count("}")
        if depth <= 0:
            return i + 1
    return len(lines)


def nginx_refusals(d, skipped):
    refused = {}
    conf = os.path.join(d, "nginx.conf")
    for _ in range(50):
        p = subprocess.run([NGINX, "-t", "-q", "-p", d + "/", "-c", conf, "-e",
                            os.path.join(d, "error.log"), "-g",
                            "pid %s/nginx.pid; error_log %s/error.log;" % (d, d)],
                           capture_output=True, text=True, timeout=30,
                           stdin=subprocess.DEVNULL, start_new_session=True)
        if p.returncode == 0:
            return refused, None
        if p.returncode < 0:
            # nginx has no include-cycle check: it recurses until the stack overflows.
            return refused, "STOP nginx -t was killed by signal %d" % -p.returncode
        m = None
        for m in EMERG.finditer(p.stdout + p.stderr):
            pass
        if m is None:
            return refused, "nginx -t failed without an [emerg] line: " + p.stderr
        if m.group(2) is None:
            return refused, "STOP " + m.group(1)
        path, line = m.group(2), int(m.group(3))
        rel = os.path.relpath(path, d)
        if (rel, line) in refused or (rel, line) in skipped:
            return refused, "nginx refused %s:%d again after it was commented out" % (rel, line)
        if (refused or skipped) and ARTIFACT.search(m.group(1)):
            return refused, "STOP %s (after lines were commented out)" % m.group(1)
        lines = open(path, encoding="latin-1").read().split("\n")
        text = lines[line - 1].rstrip()
        if text.strip() == "}":
            # Merge-time refusals name the end of the http/stream block, not the directive:
            # as good as no line (paired with tlslint's finding by the file they quote).
            return refused, "STOP " + m.group(1)
        if TLS_NAMESPACE.search(m.group(1)):
            skipped[(rel, line)] = m.group(1)
        else:
            refused[(rel, line)] = (m.group(1), block_end(lines, line))
        # A block, or a listen (whose removal changes what the server is), ends the learning.
        if not text.endswith(";") or text.lstrip().startswith("listen"):
            return refused, "STOP %s (%s:%d)" % (m.group(1), rel, line)
        lines[line - 1] = "#" + lines[line - 1]
        open(path, "w", encoding="latin-1").write("\n".join(lines))
    return refused, "more than 50 refusals"


def tlslint_refusals(tlslint, case):
    """file:line of tlslint's refusal findings, run exactly as the golden test runs the case."""
    argv, stdin = golden.command(tlslint, case, "json")
    if argv[1] == "simulate":
        # A 'tlslint simulate' golden reports no findings; its configs start (simulate-diff.sh
        # starts each one), so nginx refuses nothing there to be a finding.
        return {}
    # Judged against the nginx that is installed, whatever version the case targets.
    argv[1:1] = ["--target", "nginx=" + nginx_version()]
    p = subprocess.run(argv, input=stdin, cwd=REPO, capture_output=True, timeout=60)
    found = {}
    for f in json.loads(p.stdout)["findings"]:
        # One of tlslint's own limits (it says so) claims nothing of the server.
        if "tlslint's limit" in f["message"]:
            continue
        if f["check"] in CHECKS or "refuses to start" in f["message"]:
            found[(os.path.relpath(os.path.join(REPO, f["file"]), os.path.join(REPO, case)),
                   f["line"])] = "%s [%s]" % (f["message"], f["check"])
    return found


def names_same_cause(nginx_msg, tlslint_msg):
    """True when an [emerg] without a line and a tlslint finding are about the same thing."""
    if nginx_msg in tlslint_msg:
        return True  # nginx's own words ("no ssl_client_certificate for ssl_verify_client")
    for path in re.findall(r'"([^"]+)"', nginx_msg):
        if "/" in path and os.path.basename(path) in tlslint_msg:
            return True
        # A value nginx could not set (a curve list, a cipher string), quoted by both.
        if "/" not in path and len(path) >= 3 and "'%s'" % path in tlslint_msg:
            return True
    return any(r in tlslint_msg for r in re.findall(r"::([a-z][a-z ]+[a-z])", nginx_msg))


def check(tlslint, case):
    d = prepare(os.path.join(REPO, case))
    skipped = {}
    try:
        refused, problem = nginx_refusals(d, skipped)
    finally:
        shutil.rmtree(d)
    found = tlslint_refusals(tlslint, case)
    stopped = problem is not None and problem.startswith("STOP ")
    ok = problem is None or stopped
    if problem and not stopped:
        print("FAIL: %s: %s" % (case, problem))
    matched = set()
    for (rel, line), (msg, last) in sorted(refused.items()):
        # A refusal of a block is met by a finding anywhere in the block.
        hits = [k for k in found if k[0] == rel and line <= k[1] <= last]
        # A PEM block read as config: tlslint reports its first line and reads no further;
        # nginx stops later in it (at the end of the file, the block being one directive).
        hits = hits or [k for k in found if PEM_FINDING in found[k] and k[1] <= line and
                        os.path.basename(k[0]) == os.path.basename(rel)]
        where = "%s/%s:%d" % (case, rel, line)
        if hits:
            matched.update(hits)
            print("ok: %s: nginx: %s; tlslint: %s" % (where, msg, found[hits[0]]))
        else:
            ok = False
            print("FAIL: %s: nginx refuses it (%s), tlslint says nothing" % (where, msg))
    for key in sorted(set(found) - matched):
        where = "%s/%s:%d" % (case, key[0], key[1])
        if stopped and names_same_cause(problem[5:], found[key]):
            # A load-time refusal names no line; it names the file or OpenSSL's reason.
            print("ok: %s: nginx: %s; tlslint: %s" % (where, problem[5:], found[key]))
        elif key in skipped:
            print("ok: %s: nginx: %s; tlslint: %s" % (where, skipped[key], found[key]))
        elif stopped:
            print("unverified: %s: tlslint says %s; nginx stopped first: %s" % (
                where, found[key], problem[5:]))
        else:
            ok = False
            print("FAIL: %s: tlslint says %s, nginx accepts the line" % (where, found[key]))
    return ok, len(refused), len(found)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    if not os.access(NGINX, os.X_OK):
        print("SKIP: no nginx at %s ('make check' installs it)" % NGINX)
        return 77
    tlslint = os.path.abspath(argv[1])
    failed = refused = found = 0
    for case in argv[2:]:
        ok, r, f = check(tlslint, case.rstrip("/"))
        failed += not ok
        refused += r
        found += f
    print("%d cases, %d lines refused by nginx, %d reported by tlslint, %d cases disagree" % (
        len(argv) - 2, refused, found, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
