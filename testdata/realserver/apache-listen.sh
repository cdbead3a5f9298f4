#!/bin/bash
# apache-listen: which httpd ports speak TLS.  Certificates alone do not make a port TLS: on a
# Listen whose protocol is http (every port but 443, unless named), a vhost without
# SSLEngine on answers in plain HTTP; on 'Listen … https' mod_ssl switches it on by itself;
# but only for vhosts on the Listen's own address (not *:P under Listen 127.0.0.1:P https);
# and the first vhost of an address decides for every vhost on it.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache

# case, SNI name, what s_client says
check() {
	ap_prepare "$1" d
	if ! ap_start "$d"; then
		tl_fail "$1: httpd did not start: $AP_LOG"
		return
	fi
	probe "$(ap_port "$d")" "$2"
	assert_contains "$1: s_client $2" "$PROBE_OUT" "$3"
	ap_stop "$d"
}

check listen-plain www.example.test "wrong version number"
check listen-default-decides www.example.test "wrong version number"
check listen-https www.example.test "Verify return code: 0 (ok)"
check listen-https-address www.example.test "wrong version number"

tl_finish
