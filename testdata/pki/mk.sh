#!/bin/sh
# mk.sh - regenerate the tlslint test PKI into the directory this script lives in.
#
# The output is committed; run this only when adding or changing certificates, then review the
# diff and re-run testdata/pki/verify.sh.  Keys are random, so every run changes keys,
# signatures and fingerprints (serial numbers and dates are fixed); golden outputs must therefore
# never contain fingerprints or key material.
#
#   sh testdata/pki/mk.sh
#
# Pinned test time
# ----------------
#   TEST_NOW = 2026-06-01T00:00:00Z   (epoch 1780272000)
#
# Every golden test passes `--now 2026-06-01T00:00:00Z`, and the real-server harness
# (testdata/realserver/lib.sh) passes `-attime 1780272000` to `openssl s_client`, so the
# verdicts below do not change with the wall clock.
#
# Files (RSA 2048 unless stated, SHA-256 signatures; leaves: CA:FALSE, EKU serverAuth,
# KU digitalSignature(+keyEncipherment for RSA), CN = first SAN, signed by the intermediate)
#
#   file                          purpose                               notBefore   notAfter    at TEST_NOW
#   root.crt / root.key           "tlslint Test Root CA", CA:TRUE       2020-01-01  2040-01-01  valid (trust anchor)
#   intermediate.crt / .key       "tlslint Test Intermediate CA",       2020-01-01  2035-01-01  valid
#                                 CA:TRUE pathlen:0, signed by root
#   www.*                         SAN www.example.test, example.test    2026-01-01  2026-12-31  valid
#   other.*                       SAN other.example.test                2026-01-01  2026-12-31  valid
#   wildcard.*                    SAN *.example.test                    2026-01-01  2026-12-31  valid
#   expired.*                     SAN expired.example.test              2025-01-01  2026-01-01  expired 151 days ago
#   notyet.*                      SAN notyet.example.test               2027-01-01  2028-01-01  not yet valid
#   expiring.*                    SAN expiring.example.test             2025-07-01  2026-06-20  expires in 19 days
#   ecdsa.*                       P-256 key, SAN www.example.test,      2026-01-01  2026-12-31  valid
#                                 example.test
#   garbage.crt                   text that is not a certificate        -           -           cert-unparsable
#   empty.crt                     empty file                            -           -           cert-unparsable
#   truncated.crt                 www.crt's PEM block cut in the middle -           -           cert-unparsable
#   dhparam2048.pem               2048-bit DH parameters (RFC 7919      -           -           dh ok
#                                 ffdhe2048 group, PKCS#3 "DH PARAMETERS")
#
# For every leaf NAME there are NAME.crt (leaf only), NAME.key (private key, PKCS#8, unencrypted)
# and NAME.fullchain.crt (leaf followed by intermediate.crt, as nginx's ssl_certificate wants).
# All times are 00:00:00Z.  Serial numbers are assigned in the order of the table, from 0x1000.
#
# Why `openssl ca`: OpenSSL 3.0's `req -x509` and `x509 -req` only take a number of days counted
# from now (-not_before/-not_after arrived in 3.4); `ca -startdate/-enddate` sets exact dates, and
# `ca -selfsign` does so for the root too.  The CA database lives in a throwaway directory.
#
# The DH parameters are the fixed ffdhe2048 group rather than `openssl dhparam 2048` output:
# generation is instant and reproducible, and it is what Mozilla's guidelines ship.
set -eu

out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-pki.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
umask 077

cat >"$work/ca.cnf" <<'EOF'
[ca]
default_ca = testca

[testca]
database = $ENV::CAWORK/index.txt
serial = $ENV::CAWORK/serial
new_certs_dir = $ENV::CAWORK/new
default_md = sha256
policy = policy_cn
unique_subject = no
copy_extensions = none
email_in_dn = no

[policy_cn]
commonName = supplied

[v3_root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[v3_intermediate]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[v3_leaf_rsa]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_leaf_ec]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN
EOF
: >"$work/index.txt"
echo 1000 >"$work/serial"
mkdir "$work/new"
CAWORK=$work
SAN=DNS:unused
export CAWORK SAN

# genkey FILE rsa|ec  (genpkey's progress dots go to a log, shown only on failure)
genkey() {
	case $2 in
	rsa) set -- "$1" -algorithm RSA -pkeyopt rsa_keygen_bits:2048 ;;
	ec) set -- "$1" -algorithm EC -pkeyopt ec_paramgen_curve:P-256 ;;
	esac
	f=$1
	shift
	openssl genpkey "$@" -out "$f" 2>"$work/genpkey.log" || { cat "$work/genpkey.log" >&2; exit 1; }
}

# sign NAME CN START END EXTSECTION [ca args...]: CSR from NAME.key, certificate to NAME.crt
sign() {
	name=$1 cn=$2 start=$3 end=$4 ext=$5
	shift 5
	openssl req -new -key "$out/$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
	openssl ca -batch -notext -config "$work/ca.cnf" -in "$work/$name.csr" \
		-out "$out/$name.crt" -startdate "${start}000000Z" -enddate "${end}000000Z" \
		-extensions "$ext" "$@" 2>"$work/ca.log" || { cat "$work/ca.log" >&2; exit 1; }
}

genkey "$out/root.key" rsa
sign root "tlslint Test Root CA" 20200101 20400101 v3_root -selfsign -keyfile "$out/root.key"

genkey "$out/intermediate.key" rsa
sign intermediate "tlslint Test Intermediate CA" 20200101 20350101 v3_intermediate \
	-cert "$out/root.crt" -keyfile "$out/root.key"

# leaf NAME KEYTYPE START END SAN...
leaf() {
	name=$1 kt=$2 start=$3 end=$4
	shift 4
	cn=$1
	SAN=
	for n in "$@"; do SAN="${SAN:+$SAN,}DNS:$n"; done
	export SAN
	genkey "$out/$name.key" "$kt"
	sign "$name" "$cn" "$start" "$end" "v3_leaf_$kt" \
		-cert "$out/intermediate.crt" -keyfile "$out/intermediate.key"
	cat "$out/$name.crt" "$out/intermediate.crt" >"$out/$name.fullchain.crt"
}

leaf www rsa 20260101 20261231 www.example.test example.test
leaf other rsa 20260101 20261231 other.example.test
leaf wildcard rsa 20260101 20261231 '*.example.test'
leaf expired rsa 20250101 20260101 expired.example.test
leaf notyet rsa 20270101 20280101 notyet.example.test
leaf expiring rsa 20250701 20260620 expiring.example.test
leaf ecdsa ec 20260101 20261231 www.example.test example.test

# Broken inputs for cert-unparsable.
printf 'this is not a certificate\nit is a text file named like one\n' >"$out/garbage.crt"
: >"$out/empty.crt"
head -n 10 "$out/www.crt" >"$out/truncated.crt"

openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$out/dhparam2048.pem"

# Certificates and parameters are public; keys stay owner-only (umask above).  Git does not
# keep modes, so tests that care about key permissions must set them on a copy.
chmod 644 "$out"/*.crt "$out"/*.pem
echo "test PKI written to $out" >&2
