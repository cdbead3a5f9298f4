#!/bin/bash
# ssl-no-certificate-nondefault: nginx -t checks only the default server of a socket for a
# certificate, so a second server without one passes, and at run time SNI for its name is
# answered with the default server's certificate: a hostname mismatch (research B.1
# NGX-NOCERT, A.3.7).  Neighbour ssl-no-certificate-nondefault-ok gives it its own certificate.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare ssl-no-certificate-nondefault d
ngx_t "$d"
assert_rc "nginx -t (non-default server without certificate)" "$NGX_T_RC" ok
assert_not_contains "nginx -t" "$NGX_T_OUT" 'ssl_certificate'
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" other.example.test
	assert_rc "s_client other.example.test" "$PROBE_RC" fail
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'depth=0 CN = www.example.test'
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'verify error:num=62:hostname mismatch'
	assert_contains "s_client other.example.test" "$PROBE_OUT" \
		'error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed'
	# The default server's own name is fine, so only the certificate-less site is broken.
	probe "$(ngx_port "$d")" www.example.test
	assert_contains "s_client www.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with ssl-no-certificate-nondefault"
fi

ngx_prepare ssl-no-certificate-nondefault-ok ok
ngx_t "$ok"
assert_rc "nginx -t (both servers with certificates)" "$NGX_T_RC" ok
if ngx_start "$ok"; then
	probe "$(ngx_port "$ok")" other.example.test
	assert_rc "s_client other.example.test" "$PROBE_RC" ok
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'subject=CN = other.example.test'
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
else
	tl_fail "nginx did not start with ssl-no-certificate-nondefault-ok"
fi

tl_finish
