#!/bin/bash
# golden-nginx-t: run the real `nginx -t` on one golden case and compare with what the case
# declares in its `nginx-t` file, so every golden config is known to be accepted or refused by
# nginx exactly as its expected findings assume.
#
#   golden-nginx-t.sh testdata/nginx/CASE
#
# `nginx-t` format: first line `ok` (nginx -t must pass) or `fail` (must fail); an optional
# second line is a substring nginx's output must contain (e.g. the [emerg] message).  Paths in
# that substring would be temp paths, so write the message without them.  A case without the
# file fails: every golden config must declare what nginx -t says about it.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 CASE_DIR" >&2; exit 2; }
case_dir=${1%/}
[[ $case_dir == */* ]] || case_dir=./$case_dir
TL_NAME="nginx-t-$(basename "$case_dir")"

tl_require_nginx

decl=$case_dir/nginx-t
if [ ! -f "$decl" ]; then
	tl_fail "no $decl: declare what nginx -t says ('ok' or 'fail', optional message line)"
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

ngx_prepare "$case_dir" d
ngx_t "$d"
if { [ "$want" = ok ] && [ "$NGX_T_RC" -eq 0 ]; } ||
	{ [ "$want" = fail ] && [ "$NGX_T_RC" -ne 0 ]; }; then
	tl_pass "nginx -t exit status $NGX_T_RC ($want)"
else
	tl_fail "nginx -t exit status $NGX_T_RC, declared '$want'; nginx said:"
	printf '%s\n' "$NGX_T_OUT" | sed 's/^/    /' >&2
fi
[ -z "$needle" ] || assert_contains "nginx -t" "$NGX_T_OUT" "$needle"

tl_finish
