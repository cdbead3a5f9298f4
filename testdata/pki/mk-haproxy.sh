#!/bin/bash
# mk-haproxy.sh - the certificate files HAProxy reads, made from the test PKI of mk.sh by
# concatenation only (so they share its fixed dates and keys): a PEM holds the leaf, its
# chain and its key; a PEM without its key has it in a ".key" file beside it; a crt directory
# mixes certificates with files HAProxy skips as certificates (an unparsable .ocsp is only a
# warning to it).
#
#   bash testdata/pki/mk-haproxy.sh [PKI_DIR]     writes PKI_DIR/haproxy/
set -eu
pki=${1:-$(cd "$(dirname "$0")" && pwd)}
out=$pki/haproxy
rm -rf "$out"
mkdir -p "$out/dir"
bundle() { cat "$pki/$2.fullchain.crt" "$pki/$3.key" >"$out/$1"; }

bundle www.pem www www
bundle other.pem other other
bundle wildcard.pem wildcard wildcard
bundle ecdsa.pem ecdsa ecdsa
bundle ecdsa90.pem ecdsa90 ecdsa90 # 90 days: what the modern profile allows
bundle expired.pem expired expired
bundle mismatch.pem www other
# Certificates OpenSSL's security level 2 refuses to load: a 1024-bit RSA leaf, a SHA-1
# signature, a 1024-bit RSA intermediate in the chain.
bundle rsa1024.pem rsa1024 rsa1024
bundle sha1.pem sha1 sha1
bundle weakint.pem weakintleaf weakintleaf
cat "$pki/www.crt" "$pki/www.key" >"$out/www-leaf-only.pem" # no intermediate
cp "$pki/www.fullchain.crt" "$out/nokey.pem"                # no key, none beside it
cp "$pki/www.fullchain.crt" "$out/side.pem"                 # the key beside it:
cp "$pki/www.key" "$out/side.pem.key"
# A multi-certificate bundle: "crt bundle.pem" loads bundle.pem.ecdsa and bundle.pem.rsa.
bundle bundle.pem.rsa www www
bundle bundle.pem.ecdsa ecdsa ecdsa
# generate-certificates signs with a CA and its key in one file (ca-sign-file).
cat "$pki/intermediate.crt" "$pki/intermediate.key" >"$out/ca-sign.pem"
# A .crt/.key pair, the key found as pair.key under ssl-load-extra-del-ext.
cp "$pki/www.fullchain.crt" "$out/pair.crt"
cp "$pki/www.key" "$out/pair.key"
# A directory: certificates in name order; sidecars, hidden files and subdirectories skipped.
bundle dir/a-www.pem www www
bundle dir/b-other.pem other other
printf 'not a certificate\n' >"$out/dir/b-other.pem.ocsp"
printf 'not a certificate\n' >"$out/dir/.hidden.pem"
mkdir -p "$out/dir/old"
printf 'not a certificate\n' >"$out/dir/old/c.pem"
# Sidecars HAProxy reads beside a certificate and refuses when broken: FILE.sctl (an SCT list),
# and FILE.issuer once a FILE.ocsp is there (an unparsable .ocsp is only a warning).
mkdir -p "$out/sidecar"
for n in sctl-garbage sctl-empty sctl-ok issuer-garbage issuer-wrong issuer-ok issuer-no-ocsp; do
    bundle "sidecar/$n.pem" www www
done
printf 'not an SCT list\n' >"$out/sidecar/sctl-garbage.pem.sctl"
: >"$out/sidecar/sctl-empty.pem.sctl"
printf '\000\004\000\002ab' >"$out/sidecar/sctl-ok.pem.sctl" # one 2-byte SCT
for n in issuer-garbage issuer-wrong issuer-ok; do
    printf 'not an OCSP response\n' >"$out/sidecar/$n.pem.ocsp"
done
printf 'not a certificate\n' >"$out/sidecar/issuer-garbage.pem.issuer"
printf 'not a certificate\n' >"$out/sidecar/issuer-no-ocsp.pem.issuer"
cp "$pki/otherroot.crt" "$out/sidecar/issuer-wrong.pem.issuer"
cp "$pki/intermediate.crt" "$out/sidecar/issuer-ok.pem.issuer"
# A FILE.ocsp needs the certificate's issuer (from the chain, FILE.issuer or issuers-chain-path)
# on a bind line, whatever it holds; a server's crt does not staple.
cat "$pki/www.crt" "$pki/www.key" >"$out/sidecar/ocsp-leaf-only.pem"
cat "$pki/www.crt" "$pki/www.key" >"$out/sidecar/ocsp-leaf-issuer.pem"
bundle sidecar/ocsp-chain.pem www www
for n in ocsp-leaf-only ocsp-leaf-issuer ocsp-chain; do
    printf 'not an OCSP response\n' >"$out/sidecar/$n.pem.ocsp"
done
cp "$pki/intermediate.crt" "$out/sidecar/ocsp-leaf-issuer.pem.issuer"
# ocsp-update on needs an OCSP URI (2.8, 2.9) and the issuer: a certificate with a URI, with
# its chain and as a leaf alone.
bundle muststaple.pem muststaple muststaple
cat "$pki/muststaple.crt" "$pki/muststaple.key" >"$out/muststaple-leaf-only.pem"
# issuers-chain-path: a directory of chains, each file starting with the issuer.
mkdir -p "$out/issuers"
cp "$pki/intermediate.crt" "$out/issuers/intermediate.crt"
# tls-ticket-keys files: base64 lines of 48 bytes (128-bit keys) or 80 (256-bit), derived from
# fixed strings so that the files are the same on every run; HAProxy wants at least three.
tkey() { printf 'tlslint test ticket key %s' "$2" | openssl dgst -"$1" -binary | head -c "$3" | base64 -w0; echo; }
{ tkey sha384 1 48; tkey sha384 2 48; tkey sha384 3 48; } >"$out/tickets.keys"
{ tkey sha512 1 64; tkey sha512 2 64; tkey sha512 3 64; } >"$out/tickets-64.keys"  # wrong size
{ tkey sha384 1 48; tkey sha384 2 48; } >"$out/tickets-two.keys"                # too few
printf 'not a ticket key\n' >"$out/tickets-garbage.keys"
chmod 600 "$out"/*.keys
chmod 600 "$out"/sidecar/*.pem
chmod 600 "$out"/*.pem "$out"/*.key "$out"/*.rsa "$out"/*.ecdsa "$out"/dir/*.pem
