#!/usr/bin/env python3
"""Golden tests: run tlslint on each case and compare with the expected output.

A case is a directory testdata/<server>/<case>/ holding:
  nginx.conf, apache2.conf (testdata/apache/), or the file named in 'entry': the config
               to lint
  args         optional: extra command-line arguments, one per line; a first line
               'simulate' runs 'tlslint simulate' instead of lint
  modes        optional: "MODE FILE" lines; FILE (in the case directory) gets
               MODE (octal) before each run, for key-permissions cases
  stdin        optional: fed to tlslint on standard input (use '-' in args)
  expected.txt     text report (--color never)
  expected.json    JSON report
  expected.status  exit status of the text run
  expected.md      optional: the --format markdown report, checked when the file exists
                   (create it empty, then --update fills it)

Every case runs from the repository root with
  --root testdata --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt
so certificate paths written as /pki/NAME read testdata/pki/NAME, validity
is evaluated at the test PKI's pinned instant, and the test root is the
only trust anchor (no case depends on the machine's CA store).

Whatever the expectations say, a case fails if its text or JSON output holds a
line of any private key under testdata/ (key material is never printed).

Git records only whether a file is executable: keys check out 0644 (or 0664,
or 0600, depending on the umask). Before each run every .key/.pem (and bundle .rsa/.ecdsa/.dsa) file of
testdata/pki holding a private key is set to 0600, so that key-permissions fires only
where a case asks for it with its 'modes' file.

With TLSLINT_WRAPPER set in the environment, tlslint runs under that command (split
as a shell would, without expansion): `make check` runs every run of every case
under valgrind so (the meson test setups 'valgrind' and 'valgrindtext',
testdata/meson.build). Exit
status 99 is the wrapper's (valgrind's --error-exitcode): the case fails and what the
wrapper wrote is printed, whatever the output. TLSLINT_WRAPPER_FORMATS, a comma-separated
list, names the formats whose runs are wrapped (default: all); the others run as
usual, and every output is still compared. A wrapped run may take ten minutes, not one.

  golden.py TLSLINT CASE_DIR      check one case (what meson runs)
  golden.py --update TLSLINT      rewrite the expectations of every case
  golden.py --list                print the case directories (for meson)
"""
import difflib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TEST_NOW = "2026-06-01T00:00:00Z"
CA_FILE = "testdata/pki/root.crt"
SERVERS = ("nginx", "apache", "haproxy")
# The entry file of a case without an 'entry' file, by the server directory it is under.
DEFAULT_ENTRY = {"nginx": "nginx.conf", "apache": "apache2.conf", "haproxy": "haproxy.cfg"}
# A command tlslint runs under (valgrind), the exit status that says it found an error, and
# the formats whose runs it wraps (None: all).
WRAPPER = shlex.split(os.environ.get("TLSLINT_WRAPPER", ""))
WRAPPER_FAILED = 99
WRAPPER_FORMATS = os.environ.get("TLSLINT_WRAPPER_FORMATS")
WRAPPER_FORMATS = WRAPPER_FORMATS.split(",") if WRAPPER_FORMATS else None


def cases():
    for server in SERVERS:
        base = os.path.join(HERE, server)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            d = os.path.join(base, name)
            inputs = (DEFAULT_ENTRY[server], "entry", "stdin")
            if os.path.isdir(d) and any(os.path.exists(os.path.join(d, f)) for f in inputs):
                yield os.path.relpath(d, REPO)


def command(tlslint, case, fmt):
    path = os.path.join(REPO, case)
    entry = DEFAULT_ENTRY[os.path.basename(os.path.dirname(path))]
    extra = []
    if os.path.exists(os.path.join(path, "entry")):
        entry = open(os.path.join(path, "entry")).read().strip()
    if os.path.exists(os.path.join(path, "args")):
        extra = [a for a in open(os.path.join(path, "args")).read().splitlines() if a]
    # A case whose args begin with "simulate" runs that subcommand (issue 13).
    sub = [extra.pop(0)] if extra[:1] == ["simulate"] else []
    argv = [tlslint] + sub + ["--root", "testdata", "--now", TEST_NOW, "--ca-file", CA_FILE,
                              "--color", "never", "--format", fmt] + extra
    if "-" not in extra:
        argv.append(os.path.join(case, entry))
    stdin = None
    if os.path.exists(os.path.join(path, "stdin")):
        stdin = open(os.path.join(path, "stdin"), "rb").read()
    return argv, stdin


def fix_modes(case):
    """Private keys 0600, then the modes the case asks for (git does not keep them)."""
    for d, _, names in os.walk(os.path.join(HERE, "pki")):
        for name in names:
            if not name.endswith((".key", ".pem", ".rsa", ".ecdsa", ".dsa")):
                continue
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                if b"PRIVATE KEY-----" in f.read():
                    os.chmod(path, 0o600)
    modes = os.path.join(REPO, case, "modes")
    if os.path.exists(modes):
        for line in open(modes).read().splitlines():
            if line.strip():
                mode, name = line.split(None, 1)
                os.chmod(os.path.join(REPO, case, name), int(mode, 8))


class WrapperFailed(Exception):
    pass


def run(tlslint, case, fmt):
    fix_modes(case)
    argv, stdin = command(tlslint, case, fmt)
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    # Text wraps at COLUMNS when it is set: the expectations are of output with no width known.
    env.pop("COLUMNS", None)
    wrapper = WRAPPER if WRAPPER_FORMATS is None or fmt in WRAPPER_FORMATS else []
    p = subprocess.run(wrapper + argv, input=stdin, cwd=REPO, capture_output=True, env=env,
                       timeout=600 if wrapper else 60)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode(errors="replace"))
    if wrapper and p.returncode == WRAPPER_FAILED:
        raise WrapperFailed(f"{case}: {WRAPPER[0]} reported errors in the {fmt} run "
                            f"(exit {WRAPPER_FAILED}, its report above)")
    return p.returncode, p.stdout.decode(errors="replace")


def key_lines():
    """The base64 lines of every private key in the test PKI and the cases: no output may hold one."""
    lines = set()
    for d, _, files in os.walk(HERE):
        for name in files:
            try:
                data = open(os.path.join(d, name), "rb").read().decode(errors="replace")
            except OSError:
                continue
            inside = False
            for line in data.splitlines():
                if line.startswith("-----BEGIN") and "PRIVATE KEY" in line:
                    inside = True
                elif line.startswith("-----END"):
                    inside = False
                elif inside and len(line) >= 16 and ":" not in line:
                    lines.add(line.strip())
    return lines


def leaked(outputs):
    keys = key_lines()
    return sorted({k for k in keys for out in outputs if k in out})


def check(tlslint, case):
    ok = True
    status, text = run(tlslint, case, "text")
    _, js = run(tlslint, case, "json")
    outputs = [("expected.txt", text), ("expected.json", js), ("expected.status", f"{status}\n")]
    if os.path.exists(os.path.join(REPO, case, "expected.md")):
        outputs.append(("expected.md", run(tlslint, case, "markdown")[1]))
    for line in leaked([got for _, got in outputs]):
        ok = False
        print(f"{case}: the output quotes private key material: {line[:20]}...")
    for name, got in outputs:
        want = open(os.path.join(REPO, case, name)).read()
        if got != want:
            ok = False
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True),
                f"{case}/{name} (expected)", f"{case}/{name} (got)"))
    return ok


def update(tlslint):
    for case in cases():
        status, text = run(tlslint, case, "text")
        _, js = run(tlslint, case, "json")
        outputs = [("expected.txt", text), ("expected.json", js),
                   ("expected.status", f"{status}\n")]
        if os.path.exists(os.path.join(REPO, case, "expected.md")):
            outputs.append(("expected.md", run(tlslint, case, "markdown")[1]))
        for name, got in outputs:
            with open(os.path.join(REPO, case, name), "w") as f:
                f.write(got)
        print(f"updated {case} (exit {status})")


def main(argv):
    if argv[1:] == ["--list"]:
        for case in cases():
            print(case)
        return 0
    if len(argv) == 3 and argv[1] == "--update":
        update(os.path.abspath(argv[2]))
        return 0
    if len(argv) == 3:
        try:
            return 0 if check(os.path.abspath(argv[1]), argv[2]) else 1
        except WrapperFailed as e:
            print(e)
            return 1
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
