#!/usr/bin/env python3
"""Generates src/profiles_data.c from Mozilla's server-side TLS guidelines.

    python3 scripts/gen-profiles.py [DATADIR] > src/profiles_data.c
    python3 scripts/gen-profiles.py --check [DATADIR]   # exit 1 if the committed file differs
    python3 scripts/gen-profiles.py --verify-history GUIDELINES_DIR [DATADIR]

DATADIR holds the guideline JSON files (<VERSION>.json as Mozilla publishes
them at https://ssl-config.mozilla.org/guidelines/) and defaults to
../shared/data/mozilla; every file there becomes a pinnable version. The
versions before the oldest file are the changes in guideline_history.py,
applied backwards. --verify-history compares that reconstruction with a
directory of the real files (src/static/guidelines of a checkout of
mozilla/ssl-config-generator), field by field.

Adding a guideline version: put its JSON in DATADIR, run this script, review
the diff. Every version ever generated stays in the output, so a verdict
pinned with --profile NAME@VERSION does not change when tlslint is upgraded.
The text goes through clang-format so the committed file passes the format
check. The output is committed, so building needs neither the JSON nor
Python.
"""
import copy
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from guideline_history import HISTORY  # noqa: E402

PROTO = {"SSLv3": "TL_PROTO_SSLv3", "TLSv1": "TL_PROTO_TLSv1", "TLSv1.1": "TL_PROTO_TLSv1_1",
         "TLSv1.2": "TL_PROTO_TLSv1_2", "TLSv1.3": "TL_PROTO_TLSv1_3"}
TYPES = {"rsa": "TL_CERT_TYPE_RSA", "ecdsa": "TL_CERT_TYPE_ECDSA"}
LISTS = ("ciphers", "ciphersuites", "tls_curves", "certificate_curves", "certificate_signatures")
FIELDS = LISTS + ("tls_versions", "certificate_types", "rsa_key_size", "dh_param_size",
                  "ecdh_param_size", "hsts_min_age", "maximum_certificate_lifespan",
                  "recommended_certificate_lifespan", "ocsp_staple", "server_preferred_order")


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def fields(c):
    """The fields tlslint uses, from a guideline configuration (5.0 or 5.1+ key names)."""
    out = {}
    for k in FIELDS:
        if k == "ciphers":
            v = c["ciphers"]["openssl"] if "ciphers" in c else c.get("openssl_ciphers")
        elif k == "ciphersuites":
            v = c.get("ciphersuites", c.get("openssl_ciphersuites"))
        else:
            v = c.get(k)
        out[k] = v
    return out


def load(datadir):
    """{version: {profile: fields}} for every JSON file of DATADIR and the history before."""
    versions = {}
    for name in os.listdir(datadir):
        if name.endswith(".json") and name[:-5].replace(".", "").isdigit():
            g = json.load(open(os.path.join(datadir, name)))
            v = f"{float(g['version']):.1f}"
            versions[v] = {"href": g["href"],
                           "profiles": {p: fields(c) for p, c in g["configurations"].items()}}
    newer = versions[min(versions, key=vkey)]
    for v, _date, changes in HISTORY:
        if v in versions:
            continue
        profiles = copy.deepcopy(newer["profiles"])
        for p, delta in changes.items():
            profiles[p].update(delta)
        versions[v] = {"href": f"https://ssl-config.mozilla.org/guidelines/{v}.json",
                       "profiles": profiles}
        newer = versions[v]
    return versions


class Emitter:
    """String arrays shared between profiles that have the same list."""

    def __init__(self):
        self.arrays = {}
        self.out = []

    def array(self, items):
        key = tuple(items or ())
        if key not in self.arrays:
            name = f"list_{len(self.arrays)}"
            self.arrays[key] = name
            body = "".join(f'\t"{i}",\n' for i in key)
            self.out.append(f"static const char *const {name}[] = {{\n{body}\tNULL,\n}};\n")
        return self.arrays[key]


def profile(em, name, version, c):
    arrays = {k: em.array(c[k]) for k in LISTS}
    protos = " | ".join(PROTO[v] for v in c["tls_versions"]) or "0"
    types = " | ".join(TYPES[t] for t in c["certificate_types"]) or "0"
    ident = f"{name}_{version.replace('.', '_')}"
    em.out.append(f"""static const struct tl_policy {ident} = {{
	.name = "{name}",
	.guideline = "{version}",
	.source = "Mozilla Server Side TLS guidelines {version}",
	.tls_versions = {protos},
	.ciphers = {arrays["ciphers"]},
	.ciphersuites = {arrays["ciphersuites"]},
	.tls_curves = {arrays["tls_curves"]},
	.certificate_types = {types},
	.certificate_curves = {arrays["certificate_curves"]},
	.certificate_signatures = {arrays["certificate_signatures"]},
	.rsa_key_size = {c["rsa_key_size"] or 0},
	.dh_param_size = {c["dh_param_size"] or 0},
	.ecdh_param_size = {c["ecdh_param_size"] or 0},
	.hsts_min_age = {c["hsts_min_age"]},
	.maximum_certificate_lifespan = {c["maximum_certificate_lifespan"]},
	.recommended_certificate_lifespan = {c["recommended_certificate_lifespan"] or 0},
	.ocsp_staple = {"true" if c["ocsp_staple"] else "false"},
	.server_preferred_order = {"true" if c["server_preferred_order"] else "false"},
}};
""")
    return ident


def generate(datadir):
    versions = load(datadir)
    order = sorted(versions, key=vkey, reverse=True)
    em = Emitter()
    em.out.append(
        "/*\n * Generated by scripts/gen-profiles.py from Mozilla's server-side TLS\n"
        " * guidelines: " + ", ".join(order) + " (https://ssl-config.mozilla.org/guidelines/"
        "VERSION.json; the versions without a file in the data directory from\n"
        " * scripts/guideline_history.py). Newest first. Do not edit; regenerate.\n */\n")
    em.out.append('#include <stddef.h>\n\n#include "model.h"\n#include "policy.h"\n')
    idents = []
    for v in order:
        for name in ("modern", "intermediate", "old"):
            if name in versions[v]["profiles"]:
                idents.append(profile(em, name, v, versions[v]["profiles"][name]))
    em.out.append("const struct tl_policy *const tl_builtin_policies[] = {\n" +
                  "".join(f"\t&{i},\n" for i in idents) + "\tNULL,\n};\n")
    text = "\n".join(em.out)
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.run(["clang-format", "--assume-filename=src/profiles_data.c"],
                          input=text, capture_output=True, text=True, check=True,
                          cwd=os.path.dirname(here)).stdout


def verify_history(real_dir, datadir):
    """Exit 1 unless every version built from the history equals Mozilla's file."""
    versions = load(datadir)
    bad = 0
    for v, _date, _changes in HISTORY:
        g = json.load(open(os.path.join(real_dir, f"{v}.json")))
        for p, c in g["configurations"].items():
            want = fields(c)
            got = versions[v]["profiles"].get(p)
            for k in FIELDS:
                if got is None or got[k] != want[k]:
                    print(f"{v} {p}.{k}: history says {got and got[k]}, the guideline {want[k]}")
                    bad += 1
    print("history matches the guidelines" if bad == 0 else f"{bad} differences")
    return 1 if bad else 0


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "shared", "data", "mozilla")
    if args and args[0] == "--verify-history":
        return verify_history(args[1], args[2] if len(args) > 2 else default)
    datadir = args[0] if args else default
    if not os.path.isdir(datadir):
        print(f"no guideline data at {datadir}; skipping")
        return 77 if check else 2
    text = generate(datadir)
    if not check:
        sys.stdout.write(text)
        return 0
    committed = open(os.path.join(here, "..", "src", "profiles_data.c")).read()
    if committed != text:
        print("src/profiles_data.c differs from the guideline JSON; regenerate it")
        return 1
    print("src/profiles_data.c matches the guideline JSON")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
