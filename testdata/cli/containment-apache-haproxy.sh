#!/usr/bin/env bash
# Containment under --root for Apache httpd and HAProxy configs, as containment.sh checks it for
# nginx: a config repository is untrusted input, so no path it names may make tlslint read a
# file outside the root -- not a ServerRoot, a ServerRoot-relative Include, an Include wildcard
# or directory, an SSL* file or directory, the envvars file, nor a HAProxy crt file or
# directory, crt-base, crt-list (and the files its lines name), sidecar (.key, .ocsp, .issuer,
# .sctl), ca-file or ssl-dh-param-file; not with "..", absolute or relative symbolic links,
# link chains or loops.  Each case builds a repository next to an "outside" directory holding a
# secret, runs tlslint under strace, and checks
#   - the finding (the file is looked for inside the root, as a chroot would find it),
#   - that the secret never appears in any output format, and
#   - that no system call tlslint made names a path outside the root (strace's first path
#     argument of every file call, and with -y the file an open() really reached).
# Usage: containment-apache-haproxy.sh TLSLINT   (run from the repository root; needs strace)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
fails_before=0
if ! command -v strace >/dev/null; then
	echo "SKIP: strace is not installed ('make check' installs it)"
	exit 77
fi
out_dir=$tmp/outside
mkdir -p "$out_dir/dir" "$out_dir/certs"
secret='SECRET-FROM-OUTSIDE-THE-ROOT'
# What the outside holds: configs naming the secret, an envvars file exporting it, a crt-list
# naming it, and a certificate with its key (alone, together as HAProxy wants them, and as
# sidecars) that would load if it were read.
printf 'Listen 8443\n<VirtualHost *:8443>\n    ServerName %s\n    SSLEngine on\n</VirtualHost>\n' \
	"$secret" >"$out_dir/secret.conf"
cp "$out_dir/secret.conf" "$out_dir/dir/site.conf"
printf 'export SITE_NAME=%s\n' "$secret" >"$out_dir/envvars"
printf '/etc/ssl/%s.pem %s.example.test\n' "$secret" "$secret" >"$out_dir/crt.list"
cp "$PKI/www.fullchain.crt" "$out_dir/cert.pem"
cp "$PKI/www.key" "$out_dir/key.pem"
cat "$PKI/www.fullchain.crt" "$PKI/www.key" >"$out_dir/www.pem"
cp "$out_dir/www.pem" "$out_dir/certs/www.pem"
cp "$PKI/dhparam2048.pem" "$out_dir/dh.pem"
cp "$PKI/root.crt" "$out_dir/ca.pem"
chmod 600 "$out_dir/key.pem" "$out_dir/www.pem" "$out_dir/certs/www.pem"

# new_repo NAME: a fresh repository tree $repo with etc/apache2, etc/haproxy and etc/ssl
# (www.crt and www.key apart, www.pem both in one file as HAProxy reads them).
new_repo() {
	repo=$tmp/repo.$1
	rm -rf "$repo"
	mkdir -p "$repo/etc/apache2" "$repo/etc/haproxy" "$repo/etc/ssl"
	cp "$PKI/www.fullchain.crt" "$repo/etc/ssl/www.crt"
	cp "$PKI/www.key" "$repo/etc/ssl/www.key"
	cat "$PKI/www.fullchain.crt" "$PKI/www.key" >"$repo/etc/ssl/www.pem"
	chmod 600 "$repo/etc/ssl/www.key" "$repo/etc/ssl/www.pem"
}

# lint NAME ENTRY PATTERN...: runs tlslint (tlslint $SUBCMD when set) on $repo/ENTRY under
# strace, in text and JSON; it must exit 0 or 1 ($EXIT when set). The text output and stderr
# must match each extended regex PATTERN, and must not match one written "!REGEX"; no output
# may show the secret, and no system call may name a path outside the root. tlslint runs in the
# entry's directory ($CWD when set), so that a path it wrongly took from the working directory
# ("../../../outside/…") reaches the outside too.
lint() {
	local name=$1 entry=$repo/$2 fmt log status outside pattern seen
	shift 2
	for fmt in text json; do
		log=$tmp/strace.$name.$fmt
		# LeakSanitizer cannot run under a tracer (it ptraces itself); the other suites check leaks.
		(cd "${CWD:-$(dirname "$entry")}" &&
			ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
				strace -f -qq -y -o "$log" -e trace=%file "$TLSLINT" ${SUBCMD:+"$SUBCMD"} \
				--root "$repo" --now $NOW --ca-file "$PKI/root.crt" --format $fmt "$entry" \
				>"$tmp/out" 2>"$tmp/err")
		status=$?
		if [ -n "${EXIT:-}" ] && [ $status -ne "$EXIT" ]; then
			fail "$name ($fmt): exit $status, not $EXIT: $(cat "$tmp/err")"
		elif [ -z "${EXIT:-}" ] && [ $status -gt 1 ]; then
			fail "$name ($fmt): exit $status: $(cat "$tmp/err")"
		fi
		cat "$tmp/err" >>"$tmp/out"
		if grep -q "$secret" "$tmp/out" "$tmp/err"; then
			fail "$name ($fmt): the secret from outside the root is in the output"
		fi
		if [ "$fmt" = text ]; then
			if [ -n "${SHOW:-}" ]; then
				echo "--- $name"
				grep -E ': (error|warning|info):|related:|^[0-9]+ error|^no findings|^  [a-z]' \
					"$tmp/out"
			fi
			for pattern in "$@"; do
				if [ "${pattern#!}" != "$pattern" ]; then
					if grep -Eq -- "${pattern#!}" "$tmp/out"; then
						fail "$name: /${pattern#!}/ should not match:"
						grep -E -- "${pattern#!}" "$tmp/out" | sed 's/^/    /'
					fi
				elif ! grep -Eq -- "$pattern" "$tmp/out"; then
					fail "$name: no match for /$pattern/ in:"
					sed 's/^/    /' "$tmp/out"
				fi
			done
		fi
		# The first quoted argument of each call is the path it looked at, a relative one
		# joined to the directory strace names (-y) or tlslint's and folded; -y also shows
		# the file an open() really reached (after the kernel followed links).
		outside=$({
			sed -n 's/^[0-9]* *[a-z0-9_]*(\(AT_FDCWD<\([^>]*\)>, \)\{0,1\}"\([^"]*\)".*/\2|\3/p' \
				"$log" | while IFS='|' read -r cwd path; do
				case $path in
				/*) printf '%s\n' "$path" ;;
				*) printf '%s/%s\n' "${cwd:-${CWD:-$(dirname "$entry")}}" "$path" ;;
				esac
			done | xargs -r -d '\n' realpath -m -s --
			sed -n 's/.*= [0-9][0-9]*<\([^>]*\)>$/\1/p' "$log"
		} | awk -v d="$out_dir" 'index($0, d) == 1' | sort -u)
		if [ -n "$outside" ]; then
			fail "$name ($fmt): looked at paths outside the root:"
			# shellcheck disable=SC2086 # one path a line
			printf '    %s\n' $outside
		fi
		# (An entry that is not there is not opened: then its directory was looked at.)
		seen=$entry
		[ -n "${EXIT:-}" ] && seen=$(dirname "$entry")
		if ! grep -q "$seen" "$log"; then
			fail "$name ($fmt): strace saw no open of the entry (is tracing working?)"
		fi
	done
	[ $fails -eq $fails_before ] && echo "ok: $name"
	fails_before=$fails
}

# Every escape below reaches $tmp/outside from $repo/etc/apache2, $repo/etc/haproxy or
# $repo/etc/ssl ("../../../") when resolved on this machine, and only "/outside" when resolved
# inside the root.

# ---- Apache httpd ----

# A quiet configuration: only what a case adds is found.
apache_head='LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
ServerName localhost
Header always set Strict-Transport-Security "max-age=63072000"
SSLProtocol -all +TLSv1.2 +TLSv1.3
SSLCipherSuite ECDHE+AESGCM:ECDHE+CHACHA20
SSLSessionTickets off
Listen 443'
# vhost [NAME [CERT [KEY [MORE]]]]: a TLS virtual host with the repository's certificate.
vhost() {
	printf '<VirtualHost *:443>\n    ServerName %s\n    SSLEngine on\n' "${1:-www.example.test}"
	printf '    SSLCertificateFile    %s\n' "${2:-/etc/ssl/www.crt}"
	printf '    SSLCertificateKeyFile %s\n' "${3:-/etc/ssl/www.key}"
	[ -n "${4:-}" ] && printf '    %s\n' "$4"
	printf '</VirtualHost>\n'
}
apache_conf() {
	{
		printf '%s\n' "$apache_head"
		cat
	} >"$repo/etc/apache2/apache2.conf"
}
A=etc/apache2/apache2.conf

# A1. ServerRoot naming the outside: with "..", as the host's absolute path, through an
# absolute and a relative link. The root has no such directory, so httpd's message; the
# relative Include after it is then looked for under the default ServerRoot, in the root.
new_repo ap-serverroot
ln -s "$out_dir" "$repo/srv-abs"
ln -s ../outside "$repo/srv-rel"
for case in dotdot:/../../../outside host-path:$out_dir absolute-link:/srv-abs \
	relative-link:/srv-rel; do
	apache_conf <<EOF
ServerRoot ${case#*:}
Include secret.conf
$(vhost)
EOF
	lint "apache-serverroot-${case%%:*}" $A "error: ServerRoot must be a valid directory" \
		"include file '/etc/apache2/secret.conf' not found"
done

# A2. ServerRoot-relative Include and IncludeOptional climbing out, a file and a wildcard, and
# the host's absolute paths of the outside (a wildcard, a directory).
new_repo ap-rel-include
apache_conf <<EOF
Include ../../../outside/secret.conf
Include ../../../outside/dir/*.conf
IncludeOptional ../../../outside/*.conf
IncludeOptional $out_dir/*.conf
IncludeOptional $out_dir/dir
$(vhost)
EOF
lint apache-relative-include $A "include file '/outside/secret.conf' not found" \
	"Include/IncludeOptional: Could not open directory /outside/dir: No such file or directory" \
	"in 1 file, 1 site"

# A3. Include wildcards and directory includes through links out of the root: the directory
# is a link (absolute, relative), or an entry it matches is (absolute, relative).
new_repo ap-glob
mkdir -p "$repo/etc/apache2/mixed"
vhost >"$repo/etc/apache2/mixed/a.conf"
ln -s "$out_dir/secret.conf" "$repo/etc/apache2/mixed/b.conf"
ln -s ../../../../outside/secret.conf "$repo/etc/apache2/mixed/c.conf"
ln -s "$out_dir/dir" "$repo/etc/apache2/conf.d"
ln -s ../../../outside/dir "$repo/etc/apache2/sites"
apache_conf <<EOF
IncludeOptional conf.d/*.conf
IncludeOptional sites/*.conf
Include mixed/*.conf
EOF
lint apache-glob-entries-linked-out $A "include file '/etc/apache2/mixed/b.conf' not found" \
	"include file '/etc/apache2/mixed/c.conf' not found" "in 2 files, 1 site"
apache_conf <<EOF
Include conf.d/*.conf
$(vhost)
EOF
lint apache-glob-dir-abs-link $A \
	"Could not open directory /etc/apache2/conf.d: No such file or directory"
apache_conf <<EOF
Include sites/*.conf
$(vhost)
EOF
lint apache-glob-dir-rel-link $A \
	"Could not open directory /etc/apache2/sites: No such file or directory"
apache_conf <<EOF
IncludeOptional */site.conf
Include mixed
EOF
lint apache-directory-include $A "include file '/etc/apache2/mixed/b.conf' not found" \
	"include file '/etc/apache2/mixed/c.conf' not found" "in 2 files, 1 site"
apache_conf <<EOF
Include conf.d
$(vhost)
EOF
lint apache-directory-include-linked-out $A \
	"include file '/etc/apache2/conf.d' not found"

# A4. Link chains (a -> b -> /etc/apache2/c -> outside) and a loop.
new_repo ap-chain
ln -s b.conf "$repo/etc/apache2/a.conf"
ln -s /etc/apache2/c.conf "$repo/etc/apache2/b.conf"
ln -s "$out_dir/secret.conf" "$repo/etc/apache2/c.conf"
ln -s loop2.conf "$repo/etc/apache2/loop1.conf"
ln -s loop1.conf "$repo/etc/apache2/loop2.conf"
ln -s chain2.crt "$repo/etc/ssl/chain1.crt"
ln -s ../../../outside/cert.pem "$repo/etc/ssl/chain2.crt"
ln -s loop.d "$repo/etc/apache2/loop.d"
apache_conf <<EOF
Include a.conf
Include loop1.conf
Include loop.d/*.conf
$(vhost www.example.test /etc/ssl/chain1.crt)
EOF
lint apache-link-chain $A "include file '/etc/apache2/a.conf' not found"
lint apache-link-loop $A \
	"cannot read include file '/etc/apache2/loop1.conf': Too many levels of symbolic links"
lint apache-link-loop-glob $A \
	"Could not open directory /etc/apache2/loop.d: Too many levels of symbolic links"
lint apache-link-chain-certificate $A "cannot read certificate '/etc/ssl/chain1.crt'"

# A5. The SSL files and directories of mod_ssl escaping: ServerRoot-relative "..", absolute
# and relative links to a file, a CA directory that is a link out or holds one.
new_repo ap-ssl
mkdir -p "$repo/etc/ssl/ca"
ln -s "$out_dir/ca.pem" "$repo/etc/ssl/ca/1234abcd.0"
ln -s "$out_dir/certs" "$repo/etc/ssl/ca-out"
ln -s "$out_dir/key.pem" "$repo/etc/ssl/key-abs.pem"
ln -s ../../../outside/cert.pem "$repo/etc/ssl/chain-rel.pem"
apache_conf <<EOF
$(vhost www.example.test ../../../outside/cert.pem /etc/ssl/key-abs.pem)
EOF
lint apache-certificate-file $A \
	"cannot read certificate '../../../outside/cert.pem': No such file"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/key-abs.pem)
EOF
lint apache-certificate-key-file $A "cannot read private key '/etc/ssl/key-abs.pem'"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLCertificateChainFile /etc/ssl/chain-rel.pem")
EOF
lint apache-certificate-chain-file $A \
	"cannot read certificate chain '/etc/ssl/chain-rel.pem': No such file"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLCACertificateFile ../../../outside/ca.pem
    SSLVerifyClient require")
EOF
lint apache-ca-certificate-file $A \
	"SSLCACertificateFile: file '/outside/ca.pem' does not exist or is empty"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLCACertificatePath /etc/ssl/ca-out
    SSLVerifyClient require")
EOF
lint apache-ca-certificate-path-linked-out $A \
	"SSLCACertificatePath: directory '/etc/ssl/ca-out' does not exist"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLCACertificatePath /etc/ssl/ca
    SSLVerifyClient require")
EOF
lint apache-ca-certificate-path-entry-linked-out $A \
	"no certificate in the files of SSLCACertificatePath '/etc/ssl/ca'"

# A5b. The rest of mod_ssl's files and directories, linked out: each is looked for in the root.
new_repo ap-ssl-more
ln -s "$out_dir/ca.pem" "$repo/etc/ssl/out.pem"
ln -s "$out_dir/certs" "$repo/etc/ssl/out"
more=
for d in SSLCADNRequestFile SSLCARevocationFile SSLProxyCACertificateFile SSLProxyCARevocationFile \
	SSLProxyMachineCertificateFile SSLProxyMachineCertificateChainFile SSLSessionTicketKeyFile \
	SSLOCSPResponderCertificateFile SSLSRPVerifierFile; do
	more="$more    $d /etc/ssl/out.pem
"
done
for d in SSLCADNRequestPath SSLCARevocationPath SSLProxyCACertificatePath \
	SSLProxyMachineCertificatePath; do
	more="$more    $d /etc/ssl/out
"
done
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLProxyEngine on
$more")
EOF
patterns=()
for d in SSLCADNRequestFile SSLCARevocationFile SSLProxyCACertificateFile SSLProxyCARevocationFile \
	SSLProxyMachineCertificateFile SSLProxyMachineCertificateChainFile SSLSessionTicketKeyFile \
	SSLOCSPResponderCertificateFile SSLSRPVerifierFile; do
	patterns+=("$d: file '/etc/ssl/out.pem' does not exist or is empty")
done
for d in SSLCADNRequestPath SSLCARevocationPath SSLProxyCACertificatePath \
	SSLProxyMachineCertificatePath; do
	patterns+=("$d: directory '/etc/ssl/out' does not exist")
done
lint apache-ssl-files-linked-out $A "${patterns[@]}"

# A6. The envvars file beside apache2.conf, linked out: nothing of it is read.
new_repo ap-envvars
ln -s "$out_dir/envvars" "$repo/etc/apache2/envvars"
# shellcheck disable=SC2016 # httpd's variable, for the envvars file to define
apache_conf <<EOF
$(vhost '${SITE_NAME}')
EOF
lint apache-envvars-linked-out $A "'[$][{]site_name[}]' is not covered by the certificate"

# A7. <IfFile> looks inside the root: a file outside it is not there, so the section (which
# would make a finding) is skipped.
new_repo ap-iffile
ln -s "$out_dir/secret.conf" "$repo/etc/apache2/iffile.conf"
apache_conf <<EOF
<IfFile ../../../outside/secret.conf>
    SSLProtocol bogus-from-relative
</IfFile>
<IfFile $out_dir/secret.conf>
    SSLProtocol bogus-from-host-path
</IfFile>
<IfFile iffile.conf>
    SSLProtocol bogus-from-link
</IfFile>
$(vhost)
EOF
lint apache-iffile $A "^no findings in 1 file, 1 site, 1 certificate"

# A8. OpenSSL configuration commands that open what they name: a store (VerifyCAStore,
# ChainCAStore) and a directory (RequestCAPath). Their values are the server's paths, so
# OpenSSL on this machine must not open them, not in the checks and not in the simulation's
# server contexts. The directory exists inside the root under the host's name of the outside
# one, so httpd's own check of it passes and only a host-side open would reach outside.
new_repo ap-confcmd
mkdir -p "$repo$out_dir/certs"
cp "$PKI/root.crt" "$repo$out_dir/certs/root.pem"
apache_conf <<EOF
$(vhost www.example.test /etc/ssl/www.crt /etc/ssl/www.key "SSLOpenSSLConfCmd VerifyCAStore $out_dir/ca.pem
    SSLOpenSSLConfCmd ChainCAStore ../../../outside/cert.pem
    SSLOpenSSLConfCmd RequestCAPath $out_dir/certs")
EOF
lint apache-conf-command-store $A "^no findings in 1 file, 1 site, 1 certificate"
SUBCMD=simulate lint apache-conf-command-store-simulate $A "^www.example.test:443"

# A9. Links that stay inside the root still work: a ServerRoot through a link, a wildcard
# through a relative directory link, an absolute link to a certificate, a key relative to the
# ServerRoot (joined as httpd joins it, before any link is followed: /srv/apache/../../etc/ssl).
new_repo ap-inside
mkdir -p "$repo/etc/apache2/real" "$repo/srv"
ln -s /etc/apache2 "$repo/srv/apache"
vhost www.example.test /etc/ssl/current.crt ../../etc/ssl/www.key >"$repo/etc/apache2/real/site.conf"
ln -s real "$repo/etc/apache2/sites"
ln -s /etc/ssl/www.crt "$repo/etc/ssl/current.crt"
apache_conf <<EOF
ServerRoot /srv/apache
Include sites/*.conf
EOF
lint apache-links-inside-root $A "^no findings in 2 files, 1 site, 1 certificate"

# ---- HAProxy ----

# hp_conf [GLOBAL [BIND [SERVER]]]: a quiet configuration, one frontend with one bind line
# (default: the repository's certificate) and a backend; GLOBAL is added to the global section.
hp_conf() {
	cat >"$repo/etc/haproxy/haproxy.cfg" <<EOF
global
    ssl-default-bind-ciphers ECDHE+AESGCM:ECDHE+CHACHA20
    ssl-default-bind-options no-tls-tickets
${1:-}
defaults
    mode http
    timeout client 5s
    timeout server 5s
    timeout connect 5s
frontend www
    bind :443 ssl ${2:-crt /etc/ssl/www.pem}
    http-response set-header Strict-Transport-Security "max-age=63072000"
    default_backend app
backend app
    server app1 127.0.0.1:8080 ${3:-}
EOF
}
H=etc/haproxy/haproxy.cfg

# H1. crt naming a file out of the root: "..", the host's absolute path, an absolute and a
# relative link.
new_repo hp-crt
ln -s "$out_dir/www.pem" "$repo/etc/ssl/abs.pem"
ln -s ../../../outside/www.pem "$repo/etc/ssl/rel.pem"
hp_conf "" "crt ../../../outside/www.pem"
lint haproxy-crt-relative $H "cannot read certificate '../../../outside/www.pem': No such file"
hp_conf "" "crt $out_dir/www.pem"
lint haproxy-crt-host-path $H "cannot read certificate '$out_dir/www.pem': No such file"
hp_conf "" "crt /etc/ssl/abs.pem"
lint haproxy-crt-absolute-link $H "cannot read certificate '/etc/ssl/abs.pem': No such file"
hp_conf "" "crt /etc/ssl/rel.pem"
lint haproxy-crt-relative-link $H "cannot read certificate '/etc/ssl/rel.pem': No such file"
# A server's client certificate, the same.
hp_conf "" "" "ssl verify none crt /etc/ssl/abs.pem"
lint haproxy-server-crt-link $H "unable to stat SSL certificate from file '/etc/ssl/abs.pem'"

# H2. crt naming a directory that is a link out (absolute, relative), or holds links out.
new_repo hp-crt-dir
mkdir -p "$repo/etc/ssl/mixed"
cp "$repo/etc/ssl/www.pem" "$repo/etc/ssl/mixed/a.pem"
ln -s "$out_dir/www.pem" "$repo/etc/ssl/mixed/b.pem"
ln -s ../../../../outside/www.pem "$repo/etc/ssl/mixed/c.pem"
ln -s "$out_dir/certs" "$repo/etc/ssl/out-abs"
ln -s ../../../outside/certs "$repo/etc/ssl/out-rel"
hp_conf "" "crt /etc/ssl/out-abs"
lint haproxy-crt-dir-absolute-link $H "cannot read certificate '/etc/ssl/out-abs': No such file"
hp_conf "" "crt /etc/ssl/out-rel"
lint haproxy-crt-dir-relative-link $H "cannot read certificate '/etc/ssl/out-rel': No such file"
hp_conf "" "crt /etc/ssl/mixed"
lint haproxy-crt-dir-entries-linked-out $H \
	"cannot read certificate '/etc/ssl/mixed/b.pem': No such file" \
	"cannot read certificate '/etc/ssl/mixed/c.pem': No such file"

# H3. crt-base out of the root: with "..", and through a link.
new_repo hp-crt-base
ln -s "$out_dir" "$repo/etc/ssl/base"
hp_conf "    crt-base ../../../outside" "crt www.pem"
lint haproxy-crt-base-relative $H "cannot read certificate 'www.pem': No such file"
hp_conf "    crt-base /etc/ssl/base" "crt www.pem"
lint haproxy-crt-base-link $H "cannot read certificate 'www.pem': No such file"

# H4. crt-list: the list file out of the root, and lines of a list in the root naming files out.
new_repo hp-crt-list
ln -s "$out_dir/crt.list" "$repo/etc/haproxy/abs.list"
ln -s "$out_dir/www.pem" "$repo/etc/ssl/abs.pem"
printf '%s\n' ../../../outside/www.pem /etc/ssl/abs.pem "$out_dir/www.pem" \
	>"$repo/etc/haproxy/in.list"
hp_conf "" "crt-list ../../../outside/crt.list"
lint haproxy-crt-list-relative $H \
	"cannot open the crt-list file '../../../outside/crt.list' : No such file or directory"
hp_conf "" "crt-list /etc/haproxy/abs.list"
lint haproxy-crt-list-link $H \
	"cannot open the crt-list file '/etc/haproxy/abs.list' : No such file or directory"
hp_conf "" "crt-list /etc/haproxy/in.list"
lint haproxy-crt-list-lines $H \
	"cannot read certificate '../../../outside/www.pem': No such file" \
	"cannot read certificate '/etc/ssl/abs.pem': No such file" \
	"cannot read certificate '$out_dir/www.pem': No such file"

# H5. Sidecars as links out: the key beside a certificate without one (absolute, relative),
# and .ocsp, .issuer and .sctl beside a complete one.
new_repo hp-sidecar
cp "$PKI/www.fullchain.crt" "$repo/etc/ssl/side.pem"
cp "$PKI/www.fullchain.crt" "$repo/etc/ssl/side2.pem"
ln -s "$out_dir/key.pem" "$repo/etc/ssl/side.pem.key"
ln -s ../../../outside/key.pem "$repo/etc/ssl/side2.pem.key"
for ext in ocsp issuer sctl; do
	ln -s "$out_dir/cert.pem" "$repo/etc/ssl/www.pem.$ext"
done
hp_conf "" "crt /etc/ssl/side.pem"
lint haproxy-key-sidecar-absolute-link $H \
	"the file holds none and there is no '/etc/ssl/side.pem.key' beside it"
hp_conf "" "crt /etc/ssl/side2.pem"
lint haproxy-key-sidecar-relative-link $H \
	"the file holds none and there is no '/etc/ssl/side2.pem.key' beside it"
hp_conf "" "crt /etc/ssl/www.pem"
lint haproxy-ocsp-issuer-sctl-sidecars $H "^no findings in 1 file, 1 site, 1 certificate"

# H6. ca-file (and ca-base) and ssl-dh-param-file out of the root.
new_repo hp-files
ln -s "$out_dir/ca.pem" "$repo/etc/ssl/ca.pem"
ln -s "$out_dir" "$repo/etc/ssl/ca-out"
ln -s ../../../outside/dh.pem "$repo/etc/ssl/dh.pem"
hp_conf "" "crt /etc/ssl/www.pem verify required ca-file ../../../outside/ca.pem"
lint haproxy-ca-file-relative $H "'ca-file' : unable to load ../../../outside/ca.pem"
hp_conf "" "crt /etc/ssl/www.pem verify required ca-file /etc/ssl/ca.pem"
lint haproxy-ca-file-link $H "'ca-file' : unable to load /etc/ssl/ca.pem"
hp_conf "    ca-base /etc/ssl/ca-out" "crt /etc/ssl/www.pem verify required ca-file ca.pem"
lint haproxy-ca-base-link $H "'ca-file' : unable to load ca.pem"
hp_conf "    ssl-dh-param-file /etc/ssl/dh.pem"
lint haproxy-dh-param-file-link $H \
	"'ssl-dh-param-file': unable to load DH parameters from file </etc/ssl/dh.pem>"

# H6b. The other files of a bind and a server line, and issuers-chain-path, linked out. The
# intermediate outside would complete the leaf-only certificate's chain if it were read.
new_repo hp-files-more
cat "$PKI/www.crt" "$PKI/www.key" >"$repo/etc/ssl/leaf.pem"
chmod 600 "$repo/etc/ssl/leaf.pem"
cp "$PKI/intermediate.crt" "$out_dir/certs/intermediate.pem"
ln -s "$out_dir/ca.pem" "$repo/etc/ssl/ca.pem"
ln -s ../../../outside/www.pem "$repo/etc/ssl/sign.pem"
ln -s "$out_dir/ca.pem" "$repo/etc/ssl/keys"
ln -s "$out_dir/certs" "$repo/etc/ssl/issuers"
hp_conf "    issuers-chain-path /etc/ssl/issuers" \
	"crt /etc/ssl/leaf.pem verify optional ca-file /etc/ssl/www.pem crl-file /etc/ssl/ca.pem ca-verify-file /etc/ssl/ca.pem tls-ticket-keys /etc/ssl/keys generate-certificates ca-sign-file /etc/ssl/sign.pem" \
	"ssl verify required ca-file /etc/ssl/ca.pem crl-file /etc/ssl/ca.pem"
lint haproxy-other-files-linked-out $H \
	"'crl-file' : unable to load /etc/ssl/ca.pem \(No such file or directory\)" \
	"'ca-verify-file' : unable to load /etc/ssl/ca.pem \(No such file or directory\)" \
	"'/etc/ssl/keys' : unable to load ssl tickets keys file \(No such file or directory\)" \
	"Failed to read CA certificate file '/etc/ssl/sign.pem'" \
	"cfg:15:.*'ca-file' : unable to load /etc/ssl/ca.pem" \
	"'issuers-chain-path' expects a directory path" "chain-incomplete"

# H7. Link loops: a certificate file, a crt directory, a crt-list.
new_repo hp-loop
ln -s loop2.pem "$repo/etc/ssl/loop1.pem"
ln -s loop1.pem "$repo/etc/ssl/loop2.pem"
ln -s loop.d "$repo/etc/ssl/loop.d"
ln -s loop.list "$repo/etc/haproxy/loop.list"
hp_conf "" "crt /etc/ssl/loop1.pem"
lint haproxy-crt-link-loop $H \
	"cannot read certificate '/etc/ssl/loop1.pem': Too many levels of symbolic links"
hp_conf "" "crt /etc/ssl/loop.d"
lint haproxy-crt-dir-link-loop $H \
	"cannot read certificate '/etc/ssl/loop.d': Too many levels of symbolic links"
hp_conf "" "crt-list /etc/haproxy/loop.list"
lint haproxy-crt-list-link-loop $H \
	"cannot open the crt-list file '/etc/haproxy/loop.list' : Too many levels of symbolic links"

# H8. ssl-provider naming a module file out of the root (absolute, relative to the module
# directory, through ssl-provider-path's link): OpenSSL would dlopen() it as written, so it is
# looked for inside the root and never loaded; one inside the root is found there.
new_repo hp-provider
ln -s "$out_dir" "$repo/etc/haproxy/modules"
printf 'not a shared object\n' >"$out_dir/evil.so"
mkdir -p "$repo/usr/lib/ossl"
printf 'not a shared object\n' >"$repo/usr/lib/ossl/mine.so"
# Relative to OpenSSL's module directory, from wherever it is: climbing to "/" and down.
modules=../../../../../../../../../../../..$out_dir/evil.so
hp_conf "    ssl-provider $out_dir/evil.so
    ssl-provider $modules
    ssl-provider /usr/lib/ossl/mine.so
    ssl-provider-path /etc/haproxy/modules
    ssl-provider ./evil.so
    ssl-provider evil"
lint haproxy-ssl-provider $H \
	"ssl-provider $out_dir/evil.so: unknown provider \(no module file '$out_dir/evil.so'\)" \
	"ssl-provider $modules: unknown provider \(no module file '$out_dir/evil.so'\)" \
	"ssl-provider ./evil.so: unknown provider \(no module file '/etc/haproxy/modules/evil.so'\)" \
	"ssl-provider evil: unknown provider \(no evil.so in ssl-provider-path '/etc/haproxy/modules'\)" \
	"!mine.so" "^4 errors"

# H9. Links that stay inside the root still work: a crt-base, a crt directory and a crt-list
# through links, a list line relative to crt-base, a key sidecar linked absolutely.
new_repo hp-inside
mkdir -p "$repo/etc/ssl/real"
cp "$repo/etc/ssl/www.pem" "$repo/etc/ssl/real/www.pem"
cp "$PKI/www.fullchain.crt" "$repo/etc/ssl/real/side.pem"
ln -s /etc/ssl/www.key "$repo/etc/ssl/real/side.pem.key"
ln -s real "$repo/etc/ssl/current"
ln -s /etc/ssl/current "$repo/etc/ssl/base"
printf "side.pem\n../www.pem\n" >"$repo/etc/haproxy/real.list"
ln -s real.list "$repo/etc/haproxy/sites.list"
hp_conf "    crt-base /etc/ssl/base" "crt /etc/ssl/current crt-list /etc/haproxy/sites.list"
lint haproxy-links-inside-root $H "^no findings in 2 files, 4 sites, 3 certificates"

# ---- The entry file ----

# E1. The entry named on the command line is a file of the repository: a link there is followed
# inside the root like any other (a pull request could make it point at the CI's secrets), and
# tlslint says where it looked; a link that stays inside the root works.
new_repo entry
ln -s "$out_dir/secret.conf" "$repo/etc/apache2/apache2.conf"
ln -s ../../../outside/secret.conf "$repo/etc/haproxy/haproxy.cfg"
ln -s "$out_dir/dir" "$repo/etc/httpd"
EXIT=2 lint entry-absolute-link $A \
	"cannot read '$repo/$A': No such file or directory \(looked for as '$repo$out_dir/secret.conf'"
EXIT=2 lint entry-relative-link $H \
	"cannot read '$repo/$H': No such file or directory \(looked for as '$repo/outside/secret.conf'"
EXIT=2 CWD=$repo lint entry-directory-link etc/httpd/site.conf \
	"cannot read '$repo/etc/httpd/site.conf': No such file or directory \(looked for as '$repo$out_dir/dir/site.conf'"
rm "$repo/etc/haproxy/haproxy.cfg"
hp_conf
mv "$repo/etc/haproxy/haproxy.cfg" "$repo/etc/haproxy/real.cfg"
ln -s /etc/haproxy/real.cfg "$repo/etc/haproxy/haproxy.cfg"
lint entry-link-inside-root $H "^no findings in 1 file, 1 site, 1 certificate"

echo "$fails failed"
[ "$fails" -eq 0 ]
