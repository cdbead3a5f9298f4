#!/bin/bash
# sni-duplicate: a name two sites on one address give reaches the first only, in nginx
# (testdata/nginx/sni-duplicate-name) and httpd (testdata/apache/sni-duplicate-name): the
# second site's certificate (the wildcard) is never sent for it, while that site's other name
# gets it.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_nginx
tl_require_apache

ngx_prepare sni-duplicate-name n
if ngx_start "$n"; then
	port=$(ngx_port "$n")
	probe "$port" www.example.test
	assert_contains "nginx: www gets the first server's certificate" "$PROBE_OUT" "0 s:CN = www.example.test"
	probe "$port" api.example.test
	assert_contains "nginx: api gets the second's" "$PROBE_OUT" "0 s:CN = *.example.test"
	ngx_stop "$n"
else
	tl_fail "sni-duplicate-name: nginx did not start"
fi

ap_prepare sni-duplicate-name a
if ap_start "$a"; then
	port=$(ap_port "$a")
	probe "$port" www.example.test
	assert_contains "httpd: www gets the first vhost's certificate" "$PROBE_OUT" "0 s:CN = www.example.test"
	probe "$port" api.example.test
	assert_contains "httpd: api gets the second's" "$PROBE_OUT" "0 s:CN = *.example.test"
	ap_stop "$a"
else
	tl_fail "sni-duplicate-name: httpd did not start: $AP_LOG"
fi
tl_finish
