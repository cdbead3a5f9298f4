#!/usr/bin/env bash
# End-to-end behaviour of the tlslint binary that golden files do not
# cover: exit statuses (0 clean, 1 findings, 2 usage/input errors), the
# one-line error plus hint on stderr, .tlslint.yaml discovery and errors,
# --fail-on, --disable, -o, colour rules, standard input.
# Usage: behaviour.sh TLSLINT   (run from the repository root)
set -u
TLSLINT=$(realpath "$1")
NOW=2026-06-01T00:00:00Z
# Runs on test configs pass --ca-file testdata/pki/root.crt: no system trusts the test root, so
# without it every chain would end at an untrusted anchor (chain-untrusted).
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=testdata/cli/expect.sh
. "$(dirname "$0")/expect.sh"

expired=testdata/nginx/cert-expired/nginx.conf
clean=testdata/nginx/cert-expired-ok/nginx.conf

# Usage errors: exit 2, one line naming the problem, then a hint.
run --format xml "$clean"
expect_status 2 "unknown format"
expect_match "unknown format message" "$err" "^tlslint: unknown format 'xml'$"
expect_match "unknown format hint" "$err" "^hint: "
run --bogus
expect_status 2 "unknown option"
run --fail-on sometimes "$clean"
expect_status 2 "bad --fail-on value"
run --now 2026-02-30 "$clean"
expect_status 2 "impossible --now date"
run --disable no-such-check "$clean"
expect_status 2 "unknown check id"
expect_match "unknown check hint" "$err" "list-checks"
run testdata/nginx/does-not-exist.conf
expect_status 2 "unreadable entry file"
expect_match "unreadable entry message" "$err" "does-not-exist.conf"

# Findings decide 0/1, syntax errors included.
run --root testdata --now $NOW --ca-file testdata/pki/root.crt "$clean"
expect_status 0 "clean config"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt "$expired"
expect_status 1 "expired certificate"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt testdata/nginx/parse-error-unbalanced/nginx.conf
expect_status 1 "unbalanced brace"
expect_match "unbalanced brace finding" "$out" "\[parse-error\]"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --fail-on never "$expired"
expect_status 0 "--fail-on never"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --fail-on error testdata/nginx/cert-expiring/nginx.conf
expect_status 0 "--fail-on error with only a warning"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --fail-on warning testdata/nginx/cert-expiring/nginx.conf
expect_status 1 "--fail-on warning with a warning"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --disable cert-expired "$expired"
expect_status 0 "--disable drops the finding"
expect_no_match "--disable output" "$out" "cert-expired"

# gcc format: exactly one line per finding, file:line:col first.
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --format gcc "$expired"
expect_match "gcc line" "$out" "^testdata/nginx/cert-expired/nginx.conf:[0-9]+:[0-9]+: error: .*\[cert-expired\]$"
[ "$(wc -l <<<"$out")" -eq 1 ] || { echo "FAIL: gcc output is not one line"; fails=$((fails + 1)); }

# -o writes the report to a file and nothing to stdout.
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --format json -o "$tmp/report.json" "$expired"
expect_status 1 "-o with findings"
[ -z "$out" ] || { echo "FAIL: -o still wrote to stdout"; fails=$((fails + 1)); }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["findings"][0]["check"]=="cert-expired"' \
	"$tmp/report.json" || { echo "FAIL: -o json content"; fails=$((fails + 1)); }

# Colour: never by default off a terminal, always on request, never with NO_COLOR in auto.
run --root testdata --now $NOW --ca-file testdata/pki/root.crt "$expired"
expect_no_match "no colour off a terminal" "$out" $'\e\\['
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --color always "$expired"
expect_match "--color always" "$out" $'\e\\['
NO_COLOR=1 script -qec "$TLSLINT --root testdata --now $NOW --ca-file testdata/pki/root.crt $expired" /dev/null >"$tmp/tty" 2>&1
if grep -q $'\e\\[' "$tmp/tty"; then
	echo "FAIL: NO_COLOR ignored on a terminal"
	fails=$((fails + 1))
fi
script -qec "$TLSLINT --root testdata --now $NOW --ca-file testdata/pki/root.crt $expired" /dev/null >"$tmp/tty" 2>&1
grep -q $'\e\\[' "$tmp/tty" || { echo "FAIL: no colour on a terminal"; fails=$((fails + 1)); }

# Standard input without nginx -T markers is one file named <stdin>.
"$TLSLINT" --root testdata --now $NOW --ca-file testdata/pki/root.crt --format gcc - <"$expired" >"$tmp/out" 2>&1
status=$?
out=$(cat "$tmp/out")
expect_status 1 "config on standard input"
expect_match "stdin file name" "$out" "^<stdin>:[0-9]+:[0-9]+: error: "

# .tlslint.yaml: found upwards from the current directory; errors name file:line:col.
mkdir -p "$tmp/repo/sub"
cp -r testdata/pki "$tmp/repo/pki"
sed 's|/pki/|/pki/|' "$expired" >"$tmp/repo/nginx.conf"
printf 'root: .\nentry: [nginx.conf]\nca-file: pki/root.crt\nchecks:\n  severity: {cert-expired: warning}\n' >"$tmp/repo/.tlslint.yaml"
(cd "$tmp/repo/sub" && "$TLSLINT" --now $NOW --format gcc) >"$tmp/out" 2>&1
status=$?
out=$(cat "$tmp/out")
expect_status 1 "config file found upwards"
expect_match "severity override" "$out" "warning: certificate expired"
printf 'root: .\nfail-on: warning\nchecks:\n  disable: nope\n' >"$tmp/repo/.tlslint.yaml"
(cd "$tmp/repo/sub" && "$TLSLINT" --now $NOW) >"$tmp/out" 2>"$tmp/err"
status=$?
err=$(cat "$tmp/err")
expect_status 2 "invalid config file"
expect_match "config error location" "$err" "\.tlslint\.yaml:4:[0-9]+: "

# A custom policy: loaded over the profile; a bad one is a usage error naming file:line:col.
printf 'tls_versions: [TLSv1.3]\nrsa_key_size: 3072\n' >"$tmp/policy.yaml"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --policy "$tmp/policy.yaml" "$clean"
expect_status 1 "valid --policy applies"
expect_match "policy's key size" "$out" "below the 3072 bits the policy requires \\[cert-weak-key\\]"
printf 'tls_versions: [TLSv1.3]\nrsa_keysize: 3072\n' >"$tmp/policy.yaml"
run --root testdata --now $NOW --policy "$tmp/policy.yaml" "$clean"
expect_status 2 "invalid --policy"
expect_match "policy error location" "$err" "policy\.yaml:2:1: unknown key 'rsa_keysize'"
run --profile modern --root testdata --now $NOW --ca-file testdata/pki/nope.crt "$clean"
expect_status 2 "unreadable --ca-file"

# 'ciphers' marks in-profile suites by the custom policy's list when one is given.
printf 'ciphers: [AES128-SHA]\n' >"$tmp/policy.yaml"
run ciphers --policy "$tmp/policy.yaml" 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256'
expect_status 0 "ciphers with --policy"
expect_match "policy's suite in profile" "$out" "^AES128-SHA .*in-profile$"
expect_no_match "intermediate suite not in the custom profile" "$out" "^ECDHE-RSA-AES128-GCM-SHA256 .*in-profile"

# The server is detected by content too: an httpd vhost named site.conf is linted as httpd,
# an HAProxy file named site.cfg is named and refused (no HAProxy parser yet).
printf '<VirtualHost *:443>\n    SSLEngine on\n</VirtualHost>\n' >"$tmp/site.conf"
run "$tmp/site.conf"
expect_status 1 "apache config by content"
expect_match "apache detected: linted as httpd" "$out" "no certificate for TLS on \*:443; the server refuses to start \[ssl-no-certificate\]"
printf 'frontend web\n    mode http\n    bind :443\n' >"$tmp/site.cfg"
run "$tmp/site.cfg"
expect_status 1 "haproxy config by content"
expect_match "haproxy detected: linted as HAProxy" "$out" "site 'frontend web' on \*:443 is served in plain HTTP"
run --server nginx "$tmp/site.conf"
expect_status 1 "--server forces nginx"
expect_match "--server nginx parses it as nginx" "$out" "\[parse-error\]"

# The demo of the README (make demo) finds what it is there to show, from its own tree only.
chmod 600 testdata/demo/etc/ssl/private/*.key testdata/demo/etc/haproxy/certs/*.pem
run --root testdata/demo --now $NOW --ca-file testdata/pki/root.crt testdata/demo/etc/nginx/nginx.conf
expect_status 1 "demo"
expect_match "demo: expired certificate" "$out" "certificate expired on 2026-01-01.*\[cert-expired\]"
expect_match "demo: summary" "$out" "in 6 files, 6 sites, 3 certificates$"
run --root testdata/demo --now $NOW --ca-file testdata/pki/root.crt testdata/demo/etc/haproxy/haproxy.cfg
expect_status 1 "demo haproxy"
expect_match "demo haproxy: the routed name gets the directory's first certificate" "$out" \
	"'api.example.test' is not covered by the certificate '/etc/haproxy/certs/expiring.example.test.pem'"
expect_match "demo haproxy: summary" "$out" "in 1 file, 3 sites, 2 certificates$"

# An entry outside --root: relative paths are read from nginx's /etc/nginx under the root, and
# the output says that it assumed so (nginx itself would read them beside the file).
mkdir -p "$tmp/img/etc/nginx" "$tmp/elsewhere"
cp testdata/pki/www.fullchain.crt "$tmp/img/etc/nginx/www.crt"
cp testdata/pki/www.key "$tmp/img/etc/nginx/www.key"
chmod 600 "$tmp/img/etc/nginx/www.key"
printf 'events {}\nhttp { server { listen 443 ssl; server_name www.example.test;\n ssl_certificate www.crt; ssl_certificate_key www.key; } }\n' >"$tmp/elsewhere/nginx.conf"
run --root "$tmp/img" --now $NOW --ca-file testdata/pki/root.crt "$tmp/elsewhere/nginx.conf"
expect_status 1 "entry outside --root"
expect_no_match "entry outside --root: its relative certificate is found under the root" "$out" "cert-missing|key-missing"
expect_match "entry outside --root: the assumption is a note" "$out" \
	"^note: '.*/elsewhere/nginx.conf' is outside --root: tlslint takes it to be deployed as /etc/nginx/nginx.conf"
run --root "$tmp/img" --now $NOW --ca-file testdata/pki/root.crt --format json "$tmp/elsewhere/nginx.conf"
expect_match "entry outside --root: the note in JSON" "$out" '"notes": \[$'
run --root "$tmp/img" --now $NOW --ca-file testdata/pki/root.crt - <"$tmp/elsewhere/nginx.conf"
expect_no_match "standard input under --root: relative certificate found" "$out" "cert-missing|key-missing"
expect_match "standard input under --root: the assumption is a note" "$out" \
	"^note: tlslint takes '.*' to be deployed as /etc/nginx/nginx.conf"
run --now $NOW --ca-file testdata/pki/root.crt --root testdata testdata/nginx/cert-expired-ok/nginx.conf
expect_no_match "entry inside --root: no note" "$out" "^note:"

# Audit mode: no PATH lints every server's config at its usual place (under --root here) in one
# report, and says which entries it used; nothing found is exit 2 naming where it looked.
run --root testdata/demo --now $NOW --ca-file testdata/pki/root.crt
expect_status 1 "audit of the demo tree"
expect_match "audit: names the three entries" "$out" \
	"^note: audit of testdata/demo: linted /etc/nginx/nginx.conf \(nginx\), /etc/apache2/apache2.conf \(apache\), /etc/haproxy/haproxy.cfg \(haproxy\)$"
expect_match "audit: nginx findings are in the report" "$out" "^etc/nginx/|testdata/demo/etc/nginx/"
expect_match "audit: HAProxy findings are in the report" "$out" "testdata/demo/etc/haproxy/haproxy.cfg:"
mkdir -p "$tmp/rhel/etc/httpd/conf"
printf 'Listen 443\n<VirtualHost *:443>\n  ServerName www.example.test\n</VirtualHost>\n' >"$tmp/rhel/etc/httpd/conf/httpd.conf"
run --root "$tmp/rhel" --now $NOW
expect_match "audit: the RHEL httpd layout is found" "$out" "^note: audit of .*: linted /etc/httpd/conf/httpd.conf \(apache\)$"
mkdir -p "$tmp/nothing"
run --root "$tmp/nothing" --now $NOW
expect_status 2 "audit of a tree without configs"
expect_match "audit: where it looked" "$err" "no config found at the usual locations under --root '.*/nothing' \(/etc/nginx/nginx.conf, "

# explain: every check's page, compiled in, byte for byte the page in docs/checks; an unknown id
# is exit 2 with a suggestion. meson install puts the same pages in the data dir.
for id in $("$TLSLINT" --list-checks --format json | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["checks"]))'); do
	"$TLSLINT" explain "$id" >"$tmp/page" 2>"$tmp/err" || { echo "FAIL: explain $id: exit $?"; fails=$((fails + 1)); continue; }
	cmp -s "$tmp/page" "docs/checks/$id.md" || { echo "FAIL: explain $id differs from docs/checks/$id.md"; fails=$((fails + 1)); }
done
echo "ok: explain prints every check's page"
run explain cert-expird
expect_status 2 "explain an unknown id"
expect_match "explain: did you mean" "$err" "did you mean 'cert-expired'"
run explain
expect_status 2 "explain without an id"
builddir=$(dirname "$(dirname "$TLSLINT")")
if [ -f "$builddir/build.ninja" ] && meson install -C "$builddir" --destdir "$tmp/inst" --no-rebuild --quiet >/dev/null 2>&1; then
	n=$(find "$tmp/inst" -path '*/share/tlslint/checks/*.md' | wc -l)
	want=$(ls docs/checks/*.md | wc -l)
	if [ "$n" -eq "$want" ]; then echo "ok: meson install puts the $n check pages in the data dir"; else
		echo "FAIL: meson install put $n check pages, want $want"; fails=$((fails + 1)); fi
else
	echo "FAIL: meson install into a destdir failed"; fails=$((fails + 1))
fi

# Baseline adoption: record today's findings, edit the config elsewhere (lines move), and no
# recorded finding returns; a new mistake, even one identical to a recorded one, is reported.
mkdir -p "$tmp/bl"
cp testdata/nginx/cert-expired/nginx.conf "$tmp/bl/nginx.conf"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --write-baseline "$tmp/bl/baseline.json" "$tmp/bl/nginx.conf"
expect_status 0 "--write-baseline passes the run that records it"
expect_match "--write-baseline says what it recorded" "$out" "^note: 1 finding recorded in .*baseline.json$"
expect_match "baseline file holds the finding" "$(cat "$tmp/bl/baseline.json")" '"check": "cert-expired"'
expect_no_match "baseline file has no line numbers" "$(cat "$tmp/bl/baseline.json")" '"line"'
sed -i 's/^events {}$/# a comment\n# and another, so every line moves\nevents {}/' "$tmp/bl/nginx.conf"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --baseline "$tmp/bl/baseline.json" "$tmp/bl/nginx.conf"
expect_status 0 "baseline: moved lines bring no old finding back"
expect_match "baseline: says how many it hid" "$out" "^note: 1 finding recorded in the baseline .* not shown$"
sed -i 's|^\( *\)ssl_certificate_key /pki/expired.key;|&\n\1ssl_certificate /pki/expired.fullchain.crt;\n\1ssl_certificate_key /pki/expired.key;|' "$tmp/bl/nginx.conf"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --baseline "$tmp/bl/baseline.json" "$tmp/bl/nginx.conf"
expect_status 1 "baseline: a second identical mistake is new"
expect_match "baseline: the new one is reported" "$out" "\[cert-expired\]"
sed -i 's|/pki/expired\.|/pki/www.|g; s|expired.example.test|www.example.test|' "$tmp/bl/nginx.conf"
run --root testdata --now $NOW --ca-file testdata/pki/root.crt --baseline "$tmp/bl/baseline.json" "$tmp/bl/nginx.conf"
expect_match "baseline: a fixed finding is counted as gone" "$out" \
	"^note: 1 finding of the baseline no longer occurs: run --write-baseline again to drop it$"
# The file names of a baseline are relative to the root, however the run spells it: written
# with --root . from inside the tree, it matches a run with the absolute root from elsewhere.
mkdir -p "$tmp/bl2"
cp -r testdata/pki "$tmp/bl2/pki"
chmod 600 "$tmp/bl2"/pki/*.key
cp testdata/nginx/cert-expired/nginx.conf "$tmp/bl2/nginx.conf"
(cd "$tmp/bl2" && "$TLSLINT" --root . --now $NOW --ca-file pki/root.crt --write-baseline b.json \
	./nginx.conf >/dev/null 2>&1)
expect_match "baseline: the file is named relative to the root" "$(cat "$tmp/bl2/b.json")" \
	'"file": "nginx.conf"'
run --root "$tmp/bl2" --now $NOW --ca-file testdata/pki/root.crt --baseline "$tmp/bl2/b.json" "$tmp/bl2/nginx.conf"
expect_status 0 "baseline: the same tree spelled another way matches"
expect_match "baseline: all hidden" "$out" "^note: 1 finding recorded in the baseline .* not shown$"
# A .tlslint.yaml in the directory tlslint runs in (a repository's root, as pre-commit and CI
# run it) with root: . names files as the user typed them: "nginx.conf:…", not "/tmp/…/" or "./".
printf 'root: .\nentry: [nginx.conf]\nca-file: pki/root.crt\n' >"$tmp/bl2/.tlslint.yaml"
(cd "$tmp/bl2" && "$TLSLINT" --now $NOW >"$tmp/out" 2>&1)
expect_match "config in the current directory: relative places" "$(cat "$tmp/out")" '^nginx\.conf:[0-9]+:[0-9]+: error: .*\[cert-expired\]$'
expect_no_match "config in the current directory: no absolute or ./ places" "$(cat "$tmp/out")" "^($tmp|\./)"
printf 'findings: []\n' >"$tmp/bl/bad.json"
run --baseline "$tmp/bl/bad.json" "$tmp/bl/nginx.conf"
expect_status 2 "baseline without the format key"
expect_match "baseline error names the file" "$err" "bad.json.*not a tlslint baseline"
printf '{"tlslint-baseline": "1", "findings": [{"check": "x", "file": "y"}]}\n' >"$tmp/bl/bad.json"
run --baseline "$tmp/bl/bad.json" "$tmp/bl/nginx.conf"
expect_status 2 "baseline entry without text"
expect_match "baseline error has file:line:col" "$err" "bad.json:1:[0-9]+: a baseline finding needs check, file and text"
run --baseline "$tmp/bl/missing.json" "$tmp/bl/nginx.conf"
expect_status 2 "missing baseline file"

# The default trust anchors are the public bundle, not every hash link of the certificate
# directory: a self-signed host certificate linked there (Debian's snakeoil) is not trusted.
mkdir -p "$tmp/ts/dir" "$tmp/ts/etc/nginx"
cp testdata/pki/selfsigned.crt "$tmp/ts/dir/"
openssl rehash "$tmp/ts/dir" 2>/dev/null
cp testdata/pki/selfsigned.crt testdata/pki/selfsigned.key "$tmp/ts/etc/nginx/"
chmod 600 "$tmp/ts/etc/nginx/selfsigned.key"
printf 'events {}\nhttp { server { listen 443 ssl; server_name selfsigned.example.test;\n ssl_certificate selfsigned.crt; ssl_certificate_key selfsigned.key; } }\n' >"$tmp/ts/etc/nginx/nginx.conf"
SSL_CERT_DIR="$tmp/ts/dir" run --root "$tmp/ts" --now $NOW "$tmp/ts/etc/nginx/nginx.conf"
expect_match "default trust: a self-signed certificate in the hash directory is not trusted" "$out" "\[cert-self-signed\]"
SSL_CERT_FILE="$tmp/ts/dir/selfsigned.crt" run --root "$tmp/ts" --now $NOW "$tmp/ts/etc/nginx/nginx.conf"
expect_no_match "default trust: SSL_CERT_FILE names the bundle" "$out" "\[cert-self-signed\]"
run --ca-path "$tmp/ts/dir" --root "$tmp/ts" --now $NOW "$tmp/ts/etc/nginx/nginx.conf"
expect_no_match "--ca-path still selects a directory" "$out" "\[cert-self-signed\]"

# Pre-commit passes changed files: a site file and the main config that includes it are one
# server (main configs first, the included file not a second time), and a site file alone is
# read through the main config found under --root.
mkdir -p "$tmp/pc/etc/nginx/sites-enabled"
printf 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n' >"$tmp/pc/etc/nginx/nginx.conf"
printf 'server {\n    listen 80;\n    server_name www.example.test;\n}\n' >"$tmp/pc/etc/nginx/sites-enabled/www.conf"
run --root "$tmp/pc" "$tmp/pc/etc/nginx/sites-enabled/www.conf" "$tmp/pc/etc/nginx/nginx.conf"
expect_match "changed files: one site, not two" "$out" "in 2 files, 1 site, "
expect_match "changed files: the included one is named" "$out" "^note: '.*/www.conf' is included by a main config that was linted"
run --root "$tmp/pc" "$tmp/pc/etc/nginx/sites-enabled/www.conf"
expect_match "a site file alone is read through its main config" "$out" "in 2 files, 1 site, "
expect_no_match "a site file alone: not linted as a snippet" "$out" "outside any http"

# The catalogue and the version.
run --list-checks --format json
expect_status 0 "--list-checks json"
expect_match "catalogue has ssl-no-certificate" "$out" '"id": "ssl-no-certificate"'
run --version
expect_match "--version names the default nginx target" "$out" "nginx 1\.30"
expect_match "--version names the default HAProxy target" "$out" "HAProxy 3\.4\.0"

# clients_see of certificate findings is computed by the simulation (here the name: s1.expired…
# is not on the certificate, which clients report before its date), up to 200 sites with such
# findings; above that lint keeps the checks' general lists and says so (issue 13, item 5).
mkdir -p "$tmp/many"
{
	echo "events {} http { access_log off;"
	for i in $(seq 1 201); do
		echo "server { listen 127.0.0.1:18443 ssl; server_name s$i.expired.example.test;"
		echo "  ssl_certificate /pki/expired.fullchain.crt; ssl_certificate_key /pki/expired.key; }"
	done
	echo "}"
} >"$tmp/many/nginx.conf"
run --root testdata --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt "$tmp/many/nginx.conf"
expect_match "201 sites: the general lists, said" "$out" "^note: 201 sites have certificate or handshake findings, more than the 200"
expect_no_match "201 sites: no simulated list" "$out" "chromium-156-linux"
sed -i '/s201\./,+1d' "$tmp/many/nginx.conf"
run --root testdata --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt "$tmp/many/nginx.conf"
expect_no_match "200 sites: no note" "$out" "^note: .* more than the 200"
expect_match "200 sites: the broken clients by profile" "$out" "NET::ERR_CERT_COMMON_NAME_INVALID \\(chromium-156-linux"

# The client profiles of 'tlslint simulate' (issue 13): at least 30, ids family-version[-platform],
# each with a source; an unknown id is a usage error naming the list.
run simulate --list-clients --format json
expect_status 0 "simulate --list-clients json"
if ! python3 -c '
import json, re, sys
p = json.load(sys.stdin)
ids = [c["id"] for c in p]
assert len(p) >= 30, len(p)
assert len(set(ids)) == len(ids)
assert all(re.fullmatch(r"[a-z]+-[0-9][0-9a-z.]*(-[a-z0-9]+)?", i) for i in ids), ids
assert all(c["source"] and c["era"] in ("current", "legacy") for c in p)
assert {c["era"] for c in p} == {"current", "legacy"}
' <<<"$out"; then
	echo "FAIL: simulate --list-clients: the profiles are not as documented"
	fails=$((fails + 1))
fi
run simulate --clients no-such-client testdata/nginx/chain-ok/nginx.conf
expect_status 2 "simulate: unknown client"
expect_match "simulate: unknown client named" "$err" "unknown client 'no-such-client' in '--clients'"
run simulate --root testdata --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt \
	--clients legacy -f json testdata/nginx/chain-ok/nginx.conf
expect_status 0 "simulate --clients legacy"
expect_no_match "simulate --clients legacy: no current client" "$out" '"era": "current"'
expect_match "simulate --clients legacy: legacy clients" "$out" '"id": "android-7.0"'

# TLSLINT_TIMINGS=1 (issue 14): one line per phase on stderr, the report unchanged; without it,
# nothing on stderr.
run --root testdata --now $NOW --ca-file testdata/pki/root.crt -f json "$expired"
plain=$out
expect_no_match "no timings without TLSLINT_TIMINGS" "$err" "timing"
TLSLINT_TIMINGS=1 run --root testdata --now $NOW --ca-file testdata/pki/root.crt -f json "$expired"
for phase in start-up 'read\+parse' lowering certificates checks output total; do
	expect_match "TLSLINT_TIMINGS: phase $phase" "$err" "^tlslint: timing $phase +[0-9.]+ ms"
done
expect_match "TLSLINT_TIMINGS: the slowest checks" "$err" "^tlslint: timing check cert-expired [0-9.]+ ms"
[ "$out" = "$plain" ] || {
	echo "FAIL: TLSLINT_TIMINGS changes the report"
	fails=$((fails + 1))
}

echo "$fails failed"
[ "$fails" -eq 0 ]
