# lib.sh - bash helpers for the real-server scenario tests (source it; do not run it).
#
# A scenario copies one golden config (testdata/nginx/<case>/nginx.conf) into a temporary
# directory, points its certificate paths at the committed test PKI, and checks what the real
# nginx and `openssl s_client` say about it.  That ties tlslint's findings to observed server
# and client behaviour instead of to what we believe they do.
#
#   source "$(dirname "$0")/lib.sh"
#   tl_require_nginx                       # exit 77 (meson: SKIP) without nginx
#   ngx_prepare cert-expired d             # $d = temp copy, /pki/ and ports rewritten
#   ngx_t "$d"                             # nginx -t  -> NGX_T_RC, NGX_T_OUT
#   ngx_start "$d" && probe "$(ngx_port "$d")" expired.example.test   # -> PROBE_RC, PROBE_OUT
#   assert_contains "s_client" "$PROBE_OUT" 'verify error:num=10:certificate has expired'
#   tl_finish                              # exit 0/1 with a summary
#
# Decisions:
# - Configs name certificates as /pki/NAME (tlslint maps them with `--root testdata`);
#   ngx_prepare rewrites a leading /pki/ to the absolute path of testdata/pki/.
# - Configs contain no pid/error_log: ngx_t and ngx_start pass `-e DIR/error.log` and
#   `-g "pid DIR/nginx.pid; error_log DIR/error.log;"`.  -g alone works, but the -g error_log
#   is only opened after the config is read, so startup messages went to the compiled-in log
#   (stderr on Debian, /var/log/nginx/error.log upstream) in the form
#   '2026/11/26 22:22:04 [emerg] PID#PID: MESSAGE in FILE:LINE'.  With -e (1.19.5+) they go
#   to DIR/error.log and stderr gets the form users paste: 'nginx: [emerg] MESSAGE in FILE:LINE'.
# - The access_log default is compiled in as /var/log/nginx/access.log and opened even if no
#   request ever comes, so every config says `access_log off;` at http level.
# - Ports: configs name loopback ports (127.0.0.1:18443 and up) so that they read like real
#   configs, but those are placeholders: ngx_prepare gives each distinct port of the copy a port
#   the kernel has just said is free (free_ports.py), so scenarios can run in parallel and beside
#   other checkouts, and the servers that share a socket in the config still share one.  Every
#   server started here is stopped by its PID.  tl_free_ports N gives N consecutive free ports
#   for a server started by hand (chain.sh's s_server).
# - Git keeps no permission bits but the executable one, so keys check out 0644 (with the
#   usual umask); nginx does not mind, but lib.sh sets every testdata/pki/*.key to 0600 when
#   sourced, as golden.py does, so a checkout looks like a deployment.
# - nginx asks for the passphrase of an encrypted key on /dev/tty when no ssl_password_file
#   opens it; ngx_t runs nginx in a new session (setsid) so that it has no terminal and fails
#   at once instead of waiting for someone to type.
# - nginx runs with `daemon off;` in the background of this shell, so its PID is known
#   without trusting the pid file; cleanup (EXIT/INT/TERM trap) stops every nginx started here
#   by that PID and removes the temp dirs.  TLSLINT_KEEP=1 keeps the temp dirs for debugging.
# - probe pins verification time with -attime (default TEST_NOW) so the PKI's fixed dates
#   give the same verdicts on any day.

set -u

TL_TESTDATA=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TL_REALSERVER=$TL_TESTDATA/realserver
TL_PKI=$TL_TESTDATA/pki
TL_NGINX=${NGINX:-/usr/sbin/nginx}
TEST_NOW=2026-06-01T00:00:00Z
TEST_NOW_EPOCH=1780272000
export TEST_NOW TEST_NOW_EPOCH
TL_NAME=$(basename "$0" .sh)
chmod 0600 "$TL_PKI"/*.key 2>/dev/null

TL_FAILS=0
TL_TMPDIRS=()
TL_PIDS=()

tl_cleanup() {
	local pid d
	for pid in "${TL_PIDS[@]}"; do
		tl_kill "$pid"
	done
	TL_PIDS=()
	if [ "${TLSLINT_KEEP:-0}" = 1 ]; then
		[ ${#TL_TMPDIRS[@]} -eq 0 ] || echo "$TL_NAME: kept ${TL_TMPDIRS[*]}" >&2
	else
		for d in "${TL_TMPDIRS[@]}"; do
			rm -rf -- "$d"
		done
	fi
	TL_TMPDIRS=()
}
trap tl_cleanup EXIT
trap 'tl_cleanup; exit 1' INT TERM

# tl_kill PID: TERM, up to 5 s grace, then KILL; reaps the child.
tl_kill() {
	local pid=$1 i
	kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return 0
}

# tl_require_server NAME BINARY: exit 77 (meson: SKIP) without the server or the tools.
tl_require_server() {
	if [ ! -x "$2" ]; then
		echo "$TL_NAME: SKIP: $1 not installed ($2); 'make check' installs it" >&2
		exit 77
	fi
	command -v openssl >/dev/null || { echo "$TL_NAME: SKIP: no openssl CLI" >&2; exit 77; }
	command -v timeout >/dev/null || { echo "$TL_NAME: SKIP: no timeout(1)" >&2; exit 77; }
}

tl_require_nginx() {
	tl_require_server nginx "$TL_NGINX"
}

# tl_mktemp: make a temp dir (in TL_LAST_TMP) that cleanup removes.  Call it in the main shell
# (not in $(...)) so the registration survives; ngx_prepare does that for you.
tl_mktemp() {
	TL_LAST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-$TL_NAME.XXXXXX") || exit 1
	TL_TMPDIRS+=("$TL_LAST_TMP")
}

# ngx_prepare CASE [VAR]: copy testdata/nginx/CASE into a fresh temp dir, rewrite /pki/ to
# the test PKI and the ports to free ones.  Sets VAR (default NGX_DIR) to the copy.
# CASE containing a '/' is taken as the case directory's path instead of its name.
ngx_prepare() {
	tl_prepare nginx nginx.conf "$1" "${2:-NGX_DIR}"
}

# tl_prepare SERVER ENTRY CASE VAR: what ngx_prepare does, for testdata/SERVER/CASE/ENTRY.
tl_prepare() {
	local var=$4 src=$TL_TESTDATA/$1/$3
	[[ $3 == */* ]] && src=$3
	[ -f "$src/$2" ] || { echo "$TL_NAME: no config $src/$2" >&2; exit 1; }
	tl_mktemp
	cp -R "$src/." "$TL_LAST_TMP/"
	local f
	while IFS= read -r -d '' f; do
		perl -pi -e '
			s{(^|[\s"'\''])/pki/}{$1$ENV{TL_PKI}/}g;
		' "$f"
	done < <(find "$TL_LAST_TMP" -type f \( -name '*.conf' -o -name '*.cfg' -o -name '*.list' \) -print0)
	python3 "$TL_REALSERVER/free_ports.py" "$TL_LAST_TMP" >"$TL_LAST_TMP/ports" ||
		{ echo "$TL_NAME: no free ports" >&2; exit 1; }
	printf -v "$var" '%s' "$TL_LAST_TMP"
}
export TL_PKI

# ngx_port DIR: the first 127.0.0.1 port DIR/nginx.conf listens on, else the first wildcard one.
ngx_port() {
	{
		grep -ao '127\.0\.0\.1:[0-9]*' "$1/nginx.conf" | cut -d: -f2
		grep -aoE '^\s*listen\s+[0-9]+' "$1/nginx.conf" | grep -oE '[0-9]+$'
	} | head -n 1
}

# ngx_t DIR: `nginx -t -q` on DIR/nginx.conf; sets NGX_T_RC and NGX_T_OUT (stdout+stderr).
ngx_t() {
	local d=$1
	NGX_T_OUT=$(timeout 20 setsid -w "$TL_NGINX" -t -q -e "$d/error.log" -c "$d/nginx.conf" -p "$d/" \
		-g "pid $d/nginx.pid; error_log $d/error.log;" 2>&1)
	NGX_T_RC=$?
	tl_log "nginx -t exit $NGX_T_RC" "$NGX_T_OUT"
}

# tl_free_ports N: the first of N consecutive ports that are free right now.
tl_free_ports() {
	python3 "$TL_REALSERVER/free_ports.py" -n "$1"
}

# tl_port_open PORT: true if 127.0.0.1:PORT accepts a TCP connection (bash /dev/tcp).
tl_port_open() {
	timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# ngx_start DIR: start nginx in the background and wait (≤ 5 s) until its port accepts.
# NGX_LOG_LEVEL=info logs failed handshakes (nginx logs them at info, e.g. 'no shared cipher').
# Returns 1 with the error log printed if nginx exits or never listens.
ngx_start() {
	local d=$1 port i pid
	port=$(ngx_port "$d")
	[ -n "$port" ] || { echo "$TL_NAME: no 127.0.0.1 listen in $d/nginx.conf" >&2; return 1; }
	if tl_port_open "$port"; then
		echo "$TL_NAME: port $port was taken since it was found free; run again" >&2
		return 1
	fi
	"$TL_NGINX" -e "$d/error.log" -c "$d/nginx.conf" -p "$d/" \
		-g "pid $d/nginx.pid; error_log $d/error.log ${NGX_LOG_LEVEL:-error}; daemon off;" \
		>"$d/nginx.out" 2>&1 </dev/null &
	pid=$!
	TL_PIDS+=("$pid")
	printf '%s\n' "$pid" >"$d/ngx_start.pid"
	for ((i = 0; i < 50; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			wait "$pid" 2>/dev/null
			echo "$TL_NAME: nginx exited during startup:" >&2
			cat "$d/nginx.out" "$d/error.log" >&2 2>/dev/null
			return 1
		fi
		tl_port_open "$port" && return 0
		sleep 0.1
	done
	echo "$TL_NAME: nginx did not listen on 127.0.0.1:$port within 5 s:" >&2
	cat "$d/error.log" >&2 2>/dev/null
	ngx_stop "$d"
	return 1
}

# ngx_stop DIR: stop the nginx that ngx_start started for DIR.
ngx_stop() {
	tl_stop_started "$1/ngx_start.pid"
}

# tl_stop_started PIDFILE: stop the server whose pid a *_start helper wrote to PIDFILE, and
# forget it.  Sets STOPPED_PID (empty if there was none).
tl_stop_started() {
	local pid p keep=()
	STOPPED_PID=
	[ -f "$1" ] || return 0
	pid=$(cat "$1")
	tl_kill "$pid"
	rm -f "$1"
	for p in "${TL_PIDS[@]}"; do
		[ "$p" = "$pid" ] || keep+=("$p")
	done
	TL_PIDS=("${keep[@]}")
	# shellcheck disable=SC2034 # read by the callers (ap_stop)
	STOPPED_PID=$pid
}

# probe PORT SNI [s_client args...]: handshake with 127.0.0.1:PORT, verifying against the test
# root for host name SNI at PROBE_ATTIME (epoch, default TEST_NOW).  Sets PROBE_RC, PROBE_OUT.
probe() {
	local port=$1 sni=$2
	shift 2
	PROBE_OUT=$(timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername "$sni" \
		-CAfile "$TL_PKI/root.crt" -verify_return_error -verify_hostname "$sni" \
		-attime "${PROBE_ATTIME:-$TEST_NOW_EPOCH}" "$@" </dev/null 2>&1)
	PROBE_RC=$?
	tl_log "s_client $sni@$port exit $PROBE_RC" "$PROBE_OUT"
}

# tl_log TITLE TEXT: with TLSLINT_VERBOSE=1, show what a tool said.
tl_log() {
	[ "${TLSLINT_VERBOSE:-0}" = 1 ] || return 0
	printf -- '--- %s\n%s\n---\n' "$1" "$2" >&2
}

tl_fail() {
	echo "$TL_NAME: FAIL: $*" >&2
	TL_FAILS=$((TL_FAILS + 1))
}

tl_pass() {
	echo "$TL_NAME: ok: $*"
}

# assert_contains WHAT TEXT NEEDLE: TEXT contains NEEDLE literally.
assert_contains() {
	if [[ $2 == *"$3"* ]]; then
		tl_pass "$1 says '$3'"
	else
		tl_fail "$1 does not say '$3'; it said:"
		printf '%s\n' "$2" | sed 's/^/    /' >&2
	fi
}

# assert_not_contains WHAT TEXT NEEDLE
assert_not_contains() {
	if [[ $2 == *"$3"* ]]; then
		tl_fail "$1 unexpectedly says '$3'"
	else
		tl_pass "$1 does not say '$3'"
	fi
}

# assert_rc WHAT ACTUAL ok|fail|N: exit status is 0, non-zero, or exactly N.
assert_rc() {
	local good
	case $3 in
	ok) [ "$2" -eq 0 ] && good=1 ;;
	fail) [ "$2" -ne 0 ] && good=1 ;;
	*) [ "$2" -eq "$3" ] && good=1 ;;
	esac
	if [ -n "${good:-}" ]; then
		tl_pass "$1 exit status $2 ($3)"
	else
		tl_fail "$1 exit status $2, want $3"
	fi
}

# tl_finish: stop servers, remove temp dirs, exit 0 if every assertion held, else 1.
tl_finish() {
	tl_cleanup
	if [ "$TL_FAILS" -ne 0 ]; then
		echo "$TL_NAME: $TL_FAILS assertion(s) failed" >&2
		exit 1
	fi
	echo "$TL_NAME: PASS"
	exit 0
}
