#!/usr/bin/env python3
"""secrets.py - no private key reaches any output, in any format, with timings on.

    secrets.py TLSLINT     (run from the repository root)

The golden tests check the text and JSON reports of every case for the lines of every private
key under testdata/. This runs the inputs where a key is most likely to leak through all five
formats and --write-baseline, with TLSLINT_TIMINGS set (the only debug output tlslint has), and
checks standard output, standard error and the files written:
  - a key file given as the config itself, for each server's reader;
  - keys pasted into or included as configs (the pem-key-* golden cases);
  - a key named where a certificate or a chain is expected, and a certificate file holding
    a key after junk (key-junk-then-key), which make certificate-parsing findings.
Exit 0 when no key line appears, 1 otherwise.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import golden  # noqa: E402

FORMATS = ("text", "json", "sarif", "gcc", "markdown")
BASE = ["--root", "testdata", "--now", golden.TEST_NOW, "--ca-file", golden.CA_FILE,
        "--color", "never"]


# A key named as the certificate, the chain and the CA file, in each reader that loads them.
KEY_AS_CERT = {
    "nginx.conf": "events {}\nhttp {\n    server {\n        listen 443 ssl;\n"
                  "        server_name www.example.test;\n"
                  "        ssl_certificate /pki/www.key;\n"
                  "        ssl_certificate_key /pki/www.key;\n"
                  "        ssl_trusted_certificate /pki/www.key;\n"
                  "        ssl_client_certificate /pki/www.key;\n    }\n}\n",
    "apache2.conf": "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\nListen 443\n"
                    "<VirtualHost *:443>\n    SSLEngine on\n"
                    "    SSLCertificateFile /pki/www.key\n"
                    "    SSLCertificateChainFile /pki/www.key\n"
                    "    SSLCACertificateFile /pki/www.key\n</VirtualHost>\n",
}


def inputs(tmp):
    """(name, config path) of each run."""
    key = os.path.join(REPO, "testdata/pki/www.key")
    runs = []
    # The key itself as each server's config, then named as certificates; each in a directory
    # of its own, so that the entry is named as its server's reader expects.
    for entry, server in (("nginx.conf", "nginx"), ("apache2.conf", "apache"),
                          ("haproxy.cfg", "haproxy")):
        for what in ("key", "cert"):
            if what == "cert" and entry not in KEY_AS_CERT:
                continue
            path = os.path.join(tmp, what + "-" + server, entry)
            os.mkdir(os.path.dirname(path))
            if what == "key":
                shutil.copy(key, path)
                runs.append(("key as %s config" % server, path))
            else:
                open(path, "w").write(KEY_AS_CERT[entry])
                runs.append(("key named as certificates (%s)" % server, path))
    for case in ("nginx/pem-key-included", "nginx/pem-key-appended",
                 "apache/pem-key-included", "haproxy/pem-key-appended", "nginx/key-junk-then-key",
                 "nginx/cert-unparsable"):
        entry = golden.DEFAULT_ENTRY[case.split("/")[0]]
        runs.append((case, os.path.join("testdata", case, entry)))
    return runs


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    tlslint = os.path.abspath(argv[1])
    keys = golden.key_lines()
    env = dict(os.environ, TLSLINT_TIMINGS="1")
    fails = 0
    tmp = tempfile.mkdtemp(prefix="tlslint-secrets-")
    try:
        golden.fix_modes("testdata/nginx/key-ok")
        for name, path in inputs(tmp):
            for fmt in FORMATS + ("baseline",):
                written = os.path.join(tmp, "written")
                args = ["--write-baseline", written] if fmt == "baseline" else ["--format", fmt]
                p = subprocess.run([tlslint] + BASE + args + [path], cwd=REPO, env=env,
                                   capture_output=True, timeout=60)
                texts = [p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")]
                if os.path.exists(written):
                    texts.append(open(written, errors="replace").read())
                    os.remove(written)
                if p.returncode not in (0, 1):
                    fails += 1
                    print("FAIL: %s (%s): exit %d: %s" % (name, fmt, p.returncode, texts[1][:500]))
                if not texts[0].strip() and fmt != "baseline":
                    fails += 1
                    print("FAIL: %s (%s): no report" % (name, fmt))
                found = sorted({k for k in keys for t in texts if k in t})
                if found:
                    fails += 1
                    print("FAIL: %s (%s): %d lines of a private key in the output" % (
                        name, fmt, len(found)))
            print("ok: %s: no key line in %s or a baseline" % (name, ", ".join(FORMATS)))
    finally:
        shutil.rmtree(tmp)
    print("%d failed" % fails)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
