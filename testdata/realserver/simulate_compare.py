#!/usr/bin/env python3
"""simulate_compare.py CASE SIM.json SIM_HELLOS: replay each client's ClientHello of every site
`tlslint simulate` reported (SIM.json) to the real server on 127.0.0.1 and compare the answer
with the simulation's server side: the same version and suite (or HelloRetryRequest group), or a
refusal where the simulation says the server refuses. SIM_HELLOS is the probe that writes each
profile's hello for a name (src/tests/sim_hellos.c). Prints one line per disagreement
("disagree CASE NAME CLIENT: what each said"), then
"CASE agree N of M skipped K" (K: sites on other addresses than 127.0.0.1 and the wildcard)."""
import json
import os
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replay_hello  # noqa: E402

VERSIONS = {"SSLv3": 0x0300, "TLSv1": 0x0301, "TLSv1.1": 0x0302, "TLSv1.2": 0x0303,
            "TLSv1.3": 0x0304}


def replay(port, path):
    """The server's answer as replay_hello.describe gives it: (kind, fields...)."""
    with open(path, "rb") as f:
        hello = f.read()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
    except OSError as e:
        return ("connect", str(e))
    s.settimeout(5)
    try:
        s.sendall(hello)
        hs, alert = replay_hello.read_flight(s)
    finally:
        s.close()
    return tuple(replay_hello.describe(hs, alert).split())


def expected(result, suite_ids):
    """What the simulation says the server answers, in the same shape as replay()."""
    if result.get("version") is None:
        return ("refused",)
    if result.get("hello_retry"):
        return ("retry",)
    return ("hello", VERSIONS[result["version"]], suite_ids.get(result["suite"]))


def main():
    case, sim_path, probe = sys.argv[1:4]
    with open(sim_path) as f:
        sim = json.load(f)
    suite_ids = {}
    for line in subprocess.run(["openssl", "ciphers", "-V", "-stdname", "ALL:COMPLEMENTOFALL"],
                               capture_output=True, text=True).stdout.splitlines():
        parts = line.split()
        if len(parts) > 2 and parts[0].startswith("0x"):
            code = int(parts[0].replace(",0x", ""), 16)
            suite_ids[parts[2]] = code
    agree = total = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        made = {}
        for site in sim["sites"]:
            if site["address"] not in ("*", "127.0.0.1"):
                skipped += 1
                continue
            name = site["name"] or "-"
            if name not in made:
                d = os.path.join(tmp, str(len(made)))
                os.mkdir(d)
                subprocess.run([probe, name, d], check=True)
                made[name] = d
            for r in site["results"]:
                if r["stage"] == "not-simulated":
                    continue
                real = replay(site["port"], os.path.join(made[name], r["client"] + ".bin"))
                want = expected(r, suite_ids)
                total += 1
                if want[0] == "refused":
                    same = real[0] in ("alert", "none")
                elif want[0] == "retry":
                    same = real[0] == "retry"
                else:
                    same = (real[0] == "hello" and int(real[1], 16) == want[1]
                            and int(real[2], 16) == want[2])
                if same:
                    agree += 1
                else:
                    print("disagree %s %s %s: simulate %s (%s), server %s (at %s)" % (
                        case, name, r["client"], want[0],
                        r.get("suite") or r.get("reason") or r.get("why"), " ".join(real),
                        site["site"]))
    print("%s agree %d of %d skipped %d" % (case, agree, total, skipped))


if __name__ == "__main__":
    main()
