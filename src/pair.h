/*
 * The analysis of one certificate/key pair as a server would load and
 * serve it: which certificate is the leaf, whether the key belongs to it,
 * and the path OpenSSL builds from what the site serves to a trust anchor
 * at --now. Computed once per distinct (certificate file, key file) and
 * shared by every check and every site that uses the pair, so the checks
 * agree on one story and each cause gets one finding.
 */
#ifndef TL_PAIR_H
#define TL_PAIR_H

#include <openssl/x509.h>
#include <stdbool.h>
#include <time.h>

#include "analysis.h"
#include "certstore.h"
#include "model.h"

/* One verification problem OpenSSL reported while building the path. */
struct tl_verify_error {
	int depth; /* 0 = leaf */
	int error; /* X509_V_ERR_* */
};

#define TL_MAX_VERIFY_ERRORS 16

/*
 * Where the path built from the leaf ends. A missing issuer of the leaf
 * itself is a chain that lacks its intermediate (the fix is on the
 * server); a path that reaches a root, or a CA whose issuer nobody has,
 * ends at an anchor this trust store does not trust (the fix is on the
 * clients, or a different CA). docs/design.md "Chains" says why.
 */
enum tl_chain_end {
	TL_CHAIN_TRUSTED,          /* at a trust anchor */
	TL_CHAIN_SELF_SIGNED_LEAF, /* the leaf is self-signed and not a trust anchor */
	TL_CHAIN_INCOMPLETE,       /* the leaf's issuer is neither served nor trusted */
	TL_CHAIN_UNTRUSTED_ROOT,   /* at a self-signed root that is not a trust anchor */
	TL_CHAIN_UNTRUSTED_ISSUER, /* at a CA whose issuer is neither served nor trusted */
};

/* One certificate of the built path, with what the checks say about it. */
struct tl_path_cert {
	X509 *cert;
	const char *subject; /* RFC 2253 */
	const char *issuer;
	int served_index; /* index in served, or -1: it came from the trust store */
	bool self_signed;
	const char *not_before; /* YYYY-MM-DD */
	const char *not_after;
	time_t not_before_t;
	time_t not_after_t;
	int sig_md_nid; /* digest of its signature (X509_get_signature_info), NID_undef if none */
};

struct tl_pair_info {
	const struct tl_cert_file *cert_file;
	/* Where the key was looked for: the key file, or the certificate file itself. */
	const struct tl_cert_file *key_file;
	const struct tl_cert_file *chain_file; /* the pair's chain file, or NULL */
	bool key_configured; /* the pair names a key (or expects it in the certificate file) */
	EVP_PKEY *key;       /* the private key read, or NULL */
	/*
	 * The certificates the server sends: the certificate file's; with a
	 * chain file, the certificate file's first and then the chain file's.
	 */
	STACK_OF(X509) * served;
	/* Index in served of the certificate the key belongs to, or -1. */
	int key_match;
	/* The leaf: served[key_match] when the key matches one, else served[0]; NULL if none. */
	X509 *leaf;
	int leaf_index;
	bool self_signed; /* the leaf is issued and signed by its own key */

	/* Path building from the leaf, with the other served certificates as intermediates. */
	bool verified;         /* a path to a trust anchor with no error at all */
	STACK_OF(X509) * path; /* leaf first, as far as OpenSSL got; NULL when no leaf */
	struct tl_verify_error errors[TL_MAX_VERIFY_ERRORS];
	size_t nerrors;

	/*
	 * False when the key could be read but matches no served certificate:
	 * key-mismatch reports that, and which certificate is the leaf is then
	 * a guess, so the chain checks stay quiet. An encrypted key (which only
	 * the server can read) leaves the leaf at served[0], as the server would.
	 */
	bool leaf_known;
	enum tl_chain_end chain_end;
	struct tl_path_cert *path_certs; /* path_certs[depth], npath of them */
	int npath;
	const char **served_subjects; /* per served index */
	/* Per served index: the depth it has on the path, or -1 when it is not on it. */
	int *served_depth;
	/* Per served index: the index of an earlier identical certificate, or -1. */
	int *served_dup_of;
};

/* Index in CERTS of the certificate whose public key is KEY's, or -1. */
int tl_key_match_index(STACK_OF(X509) * certs, EVP_PKEY *key);

/* The analysis of PAIR (whose certificate path must be known, not dynamic). */
const struct tl_pair_info *tl_pair_info_get(struct tl_analysis *an,
					    const struct tl_cert_pair *pair);

/* True when an error E was reported at any depth (or at DEPTH when depth >= 0). */
bool tl_pair_has_error(const struct tl_pair_info *info, int error, int depth);

/*
 * True when the chain checks (and cert-self-signed, cert-weak-signature)
 * have a leaf to talk about: the certificate was read, and the key was
 * either not readable by us (encrypted) or belongs to a served certificate.
 */
bool tl_pair_leaf_known(const struct tl_pair_info *info);

/* True when CERT is in the served list (as opposed to coming from the trust store). */
bool tl_pair_serves(const struct tl_pair_info *info, const X509 *cert);

#endif
