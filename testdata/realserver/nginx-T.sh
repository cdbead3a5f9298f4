#!/bin/bash
# nginx-T: the real `nginx -T` dump of the includes case, piped into tlslint, must place the
# expired-certificate finding in the included file that names the certificate
# (conf.d/20-expired.conf, at its real path and line), not in the dump or in nginx.conf.  The
# dump's '# configuration file NAME:' markers are the only way tlslint can know that.
# Neighbour: linting the same copy's nginx.conf directly (following the includes itself) gives
# the same location.
#
#   nginx-T.sh TLSLINT
#
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 TLSLINT" >&2; exit 2; }
tlslint=$1
tl_require_nginx
[ -x "$tlslint" ] || { tl_fail "tlslint not executable: $tlslint"; tl_finish; }

ngx_prepare includes d
# The copy names the PKI by absolute path, so tlslint needs no --root.
file=$d/conf.d/20-expired.conf
loc=$(grep -n 'ssl_certificate ' "$file" | head -n 1)
line=${loc%%:*}
text=${loc#*:}
indent=${text%%ssl_certificate*}
col=$((${#indent} + 1))
want="$file:$line:$col: error: "
[ -n "$line" ] || { tl_fail "no ssl_certificate line in $file"; tl_finish; }

dump=$(timeout 20 "$TL_NGINX" -T -q -e "$d/error.log" -c "$d/nginx.conf" -p "$d/" \
	-g "pid $d/nginx.pid; error_log $d/error.log;" 2>"$d/nginx-T.err")
rc=$?
assert_rc "nginx -T" "$rc" ok
assert_contains "nginx -T" "$dump" "# configuration file $file:"
tl_log "nginx -T stderr" "$(cat "$d/nginx-T.err")"

# lint_check WHAT OUTPUT RC: the gcc-format OUTPUT has the finding at $want and no other
# cert-expired finding (the www site's certificate is valid).
lint_check() {
	local what=$1 out=$2 rc=$3 hit n
	tl_log "$what exit $rc" "$out"
	assert_rc "$what" "$rc" 1
	hit=$(printf '%s\n' "$out" | grep -F -- "$want" | grep -F '[cert-expired]')
	if [ -n "$hit" ]; then
		tl_pass "$what reports cert-expired at $file:$line:$col"
	else
		tl_fail "$what has no cert-expired finding starting '$want'; it said:"
		printf '%s\n' "$out" | sed 's/^/    /' >&2
	fi
	n=$(printf '%s\n' "$out" | grep -c -F '[cert-expired]')
	if [ "$n" -eq 1 ]; then
		tl_pass "$what reports cert-expired once"
	else
		tl_fail "$what reports cert-expired $n times"
	fi
}

out=$(printf '%s\n' "$dump" | "$tlslint" --server nginx --now "$TEST_NOW" --format gcc - 2>&1)
lint_check "tlslint on nginx -T" "$out" $?

out=$("$tlslint" --server nginx --now "$TEST_NOW" --format gcc "$d/nginx.conf" 2>&1)
lint_check "tlslint on nginx.conf" "$out" $?

tl_finish
