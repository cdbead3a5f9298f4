#!/usr/bin/env python3
"""sarif.py TLSLINT - the sarif report of real runs through Microsoft's SARIF multitool.

Runs tlslint --format sarif on a golden case with many findings, one with related places, the
audit of testdata/demo (run-level notes), a baseline run (more notes) and a run whose files lie
outside --root, then:
  - `Sarif.Multitool validate --rule-kind Sarif;Gh` (the schema, the SARIF rules and GitHub's
    ingestion rules) on all of them: any error or warning fails, and so does a note of a rule
    docs/design.md "SARIF output" does not explain (NOTES_EXPLAINED);
  - the same validator on a broken copy must report errors, so a validator that checks nothing
    cannot pass;
  - ajv with the multitool package's SARIF 2.1.0 schema (sarif_schema.js) on the same files,
    which also checks types and enums the multitool's schema pass lets through, and must
    reject a copy with a string line number and an unknown level;
  - what the issue asks of the content: rules, relative locations with a uriBaseId defined in
    originalUriBaseIds, fingerprints that survive moving a line, notes as notifications.

The validators are the npm packages @microsoft/sarif-multitool, ajv and ajv-formats, which
`make check` installs into .tools/ (SARIF_MULTITOOL may name the multitool binary instead).
Without the multitool the test is skipped (77); with it, a missing ajv is a failure.
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOW = "2026-06-01T00:00:00Z"
CA = ["--ca-file", os.path.join(REPO, "testdata/pki/root.crt")]
# Notes (never warnings) that the validator's advisory rules give every tlslint run; why each
# does not apply is written in docs/design.md "SARIF output".
NOTES_EXPLAINED = {"SARIF2002", "SARIF2003", "SARIF2006", "SARIF2009"}

fails = 0


def fail(msg):
    global fails
    print("FAIL: " + msg)
    fails += 1


def find_validator():
    path = os.environ.get("SARIF_MULTITOOL")
    if path:
        return path
    package = os.path.join(REPO, ".tools", "node_modules", "@microsoft", "sarif-multitool")
    node = shutil.which("node")
    if not os.path.isdir(package) or node is None:
        return None
    # The package's main module is the path of the platform's native binary. Its bin wrapper
    # is not used: it runs the binary through a shell, which splits "Sarif;Gh" at the ';'.
    out = subprocess.run([node, "-p", "require(process.argv[1])", package],
                         stdout=subprocess.PIPE, check=True)
    return out.stdout.decode().strip()


def schema_check(mt, files):
    """ajv on FILES with the schema beside the multitool binary: (exit status, output)."""
    tools = os.path.join(REPO, ".tools")
    schema = os.path.join(os.path.dirname(mt), "sarif-2.1.0.json")
    if not os.path.isdir(os.path.join(tools, "node_modules", "ajv")):
        fail("no ajv in .tools/ (make deps-npm installs it)")
        return None, ""
    r = subprocess.run(["node", os.path.join(REPO, "testdata", "cli", "sarif_schema.js"), tools,
                        schema] + files, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return r.returncode, r.stdout.decode(errors="replace")


def tlslint(exe, args, out, cwd=REPO):
    r = subprocess.run([exe, "--now", NOW, "--format", "sarif", "-o", out] + args, cwd=cwd,
                       stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        fail("tlslint %s exited %d: %s" % (" ".join(args), r.returncode, r.stderr.decode()))
    with open(out) as f:
        return json.load(f)


def validate(mt, files, tmp):
    log = os.path.join(tmp, "validation.sarif")
    env = dict(os.environ)
    # SARIF2006 asks every URI in the log over HTTP; a proxy on a closed loopback port makes
    # each request fail at once instead of waiting for a network this test must not use.
    env.update(HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9",
               NO_PROXY="", DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
               DOTNET_CLI_TELEMETRY_OPTOUT="1")
    r = subprocess.run([mt, "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note",
                        "--log", "ForceOverwrite", "-o", log] + files,
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = r.stdout.decode(errors="replace")
    if "Done. %d files scanned." % len(files) not in text:
        fail("the validator did not scan the %d files:\n%s" % (len(files), text))
        return []
    with open(log) as f:
        run = json.load(f)["runs"][0]
    found = [(res["ruleId"], res["level"], res["message"].get("text", ""),
              res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
              if res.get("locations") else "")
             for res in run.get("results", [])]
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get(
                "toolConfigurationNotifications", []):
            found.append(("tool:" + n.get("descriptor", {}).get("id", "?"),
                          n.get("level", "warning"), n["message"].get("text", ""), ""))
    return found


def check_content(name, doc, want_notes=(), want_related=False):
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    if not driver.get("fullName", "").startswith("tlslint ") or not driver.get("version"):
        fail("%s: driver fullName/version missing" % name)
    if not run.get("automationDetails", {}).get("id"):
        fail("%s: no automationDetails.id" % name)
    for rule in driver["rules"]:
        for key in ("id", "name", "shortDescription", "fullDescription", "helpUri",
                    "defaultConfiguration"):
            if key not in rule:
                fail("%s: rule %s has no %s" % (name, rule.get("id"), key))
        if not rule.get("help", {}).get("markdown", "").startswith("# "):
            fail("%s: rule %s has no markdown help page" % (name, rule["id"]))
    bases = run.get("originalUriBaseIds", {})
    for base, loc in bases.items():
        if not (loc["uri"].startswith("file:///") and loc["uri"].endswith("/")):
            fail("%s: base %s is %s, not an absolute file URI of a directory" %
                 (name, base, loc["uri"]))
    related = 0
    for res in run["results"]:
        places = [l for l in res.get("locations", [])] + res.get("relatedLocations", [])
        related += len(res.get("relatedLocations", []))
        if not res.get("locations"):
            fail("%s: a %s result has no location" % (name, res["ruleId"]))
        for loc in places:
            art = loc.get("physicalLocation", {}).get("artifactLocation")
            if art is None:
                continue
            if ":" in art["uri"].split("/")[0] or art["uri"].startswith("/"):
                fail("%s: absolute URI %s" % (name, art["uri"]))
            if art.get("uriBaseId") not in bases:
                fail("%s: uriBaseId %s of %s is not defined" % (name, art.get("uriBaseId"),
                                                                art["uri"]))
        if not res.get("partialFingerprints"):
            fail("%s: a %s result has no partialFingerprints" % (name, res["ruleId"]))
    if want_related and related == 0:
        fail("%s: no relatedLocations" % name)
    inv = run["invocations"][0]
    if inv.get("executionSuccessful") is not True:
        fail("%s: executionSuccessful is not true" % name)
    notes = [n["message"]["text"] for n in inv.get("toolExecutionNotifications", [])
             if n.get("level") == "note"]
    for want in want_notes:
        if not any(want in n for n in notes):
            fail("%s: no toolExecutionNotification saying %r (got %r)" % (name, want, notes))


def fingerprints(doc):
    return sorted(fp for res in doc["runs"][0]["results"]
                  for fp in res["partialFingerprints"].values())


def startlines(doc):
    return sorted(res["locations"][0]["physicalLocation"]["region"]["startLine"]
                  for res in doc["runs"][0]["results"])


def main():
    exe = os.path.abspath(sys.argv[1])
    mt = find_validator()
    with tempfile.TemporaryDirectory() as tmp:
        golden = ["--root", "testdata"] + CA
        docs = {}
        docs["many"] = tlslint(exe, golden + ["testdata/haproxy/ca-files/haproxy.cfg"],
                               os.path.join(tmp, "many.sarif"))
        docs["related"] = tlslint(exe, golden + ["testdata/nginx/session-cache-invalid/nginx.conf"],
                                  os.path.join(tmp, "related.sarif"))
        docs["audit"] = tlslint(exe, ["--root", "testdata/demo"] + CA,
                                os.path.join(tmp, "audit.sarif"))
        docs["baseline"] = tlslint(exe, ["--root", "testdata/demo"] + CA + [
            "--write-baseline", os.path.join(tmp, "baseline.json"),
            "testdata/demo/etc/nginx/nginx.conf"], os.path.join(tmp, "baseline.sarif"))
        # From another directory, files outside --root: located under FSROOT, still relative.
        docs["outside"] = tlslint(exe, ["--root", os.path.join(REPO, "testdata", "demo")] + CA +
                                  [os.path.join(REPO, "testdata/nginx/cert-expired/nginx.conf")],
                                  os.path.join(tmp, "outside.sarif"), cwd=tmp)

        check_content("many", docs["many"])
        if len(docs["many"]["runs"][0]["results"]) < 10:
            fail("many: fewer than 10 results")
        check_content("related", docs["related"], want_related=True)
        check_content("audit", docs["audit"], want_notes=["audit of testdata/demo: linted "],
                      want_related=True)
        check_content("baseline", docs["baseline"], want_notes=["findings recorded in "])
        check_content("outside", docs["outside"], want_related=True)
        if set(docs["outside"]["runs"][0]["originalUriBaseIds"]) != {"SRCROOT", "FSROOT"}:
            fail("outside: bases are %s" % docs["outside"]["runs"][0]["originalUriBaseIds"])
        audit_uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                      for res in docs["audit"]["runs"][0]["results"]}
        if "etc/nginx/nginx.conf" not in audit_uris and not any(
                u.startswith("etc/") for u in audit_uris):
            fail("audit: locations are not relative to --root: %s" % sorted(audit_uris))

        # Moving a line keeps every fingerprint: the same file again with lines added above
        # and its lines re-indented.
        case = os.path.join(tmp, "moved")
        shutil.copytree(os.path.join(REPO, "testdata/nginx/session-cache-invalid"), case)
        conf = os.path.join(case, "nginx.conf")
        args = ["--root", os.path.join(REPO, "testdata")] + CA + [conf]
        before = tlslint(exe, args, os.path.join(tmp, "before.sarif"))
        with open(conf) as f:
            text = f.read()
        with open(conf, "w") as f:
            f.write("# moved down\n\n\n" + text.replace("\n    ", "\n        "))
        after = tlslint(exe, args, os.path.join(tmp, "after.sarif"))
        if not fingerprints(before) or fingerprints(before) != fingerprints(after):
            fail("fingerprints changed when lines moved:\n%s\n%s" %
                 (fingerprints(before), fingerprints(after)))
        if startlines(before) == startlines(after):
            fail("the moved config did not move its findings")

        if mt is None:
            print("SKIP: no SARIF multitool (make check installs it into .tools/)")
            sys.exit(77 if fails == 0 else 1)
        files = [os.path.join(tmp, n + ".sarif") for n in docs]
        for rule, level, text, uri in validate(mt, files, tmp):
            if level in ("error", "warning") or rule not in NOTES_EXPLAINED:
                fail("validator: %s %s: %s %s" % (level, rule, uri, text[:300]))

        # A broken copy must not pass: the validator really checks schema and GitHub rules.
        bad = copy.deepcopy(docs["related"])
        res = bad["runs"][0]["results"][0]
        del res["locations"]
        bad["runs"][0]["tool"]["driver"]["rules"][0]["bogus"] = 1
        path = os.path.join(tmp, "broken.sarif")
        with open(path, "w") as f:
            json.dump(bad, f)
        caught = {rule for rule, level, _, _ in validate(mt, [path], tmp) if level == "error"}
        for want in ("JSON1005", "GH1015"):
            if want not in caught:
                fail("the validator missed %s in a broken log (caught %s)" % (want, caught))

        rc, text = schema_check(mt, files)
        if rc is not None and (rc != 0 or "ajv: %d valid, 0 invalid" % len(files) not in text):
            fail("ajv: %s" % text)
        typed = copy.deepcopy(docs["related"])
        res = typed["runs"][0]["results"][0]
        res["level"] = "fatal"
        res["locations"][0]["physicalLocation"]["region"]["startLine"] = "6"
        path = os.path.join(tmp, "typed.sarif")
        with open(path, "w") as f:
            json.dump(typed, f)
        rc, text = schema_check(mt, [path])
        if rc is not None and (rc != 1 or "must be integer" not in text or
                               "must be equal to one of the allowed values" not in text):
            fail("ajv accepted a string line number or an unknown level: %s" % text)
    print("%d passed, %d failed" % (1 if fails == 0 else 0, 1 if fails else 0))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
