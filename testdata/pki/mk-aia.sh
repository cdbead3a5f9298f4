#!/bin/sh
# mk-aia.sh DIR - a leaf that says where its issuer can be downloaded (Authority Information
# Access, caIssuers), signed by the intermediate of mk.sh (so it can be made without regenerating
# the PKI: sh testdata/pki/mk-aia.sh testdata/pki).  Served without its intermediate, browsers
# that fetch missing issuers (Chrome, Edge, Safari, IE) connect and the rest fail; the handshake
# simulation's client verdict (src/sim/client_verify.c) is tested with it.
#
#   file                    purpose                                       notBefore   notAfter
#   aia.crt / .key          RSA 2048, SAN aia.example.test, AIA            2026-01-01  2026-12-31
#                           caIssuers http://ca.example.test/intermediate.crt,
#                           signed by intermediate; fullchain = leaf + intermediate
set -eu
out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = aia
[aia]
dir = $work
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[v3_leaf_aia]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:aia.example.test
authorityInfoAccess = caIssuers;URI:http://ca.example.test/intermediate.crt
CNF
: >"$work/index.txt"
# Serials apart from mk.sh's (1000) and mk-weakint.sh's (2000) so none collide.
echo 3000 >"$work/serial"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/aia.key" 2>/dev/null
openssl req -new -key "$out/aia.key" -subj "/CN=aia.example.test" -out "$work/aia.csr"
openssl ca -batch -notext -config "$work/ca.cnf" -in "$work/aia.csr" -out "$out/aia.crt" \
	-startdate 20260101000000Z -enddate 20261231000000Z -extensions v3_leaf_aia \
	-cert "$out/intermediate.crt" -keyfile "$out/intermediate.key" 2>"$work/ca.log" ||
	{ cat "$work/ca.log" >&2; exit 1; }
cat "$out/aia.crt" "$out/intermediate.crt" >"$out/aia.fullchain.crt"
chmod 644 "$out/aia.crt" "$out/aia.fullchain.crt"
