#!/usr/bin/env bash
# Hostile files that git cannot hold, made here: FIFOs and devices where a config, an include, a
# certificate or a key is expected (never opened, so a run never blocks), and a certificate file
# of 100,000 PEM blocks (bounded in time and memory). The static limits (NUL bytes, non-UTF-8,
# binary and empty configs, include cycles and depth, nesting, arguments, directories and link
# loops) are golden cases: testdata/*/limit-*. What the servers do with FIFOs and devices is
# testdata/realserver/hostile-files.sh.
# Usage: hostile-files.sh TLSLINT   (run from the repository root)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# lint FILE...: runs tlslint (10 s at most: a FIFO opened for reading would block forever);
# sets status and out (stdout and stderr).
lint() {
	timeout 10 "$TLSLINT" --now $NOW --ca-file "$PKI/root.crt" --color never "$@" >"$tmp/out" 2>&1
	status=$?
	out=$(cat "$tmp/out")
}

# want DESCRIPTION REGEX: the last run's output matches REGEX.
want() {
	grep -Eq -- "$2" <<<"$out" || fail "$1: no match for /$2/ in: $(head -c 1500 <<<"$out")"
}

mkfifo "$tmp/fifo"
key=$tmp/www.key
cp "$PKI/www.key" "$key"
chmod 600 "$key"

# 1. A FIFO or a device as the entry: exit 2, naming it, without blocking.
for entry in "$tmp/fifo" /dev/zero; do
	before=$fails
	lint "$entry"
	[ "$status" -eq 2 ] || fail "entry $entry: exit $status, want 2"
	want "entry $entry" "tlslint: cannot read '$entry': a (FIFO|device or a socket), not a regular file"
	[ $fails -eq $before ] && echo "ok: entry $entry is refused at once (exit 2)"
done

# 2. nginx: a FIFO as include, certificate and key; a device as certificate.
before=$fails
printf 'events {}\nhttp {\n    include %s;\n    server {\n        listen 443 ssl;\n        server_name www.example.test;\n        ssl_certificate %s;\n        ssl_certificate_key %s;\n    }\n    server {\n        listen 443 ssl;\n        server_name b.example.test;\n        ssl_certificate /dev/null;\n        ssl_certificate_key %s;\n    }\n}\n' \
	"$tmp/fifo" "$tmp/fifo" "$tmp/fifo" "$key" >"$tmp/nginx.conf"
lint "$tmp/nginx.conf"
[ "$status" -eq 1 ] || fail "nginx FIFOs: exit $status, want 1"
want "nginx FIFO include" "cannot read include file '$tmp/fifo': a FIFO, not a regular file \(tlslint does not read it\) \[include-missing\]"
want "nginx FIFO certificate" "cannot read certificate '$tmp/fifo': a FIFO, not a regular file \(tlslint does not read it\); the server blocks at start-up, waiting for something to write to the FIFO \[cert-missing\]"
want "nginx device certificate" "cannot read certificate '/dev/null': a device or a socket, not a regular file \(tlslint does not read it\); the server refuses to start \[cert-missing\]"
[ $fails -eq $before ] && echo "ok: nginx: FIFOs and devices named as include, certificate and key"

# 3. Apache: a FIFO as certificate (mod_ssl refuses anything but a regular file) and as Include.
before=$fails
printf 'LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\nListen 443\nInclude %s\n<VirtualHost *:443>\n    ServerName www.example.test\n    SSLEngine on\n    SSLCertificateFile %s\n    SSLCertificateKeyFile %s\n</VirtualHost>\n' \
	"$tmp/fifo" "$tmp/fifo" "$key" >"$tmp/apache2.conf"
lint "$tmp/apache2.conf"
[ "$status" -eq 1 ] || fail "apache FIFOs: exit $status, want 1"
want "apache FIFO include" "cannot read include file '$tmp/fifo': a FIFO"
want "apache FIFO certificate" "cannot read certificate '$tmp/fifo': a FIFO, not a regular file \(tlslint does not read it\); the server refuses to start \[cert-missing\]"
[ $fails -eq $before ] && echo "ok: apache: FIFOs named as Include and certificate"

# 4. HAProxy: a FIFO as crt and as crt-list.
before=$fails
printf 'global\n    ssl-default-bind-options ssl-min-ver TLSv1.2\ndefaults\n    mode http\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\nfrontend www\n    bind :443 ssl crt %s\n    bind :8443 ssl crt-list %s\n' \
	"$tmp/fifo" "$tmp/fifo" >"$tmp/haproxy.cfg"
lint "$tmp/haproxy.cfg"
[ "$status" -eq 1 ] || fail "haproxy FIFOs: exit $status, want 1"
want "haproxy FIFO crt" "cannot read certificate '$tmp/fifo': a FIFO, not a regular file \(tlslint does not read it\); the server blocks at start-up"
want "haproxy FIFO crt-list" "cannot open the crt-list file '$tmp/fifo' : a FIFO"
[ $fails -eq $before ] && echo "ok: haproxy: FIFOs named as crt and crt-list"

# 5. A certificate file of 100,000 PEM blocks under tlslint's 4 MiB file limit (the leaf, then
#    small blocks of a type nobody reads: nginx -t passes it too), and one of 100,000 real
#    intermediates over the limit (115 MB): each a finding, in bounded time and memory, and the
#    second claims nothing of the server.
before=$fails
{
	sed -n '/BEGIN/,/END/p' "$PKI/www.crt"
	python3 -c 'import sys; sys.stdout.write("-----BEGIN X-----\nAA==\n-----END X-----\n" * 99999)'
} >"$tmp/many-blocks.crt"
python3 - "$PKI/www.fullchain.crt" "$tmp/huge.crt" <<'PY'
import sys
blocks = open(sys.argv[1]).read().split("-----END CERTIFICATE-----\n")
with open(sys.argv[2], "w") as out:
    out.write(blocks[0] + "-----END CERTIFICATE-----\n")
    out.write((blocks[1] + "-----END CERTIFICATE-----\n") * 100000)
PY
for crt in many-blocks huge; do
	printf 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name www.example.test;\n        ssl_certificate %s;\n        ssl_certificate_key %s;\n    }\n}\n' \
		"$tmp/$crt.crt" "$key" >"$tmp/$crt.conf"
	/usr/bin/time -f '%e %M' -o "$tmp/time" timeout 20 "$TLSLINT" --now $NOW \
		--ca-file "$PKI/root.crt" --color never "$tmp/$crt.conf" >"$tmp/out" 2>&1
	status=$?
	out=$(cat "$tmp/out")
	read -r secs kb < <(tail -n 1 "$tmp/time")
	[ "$status" -eq 1 ] || fail "$crt: exit $status, want 1"
	awk -v s="$secs" 'BEGIN { exit !(s < 5) }' || fail "$crt: $secs s"
	[ "$kb" -lt 300000 ] || fail "$crt: $kb KB peak"
done
# The run above was the huge file; the many-blocks run is checked again for its finding.
want "huge certificate file" "cannot read certificate '$tmp/huge.crt': larger than tlslint reads for such a file, so it was not read; the server may still load it"
lint "$tmp/many-blocks.conf"
want "100,000 PEM blocks" "certificate chain is incomplete: the issuer of the leaf .* \[chain-incomplete\]"
[ $fails -eq $before ] && echo "ok: 100,000 PEM blocks and a 115 MB certificate file, in bounded time and memory"

echo "$fails failed"
[ "$fails" -eq 0 ]
