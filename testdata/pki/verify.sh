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

# cert FILE SUBJECT_CN ISSUER_CN NOT_BEFORE NOT_AFTER BASIC_CONSTRAINTS
cert() {
	local f=$1
	if ! x509 "$f" >/dev/null; then
		fail "$f: not a readable certificate"
		return
	fi
	expect "$f subject" "$(x509 "$f" -subject -nameopt RFC2253)" "subject=CN=$2"
	expect "$f issuer" "$(x509 "$f" -issuer -nameopt RFC2253)" "issuer=CN=$3"
	expect "$f dates" "$(x509 "$f" -dates -dateopt iso_8601 | paste -sd ' ')" \
		"notBefore=$4 00:00:00Z notAfter=$5 00:00:00Z"
	expect "$f basicConstraints" "$(ext "$f" basicConstraints)" "$6"
	expect "$f signature" "$(openssl x509 -in "$pki/$f" -noout -text |
		sed -n 's/^ *Signature Algorithm: //p' | head -n 1)" sha256WithRSAEncryption
}

# keypair NAME KEYDESC: NAME.key is of that type/size and belongs to NAME.crt
keypair() {
	local n=$1
	expect "$n.key type" "$(openssl pkey -in "$pki/$n.key" -noout -text 2>/dev/null | head -n 1)" "$2"
	[ "$(openssl pkey -in "$pki/$n.key" -pubout 2>/dev/null)" = "$(x509 "$n.crt" -pubkey)" ] ||
		fail "$n.key does not belong to $n.crt"
}

# leaf NAME KEYDESC NOT_BEFORE NOT_AFTER VERIFY_RESULT SAN...
leaf() {
	local n=$1 kd=$2 nb=$3 na=$4 want=$5
	shift 5
	local san="" s
	for s in "$@"; do san="${san:+$san, }DNS:$s"; done
	cert "$n.crt" "$1" "tlslint Test Intermediate CA" "$nb" "$na" "CA:FALSE"
	expect "$n.crt subjectAltName" "$(ext "$n.crt" subjectAltName)" "$san"
	expect "$n.crt extendedKeyUsage" "$(ext "$n.crt" extendedKeyUsage)" "TLS Web Server Authentication"
	keypair "$n" "$kd"
	cat "$pki/$n.crt" "$pki/intermediate.crt" | cmp -s - "$pki/$n.fullchain.crt" ||
		fail "$n.fullchain.crt is not $n.crt followed by intermediate.crt"
	# The verdict a client gets at TEST_NOW when the server sends the full chain.
	local got
	got=$(openssl verify -attime "$TEST_NOW_EPOCH" -CAfile "$pki/root.crt" \
		-untrusted "$pki/intermediate.crt" "$pki/$n.crt" 2>&1 | grep -o 'error [0-9]* at 0 depth' | head -n 1)
	expect "$n.crt verify at TEST_NOW" "${got:-ok}" "$want"
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
grep -q -- '-----BEGIN CERTIFICATE-----' "$pki/truncated.crt" || fail "truncated.crt: no BEGIN line"
grep -q -- '-----END CERTIFICATE-----' "$pki/truncated.crt" && fail "truncated.crt: has an END line"

expect "dhparam2048.pem" "$(openssl pkeyparam -in "$pki/dhparam2048.pem" -noout -text 2>/dev/null |
	head -n 1)" "DH Parameters: (2048 bit)"

if [ "$fails" -ne 0 ]; then
	echo "test PKI: $fails mismatch(es) in $pki" >&2
	exit 1
fi
echo "test PKI in $pki matches mk.sh"
