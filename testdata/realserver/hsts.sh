#!/bin/bash
# hsts: which responses carry Strict-Transport-Security, from the real servers, with curl.
#   nginx (testdata/nginx/hsts-location-lost): the http-level add_header reaches / but not the
#     /api/ location that adds a header of its own, nor the server with an add_header of its
#     own; the third server sends its own, short, one.
#   httpd (testdata/apache/hsts-not-always): "Header set" without "always" sends it on a 200,
#     not on a 404.
#   HAProxy (testdata/haproxy/hsts-short): http-response set-header sends the configured value;
#     (testdata/haproxy/hsts-after-response) http-after-response reaches HAProxy's own 503.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"
tl_require_nginx
tl_require_apache
tl_require_haproxy
command -v curl >/dev/null || { echo "$TL_NAME: SKIP: no curl" >&2; exit 77; }

# head NAME PORT PATH: the response headers of https://NAME:PORT/PATH; sets HEAD_OUT.
head_of() {
	HEAD_OUT=$(timeout 10 curl -sS -o /dev/null -D - --cacert "$TL_PKI/root.crt" \
		--resolve "$1:$2:127.0.0.1" "https://$1:$2$3" 2>&1)
	tl_log "curl $1:$2$3" "$HEAD_OUT"
}

ngx_prepare hsts-location-lost n
if ngx_start "$n"; then
	ports=$(grep -o '127\.0\.0\.1:[0-9]*' "$n/nginx.conf" | cut -d: -f2)
	p1=$(sed -n 1p <<<"$ports") p2=$(sed -n 2p <<<"$ports") p3=$(sed -n 3p <<<"$ports")
	head_of www.example.test "$p1" /
	assert_contains "nginx: / inherits the http-level header" "$HEAD_OUT" \
		"Strict-Transport-Security: max-age=63072000"
	head_of www.example.test "$p1" /api/
	assert_contains "nginx: /api/ answers" "$HEAD_OUT" "Cache-Control: no-store"
	assert_not_contains "nginx: /api/ loses it (hsts-missing)" "$HEAD_OUT" "Strict-Transport-Security"
	head_of other.example.test "$p2" /
	assert_contains "nginx: other answers" "$HEAD_OUT" "X-Frame-Options: DENY"
	assert_not_contains "nginx: other loses it (hsts-missing)" "$HEAD_OUT" "Strict-Transport-Security"
	head_of www.example.test "$p3" /
	assert_contains "nginx: the short one (hsts-short)" "$HEAD_OUT" \
		"Strict-Transport-Security: max-age=86400"
	ngx_stop "$n"
else
	tl_fail "hsts-location-lost: nginx did not start"
fi

ngx_prepare hsts-not-always n
if ngx_start "$n"; then
	port=$(ngx_port "$n")
	head_of www.example.test "$port" /
	assert_contains "nginx: a 200" "$HEAD_OUT" "HTTP/1.1 200"
	assert_contains "nginx: a 200 carries it" "$HEAD_OUT" "Strict-Transport-Security: max-age=63072000"
	head_of www.example.test "$port" /no-such-page
	assert_contains "nginx: a 404" "$HEAD_OUT" "HTTP/1.1 404"
	assert_not_contains "nginx: a 404 goes without it (hsts-missing)" "$HEAD_OUT" \
		"Strict-Transport-Security"
	ngx_stop "$n"
else
	tl_fail "hsts-not-always: nginx did not start"
fi

ap_prepare hsts-not-always a
mkdir -p "$a/htdocs" && echo ok >"$a/htdocs/index.html"
sed -i "s|^DocumentRoot /tmp|DocumentRoot $a/htdocs|" "$a/apache2.conf"
if ap_start "$a"; then
	port=$(ap_port "$a")
	head_of www.example.test "$port" /index.html
	assert_contains "httpd: a 200" "$HEAD_OUT" "HTTP/1.1 200"
	assert_contains "httpd: a 200 carries it" "$HEAD_OUT" "Strict-Transport-Security: max-age=63072000"
	head_of www.example.test "$port" /no-such-page
	assert_contains "httpd: a 404" "$HEAD_OUT" "HTTP/1.1 404"
	assert_not_contains "httpd: a 404 goes without it (hsts-missing)" "$HEAD_OUT" \
		"Strict-Transport-Security"
	ap_stop "$a"
else
	tl_fail "hsts-not-always: httpd did not start: $AP_LOG"
fi

hp_prepare hsts-short h
if hp_start "$h"; then
	port=$(grep -o '^[[:space:]]*bind[[:space:]]*127\.0\.0\.1:[0-9]*' "$h/haproxy.cfg" | head -n 1 | sed 's/.*://')
	head_of www.example.test "$port" /
	assert_contains "haproxy: the configured value (hsts-short)" "$HEAD_OUT" \
		"strict-transport-security: max-age=3600"
	hp_stop "$h"
else
	tl_fail "hsts-short: haproxy did not start: $HP_LOG"
fi

# http-after-response reaches HAProxy's own answers: its 503 when no server is up.
hp_prepare hsts-after-response h
if hp_start "$h"; then
	port=$(grep -o '^[[:space:]]*bind[[:space:]]*127\.0\.0\.1:[0-9]*' "$h/haproxy.cfg" | head -n 1 | sed 's/.*://')
	head_of www.example.test "$port" /
	assert_contains "haproxy: its own 503" "$HEAD_OUT" "HTTP/1.1 503"
	assert_contains "haproxy: the 503 carries it (http-after-response)" "$HEAD_OUT" \
		"strict-transport-security: max-age=63072000"
	hp_stop "$h"
else
	tl_fail "hsts-after-response: haproxy did not start: $HP_LOG"
fi

tl_finish
