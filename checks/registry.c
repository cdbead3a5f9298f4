/*
 * The check registry. Keep the table sorted by id: tl_check_find() searches
 * it with bsearch and a unit test fails when the order or the docs drift.
 */
#include "registry.h"

#include <stdlib.h>
#include <string.h>

#include "checks.h"

static const struct tl_check checks[] = {
	{"cert-eku", TL_SEV_ERROR, "certificates",
	 "the leaf's extendedKeyUsage does not include serverAuth", tl_check_cert_eku},
	{"cert-expired", TL_SEV_ERROR, "certificates",
	 "a certificate is past its notAfter date at --now", tl_check_cert_expired},
	{"cert-expiring", TL_SEV_WARNING, "certificates",
	 "a certificate expires within expiry-warning-days", tl_check_cert_expiring},
	{"cert-hostname-mismatch", TL_SEV_ERROR, "certificates",
	 "a name the site serves is not covered by the certificate's SANs (RFC 6125 wildcards)",
	 tl_check_cert_hostname_mismatch},
	{"cert-is-ca", TL_SEV_ERROR, "certificates",
	 "the leaf certificate has basicConstraints CA:TRUE", tl_check_cert_is_ca},
	{"cert-lifetime", TL_SEV_WARNING, "certificates",
	 "the leaf is valid for longer than the profile allows", tl_check_cert_lifetime},
	{"cert-missing", TL_SEV_ERROR, "certificates",
	 "a configured certificate file is absent or unreadable", tl_check_cert_missing},
	{"cert-must-staple", TL_SEV_ERROR, "certificates",
	 "an OCSP Must-Staple certificate on a site that does not staple",
	 tl_check_cert_must_staple},
	{"cert-no-san", TL_SEV_ERROR, "certificates", "no subjectAltName (CN only)",
	 tl_check_cert_no_san},
	{"cert-not-yet-valid", TL_SEV_ERROR, "certificates",
	 "a certificate's notBefore date is after --now", tl_check_cert_not_yet_valid},
	{"cert-self-signed", TL_SEV_WARNING, "certificates", "the leaf certificate is self-signed",
	 tl_check_cert_self_signed},
	{"cert-type", TL_SEV_WARNING, "certificates",
	 "the leaf's key type is not allowed by the profile", tl_check_cert_type},
	{"cert-unparsable", TL_SEV_ERROR, "certificates",
	 "a configured certificate file holds no certificate OpenSSL can read",
	 tl_check_cert_unparsable},
	{"cert-weak-key", TL_SEV_ERROR, "certificates",
	 "RSA/DSA key below the profile's size (2048), EC below 256 bits", tl_check_cert_weak_key},
	{"cert-weak-signature", TL_SEV_ERROR, "certificates",
	 "an MD5 or SHA-1 signature on the leaf or an intermediate", tl_check_cert_weak_signature},
	{"chain-contains-root", TL_SEV_INFO, "chains", "the trust anchor itself is served",
	 tl_check_chain_contains_root},
	{"chain-expired", TL_SEV_ERROR, "chains",
	 "an intermediate is outside its validity at --now", tl_check_chain_expired},
	{"chain-extra-cert", TL_SEV_WARNING, "chains",
	 "served certificates that are not on the path to a trust anchor",
	 tl_check_chain_extra_cert},
	{"chain-incomplete", TL_SEV_ERROR, "chains",
	 "an intermediate needed to reach a trust anchor is not served", tl_check_chain_incomplete},
	{"chain-order", TL_SEV_ERROR, "chains",
	 "certificates out of order (leaf not first, issuer not after subject)",
	 tl_check_chain_order},
	{"chain-untrusted", TL_SEV_ERROR, "chains",
	 "the path ends at an anchor that is not trusted", tl_check_chain_untrusted},
	{"cipher-insecure", TL_SEV_ERROR, "ciphers and key exchange",
	 "NULL, anonymous, EXPORT, DES, RC2, RC4, 3DES, IDEA or MD5-MAC suites reachable",
	 tl_check_cipher_insecure},
	{"cipher-invalid", TL_SEV_ERROR, "ciphers and key exchange",
	 "the string matches nothing (server refuses to start), or names unknown suites (warning)",
	 tl_check_cipher_invalid},
	{"cipher-key-mismatch", TL_SEV_ERROR, "ciphers and key exchange",
	 "no enabled suite can use the certificate's key type (no shared cipher)",
	 tl_check_cipher_key_mismatch},
	{"cipher-no-pfs", TL_SEV_WARNING, "ciphers and key exchange",
	 "suites without forward secrecy (static RSA/DH) reachable", tl_check_cipher_no_pfs},
	{"cipher-none-for-protocol", TL_SEV_ERROR, "ciphers and key exchange",
	 "an enabled protocol version has no usable suite", tl_check_cipher_none_for_protocol},
	{"cipher-weak", TL_SEV_WARNING, "ciphers and key exchange",
	 "CBC or SHA-1-MAC suites outside the profile", tl_check_cipher_weak},
	{"curve-weak", TL_SEV_WARNING, "ciphers and key exchange",
	 "the group list offers only groups weaker than 256 bits or names unknown groups",
	 tl_check_curve_weak},
	{"dh-weak", TL_SEV_ERROR, "ciphers and key exchange",
	 "DH parameters below the profile's size (2048)", tl_check_dh_weak},
	{"directive-invalid", TL_SEV_ERROR, "input",
	 "a TLS directive or parameter the server rejects", NULL},
	{"directive-unsupported", TL_SEV_ERROR, "input",
	 "a directive not available in the targeted server version (--target)", NULL},
	{"http2-cipher-blocklist", TL_SEV_WARNING, "ciphers and key exchange",
	 "HTTP/2 enabled and a suite from RFC 7540 Appendix A is preferred",
	 tl_check_http2_cipher_blocklist},
	{"include-missing", TL_SEV_ERROR, "input", "a non-wildcard include names no file", NULL},
	{"key-encrypted", TL_SEV_ERROR, "keys",
	 "a passphrase-protected key that no configured passphrase opens", tl_check_key_encrypted},
	{"key-mismatch", TL_SEV_ERROR, "keys", "the private key belongs to no served certificate",
	 tl_check_key_mismatch},
	{"key-missing", TL_SEV_ERROR, "keys",
	 "no private key for a certificate, or the key file is unreadable", tl_check_key_missing},
	{"key-permissions", TL_SEV_WARNING, "keys", "a private key file readable by other users",
	 tl_check_key_permissions},
	{"key-unparsable", TL_SEV_ERROR, "keys",
	 "a configured key file holds no private key OpenSSL can read", tl_check_key_unparsable},
	{"parse-error", TL_SEV_ERROR, "input", "text the server would refuse as syntax", NULL},
	{"proto-legacy", TL_SEV_WARNING, "protocols",
	 "SSLv2/SSLv3 (error) or TLS 1.0/1.1 (warning; fine under old) enabled",
	 tl_check_proto_legacy},
	{"proto-no-modern", TL_SEV_ERROR, "protocols", "neither TLS 1.2 nor TLS 1.3 enabled",
	 tl_check_proto_no_modern},
	{"proto-none", TL_SEV_ERROR, "protocols", "no protocol left enabled at all",
	 tl_check_proto_none},
	{"proto-tls13-missing", TL_SEV_INFO, "protocols",
	 "TLS 1.3 not enabled (warning under modern)", tl_check_proto_tls13_missing},
	{"ssl-no-certificate", TL_SEV_ERROR, "listeners and names",
	 "a TLS listener or site without any certificate", tl_check_ssl_no_certificate},
};

const struct tl_check *
tl_checks(size_t *count)
{
	*count = sizeof(checks) / sizeof(checks[0]);
	return checks;
}

static int
compare_id(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tl_check *)elem)->id);
}

const struct tl_check *
tl_check_find(const char *id)
{
	return bsearch(id, checks, sizeof(checks) / sizeof(checks[0]), sizeof(checks[0]),
		       compare_id);
}
