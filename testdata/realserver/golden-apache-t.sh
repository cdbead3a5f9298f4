#!/bin/bash
# golden-apache-t: run the real `apache2 -t` on one golden case and compare with what the case
# declares in its `apache2-t` file, so every golden httpd config is known to be accepted or
# refused by httpd exactly as its expected findings assume.
#
#   golden-apache-t.sh testdata/apache/CASE
#
# `apache2-t` format, as for nginx's `nginx-t`: first line `ok` or `fail`; an optional second
# line is a substring httpd's output must contain.  `apache2 -t` stops before mod_ssl loads
# certificates and keys, so a case httpd passes here and refuses at start-up says so in its
# expected findings and is started for real by a scenario (apache-refusals.sh).
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 CASE_DIR" >&2; exit 2; }
case_dir=${1%/}
[[ $case_dir == */* ]] || case_dir=./$case_dir
TL_NAME="apache2-t-$(basename "$case_dir")"

tl_require_apache

decl=$case_dir/apache2-t
if [ ! -f "$decl" ]; then
	tl_fail "no $decl: declare what apache2 -t says ('ok' or 'fail', optional message line)"
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

ap_prepare "$case_dir" d
ap_t "$d"
if { [ "$want" = ok ] && [ "$AP_T_RC" -eq 0 ]; } ||
	{ [ "$want" = fail ] && [ "$AP_T_RC" -ne 0 ]; }; then
	tl_pass "apache2 -t exit status $AP_T_RC ($want)"
else
	tl_fail "apache2 -t exit status $AP_T_RC, declared '$want'; httpd said:"
	printf '%s\n' "$AP_T_OUT" | sed 's/^/    /' >&2
fi
[ -z "$needle" ] || assert_contains "apache2 -t" "$AP_T_OUT" "$needle"

tl_finish
