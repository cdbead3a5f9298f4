#!/usr/bin/env python3
"""Fails when the check registry and docs/checks/<id>.md disagree.

Every registered check needs a page whose title is its id and whose
severity line names the registry's default severity; every page needs a
registered check. (curl's test1139 does the same for its options.)
"""
import json
import os
import re
import subprocess
import sys


def main(tlslint, docs):
    out = subprocess.run([tlslint, "--list-checks", "--format", "json"],
                         capture_output=True, check=True, text=True).stdout
    checks = {c["id"]: c for c in json.loads(out)["checks"]}
    pages = {f[:-3] for f in os.listdir(docs) if f.endswith(".md")}
    errors = []
    for cid in sorted(set(checks) - pages):
        errors.append(f"check '{cid}' has no docs/checks/{cid}.md")
    for cid in sorted(pages - set(checks)):
        errors.append(f"docs/checks/{cid}.md describes no registered check")
    for cid in sorted(set(checks) & pages):
        text = open(os.path.join(docs, cid + ".md")).read()
        if not text.startswith(f"# {cid}\n"):
            errors.append(f"docs/checks/{cid}.md: title must be '# {cid}'")
        m = re.search(r"\*\*Severity:\*\* (\w+)", text)
        if not m or m.group(1) != checks[cid]["severity"]:
            errors.append(f"docs/checks/{cid}.md: severity must be {checks[cid]['severity']}")
    for e in errors:
        print(e)
    print(f"{len(checks)} checks, {len(pages)} pages, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
