#!/bin/sh
# mk-broken.sh DIR - the broken certificate and key files of the test PKI, derived from its good
# ones (so they can be remade without regenerating the PKI: sh testdata/pki/mk-broken.sh
# testdata/pki).  Each is a way a file goes wrong on a real host; what nginx 1.22 says about it
# is recorded by the golden case that uses it (testdata/nginx/cert-broken-*, key-truncated).
#
#   broken-later-block.crt      leaf, then a block whose base64 is corrupt  PEM_read_bio_X509(): bad base64 decode
#   broken-truncated-last.crt   leaf, then the intermediate cut before END   PEM_read_bio_X509(): bad end line
#   broken-intermediate.crt     leaf, then a CERTIFICATE block of non-X.509  PEM_read_bio_X509(): ASN1 lib
#                               bytes (valid base64)
#   www.der                     (made by mk.sh) DER, not PEM                 PEM_read_bio_X509_AUX(): no start line
#   broken-truncated.key        www.key cut after 8 lines                    PEM_read_bio_PrivateKey() failed
#   broken-junk-then.key        a junk PRIVATE KEY block, then www.key       loads: OpenSSL 3 skips undecodable blocks
set -eu
out=$1
# No randomness: the same inputs always give the same files.
{
	cat "$out/www.crt"
	echo '-----BEGIN CERTIFICATE-----'
	echo 'MIIDYDCCAkigAwIBAgICEAIw@@this*is!not%base64@@'
	echo '-----END CERTIFICATE-----'
} >"$out/broken-later-block.crt"
{
	cat "$out/www.crt"
	head -n 10 "$out/intermediate.crt"
} >"$out/broken-truncated-last.crt"
{
	cat "$out/www.crt"
	echo '-----BEGIN CERTIFICATE-----'
	printf 'this is text, not an X.509 certificate, though it is base64 encoded\n' | base64 -w 64
	echo '-----END CERTIFICATE-----'
} >"$out/broken-intermediate.crt"
head -n 8 "$out/www.key" >"$out/broken-truncated.key"
{
	echo '-----BEGIN PRIVATE KEY-----'
	printf 'not a key at all, only base64 of some text\n' | base64 -w 64
	echo '-----END PRIVATE KEY-----'
	cat "$out/www.key"
} >"$out/broken-junk-then.key"
chmod 644 "$out"/broken-*.crt
chmod 600 "$out"/broken-*.key
