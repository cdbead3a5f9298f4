#!/usr/bin/env python3
"""haproxy-refusals.py - every line tlslint says HAProxy refuses is a line the real HAProxy
refuses, and the other way round, for the golden HAProxy cases.

    haproxy-refusals.py TLSLINT testdata/haproxy/CASE...

`haproxy -c` reports every error of a stage as an [ALERT] that names the file and line
(`parsing [FILE:LINE]`, `at [FILE:LINE]`, `[FILE:LINE] : 'server …'`), but a parse error hides
the checks of later stages (the SSL contexts): the alerted lines are commented out and it runs
again until it passes. An alert on a bind line about a value set in the global section (a
curve list, a cipher string) is paired with tlslint's finding at that global line by the
quoted value both give. An alert that names a crt-list line inside the bind line's
(`'crt-list' : parsing [sites.list:1]: unknown ssl keyword x`) names that line.  The case
is copied as haproxy_lib.sh copies it (/pki/ and /haproxy/CASE/ pointed at the files, ports
made free) and run with its --env values.  The set of FILE:LINE of the alerts must equal the
set of lines where tlslint, run as the golden test runs it with --target set to the installed
HAProxy, reports parse-error, directive-invalid or directive-unsupported, or says the server
refuses to start.  Exit 0 when they agree, 1 otherwise, 77 (skip) without haproxy.
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

HAPROXY = os.environ.get("HAPROXY", "/usr/sbin/haproxy")
CHECKS = ("parse-error", "directive-invalid", "directive-unsupported")
ALERT = re.compile(r"\[ALERT\].*?\[([^\]\s]+):(\d+)\]\s*[.:]?\s*(.*)$", re.M)
INNER = re.compile(r"parsing \[([^\]\s]+):(\d+)\]")
PEM_FINDING = "in a config file, from this line on"


def haproxy_version():
    p = subprocess.run([HAPROXY, "-v"], capture_output=True, text=True)
    return re.search(r"HAProxy version ([0-9]+\.[0-9]+)", p.stdout).group(1)


def case_env(case):
    """The case's --env NAME=VALUE values, /pki/ pointed at the test PKI."""
    env = dict(os.environ)
    args = os.path.join(case, "args")
    if os.path.exists(args):
        words = open(args).read().split("\n")
        for prev, word in zip(words, words[1:]):
            if prev == "--env" and "=" in word:
                name, value = word.split("=", 1)
                env[name] = value.replace("/pki/", os.path.join(REPO, "testdata", "pki") + "/")
    return env


def prepare(case):
    tmp = tempfile.mkdtemp(prefix="tlslint-haproxy-refusals-")
    shutil.copytree(case, tmp, symlinks=True, dirs_exist_ok=True)
    pki = os.path.join(REPO, "testdata", "pki")
    own = "/haproxy/%s/" % os.path.basename(case)
    for d, _, files in os.walk(tmp):
        for f in files:
            p = os.path.join(d, f)
            if f.endswith((".cfg", ".list")) and not os.path.islink(p):
                text = open(p, encoding="latin-1").read().replace(own, tmp + "/")
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


def haproxy_refusals(case):
    """Every FILE:LINE haproxy -c alerts on, learnt by commenting the alerted lines out and
    running it again (a parse error hides the checks of later stages)."""
    d = prepare(case)
    refused = {}
    rc = 0
    try:
        for _ in range(10):
            p = subprocess.run([HAPROXY, "-c", "-f", os.path.join(d, "haproxy.cfg")], cwd=d,
                               env=case_env(case), capture_output=True, text=True, timeout=30,
                               stdin=subprocess.DEVNULL)
            if not refused:
                rc = p.returncode
                # A config without a listener (an empty file) has no error: it just serves nothing.
                if rc == 2 and "will not start (no listener)" in p.stdout + p.stderr:
                    rc = 0
            new = {}
            for m in ALERT.finditer(p.stdout + p.stderr):
                key = (os.path.basename(m.group(1)), int(m.group(2)))
                # A crt-list line HAProxy could not parse: it names that line inside the bind
                # line's alert ("'crt-list' : parsing [sites.list:1]: unknown ssl keyword x").
                inner = INNER.search(m.group(3))
                if inner:
                    key = (os.path.basename(inner.group(1)), int(inner.group(2)))
                if key not in refused:
                    new.setdefault(key, m.group(3))
            if p.returncode == 0 or not new:
                break
            refused.update(new)
            for (name, line) in new:
                path = os.path.join(d, name)
                if os.path.exists(path):
                    lines = open(path, encoding="latin-1").read().split("\n")
                    if name.endswith(".cfg"):
                        lines[line - 1] = "#" + lines[line - 1]
                    else:
                        # A crt-list line: its options go, its certificate stays (else the
                        # bind line would be refused for having none).
                        lines[line - 1] = re.sub(r"\[[^\]]*\]?", "", lines[line - 1])
                    open(path, "w", encoding="latin-1").write("\n".join(lines))
    finally:
        shutil.rmtree(d)
    return refused, rc


def tlslint_refusals(tlslint, case):
    """file:line of tlslint's refusal findings, run exactly as the golden test runs the case."""
    argv, stdin = golden.command(tlslint, case, "json")
    argv[1:1] = ["--target", "haproxy=" + haproxy_version()]
    p = subprocess.run(argv, input=stdin, cwd=REPO, capture_output=True, timeout=60)
    found = {}
    for f in json.loads(p.stdout)["findings"]:
        # One of tlslint's own limits (it says so) claims nothing of the server.
        if "tlslint's limit" in f["message"]:
            continue
        if f.get("file") and (f["check"] in CHECKS and f["severity"] == "error" or
                              "refuses to start" in f["message"]):
            found[(os.path.basename(f["file"]), f["line"])] = "%s [%s]" % (f["message"],
                                                                         f["check"])
    return found


def check(tlslint, case):
    refused, rc = haproxy_refusals(os.path.join(REPO, case))
    found = tlslint_refusals(tlslint, case)
    ok = True
    if (rc != 0) != bool(refused):
        ok = False
        print("FAIL: %s: haproxy -c exit %d with %d alerts naming a line" % (case, rc,
                                                                             len(refused)))
    # A setting inherited from the global section: HAProxy names the bind line that uses it,
    # tlslint the line to change; the quoted value they both give pairs them.
    for key in sorted(set(refused) - set(found)):
        for other in sorted(set(found) - set(refused)):
            values = re.findall(r"'([^']{3,})'", refused[key])
            if any(v in found[other] for v in values):
                print("ok: %s/%s:%d (set at %s:%d): haproxy: %s; tlslint: %s" % (
                    case, key[0], key[1], other[0], other[1], refused[key], found[other]))
                found[key] = found.pop(other)
                break
    # A PEM block read as config: tlslint reports its first line and reads no further, HAProxy
    # refuses every line of it (not printed here: they are key material).
    for pem in [k for k in found if PEM_FINDING in found[k]]:
        block = [k for k in set(refused) - set(found) if k[0] == pem[0] and k[1] > pem[1]]
        if block:
            print("ok: %s/%s:%d-%d: haproxy refuses the %d further lines of the PEM block that "
                  "tlslint reports at line %d" % (case, pem[0], pem[1] + 1, max(block)[1],
                                                  len(block), pem[1]))
        for k in block:
            del refused[k]
    for key in sorted(set(refused) | set(found)):
        where = "%s/%s:%d" % (case, key[0], key[1])
        if key in refused and key in found:
            print("ok: %s: haproxy: %s; tlslint: %s" % (where, refused[key], found[key]))
        elif key in refused:
            ok = False
            print("FAIL: %s: haproxy refuses it (%s), tlslint says nothing" % (where,
                                                                               refused[key]))
        else:
            ok = False
            print("FAIL: %s: tlslint says %s, haproxy accepts the line" % (where, found[key]))
    return ok, len(refused), len(found)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    if not os.access(HAPROXY, os.X_OK):
        print("SKIP: no haproxy at %s ('make check' installs it)" % HAPROXY)
        return 77
    tlslint = os.path.abspath(argv[1])
    failed = refused = found = 0
    for case in argv[2:]:
        ok, r, f = check(tlslint, case.rstrip("/"))
        failed += not ok
        refused += r
        found += f
    print("%d cases, %d lines refused by haproxy, %d reported by tlslint, %d cases disagree" % (
        len(argv) - 2, refused, found, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
