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
#   ecdsa90.*                     P-256 key, SAN www.example.test,      2026-05-01  2026-07-29  valid (89 days:
#                                 example.test                                                  modern lifespan)
#   garbage.crt                   text that is not a certificate        -           -           cert-unparsable
#   empty.crt                     empty file                            -           -           cert-unparsable
#   truncated.crt                 www.crt's PEM block cut in the middle -           -           cert-unparsable
#   broken-*                      good files made bad in the ways nginx refuses (mk-broken.sh)
#   weakint.*, weakintleaf.*      a chain with an RSA 1024 intermediate (mk-weakint.sh)
#   aia.*                         a leaf with an AIA caIssuers URL (mk-aia.sh)
#   dhparam2048.pem               2048-bit DH parameters (RFC 7919      -           -           dh ok
#                                 ffdhe2048 group, PKCS#3 "DH PARAMETERS")
#   cnonly.*                      CN cnonly.example.test, no            2026-01-01  2026-12-31  valid
#                                 subjectAltName extension at all
#   ipsan.*                       SAN ip.example.test, IP 127.0.0.1,    2026-01-01  2026-12-31  valid
#                                 IP ::1
#   idna.*                        SAN xn--bcher-kva.example.test        2026-01-01  2026-12-31  valid
#                                 (bücher), *.xn--caf-dma.example.test
#   selfsigned.crt / .key         SAN selfsigned.example.test, issuer = 2026-01-01  2026-12-31  error 18 (self-signed)
#                                 subject, own key; no fullchain
#   rsa1024.*                     RSA 1024 key,                         2026-01-01  2026-12-31  valid (weak key)
#                                 SAN rsa1024.example.test
#   sha1.*                        sha1WithRSAEncryption signature,      2026-01-01  2026-12-31  valid (weak signature)
#                                 SAN sha1.example.test
#   caleaf.*                      CA:TRUE leaf, SAN caleaf.example.test 2026-01-01  2026-12-31  valid
#   clientauth.*                  EKU clientAuth only,                  2026-01-01  2026-12-31  valid (no purpose check)
#                                 SAN clientauth.example.test
#   muststaple.*                  TLS Feature status_request, AIA OCSP  2026-01-01  2026-12-31  valid
#                                 http://ocsp.example.test/,
#                                 SAN muststaple.example.test
#   long.*                        824-day validity,                     2025-06-01  2027-09-03  valid (too long)
#                                 SAN long.example.test
#   ed25519.*                     Ed25519 key, SAN ed25519.example.test 2026-01-01  2026-12-31  valid
#   rsa4096.*                     RSA 4096 key,                         2026-01-01  2026-12-31  valid
#                                 SAN rsa4096.example.test
#   otherroot.crt / .key          "tlslint Other Root CA", CA:TRUE,     2020-01-01  2040-01-01  not trusted by tests
#                                 self-signed
#   otherint.crt / .key           "tlslint Other Intermediate CA",      2020-01-01  2035-01-01  valid under otherroot
#                                 CA:TRUE pathlen:0, signed by otherroot
#   untrusted.*                   SAN untrusted.example.test, signed by 2026-01-01  2026-12-31  error 20 (no trust anchor)
#                                 otherint; fullchain = leaf + otherint;
#                                 untrusted.withroot.crt adds otherroot
#   oldint.crt / .key             "tlslint Old Intermediate CA",        2020-01-01  2025-01-01  expired
#                                 CA:TRUE pathlen:0, signed by root
#   oldintleaf.*                  SAN oldintleaf.example.test, signed   2024-06-01  2026-12-31  error 10 at depth 1
#                                 by oldint; fullchain = leaf + oldint
#   int2.crt / .key               "tlslint Second Intermediate CA",     2020-01-01  2035-01-01  valid
#                                 CA:TRUE pathlen:0, signed by root
#                                 (intermediate has pathlen:0, so it
#                                 cannot sign another CA)
#   deep.*                        SAN deep.example.test, signed by      2026-01-01  2026-12-31  valid
#                                 int2; fullchain = leaf + int2
#   ecdsa2.key, rsa2.key          a second P-256 / RSA 2048 key, no     -           -           key-mismatch tests
#                                 certificate
#   www.encrypted.key             www.key, PKCS#8 AES-256-CBC,          -           -           passphrase tlslint-test
#                                 "ENCRYPTED PRIVATE KEY"
#   www.legacy-encrypted.key      www.key, traditional PEM with         -           -           passphrase tlslint-test
#                                 Proc-Type: 4,ENCRYPTED (AES-256-CBC)
#   password.txt                  "wrong-one", "tlslint-test" (nginx    -           -           second line works
#                                 ssl_password_file tries each line)
#   password-wrong.txt            "nope"                                -           -           no line works
#   www.reversed.crt              intermediate, then www leaf           -           -           chain order wrong
#   www.withroot.crt              www leaf, intermediate, root          -           -           root sent
#   www.extra.crt                 www leaf, intermediate, other.crt     -           -           cert not on the path
#   www.bundle.pem                www leaf, intermediate, www.key       -           -           HAProxy crt style
#   www.encrypted-bundle.pem      www leaf, www.encrypted.key           -           -           client cert, key encrypted
#   www.der                       www leaf in DER                       -           -           -
#   www.duplicate.crt             www leaf, intermediate, intermediate  -           -           duplicate in chain
#   www.misordered.crt            www leaf, root, intermediate          -           -           issuer not after subject
#   dhparam1024.pem               1024-bit DH parameters (`openssl      -           -           dh weak
#                                 dhparam 1024`, generated only when
#                                 missing so that it stays as committed)
#   dhparam-huge.pem              DH parameters with a 100,000-bit       -           -           dh too large
#                                 modulus (2^100000 - 1)
#
# For every leaf NAME except selfsigned there are NAME.crt (leaf only), NAME.key (private key,
# PKCS#8, unencrypted) and NAME.fullchain.crt (leaf followed by its issuer, intermediate.crt
# unless stated, as nginx's ssl_certificate wants).
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

# The variants below are RSA leaves that differ from v3_leaf_rsa in one extension.
[v3_leaf_nosan]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

# Self-signed: there is no issuer key to point an authorityKeyIdentifier at.
[v3_leaf_self]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = $ENV::SAN

[v3_leaf_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_leaf_client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_leaf_staple]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN
tlsfeature = status_request
authorityInfoAccess = OCSP;URI:http://ocsp.example.test/
EOF
: >"$work/index.txt"
echo 1000 >"$work/serial"
mkdir "$work/new"
CAWORK=$work
SAN=DNS:unused
export CAWORK SAN

# genkey FILE rsa|rsa1024|rsa4096|ec|ed25519  (genpkey's progress dots go to a log, shown only
# on failure; rsa is 2048 bits, ec is P-256)
genkey() {
	case $2 in
	rsa) set -- "$1" -algorithm RSA -pkeyopt rsa_keygen_bits:2048 ;;
	rsa1024) set -- "$1" -algorithm RSA -pkeyopt rsa_keygen_bits:1024 ;;
	rsa4096) set -- "$1" -algorithm RSA -pkeyopt rsa_keygen_bits:4096 ;;
	ec) set -- "$1" -algorithm EC -pkeyopt ec_paramgen_curve:P-256 ;;
	ed25519) set -- "$1" -algorithm ED25519 ;;
	*) echo "genkey: unknown key type '$2'" >&2; exit 1 ;;
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

# leaf [-e EXTSECTION] [-i ISSUER] [-m DIGEST] NAME KEYTYPE START END SAN...
# ISSUER is the base name of the signing CA (default intermediate); the extension section
# defaults to v3_leaf_rsa or v3_leaf_ec by key type.  A SAN starting with IP: is taken as is,
# anything else is a DNS name.  Options instead of environment prefixes because POSIX leaves
# `VAR=x function` unspecified.
leaf() {
	lext='' iss=intermediate md=sha256
	while :; do
		case $1 in
		-e) lext=$2 ;;
		-i) iss=$2 ;;
		-m) md=$2 ;;
		*) break ;;
		esac
		shift 2
	done
	name=$1 kt=$2 start=$3 end=$4
	shift 4
	cn=$1
	SAN=
	for n in "$@"; do
		case $n in IP:*) ;; *) n=DNS:$n ;; esac
		SAN="${SAN:+$SAN,}$n"
	done
	export SAN
	case $kt in rsa*) : "${lext:=v3_leaf_rsa}" ;; *) : "${lext:=v3_leaf_ec}" ;; esac
	genkey "$out/$name.key" "$kt"
	sign "$name" "$cn" "$start" "$end" "$lext" -md "$md" \
		-cert "$out/$iss.crt" -keyfile "$out/$iss.key"
	cat "$out/$name.crt" "$out/$iss.crt" >"$out/$name.fullchain.crt"
}

leaf www rsa 20260101 20261231 www.example.test example.test
leaf other rsa 20260101 20261231 other.example.test
leaf wildcard rsa 20260101 20261231 '*.example.test'
leaf expired rsa 20250101 20260101 expired.example.test
leaf notyet rsa 20270101 20280101 notyet.example.test
leaf expiring rsa 20250701 20260620 expiring.example.test
leaf ecdsa ec 20260101 20261231 www.example.test example.test

# Leaves for the name, key, signature and extension checks.  Serials continue in table order.
leaf -e v3_leaf_nosan cnonly rsa 20260101 20261231 cnonly.example.test
leaf ipsan rsa 20260101 20261231 ip.example.test IP:127.0.0.1 IP:::1
leaf idna rsa 20260101 20261231 xn--bcher-kva.example.test '*.xn--caf-dma.example.test'

SAN=DNS:selfsigned.example.test
export SAN
genkey "$out/selfsigned.key" rsa
sign selfsigned selfsigned.example.test 20260101 20261231 v3_leaf_self \
	-selfsign -keyfile "$out/selfsigned.key"

leaf rsa1024 rsa1024 20260101 20261231 rsa1024.example.test
leaf -m sha1 sha1 rsa 20260101 20261231 sha1.example.test
leaf -e v3_leaf_ca caleaf rsa 20260101 20261231 caleaf.example.test
leaf -e v3_leaf_client clientauth rsa 20260101 20261231 clientauth.example.test
leaf -e v3_leaf_staple muststaple rsa 20260101 20261231 muststaple.example.test
leaf long rsa 20250601 20270903 long.example.test
leaf ed25519 ed25519 20260101 20261231 ed25519.example.test
leaf rsa4096 rsa4096 20260101 20261231 rsa4096.example.test

# A hierarchy the tests never trust.
genkey "$out/otherroot.key" rsa
sign otherroot "tlslint Other Root CA" 20200101 20400101 v3_root -selfsign -keyfile "$out/otherroot.key"
genkey "$out/otherint.key" rsa
sign otherint "tlslint Other Intermediate CA" 20200101 20350101 v3_intermediate \
	-cert "$out/otherroot.crt" -keyfile "$out/otherroot.key"
leaf -i otherint untrusted rsa 20260101 20261231 untrusted.example.test
cat "$out/untrusted.fullchain.crt" "$out/otherroot.crt" >"$out/untrusted.withroot.crt"

# An intermediate that expired before TEST_NOW, with a leaf that has not.
genkey "$out/oldint.key" rsa
sign oldint "tlslint Old Intermediate CA" 20200101 20250101 v3_intermediate \
	-cert "$out/root.crt" -keyfile "$out/root.key"
leaf -i oldint oldintleaf rsa 20240601 20261231 oldintleaf.example.test

# A second intermediate.  intermediate.crt has pathlen:0 and so cannot sign a CA; int2 is
# signed by the root instead, which makes root -> int2 -> deep no longer than the main chain.
genkey "$out/int2.key" rsa
sign int2 "tlslint Second Intermediate CA" 20200101 20350101 v3_intermediate \
	-cert "$out/root.crt" -keyfile "$out/root.key"
leaf -i int2 deep rsa 20260101 20261231 deep.example.test

# An ECDSA leaf within the modern profile's 90-day lifespan, for the mozilla-modern case.
leaf ecdsa90 ec 20260501 20260729 www.example.test example.test

# Spare keys that match no certificate, for key-mismatch tests.
genkey "$out/ecdsa2.key" ec
genkey "$out/rsa2.key" rsa

# www.key under a passphrase, in both PEM encodings servers meet.
openssl pkcs8 -topk8 -v2 aes-256-cbc -in "$out/www.key" -passout pass:tlslint-test \
	-out "$out/www.encrypted.key"
openssl rsa -in "$out/www.key" -traditional -aes256 -passout pass:tlslint-test \
	-out "$out/www.legacy-encrypted.key" 2>"$work/rsa.log" || { cat "$work/rsa.log" >&2; exit 1; }
printf 'wrong-one\ntlslint-test\n' >"$out/password.txt"
printf 'nope\n' >"$out/password-wrong.txt"

# Ways to get www's chain file wrong (and one HAProxy-style bundle that is right).
cat "$out/intermediate.crt" "$out/www.crt" >"$out/www.reversed.crt"
cat "$out/www.fullchain.crt" "$out/root.crt" >"$out/www.withroot.crt"
cat "$out/www.fullchain.crt" "$out/other.crt" >"$out/www.extra.crt"
cat "$out/www.fullchain.crt" "$out/www.key" >"$out/www.bundle.pem"
cat "$out/www.crt" "$out/www.encrypted.key" >"$out/www.encrypted-bundle.pem"
openssl x509 -in "$out/www.crt" -outform DER -out "$out/www.der"
cat "$out/www.fullchain.crt" "$out/intermediate.crt" >"$out/www.duplicate.crt"
cat "$out/www.crt" "$out/root.crt" "$out/intermediate.crt" >"$out/www.misordered.crt"

# Broken inputs for cert-unparsable.
printf 'this is not a certificate\nit is a text file named like one\n' >"$out/garbage.crt"
: >"$out/empty.crt"
head -n 10 "$out/www.crt" >"$out/truncated.crt"
sh "$(dirname "$0")/mk-broken.sh" "$out"
sh "$(dirname "$0")/mk-weakint.sh" "$out"
sh "$(dirname "$0")/mk-aia.sh" "$out"

openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$out/dhparam2048.pem"
# Generated parameters are random and slow to make, so keep the committed ones.
[ -e "$out/dhparam1024.pem" ] ||
	openssl dhparam -out "$out/dhparam1024.pem" 1024 2>"$work/dh.log" || { cat "$work/dh.log" >&2; exit 1; }

# A 100,000-bit "prime" (2^100000 - 1, not prime: nothing checks) for dh-weak's too-large case:
# OpenSSL loads it, and DH_generate_key refuses any modulus over 10,000 bits.
{
	printf 'asn1=SEQUENCE:dh\n[dh]\np=INTEGER:0x'
	head -c 25000 /dev/zero | tr '\0' 'F'
	printf '\ng=INTEGER:2\n'
} >"$work/dh-huge.cnf"
openssl asn1parse -genconf "$work/dh-huge.cnf" -noout -out "$work/dh-huge.der"
openssl dhparam -inform DER -in "$work/dh-huge.der" -out "$out/dhparam-huge.pem"

# Certificates and parameters are public; keys stay owner-only (umask above).  Git does not
# keep modes, so tests that care about key permissions must set them on a copy.
chmod 644 "$out"/*.crt "$out"/*.pem "$out"/*.der "$out"/password*.txt
chmod 600 "$out/www.bundle.pem" "$out/www.encrypted-bundle.pem"
echo "test PKI written to $out" >&2
