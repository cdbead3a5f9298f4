# apache_lib.sh - the real httpd (Debian's apache2) for the scenario tests; source lib.sh first.
# shellcheck shell=bash
#
#   source "$(dirname "$0")/lib.sh"; source "$(dirname "$0")/apache_lib.sh"
#   tl_require_apache                      # exit 77 (meson: SKIP) without apache2
#   ap_prepare key-mismatch d              # $d = temp copy of testdata/apache/key-mismatch
#   ap_t "$d"                              # apache2 -t      -> AP_T_RC, AP_T_OUT
#   ap_start "$d"                          # start; 1 (and AP_LOG) if httpd exits instead
#   ap_stop "$d"
#
# Decisions:
# - A golden case is a whole httpd config (apache2.conf with its LoadModule lines, the way
#   Debian's apache2.conf reaches them through mods-enabled/), run with `-d DIR -f
#   DIR/apache2.conf`, so ServerRoot is the copy and relative Includes resolve as tlslint
#   resolves them from the entry file's directory.  What only a running test needs is given
#   on the command line after the config (`-c`): PidFile, ErrorLog, the mutex directory, and
#   User/Group when run as root (httpd refuses to run as root's uid).  The default runtime
#   directory is DIR/logs.
# - Start-up refusals of mod_ssl (a key that does not match, no certificate, no stapling
#   cache) happen after `apache2 -t` has passed, at the post-config stage, and go to the
#   ErrorLog, not to stderr: ap_start returns 1 and leaves the log in AP_LOG.
# - httpd runs in the foreground (-DFOREGROUND) in the background of this shell, so cleanup
#   stops it by PID; its children follow the parent.

TL_APACHE=${APACHE:-/usr/sbin/apache2}

tl_require_apache() {
	tl_require_server apache2 "$TL_APACHE"
}

# ap_prepare CASE [VAR]: copy testdata/apache/CASE (or the directory CASE) to a temp dir, /pki/
# rewritten and ports made free; sets VAR (default AP_DIR).
ap_prepare() {
	local var=${2:-AP_DIR}
	tl_prepare apache apache2.conf "$1" "$var"
	mkdir -p "${!var}/logs"
	chmod 755 "${!var}"
}

# The arguments that run DIR's config, with what only a test run needs appended; a case's
# "--define NAME" lines in its args file become httpd's -D NAME, as tlslint reads them.
ap_args() {
	local d=$1 prev="" a
	AP_ARGS=(-d "$d" -f "$d/apache2.conf" -c "PidFile $d/logs/httpd.pid"
		-c "ErrorLog $d/error.log" -c "Mutex file:$d/logs default")
	if [ -f "$d/args" ]; then
		while IFS= read -r a; do
			[ "$prev" = --define ] && AP_ARGS+=(-D "$a")
			prev=$a
		done <"$d/args"
	fi
	if [ "$(id -u)" = 0 ]; then
		AP_ARGS+=(-c "User www-data" -c "Group www-data")
	fi
}

# ap_env DIR: export DIR/envvars, if the case has one, as Debian's apache2ctl does before it
# starts httpd.  Call it in the subshell that then execs httpd.
ap_env() {
	[ -f "$1/envvars" ] || return 0
	set +u
	export APACHE_CONFDIR=$1
	# shellcheck disable=SC1091
	. "$1/envvars"
}

# ap_t DIR: `apache2 -t`; sets AP_T_RC and AP_T_OUT (stdout+stderr).
ap_t() {
	ap_args "$1"
	AP_T_OUT=$(ap_env "$1" && exec timeout 20 setsid -w "$TL_APACHE" "${AP_ARGS[@]}" -t 2>&1 </dev/null)
	AP_T_RC=$?
	tl_log "apache2 -t exit $AP_T_RC" "$AP_T_OUT"
}

# ap_S DIR: `apache2 -S` (the virtual host dump); sets AP_S_RC and AP_S_OUT.
ap_S() {
	ap_args "$1"
	AP_S_OUT=$(ap_env "$1" && exec timeout 20 setsid -w "$TL_APACHE" "${AP_ARGS[@]}" -S 2>&1 </dev/null)
	AP_S_RC=$?
	tl_log "apache2 -S exit $AP_S_RC" "$AP_S_OUT"
}

# ap_port DIR: the first 127.0.0.1 port DIR/apache2.conf listens on, else the first wildcard one.
ap_port() {
	{
		grep -aio '^ *Listen  *127\.0\.0\.1:[0-9]*' "$1/apache2.conf" | cut -d: -f2
		grep -aioE '^ *Listen +[0-9]+' "$1/apache2.conf" | grep -oE '[0-9]+$'
	} | head -n 1
}

# ap_start DIR: start httpd and wait (≤ 10 s) until it runs: its port accepts and its error
# log says AH00489 ("resuming normal operations").  Returns 1 if it exits first (AP_LOG holds
# its error log) or never gets there.
ap_start() {
	local d=$1 port i pid
	port=$(ap_port "$d")
	[ -n "$port" ] || { echo "$TL_NAME: no 127.0.0.1 Listen in $d/apache2.conf" >&2; return 1; }
	if tl_port_open "$port"; then
		echo "$TL_NAME: port $port was taken since it was found free; run again" >&2
		return 1
	fi
	ap_args "$d"
	: >"$d/error.log"
	[ "$(id -u)" = 0 ] && chown www-data "$d/logs" 2>/dev/null
	# The subshell execs httpd, so $! is httpd's parent, which takes its children down on
	# TERM; a shell in between would die alone and leave them running.
	(ap_env "$d" && exec "$TL_APACHE" "${AP_ARGS[@]}" -DFOREGROUND) >"$d/apache.out" 2>&1 </dev/null &
	pid=$!
	TL_PIDS+=("$pid")
	printf '%s\n' "$pid" >"$d/ap_start.pid"
	for ((i = 0; i < 100; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			wait "$pid" 2>/dev/null
			AP_LOG=$(cat "$d/apache.out" "$d/error.log" 2>/dev/null)
			tl_log "httpd exited" "$AP_LOG"
			return 1
		fi
		# httpd binds its ports before mod_ssl checks certificates and keys, so an open
		# port is not yet a server that started: wait for the MPM's AH00489 notice too.
		if grep -q 'AH00489' "$d/error.log" 2>/dev/null && tl_port_open "$port"; then
			return 0
		fi
		sleep 0.1
	done
	AP_LOG=$(cat "$d/error.log" 2>/dev/null)
	echo "$TL_NAME: httpd did not start on 127.0.0.1:$port within 10 s:" >&2
	printf '%s\n' "$AP_LOG" >&2
	ap_stop "$d"
	return 1
}

# ap_stop DIR: stop the httpd that ap_start started for DIR.
ap_stop() {
	tl_stop_started "$1/ap_start.pid"
	# A parent that had to be killed leaves its children; they are this test's alone.
	[ -z "$STOPPED_PID" ] || pkill -KILL -f -- "^$TL_APACHE -d $1 " 2>/dev/null
	return 0
}
