#!/bin/sh
# demo-nginx-t.sh - run the real `nginx -t` on the demo tree (testdata/demo), to check that the
# demo is a config nginx really accepts, apart from its one deliberate load-time error.
#
#   sh scripts/demo-nginx-t.sh            # NGINX=/path/to/nginx to use another binary
#
# The demo names /etc/... and /var/... paths (tlslint reads them under --root).  nginx has no
# --root, so this copies the tree to a temporary directory and rewrites those paths into it;
# nginx -t then opens nothing outside that directory.  nginx -t does bind every listen address
# (1.22 opens the sockets in test mode as well), so the copy's listeners are moved to loopback
# ports that are free right now, one per original socket (80, [::]:80, 443, [::]:443), which
# keeps the default-server structure.  Expected: nginx -t
# fails with "cannot load certificate .../beta.expiring.example.test.pem" and nothing else — it
# checks only what it must load, so the expired certificate, the expiring one and the
# non-default server without a certificate all pass.
set -eu

nginx=${NGINX:-/usr/sbin/nginx}
demo=$(cd "$(dirname "$0")/../testdata/demo" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# -L: the certificates are links into testdata/pki, which the copy must not keep relative.
cp -RL "$demo/etc" "$tmp/etc"
mkdir -p "$tmp/var/log/nginx" "$tmp/var/www/html" "$tmp/var/www/shop"
base=$(python3 "$(dirname "$0")/../testdata/realserver/free_ports.py" -n 4)
find "$tmp/etc/nginx" -type f -exec sed -i \
	-e "s|/etc/|$tmp/etc/|g" -e "s|/var/|$tmp/var/|g" \
	-e "s|listen 80 |listen 127.0.0.1:$base |" \
	-e "s|listen \[::\]:80 |listen 127.0.0.1:$((base + 1)) |" \
	-e "s|listen 443 |listen 127.0.0.1:$((base + 2)) |" \
	-e "s|listen \[::\]:443 |listen 127.0.0.1:$((base + 3)) |" {} +

status=0
"$nginx" -t -c "$tmp/etc/nginx/nginx.conf" -p "$tmp/" -e "$tmp/var/log/nginx/error.log" \
	-g "pid $tmp/nginx.pid;" >"$tmp/out" 2>&1 || status=$?
sed "s|$tmp|<demo>|g" "$tmp/out"
echo "nginx -t exit status: $status"
exit "$status"
