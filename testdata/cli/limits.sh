#!/usr/bin/env bash
# Hostile sizes: what a config controls must not blow up tlslint's output, memory or time, and a
# limit of tlslint's must be reported as tlslint's, not as something the server does.
# Usage: limits.sh TLSLINT   (run from the repository root)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# run DIR: lints DIR/nginx.conf; sets status, out (text), size (bytes of the JSON report).
run() {
	"$TLSLINT" --now $NOW --ca-file "$PKI/root.crt" --color never "$1/nginx.conf" >"$tmp/out" \
		2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	"$TLSLINT" --now $NOW --ca-file "$PKI/root.crt" --format json "$1/nginx.conf" >"$tmp/json" \
		2>/dev/null
	size=$(stat -c %s "$tmp/json")
}

server() { # PORT NAME; $EXTRA: more directives on the first line
	printf 'server { listen 127.0.0.1:%s ssl; server_name %s;%s\n' "$1" "$2" "${EXTRA:-}"
	printf '  ssl_certificate %s/www.fullchain.crt; ssl_certificate_key %s; }\n' "$PKI" \
		"${KEY:-$PKI/www.key}"
}

# 1. A 10 MB cipher string inherited by 50 servers: quoted cut, once per cause.
d=$tmp/long-token
mkdir -p "$d"
{
	printf 'events {}\nhttp {\n    ssl_ciphers "'
	head -c 10485760 /dev/zero | tr '\0' 'A'
	printf '";\n'
	for i in $(seq 1 50); do server 18000 "s$i.example.test"; done
	printf '}\n'
} >"$d/nginx.conf"
run "$d"
[ "$status" -eq 1 ] || fail "long token: exit $status, want 1: $(cat "$tmp/err")"
grep -q "… (10485760 bytes)" "$tmp/out" || fail "long token: the cipher string is not shown cut"
[ "$size" -lt 200000 ] || fail "long token: $size bytes of JSON for a 10 MB argument"
[ $fails -eq 0 ] && echo "ok: a 10 MB argument is quoted cut ($size bytes of JSON)"

# 2. An included file over tlslint's size limit: its limit, not a server refusal.
before=$fails
d=$tmp/big-include
mkdir -p "$d"
printf 'events {}\nhttp {\n    include big.conf;\n%s}\n' "$(server 18000 www.example.test)" \
	>"$d/nginx.conf"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' '#' >"$d/big.conf"
run "$d"
grep -q "larger than tlslint's limit of 16777216 bytes; it was not read \[parse-error\]" \
	<<<"$out" || fail "big include: no finding naming tlslint's limit: $out"
grep -q "refuses to start" <<<"$(grep parse-error <<<"$out")" &&
	fail "big include: the limit is presented as a server refusal"
[ $fails -eq $before ] && echo "ok: a file over the size limit is tlslint's limit"

# 3. A wildcard include matching more files than tlslint reads.
before=$fails
d=$tmp/many-files
mkdir -p "$d/conf.d"
for i in $(seq 1 4100); do : >"$d/conf.d/$i.conf"; done
printf 'events {}\nhttp {\n    include conf.d/*.conf;\n%s}\n' "$(server 18000 www.example.test)" \
	>"$d/nginx.conf"
run "$d"
grep -q "matches more than 4096 files, tlslint's limit; none was read \[parse-error\]" <<<"$out" ||
	fail "many files: no finding naming the limit: $out"
[ $fails -eq $before ] && echo "ok: a wildcard matching 4,100 files is tlslint's limit"

# 4. 20,000 servers naming one world-readable key: one finding, each directive related once.
before=$fails
d=$tmp/shared-key
mkdir -p "$d"
cp "$PKI/www.key" "$d/world.key"
chmod 644 "$d/world.key"
{
	printf 'events {}\nhttp {\n'
	for i in $(seq 1 20000); do KEY=$d/world.key server $((18000 + i % 50)) "s$i.example.test"; done
	printf '}\n'
} >"$d/nginx.conf"
run "$d"
n=$(grep -c '\[key-permissions\]' <<<"$out")
[ "$n" -eq 1 ] || fail "shared key: $n key-permissions findings, want 1"
related=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = [f for f in d["findings"] if f["check"] == "key-permissions"]
print(sum(1 for r in f[0]["related"] if "same key file" in r["message"]) if f else -1)' "$tmp/json")
[ "$related" -eq 19999 ] || fail "shared key: $related other directives related, want 19999"
[ $fails -eq $before ] && echo "ok: one key-permissions finding for 20,000 servers"

# 5. A port range of 65,000 ports on 20 servers: the sockets stop at tlslint's limit.
before=$fails
d=$tmp/port-range
mkdir -p "$d"
{
	printf 'events {}\nhttp {\n'
	for i in $(seq 1 20); do
		printf 'server { listen 127.0.0.1:1000-65535 ssl; server_name r%s.example.test;\n' "$i"
		printf '  ssl_certificate %s/www.fullchain.crt; ssl_certificate_key %s/www.key; }\n' \
			"$PKI" "$PKI"
	done
	printf '}\n'
} >"$d/nginx.conf"
run "$d"
grep -q "open more than 1048576 sockets, tlslint's limit" <<<"$out" ||
	fail "port range: no finding naming the socket limit"
[ $fails -eq $before ] && echo "ok: port ranges stop at the socket limit"

# 6. Includes multiplied through a chain (each file includes the next four times, 12 deep: 16
#    million parses of empty files): stopped at tlslint's parse limit, with the servers before
#    it read. And one snippet included by 5,000 servers (certbot's options-ssl-nginx.conf) is
#    one file, not 5,000: no limit is hit (issue 14; 4,096 includes used to stop the parse).
before=$fails
d=$tmp/include-bomb
mkdir -p "$d"
for i in $(seq 0 11); do
	for k in 1 2 3 4; do printf 'include f%d.conf;\n' $((i + 1)); done >"$d/f$i.conf"
done
: >"$d/f12.conf"
printf 'events {}\nhttp {\n%s\n    include f0.conf;\n}\n' "$(server 18000 www.example.test)" \
	>"$d/nginx.conf"
run "$d"
grep -q "includes parsed more than 262144 times in all (tlslint's limit): the rest was not read \[parse-error\]" \
	<<<"$out" || fail "include bomb: no finding naming the parse limit: $(head -c 2000 <<<"$out")"
grep -q "refuses to start" <<<"$(grep parse-error <<<"$out")" &&
	fail "include bomb: the limit is presented as a server refusal"
d=$tmp/snippet
mkdir -p "$d"
printf 'ssl_session_tickets off;\n' >"$d/snippet.conf"
{
	printf 'events {}\nhttp {\n'
	for i in $(seq 1 5000); do
		EXTRA=' include snippet.conf;' server $((18000 + i % 50)) "s$i.example.test"
	done
	printf '}\n'
} >"$d/nginx.conf"
run "$d"
grep -q "parse-error" <<<"$out" && fail "snippet: 5,000 includes of one file hit a limit: $(grep -m1 parse-error <<<"$out")"
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["sites"])' "$tmp/json")
[ "$n" -eq 5000 ] || fail "snippet: $n sites read, want 5000"
[ $fails -eq $before ] && echo "ok: an include chain stops at the parse limit; a shared snippet is one file"

echo "$fails failed"
[ "$fails" -eq 0 ]
