#!/usr/bin/env python3
"""nginx-tests-corpus.py - lint every config of nginx's own test suite and compare tlslint's
syntax and directive findings with what the real `nginx -t` says about the same text.

    python3 scripts/nginx-tests-corpus.py [--target nginx=1.22] [--keep DIR] [--verbose]
                                          TLSLINT NGINX_TESTS_DIR

NGINX_TESTS_DIR is a checkout of https://github.com/nginx/nginx-tests (read, never copied into
this repository).  Each `$t->write_file_expand('nginx.conf', <<'EOF') ... EOF` of each *.t file
is one case; the other files the same test writes with write_file_expand/write_file (included
configs) are written beside it.  Placeholders are expanded as Test::Nginx does (%%TEST_GLOBALS%%
gets the load_module lines Debian's nginx needs, %%TESTDIR%% the case directory, %%PORT_N%% the
port N).  Every file a TLS directive names that the test would have generated at run time
(certificates, keys, DH parameters, CRLs, ticket keys, password files) is created, so that
`nginx -t` gets past loading them and says what it thinks of the directives themselves.

`nginx -t` stops at its first [emerg].  To learn every line it refuses, the script comments
out the refused line (when it is a one-line directive) and runs it again, up to 30 times; it
stops at a complaint that the edit itself caused (a server left without listen, or two servers
on one address once their names were commented out).

For each case, every tlslint finding of parse-error, directive-invalid or directive-unsupported
is compared with nginx's refusals:
  agree    nginx refuses the same file:line
  false    nginx accepts that line (a false finding: tlslint must not say the server refuses)
  unknown  nginx could not be brought past an earlier error (e.g. a module Debian lacks)
and nginx's refusals of TLS directives (ssl_*, proxy_ssl_*, listen) that tlslint does not
report are listed as "missed".

The default target is tlslint's own (the newest stable nginx); Debian 12's nginx is 1.22, so
only with --target nginx=1.22 are the two expected to agree line for line.  Exit status: 0 if
there was no false finding, 1 otherwise, 2 on usage errors.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HEREDOC = re.compile(
    r"""->write_file(?:_expand)?\(\s*'([^']+)'\s*,\s*<<\s*(['"]?)(\w+)\2\s*\)[^\n]*\n(.*?)\n\3\n""",
    re.S)
SYNTAX_CHECKS = ("parse-error", "directive-invalid", "directive-unsupported")
# Directives naming a file that the tests generate while they run, and what to put there.
FILE_DIRECTIVES = {
    "ssl_certificate": "cert", "ssl_certificate_key": "key",
    "ssl_trusted_certificate": "cert", "ssl_client_certificate": "cert",
    "ssl_crl": "crl", "ssl_dhparam": "dh", "ssl_password_file": "password",
    "ssl_session_ticket_key": "ticket", "ssl_stapling_file": None,
    "proxy_ssl_certificate": "cert", "proxy_ssl_certificate_key": "key",
    "proxy_ssl_trusted_certificate": "cert", "proxy_ssl_crl": "crl",
    "proxy_ssl_password_file": "password",
    "grpc_ssl_certificate": "cert", "grpc_ssl_certificate_key": "key",
    "grpc_ssl_trusted_certificate": "cert",
    "uwsgi_ssl_certificate": "cert", "uwsgi_ssl_certificate_key": "key",
    "uwsgi_ssl_trusted_certificate": "cert",
}
EMERG = re.compile(r'\[emerg\] (.*?) in (\S+):(\d+)\s*$', re.M)
MODULES = "/usr/lib/nginx/modules"
ARTIFACT = re.compile(r'no "listen" is defined|duplicate .* address and port pair')


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("tlslint")
    p.add_argument("tests_dir")
    p.add_argument("--target", action="append", default=[])
    p.add_argument("--nginx", default="/usr/sbin/nginx")
    p.add_argument("--keep", metavar="DIR", help="write the cases into DIR and keep them")
    p.add_argument("--verbose", action="store_true")
    return p.parse_args(argv)


def make_pki(d):
    """One CA certificate, key, CRL, DH parameters: the stand-ins for what tests generate."""
    d.mkdir(parents=True, exist_ok=True)
    conf = d / "ca.cnf"
    conf.write_text("[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=corpus\n"
                    "[ca]\ndefault_ca=ca_default\n[ca_default]\ndatabase=" + str(d / "index") +
                    "\ndefault_md=sha256\ndefault_crl_days=3650\n")
    (d / "index").write_text("")
    run = lambda *a: subprocess.run(a, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
        "-config", str(conf), "-keyout", str(d / "key"), "-out", str(d / "cert"))
    run("openssl", "ca", "-gencrl", "-config", str(conf), "-keyfile", str(d / "key"),
        "-cert", str(d / "cert"), "-out", str(d / "crl"))
    run("openssl", "dhparam", "-dsaparam", "-out", str(d / "dh"), "2048")
    (d / "ticket").write_bytes(os.urandom(80))
    (d / "password").write_text("secret\n")


def expand(text, case_dir):
    globals_ = ""
    if re.search(r"^\s*stream\s*\{", text, re.M) and os.path.exists(MODULES + "/ngx_stream_module.so"):
        globals_ += "load_module %s/ngx_stream_module.so;\n" % MODULES
    text = text.replace("%%TEST_GLOBALS%%", globals_)
    text = text.replace("%%TEST_GLOBALS_HTTP%%", "").replace("%%TEST_GLOBALS_STREAM%%", "")
    text = text.replace("%%TESTDIR%%", str(case_dir))
    text = re.sub(r"%%PORT_(\d+)(_UDP)?%%", lambda m: m.group(1), text)
    return text


def extract(t_file):
    """[(nginx.conf text, {other name: text})] for one test script."""
    src = t_file.read_text(errors="replace")
    confs, others = [], {}
    for m in HEREDOC.finditer(src):
        name, body = m.group(1), m.group(4)
        if name == "nginx.conf":
            confs.append(body)
        elif "/" not in name and not name.endswith((".crt", ".key", ".pem")):
            others.setdefault(name, body)
    return [(c, others) for c in confs]


def create_named_files(case_dir, pki, text):
    for m in re.finditer(r"^\s*(\w+)\s+([^;\s]+)\s*;", text, re.M):
        kind = FILE_DIRECTIVES.get(m.group(1), "?")
        path = m.group(2).strip("'\"")
        if kind in ("?", None) or "$" in path or path.startswith("data:"):
            continue
        target = Path(path) if path.startswith("/") else case_dir / path
        if not str(target).startswith(str(case_dir)) or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(pki / kind, target)
        if kind == "key":
            os.chmod(target, 0o600)


def nginx_refusals(nginx, case_dir):
    """{(file, line): message} of every line nginx -t refuses, commenting refused lines out."""
    refused = {}
    conf = case_dir / "nginx.conf"
    for _ in range(30):
        p = subprocess.run([nginx, "-t", "-q", "-p", str(case_dir) + "/", "-c", str(conf),
                            "-e", str(case_dir / "error.log"),
                            "-g", "pid %s/nginx.pid; error_log %s/error.log;" % (case_dir, case_dir)],
                           capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
                           start_new_session=True)
        if p.returncode == 0:
            return refused, True
        m = None
        for m in EMERG.finditer(p.stdout + p.stderr):
            pass
        if m is None:
            return refused, False
        msg, fname, line = m.group(1), m.group(2), int(m.group(3))
        # Once lines are commented out, a server may lose its listen or its name: nginx's
        # complaint is then about the test's edit, not the config.
        if refused and ARTIFACT.search(msg):
            return refused, False
        key = (os.path.realpath(fname), line)
        if key in refused:
            return refused, False
        refused[key] = msg
        path = Path(fname)
        lines = path.read_text(errors="replace").split("\n")
        if line - 1 >= len(lines) or not lines[line - 1].rstrip().endswith(";"):
            return refused, False
        lines[line - 1] = "#" + lines[line - 1]
        path.write_text("\n".join(lines))
    return refused, False


def lint(tlslint, case_dir, targets):
    argv = [tlslint, "--format", "json", "--fail-on", "never", "--now", "2026-06-01T00:00:00Z"]
    for t in targets:
        argv += ["--target", t]
    argv.append(str(case_dir / "nginx.conf"))
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=case_dir)
    if p.returncode not in (0, 1):
        return None, p.stderr.strip()
    out = []
    for f in json.loads(p.stdout)["findings"]:
        if f["check"] in SYNTAX_CHECKS:
            path = f["file"] if os.path.isabs(f["file"]) else os.path.join(case_dir, f["file"])
            out.append((os.path.realpath(path), f["line"], f["check"], f["message"]))
    return out, None


def main(argv):
    a = parse_args(argv)
    tests = sorted(Path(a.tests_dir).glob("*.t"))
    if not tests:
        sys.stderr.write("no *.t files in %s\n" % a.tests_dir)
        return 2
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tlslint-corpus-"))
    pki = work / "pki"
    make_pki(pki)
    counts = dict(cases=0, nginx_ok=0, findings=0, agree=0, false=0, unknown=0, missed=0,
                  crashed=0)
    false_cases = set()
    for t in tests:
        for k, (text, others) in enumerate(extract(t)):
            case_dir = work / ("%s-%d" % (t.stem, k))
            case_dir.mkdir(parents=True, exist_ok=True)
            (case_dir / "nginx.conf").write_text(expand(text, case_dir))
            for name, body in others.items():
                (case_dir / name).write_text(expand(body, case_dir))
            for f in [case_dir / "nginx.conf"] + [case_dir / n for n in others]:
                create_named_files(case_dir, pki, f.read_text(errors="replace"))
            counts["cases"] += 1
            findings, err = lint(a.tlslint, case_dir, a.target)
            if findings is None:
                counts["crashed"] += 1
                print("%s: tlslint failed: %s" % (case_dir.name, err))
                continue
            refused, ok = nginx_refusals(a.nginx, case_dir)
            counts["nginx_ok"] += ok
            seen = set()
            for path, line, check, msg in findings:
                counts["findings"] += 1
                key = (path, line)
                seen.add(key)
                if key in refused:
                    verdict = "agree"
                elif ok:
                    verdict = "false"
                else:
                    verdict = "unknown"
                counts[verdict] += 1
                if verdict == "false":
                    false_cases.add(case_dir.name)
                if verdict != "agree" or a.verbose:
                    print("%s: %s:%d: %s [%s] (nginx: %s)" % (
                        verdict, case_dir.name, line, msg, check, refused.get(key, "accepted")))
            for (path, line), msg in sorted(refused.items()):
                if (path, line) in seen:
                    continue
                if re.search(r'"(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)\w*"|listen', msg):
                    counts["missed"] += 1
                    print("missed: %s:%d: nginx: %s" % (case_dir.name, line, msg))
            if not a.keep:
                shutil.rmtree(case_dir)
    if not a.keep:
        shutil.rmtree(work)
    print("targets %s: %d configs (%d pass nginx -t after refused lines are commented out "
          "or as written), %d tlslint findings of %s: %d agree with nginx -t, %d false "
          "(in %d configs), %d unknown; %d TLS refusals missed; tlslint failed on %d" % (
              a.target or ["default"], counts["cases"], counts["nginx_ok"], counts["findings"],
              "/".join(SYNTAX_CHECKS), counts["agree"], counts["false"], len(false_cases),
              counts["unknown"], counts["missed"], counts["crashed"]))
    return 1 if counts["false"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
