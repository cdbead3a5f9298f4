#!/usr/bin/env python3
"""testssl_compare.py CASE SIM.json TESTSSL.json: `testssl.sh --client-simulation` (its flat
--jsonfile) against `tlslint simulate -f json` on the same running server, for the clients both
have. Prints one line per shared client, "agree CASE CLIENT ..." or "disagree CASE CLIENT ...",
comparing the server side only: the protocol and suite, or that there is no connection (testssl
does not verify certificates, so a certificate the simulated client rejects still counts as the
server's answer).

The table below is ours: which of our profiles stands for which testssl client id. Only the
same client at the same major version (or a patch level of the one we profiled) is mapped;
testssl's newer or older versions of a family we also have (Chrome 101 vs Chromium 156, Edge 15
vs Edge 18, go 1.17 vs 1.19, Safari 13/15) are left out, as their hellos are not the same
client's. No data of testssl's is read here but the results it printed.
"""
import json
import subprocess
import sys

SHARED = {
    "clientsimulation-android_60": "android-6.0",
    "clientsimulation-android_70": "android-7.0",
    "clientsimulation-android_81": "android-8.1",
    "clientsimulation-android_90": "android-9",
    "clientsimulation-android_X": "android-10",
    "clientsimulation-ie_8_xp": "ie-8-winxp",
    "clientsimulation-ie_11_win7": "ie-11-win7",
    "clientsimulation-ie_11_win81": "ie-11-win81",
    "clientsimulation-safari_121_ios_122": "safari-12-ios12",
    "clientsimulation-java_7u25": "java-7u25",
    "clientsimulation-java_8u161": "java-8u161",
    "clientsimulation-java1102": "java-11",
    "clientsimulation-java1703": "java-17-linux",
    "clientsimulation-openssl_102e": "openssl-1.0.2",
    "clientsimulation-openssl_110l": "openssl-1.1.0",
    "clientsimulation-openssl_111d": "openssl-1.1.1",
    "clientsimulation-openssl_303": "openssl-3.0-linux",
}


def iana_names():
    names = {}
    out = subprocess.run(["openssl", "ciphers", "-stdname", "ALL:COMPLEMENTOFALL"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) > 2 and parts[1] == "-":
            names[parts[2]] = parts[0]
    return names


def main():
    case, sim_path, ts_path = sys.argv[1:4]
    with open(sim_path) as f:
        sim = json.load(f)
    with open(ts_path) as f:
        testssl = {e["id"]: e["finding"] for e in json.load(f)}
    results = {}
    for site in sim["sites"]:
        if site["address"] in ("*", "127.0.0.1"):
            for r in site["results"]:
                results.setdefault(r["client"], r)
            break
    names = iana_names()
    for ts_id, profile in SHARED.items():
        finding = testssl.get(ts_id)
        r = results.get(profile)
        if finding is None or r is None:
            print("missing %s %s: testssl %s, simulate %s" % (case, profile, finding,
                                                            "has it" if r else "has not"))
            continue
        if finding.startswith("No connection"):
            theirs = "no connection"
        else:
            words = finding.replace(",", " ").split()
            theirs = "%s %s" % (words[0], names.get(words[1], words[1]))
        ours = "%s %s" % (r["version"], r["suite"]) if r.get("version") else "no connection"
        verdict = "agree" if theirs == ours else "disagree"
        print("%s %s %s (%s): testssl %s, simulate %s" % (verdict, case, profile, ts_id,
                                                         theirs, ours))


if __name__ == "__main__":
    main()
