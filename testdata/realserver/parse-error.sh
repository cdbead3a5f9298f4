#!/bin/bash
# parse-error: an unclosed block makes nginx -t fail at end of file (case
# parse-error-unbalanced).  Neighbour: the same file with the missing '}' appended passes, so
# the brace is the only defect.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare parse-error-unbalanced d
ngx_t "$d"
assert_rc "nginx -t" "$NGX_T_RC" 1
assert_contains "nginx -t" "$NGX_T_OUT" 'nginx: [emerg] unexpected end of file, expecting "}"'
# nginx counts the position after the final newline: the file has 18 lines, it says 19.
lines=$(wc -l <"$d/nginx.conf")
assert_contains "nginx -t" "$NGX_T_OUT" "expecting \"}\" in $d/nginx.conf:$((lines + 1))"

echo '}' >>"$d/nginx.conf"
ngx_t "$d"
assert_rc "nginx -t (brace added)" "$NGX_T_RC" ok

tl_finish
