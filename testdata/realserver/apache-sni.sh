#!/bin/bash
# apache-sni: which settings follow the vhost SNI selects in httpd 2.4 (docs/design.md, "What
# SNI switches"), on testdata/apache/sni-settings: the default vhost www (Curves P-384,
# SSLSessionTickets off) and other.example.test (SSLProtocol TLS 1.2 only, Curves X25519,
# tickets on).  mod_ssl's SNI callback switches the SSL_CTX (certificate, ciphers), copies
# min/max versions only where SSLProtocol is set, ORs options in (a vhost's own "Protocol"
# command among them: testdata/apache/sni-protocol-option), and never touches the groups.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache

ap_prepare sni-settings d
if ! ap_start "$d"; then
	tl_fail "sni-settings: httpd did not start: $AP_LOG"
	tl_finish
fi
port=$(ap_port "$d")

# The certificate and the versions follow SNI.
probe "$port" other.example.test
assert_contains "SNI other" "$PROBE_OUT" "0 s:CN = other.example.test"
probe "$port" other.example.test -tls1_3
assert_contains "SNI other, TLS 1.3 only" "$PROBE_OUT" "alert protocol version"
probe "$port" www.example.test -tls1_3
assert_contains "SNI www, TLS 1.3 only" "$PROBE_OUT" "New, TLSv1.3, Cipher is"

# The groups are the default vhost's: other's X25519 is not used, P-384 is.
probe "$port" other.example.test
assert_contains "SNI other" "$PROBE_OUT" "Server Temp Key: ECDH, secp384r1"
probe "$port" other.example.test -groups X25519
assert_contains "SNI other, client offers only X25519" "$PROBE_OUT" "alert handshake failure"

# Options are only ever added: the default vhost's "tickets off" holds for other too.  The
# control: httpd's default (tickets on) sends one, in the same words s_client prints.
probe "$port" other.example.test
assert_not_contains "SNI other (tickets on in its vhost)" "$PROBE_OUT" "TLS session ticket lifetime hint"
ap_prepare ok c
if ap_start "$c"; then
	probe "$(ap_port "$c")" www.example.test -tls1_2
	assert_contains "control: tickets by default" "$PROBE_OUT" "TLS session ticket lifetime hint"
	ap_stop "$c"
else
	tl_fail "ok: httpd did not start: $AP_LOG"
fi

ap_stop "$d"

# Without any SSLProtocol the versions are the default vhost's, but a vhost's own
# "SSLOpenSSLConfCmd Protocol -TLSv1.3" is an option, added after SNI: it still applies.
ap_prepare sni-protocol-option d
if ap_start "$d"; then
	port=$(ap_port "$d")
	probe "$port" other.example.test -tls1_3
	assert_contains "sni-protocol-option: SNI other, TLS 1.3 only" "$PROBE_OUT" "alert protocol version"
	probe "$port" other.example.test -tls1_2
	assert_contains "sni-protocol-option: SNI other, TLS 1.2" "$PROBE_OUT" "New, TLSv1.2, Cipher is"
	probe "$port" www.example.test -tls1_3
	assert_contains "sni-protocol-option: SNI www, TLS 1.3" "$PROBE_OUT" "New, TLSv1.3, Cipher is"
	ap_stop "$d"
else
	tl_fail "sni-protocol-option: httpd did not start: $AP_LOG"
fi

tl_finish
