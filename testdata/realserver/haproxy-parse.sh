#!/bin/bash
# haproxy-parse: tlslint's HAProxy reader says what the real `haproxy -c` says (Debian's 2.6),
# on the same texts: the words, quotes, escapes, "${VAR}" and .if conditions of a valid config
# (both accept it: a wrongly evaluated branch would leave lines out of section), and each
# reading error, by line and in HAProxy's words.
#
#   haproxy-parse.sh HAPROXY_FINDINGS   (build/parsers/tests/haproxy_findings)
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 HAPROXY_FINDINGS" >&2; exit 2; }
findings=$(realpath "$1")
TL_HAPROXY=${HAPROXY:-/usr/sbin/haproxy}
tl_require_server haproxy "$TL_HAPROXY"
version=$("$TL_HAPROXY" -v | sed -n 's/^HAProxy version \([0-9.]*\).*/\1/p')
tl_mktemp
dir=$TL_LAST_TMP
export TLSLINT_SET=X
unset TLSLINT_UNSET

# check NAME TEXT: haproxy -c and tlslint on TEXT; every message of one is the other's, by line.
check() {
	local name=$1 cfg=$dir/$1.cfg hap mine rc
	printf '%b' "$2" >"$cfg"
	hap=$(cd "$dir" && timeout 20 "$TL_HAPROXY" -c -f "$name.cfg" 2>&1)
	rc=$?
	hap=$(printf '%s\n' "$hap" | grep -F '[ALERT]' |
		sed -n 's/.*parsing \[[^]:]*:\([0-9]*\)\] \{0,1\}: \(.*\)$/\1: \2/p')
	mine=$("$findings" "$version" "$cfg")
	tl_log "$name: haproxy -c exit $rc" "$hap"
	tl_log "$name: tlslint" "$mine"
	if [ -z "$mine" ]; then
		assert_rc "$name: haproxy -c" "$rc" ok
		return
	fi
	assert_rc "$name: haproxy -c" "$rc" fail
	while IFS= read -r line; do
		if printf '%s\n' "$hap" | grep -qF -- "$line"; then
			tl_pass "$name: haproxy says '$line'"
		else
			tl_fail "$name: tlslint says '$line'; haproxy -c said:"
			printf '%s\n' "$hap" | sed 's/^/    /' >&2
		fi
	done <<<"$mine"
	[ "$(printf '%s\n' "$hap" | wc -l)" -eq "$(printf '%s\n' "$mine" | wc -l)" ] ||
		tl_fail "$name: haproxy -c and tlslint count different messages: $hap / $mine"
}

check valid '.if defined(TLSLINT_SET) && !defined(TLSLINT_UNSET) && version_atleast(2.6) && feature(OPENSSL)
global
.else
maxconn 1
.endif
.if feature(NOSUCHFEATURE) || streq("a","b") || !1
maxconn 2
.elif streq("abc", "abc") && (0 || 1) && openssl_version_atleast(1.1.1)
    log stdout format raw local0
.else
maxconn 3
.endif
    ssl-default-bind-ciphers "ECDHE+AESGCM:${TLSLINT_SET}"   # a comment
defaults
    mode http
    timeout client 1s
    timeout server 1s
    timeout connect 1s
frontend '"'"'web'"'"'
    bind 127.0.0.1:18999
    http-response set-header X-A "a#b"
    http-response set-header X-B '"'"'c"d'"'"'
    http-response set-header X-C e\\#f\\ g\\x41
    default_backend b
backend b
    server s 127.0.0.1:1
'
check quote 'global\n    log stdout local0 "a\n'
check out-of-section 'maxconn 10\nglobal\n'
check varname 'global\n    a "${1X}"\n'
check brace 'global\n    b "${CERTS"\n'
check hex 'global\n    c \\x4\n'
check lone-endif '.endif\n'
check double-else '.if 1\n.else\n.else\n.endif\n'
check bad-predicate '.if nosuch(1)\n.endif\n'
check newer-predicate '.if strstr("abc", "b") || 1\n.endif\n'
check unterminated '.if 1\n'
check alert 'global\n.warning "w"\n.alert "stop here"\n'
check unknown-macro '.if 1\n.  if 1\n.endif\n'
check no-lf 'global\n    maxconn 10'

# crt-list files: each line through a bind's crt-list, and through tlslint's crt-list reader.
# haproxy -c says "'bind …' in section 'frontend' : 'crt-list' : parsing [FILE:N]: MESSAGE".
check_crtlist() {
	local name=$1 list=$dir/$1.list cfg=$dir/$1-crtlist.cfg hap mine rc
	printf '%b' "$2" | sed "s#@PKI@#$TL_PKI#g" >"$list"
	printf 'defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\nfrontend f\n  bind 127.0.0.1:18998 ssl crt-list %s\n  default_backend b\nbackend b\n  server s 127.0.0.1:1\n' "$list" >"$cfg"
	hap=$(timeout 20 "$TL_HAPROXY" -c -f "$cfg" 2>&1)
	rc=$?
	hap=$(printf '%s\n' "$hap" | grep -E '\[(ALERT|WARNING)\]' |
		sed -n "s#.*'crt-list' : parsing \[[^]:]*:\([0-9]*\)\]: \(.*\)\$#\1: \2#p")
	mine=$("$findings" crt-list "$list")
	tl_log "$name: haproxy -c exit $rc" "$hap"
	if [ "$hap" = "$mine" ]; then
		tl_pass "$name: haproxy -c and tlslint say '${mine:-nothing}'"
	else
		tl_fail "$name: haproxy -c said '$hap', tlslint '$mine'"
	fi
	# Nothing to say, or only a warning: the list loads.
	if [ -z "$mine" ] || [[ $mine == *malformated* ]]; then
		assert_rc "$name: haproxy -c" "$rc" ok
	else
		assert_rc "$name: haproxy -c" "$rc" fail
	fi
}

check_crtlist crtlist-ok '# sites\n@PKI@/www.bundle.pem [alpn h2,http/1.1] www.example.test\n\n@PKI@/www.bundle.pem[ssl-min-ver TLSv1.2]*.example.test !old.example.test\n'
check_crtlist crtlist-two-open '@PKI@/www.bundle.pem [alpn h2] [alpn h2]\n'
check_crtlist crtlist-no-open '@PKI@/www.bundle.pem ] x\n'
check_crtlist crtlist-two-close '@PKI@/www.bundle.pem [alpn h2] y]\n'
check_crtlist crtlist-no-cert '[alpn h2] @PKI@/www.bundle.pem\n'
check_crtlist crtlist-malformed '@PKI@/www.bundle.pem x.example.test [alpn h2] y.example.test\n'

tl_finish
