#!/usr/bin/env bash
# Containment under --root: a config repository is untrusted input, so no path it names (with
# "..", through absolute or relative symbolic links, into directories, through link chains)
# may make tlslint read a file outside the root.  Each case builds a repository next to an
# "outside" directory holding a secret, runs tlslint under strace, and checks
#   - the finding (the file is looked for inside the root, as a chroot would find it),
#   - that the secret never appears in any output format, and
#   - that no system call tlslint made names a path outside the root (strace's first path
#     argument of every open/stat/readlink/access call).
# Usage: containment.sh TLSLINT   (run from the repository root; needs strace)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
if ! command -v strace >/dev/null; then
	echo "SKIP: strace is not installed ('make check' installs it)"
	exit 77
fi
out_dir=$tmp/outside
mkdir -p "$out_dir/dir"
secret='SECRET-FROM-OUTSIDE-THE-ROOT'
printf 'http { server { listen 443 ssl; server_name %s; } }\n' "$secret" >"$out_dir/secret.conf"
printf 'server { listen 443 ssl; server_name %s; }\n' "$secret" >"$out_dir/dir/site.conf"
cp "$PKI/www.fullchain.crt" "$out_dir/cert.pem"
cp "$PKI/www.key" "$out_dir/key.pem"
chmod 600 "$out_dir/key.pem"

# new_repo: a fresh repository tree $repo with etc/nginx and etc/ssl.
new_repo() {
	repo=$tmp/repo.$1
	rm -rf "$repo"
	mkdir -p "$repo/etc/nginx" "$repo/etc/ssl"
	cp "$PKI/www.fullchain.crt" "$repo/etc/ssl/www.crt"
	cp "$PKI/www.key" "$repo/etc/ssl/www.key"
	chmod 600 "$repo/etc/ssl/www.key"
}

# lint NAME EXPECT_REGEX: runs tlslint (tlslint $SUBCMD when set) on $repo/etc/nginx/nginx.conf
# under strace, in text and JSON; checks the finding, the absence of the secret and of any
# syscall outside the root.
lint() {
	local name=$1 want=$2 fmt log
	for fmt in text json; do
		log=$tmp/strace.$name.$fmt
		# LeakSanitizer cannot run under a tracer (it ptraces itself); the other suites check leaks.
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
			strace -f -qq -y -o "$log" -e trace=%file "$TLSLINT" ${SUBCMD:+"$SUBCMD"} \
			--root "$repo" --now $NOW \
			--ca-file "$PKI/root.crt" --format $fmt "$repo/etc/nginx/nginx.conf" \
			>"$tmp/out" 2>"$tmp/err"
		local status=$?
		if [ $status -gt 1 ]; then
			fail "$name ($fmt): exit $status: $(cat "$tmp/err")"
			continue
		fi
		if grep -q "$secret" "$tmp/out" "$tmp/err"; then
			fail "$name ($fmt): the secret from outside the root is in the output"
		fi
		if [ "$fmt" = text ] && ! grep -Eq -- "$want" "$tmp/out"; then
			fail "$name: no match for /$want/ in:"
			sed 's/^/    /' "$tmp/out"
		fi
		# The first quoted argument of each call is the path it looked at; with -y strace
		# also shows the file an open() really reached (after the kernel followed links).
		local outside
		outside=$({
			sed -n 's/^[0-9]* *[a-z0-9_]*(\(AT_FDCWD<[^>]*>, \)\{0,1\}"\([^"]*\)".*/\2/p' "$log"
			sed -n 's/.*= [0-9][0-9]*<\([^>]*\)>$/\1/p' "$log"
		} | grep -F "$out_dir" | sort -u)
		if [ -n "$outside" ]; then
			fail "$name ($fmt): looked at paths outside the root:"
			printf '    %s\n' $outside
		fi
		if ! grep -q "$repo/etc/nginx/nginx.conf" "$log"; then
			fail "$name ($fmt): strace saw no open of the entry (is tracing working?)"
		fi
	done
	[ $fails -eq "${fails_before:-0}" ] && echo "ok: $name"
	fails_before=$fails
}

tls_server='    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     /etc/ssl/www.crt;
        ssl_certificate_key /etc/ssl/www.key;
    }'

# Each escape below reaches $tmp/outside from $repo/etc/nginx or $repo/etc/ssl ("../../../")
# when resolved on this machine, and only "/outside" when resolved inside the root.

# 1. A relative include climbing out: nginx joins it to /etc/nginx/, so it stays in the root.
new_repo rel-include
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    include ../../../outside/secret.conf;
$tls_server
}
EOF
lint relative-include "include file '/outside/secret.conf' not found"

# 2. A relative certificate and key climbing out.
new_repo rel-cert
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     ../../../outside/cert.pem;
        ssl_certificate_key ../../../outside/key.pem;
    }
}
EOF
lint relative-certificate "cannot read certificate '../../../outside/cert.pem': No such file"

# 3. An absolute symlink to a file, as Debian's sites-enabled/default: re-rooted.
new_repo abs-link-file
mkdir -p "$repo/etc/nginx/sites-enabled" "$repo/etc/nginx/sites-available"
printf 'server { listen 443 ssl; server_name inside.example.test; }\n' \
	>"$repo/etc/nginx/sites-available/default"
ln -s /etc/nginx/sites-available/default "$repo/etc/nginx/sites-enabled/default"
ln -s "$out_dir/dir/site.conf" "$repo/etc/nginx/sites-enabled/escape"
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    include sites-enabled/*;
}
EOF
# The repository's own copy is linted (its server has no certificate) ...
lint absolute-link-to-file "sites-available/default:1:10: error: .*\[ssl-no-certificate\]"
# ... and the link to the host's file finds nothing inside the root.
lint absolute-link-to-host-file "1 error"

# 4. An absolute symlink into a directory, and a relative one climbing out of the root.
new_repo abs-link-dir
ln -s "$out_dir/dir" "$repo/etc/nginx/conf.d"
ln -s ../../../outside/dir "$repo/etc/nginx/sites"
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    include conf.d/*.conf;
    include sites/site.conf;
$tls_server
}
EOF
lint link-into-directory "include file '/etc/nginx/sites/site.conf' not found"

# 5. Link chains: a -> b -> c -> outside, for an include and for a certificate; and a loop.
new_repo chain
ln -s b.conf "$repo/etc/nginx/a.conf"
ln -s /etc/nginx/c.conf "$repo/etc/nginx/b.conf"
ln -s "$out_dir/secret.conf" "$repo/etc/nginx/c.conf"
ln -s chain2.pem "$repo/etc/ssl/chain1.pem"
ln -s ../../../outside/cert.pem "$repo/etc/ssl/chain2.pem"
ln -s loop2.conf "$repo/etc/nginx/loop1.conf"
ln -s loop1.conf "$repo/etc/nginx/loop2.conf"
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    include a.conf;
    include loop1.conf;
    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     /etc/ssl/chain1.pem;
        ssl_certificate_key /etc/ssl/www.key;
    }
}
EOF
lint link-chain "include file '/etc/nginx/a.conf' not found"
lint link-chain-certificate "cannot read certificate '/etc/ssl/chain1.pem'"
lint link-loop "cannot read include file '/etc/nginx/loop1.conf': Too many levels of symbolic links"

# 6. Links that stay inside the root still work, relative and absolute, files and directories.
new_repo inside
mkdir -p "$repo/etc/nginx/real"
printf '%s\n' "$tls_server" >"$repo/etc/nginx/real/site.conf"
ln -s real "$repo/etc/nginx/sites"
ln -s /etc/ssl/www.crt "$repo/etc/ssl/current.crt"
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    include sites/*.conf;
    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     /etc/ssl/current.crt;
        ssl_certificate_key ../ssl/www.key;
    }
}
EOF
lint links-inside-root "in 2 files, 2 sites, 1 certificate"

# 7. OpenSSL configuration commands whose value OpenSSL opens (a store, a directory) name the
# server's files: OpenSSL on this machine must not open them, in the checks (ssl_conf_command,
# proxy_ssl_conf_command) nor in the simulation's server contexts.
new_repo conf-command
cat >"$repo/etc/nginx/nginx.conf" <<EOF
http {
    server {
        listen 443 ssl;
        server_name www.example.test;
        ssl_certificate     /etc/ssl/www.crt;
        ssl_certificate_key /etc/ssl/www.key;
        ssl_conf_command VerifyCAStore $out_dir/cert.pem;
        ssl_conf_command RequestCAPath $out_dir/dir;
        location / {
            proxy_pass https://backend.example.test;
            proxy_ssl_conf_command ChainCAStore $out_dir/cert.pem;
        }
    }
}
EOF
lint conf-command-store "in 1 file, 1 site, 1 certificate"
SUBCMD=simulate lint conf-command-store-simulate "^www.example.test:443"

# --root that is not a directory is a usage error, not a silent pass.
"$TLSLINT" --root "$tmp/no-such-dir" "$repo/etc/nginx/nginx.conf" >/dev/null 2>"$tmp/err"
if [ $? -ne 2 ] || ! grep -q "no-such-dir" "$tmp/err"; then
	fail "--root that does not exist: want exit 2 naming it"
else
	echo "ok: --root that does not exist"
fi

echo "$fails failed"
[ "$fails" -eq 0 ]
