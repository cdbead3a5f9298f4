#!/bin/bash
# golden-t: run the real server's syntax test on one golden case and compare with what the case
# declares, so every golden config is known to be accepted or refused by the server exactly as
# its expected findings assume.
#
#   golden-t.sh testdata/nginx/CASE      nginx -t,     declared in CASE/nginx-t
#   golden-t.sh testdata/apache/CASE     apache2 -t,   declared in CASE/apache2-t
#   golden-t.sh testdata/haproxy/CASE    haproxy -c,   declared in CASE/haproxy-c
#
# The declaration: first line `ok` (the test must pass) or `fail` (must fail); an optional
# second line is a substring the server's output must contain (e.g. the [emerg] message).
# Paths in that substring would be temp paths, so write the message without them.  A case
# without the file fails: every golden config must declare what its server says about it.
# `apache2 -t` stops before mod_ssl loads certificates and keys, so an httpd case that passes
# here and is refused at start-up is started for real by apache-refusals.sh.
# The *_prepare helpers assign the variable named by their second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 CASE_DIR" >&2; exit 2; }
case_dir=${1%/}
[[ $case_dir == */* ]] || case_dir=./$case_dir
server=$(basename "$(dirname "$case_dir")")
case $server in
nginx) tool="nginx -t" decl=$case_dir/nginx-t ;;
apache) tool="apache2 -t" decl=$case_dir/apache2-t ;;
haproxy) tool="haproxy -c" decl=$case_dir/haproxy-c ;;
*)
	echo "$0: $case_dir is not under testdata/nginx, testdata/apache or testdata/haproxy" >&2
	exit 2
	;;
esac
TL_NAME="${decl##*/}-$(basename "$case_dir")"

case $server in
nginx) tl_require_nginx ;;
apache) tl_require_apache ;;
haproxy) tl_require_haproxy ;;
esac

if [ ! -f "$decl" ]; then
	tl_fail "no $decl: declare what $tool says ('ok' or 'fail', optional message line)"
	tl_finish
fi
want=$(sed -n 1p "$decl")
needle=$(sed -n 2p "$decl")
case $want in
ok | fail) ;;
*)
	tl_fail "$decl: first line is '$want', want 'ok' or 'fail'"
	tl_finish
	;;
esac

case $server in
nginx)
	ngx_prepare "$case_dir" d
	ngx_t "$d"
	rc=$NGX_T_RC out=$NGX_T_OUT
	;;
apache)
	ap_prepare "$case_dir" d
	ap_t "$d"
	# Warnings such as AH02532 go to the ErrorLog, not to the terminal.
	rc=$AP_T_RC out="$AP_T_OUT
$(cat "$d/error.log" 2>/dev/null)"
	;;
haproxy)
	hp_prepare "$case_dir" d
	hp_c "$d"
	rc=$HP_C_RC out=$HP_C_OUT
	;;
esac
if { [ "$want" = ok ] && [ "$rc" -eq 0 ]; } || { [ "$want" = fail ] && [ "$rc" -ne 0 ]; }; then
	tl_pass "$tool exit status $rc ($want)"
else
	tl_fail "$tool exit status $rc, declared '$want'; the server said:"
	printf '%s\n' "$out" | sed 's/^/    /' >&2
fi
[ -z "$needle" ] || assert_contains "$tool" "$out" "$needle"

tl_finish
