#!/bin/bash
# verify.sh - assert that the committed test PKI is what mk.sh documents.
#
# Golden tests rely on these exact dates, names and chain relations; this script catches a
# regenerated or hand-edited PKI that drifted from the table in mk.sh.  It only needs the
# openssl CLI.  Exit 0: all good; 1: at least one mismatch (each one is printed).
#
#   bash testdata/pki/verify.sh [PKI_DIR]
set -u

pki=${1:-$(cd "$(dirname "$0")" && pwd)}
TEST_NOW_EPOCH=1780272000 # 2026-06-01T00:00:00Z, see mk.sh
fails=0

fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

# expect WHAT ACTUAL EXPECTED
expect() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

x509() {
	openssl x509 -in "$pki/$1" -noout "${@:2}" 2>/dev/null
}

# ext FILE NAME: the value lines of one extension, joined with ' '
ext() {
	x509 "$1" -ext "$2" | tail -n +2 | sed 's/^ *//' | paste -sd ' '
}

# cert FILE SUBJECT_CN ISSUER_CN NOT_BEFORE NOT_AFTER BASIC_CONSTRAINTS [SIGNATURE_ALGORITHM]
cert() {
	local f=$1 info
	# One openssl run for the names and dates: with ~40 certificates, process start-up is
	# most of this script's time.
	if ! info=$(x509 "$f" -subject -issuer -dates -dateopt iso_8601 -nameopt RFC2253); then
		fail "$f: not a readable certificate"
		return
	fi
	expect "$f subject" "$(sed -n 1p <<<"$info")" "subject=CN=$2"
	expect "$f issuer" "$(sed -n 2p <<<"$info")" "issuer=CN=$3"
	expect "$f dates" "$(sed -n '3,4p' <<<"$info" | paste -sd ' ')" \
		"notBefore=$4 00:00:00Z notAfter=$5 00:00:00Z"
	expect "$f basicConstraints" "$(ext "$f" basicConstraints)" "$6"
	expect "$f signature" "$(openssl x509 -in "$pki/$f" -noout -text |
		sed -n 's/^ *Signature Algorithm: //p' | head -n 1)" "${7:-sha256WithRSAEncryption}"
}

# keypair NAME KEYDESC: NAME.key is of that type/size and belongs to NAME.crt
keypair() {
	local n=$1
	expect "$n.key type" "$(openssl pkey -in "$pki/$n.key" -noout -text 2>/dev/null | head -n 1)" "$2"
	[ "$(openssl pkey -in "$pki/$n.key" -pubout 2>/dev/null)" = "$(x509 "$n.crt" -pubkey)" ] ||
		fail "$n.key does not belong to $n.crt"
}

# verdict UNTRUSTED FILE [CAFILE]: the first error `openssl verify` reports at TEST_NOW, as
# 'error N at D depth', or 'ok'
verdict() {
	local got
	got=$(openssl verify -attime "$TEST_NOW_EPOCH" -CAfile "$pki/${3:-root.crt}" \
		-untrusted "$pki/$1" "$pki/$2" 2>&1 | grep -o 'error [0-9]* at [0-9]* depth' | head -n 1)
	echo "${got:-ok}"
}

# leaf [-i ISSUER] [-c CN] [-b BASIC_CONSTRAINTS] [-x EKU] [-s SIGALG]
#      NAME KEYDESC NOT_BEFORE NOT_AFTER VERIFY_RESULT SAN...
# ISSUER is the base name of the signing CA (default intermediate); NAME.fullchain.crt must be
# NAME.crt followed by ISSUER.crt, and VERIFY_RESULT is what a client gets for that chain.  The
# CN defaults to the first SAN; with -c and no SAN the certificate must have no SAN extension.
# A SAN is a DNS name unless it starts with 'IP Address:' (openssl's spelling).
leaf() {
	local iss=intermediate cn='' bc=CA:FALSE eku="TLS Web Server Authentication"
	local sig=sha256WithRSAEncryption
	while :; do
		case $1 in
		-i) iss=$2 ;;
		-c) cn=$2 ;;
		-b) bc=$2 ;;
		-x) eku=$2 ;;
		-s) sig=$2 ;;
		*) break ;;
		esac
		shift 2
	done
	local n=$1 kd=$2 nb=$3 na=$4 want=$5
	shift 5
	local san="" s
	for s in "$@"; do
		case $s in "IP Address:"*) ;; *) s=DNS:$s ;; esac
		san="${san:+$san, }$s"
	done
	cert "$n.crt" "${cn:-$1}" "$(x509 "$iss.crt" -subject -nameopt RFC2253 | sed 's/^subject=CN=//')" \
		"$nb" "$na" "$bc" "$sig"
	expect "$n.crt subjectAltName" "$(ext "$n.crt" subjectAltName)" "$san"
	if [ -z "$san" ]; then
		x509 "$n.crt" -text | grep -q 'Subject Alternative Name' &&
			fail "$n.crt: has a subjectAltName extension but must not"
	fi
	expect "$n.crt extendedKeyUsage" "$(ext "$n.crt" extendedKeyUsage)" "$eku"
	keypair "$n" "$kd"
	cat "$pki/$n.crt" "$pki/$iss.crt" | cmp -s - "$pki/$n.fullchain.crt" ||
		fail "$n.fullchain.crt is not $n.crt followed by $iss.crt"
	# The verdict a client gets at TEST_NOW when the server sends the full chain.
	expect "$n.crt verify at TEST_NOW" "$(verdict "$iss.crt" "$n.crt")" "$want"
}

# same WHAT FILE PART...: FILE is exactly the concatenation of the PARTs
same() {
	local what=$1 f=$2
	shift 2
	(cd "$pki" && cat "$@") | cmp -s - "$pki/$f" || fail "$f is not $what"
}

rsa="Private-Key: (2048 bit, 2 primes)"
cert root.crt "tlslint Test Root CA" "tlslint Test Root CA" 2020-01-01 2040-01-01 "CA:TRUE"
keypair root "$rsa"
cert intermediate.crt "tlslint Test Intermediate CA" "tlslint Test Root CA" 2020-01-01 2035-01-01 \
	"CA:TRUE, pathlen:0"
keypair intermediate "$rsa"
expect "intermediate.crt verify" \
	"$(openssl verify -attime "$TEST_NOW_EPOCH" -CAfile "$pki/root.crt" "$pki/intermediate.crt" 2>&1)" \
	"$pki/intermediate.crt: OK"

leaf www "$rsa" 2026-01-01 2026-12-31 ok www.example.test example.test
leaf other "$rsa" 2026-01-01 2026-12-31 ok other.example.test
leaf wildcard "$rsa" 2026-01-01 2026-12-31 ok '*.example.test'
leaf expired "$rsa" 2025-01-01 2026-01-01 "error 10 at 0 depth" expired.example.test
leaf notyet "$rsa" 2027-01-01 2028-01-01 "error 9 at 0 depth" notyet.example.test
leaf expiring "$rsa" 2025-07-01 2026-06-20 ok expiring.example.test
leaf ecdsa "Private-Key: (256 bit)" 2026-01-01 2026-12-31 ok www.example.test example.test
expect "ecdsa.key curve" "$(openssl pkey -in "$pki/ecdsa.key" -noout -text 2>/dev/null |
	sed -n 's/^NIST CURVE: //p')" P-256

# The chain check itself must be able to fail: www without the intermediate is untrusted.
expect "www.crt without intermediate" \
	"$(openssl verify -attime "$TEST_NOW_EPOCH" -CAfile "$pki/root.crt" "$pki/www.crt" 2>&1 |
		grep -o 'error [0-9]* at 0 depth')" "error 20 at 0 depth"

for f in garbage.crt empty.crt truncated.crt; do
	[ -e "$pki/$f" ] || fail "$f: missing"
	! x509 "$f" >/dev/null || fail "$f: parses as a certificate but must not"
done
[ -s "$pki/empty.crt" ] && fail "empty.crt: not empty"
# The demo host tree (testdata/demo) holds copies of test PKI files, as a real /etc would
# (links out of the tree would not be followed under --root): they must stay the same files.
for pair in certs/www.example.test.pem:www.fullchain.crt \
	certs/expired.example.test.pem:expired.fullchain.crt \
	certs/expiring.example.test.pem:expiring.fullchain.crt \
	private/www.example.test.key:www.key private/expired.example.test.key:expired.key \
	private/expiring.example.test.key:expiring.key; do
	cmp -s "$pki/../demo/etc/ssl/${pair%%:*}" "$pki/${pair#*:}" ||
		fail "testdata/demo/etc/ssl/${pair%%:*} differs from testdata/pki/${pair#*:}"
done
# The broken-* files are what mk-broken.sh makes of the good ones, and each is broken its own way.
for f in broken-later-block.crt broken-truncated-last.crt broken-intermediate.crt; do
	[ "$(head -n "$(wc -l <"$pki/www.crt")" "$pki/$f")" = "$(cat "$pki/www.crt")" ] ||
		fail "$f: does not start with www.crt"
done
openssl storeutl -certs "$pki/broken-later-block.crt" >/dev/null 2>&1 &&
	fail "broken-later-block.crt: reads whole"
grep -q -- '-----END' "$pki/broken-truncated.key" && fail "broken-truncated.key: has an END line"
expect "broken-junk-then.key ends with www.key" "$(tail -n "$(wc -l <"$pki/www.key")" \
	"$pki/broken-junk-then.key")" "$(cat "$pki/www.key")"
grep -q -- '-----BEGIN CERTIFICATE-----' "$pki/truncated.crt" || fail "truncated.crt: no BEGIN line"
grep -q -- '-----END CERTIFICATE-----' "$pki/truncated.crt" && fail "truncated.crt: has an END line"

expect "dhparam2048.pem" "$(openssl pkeyparam -in "$pki/dhparam2048.pem" -noout -text 2>/dev/null |
	head -n 1)" "DH Parameters: (2048 bit)"
expect "dhparam1024.pem" "$(openssl pkeyparam -in "$pki/dhparam1024.pem" -noout -text 2>/dev/null |
	head -n 1)" "DH Parameters: (1024 bit)"
expect "dhparam-huge.pem" "$(openssl dhparam -in "$pki/dhparam-huge.pem" -noout -text 2>/dev/null |
	head -n 1 | sed 's/^ *//')" "DH Parameters: (100000 bit)"
expect "dhparam1024.pem format" "$(head -n 1 "$pki/dhparam1024.pem")" "-----BEGIN DH PARAMETERS-----"

# --- Leaves for name, key, signature and extension checks -----------------------------------

leaf -c cnonly.example.test cnonly "$rsa" 2026-01-01 2026-12-31 ok
leaf ipsan "$rsa" 2026-01-01 2026-12-31 ok ip.example.test \
	"IP Address:127.0.0.1" "IP Address:0:0:0:0:0:0:0:1"
leaf idna "$rsa" 2026-01-01 2026-12-31 ok xn--bcher-kva.example.test '*.xn--caf-dma.example.test'

# Self-signed leaf: its own issuer, no fullchain, and a client rejects it (18).
cert selfsigned.crt selfsigned.example.test selfsigned.example.test 2026-01-01 2026-12-31 CA:FALSE
expect "selfsigned.crt subjectAltName" "$(ext selfsigned.crt subjectAltName)" "DNS:selfsigned.example.test"
expect "selfsigned.crt extendedKeyUsage" "$(ext selfsigned.crt extendedKeyUsage)" \
	"TLS Web Server Authentication"
keypair selfsigned "$rsa"
openssl verify -CAfile "$pki/selfsigned.crt" -partial_chain "$pki/selfsigned.crt" >/dev/null 2>&1 ||
	fail "selfsigned.crt is not signed by its own key"
[ -e "$pki/selfsigned.fullchain.crt" ] && fail "selfsigned.fullchain.crt must not exist"
expect "selfsigned.crt verify at TEST_NOW" "$(verdict intermediate.crt selfsigned.crt)" \
	"error 18 at 0 depth"

leaf rsa1024 "Private-Key: (1024 bit, 2 primes)" 2026-01-01 2026-12-31 ok rsa1024.example.test
leaf -s sha1WithRSAEncryption sha1 "$rsa" 2026-01-01 2026-12-31 ok sha1.example.test
leaf -b CA:TRUE caleaf "$rsa" 2026-01-01 2026-12-31 ok caleaf.example.test
leaf -x "TLS Web Client Authentication" clientauth "$rsa" 2026-01-01 2026-12-31 ok \
	clientauth.example.test
# Without -purpose openssl verify checks no EKU; with it, clientauth must fail.
expect "clientauth.crt as sslserver" "$(openssl verify -attime "$TEST_NOW_EPOCH" -purpose sslserver \
	-CAfile "$pki/root.crt" -untrusted "$pki/intermediate.crt" "$pki/clientauth.crt" 2>&1 |
	grep -o 'error [0-9]* at 0 depth')" "error 26 at 0 depth"
leaf muststaple "$rsa" 2026-01-01 2026-12-31 ok muststaple.example.test
# openssl names OID 1.3.6.1.5.5.7.1.24 'TLS Feature'.
expect "muststaple.crt tlsfeature" "$(ext muststaple.crt tlsfeature)" status_request
expect "muststaple.crt authorityInfoAccess" "$(ext muststaple.crt authorityInfoAccess)" \
	"OCSP - URI:http://ocsp.example.test/"
leaf long "$rsa" 2025-06-01 2027-09-03 ok long.example.test
leaf ed25519 "ED25519 Private-Key:" 2026-01-01 2026-12-31 ok ed25519.example.test
leaf rsa4096 "Private-Key: (4096 bit, 2 primes)" 2026-01-01 2026-12-31 ok rsa4096.example.test

# --- Other hierarchies -------------------------------------------------------------------

cert otherroot.crt "tlslint Other Root CA" "tlslint Other Root CA" 2020-01-01 2040-01-01 "CA:TRUE"
keypair otherroot "$rsa"
cert otherint.crt "tlslint Other Intermediate CA" "tlslint Other Root CA" 2020-01-01 2035-01-01 \
	"CA:TRUE, pathlen:0"
keypair otherint "$rsa"
# untrusted: the chain is complete, but its root is not root.crt.
leaf -i otherint untrusted "$rsa" 2026-01-01 2026-12-31 "error 20 at 1 depth" untrusted.example.test
expect "untrusted.crt verify with intermediate.crt" "$(verdict intermediate.crt untrusted.crt)" \
	"error 20 at 0 depth"
expect "untrusted.crt verify under otherroot.crt" \
	"$(verdict otherint.crt untrusted.crt otherroot.crt)" ok
same "untrusted.fullchain.crt followed by otherroot.crt" untrusted.withroot.crt \
	untrusted.fullchain.crt otherroot.crt

cert oldint.crt "tlslint Old Intermediate CA" "tlslint Test Root CA" 2020-01-01 2025-01-01 \
	"CA:TRUE, pathlen:0"
keypair oldint "$rsa"
expect "oldint.crt verify at TEST_NOW" "$(verdict intermediate.crt oldint.crt)" "error 10 at 0 depth"
leaf -i oldint oldintleaf "$rsa" 2024-06-01 2026-12-31 "error 10 at 1 depth" oldintleaf.example.test

cert int2.crt "tlslint Second Intermediate CA" "tlslint Test Root CA" 2020-01-01 2035-01-01 \
	"CA:TRUE, pathlen:0"
keypair int2 "$rsa"
leaf -i int2 deep "$rsa" 2026-01-01 2026-12-31 ok deep.example.test
leaf ecdsa90 "Private-Key: (256 bit)" 2026-05-01 2026-07-29 ok www.example.test example.test

# mk-weakint.sh: an intermediate with an RSA 1024 key, and a leaf it signed.
cert weakint.crt "tlslint Weak Intermediate CA" "tlslint Test Root CA" 2020-01-01 2035-01-01 \
	"CA:TRUE, pathlen:0"
keypair weakint "Private-Key: (1024 bit, 2 primes)"
leaf -i weakint weakintleaf "$rsa" 2026-01-01 2026-12-31 ok weakintleaf.example.test
# mk-aia.sh: a leaf that names its issuer's download URL.
leaf aia "$rsa" 2026-01-01 2026-12-31 ok aia.example.test
expect "aia.crt authorityInfoAccess" "$(ext aia.crt authorityInfoAccess)" \
	"CA Issuers - URI:http://ca.example.test/intermediate.crt"
same "www.fullchain.crt followed by rsa1024.crt" www.extra-rsa1024.crt www.fullchain.crt \
	rsa1024.crt
same "www.fullchain.crt followed by sha1.crt" www.extra-sha1.crt www.fullchain.crt sha1.crt
expect "deep.crt verify with intermediate.crt" "$(verdict intermediate.crt deep.crt)" \
	"error 20 at 0 depth"

# --- Keys --------------------------------------------------------------------------------

expect "ecdsa2.key type" "$(openssl pkey -in "$pki/ecdsa2.key" -noout -text 2>/dev/null |
	sed -n 's/^NIST CURVE: //p')" P-256
expect "rsa2.key type" "$(openssl pkey -in "$pki/rsa2.key" -noout -text 2>/dev/null | head -n 1)" "$rsa"
[ "$(openssl pkey -in "$pki/ecdsa2.key" -pubout 2>/dev/null)" != "$(x509 ecdsa.crt -pubkey)" ] ||
	fail "ecdsa2.key matches ecdsa.crt but must not"
[ "$(openssl pkey -in "$pki/rsa2.key" -pubout 2>/dev/null)" != "$(x509 www.crt -pubkey)" ] ||
	fail "rsa2.key matches www.crt but must not"

# enckey FILE FIRST_LINE: FILE is www.key under 'tlslint-test' and opens with FIRST_LINE
enckey() {
	expect "$1 first line" "$(head -n 1 "$pki/$1")" "$2"
	[ "$(openssl pkey -in "$pki/$1" -passin pass:tlslint-test -pubout 2>/dev/null)" = \
		"$(x509 www.crt -pubkey)" ] || fail "$1 does not decrypt with 'tlslint-test' to www.key"
	openssl pkey -in "$pki/$1" -passin pass:nope -noout >/dev/null 2>&1 &&
		fail "$1 decrypts with a wrong passphrase"
}
enckey www.encrypted.key "-----BEGIN ENCRYPTED PRIVATE KEY-----"
openssl asn1parse -in "$pki/www.encrypted.key" 2>/dev/null | grep -q ':aes-256-cbc$' ||
	fail "www.encrypted.key is not AES-256-CBC"
enckey www.legacy-encrypted.key "-----BEGIN RSA PRIVATE KEY-----"
expect "www.legacy-encrypted.key headers" "$(sed -n '2,3p' "$pki/www.legacy-encrypted.key" |
	sed 's/,[0-9A-F]*$//' | paste -sd ' ')" "Proc-Type: 4,ENCRYPTED DEK-Info: AES-256-CBC"
printf 'wrong-one\ntlslint-test\n' | cmp -s - "$pki/password.txt" || fail "password.txt: wrong content"
printf 'nope\n' | cmp -s - "$pki/password-wrong.txt" || fail "password-wrong.txt: wrong content"

# --- Chain variants of www ---------------------------------------------------------------

same "intermediate.crt followed by www.crt" www.reversed.crt intermediate.crt www.crt
same "www.fullchain.crt followed by root.crt" www.withroot.crt www.fullchain.crt root.crt
same "www.fullchain.crt followed by other.crt" www.extra.crt www.fullchain.crt other.crt
same "www.fullchain.crt followed by www.key" www.bundle.pem www.fullchain.crt www.key
same "www.crt followed by www.encrypted.key" www.encrypted-bundle.pem www.crt www.encrypted.key
same "www.fullchain.crt followed by intermediate.crt" www.duplicate.crt www.fullchain.crt \
	intermediate.crt
same "www.crt, root.crt, intermediate.crt" www.misordered.crt www.crt root.crt intermediate.crt
expect "www.der" "$(openssl x509 -inform DER -in "$pki/www.der" 2>/dev/null)" "$(cat "$pki/www.crt")"

# The HAProxy files are what mk-haproxy.sh makes from the rest, byte for byte.
hap=$(mktemp -d)
cp -R "$pki/." "$hap/"
bash "$pki/mk-haproxy.sh" "$hap" >/dev/null
diff -r "$pki/haproxy" "$hap/haproxy" >/dev/null || fail "haproxy/ differs from what mk-haproxy.sh makes"
rm -rf "$hap"

if [ "$fails" -ne 0 ]; then
	echo "test PKI: $fails mismatch(es) in $pki" >&2
	exit 1
fi
echo "test PKI in $pki matches mk.sh"
