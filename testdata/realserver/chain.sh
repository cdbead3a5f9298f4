#!/bin/bash
# chain: what the real nginx and `openssl s_client` say about the chain family, cert-self-signed
# and cert-weak-signature golden cases (research A.3.5, A.3.6, A.3.9, B.1 NGX-CHAIN-ORDER).
#   chain-incomplete          leaf only        -> num=20 at depth 0 (neighbour chain-ok verifies)
#   chain-untrusted           + untrusted root -> num=19 at depth 2
#   chain-untrusted-issuer    root not served  -> num=20 at depth 1 (the rule in docs/design.md)
#   chain-expired             old intermediate -> num=10 at depth 1
#   cert-self-signed                           -> num=18 at depth 0
#   chain-order               reversed         -> nginx refuses to start: key values mismatch
#   chain-order-intermediates root before int -> nginx starts, OpenSSL reorders and verifies
#   cert-weak-signature       SHA-1 leaf       -> nginx refuses (ca md too weak); served anyway by
#                                                 s_server at @SECLEVEL=0, s_client says num=68
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

# serve CASE SNI: start CASE's nginx, probe it for SNI (PROBE_RC, PROBE_OUT), stop it.
serve() {
	local d
	ngx_prepare "$1" d
	ngx_t "$d"
	assert_rc "nginx -t ($1)" "$NGX_T_RC" ok
	if ngx_start "$d"; then
		probe "$(ngx_port "$d")" "$2"
		ngx_stop "$d"
	else
		tl_fail "nginx did not start with $1"
		PROBE_RC=0 PROBE_OUT=
	fi
}

serve chain-incomplete www.example.test
assert_rc "s_client (leaf only)" "$PROBE_RC" fail
assert_contains "s_client (leaf only)" "$PROBE_OUT" \
	$'depth=0 CN = www.example.test\nverify error:num=20:unable to get local issuer certificate'
assert_contains "s_client (leaf only)" "$PROBE_OUT" \
	'error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed'

serve chain-ok www.example.test
assert_rc "s_client (full chain)" "$PROBE_RC" ok
assert_contains "s_client (full chain)" "$PROBE_OUT" 'Verify return code: 0 (ok)'

serve chain-untrusted untrusted.example.test
assert_rc "s_client (untrusted root served)" "$PROBE_RC" fail
assert_contains "s_client (untrusted root served)" "$PROBE_OUT" \
	$'depth=2 CN = tlslint Other Root CA\nverify error:num=19:self-signed certificate in certificate chain'

serve chain-untrusted-issuer untrusted.example.test
assert_rc "s_client (untrusted root not served)" "$PROBE_RC" fail
assert_contains "s_client (untrusted root not served)" "$PROBE_OUT" \
	$'depth=1 CN = tlslint Other Intermediate CA\nverify error:num=20:unable to get local issuer certificate'

serve chain-expired oldintleaf.example.test
assert_rc "s_client (expired intermediate)" "$PROBE_RC" fail
assert_contains "s_client (expired intermediate)" "$PROBE_OUT" \
	$'depth=1 CN = tlslint Old Intermediate CA\nverify error:num=10:certificate has expired'

serve cert-self-signed selfsigned.example.test
assert_rc "s_client (self-signed)" "$PROBE_RC" fail
assert_contains "s_client (self-signed)" "$PROBE_OUT" \
	$'depth=0 CN = selfsigned.example.test\nverify error:num=18:self-signed certificate'

serve chain-order-intermediates www.example.test
assert_rc "s_client (root before intermediate)" "$PROBE_RC" ok
assert_contains "s_client (root before intermediate)" "$PROBE_OUT" 'Verify return code: 0 (ok)'

ngx_prepare chain-order d
ngx_t "$d"
assert_rc "nginx -t (reversed chain)" "$NGX_T_RC" fail
assert_contains "nginx -t (reversed chain)" "$NGX_T_OUT" \
	'failed (SSL: error:05800074:x509 certificate routines::key values mismatch)'

ngx_prepare cert-weak-signature d
ngx_t "$d"
assert_rc "nginx -t (SHA-1 leaf)" "$NGX_T_RC" fail
assert_contains "nginx -t (SHA-1 leaf)" "$NGX_T_OUT" \
	'/sha1.fullchain.crt") failed (SSL: error:0A00018E:SSL routines::ca md too weak)'

# nginx will not serve it, so let s_server do it at security level 0 to see what clients say.
port=$(tl_free_ports 1)
if tl_port_open "$port"; then
	tl_fail "port $port already in use"
else
	openssl s_server -accept "127.0.0.1:$port" -cert "$TL_PKI/sha1.crt" -key "$TL_PKI/sha1.key" \
		-cert_chain "$TL_PKI/intermediate.crt" -cipher 'DEFAULT:@SECLEVEL=0' -quiet \
		</dev/null >/dev/null 2>&1 &
	TL_PIDS+=("$!")
	for ((i = 0; i < 50; i++)); do
		tl_port_open "$port" && break
		sleep 0.1
	done
	probe "$port" sha1.example.test
	assert_rc "s_client (SHA-1 leaf)" "$PROBE_RC" fail
	assert_contains "s_client (SHA-1 leaf)" "$PROBE_OUT" \
		$'depth=0 CN = sha1.example.test\nverify error:num=68:CA signature digest algorithm too weak'
fi

tl_finish
