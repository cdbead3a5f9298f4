#!/bin/bash
# apache-vhosts: httpd's own dump of its name-based virtual hosts (`apache2 -S`) agrees with
# tlslint's sockets, default sites and name lists on the golden httpd configs, and a real
# handshake picks the site both say: the default vhost for an unknown SNI name, the named
# one otherwise.
#
#   apache-vhosts.sh APACHE_VHOSTS   (build/parsers/tests/apache_vhosts)
#
# apache2 -S prints, per address:port, "default server NAME (FILE:LINE)", then one
# "port N namevhost NAME (FILE:LINE)" per vhost in selection order with its "alias" and
# "wild alias" lines; an address with one vhost gets one line "ADDR NAME (FILE:LINE)".
# A vhost without ServerName is named by httpd from the address (reverse DNS) or the
# machine's host name, which tlslint leaves symbolic ($hostname): only its place is compared.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache
[ $# -eq 1 ] || { echo "usage: $0 APACHE_VHOSTS" >&2; exit 2; }
vhosts=$(realpath "$1")

normalize_S() {
	python3 -c '
import re, sys
addr = None
for line in sys.stdin.read().splitlines():
    m = re.match(r"^(\S+)\s+is a NameVirtualHost$", line)
    if m:
        addr = m.group(1); continue
    m = re.match(r"^(\S+:\d+)\s+(\S+) \((.*):(\d+)\)$", line)
    if m:
        a, name, f, n = m.groups()
        print(f"{a} default {name.lower()} ({f}:{n})")
        print(f"{a} namevhost {name.lower()} ({f}:{n})")
        addr = None; continue
    m = re.match(r"^\s+default server (\S+) \((.*):(\d+)\)$", line)
    if m and addr:
        print(f"{addr} default {m.group(1).lower()} ({m.group(2)}:{m.group(3)})"); continue
    m = re.match(r"^\s+port \S+ namevhost (\S+) \((.*):(\d+)\)$", line)
    if m and addr:
        print(f"{addr} namevhost {m.group(1).lower()} ({m.group(2)}:{m.group(3)})"); continue
    m = re.match(r"^\s+(?:wild )?alias (\S+)$", line)
    if m and addr:
        print(f"{addr} alias {m.group(1).lower()}")
'
}

# Lines of tlslint's view whose name is symbolic match any name httpd gives.
compare() {
	python3 - "$1" "$2" <<'PY'
import re, sys
want = open(sys.argv[1]).read().splitlines()
got = open(sys.argv[2]).read().splitlines()
def same(t, h):
    if t == h:
        return True
    m = re.match(r"^(\S+ \S+) \$hostname (\(.*\))$", t)
    n = re.match(r"^(\S+ \S+) \S+ (\(.*\))$", h)
    return bool(m and n and m.groups() == n.groups())
ok = len(want) == len(got) and all(same(t, h) for t, h in zip(got, want))
if not ok:
    print("apache2 -S:"); print("\n".join("    " + l for l in want))
    print("tlslint:"); print("\n".join("    " + l for l in got))
sys.exit(0 if ok else 1)
PY
}

for case in name-based include-glob listen-default-decides mozilla-intermediate envvars; do
	ap_prepare "$case" d
	ap_S "$d"
	if [ "$AP_S_RC" -ne 0 ]; then
		tl_fail "$case: apache2 -S exit $AP_S_RC: $AP_S_OUT"
		continue
	fi
	printf '%s\n' "$AP_S_OUT" | normalize_S >"$d/httpd.view"
	(cd "$d" && "$vhosts" "$d/apache2.conf") >"$d/tlslint.view" 2>&1
	if out=$(compare "$d/httpd.view" "$d/tlslint.view"); then
		tl_pass "$case: apache2 -S and tlslint agree ($(grep -c namevhost "$d/httpd.view") vhosts)"
	else
		tl_fail "$case: apache2 -S and tlslint differ"
		printf '%s\n' "$out" >&2
	fi
done

# What a client gets: the default vhost's certificate for an unknown name, the named one's
# otherwise, on the case where three vhosts share the socket.
ap_prepare name-based d
if ap_start "$d"; then
	port=$(ap_port "$d")
	probe "$port" nosuch.test
	assert_contains "s_client SNI nosuch.test" "$PROBE_OUT" "0 s:CN = www.example.test"
	probe "$port" other.example.test
	assert_contains "s_client SNI other.example.test" "$PROBE_OUT" "0 s:CN = other.example.test"
	probe "$port" deep.example.test
	assert_contains "s_client SNI deep.example.test (ServerAlias *.example.test)" "$PROBE_OUT" \
		"0 s:CN = *.example.test"
	ap_stop "$d"
else
	tl_fail "name-based: httpd did not start: $AP_LOG"
fi

tl_finish
