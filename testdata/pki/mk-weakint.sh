#!/bin/sh
# mk-weakint.sh DIR - a chain whose intermediate has an RSA 1024 key, signed by the test root of
# mk.sh (so it can be made without regenerating the PKI: sh testdata/pki/mk-weakint.sh
# testdata/pki).  At OpenSSL 3's default security level 1 a server refuses to load a chain
# certificate with a key this small ("ca key too small"); the golden cases that serve it record
# what each server says.
#
#   file                    purpose                                       notBefore   notAfter
#   weakint.crt / .key      "tlslint Weak Intermediate CA", RSA 1024,      2020-01-01  2035-01-01
#                           CA:TRUE pathlen:0, signed by root
#   weakintleaf.*           RSA 2048, SAN weakintleaf.example.test,        2026-01-01  2026-12-31
#                           signed by weakint; fullchain = leaf + weakint
#   www.extra-rsa1024.crt   www.fullchain.crt, then rsa1024.crt (a certificate off the path
#                           that a server still loads into the chain: "ca key too small")
#   www.extra-sha1.crt      www.fullchain.crt, then sha1.crt (the same, "ca md too weak")
set -eu
out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = weak
[weak]
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
subjectAltName = DNS:weakintleaf.example.test
CNF
: >"$work/index.txt"
# Serials apart from mk.sh's (which start at 1000) so the two never collide.
echo 2000 >"$work/serial"

# sign NAME CN EXT ISSUER START END
sign() {
	openssl req -new -key "$out/$1.key" -subj "/CN=$2" -out "$work/$1.csr"
	openssl ca -batch -notext -config "$work/ca.cnf" -in "$work/$1.csr" -out "$out/$1.crt" \
		-startdate "${5}000000Z" -enddate "${6}000000Z" -extensions "$3" \
		-cert "$out/$4.crt" -keyfile "$out/$4.key" 2>"$work/ca.log" ||
		{ cat "$work/ca.log" >&2; exit 1; }
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$out/weakint.key" 2>/dev/null
sign weakint "tlslint Weak Intermediate CA" v3_intermediate root 20200101 20350101
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/weakintleaf.key" 2>/dev/null
sign weakintleaf weakintleaf.example.test v3_leaf_rsa weakint 20260101 20261231
cat "$out/weakintleaf.crt" "$out/weakint.crt" >"$out/weakintleaf.fullchain.crt"
cat "$out/www.fullchain.crt" "$out/rsa1024.crt" >"$out/www.extra-rsa1024.crt"
cat "$out/www.fullchain.crt" "$out/sha1.crt" >"$out/www.extra-sha1.crt"
chmod 644 "$out/weakint.crt" "$out/weakintleaf.crt" "$out/weakintleaf.fullchain.crt" \
	"$out/www.extra-rsa1024.crt" "$out/www.extra-sha1.crt"
