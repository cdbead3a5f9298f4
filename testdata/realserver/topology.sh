#!/bin/bash
# topology: sockets as the kernel sees them, per server. Each of testdata/{nginx,apache,
# haproxy}/topology runs on the real server (free ports), and every line of its "probes"
# file is one handshake to an address (127.0.0.1, 127.0.0.2, 127.0.0.3, [::1]) with an SNI
# name: the certificate the server sends, the one tlslint's model chooses for the same
# address, port and name (topology_probe: tl_topology_socket_for, then tl_socket_select),
# and the one the probes file expects must be the same. "shared N" (HAProxy, two bind lines
# on one address) expects the N sockets to answer at random: tlslint must say shared, and
# 40 handshakes must see at least two different certificates.
#
#   topology.sh TOPOLOGY_PROBE   (build/src/tests/topology_probe)
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"
tl_require_nginx
tl_require_apache
tl_require_haproxy
[ $# -eq 1 ] || { echo "usage: $0 TOPOLOGY_PROBE" >&2; exit 2; }
probe_tool=$(realpath "$1")

# served ADDR PORT SNI: the subject CN of the certificate the server at ADDR:PORT sends.
served() {
	local sni=()
	[ "$3" = - ] || sni=(-servername "$3")
	timeout 10 openssl s_client -connect "$1:$2" "${sni[@]}" </dev/null 2>/dev/null |
		sed -n 's/^subject=.*CN = //p' | head -n 1
}

# cn_of FILE: the subject CN of the first certificate in FILE (/pki/… is the test PKI).
cn_of() {
	openssl x509 -in "${1/#\/pki\//$TL_PKI/}" -noout -subject 2>/dev/null | sed -n 's/.*CN = //p'
}

# run_case SERVER CASE DIR: compare every probe of testdata/SERVER/CASE with DIR's server.
run_case() {
	local server=$1 case=$2 d=$3 probes=$TL_TESTDATA/$1/$2/probes
	local entry old new line addr sni want port2 got model seen i args=()
	case $server in
	nginx) entry=nginx.conf; args=(--target nginx=1.22) ;;
	apache) entry=apache2.conf ;;
	haproxy) entry=haproxy.cfg; args=(--target haproxy=2.6) ;;
	esac
	# The case's ports in order, and the free ports they became.
	mapfile -t old < <(cut -d' ' -f1 "$d/ports")
	mapfile -t new < <(cut -d' ' -f2 "$d/ports")
	while read -r addr sni want port2; do
		[[ -z $addr || $addr == \#* ]] && continue
		i=0
		[ "$want" = shared ] && i=$((${port2:-2} - 1))
		[ "$want" != shared ] && [ -n "${port2:-}" ] && i=$((port2 - 1))
		model=$(printf '%s %s %s %s\n' "$server" "$addr" "${old[$i]}" "$sni" |
			(cd "$TL_TESTDATA/.." && "$probe_tool" --root testdata "${args[@]}" \
				"testdata/$server/$case/$entry"))
		line="$server $addr:${new[$i]} sni=$sni"
		if [ "$want" = shared ]; then
			[[ $model == *" shared "* ]] && tl_pass "$line: tlslint says shared ($model)" ||
				tl_fail "$line: tlslint says '$model', not shared"
			seen=$(for _ in $(seq 40); do served "$addr" "${new[$i]}" "$sni"; done | sort -u | wc -l)
			[ "$seen" -ge 2 ] && tl_pass "$line: $seen different certificates in 40 handshakes" ||
				tl_fail "$line: one certificate in 40 handshakes"
			continue
		fi
		got=$(served "$addr" "${new[$i]}" "$sni")
		[ "$got" = "$want" ] && tl_pass "$line: $server sends CN=$got" ||
			tl_fail "$line: $server sends CN='$got', want CN=$want"
		[ "$(cn_of "$model")" = "$want" ] && tl_pass "$line: tlslint chooses $model" ||
			tl_fail "$line: tlslint chooses '$model' (CN=$(cn_of "$model")), want CN=$want"
	done <"$probes"
}

ngx_prepare topology n
if ngx_start "$n"; then
	run_case nginx topology "$n"
	ngx_stop "$n"
else
	tl_fail "nginx did not start"
fi

ap_prepare topology a
if ap_start "$a"; then
	run_case apache topology "$a"
	ap_stop "$a"
else
	tl_fail "httpd did not start: $AP_LOG"
fi

hp_prepare topology h
if hp_start "$h"; then
	run_case haproxy topology "$h"
	hp_stop "$h"
else
	tl_fail "haproxy did not start: ${HP_LOG:-}"
fi
tl_finish
