#!/usr/bin/env bash
# The text report end to end: wrapped to COLUMNS or to the terminal (a
# pseudo-terminal from script(1)), never wrapped in a pipe without COLUMNS,
# excerpts and places never broken; and no path under --root shown as this
# machine's path in a message, text, JSON or SARIF.
# Usage: text-output.sh TLSLINT   (run from the repository root)
set -u
TLSLINT=$(realpath "$1")
COMMON=(--root testdata --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt --color never)
fails=0
tmp=$(mktemp -d)
# KEEP_TMP=1 keeps the outputs for a look, and prints where they are.
if [ -n "${KEEP_TMP:-}" ]; then
	echo "$tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi

fail() {
	echo "FAIL: $1"
	fails=$((fails + 1))
}

ok() { echo "ok: $1"; }

# longest FILE [SKIP_EXCERPTS]: the widest line in characters, excerpt and caret lines left out.
longest() {
	python3 - "$1" <<'EOF'
import re, sys
w = 0
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if re.match(r"^ +(\d+)? \| ", line):
        continue
    w = max(w, len(line))
print(w)
EOF
}

case=testdata/nginx/one-cause/nginx.conf
unset COLUMNS
"$TLSLINT" "${COMMON[@]}" "$case" >"$tmp/plain"

# A pipe and no COLUMNS: the layout of the goldens, headlines whole however long.
if [ "$(longest "$tmp/plain")" -gt 200 ]; then
	ok "no width known: headlines are not wrapped"
else
	fail "no width known: expected a headline over 200 columns in $case"
fi

for cols in 60 200; do
	COLUMNS=$cols "$TLSLINT" "${COMMON[@]}" "$case" >"$tmp/c$cols"
	w=$(longest "$tmp/c$cols")
	if [ "$w" -le "$cols" ]; then
		ok "COLUMNS=$cols: every line within $cols columns (widest $w)"
	else
		fail "COLUMNS=$cols: a line of $w columns"
		cat "$tmp/c$cols"
	fi
	# The words are the same, only the line breaks moved; excerpts and carets are unchanged.
	# A list too wide for any line (a fix's cipher list) breaks after a colon, so blanks
	# after colons do not count either.
	if [ "$(tr -s ' \n' '  ' <"$tmp/c$cols" | sed 's/: /:/g')" = \
		"$(tr -s ' \n' '  ' <"$tmp/plain" | sed 's/: /:/g')" ]; then
		ok "COLUMNS=$cols: the same words as unwrapped"
	else
		fail "COLUMNS=$cols: the text differs beyond line breaks"
		diff "$tmp/plain" "$tmp/c$cols" | head -20
	fi
	if [ "$(grep -E '^ +([0-9]+)? \| ' "$tmp/c$cols")" = "$(grep -E '^ +([0-9]+)? \| ' "$tmp/plain")" ]; then
		ok "COLUMNS=$cols: excerpt and caret lines untouched"
	else
		fail "COLUMNS=$cols: excerpt or caret lines changed"
	fi
	# Every place stays whole at the start of a line.
	n_plain=$(grep -cE '^testdata/nginx/one-cause/nginx\.conf:[0-9]+:[0-9]+: (error|warning|info):' "$tmp/plain")
	n_cols=$(grep -cE '^testdata/nginx/one-cause/nginx\.conf:[0-9]+:[0-9]+: (error|warning|info):' "$tmp/c$cols")
	if [ "$n_plain" -eq "$n_cols" ] && [ "$n_plain" -gt 0 ]; then
		ok "COLUMNS=$cols: $n_cols headlines start with their whole place"
	else
		fail "COLUMNS=$cols: $n_cols headlines with a whole place, want $n_plain"
	fi
done
if ! cmp -s "$tmp/c60" "$tmp/plain" && grep -q '^    [a-z(]' "$tmp/c60"; then
	ok "COLUMNS=60: headlines continue on lines indented by four"
else
	fail "COLUMNS=60: no wrapped headline"
fi

# A value that is no number is ignored; a tiny one is raised to 40.
COLUMNS=wide "$TLSLINT" "${COMMON[@]}" "$case" >"$tmp/bad"
if cmp -s "$tmp/bad" "$tmp/plain"; then
	ok "COLUMNS=wide is ignored"
else
	fail "COLUMNS=wide changed the output"
fi
COLUMNS=10 "$TLSLINT" "${COMMON[@]}" "$case" >"$tmp/tiny"
w=$(longest "$tmp/tiny")
COLUMNS=40 "$TLSLINT" "${COMMON[@]}" "$case" >"$tmp/c40"
if cmp -s "$tmp/tiny" "$tmp/c40"; then
	ok "COLUMNS=10 wraps as COLUMNS=40 (widest $w)"
else
	fail "COLUMNS=10 is not clamped to 40"
fi
# gcc and JSON never wrap.
COLUMNS=60 "$TLSLINT" "${COMMON[@]}" --format gcc "$case" >"$tmp/gcc60"
"$TLSLINT" "${COMMON[@]}" --format gcc "$case" >"$tmp/gcc"
if cmp -s "$tmp/gcc60" "$tmp/gcc"; then ok "gcc ignores COLUMNS"; else fail "gcc wrapped"; fi

# A terminal 70 columns wide: the tty's width when COLUMNS is not set.
if script -qec "stty cols 70 rows 50; env -u COLUMNS $TLSLINT ${COMMON[*]} $case" /dev/null \
	>"$tmp/tty" 2>&1; then :; fi
tr -d '\r' <"$tmp/tty" >"$tmp/tty.txt"
w=$(longest "$tmp/tty.txt")
if [ "$w" -le 70 ] && [ "$w" -gt 60 ] && grep -q 'applies to: http {}' "$tmp/tty.txt"; then
	ok "a 70-column terminal: wrapped at 70 (widest $w)"
else
	fail "a 70-column terminal: widest line $w"
	head -20 "$tmp/tty.txt"
fi

# --root: paths as deployed. A root whose name appears nowhere else, a config with problems
# about files it names (relative and absolute, missing, unreadable, included), at http level.
root="$tmp/QZROOTQZ"
mkdir -p "$root/etc/nginx/conf.d" "$root/etc/ssl"
cp testdata/pki/www.fullchain.crt "$root/etc/ssl/www.crt"
cp testdata/pki/www.key "$root/etc/ssl/www.key"
chmod 600 "$root/etc/ssl/www.key"
cp testdata/pki/expired.fullchain.crt "$root/etc/nginx/expired.crt"
cp testdata/pki/expired.key "$root/etc/nginx/expired.key"
chmod 644 "$root/etc/nginx/expired.key"
cat >"$root/etc/nginx/nginx.conf" <<'EOF'
events {}
http {
    ssl_certificate     expired.crt;
    ssl_certificate_key expired.key;
    ssl_dhparam /etc/ssl/dh-missing.pem;
    ssl_password_file missing-passwords.txt;
    include conf.d/*.conf;
    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     /etc/ssl/www.crt;
        ssl_certificate_key /etc/ssl/www.key;
        ssl_trusted_certificate /etc/ssl/missing-ca.pem;
        ssl_client_certificate /etc/ssl/missing-clients.pem;
        ssl_verify_client on;
    }
}
EOF
cat >"$root/etc/nginx/conf.d/a.conf" <<'EOF'
server {
    listen 443 ssl;
    server_name expired.example.test;
    ssl_stapling on;
    ssl_stapling_file /etc/ssl/missing.ocsp;
}
server {
    listen 443 ssl;
    server_name other.example.test;
    ssl_certificate     /etc/ssl/missing.crt;
    ssl_certificate_key /etc/ssl/missing.key;
}
EOF
for fmt in text json sarif; do
	"$TLSLINT" --root "$root" --now 2026-06-01T00:00:00Z --ca-file testdata/pki/root.crt \
		--color never --format "$fmt" "$root/etc/nginx/nginx.conf" >"$tmp/root.$fmt"
done
# The config files themselves are named as the user named them (places to edit, under the
# PATH given); so is a file read from another place than its name says ("read from this path on
# this machine"). Nothing else may show the root.
leaks=$(python3 - "$tmp" "$root" <<'EOF'
import json, re, sys
tmp, root = sys.argv[1], sys.argv[2]
HOST = "read from this path on this machine"
bad = []
for line in open(f"{tmp}/root.text").read().splitlines():
    line = re.sub(r"^(  related: )?" + re.escape(root) + r"/\S*?:\d+:\d+: ", "", line)
    if root in line and not line.endswith(HOST):
        bad.append("text: " + line)
doc = json.load(open(f"{tmp}/root.json"))
for f in doc["findings"]:
    if root in f["message"] or root in str(f.get("site")) or root in str(f.get("sites")):
        bad.append("json: " + f["message"])
    for r in f["related"]:
        if root in r["message"] or (root in (r["file"] or "") and "line" not in r
                                    and r["message"] != HOST):
            bad.append("json related: " + json.dumps(r))
sarif = json.load(open(f"{tmp}/root.sarif"))
for res in sarif["runs"][0]["results"]:
    if root in res["message"]["text"]:
        bad.append("sarif: " + res["message"]["text"])
print("\n".join(bad))
EOF
)
n=$(grep -c . "$tmp/root.text")
if [ -z "$leaks" ] && grep -q "cannot read certificate '/etc/ssl/missing.crt'" "$tmp/root.text" &&
	grep -q "^  related: expired.crt: leaf certificate" "$tmp/root.text" &&
	grep -q "DH parameters file '/etc/ssl/dh-missing.pem' cannot be read" "$tmp/root.text"; then
	ok "--root: no message names the root ($n lines of text, JSON and SARIF checked)"
else
	fail "--root: the root shows in messages"
	printf '  %s\n' "$leaks"
fi

if [ "$fails" -ne 0 ]; then
	echo "$fails failed"
	exit 1
fi
