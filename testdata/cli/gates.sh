#!/usr/bin/env bash
# Reproducible gates and pull-request comments, end to end: --profile NAME@VERSION on the
# command line and in .tlslint.yaml (unknown versions are usage errors naming what there
# is), what --version says the bare names mean, the pinned version in the JSON report, and
# --format markdown with hostile config text.
# Usage: gates.sh TLSLINT   (run from the repository root)
set -u
TLSLINT=$(realpath "$1")
NOW=2026-06-01T00:00:00Z
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=testdata/cli/expect.sh
. "$(dirname "$0")/expect.sh"

lint=(--root testdata --now $NOW --ca-file testdata/pki/root.crt --color never --target nginx=1.22)
case57=testdata/nginx/old-pinned-5.7/nginx.conf

# --version: which guideline each bare name means, and what can be pinned.
run --version
expect_status 0 "--version"
expect_match "--version: intermediate is 6.0" "$out" "^profile intermediate = intermediate@6\.0 .*pinnable versions: 5\.0, .*5\.7, 5\.8, 6\.0$"
expect_match "--version: modern is 6.0" "$out" "^profile modern = modern@6\.0 "
expect_match "--version: old is 5.8, the newest holding it" "$out" "^profile old = old@5\.8 .*: 5\.0, .*, 5\.8$"

# Pinning changes the verdict back to the guideline's: exit 0 pinned, 1 with the bare name.
run "${lint[@]}" --profile old@5.7 --disable ocsp-stapling-broken "$case57"
expect_status 0 "old@5.7: the 5.7 config passes its own guideline"
run "${lint[@]}" --profile old --disable ocsp-stapling-broken "$case57"
expect_status 1 "bare old (5.8): the same config fails"
expect_match "bare old: cipher-weak for the dropped DHE suites" "$out" "DHE-RSA-AES128-SHA256.*\[cipher-weak\]"

# The JSON report names the version used; "profile" keeps the bare name.
run "${lint[@]}" --profile old@5.7 -f json "$case57"
expect_match "json: profile is the bare name" "$out" '^  "profile": "old",$'
expect_match "json: profile_version is the pinned one" "$out" '^  "profile_version": "5\.7",$'
run "${lint[@]}" -f json "$case57"
expect_match "json: default profile_version is the newest" "$out" '^  "profile_version": "6\.0",$'

# Unknown versions and names: exit 2, naming the versions there are.
run "${lint[@]}" --profile old@6.0 "$case57"
expect_status 2 "old@6.0 (6.0 has no old profile)"
expect_match "old@6.0: names the versions of old" "$err" "^tlslint: profile 'old' has no Mozilla guideline version '6\.0' \(old: 5\.0, .*, 5\.8\)$"
run "${lint[@]}" --profile intermediate@5.9 "$case57"
expect_status 2 "intermediate@5.9"
run "${lint[@]}" --profile intermediate@ "$case57"
expect_status 2 "intermediate@ (no version)"
run "${lint[@]}" --profile strict@5.7 "$case57"
expect_status 2 "unknown name with a version"
expect_match "strict@5.7: names the profiles" "$err" "unknown profile 'strict' \(expected modern, intermediate or old, or NAME@VERSION\)"
run ciphers --profile old@5.7 -f json 'DHE-RSA-AES128-SHA256'
expect_status 0 "ciphers --profile old@5.7"
expect_match "ciphers: in the 5.7 old profile" "$out" '"in-profile"'
run ciphers --profile old -f json 'DHE-RSA-AES128-SHA256'
expect_no_match "ciphers: not in the 5.8 old profile" "$out" '"in-profile"'

# .tlslint.yaml profile: pins the same way; a bad version is an error at file:line:col.
mkdir -p "$tmp/repo"
cp -r testdata/pki "$tmp/repo/pki"
sed 's#/pki/#pki/#' "$case57" >"$tmp/repo/nginx.conf"
printf 'root: .\nentry: [nginx.conf]\nca-file: pki/root.crt\ntargets: {nginx: "1.22"}\nprofile: old@5.7\n' >"$tmp/repo/.tlslint.yaml"
(cd "$tmp/repo" && "$TLSLINT" --now $NOW -f json >"$tmp/out" 2>"$tmp/err")
out=$(cat "$tmp/out")
expect_match ".tlslint.yaml profile: old@5.7 is used" "$out" '"profile_version": "5\.7"'
printf 'root: .\nentry: [nginx.conf]\nprofile: old@6.0\n' >"$tmp/repo/.tlslint.yaml"
(cd "$tmp/repo" && "$TLSLINT" --now $NOW >"$tmp/out" 2>"$tmp/err")
status=$?
err=$(cat "$tmp/err")
expect_status 2 ".tlslint.yaml profile: old@6.0"
expect_match ".tlslint.yaml bad version: file:line:col" "$err" "\.tlslint\.yaml:3:10: profile 'old' has no Mozilla guideline version '6\.0'"

# --format markdown: the same verdict as text, a heading even with -q, -o, not for ciphers.
hostile=testdata/nginx/markdown-hostile/nginx.conf
run "${lint[@]}" -f markdown "$hostile"
expect_status 1 "markdown: findings exit 1 as in text"
expect_match "markdown: heading with counts and the profile" "$out" '^### tlslint: 2 errors, [0-9]+ warnings, [0-9]+ infos? in 1 file, 1 site, 1 certificate, profile `intermediate@6\.0`$'
expect_match "markdown: check linked to its page" "$out" '\| \[directive-invalid\]\(https://github\.com/tlslint/tlslint/blob/main/docs/checks/directive-invalid\.md\) \|'
expect_no_match "markdown: no raw <script>" "$out" '<script'
expect_match "markdown: details collapsed" "$out" '^<details>$'
run "${lint[@]}" -f markdown -q --profile old@5.7 --disable ocsp-stapling-broken "$case57"
expect_status 0 "markdown: clean exit 0"
expect_match "markdown: no findings, one line" "$out" '^### tlslint: no findings in 1 file, 1 site, 1 certificate, profile `old@5\.7`$'
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || { echo "FAIL: markdown: no findings is one line"; fails=$((fails + 1)); }
run "${lint[@]}" -f markdown -o "$tmp/comment.md" "$hostile"
expect_status 1 "markdown -o FILE"
expect_match "markdown -o: written to the file" "$(cat "$tmp/comment.md")" '^### tlslint: '
run ciphers -f markdown HIGH
expect_status 2 "ciphers -f markdown"
# A comment has a size limit: 100 rows, then a count of the rest.
{
	echo 'events {} http { server { listen 443 ssl; server_name many.example.test;'
	echo 'ssl_certificate /pki/www.fullchain.crt; ssl_certificate_key /pki/www.key;'
	for i in $(seq 1 130); do echo "ssl_ecdh_curve bogus$i;"; done
	echo '} }'
} >"$tmp/many.conf"
run "${lint[@]}" -f markdown "$tmp/many.conf"
rows=$(grep -c '^| [a-z]* | \[' <<<"$out")
details=$(grep -c '^<details>$' <<<"$out")
total=$("$TLSLINT" "${lint[@]}" -f json "$tmp/many.conf" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
[ "$total" -gt 100 ] || { echo "FAIL: the many-findings config makes only $total findings"; fails=$((fails + 1)); }
[ "$rows" -eq 100 ] && [ "$details" -eq 100 ] || { echo "FAIL: markdown cap: $rows rows, $details details, want 100"; fails=$((fails + 1)); }
expect_match "markdown cap: the rest counted" "$out" "^$((total - 100)) more findings not listed here"
# Long messages: the byte budget stops the list before 100 rows, under GitHub's 65536.
long=$(printf 'x%.0s' $(seq 1 400))
{
	echo 'events {} http { ssl_certificate /pki/www.fullchain.crt; ssl_certificate_key /pki/www.key;'
	for i in $(seq 1 130); do
		echo "server { listen 443 ssl; server_name s$i.example.test; ssl_ecdh_curve $long$i; }"
	done
	echo '}'
} >"$tmp/long.conf"
run "${lint[@]}" -f markdown "$tmp/long.conf"
rows=$(grep -c '^| [a-z]* | \[' <<<"$out")
size=$(wc -c <"$tmp/out")
[ "$rows" -lt 100 ] && [ "$rows" -gt 10 ] && [ "$size" -lt 65536 ] ||
	{ echo "FAIL: markdown budget: $rows rows in $size bytes"; fails=$((fails + 1)); }
expect_match "markdown budget: the rest counted" "$out" "^[0-9]+ more findings not listed here"
run --help
expect_match "--help names markdown" "$out" "gcc or markdown"

echo "$fails failed"
[ "$fails" -eq 0 ]
