/*
 * The client side of a simulated handshake (issue 13, item 2): what a
 * client does with the certificate chain the server sent. Each family's
 * behaviour (AIA fetching, key and signature limits, must-staple, the
 * words it shows) is data in client_facts.c, each fact with its source.
 */
#ifndef TL_SIM_CLIENT_VERIFY_H
#define TL_SIM_CLIENT_VERIFY_H

#include <stdbool.h>
#include <time.h>

#include <openssl/x509.h>

#include "strmap.h"
#include "arena.h"
#include "profile.h"

/* What a client does with a leaf that says basicConstraints CA:TRUE. */
enum tl_ca_leaf_rule {
	TL_CA_LEAF_ACCEPTED, /* verified like any other leaf (OpenSSL, GnuTLS, Go, Java) */
	/*
	 * Refused unless it is a whole CA: CA:TRUE and, with a keyUsage,
	 * keyCertSign; also refused: keyCertSign or a pathlen without CA:TRUE
	 * (Chromium's VerifyTargetCertHasConsistentCaBits).
	 */
	TL_CA_LEAF_INCONSISTENT,
	TL_CA_LEAF_REFUSED, /* any CA:TRUE leaf (mozilla::pkix MustBeEndEntity, NSS) */
};

/*
 * How a client family treats certificates, from one version on. A family
 * has one row per behaviour change, oldest first; tl_version() numbers.
 */
struct tl_client_facts {
	const char *family;
	unsigned long since; /* first version these facts hold for (0: all older too) */
	/* Fetches a missing intermediate from the leaf's AIA caIssuers URL. */
	bool aia_fetch;
	unsigned min_rsa_bits; /* RSA keys below this are refused (leaf and chain); 0: none */
	bool sha1_refused;     /* SHA-1 signatures on certificates below the root */
	bool must_staple;      /* a must-staple leaf without a stapled response fails */
	bool checks_eku;       /* a leaf whose EKU lacks serverAuth fails */
	enum tl_ca_leaf_rule ca_leaf;
	/* With no subjectAltName extension at all, the subject CN is matched as a name. */
	bool cn_fallback;
	const char *source; /* where these facts come from */
};

/* A version as one number: 1.0.2 is tl_version(1, 0, 2); "8u161" is 8.161. */
#define tl_version(major, minor, patch)                                                            \
	((unsigned long)(major)*1000000UL + (unsigned long)(minor)*1000UL + (unsigned long)(patch))

/*
 * The version in a profile id, "family-version[-platform]": "android-4.4"
 * is 4.4, "java-8u161" 8.161, "firefox-153esr-linux" 153. 0 when the id
 * has no version.
 */
unsigned long tl_client_id_version(const char *id);

/*
 * The newest facts of FAMILY (profile.h), or a conservative default (no
 * AIA, 2048-bit RSA, SHA-1 refused) for a family the table does not know.
 */
const struct tl_client_facts *tl_client_facts_for(const char *family);

/* The facts of PROFILE's family for the version in its id (the newest if it has none). */
const struct tl_client_facts *tl_client_facts_for_profile(const struct tl_client_profile *profile);

enum tl_client_stage {
	TL_CLIENT_OK,
	TL_CLIENT_CERTIFICATE, /* the client rejects the certificate or chain */
};

/* Why a client rejects a chain: the words each family shows are keyed on this. */
enum tl_cert_problem {
	TL_CERT_FINE,
	TL_CERT_UNKNOWN_ISSUER, /* no path to a trust anchor: missing intermediate, private CA */
	TL_CERT_SELF_SIGNED,    /* the leaf is self-signed and not trusted */
	TL_CERT_UNTRUSTED_ROOT, /* the server sent a self-signed root the client does not trust */
	TL_CERT_EXPIRED,        /* the leaf's notAfter is before NOW */
	TL_CERT_NOT_YET_VALID,  /* the leaf's notBefore is after NOW */
	TL_CERT_ISSUER_EXPIRED, /* the same for a certificate above the leaf */
	TL_CERT_ISSUER_NOT_YET_VALID,
	TL_CERT_NAME_MISMATCH,  /* no subjectAltName covers the name */
	TL_CERT_WEAK_KEY,       /* an RSA key below the family's minimum */
	TL_CERT_WEAK_SIGNATURE, /* a SHA-1 signature below the root */
	TL_CERT_CA_LEAF,        /* a CA:TRUE leaf the family refuses */
	TL_CERT_PURPOSE,        /* the leaf's EKU lacks serverAuth */
	TL_CERT_MUST_STAPLE,    /* must-staple leaf, no stapled OCSP response */
	TL_CERT_INVALID,        /* anything else OpenSSL's verifier refuses (see reason) */
};

/* A stable name for PROBLEM, for reports and JSON: "unknown-issuer", "expired", … */
const char *tl_cert_problem_name(enum tl_cert_problem problem);

struct tl_client_verdict {
	enum tl_client_stage stage;
	enum tl_cert_problem problem;
	/* OpenSSL's words: "certificate has expired", "unable to get local issuer certificate" */
	const char *reason;
	/* What the client shows, e.g. "NET::ERR_CERT_DATE_INVALID"; NULL: not known */
	const char *words;
	bool aia_fetched; /* it would only connect by fetching a missing intermediate */
};

/*
 * OpenSSL's path building and signature checks depend only on the chain
 * and on whether the client checks the purpose, not on its family: 35
 * profiles need two verifications of a chain, not 35. Results are kept
 * here for one NOW and TRUST (one simulation), by the chain's address (each
 * chain must outlive the memo), with their paths, which the arena releases.
 */
struct tl_verify_memo {
	struct tl_arena *arena;
	struct tl_ptrmap map; /* (chain, purpose checked + 1) → the outcome */
};

void tl_verify_memo_init(struct tl_verify_memo *memo, struct tl_arena *arena);

/*
 * What the client of PROFILE makes of CHAIN (the leaf first, then what the
 * server sends after it) for the host name NAME (NULL: no name, no
 * hostname check) at NOW, against the trust anchors TRUST; STAPLED: the
 * server staples an OCSP response. MEMO (NULL: none) shares the
 * verification between calls with the same NOW and TRUST. Strings are
 * static or from ARENA.
 */
void tl_client_verify(struct tl_arena *arena, const struct tl_client_profile *profile,
		      STACK_OF(X509) * chain, const char *name, time_t now, X509_STORE *trust,
		      bool stapled, struct tl_verify_memo *memo, struct tl_client_verdict *out);

#endif
