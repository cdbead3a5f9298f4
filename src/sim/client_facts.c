/*
 * Each client family's certificate behaviour, one row per change, with
 * where each fact comes from. [LAB] facts were observed on this machine
 * (Debian 12) against `openssl s_server` on 127.0.0.1 serving the test PKI
 * (testdata/pki) to gnutls-cli 3.7.9, wget 1.21.3, curl 7.88.1, Node 20
 * with OpenSSL 3.0.19, Go 1.19.8, NSS 3.87 tstclnt, Python 3.11 and
 * OpenJDK 17 (/work/shared/research/handshake-errors.md for Java). Facts
 * for clients that cannot run here are from their source or documentation.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "client_verify.h"

/*
 * "Fetches" below means the verifier downloads a missing issuer from the
 * caIssuers URL in the certificate's Authority Information Access.
 * Firefox does not (bugzilla.mozilla.org 399324, WONTFIX); it preloads the
 * intermediates of the public CAs disclosed in CCADB instead (Firefox 75,
 * wiki.mozilla.org/Security/CryptoEngineering/Intermediate_Preloading),
 * which cannot help a private CA, so it is modelled as not fetching.
 */
/*
 * The subject CN as a host name, when the leaf has no subjectAltName
 * extension (cnonly.crt) [LAB]: accepted by curl, Python, Node, gnutls-cli
 * and NSS tstclnt (libraries that fall back to the CN: X509_check_host,
 * gnutls_x509_crt_check_hostname, CERT_VerifyCertName), Java 17 (research
 * A.3.7); refused by Go from 1.15 (go.dev/doc/go1.15) [LAB 1.19], Chrome
 * from 58 and Firefox from 48 (research A.3.7), Safari from iOS 13 / macOS
 * 10.15 (support.apple.com/103769). wget: GnuTLS's check [DERIVED]; IE
 * and Android (AOSP's OkHostnameVerifier) [UNVERIFIED].
 */
static const struct tl_client_facts facts[] = {
	/*
	 * Chromium. AIA: net/cert/cert_verify_proc_builtin.cc adds a
	 * CertIssuerSourceAia; on Android net/cert/cert_verify_proc_android.cc
	 * fetches itself (TryVerifyWithAIAFetching) because the platform does
	 * not. RSA: the builtin verifier's SimplePathBuilderDelegate takes
	 * min_rsa_modulus_length_bits 1024 (net/cert/pki). SHA-1: refused for
	 * every chain from Chrome 57, locally installed roots included unless
	 * the EnableSha1ForLocalAnchors policy says otherwise [2ND]
	 * (security.googleblog.com/2016/11/sha-1-certificates-in-chrome.html).
	 * Must-staple: not enforced ([2ND] research A.3.9). A CA:TRUE leaf
	 * without keyCertSign: kTargetCertInconsistentCaBits in
	 * verify_certificate_chain.cc, the builtin verifier, which Chromium
	 * uses on every desktop platform by 111 (the OS verifier before, whose
	 * CA-leaf rule is not modelled).
	 */
	{"chrome", 0, true, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Chromium before 57: platform verifier, AIA fetching (cert_verify_proc_*.cc)"},
	{"chrome", tl_version(57, 0, 0), true, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Chromium 57+: SHA-1 refused "
	 "(security.googleblog.com/2016/11/sha-1-certificates-in-chrome.html)"},
	{"chrome", tl_version(58, 0, 0), true, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, false,
	 "Chromium 58+: no CN fallback (chromestatus.com/feature/4981025180483584)"},
	{"chrome", tl_version(111, 0, 0), true, 1024, true, false, true, TL_CA_LEAF_INCONSISTENT,
	 false,
	 "Chromium builtin verifier: CertIssuerSourceAia, RSA >= 1024 (SimplePathBuilderDelegate), "
	 "VerifyTargetCertHasConsistentCaBits; must-staple ignored"},
	/*
	 * Edge 12-18 (EdgeHTML) verify with Windows CryptoAPI like IE; 79+ is
	 * Chromium, with Chromium's verifier from 111
	 * (learn.microsoft.com/en-us/deployedge/microsoft-edge-security-cert-verification).
	 */
	{"edge", 0, true, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "EdgeHTML: Windows CryptoAPI, as ie"},
	{"edge", tl_version(79, 0, 0), true, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, false,
	 "Edge 79+: Chromium 57+ rules on the Windows verifier"},
	{"edge", tl_version(111, 0, 0), true, 1024, true, false, true, TL_CA_LEAF_INCONSISTENT,
	 false,
	 "Edge 111+: Chromium's verifier (learn.microsoft.com/en-us/deployedge/"
	 "microsoft-edge-security-cert-verification)"},
	/*
	 * Windows CryptoAPI fetches issuers by AIA unless told not to (.NET's
	 * X509ChainPolicy.DisableCertificateDownloads defaults to false; WinRT
	 * ChainBuildingParameters.AuthorityInformationAccessEnabled to true).
	 * RSA below 1024 bits blocked by Microsoft Security Advisory 2661254
	 * (2012). SHA-1 blocked from February 2017 only for chains to the
	 * Microsoft Trusted Root Program: "Manually-installed enterprise or
	 * self-signed SHA-1 certificates will not be impacted"
	 * (blogs.windows.com/msedgedev/2016/11/18/countdown-to-sha-1-deprecation/).
	 */
	{"ie", 0, true, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Windows CryptoAPI: AIA fetching (X509ChainPolicy.DisableCertificateDownloads=false), "
	 "RSA >= 1024 (advisory 2661254), SHA-1 refused only under Microsoft roots"},
	/*
	 * Apple's trust evaluation fetches missing issuers over the network by
	 * default (SecTrustSetNetworkFetchAllowed; Ladybird PR 10661 relies on
	 * it). iOS 13 / macOS 10.15 (Safari 13): RSA >= 2048 and SHA-2 for all
	 * TLS server certificates and issuing CAs (support.apple.com/103769).
	 * Older limits: [UNVERIFIED] 1024 bits.
	 */
	{"safari", 0, true, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Apple Security framework before iOS 13 / macOS 10.15 (RSA limit UNVERIFIED)"},
	{"safari", tl_version(13, 0, 0), true, 2048, true, false, true, TL_CA_LEAF_ACCEPTED, false,
	 "iOS 13 / macOS 10.15 requirements (support.apple.com/103769): RSA >= 2048, no SHA-1"},
	/*
	 * Firefox (mozilla::pkix). RSA: CertVerifier.cpp tries MIN_RSA_BITS
	 * (2048) and falls back to MIN_RSA_BITS_WEAK (1024) for TLS servers.
	 * SHA-1: allowed under imported roots only from 51
	 * (blog.mozilla.org/security/2016/10/18/phasing-out-sha-1-on-the-public-web/),
	 * refused everywhere from 102 (bug 1767489, "disable sha-1 signatures
	 * in certificates by default"). Must-staple: pkixcheck.cpp,
	 * MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING, pref
	 * security.ssl.enable_ocsp_must_staple, from Firefox 45 [UNVERIFIED
	 * version]. CA:TRUE leaf:
	 * MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY (pkixcheck.cpp).
	 */
	{"firefox", 0, false, 1024, false, false, true, TL_CA_LEAF_REFUSED, true,
	 "mozilla::pkix before 45: no AIA (bug 399324), RSA >= 1024 (CertVerifier.cpp)"},
	{"firefox", tl_version(45, 0, 0), false, 1024, false, true, true, TL_CA_LEAF_REFUSED, true,
	 "Firefox 45+: must-staple enforced (pkixcheck.cpp); SHA-1 only under imported roots"},
	{"firefox", tl_version(48, 0, 0), false, 1024, false, true, true, TL_CA_LEAF_REFUSED, false,
	 "Firefox 48+: no CN fallback (research A.3.7)"},
	{"firefox", tl_version(102, 0, 0), false, 1024, true, true, true, TL_CA_LEAF_REFUSED, false,
	 "Firefox 102+: SHA-1 refused (bug 1767489); no AIA, preloads public intermediates only"},
	/*
	 * Android's platform TrustManager (Conscrypt) does not fetch:
	 * developer.android.com/training/articles/security-ssl ("Missing
	 * intermediate certificate authority": "Trust anchor for certification
	 * path not found"), which is why Chrome for Android fetches itself.
	 * ChainStrengthAnalyzer: MIN_RSA_MODULUS_LEN_BITS = 1024; SHA-1 added
	 * to its signature blacklist in April 2018 (google/conscrypt PR 463,
	 * Android bug 77901166), so from Android 9 [DERIVED from the date].
	 */
	{"android", 0, false, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Conscrypt TrustManagerImpl: no AIA (developer.android.com security-ssl), "
	 "ChainStrengthAnalyzer RSA >= 1024"},
	{"android", tl_version(9, 0, 0), false, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Android 9+: ChainStrengthAnalyzer refuses SHA-1 (google/conscrypt PR 463)"},
	/*
	 * JSSE/PKIX: AIA only with -Dcom.sun.security.enableAIAcaIssuers=true
	 * (default false, Java PKI Programmer's Guide). java.security:
	 * jdk.certpath.disabledAlgorithms "RSA keySize < 1024" and "SHA1 jdkCA
	 * & usage TLSServer", i.e. SHA-1 only under the JDK's own cacerts roots;
	 * [LAB] Java 17 accepted a SHA-1 leaf under a private root, a CA:TRUE
	 * leaf and a must-staple leaf; refused EKU clientAuth.
	 */
	{"java", 0, false, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "JSSE PKIX: com.sun.security.enableAIAcaIssuers=false, java.security "
	 "jdk.certpath.disabledAlgorithms (RSA keySize < 1024, SHA1 jdkCA only) [LAB 17]"},
	/*
	 * libssl verifies with the sslserver purpose (ssl_verify_cert_chain sets
	 * "ssl_server"), never fetches, ignores the TLS feature extension.
	 * Limits follow the security level: none in 1.0.x; level 1 by default
	 * from 1.1.0 (80 bits: RSA 1024, SHA-1 still allowed); 3.0 refuses SHA-1
	 * at level 1 and up (doc/man7/migration_guide.pod), and Debian builds it
	 * with OPENSSL_TLS_SECURITY_LEVEL=2 (RSA 2048). `openssl s_client`
	 * reports a failed verification and carries on; modelled as a client
	 * that verifies (-verify_return_error).
	 */
	{"openssl", 0, false, 0, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "OpenSSL 1.0.x: no security levels"},
	{"openssl", tl_version(1, 1, 0), false, 1024, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "OpenSSL 1.1.x: security level 1 (SSL_CTX_set_security_level.pod)"},
	{"openssl", tl_version(3, 0, 0), false, 2048, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "OpenSSL 3.0 as Debian builds it: level 2, SHA-1 refused (migration_guide.pod) [LAB]"},
	/* Debian's curl, wget and Python as captured (testdata/clients/hello). */
	{"curl", 0, false, 2048, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "curl 7.88 on Debian's OpenSSL 3.0 (level 2); no AIA (curl issue 2793) [LAB]"},
	/*
	 * Debian's wget links GnuTLS, whose default profile refuses RSA below
	 * 1024 bits and SHA-1 and enforces must-staple; wget does not ask
	 * GnuTLS for a purpose, so a clientAuth-only leaf passes [LAB].
	 */
	{"wget", 0, false, 1024, true, true, false, TL_CA_LEAF_ACCEPTED, true,
	 "wget 1.21 with GnuTLS 3.7 (src/gnutls.c): no EKU check [LAB]"},
	{"gnutls", 0, false, 1024, true, true, true, TL_CA_LEAF_ACCEPTED, true,
	 "gnutls-cli 3.7.9: 1008-bit RSA and SHA-1 'insecure algorithm', must-staple enforced "
	 "[LAB]"},
	/*
	 * NSS's tstclnt (CERT_VerifyCert, not mozilla::pkix): refuses RSA
	 * below NSS_RSA_MIN_KEY_SIZE (1023 by default: 1008 bits refused, 1024
	 * accepted), accepts SHA-1, refuses a CA:TRUE leaf and EKU clientAuth
	 * (-8101), ignores must-staple [LAB]. AIA: not fetched [UNVERIFIED].
	 */
	{"nss", 0, false, 1023, false, false, true, TL_CA_LEAF_REFUSED, true,
	 "NSS 3.87 tstclnt: NSS_RSA_MIN_KEY_SIZE 1023, SHA-1 accepted, CA:TRUE leaf -8101 [LAB]"},
	{"python", 0, false, 2048, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Python 3.11 ssl on Debian's OpenSSL 3.0 (level 2); no AIA [LAB]"},
	/*
	 * Go crypto/x509: no AIA fetching [LAB]; SHA-1 refused from 1.18
	 * (go.dev/doc/go1.18, GODEBUG=x509sha1=1 to override); RSA below 1024
	 * bits refused from 1.24 (go.dev/doc/go1.24, GODEBUG=rsa1024min=0).
	 */
	{"go", 0, false, 0, false, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Go crypto/x509 before 1.18: no AIA, no key-size floor"},
	{"go", tl_version(1, 18, 0), false, 0, true, false, true, TL_CA_LEAF_ACCEPTED, false,
	 "Go 1.18+: SHA-1 refused (go.dev/doc/go1.18) [LAB 1.19]"},
	{"go", tl_version(1, 24, 0), false, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, false,
	 "Go 1.24+: RSA < 1024 refused (go.dev/doc/go1.24)"},
	/* Node keeps OpenSSL's level 1 (a 1008-bit key passes, 768 does not). */
	{"node", 0, false, 1024, true, false, true, TL_CA_LEAF_ACCEPTED, true,
	 "Node on OpenSSL 3.0 at security level 1: RSA 1024 and up, SHA-1 refused [LAB 20]"},
};

static const struct tl_client_facts unknown_family = {
	"unknown", 0,
	false,     2048,
	true,      false,
	true,      TL_CA_LEAF_ACCEPTED,
	false,     "no facts for this family: the strictest common limits, no AIA fetching"};

unsigned long
tl_client_id_version(const char *id)
{
	const char *p = id != NULL ? strchr(id, '-') : NULL;
	unsigned long part[3] = {0, 0, 0};
	char *end;

	if (p == NULL || !isdigit((unsigned char)p[1]))
		return 0;
	p++;
	/* Up to three numbers, separated by '.' (or Java's 'u' for an update). */
	for (int i = 0; i < 3; i++) {
		part[i] = strtoul(p, &end, 10);
		if (part[i] > 999 && i > 0)
			part[i] = 999;
		if ((*end != '.' && *end != 'u') || !isdigit((unsigned char)end[1]))
			break;
		p = end + 1;
	}
	return tl_version(part[0], part[1], part[2]);
}

/* The row of FAMILY for VERSION: the last one whose since is not above it. */
static const struct tl_client_facts *
facts_at(const char *family, unsigned long version)
{
	const struct tl_client_facts *found = NULL;

	if (family == NULL)
		return &unknown_family;
	for (size_t i = 0; i < sizeof(facts) / sizeof(facts[0]); i++)
		if (strcmp(facts[i].family, family) == 0 && facts[i].since <= version)
			found = &facts[i];
	return found != NULL ? found : &unknown_family;
}

const struct tl_client_facts *
tl_client_facts_for(const char *family)
{
	return facts_at(family, (unsigned long)-1);
}

const struct tl_client_facts *
tl_client_facts_for_profile(const struct tl_client_profile *profile)
{
	unsigned long version = tl_client_id_version(profile->id);

	return facts_at(profile->family, version != 0 ? version : (unsigned long)-1);
}
