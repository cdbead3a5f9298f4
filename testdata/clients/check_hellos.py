#!/usr/bin/env python3
"""Checks the committed client captures (testdata/clients/hello/): every .bin is exactly one
complete ClientHello, every .bin has its .json and the other way round, and each .json says
what its .bin says (its summary is parsed again from the bytes), so a hand-edited file is
caught. Then checks that the parser itself refuses damaged bytes. Stdlib only.

  python3 testdata/clients/check_hellos.py [DIR]
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, HERE)
import hello  # noqa: E402

ID = re.compile(r"^[a-z][a-z0-9]*-[0-9][0-9a-z.]*(-[a-z0-9.]+)?$")
FIELDS = ("id", "command", "name_to_127.0.0.1", "package", "package_version", "program_version", "captured",
          "server_name_asked", "summary")


def check_one(directory, stem, errors):
    def fail(text):
        errors.append("%s: %s" % (stem, text))

    with open(os.path.join(directory, stem + ".bin"), "rb") as f:
        data = f.read()
    try:
        summary = hello.parse(data)
    except hello.HelloError as e:
        fail(".bin is not one complete ClientHello: %s" % e)
        return
    try:
        with open(os.path.join(directory, stem + ".json")) as f:
            record = json.load(f)
    except (OSError, ValueError) as e:
        fail("cannot read .json: %s" % e)
        return
    for field in FIELDS:
        if field not in record:
            fail(".json has no %s" % field)
    if record.get("id") != stem:
        fail("id %r is not the file name" % record.get("id"))
    if not ID.match(stem):
        fail("id is not family-version[-platform]")
    if not isinstance(record.get("command"), list) or not record.get("command"):
        fail("command is not a non-empty argument list")
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", str(record.get("captured"))):
        fail("captured is not a UTC date")
    recorded = record.get("summary")
    if recorded != summary:
        keys = sorted(set(summary) | set(recorded or {}))
        differ = [k for k in keys if (recorded or {}).get(k) != summary.get(k)]
        fail(".json summary does not match the .bin in: %s" % ", ".join(differ))
    if summary["sni"] != record.get("server_name_asked") and "note" not in record:
        fail("SNI %r is not the name asked and no note says why" % summary["sni"])


def self_test(directory, stems, errors):
    """The parser must refuse a capture cut short, one with a byte more, a non-handshake
    record and a changed length."""
    with open(os.path.join(directory, stems[0] + ".bin"), "rb") as f:
        good = f.read()
    damaged = {
        "cut short": good[:-1],
        "a byte more": good + b"\x00",
        "a second record after it": good + good[:5],
        "an alert record": b"\x15" + good[1:],
        "a changed handshake length": good[:6] + bytes([good[6] ^ 1]) + good[7:],
        "a changed extensions length": None,
    }
    # The extensions block length sits right after the compression methods.
    s = hello.Reader(good[9:], "x")
    s.take(2 + 32)
    s.vec(1, "sid")
    s.vec(2, "suites")
    s.vec(1, "comp")
    at = 9 + s.pos
    damaged["a changed extensions length"] = good[:at] + bytes([good[at] ^ 0x80]) + good[at + 1:]
    for what, data in damaged.items():
        try:
            hello.parse(data)
        except hello.HelloError:
            continue
        errors.append("parser self-test: %s is accepted" % what)
    if hello.needed(good[:-1]) != 1 or hello.needed(good) != 0 or hello.needed(b"GET / HTTP/1.1\r\n") is not None:
        errors.append("parser self-test: needed() is wrong")
    if not (hello.is_grease(0x0A0A) and hello.is_grease(0xFAFA) and not hello.is_grease(0x0A1A)):
        errors.append("parser self-test: is_grease() is wrong")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "hello")
    names = os.listdir(directory)
    bins = sorted(n[:-4] for n in names if n.endswith(".bin"))
    jsons = sorted(n[:-5] for n in names if n.endswith(".json"))
    errors = []
    for stem in sorted(set(bins) ^ set(jsons)):
        errors.append("%s: has only its %s" % (stem, ".bin" if stem in bins else ".json"))
    if not bins:
        errors.append("no captures in %s" % directory)
    for stem in bins:
        if stem in jsons:
            check_one(directory, stem, errors)
    if bins:
        self_test(directory, bins, errors)
    for e in errors:
        print("FAIL " + e)
    print("%d captures checked, %d problems" % (len(bins), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
