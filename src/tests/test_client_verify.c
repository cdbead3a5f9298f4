/*
 * The client's verdict on a served chain (src/sim/client_verify.c), family
 * by family, on the real certificates of the test PKI (testdata/pki) at its
 * pinned time: a good chain, dates, names, a missing intermediate with and
 * without an AIA URL, untrusted roots, weak keys and signatures, a CA:TRUE
 * leaf, EKU and must-staple; and the version rules of the facts table.
 * Usage: test_client_verify PKI_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "../sim/client_verify.h"
#include "unit.h"

#define TEST_NOW ((time_t)1780272000)   /* 2026-06-01T00:00:00Z, testdata/pki/mk.sh */
#define AFTER_2026 ((time_t)1801440000) /* 2027-02-01T00:00:00Z: the 2026 leaves have expired */

static const char *pki;
static X509_STORE *trust;
static struct tl_arena *arena;

/* One current profile per family (ids as testdata/clients/hello names them). */
static const struct tl_client_profile profiles[] = {
	{.id = "chromium-156-linux", .family = "chrome"},
	{.id = "firefox-153esr-linux", .family = "firefox"},
	{.id = "edge-140-win11", .family = "edge"},
	{.id = "ie-11-win7", .family = "ie"},
	{.id = "safari-18-macos", .family = "safari"},
	{.id = "android-14", .family = "android"},
	{.id = "java-17-linux", .family = "java"},
	{.id = "openssl-3.0-linux", .family = "openssl"},
	{.id = "curl-7.88-linux", .family = "curl"},
	{.id = "wget-1.21-linux", .family = "wget"},
	{.id = "gnutls-3.7-linux", .family = "gnutls"},
	{.id = "nss-3.87-linux", .family = "nss"},
	{.id = "python-3.11-linux", .family = "python"},
	{.id = "go-1.19-linux", .family = "go"},
	{.id = "node-18-linux", .family = "node"},
};
#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

static const struct tl_client_profile *
profile(const char *id)
{
	static struct tl_client_profile extra[32];
	static size_t nextra;
	char family[32];

	for (size_t i = 0; i < NPROFILES; i++)
		if (strcmp(profiles[i].id, id) == 0)
			return &profiles[i];
	for (size_t i = 0; i < nextra; i++)
		if (strcmp(extra[i].id, id) == 0)
			return &extra[i];
	/* An older version of a family: "firefox-91esr" is family firefox. */
	snprintf(family, sizeof(family), "%.*s", (int)strcspn(id, "-"), id);
	for (size_t i = 0; i < NPROFILES; i++)
		if (strcmp(profiles[i].family, family) == 0 && nextra < 32) {
			extra[nextra] =
				(struct tl_client_profile){.id = id, .family = profiles[i].family};
			return &extra[nextra++];
		}
	fprintf(stderr, "no profile family for %s\n", id);
	exit(1);
}

static STACK_OF(X509) * load_chain(const char *file)
{
	char path[4096];
	STACK_OF(X509) *chain = sk_X509_new_null();
	BIO *bio;
	X509 *cert;

	snprintf(path, sizeof(path), "%s/%s", pki, file);
	bio = BIO_new_file(path, "r");
	if (bio == NULL || chain == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	while ((cert = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL)
		sk_X509_push(chain, cert);
	ERR_clear_error();
	BIO_free(bio);
	if (sk_X509_num(chain) == 0) {
		fprintf(stderr, "no certificate in %s\n", path);
		exit(1);
	}
	return chain;
}

/* The verdict of profile ID on FILE for NAME at NOW. */
static struct tl_client_verdict
verdict_at(const char *id, const char *file, const char *name, time_t now, bool stapled)
{
	STACK_OF(X509) *chain = load_chain(file);
	struct tl_client_verdict v;

	tl_client_verify(arena, profile(id), chain, name, now, trust, stapled, NULL, &v);
	sk_X509_pop_free(chain, X509_free);
	return v;
}

static struct tl_client_verdict
verdict(const char *id, const char *file, const char *name)
{
	return verdict_at(id, file, name, TEST_NOW, false);
}

/* FILE fails for ID with PROBLEM and WORDS (NULL: not known). */
#define CHECK_FAILS(id, file, name, problem_, words_)                                              \
	do {                                                                                       \
		struct tl_client_verdict v_ = verdict(id, file, name);                             \
		CHECK_INT(v_.stage, TL_CLIENT_CERTIFICATE);                                        \
		CHECK_INT(v_.problem, problem_);                                                   \
		CHECK_STR(v_.words, words_);                                                       \
		CHECK(!v_.aia_fetched);                                                            \
	} while (0)

#define CHECK_CONNECTS(id, file, name)                                                             \
	do {                                                                                       \
		struct tl_client_verdict v_ = verdict(id, file, name);                             \
		CHECK_INT(v_.stage, TL_CLIENT_OK);                                                 \
		CHECK_INT(v_.problem, TL_CERT_FINE);                                               \
		CHECK_STR(v_.words, NULL);                                                         \
		CHECK(!v_.aia_fetched);                                                            \
	} while (0)

static void
test_good_chains(void)
{
	for (size_t i = 0; i < NPROFILES; i++) {
		CHECK_CONNECTS(profiles[i].id, "www.fullchain.crt", "www.example.test");
		CHECK_CONNECTS(profiles[i].id, "www.fullchain.crt", "example.test");
		CHECK_CONNECTS(profiles[i].id, "ecdsa.fullchain.crt", "www.example.test");
		CHECK_CONNECTS(profiles[i].id, "deep.fullchain.crt", "deep.example.test");
		CHECK_CONNECTS(profiles[i].id, "www.withroot.crt", "www.example.test");
		CHECK_CONNECTS(profiles[i].id, "rsa4096.fullchain.crt", "rsa4096.example.test");
		/* No name: nothing to match, the chain alone decides. */
		CHECK_CONNECTS(profiles[i].id, "www.fullchain.crt", NULL);
	}
}

static void
test_dates(void)
{
	/* The same good chain after its notAfter (2026-12-31). */
	struct tl_client_verdict v = verdict_at("curl-7.88-linux", "www.fullchain.crt",
						"www.example.test", AFTER_2026, false);

	CHECK_INT(v.problem, TL_CERT_EXPIRED);
	CHECK_STR(v.reason, "certificate has expired");
	for (size_t i = 0; i < NPROFILES; i++) {
		v = verdict(profiles[i].id, "expired.fullchain.crt", "expired.example.test");
		CHECK_INT(v.stage, TL_CLIENT_CERTIFICATE);
		CHECK_INT(v.problem, TL_CERT_EXPIRED);
		v = verdict(profiles[i].id, "notyet.fullchain.crt", "notyet.example.test");
		CHECK_INT(v.problem, TL_CERT_NOT_YET_VALID);
		v = verdict(profiles[i].id, "oldintleaf.fullchain.crt", "oldintleaf.example.test");
		CHECK_INT(v.problem, TL_CERT_ISSUER_EXPIRED);
	}
	CHECK_FAILS("chromium-156-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED, "NET::ERR_CERT_DATE_INVALID");
	CHECK_FAILS("firefox-153esr-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED, "SEC_ERROR_EXPIRED_CERTIFICATE");
	CHECK_FAILS("curl-7.88-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED, "curl: (60) SSL certificate problem: certificate has expired");
	CHECK_FAILS("go-1.19-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED,
		    "x509: certificate has expired or is not yet valid: current time "
		    "2026-06-01T00:00:00Z is after 2026-01-01T00:00:00Z");
	CHECK_FAILS("go-1.19-linux", "notyet.fullchain.crt", "notyet.example.test",
		    TL_CERT_NOT_YET_VALID,
		    "x509: certificate has expired or is not yet valid: current time "
		    "2026-06-01T00:00:00Z is before 2027-01-01T00:00:00Z");
	CHECK_FAILS("node-18-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED, "CERT_HAS_EXPIRED: certificate has expired");
	CHECK_FAILS("openssl-3.0-linux", "notyet.fullchain.crt", "notyet.example.test",
		    TL_CERT_NOT_YET_VALID, "verify error:num=9:certificate is not yet valid");
	CHECK_FAILS("firefox-153esr-linux", "notyet.fullchain.crt", "notyet.example.test",
		    TL_CERT_NOT_YET_VALID, "MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE");
	CHECK_FAILS("firefox-153esr-linux", "oldintleaf.fullchain.crt", "oldintleaf.example.test",
		    TL_CERT_ISSUER_EXPIRED, "SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE");
	CHECK_FAILS(
		"wget-1.21-linux", "expired.fullchain.crt", "expired.example.test", TL_CERT_EXPIRED,
		"ERROR: The certificate of \u2018expired.example.test\u2019 is not trusted. ERROR: "
		"The certificate of \u2018expired.example.test\u2019 has expired.");
	CHECK_FAILS("java-17-linux", "expired.fullchain.crt", "expired.example.test",
		    TL_CERT_EXPIRED,
		    "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
		    "java.security.cert.CertPathValidatorException: validity check failed");
}

static void
test_names(void)
{
	for (size_t i = 0; i < NPROFILES; i++) {
		struct tl_client_verdict v =
			verdict(profiles[i].id, "www.fullchain.crt", "other.example.test");

		CHECK_INT(v.problem, TL_CERT_NAME_MISMATCH);
		CHECK_STR(v.reason, "hostname mismatch");
		/* A wildcard stands for one label, never two, never the apex. */
		CHECK_CONNECTS(profiles[i].id, "wildcard.fullchain.crt", "a.example.test");
		CHECK_INT(verdict(profiles[i].id, "wildcard.fullchain.crt", "a.b.example.test")
				  .problem,
			  TL_CERT_NAME_MISMATCH);
		CHECK_INT(verdict(profiles[i].id, "wildcard.fullchain.crt", "example.test").problem,
			  TL_CERT_NAME_MISMATCH);
		CHECK_CONNECTS(profiles[i].id, "ipsan.fullchain.crt", "127.0.0.1");
		CHECK_STR(verdict(profiles[i].id, "www.fullchain.crt", "127.0.0.1").reason,
			  "IP address mismatch");
	}
	CHECK_FAILS(
		"curl-7.88-linux", "www.fullchain.crt", "other.example.test", TL_CERT_NAME_MISMATCH,
		"curl: (60) SSL: no alternative certificate subject name matches target host name "
		"'other.example.test'");
	CHECK_FAILS("go-1.19-linux", "www.fullchain.crt", "other.example.test",
		    TL_CERT_NAME_MISMATCH,
		    "x509: certificate is valid for www.example.test, example.test, not "
		    "other.example.test");
	CHECK_FAILS(
		"node-18-linux", "www.fullchain.crt", "other.example.test", TL_CERT_NAME_MISMATCH,
		"ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: "
		"Host: other.example.test. is not in the cert's altnames: DNS:www.example.test, "
		"DNS:example.test");
	CHECK_FAILS(
		"python-3.11-linux", "www.fullchain.crt", "other.example.test",
		TL_CERT_NAME_MISMATCH,
		"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
		"failed: Hostname mismatch, certificate is not valid for 'other.example.test'.");
	CHECK_FAILS("chromium-156-linux", "www.fullchain.crt", "other.example.test",
		    TL_CERT_NAME_MISMATCH, "NET::ERR_CERT_COMMON_NAME_INVALID");
	CHECK_FAILS("firefox-153esr-linux", "www.fullchain.crt", "other.example.test",
		    TL_CERT_NAME_MISMATCH, "SSL_ERROR_BAD_CERT_DOMAIN");
	/* A CN and no subjectAltName: only some clients still read the CN [LAB]. */
	CHECK_FAILS("go-1.19-linux", "cnonly.fullchain.crt", "cnonly.example.test",
		    TL_CERT_NAME_MISMATCH, NULL);
	CHECK_FAILS("chromium-156-linux", "cnonly.fullchain.crt", "cnonly.example.test",
		    TL_CERT_NAME_MISMATCH, "NET::ERR_CERT_COMMON_NAME_INVALID");
	CHECK_FAILS("firefox-153esr-linux", "cnonly.fullchain.crt", "cnonly.example.test",
		    TL_CERT_NAME_MISMATCH, "SSL_ERROR_BAD_CERT_DOMAIN");
	CHECK_FAILS("safari-18-macos", "cnonly.fullchain.crt", "cnonly.example.test",
		    TL_CERT_NAME_MISMATCH, NULL);
	CHECK_CONNECTS("curl-7.88-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("python-3.11-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("node-18-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("gnutls-3.7-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("nss-3.87-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("java-17-linux", "cnonly.fullchain.crt", "cnonly.example.test");
	/* Before the browsers and Go dropped it. */
	CHECK_CONNECTS("go-1.14", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("chrome-57", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_CONNECTS("firefox-47", "cnonly.fullchain.crt", "cnonly.example.test");
	CHECK_INT(verdict("chrome-58", "cnonly.fullchain.crt", "cnonly.example.test").problem,
		  TL_CERT_NAME_MISMATCH);
	/* Even with the fallback, the CN must match. */
	CHECK_INT(verdict("curl-7.88-linux", "cnonly.fullchain.crt", "other.example.test").problem,
		  TL_CERT_NAME_MISMATCH);
}

static void
test_missing_intermediate(void)
{
	struct tl_client_verdict v;

	/* www.crt has no AIA URL: nobody can complete the chain. */
	for (size_t i = 0; i < NPROFILES; i++) {
		v = verdict(profiles[i].id, "www.crt", "www.example.test");
		CHECK_INT(v.problem, TL_CERT_UNKNOWN_ISSUER);
		CHECK(!v.aia_fetched);
	}
	CHECK_FAILS("curl-7.88-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "curl: (60) SSL certificate problem: unable to get local issuer certificate");
	CHECK_FAILS("firefox-153esr-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "SEC_ERROR_UNKNOWN_ISSUER");
	CHECK_FAILS("chromium-156-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "NET::ERR_CERT_AUTHORITY_INVALID");
	CHECK_FAILS("node-18-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate");
	CHECK_FAILS(
		"java-17-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		"javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
		"sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
		"certification path to requested target");
	CHECK_FAILS("android-14", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "javax.net.ssl.SSLHandshakeException: "
		    "java.security.cert.CertPathValidatorException: "
		    "Trust anchor for certification path not found.");
	CHECK_FAILS("gnutls-3.7-linux", "www.crt", "www.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "The certificate is NOT trusted. The certificate issuer is unknown.");

	/* aia.crt names its issuer's URL: the fetching families would get it. */
	for (size_t i = 0; i < NPROFILES; i++) {
		bool fetches = strcmp(profiles[i].family, "chrome") == 0 ||
			       strcmp(profiles[i].family, "edge") == 0 ||
			       strcmp(profiles[i].family, "safari") == 0 ||
			       strcmp(profiles[i].family, "ie") == 0;

		v = verdict(profiles[i].id, "aia.crt", "aia.example.test");
		CHECK_INT(v.stage, fetches ? TL_CLIENT_OK : TL_CLIENT_CERTIFICATE);
		CHECK_INT(v.problem, fetches ? TL_CERT_FINE : TL_CERT_UNKNOWN_ISSUER);
		CHECK(v.aia_fetched == fetches);
		CHECK_CONNECTS(profiles[i].id, "aia.fullchain.crt", "aia.example.test");
	}
	CHECK_FAILS("curl-7.88-linux", "aia.crt", "aia.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "curl: (60) SSL certificate problem: unable to get local issuer certificate");
	CHECK_FAILS("firefox-153esr-linux", "aia.crt", "aia.example.test", TL_CERT_UNKNOWN_ISSUER,
		    "SEC_ERROR_UNKNOWN_ISSUER");
	/* After the fetch the leaf is still checked: a wrong name or date still fails. */
	CHECK_FAILS("chromium-156-linux", "aia.crt", "other.example.test", TL_CERT_NAME_MISMATCH,
		    "NET::ERR_CERT_COMMON_NAME_INVALID");
	v = verdict_at("chromium-156-linux", "aia.crt", "aia.example.test", AFTER_2026, false);
	CHECK_INT(v.problem, TL_CERT_EXPIRED);
	CHECK(!v.aia_fetched);
}

static void
test_untrusted(void)
{
	for (size_t i = 0; i < NPROFILES; i++) {
		CHECK_INT(
			verdict(profiles[i].id, "untrusted.fullchain.crt", "untrusted.example.test")
				.problem,
			TL_CERT_UNKNOWN_ISSUER);
		CHECK_INT(
			verdict(profiles[i].id, "untrusted.withroot.crt", "untrusted.example.test")
				.problem,
			TL_CERT_UNTRUSTED_ROOT);
		CHECK_INT(verdict(profiles[i].id, "selfsigned.crt", "selfsigned.example.test")
				  .problem,
			  TL_CERT_SELF_SIGNED);
	}
	CHECK_FAILS("openssl-3.0-linux", "untrusted.withroot.crt", "untrusted.example.test",
		    TL_CERT_UNTRUSTED_ROOT,
		    "verify error:num=19:self-signed certificate in certificate chain");
	CHECK_FAILS("curl-7.88-linux", "selfsigned.crt", "selfsigned.example.test",
		    TL_CERT_SELF_SIGNED,
		    "curl: (60) SSL certificate problem: self-signed certificate");
	CHECK_FAILS("node-18-linux", "selfsigned.crt", "selfsigned.example.test",
		    TL_CERT_SELF_SIGNED, "DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate");
	CHECK_FAILS("firefox-153esr-linux", "selfsigned.crt", "selfsigned.example.test",
		    TL_CERT_SELF_SIGNED, "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT");
	CHECK_FAILS("go-1.19-linux", "selfsigned.crt", "selfsigned.example.test",
		    TL_CERT_SELF_SIGNED, "x509: certificate signed by unknown authority");
	CHECK_FAILS("nss-3.87-linux", "selfsigned.crt", "selfsigned.example.test",
		    TL_CERT_SELF_SIGNED,
		    "Bad server certificate: -8156, Issuer certificate is invalid.");
}

static void
test_weak_key(void)
{
	static const char *const refuse[] = {"openssl-3.0-linux", "curl-7.88-linux",
					     "python-3.11-linux", "safari-18-macos"};
	static const char *const accept[] = {
		"chromium-156-linux", "firefox-153esr-linux", "java-17-linux",  "go-1.19-linux",
		"node-18-linux",      "gnutls-3.7-linux",     "nss-3.87-linux", "android-14",
		"wget-1.21-linux",    "ie-11-win7",           "edge-140-win11"};
	struct tl_client_verdict v;

	for (size_t i = 0; i < sizeof(refuse) / sizeof(refuse[0]); i++) {
		v = verdict(refuse[i], "rsa1024.fullchain.crt", "rsa1024.example.test");
		CHECK_INT(v.problem, TL_CERT_WEAK_KEY);
		CHECK_STR(v.reason, "EE certificate key too weak");
		v = verdict(refuse[i], "weakintleaf.fullchain.crt", "weakintleaf.example.test");
		CHECK_INT(v.problem, TL_CERT_WEAK_KEY);
		CHECK_STR(v.reason, "CA certificate key too weak");
	}
	for (size_t i = 0; i < sizeof(accept) / sizeof(accept[0]); i++) {
		CHECK_CONNECTS(accept[i], "rsa1024.fullchain.crt", "rsa1024.example.test");
		CHECK_CONNECTS(accept[i], "weakintleaf.fullchain.crt", "weakintleaf.example.test");
	}
	CHECK_FAILS("curl-7.88-linux", "rsa1024.fullchain.crt", "rsa1024.example.test",
		    TL_CERT_WEAK_KEY,
		    "curl: (60) SSL certificate problem: EE certificate key too weak");
	/* The version matters: OpenSSL 1.x had no level 2 by default. */
	CHECK_CONNECTS("openssl-1.0.2", "rsa1024.fullchain.crt", "rsa1024.example.test");
	CHECK_CONNECTS("openssl-1.1.1", "rsa1024.fullchain.crt", "rsa1024.example.test");
}

static void
test_sha1(void)
{
	static const char *const refuse[] = {
		"chromium-156-linux", "firefox-153esr-linux", "edge-140-win11",  "safari-18-macos",
		"android-14",         "openssl-3.0-linux",    "curl-7.88-linux", "wget-1.21-linux",
		"gnutls-3.7-linux",   "python-3.11-linux",    "go-1.19-linux",   "node-18-linux"};
	/* SHA-1 under a private (imported) root, or before the change. */
	static const char *const accept[] = {"java-17-linux", "nss-3.87-linux", "ie-11-win7",
					     "firefox-91esr", "android-4.4",    "go-1.17",
					     "openssl-1.1.1", "chrome-49"};

	for (size_t i = 0; i < sizeof(refuse) / sizeof(refuse[0]); i++)
		CHECK_INT(verdict(refuse[i], "sha1.fullchain.crt", "sha1.example.test").problem,
			  TL_CERT_WEAK_SIGNATURE);
	for (size_t i = 0; i < sizeof(accept) / sizeof(accept[0]); i++)
		CHECK_CONNECTS(accept[i], "sha1.fullchain.crt", "sha1.example.test");
	CHECK_FAILS(
		"go-1.19-linux", "sha1.fullchain.crt", "sha1.example.test", TL_CERT_WEAK_SIGNATURE,
		"x509: certificate signed by unknown authority (possibly because of \"x509: cannot "
		"verify signature: insecure algorithm SHA1-RSA (temporarily override with "
		"GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate "
		"\"tlslint Test Intermediate CA\")");
	CHECK_FAILS(
		"python-3.11-linux", "sha1.fullchain.crt", "sha1.example.test",
		TL_CERT_WEAK_SIGNATURE,
		"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
		"failed: CA signature digest algorithm too weak");
	CHECK_FAILS("firefox-153esr-linux", "sha1.fullchain.crt", "sha1.example.test",
		    TL_CERT_WEAK_SIGNATURE, "SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED");
	CHECK_FAILS("chromium-156-linux", "sha1.fullchain.crt", "sha1.example.test",
		    TL_CERT_WEAK_SIGNATURE, "NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM");
}

static void
test_ca_leaf(void)
{
	CHECK_FAILS("firefox-153esr-linux", "caleaf.fullchain.crt", "caleaf.example.test",
		    TL_CERT_CA_LEAF, "MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY");
	CHECK_FAILS(
		"nss-3.87-linux", "caleaf.fullchain.crt", "caleaf.example.test", TL_CERT_CA_LEAF,
		"Bad server certificate: -8101, Certificate type not approved for application.");
	/* caleaf.crt says CA:TRUE but its keyUsage has no keyCertSign: half a CA. */
	CHECK_FAILS("chromium-156-linux", "caleaf.fullchain.crt", "caleaf.example.test",
		    TL_CERT_CA_LEAF, "NET::ERR_CERT_INVALID");
	CHECK_FAILS("edge-140-win11", "caleaf.fullchain.crt", "caleaf.example.test",
		    TL_CERT_CA_LEAF, "NET::ERR_CERT_INVALID");
	CHECK_CONNECTS("chrome-100", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("curl-7.88-linux", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("python-3.11-linux", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("go-1.19-linux", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("java-17-linux", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("gnutls-3.7-linux", "caleaf.fullchain.crt", "caleaf.example.test");
	CHECK_CONNECTS("node-18-linux", "caleaf.fullchain.crt", "caleaf.example.test");
}

static void
test_eku(void)
{
	for (size_t i = 0; i < NPROFILES; i++) {
		struct tl_client_verdict v = verdict(profiles[i].id, "clientauth.fullchain.crt",
						     "clientauth.example.test");
		bool checks = strcmp(profiles[i].family, "wget") != 0;

		CHECK_INT(v.problem, checks ? TL_CERT_PURPOSE : TL_CERT_FINE);
	}
	CHECK_FAILS("curl-7.88-linux", "clientauth.fullchain.crt", "clientauth.example.test",
		    TL_CERT_PURPOSE,
		    "curl: (60) SSL certificate problem: unsuitable certificate purpose");
	CHECK_FAILS("go-1.19-linux", "clientauth.fullchain.crt", "clientauth.example.test",
		    TL_CERT_PURPOSE, "x509: certificate specifies an incompatible key usage");
	CHECK_FAILS(
		"java-17-linux", "clientauth.fullchain.crt", "clientauth.example.test",
		TL_CERT_PURPOSE,
		"javax.net.ssl.SSLHandshakeException: Extended key usage does not permit use for "
		"TLS server authentication");
	CHECK_FAILS("firefox-153esr-linux", "clientauth.fullchain.crt", "clientauth.example.test",
		    TL_CERT_PURPOSE, "SEC_ERROR_INADEQUATE_CERT_TYPE");
	CHECK_CONNECTS("wget-1.21-linux", "clientauth.fullchain.crt", "clientauth.example.test");
}

static void
test_must_staple(void)
{
	static const char *const enforce[] = {"firefox-153esr-linux", "gnutls-3.7-linux",
					      "wget-1.21-linux"};
	struct tl_client_verdict v;

	for (size_t i = 0; i < NPROFILES; i++) {
		bool enforces = false;

		for (size_t j = 0; j < sizeof(enforce) / sizeof(enforce[0]); j++)
			enforces = enforces || strcmp(enforce[j], profiles[i].id) == 0;
		v = verdict(profiles[i].id, "muststaple.fullchain.crt", "muststaple.example.test");
		CHECK_INT(v.problem, enforces ? TL_CERT_MUST_STAPLE : TL_CERT_FINE);
		/* With a stapled response every client connects. */
		v = verdict_at(profiles[i].id, "muststaple.fullchain.crt",
			       "muststaple.example.test", TEST_NOW, true);
		CHECK_INT(v.stage, TL_CLIENT_OK);
		/* A leaf without the TLS feature never needs one. */
		CHECK_CONNECTS(profiles[i].id, "www.fullchain.crt", "www.example.test");
	}
	CHECK_FAILS("firefox-153esr-linux", "muststaple.fullchain.crt", "muststaple.example.test",
		    TL_CERT_MUST_STAPLE, "MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING");
	CHECK_FAILS(
		"gnutls-3.7-linux", "muststaple.fullchain.crt", "muststaple.example.test",
		TL_CERT_MUST_STAPLE,
		"The certificate is NOT trusted. The certificate requires the server to include an "
		"OCSP status in its response, but the OCSP status is missing.");
	CHECK_CONNECTS("firefox-40", "muststaple.fullchain.crt", "muststaple.example.test");
}

static void
test_problem_names(void)
{
	/* Every problem has its own name: they go into JSON. */
	for (int a = TL_CERT_FINE; a <= TL_CERT_INVALID; a++)
		for (int b = a + 1; b <= TL_CERT_INVALID; b++)
			CHECK(strcmp(tl_cert_problem_name(a), tl_cert_problem_name(b)) != 0);
	CHECK_STR(tl_cert_problem_name(TL_CERT_UNKNOWN_ISSUER), "unknown-issuer");
	CHECK_STR(tl_cert_problem_name(TL_CERT_MUST_STAPLE), "must-staple");
	CHECK_STR(tl_cert_problem_name(TL_CERT_FINE), "ok");
}

static void
test_facts(void)
{
	CHECK_INT(tl_client_id_version("android-4.4"), tl_version(4, 4, 0));
	CHECK_INT(tl_client_id_version("java-8u161"), tl_version(8, 161, 0));
	CHECK_INT(tl_client_id_version("firefox-153esr-linux"), tl_version(153, 0, 0));
	CHECK_INT(tl_client_id_version("openssl-1.0.2"), tl_version(1, 0, 2));
	CHECK_INT(tl_client_id_version("chromium-156-linux"), tl_version(156, 0, 0));
	CHECK_INT(tl_client_id_version("ie-11-win7"), tl_version(11, 0, 0));
	CHECK_INT(tl_client_id_version("safari-ios"), 0);
	CHECK_INT(tl_client_id_version("nothing"), 0);
	for (size_t i = 0; i < NPROFILES; i++) {
		const struct tl_client_facts *f = tl_client_facts_for(profiles[i].family);

		CHECK_STR(f->family, profiles[i].family);
		CHECK(f->source != NULL && *f->source != '\0');
		CHECK_STR(tl_client_facts_for_profile(&profiles[i])->family, profiles[i].family);
	}
	CHECK_STR(tl_client_facts_for("lynx")->family, "unknown");
	CHECK(!tl_client_facts_for("lynx")->aia_fetch);
	CHECK_INT(tl_client_facts_for("lynx")->min_rsa_bits, 2048);
	/* AIA: the browsers on platform verifiers fetch, the rest do not. */
	CHECK(tl_client_facts_for("chrome")->aia_fetch);
	CHECK(tl_client_facts_for("safari")->aia_fetch);
	CHECK(!tl_client_facts_for("firefox")->aia_fetch);
	CHECK(!tl_client_facts_for("android")->aia_fetch);
	CHECK(!tl_client_facts_for("java")->aia_fetch);
	/* Rows by version: Android 4.4 accepted SHA-1, 14 does not. */
	CHECK(!tl_client_facts_for_profile(profile("android-4.4"))->sha1_refused);
	CHECK(tl_client_facts_for_profile(profile("android-14"))->sha1_refused);
	CHECK_INT(tl_client_facts_for_profile(profile("go-1.19-linux"))->min_rsa_bits, 0);
	CHECK_INT(tl_client_facts_for("go")->min_rsa_bits, 1024);
}

/*
 * A verification shared through tl_verify_memo gives every family the
 * verdict it gets alone, on chains whose problems differ by family (EKU,
 * must-staple, CA leaf, weak keys, missing intermediates, dates, names).
 */
static void
test_memo(void)
{
	static const char *const files[] = {
		"www.fullchain.crt",        "aia.crt",
		"clientauth.fullchain.crt", "caleaf.fullchain.crt",
		"muststaple.fullchain.crt", "rsa1024.fullchain.crt",
		"expired.fullchain.crt",    "untrusted.fullchain.crt",
		"sha1.fullchain.crt",       "weakintleaf.fullchain.crt",
		"cnonly.fullchain.crt",
	};
	static const char *const names[] = {NULL, "www.example.test", "other.example.test"};
	/* The memo knows a chain by its address: each must outlive it. */
	STACK_OF(X509) * chains[sizeof(files) / sizeof(files[0])];
	struct tl_verify_memo memo;
	int compared = 0;

	tl_verify_memo_init(&memo, arena);
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		STACK_OF(X509) *chain = chains[f] = load_chain(files[f]);

		for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++)
			for (size_t i = 0; i < NPROFILES; i++) {
				struct tl_client_verdict alone, shared;

				tl_client_verify(arena, &profiles[i], chain, names[n], TEST_NOW,
						 trust, false, NULL, &alone);
				tl_client_verify(arena, &profiles[i], chain, names[n], TEST_NOW,
						 trust, false, &memo, &shared);
				CHECK_INT(shared.stage, alone.stage);
				CHECK_INT(shared.problem, alone.problem);
				CHECK_STR(shared.words, alone.words);
				CHECK_STR(shared.reason, alone.reason);
				CHECK_INT(shared.aia_fetched, alone.aia_fetched);
				compared++;
			}
	}
	/* Two verifications per chain at most (purpose checked or not), for 15 families. */
	CHECK((size_t)compared == 3 * NPROFILES * (sizeof(files) / sizeof(files[0])));
	CHECK(memo.map.len <= 2 * sizeof(files) / sizeof(files[0]));
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++)
		sk_X509_pop_free(chains[f], X509_free);
}

int
main(int argc, char **argv)
{
	char root[4096];

	if (argc != 2) {
		fprintf(stderr, "usage: test_client_verify PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	snprintf(root, sizeof(root), "%s/root.crt", pki);
	trust = X509_STORE_new();
	arena = tl_arena_new();
	if (trust == NULL || X509_STORE_load_file(trust, root) != 1) {
		fprintf(stderr, "cannot load %s\n", root);
		return 1;
	}
	test_good_chains();
	test_dates();
	test_names();
	test_missing_intermediate();
	test_untrusted();
	test_weak_key();
	test_sha1();
	test_ca_leaf();
	test_eku();
	test_must_staple();
	test_problem_names();
	test_facts();
	test_memo();
	tl_arena_free(arena);
	X509_STORE_free(trust);
	return tl_unit_result();
}
