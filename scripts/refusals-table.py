#!/usr/bin/env python3
"""refusals-table.py - docs/refusals.md from the golden cases: every start-up refusal a golden
case declares for the real server (first line 'fail' of its nginx-t, apache2-t or haproxy-c, the
message on the second) and httpd's start-time refusals (testdata/realserver/apache-refusals.sh),
with the checks of the case's error findings.

    refusals-table.py          rewrite docs/refusals.md
    refusals-table.py --check  fail when docs/refusals.md is not what this would write
"""
import glob
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DECL = {"nginx": ("nginx-t", "nginx -t"), "apache": ("apache2-t", "apache2 -t"),
        "haproxy": ("haproxy-c", "haproxy -c")}
# Refusals that are not tlslint's to report, and why.
NOT_TLS = {
    "testdata/nginx/lua-block": "not a TLS directive: third-party modules are not judged",
    "testdata/nginx/stream-ssl-1.27": "the case targets nginx 1.27, which has stream "
    "server_name (1.25.5); with --target nginx=1.22 it is directive-unsupported",
    "testdata/nginx/stream-ocsp-no-ca-1.27": "the case targets the stable nginx, whose stream "
    "has ssl_ocsp (1.27.2); with --target nginx=1.22 it is directive-unsupported",
}
HEAD = """# Start-up refusals and the checks that report them

Every TLS-related reason nginx, httpd and HAProxy refuse a configuration for that a golden
case shows against the real server (Debian 12: nginx 1.22.1, httpd 2.4.71, HAProxy 2.6.12),
the message the server prints, and the checks of the case's findings that are errors or say
the server refuses to start. The rows are the
declarations of the golden cases (`nginx-t`, `apache2-t`, `haproxy-c`: first line `fail`,
second the message) and the start-time table of `testdata/realserver/apache-refusals.sh`. The
oracles `testdata/realserver/refusals.py` (nginx) and `haproxy-refusals.py` learn every
refused line of every golden case and require tlslint to report exactly those;
`apache-refusals.sh` starts every case `apache2 -t` accepts and requires "refuses to start"
exactly where httpd does not start. Written by `scripts/refusals-table.py` (a style test
checks it is current).

| server | where | the server says | checks | golden case |
|---|---|---|---|---|
"""


def checks_of(case):
    if case in NOT_TLS:
        return "— (%s)" % NOT_TLS[case]
    j = json.load(open(os.path.join(REPO, case, "expected.json")))
    ids = sorted({f["check"] for f in j["findings"]
                  if f["severity"] == "error" or "refuses to start" in f["message"]})
    return ", ".join("`%s`" % c for c in ids)


def rows():
    for server, (decl, tool) in DECL.items():
        for d in sorted(glob.glob(os.path.join(REPO, "testdata", server, "*", decl))):
            lines = open(d).read().split("\n")
            if lines[0] == "fail" and len(lines) > 1 and lines[1]:
                case = os.path.relpath(os.path.dirname(d), REPO)
                yield server, tool, lines[1], checks_of(case), case
    script = open(os.path.join(REPO, "testdata/realserver/apache-refusals.sh")).read()
    table = script.split("declare -A refusal=(", 1)[1].split(")\n", 1)[0]
    for m in re.finditer(r'\[([a-z0-9.-]+)\]="((?:[^"\\]|\\.)*)"', table):
        case = "testdata/apache/" + m.group(1)
        yield "apache", "httpd start", m.group(2).replace('\\"', '"'), checks_of(case), case


def render():
    out = HEAD
    for server, where, msg, checks, case in rows():
        out += "| %s | %s | `%s` | %s | `%s` |\n" % (server, where, msg.replace("|", "\\|"),
                                                    checks, case)
    return out


def main(argv):
    path = os.path.join(REPO, "docs", "refusals.md")
    text = render()
    if argv[1:] == ["--check"]:
        if open(path).read() != text:
            print("docs/refusals.md is out of date: run scripts/refusals-table.py")
            return 1
        return 0
    open(path, "w").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
