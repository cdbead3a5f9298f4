#!/usr/bin/env python3
"""live_sim.py: what `tlslint simulate -f json` says, in the shape simulate-live.sh compares a
real client's outcome with.

  live_sim.py sites SIM.json
      one "NAME PORT" line per name the simulation reports on 127.0.0.1 or the wildcard
  live_sim.py compare SIM.json NAME PORT PROFILE OUTCOME...
      OUTCOME is a client's line: "ok VERSION SUITE" ("-" where the client does not say) or
      "fail certificate|handshake WHY". Prints "agree" or "disagree: ...". The stage must be
      the same (ok, certificate, handshake); when both connect, the version and suite must be
      the same too wherever the client reports them. Suites are compared in IANA form: OpenSSL
      names (curl, s_client and Python print them for TLS 1.2) are mapped with
      `openssl ciphers -stdname`.
"""
import json
import subprocess
import sys


def iana_names():
    names = {}
    out = subprocess.run(["openssl", "ciphers", "-stdname", "ALL:COMPLEMENTOFALL"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        # "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ..."
        if len(parts) > 2 and parts[1] == "-":
            names[parts[2]] = parts[0]
    return names


def sites(sim):
    seen = set()
    for site in sim["sites"]:
        if site["address"] not in ("*", "127.0.0.1") or not site["name"]:
            continue
        key = (site["name"], site["port"])
        if key not in seen:
            seen.add(key)
            print(site["name"], site["port"])


def simulated(sim, name, port, profile):
    for site in sim["sites"]:
        if site["name"] == name and site["port"] == port:
            for r in site["results"]:
                if r["client"] == profile:
                    return r
    return None


def describe(r):
    if r["ok"]:
        return "ok %s %s" % (r["version"], r["suite"])
    return "fail %s (%s)" % (r["stage"], r.get("reason") or r.get("why") or "")


def compare(sim, name, port, profile, outcome):
    r = simulated(sim, name, port, profile)
    if r is None:
        print("disagree: the simulation has no result for %s on %s:%d" % (profile, name, port))
        return
    words = outcome.split()
    stage = "ok" if words[0] == "ok" else (words[1] if len(words) > 1 else "?")
    want = "ok" if r["ok"] else r["stage"]
    same = stage == want
    if same and stage == "ok":
        version, suite = words[1], iana_names().get(words[2], words[2])
        same = version in ("-", r["version"]) and suite in ("-", r["suite"])
    print("agree" if same else "disagree: simulate says %s, the client %s" % (describe(r), outcome))


def main():
    with open(sys.argv[2]) as f:
        sim = json.load(f)
    if sys.argv[1] == "sites":
        sites(sim)
    else:
        compare(sim, sys.argv[3], int(sys.argv[4]), sys.argv[5], " ".join(sys.argv[6:]))


if __name__ == "__main__":
    main()
