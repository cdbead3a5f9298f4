"""bench_pki.py - the benchmark's certificates: a root, two intermediates and N leaves.

Every leaf is a distinct X.509 certificate with its own P-256 key, issued by one of the two
intermediates (alternately), for '*.cK.bench.test' (K = its number), valid 2026-01-01 to
2028-12-31; the benchmark runs tlslint with --now 2026-06-01. Each leaf is written as
cert-K.pem (leaf, then its intermediate: what a server sends), key-K.pem, and for HAProxy
pem/site-K.pem (certificate, intermediate and key in one file).

The set is made with the openssl command line (one `openssl req` per leaf, one `openssl ca`
for all of them: `ca -startdate/-enddate` is how OpenSSL 3.0 sets fixed dates) and cached in a
directory named after N, so a second run of the benchmark does not make it again.
"""

import os
import shutil
import subprocess
from pathlib import Path

START, END = "20260101000000Z", "20261231000000Z"

CA_CONF = """[ ca ]
default_ca = bench
[ bench ]
dir = {dir}
database = {dir}/index.txt
new_certs_dir = {dir}/new
serial = {dir}/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = copy
email_in_dn = no
[ anything ]
commonName = supplied
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


def _run(args, cwd):
    r = subprocess.run(args, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(args[:3]), r.stderr.decode()[-400:]))


def _ca_dir(work, name):
    d = work / ("ca-" + name)
    (d / "new").mkdir(parents=True)
    (d / "index.txt").write_text("")
    (d / "serial").write_text("%02X\n" % (len(name) + 16))
    conf = d / "ca.cnf"
    conf.write_text(CA_CONF.format(dir=d))
    return d, conf


def _sign(work, conf, cacert, cakey, ext, csrs, outdir):
    """Signs the CSRS with CACERT in one `openssl ca` run; returns the certificates in order
    (with several -infiles, ca writes them all to stdout; -out would keep only the last)."""
    args = ["openssl", "ca", "-batch", "-config", str(conf), "-cert", str(cacert), "-keyfile",
            str(cakey), "-extensions", ext, "-startdate", START, "-enddate", END, "-notext",
            "-outdir", str(outdir), "-infiles"] + [str(c) for c in csrs]
    r = subprocess.run(args, cwd=work, stdin=subprocess.DEVNULL, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError("openssl ca failed: %s" % r.stderr.decode()[-400:])
    blocks = r.stdout.decode().split("-----END CERTIFICATE-----")
    certs = [b[b.index("-----BEGIN"):] + "-----END CERTIFICATE-----\n"
             for b in blocks if "-----BEGIN" in b]
    if len(certs) != len(csrs):
        raise RuntimeError("openssl ca signed %d of %d requests" % (len(certs), len(csrs)))
    return certs


def make(count, cache_root="/tmp"):
    """Returns the directory holding the set for COUNT leaves, making it if needed."""
    out = Path(cache_root) / ("tlslint-bench-pki-%d" % count)
    if (out / "done").exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    work = out / "work"
    work.mkdir(parents=True)
    (out / "pem").mkdir()
    _run(["openssl", "ecparam", "-name", "prime256v1", "-out", "ec.param"], work)
    # The root signs itself, then the two intermediates.
    _run(["openssl", "req", "-new", "-newkey", "ec:ec.param", "-nodes", "-keyout", "root.key",
          "-out", "root.csr", "-subj", "/CN=tlslint bench root"], work)
    root_dir, root_conf = _ca_dir(work, "root")
    _run(["openssl", "ca", "-batch", "-selfsign", "-config", str(root_conf), "-keyfile",
          "root.key", "-extensions", "v3_ca", "-startdate", START, "-enddate", END, "-notext",
          "-outdir", str(root_dir / "new"), "-out", "root.crt", "-infiles", "root.csr"], work)
    inters = []
    for n in (1, 2):
        _run(["openssl", "req", "-new", "-newkey", "ec:ec.param", "-nodes", "-keyout",
              "int%d.key" % n, "-out", "int%d.csr" % n, "-subj", "/CN=tlslint bench int %d" % n],
             work)
    ints = _sign(work, root_conf, work / "root.crt", work / "root.key", "v3_ca",
                 [work / "int1.csr", work / "int2.csr"], root_dir / "new")
    for n, pem in zip((1, 2), ints):
        (work / ("int%d.crt" % n)).write_text(pem)
        inters.append(pem)
    csrs = {1: [], 2: []}
    for k in range(count):
        _run(["openssl", "req", "-new", "-newkey", "ec:ec.param", "-nodes", "-keyout",
              str(out / ("key-%d.pem" % k)), "-out", "leaf-%d.csr" % k, "-subj",
              "/CN=c%d.bench.test" % k, "-addext",
              "subjectAltName=DNS:*.c%d.bench.test,DNS:c%d.bench.test" % (k, k)], work)
        csrs[1 + k % 2].append((k, work / ("leaf-%d.csr" % k)))
    for n in (1, 2):
        d, conf = _ca_dir(work, "int%d" % n)
        leaves = _sign(work, conf, work / ("int%d.crt" % n), work / ("int%d.key" % n), "v3_leaf",
                       [c for _, c in csrs[n]], d / "new")
        for (k, _), pem in zip(csrs[n], leaves):
            key = (out / ("key-%d.pem" % k)).read_text()
            (out / ("cert-%d.pem" % k)).write_text(pem + inters[n - 1])
            (out / "pem" / ("site-%d.pem" % k)).write_text(pem + inters[n - 1] + key)
            os.chmod(out / ("key-%d.pem" % k), 0o600)
            os.chmod(out / "pem" / ("site-%d.pem" % k), 0o600)
    shutil.copyfile(work / "root.crt", out / "root.crt")
    shutil.rmtree(work)
    (out / "done").write_text("%d\n" % count)
    return out
