# haproxy_lib.sh - the real HAProxy (Debian's haproxy) for the scenario tests; source lib.sh first.
# shellcheck shell=bash
#
#   source "$(dirname "$0")/lib.sh"; source "$(dirname "$0")/haproxy_lib.sh"
#   tl_require_haproxy                     # exit 77 (meson: SKIP) without haproxy
#   hp_prepare key-missing d               # $d = temp copy of testdata/haproxy/key-missing
#   hp_c "$d"                              # haproxy -c     -> HP_C_RC, HP_C_OUT
#   hp_start "$d"                          # start; 1 (and HP_LOG) if haproxy exits instead
#   hp_stop "$d"
#
# Decisions:
# - A golden case names its own files by their server path under --root testdata
#   (/haproxy/CASE/sites.list), as a deployed config names them by absolute path: HAProxy reads
#   relative paths from its working directory, "/" for the service. The copy rewrites that
#   prefix, like /pki/, to where the files are.
# - A case's "--env NAME=VALUE" lines in its args file are exported, as tlslint is given them
#   (/pki/ rewritten there too).
# - haproxy -c loads every certificate and key and builds every SSL context, so a TLS refusal
#   shows at -c already; hp_start is for what clients see.

TL_HAPROXY=${HAPROXY:-/usr/sbin/haproxy}

tl_require_haproxy() {
	tl_require_server haproxy "$TL_HAPROXY"
}

# hp_prepare CASE [VAR]: copy testdata/haproxy/CASE to a temp dir, /pki/ and /haproxy/CASE/
# rewritten and ports made free; sets VAR (default HP_DIR).
hp_prepare() {
	local var=${2:-HP_DIR} name f
	tl_prepare haproxy haproxy.cfg "$1" "$var"
	name=$(basename "$1")
	while IFS= read -r -d '' f; do
		TL_CASE_PATH="/haproxy/$name/" TL_CASE_DIR="${!var}/" perl -pi -e '
			s{\Q$ENV{TL_CASE_PATH}\E}{$ENV{TL_CASE_DIR}}g;
		' "$f"
	done < <(find "${!var}" -type f \( -name '*.cfg' -o -name '*.list' \) -print0)
}

# hp_env DIR: export the case's --env values; call it in the subshell that runs haproxy.
hp_env() {
	local prev="" a
	[ -f "$1/args" ] || return 0
	while IFS= read -r a; do
		[ "$prev" = --env ] && export "${a//\/pki\//$TL_PKI/}"
		prev=$a
	done <"$1/args"
}

# hp_c DIR: `haproxy -c`; sets HP_C_RC and HP_C_OUT (stdout+stderr).
hp_c() {
	HP_C_OUT=$(cd "$1" && hp_env "$1" && exec timeout 20 "$TL_HAPROXY" -c -f "$1/haproxy.cfg" 2>&1 </dev/null)
	HP_C_RC=$?
	tl_log "haproxy -c exit $HP_C_RC" "$HP_C_OUT"
}

# hp_start DIR: haproxy in the foreground (-db) in the background; 0 once its first 127.0.0.1
# bind port accepts, 1 (and HP_LOG) when it exits or never listens (5 s).
hp_start() {
	local d=$1 port pid i
	port=$(grep -ao '^[[:space:]]*bind[[:space:]]*127\.0\.0\.1:[0-9]*' "$d/haproxy.cfg" | head -n 1 |
		sed 's/.*://')
	[ -n "$port" ] || { echo "$TL_NAME: no 127.0.0.1 bind in $d/haproxy.cfg" >&2; return 1; }
	(cd "$d" && hp_env "$d" && exec "$TL_HAPROXY" -db -f "$d/haproxy.cfg" >"$d/haproxy.log" 2>&1 </dev/null) &
	pid=$!
	TL_PIDS+=("$pid")
	printf '%s\n' "$pid" >"$d/hp_start.pid"
	for ((i = 0; i < 50; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			wait "$pid" 2>/dev/null
			HP_LOG=$(cat "$d/haproxy.log")
			tl_log "haproxy exited" "$HP_LOG"
			hp_stop "$d"
			return 1
		fi
		tl_port_open "$port" && return 0
		sleep 0.1
	done
	HP_LOG=$(cat "$d/haproxy.log")
	echo "$TL_NAME: haproxy did not listen on 127.0.0.1:$port within 5 s" >&2
	hp_stop "$d"
	return 1
}

# hp_stop DIR: stop the haproxy that hp_start started for DIR.
hp_stop() {
	tl_stop_started "$1/hp_start.pid"
}
