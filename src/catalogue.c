/* The check catalogue as one table, indexed by id and sorted by name. */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "nearest.h"

static const struct tl_check_info catalogue[] = {
	{TL_CK_CERT_EKU, "cert-eku", TL_SEV_ERROR, "certificates",
	 "the leaf's extendedKeyUsage does not include serverAuth"},
	{TL_CK_CERT_EXPIRED, "cert-expired", TL_SEV_ERROR, "certificates",
	 "a certificate is past its notAfter date at --now"},
	{TL_CK_CERT_EXPIRING, "cert-expiring", TL_SEV_WARNING, "certificates",
	 "a certificate expires within expiry-warning-days"},
	{TL_CK_CERT_HOSTNAME_MISMATCH, "cert-hostname-mismatch", TL_SEV_ERROR, "certificates",
	 "a name the site serves is not covered by the certificate's SANs (RFC 6125 wildcards)"},
	{TL_CK_CERT_IS_CA, "cert-is-ca", TL_SEV_ERROR, "certificates",
	 "the leaf certificate has basicConstraints CA:TRUE"},
	{TL_CK_CERT_LIFETIME, "cert-lifetime", TL_SEV_WARNING, "certificates",
	 "the leaf is valid for longer than the profile allows"},
	{TL_CK_CERT_MISSING, "cert-missing", TL_SEV_ERROR, "certificates",
	 "a configured certificate file is absent or unreadable"},
	{TL_CK_CERT_MUST_STAPLE, "cert-must-staple", TL_SEV_ERROR, "certificates",
	 "an OCSP Must-Staple certificate on a site that does not staple"},
	{TL_CK_CERT_NO_SAN, "cert-no-san", TL_SEV_ERROR, "certificates",
	 "no subjectAltName (CN only)"},
	{TL_CK_CERT_NOT_YET_VALID, "cert-not-yet-valid", TL_SEV_ERROR, "certificates",
	 "a certificate's notBefore date is after --now"},
	{TL_CK_CERT_SELF_SIGNED, "cert-self-signed", TL_SEV_WARNING, "certificates",
	 "the leaf certificate is self-signed"},
	{TL_CK_CERT_TYPE, "cert-type", TL_SEV_WARNING, "certificates",
	 "the leaf's key type is not allowed by the profile"},
	{TL_CK_CERT_UNPARSABLE, "cert-unparsable", TL_SEV_ERROR, "certificates",
	 "a configured certificate file holds no certificate OpenSSL can read"},
	{TL_CK_CERT_WEAK_KEY, "cert-weak-key", TL_SEV_ERROR, "certificates",
	 "RSA/DSA key below the profile's size (2048), EC below 256 bits"},
	{TL_CK_CERT_WEAK_SIGNATURE, "cert-weak-signature", TL_SEV_ERROR, "certificates",
	 "an MD5 or SHA-1 signature on the leaf or an intermediate"},
	{TL_CK_CHAIN_CONTAINS_ROOT, "chain-contains-root", TL_SEV_INFO, "chains",
	 "the trust anchor itself is served"},
	{TL_CK_CHAIN_EXPIRED, "chain-expired", TL_SEV_ERROR, "chains",
	 "an intermediate is outside its validity at --now"},
	{TL_CK_CHAIN_EXTRA_CERT, "chain-extra-cert", TL_SEV_WARNING, "chains",
	 "served certificates that are not on the path to a trust anchor"},
	{TL_CK_CHAIN_INCOMPLETE, "chain-incomplete", TL_SEV_ERROR, "chains",
	 "an intermediate needed to reach a trust anchor is not served"},
	{TL_CK_CHAIN_ORDER, "chain-order", TL_SEV_ERROR, "chains",
	 "certificates out of order (leaf not first, issuer not after subject)"},
	{TL_CK_CHAIN_UNTRUSTED, "chain-untrusted", TL_SEV_ERROR, "chains",
	 "the path ends at an anchor that is not trusted"},
	{TL_CK_CIPHER_INSECURE, "cipher-insecure", TL_SEV_ERROR, "ciphers and key exchange",
	 "NULL, anonymous, EXPORT, DES, RC2, RC4, 3DES, IDEA or MD5-MAC suites reachable"},
	{TL_CK_CIPHER_INVALID, "cipher-invalid", TL_SEV_ERROR, "ciphers and key exchange",
	 "the string matches nothing (server refuses to start), or names unknown suites (warning)"},
	{TL_CK_CIPHER_KEY_MISMATCH, "cipher-key-mismatch", TL_SEV_ERROR, "ciphers and key exchange",
	 "no enabled suite can use the certificate's key type (no shared cipher)"},
	{TL_CK_CIPHER_NO_PFS, "cipher-no-pfs", TL_SEV_WARNING, "ciphers and key exchange",
	 "suites without forward secrecy (static RSA/DH) reachable"},
	{TL_CK_CIPHER_NONE_FOR_PROTOCOL, "cipher-none-for-protocol", TL_SEV_ERROR,
	 "ciphers and key exchange", "an enabled protocol version has no usable suite"},
	{TL_CK_CIPHER_WEAK, "cipher-weak", TL_SEV_WARNING, "ciphers and key exchange",
	 "CBC or SHA-1-MAC suites outside the profile"},
	{TL_CK_CLIENT_UNSUPPORTED, "client-unsupported", TL_SEV_ERROR, "clients",
	 "a client named by --require-clients cannot connect to a site (simulated offline)"},
	{TL_CK_COMPRESSION_ENABLED, "compression-enabled", TL_SEV_ERROR, "hardening",
	 "TLS compression switched on (CRIME)"},
	{TL_CK_CURVE_WEAK, "curve-weak", TL_SEV_WARNING, "ciphers and key exchange",
	 "the group list offers only groups weaker than 256 bits or names unknown groups"},
	{TL_CK_DH_WEAK, "dh-weak", TL_SEV_ERROR, "ciphers and key exchange",
	 "DH parameters below the profile's size (2048)"},
	{TL_CK_DIRECTIVE_DEPRECATED, "directive-deprecated", TL_SEV_WARNING, "input",
	 "a directive the server accepts but has deprecated"},
	{TL_CK_DIRECTIVE_INVALID, "directive-invalid", TL_SEV_ERROR, "input",
	 "a TLS directive or parameter the server rejects"},
	{TL_CK_DIRECTIVE_OVERRIDDEN, "directive-overridden", TL_SEV_WARNING, "input",
	 "a later directive or keyword silently cancels an earlier one"},
	{TL_CK_DIRECTIVE_UNSUPPORTED, "directive-unsupported", TL_SEV_ERROR, "input",
	 "a directive not available in the targeted server version (--target)"},
	{TL_CK_EARLY_DATA, "early-data", TL_SEV_WARNING, "hardening",
	 "TLS 1.3 0-RTT early data accepted (replayable)"},
	{TL_CK_HSTS_MISSING, "hsts-missing", TL_SEV_WARNING, "hardening",
	 "an HTTPS site or location sends no Strict-Transport-Security header"},
	{TL_CK_HSTS_SHORT, "hsts-short", TL_SEV_WARNING, "hardening",
	 "Strict-Transport-Security max-age below the profile's minimum"},
	{TL_CK_HTTP2_CIPHER_BLOCKLIST, "http2-cipher-blocklist", TL_SEV_WARNING,
	 "ciphers and key exchange",
	 "HTTP/2 enabled and a suite from RFC 7540 Appendix A is preferred"},
	{TL_CK_INCLUDE_MISSING, "include-missing", TL_SEV_ERROR, "input",
	 "a non-wildcard include names no file"},
	{TL_CK_KEY_ENCRYPTED, "key-encrypted", TL_SEV_ERROR, "keys",
	 "a passphrase-protected key that no configured passphrase opens"},
	{TL_CK_KEY_MISMATCH, "key-mismatch", TL_SEV_ERROR, "keys",
	 "the private key belongs to no served certificate"},
	{TL_CK_KEY_MISSING, "key-missing", TL_SEV_ERROR, "keys",
	 "no private key for a certificate, or the key file is unreadable"},
	{TL_CK_KEY_PERMISSIONS, "key-permissions", TL_SEV_WARNING, "keys",
	 "a private key file readable by other users"},
	{TL_CK_KEY_UNPARSABLE, "key-unparsable", TL_SEV_ERROR, "keys",
	 "a configured key file holds no private key OpenSSL can read"},
	{TL_CK_LISTEN_SSL_MISSING, "listen-ssl-missing", TL_SEV_ERROR, "listeners and names",
	 "a site that clearly means TLS is served in plain text"},
	{TL_CK_OCSP_STAPLING_BROKEN, "ocsp-stapling-broken", TL_SEV_WARNING, "hardening",
	 "OCSP stapling switched on but unusable"},
	{TL_CK_PARSE_ERROR, "parse-error", TL_SEV_ERROR, "input",
	 "text the server would refuse as syntax"},
	{TL_CK_PROTO_LEGACY, "proto-legacy", TL_SEV_WARNING, "protocols",
	 "SSLv2/SSLv3 (error) or TLS 1.0/1.1 (warning; fine under old) enabled"},
	{TL_CK_PROTO_NO_MODERN, "proto-no-modern", TL_SEV_ERROR, "protocols",
	 "neither TLS 1.2 nor TLS 1.3 enabled"},
	{TL_CK_PROTO_NONE, "proto-none", TL_SEV_ERROR, "protocols",
	 "no protocol left enabled at all"},
	{TL_CK_PROTO_TLS13_MISSING, "proto-tls13-missing", TL_SEV_INFO, "protocols",
	 "TLS 1.3 not enabled (warning under modern)"},
	{TL_CK_RENEGOTIATION_INSECURE, "renegotiation-insecure", TL_SEV_ERROR, "hardening",
	 "renegotiation allowed with clients that lack RFC 5746"},
	{TL_CK_SESSION_TICKETS, "session-tickets", TL_SEV_INFO, "hardening",
	 "session tickets on where the server does not rotate the ticket keys"},
	{TL_CK_SNI_DUPLICATE_NAME, "sni-duplicate-name", TL_SEV_WARNING, "listeners and names",
	 "the same name twice on one address:port; only one site is ever chosen"},
	{TL_CK_SNI_IGNORED_SETTING, "sni-ignored-setting", TL_SEV_WARNING, "listeners and names",
	 "a site's own TLS setting the server takes from the address's default site"},
	{TL_CK_SSL_NO_CERTIFICATE, "ssl-no-certificate", TL_SEV_ERROR, "listeners and names",
	 "a TLS listener or site without any certificate"},
	{TL_CK_SUPPRESSION_INVALID, "suppression-invalid", TL_SEV_WARNING, "input",
	 "a '# tlslint:' comment that is misspelt, names no check, or silences nothing"},
	{TL_CK_UPSTREAM_NO_SNI, "upstream-no-sni", TL_SEV_WARNING, "upstream TLS",
	 "TLS to a named backend without sending SNI"},
	{TL_CK_UPSTREAM_NO_VERIFY, "upstream-no-verify", TL_SEV_WARNING, "upstream TLS",
	 "TLS to a backend without verifying its certificate"},
};

const struct tl_check_info *
tl_catalogue(size_t *count)
{
	*count = sizeof(catalogue) / sizeof(catalogue[0]);
	return catalogue;
}

const struct tl_check_info *
tl_check_info(enum tl_check_id id)
{
	return &catalogue[id];
}

static int
compare_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tl_check_info *)elem)->name);
}

const struct tl_check_info *
tl_check_by_name(const char *name)
{
	return bsearch(name, catalogue, sizeof(catalogue) / sizeof(catalogue[0]),
		       sizeof(catalogue[0]), compare_name);
}

const char *
tl_check_nearest(const char *name)
{
	size_t best_d = TL_NEAREST_MAX_EDITS + 1;
	const char *best = NULL;

	for (size_t i = 0; i < TL_CHECK_COUNT; i++) {
		size_t d = tl_edit_distance(name, catalogue[i].name, true, best_d - 1);

		if (d < best_d) {
			best_d = d;
			best = catalogue[i].name;
		}
	}
	return best;
}
