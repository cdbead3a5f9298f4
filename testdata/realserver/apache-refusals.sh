#!/bin/bash
# apache-refusals: every golden httpd config that passes `apache2 -t` is started for real.
# mod_ssl loads certificates, keys and cipher strings only after the syntax test, so httpd can
# pass -t and still refuse to start.  For each case: if httpd refuses, tlslint's expected
# report says "refuses to start"; if httpd runs, tlslint's report never says so.  The refusals
# listed below are pinned to httpd's own message; the undecided ones (an outcome that depends on
# a program tlslint does not run) are pinned to httpd's message and to what tlslint says instead.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache

# case -> what httpd writes to its ErrorLog when it refuses it.
declare -A refusal=(
	[key-mismatch]="AH02565: Certificate and private key"
	[no-certificate]="AH02572: Failed to configure at least one certificate and key"
	[stapling-no-cache]="AH01958: SSLStapling: no stapling cache available"
	[confcmd-bad-value]="AH02407: \"SSLOpenSSLConfCmd Options NoSuchOption\" failed"
	[cipher-invalid]="AH01898: Unable to configure permitted SSL ciphers"
	[cipher-system-profile]="AH01898: Unable to configure permitted SSL ciphers"
	[chain-file-malformed]="AH01903: Failed to configure CA certificate chain!"
	[confcmd-certificate-garbage]="AH02407: \"SSLOpenSSLConfCmd Certificate "
	[proto-none]="AH02231: No SSL protocols available"
	[mozilla-newest]="AH02407: \"SSLOpenSSLConfCmd Curves X25519MLKEM768:X25519:prime256v1:secp384r1\" failed"
	[chain-weak-intermediate]="AH02562: Failed to configure certificate"
	[chain-extra-weak-key]="AH02562: Failed to configure certificate"
	[chain-extra-sha1]="AH02562: Failed to configure certificate"
	[seclevel3-rsa2048]="AH02562: Failed to configure certificate"
	[ca-file-garbage]="AH01895: Unable to configure verify locations for client authentication"
	[proxy-ca-key]="AH01895: Unable to configure verify locations for client authentication"
	[ca-path-no-certs]="AH01896: Unable to determine list of acceptable CA certificates"
	[cadn-file-garbage]="AH01896: Unable to determine list of acceptable CA certificates"
	[crl-check-no-file]="AH01899: Host www.example.test:443: CRL checking has been enabled"
	[proxy-crl-check-no-file]="neither SSLProxyCARevocationFile nor SSLProxyCARevocationPath"
	[crl-file-garbage]="AH01901: Host www.example.test:443: unable to configure X.509 CRL storage"
	[proxy-cipher-invalid]="AH01898: Unable to configure permitted SSL ciphers"
	[proxy-section-cipher-invalid]="AH01898: Unable to configure permitted SSL ciphers"
	[proxy-suites13-invalid]="AH10127: Unable to configure permitted TLSv1.3 ciphers"
	[proxy-proto-none]="AH02231: No SSL protocols available"
	[proxy-machinecert-mismatch]="AH02326: proxy client certificate and private key do not match"
	[proxy-machinecert-encrypted]="AH02252: incomplete client cert configured for SSL proxy"
	[confcmd-privatekey-mismatch]="AH02407: \"SSLOpenSSLConfCmd PrivateKey "
	[confcmd-chaincafile-garbage]="AH02407: \"SSLOpenSSLConfCmd ChainCAFile "
	[ticket-key-short]="AH02287: Failed to read 48 bytes from"
	[fips-no-provider]="AH01884: OpenSSL has FIPS mode enabled"
	[srp-verifier-garbage]="AH02310: Unable to load SRP verifier file"
)
# ... and the OpenSSL reason tlslint quotes.
declare -A reason=(
	[cipher-invalid]="no cipher match"
	[key-mismatch]="do not match"
	[chain-weak-intermediate]="ca key too small"
	[chain-extra-weak-key]="ca key too small"
	[chain-extra-sha1]="ca md too weak"
	[seclevel3-rsa2048]="ee key too small"
	[ca-file-garbage]="no certificate or crl found"
	[crl-file-garbage]="no certificate or crl found"
	[cadn-file-garbage]="AH02210: Failed to load SSLCACertificateFile"
	[confcmd-privatekey-mismatch]="key values mismatch"
	[confcmd-chaincafile-garbage]="no certificate or crl found"
	[fips-no-provider]="library has no ciphers"
)
# Cases where httpd's outcome depends on something outside the configuration that tlslint does
# not run (an SSLPassPhraseDialog program), so tlslint claims neither way: httpd's message, and
# what tlslint says instead of a claim.
declare -A undecided=(
	[pphrase-wrong]="AH02580: Init: Pass phrase incorrect"
)
declare -A undecided_says=(
	[pphrase-wrong]="which tlslint does not run"
)

for dir in "$TL_TESTDATA"/apache/*/; do
	case=$(basename "$dir")
	[ "$(sed -n 1p "$dir/apache2-t")" = ok ] || continue
	report=$(cat "$dir/expected.txt")
	ap_prepare "$case" d
	if ap_start "$d"; then
		ap_stop "$d"
		assert_not_contains "$case: httpd runs; tlslint" "$report" "refuses to start"
		[ -z "${refusal[$case]:-}" ] || tl_fail "$case: httpd started; expected '${refusal[$case]}'"
	elif [ -n "${undecided[$case]:-}" ]; then
		assert_contains "$case: httpd" "$AP_LOG" "${undecided[$case]}"
		assert_contains "$case: tlslint" "$report" "${undecided_says[$case]}"
		assert_not_contains "$case: undecided; tlslint" "$report" "refuses to start"
	else
		assert_contains "$case: httpd refuses to start; tlslint" "$report" "refuses to start"
		[ -z "${refusal[$case]:-}" ] || assert_contains "$case: httpd" "$AP_LOG" "${refusal[$case]}"
		[ -z "${reason[$case]:-}" ] || assert_contains "$case: httpd" "$AP_LOG" "${reason[$case]}"
	fi
done

tl_finish
