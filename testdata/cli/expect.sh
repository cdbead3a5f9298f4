# Shared by the cli scripts: run tlslint and compare. The caller sets TLSLINT, tmp (a scratch
# directory) and fails (the count of failed expectations), and exits with it at the end.

# run ARGS... : sets $status, $out (stdout), $err (stderr)
run() {
	"$TLSLINT" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

expect_status() { # STATUS WHAT
	if [ "$status" -ne "$1" ]; then
		echo "FAIL: $2: exit $status, want $1"
		echo "  stdout: $out"
		echo "  stderr: $err"
		fails=$((fails + 1))
	else
		echo "ok: $2"
	fi
}

expect_match() { # WHAT TEXT REGEX
	if ! grep -Eq -- "$3" <<<"$2"; then
		echo "FAIL: $1: no match for /$3/ in:"
		echo "$2" | sed 's/^/  /'
		fails=$((fails + 1))
	fi
}

expect_no_match() { # WHAT TEXT REGEX
	if grep -Eq -- "$3" <<<"$2"; then
		echo "FAIL: $1: unexpected match for /$3/ in:"
		echo "$2" | sed 's/^/  /'
		fails=$((fails + 1))
	fi
}
