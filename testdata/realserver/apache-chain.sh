#!/bin/bash
# apache-chain: what httpd sends as the chain.  SSLCertificateChainFile works (deprecated, not
# removed), and it replaces the intermediates of the certificate file rather than adding to
# them: with a wrong chain file the right intermediate in the certificate file is not sent.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache

ap_prepare chain-file d
if ap_start "$d"; then
	probe "$(ap_port "$d")" www.example.test -showcerts
	assert_contains "chain-file: s_client" "$PROBE_OUT" "1 s:CN = tlslint Test Intermediate CA"
	assert_contains "chain-file: s_client" "$PROBE_OUT" "Verify return code: 0 (ok)"
	ap_stop "$d"
else
	tl_fail "chain-file: httpd did not start: $AP_LOG"
fi

ap_prepare chain-file-replaces d
if ap_start "$d"; then
	probe "$(ap_port "$d")" www.example.test -showcerts
	assert_contains "chain-file-replaces: s_client" "$PROBE_OUT" "1 s:CN = tlslint Other Intermediate CA"
	assert_not_contains "chain-file-replaces: s_client" "$PROBE_OUT" "s:CN = tlslint Test Intermediate CA"
	assert_contains "chain-file-replaces: s_client" "$PROBE_OUT" "unable to get local issuer certificate"
	ap_stop "$d"
else
	tl_fail "chain-file-replaces: httpd did not start: $AP_LOG"
fi

tl_finish
