#!/bin/bash
# apache-stapling: httpd with SSLUseStapling on and a certificate that names no OCSP responder
# (testdata/apache/stapling-no-responder) passes apache2 -t and starts, but stapling is off for
# that certificate: the error log says AH02218 and AH02604, and a client asking for a stapled
# response gets none — what ocsp-stapling-broken says.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache

ap_prepare stapling-no-responder a
if ap_start "$a"; then
	log=$(cat "$a/error.log")
	assert_contains "httpd's error log" "$log" "AH02218: ssl_stapling_init_cert: no OCSP URI in certificate"
	assert_contains "httpd's error log" "$log" "AH02604: Unable to configure certificate"
	probe "$(ap_port "$a")" www.example.test -status
	assert_contains "s_client -status" "$PROBE_OUT" "OCSP response: no response sent"
	ap_stop "$a"
else
	tl_fail "httpd did not start: $AP_LOG"
fi
tl_finish
