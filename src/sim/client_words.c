/*
 * What each client family shows when it rejects a certificate: the error
 * code on a browser's interstitial, the line a command-line client prints,
 * the exception a library raises. The words are those recorded in
 * /work/shared/research/handshake-errors.md (A.3.5-A.3.9; [LAB] rows were
 * captured from the real programs, browser codes read in their source),
 * and for gnutls-cli, wget, Node and NSS tstclnt captured for this file
 * against the test PKI (client_facts.c says how). IE and Safari have no
 * row: their texts were not verified.
 *
 * A template's {field} is replaced from struct tl_words_context; any other
 * text is literal.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/x509_vfy.h>

#include "client_words.h"

/* A row for TL_CERT_FINE stands for every problem the family has no row of its own for. */
#define ANY TL_CERT_FINE

struct words_row {
	const char *family;
	enum tl_cert_problem problem;
	const char *text;
};

static const struct words_row rows[] = {
	/* Chromium's interstitial: MapCertStatusToNetError (net/cert/cert_status_flags.cc). */
	{"chrome", TL_CERT_UNKNOWN_ISSUER, "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"chrome", TL_CERT_SELF_SIGNED, "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"chrome", TL_CERT_UNTRUSTED_ROOT, "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"chrome", TL_CERT_EXPIRED, "NET::ERR_CERT_DATE_INVALID"},
	{"chrome", TL_CERT_NOT_YET_VALID, "NET::ERR_CERT_DATE_INVALID"},
	{"chrome", TL_CERT_ISSUER_EXPIRED, "NET::ERR_CERT_DATE_INVALID"},
	{"chrome", TL_CERT_ISSUER_NOT_YET_VALID, "NET::ERR_CERT_DATE_INVALID"},
	{"chrome", TL_CERT_NAME_MISMATCH, "NET::ERR_CERT_COMMON_NAME_INVALID"},
	{"chrome", TL_CERT_WEAK_KEY, "NET::ERR_CERT_WEAK_KEY"},
	{"chrome", TL_CERT_WEAK_SIGNATURE, "NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM"},
	/* CA-leaf and EKU errors are CERT_STATUS_INVALID [DERIVED]. */
	{"chrome", ANY, "NET::ERR_CERT_INVALID"},
	/* Firefox's "Error code:" (NSS and mozilla::pkix names, nsserrors.ftl). */
	{"firefox", TL_CERT_UNKNOWN_ISSUER, "SEC_ERROR_UNKNOWN_ISSUER"},
	{"firefox", TL_CERT_UNTRUSTED_ROOT, "SEC_ERROR_UNKNOWN_ISSUER"},
	{"firefox", TL_CERT_SELF_SIGNED, "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT"},
	{"firefox", TL_CERT_EXPIRED, "SEC_ERROR_EXPIRED_CERTIFICATE"},
	{"firefox", TL_CERT_ISSUER_EXPIRED, "SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE"},
	{"firefox", TL_CERT_NOT_YET_VALID, "MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE"},
	{"firefox", TL_CERT_ISSUER_NOT_YET_VALID,
	 "MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE"},
	{"firefox", TL_CERT_NAME_MISMATCH, "SSL_ERROR_BAD_CERT_DOMAIN"},
	{"firefox", TL_CERT_WEAK_KEY, "MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE"},
	{"firefox", TL_CERT_WEAK_SIGNATURE, "SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED"},
	{"firefox", TL_CERT_CA_LEAF, "MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY"},
	{"firefox", TL_CERT_PURPOSE, "SEC_ERROR_INADEQUATE_CERT_TYPE"},
	{"firefox", TL_CERT_MUST_STAPLE, "MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING"},
	/* NSS tstclnt 3.87 [LAB]. */
	{"nss", TL_CERT_UNKNOWN_ISSUER,
	 "Bad server certificate: -8179, Peer's Certificate issuer is not recognized."},
	{"nss", TL_CERT_UNTRUSTED_ROOT,
	 "Bad server certificate: -8179, Peer's Certificate issuer is not recognized."},
	{"nss", TL_CERT_SELF_SIGNED,
	 "Bad server certificate: -8156, Issuer certificate is invalid."},
	{"nss", TL_CERT_EXPIRED, "Bad server certificate: -8181, Peer's Certificate has expired."},
	{"nss", TL_CERT_NOT_YET_VALID,
	 "Bad server certificate: -8181, Peer's Certificate has expired."},
	{"nss", TL_CERT_NAME_MISMATCH,
	 "Bad server certificate: -12276, Unable to communicate securely with peer: requested "
	 "domain name does not match the server's certificate."},
	{"nss", TL_CERT_WEAK_KEY,
	 "SSL_ERROR_WEAK_SERVER_CERT_KEY: The server certificate included a public key that was "
	 "too weak."},
	{"nss", TL_CERT_CA_LEAF,
	 "Bad server certificate: -8101, Certificate type not approved for application."},
	{"nss", TL_CERT_PURPOSE,
	 "Bad server certificate: -8101, Certificate type not approved for application."},
	/* OpenSSL-based command lines and libraries [LAB]. */
	{"openssl", ANY, "verify error:num={code}:{reason}"},
	{"curl", TL_CERT_NAME_MISMATCH,
	 "curl: (60) SSL: no alternative certificate subject name matches target host name "
	 "'{name}'"},
	{"curl", ANY, "curl: (60) SSL certificate problem: {reason}"},
	{"python", TL_CERT_NAME_MISMATCH,
	 "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
	 "failed: Hostname mismatch, certificate is not valid for '{name}'."},
	{"python", ANY,
	 "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
	 "failed: {reason}"},
	{"node", TL_CERT_NAME_MISMATCH,
	 "ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: "
	 "{name}. is not in the cert's altnames: {sans}"},
	{"node", ANY, "{node}"},
	/* Go crypto/x509 [LAB 1.19]. */
	{"go", TL_CERT_UNKNOWN_ISSUER, "x509: certificate signed by unknown authority"},
	{"go", TL_CERT_SELF_SIGNED, "x509: certificate signed by unknown authority"},
	{"go", TL_CERT_UNTRUSTED_ROOT, "x509: certificate signed by unknown authority"},
	{"go", TL_CERT_EXPIRED,
	 "x509: certificate has expired or is not yet valid: current time {now} is after "
	 "{notafter}"},
	{"go", TL_CERT_ISSUER_EXPIRED,
	 "x509: certificate has expired or is not yet valid: current time {now} is after "
	 "{notafter}"},
	{"go", TL_CERT_NOT_YET_VALID,
	 "x509: certificate has expired or is not yet valid: current time {now} is before "
	 "{notbefore}"},
	{"go", TL_CERT_ISSUER_NOT_YET_VALID,
	 "x509: certificate has expired or is not yet valid: current time {now} is before "
	 "{notbefore}"},
	{"go", TL_CERT_NAME_MISMATCH, "x509: certificate is valid for {dns}, not {name}"},
	{"go", TL_CERT_WEAK_SIGNATURE,
	 "x509: certificate signed by unknown authority (possibly because of \"x509: cannot "
	 "verify signature: insecure algorithm {sigalg} (temporarily override with "
	 "GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate "
	 "\"{issuer}\")"},
	{"go", TL_CERT_PURPOSE, "x509: certificate specifies an incompatible key usage"},
	/* OpenJDK 17 JSSE [LAB]. */
	{"java", TL_CERT_UNKNOWN_ISSUER,
	 "javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
	 "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
	 "certification path to requested target"},
	{"java", TL_CERT_SELF_SIGNED,
	 "javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
	 "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
	 "certification path to requested target"},
	{"java", TL_CERT_UNTRUSTED_ROOT,
	 "javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
	 "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
	 "certification path to requested target"},
	{"java", TL_CERT_EXPIRED,
	 "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
	 "java.security.cert.CertPathValidatorException: validity check failed"},
	{"java", TL_CERT_NOT_YET_VALID,
	 "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
	 "java.security.cert.CertPathValidatorException: validity check failed"},
	{"java", TL_CERT_ISSUER_EXPIRED,
	 "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
	 "java.security.cert.CertPathValidatorException: validity check failed"},
	{"java", TL_CERT_ISSUER_NOT_YET_VALID,
	 "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
	 "java.security.cert.CertPathValidatorException: validity check failed"},
	{"java", TL_CERT_NAME_MISMATCH,
	 "javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching {name} "
	 "found."},
	{"java", TL_CERT_PURPOSE,
	 "javax.net.ssl.SSLHandshakeException: Extended key usage does not permit use for TLS "
	 "server authentication"},
	/* Android's TrustManager, in its own documentation (training/articles/security-ssl). */
	{"android", TL_CERT_UNKNOWN_ISSUER,
	 "javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: "
	 "Trust anchor for certification path not found."},
	{"android", TL_CERT_SELF_SIGNED,
	 "javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: "
	 "Trust anchor for certification path not found."},
	{"android", TL_CERT_UNTRUSTED_ROOT,
	 "javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: "
	 "Trust anchor for certification path not found."},
	/* gnutls-cli 3.7.9's "- Status:" line [LAB]. */
	{"gnutls", TL_CERT_UNKNOWN_ISSUER,
	 "The certificate is NOT trusted. The certificate issuer is unknown."},
	{"gnutls", TL_CERT_SELF_SIGNED,
	 "The certificate is NOT trusted. The certificate issuer is unknown."},
	{"gnutls", TL_CERT_UNTRUSTED_ROOT,
	 "The certificate is NOT trusted. The certificate issuer is unknown."},
	{"gnutls", TL_CERT_EXPIRED,
	 "The certificate is NOT trusted. The certificate chain uses expired certificate."},
	{"gnutls", TL_CERT_ISSUER_EXPIRED,
	 "The certificate is NOT trusted. The certificate chain uses expired certificate."},
	{"gnutls", TL_CERT_NOT_YET_VALID,
	 "The certificate is NOT trusted. The certificate chain uses not yet valid certificate."},
	{"gnutls", TL_CERT_ISSUER_NOT_YET_VALID,
	 "The certificate is NOT trusted. The certificate chain uses not yet valid certificate."},
	{"gnutls", TL_CERT_NAME_MISMATCH,
	 "The certificate is NOT trusted. The name in the certificate does not match the "
	 "expected."},
	{"gnutls", TL_CERT_WEAK_KEY,
	 "The certificate is NOT trusted. The certificate chain uses insecure algorithm."},
	{"gnutls", TL_CERT_WEAK_SIGNATURE,
	 "The certificate is NOT trusted. The certificate chain uses insecure algorithm."},
	{"gnutls", TL_CERT_PURPOSE,
	 "The certificate is NOT trusted. The certificate chain does not match the intended "
	 "purpose."},
	{"gnutls", TL_CERT_MUST_STAPLE,
	 "The certificate is NOT trusted. The certificate requires the server to include an OCSP "
	 "status in its response, but the OCSP status is missing."},
	/* wget 1.21.3 with GnuTLS [LAB]. */
	{"wget", TL_CERT_UNKNOWN_ISSUER,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 doesn't have a known issuer."},
	{"wget", TL_CERT_SELF_SIGNED,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 doesn't have a known issuer."},
	{"wget", TL_CERT_UNTRUSTED_ROOT,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 doesn't have a known issuer."},
	{"wget", TL_CERT_EXPIRED,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 has expired."},
	{"wget", TL_CERT_ISSUER_EXPIRED,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 has expired."},
	{"wget", TL_CERT_NOT_YET_VALID,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 is not yet activated."},
	{"wget", TL_CERT_ISSUER_NOT_YET_VALID,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 is not yet activated."},
	{"wget", TL_CERT_WEAK_KEY,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 was signed using an insecure algorithm."},
	{"wget", TL_CERT_WEAK_SIGNATURE,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted. ERROR: The certificate of "
	 "\u2018{name}\u2019 was signed using an insecure algorithm."},
	{"wget", TL_CERT_MUST_STAPLE,
	 "ERROR: The certificate of \u2018{name}\u2019 is not trusted."},
	{"wget", TL_CERT_NAME_MISMATCH,
	 "The certificate's owner does not match hostname \u2018{name}\u2019"},
};

/* Edge is Chromium since 79; EdgeHTML's words are not known and are not guessed. */
static const char *
words_family(const char *family)
{
	return strcmp(family, "edge") == 0 ? "chrome" : family;
}

/*
 * Node names the OpenSSL error (the last one of the chain: its verify
 * callback carries on past each) and says OpenSSL's string; codes it has
 * no name for are UNSPECIFIED [LAB: key and digest too weak].
 */
static const char *
node_words(struct tl_arena *arena, const struct tl_words_context *ctx)
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, "UNABLE_TO_GET_ISSUER_CERT"},
		{X509_V_ERR_CERT_SIGNATURE_FAILURE, "CERT_SIGNATURE_FAILURE"},
		{X509_V_ERR_CERT_NOT_YET_VALID, "CERT_NOT_YET_VALID"},
		{X509_V_ERR_CERT_HAS_EXPIRED, "CERT_HAS_EXPIRED"},
		{X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "DEPTH_ZERO_SELF_SIGNED_CERT"},
		{X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, "SELF_SIGNED_CERT_IN_CHAIN"},
		{X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"},
		{X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{X509_V_ERR_CERT_CHAIN_TOO_LONG, "CERT_CHAIN_TOO_LONG"},
		{X509_V_ERR_INVALID_CA, "INVALID_CA"},
		{X509_V_ERR_PATH_LENGTH_EXCEEDED, "PATH_LENGTH_EXCEEDED"},
		{X509_V_ERR_INVALID_PURPOSE, "INVALID_PURPOSE"},
	};
	int code = ctx->x509_error;
	const char *name = "UNSPECIFIED";

	if (code == 0)
		return NULL;
	/*
	 * A leaf alone fails with 20 and then, as the callback goes on, with
	 * 21 at the leaf's signature: Node reports the second [LAB].
	 */
	if (ctx->leaf_only && (code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
			       code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT))
		code = X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].code == code)
			name = names[i].name;
	return tl_arena_printf(arena, "%s: %s", name, X509_verify_cert_error_string(code));
}

static const char *
field(struct tl_arena *arena, const char *key, size_t len, const struct tl_words_context *ctx)
{
	static const char *const keys[] = {"name",     "reason",    "dns",    "sans",  "now",
					   "notafter", "notbefore", "issuer", "sigalg"};
	const char *values[] = {ctx->name,       ctx->reason,    ctx->dns_names,
				ctx->sans,       ctx->now,       ctx->not_after,
				ctx->not_before, ctx->issuer_cn, ctx->sigalg};

	if (len == 4 && memcmp(key, "code", 4) == 0)
		return ctx->x509_error != 0 ? tl_arena_printf(arena, "%d", ctx->x509_error) : NULL;
	if (len == 4 && memcmp(key, "node", 4) == 0)
		return node_words(arena, ctx);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
			return values[i];
	return NULL;
}

/* TEXT with each {field} replaced; NULL when a field it needs is missing. */
static const char *
expand(struct tl_arena *arena, const char *text, const struct tl_words_context *ctx)
{
	const char *out = "";

	while (*text != '\0') {
		const char *open = strchr(text, '{');
		const char *close = open != NULL ? strchr(open, '}') : NULL;
		const char *value;

		if (close == NULL)
			return tl_arena_printf(arena, "%s%s", out, text);
		value = field(arena, open + 1, (size_t)(close - open - 1), ctx);
		if (value == NULL || *value == '\0')
			return NULL;
		out = tl_arena_printf(arena, "%s%.*s%s", out, (int)(open - text), text, value);
		text = close + 1;
	}
	return out;
}

const char *
tl_client_words(struct tl_arena *arena, const char *family, enum tl_cert_problem problem,
		const struct tl_words_context *ctx)
{
	const struct words_row *any = NULL;

	if (family == NULL || problem == TL_CERT_FINE)
		return NULL;
	family = words_family(family);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (strcmp(rows[i].family, family) != 0)
			continue;
		if (rows[i].problem == problem)
			return expand(arena, rows[i].text, ctx);
		if (rows[i].problem == ANY)
			any = &rows[i];
	}
	return any != NULL ? expand(arena, any->text, ctx) : NULL;
}
