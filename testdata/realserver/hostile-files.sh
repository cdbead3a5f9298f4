#!/bin/bash
# hostile-files: what the real servers do with the hostile files tlslint describes (the
# consequence in its findings): a FIFO named as a certificate blocks nginx and HAProxy at
# start-up (their -t/-c never returns) while mod_ssl refuses it, a device named as a
# certificate is refused, and DH parameters over OpenSSL's 10,000 bits let nginx start while
# every DHE handshake fails (golden case dh-huge). testdata/cli/hostile-files.sh checks the
# same files from tlslint's side; here each tlslint message is checked next to the server.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"
tl_require_nginx
tl_require_haproxy
tl_require_apache
[ $# -eq 1 ] || { echo "usage: $0 TLSLINT" >&2; exit 2; }
TLSLINT=$(realpath "$1")

# lint FILE: tlslint's text report of FILE, in LINT_OUT.
lint() {
	LINT_OUT=$(timeout 10 "$TLSLINT" --now "$TEST_NOW" --ca-file "$TL_PKI/root.crt" --color never \
		"$1" 2>&1)
}

# case_dir NAME ENTRY TEXT: a temporary case holding ENTRY with TEXT, in CASE_DIR.
case_dir() {
	tl_mktemp
	CASE_DIR=$TL_LAST_TMP/$1
	mkdir -p "$CASE_DIR"
	printf '%s\n' "$3" >"$CASE_DIR/$2"
}

# 1. nginx: a FIFO as the certificate. nginx -t opens it and waits for a writer.
case_dir fifo-cert nginx.conf "events {}
http {
    server {
        listen 127.0.0.1:18950 ssl;
        server_name www.example.test;
        ssl_certificate     fifo.pem;
        ssl_certificate_key /pki/www.key;
    }
}"
ngx_prepare "$CASE_DIR" d
mkfifo "$d/fifo.pem"
NGX_T_OUT=$(timeout 3 setsid -w "$TL_NGINX" -t -q -e "$d/error.log" -c "$d/nginx.conf" -p "$d/" \
	-g "pid $d/nginx.pid; error_log $d/error.log;" 2>&1)
assert_rc "nginx -t with a FIFO certificate (timeout 3 s)" "$?" 124
lint "$d/nginx.conf"
assert_contains "tlslint: nginx FIFO certificate" "$LINT_OUT" \
	"a FIFO, not a regular file (tlslint does not read it); the server blocks at start-up, waiting for something to write to the FIFO [cert-missing]"

# 2. nginx: a device as the certificate: refused.
sed -i "s#fifo.pem#/dev/null#" "$d/nginx.conf"
ngx_t "$d"
assert_rc "nginx -t with /dev/null as certificate" "$NGX_T_RC" fail
assert_contains "nginx -t with /dev/null as certificate" "$NGX_T_OUT" 'cannot load certificate "/dev/null"'
lint "$d/nginx.conf"
assert_contains "tlslint: nginx device certificate" "$LINT_OUT" \
	"cannot read certificate '/dev/null': a device or a socket, not a regular file (tlslint does not read it); the server refuses to start [cert-missing]"

# 3. HAProxy: a FIFO as crt. haproxy -c waits for a writer too.
case_dir fifo-crt haproxy.cfg "defaults
    mode http
    timeout client 5s
    timeout server 5s
    timeout connect 5s
frontend www
    bind 127.0.0.1:18951 ssl crt fifo.pem"
hp_prepare "$CASE_DIR" h
mkfifo "$h/fifo.pem"
sed -i "s#crt fifo.pem#crt $h/fifo.pem#" "$h/haproxy.cfg"
(cd "$h" && exec timeout 3 "$TL_HAPROXY" -c -f "$h/haproxy.cfg" >/dev/null 2>&1 </dev/null)
assert_rc "haproxy -c with a FIFO crt (timeout 3 s)" "$?" 124
lint "$h/haproxy.cfg"
assert_contains "tlslint: haproxy FIFO crt" "$LINT_OUT" \
	"a FIFO, not a regular file (tlslint does not read it); the server blocks at start-up, waiting for something to write to the FIFO [cert-missing]"

# 3b. HAProxy: a directory as ssl-dh-param-file: haproxy -c keeps reading it and never returns.
mkdir -p "$h/dhdir"
sed -i "s#^defaults#global\n    ssl-dh-param-file $h/dhdir\ndefaults#; s#crt $h/fifo.pem#crt $TL_PKI/haproxy/www.pem#" \
	"$h/haproxy.cfg"
(cd "$h" && exec timeout 3 "$TL_HAPROXY" -c -f "$h/haproxy.cfg" >/dev/null 2>&1 </dev/null)
assert_rc "haproxy -c with a directory as ssl-dh-param-file (timeout 3 s)" "$?" 124
lint "$h/haproxy.cfg"
assert_contains "tlslint: haproxy DH directory" "$LINT_OUT" \
	"'ssl-dh-param-file': '$h/dhdir' is a directory: haproxy does not start, it keeps reading it (haproxy -c never returns) [directive-invalid]"

# 4. httpd: a FIFO as SSLCertificateFile: mod_ssl wants a regular, non-empty file.
case_dir fifo-apache apache2.conf "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule socache_shmcb_module /usr/lib/apache2/modules/mod_socache_shmcb.so
LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
ServerName localhost
Listen 127.0.0.1:18952
<VirtualHost 127.0.0.1:18952>
    ServerName www.example.test
    SSLEngine on
    SSLCertificateFile    fifo.pem
    SSLCertificateKeyFile /pki/www.key
</VirtualHost>"
ap_prepare "$CASE_DIR" a
mkfifo "$a/fifo.pem"
sed -i "s#SSLCertificateFile    fifo.pem#SSLCertificateFile    $a/fifo.pem#" "$a/apache2.conf"
ap_t "$a"
assert_rc "apache2 -t with a FIFO certificate" "$AP_T_RC" fail
assert_contains "apache2 -t with a FIFO certificate" "$AP_T_OUT" "does not exist or is empty"
lint "$a/apache2.conf"
assert_contains "tlslint: apache FIFO certificate" "$LINT_OUT" \
	"a FIFO, not a regular file (tlslint does not read it); the server refuses to start [cert-missing]"

# 5. DH parameters of 100,000 bits: nginx starts; ECDHE works, DHE ends in internal_error.
ngx_prepare dh-huge g
ngx_t "$g"
assert_rc "nginx -t (dh-huge)" "$NGX_T_RC" ok
if ngx_start "$g"; then
	port=$(ngx_port "$g")
	probe "$port" www.example.test -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256
	assert_rc "s_client ECDHE (dh-huge)" "$PROBE_RC" ok
	probe "$port" www.example.test -tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256
	assert_rc "s_client DHE (dh-huge)" "$PROBE_RC" fail
	assert_contains "s_client DHE (dh-huge)" "$PROBE_OUT" \
		"error:0A000438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error"
	ngx_stop "$g"
else
	tl_fail "nginx did not start with dh-huge"
fi
lint "$g/nginx.conf"
assert_contains "tlslint: dh-huge" "$LINT_OUT" "the server starts, and every handshake that picks a DHE suite fails with an internal_error alert [dh-weak]"

tl_finish
