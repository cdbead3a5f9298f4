#!/bin/sh
# demo-nginx-t.sh - run the real `nginx -t` on the demo tree (testdata/demo), to check that the
# demo is a config nginx really accepts, apart from its one deliberate load-time error.
#
#   sh scripts/demo-nginx-t.sh            # NGINX=/path/to/nginx to use another binary
#
# The demo names /etc/... and /var/... paths (tlslint reads them under --root).  nginx has no
# --root, so this copies the tree to a temporary directory and rewrites those paths into it;
# nginx -t then opens nothing outside that directory and binds no socket.  Expected: nginx -t
# fails with "cannot load certificate .../beta.expiring.example.test.pem" and nothing else — it
# checks only what it must load, so the expired certificate, the expiring one and the
# non-default server without a certificate all pass.
set -eu

nginx=${NGINX:-/usr/sbin/nginx}
demo=$(cd "$(dirname "$0")/../testdata/demo" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

cp -R "$demo/etc" "$tmp/etc"
mkdir -p "$tmp/var/log/nginx" "$tmp/var/www/html" "$tmp/var/www/shop"
find "$tmp/etc/nginx" -type f -exec sed -i \
	-e "s|/etc/|$tmp/etc/|g" -e "s|/var/|$tmp/var/|g" {} +

status=0
"$nginx" -t -c "$tmp/etc/nginx/nginx.conf" -p "$tmp/" -e "$tmp/var/log/nginx/error.log" \
	-g "pid $tmp/nginx.pid;" >"$tmp/out" 2>&1 || status=$?
sed "s|$tmp|<demo>|g" "$tmp/out"
echo "nginx -t exit status: $status"
exit "$status"
