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

#include "../src/certstore.h"
#include "../src/model.h"
#include "../src/run.h"

/* One verification problem OpenSSL reported while building the path. */
struct tl_verify_error {
	int depth; /* 0 = leaf */
	int error; /* X509_V_ERR_* */
};

#define TL_MAX_VERIFY_ERRORS 16

struct tl_pair_info {
	const struct tl_cert_file *cert_file;
	/* Where the key was looked for: the key file, or the certificate file itself. */
	const struct tl_cert_file *key_file;
	bool key_configured;     /* the pair names a key (or expects it in the certificate file) */
	EVP_PKEY *key;           /* the private key read, or NULL */
	STACK_OF(X509) * served; /* the certificates the server sends, in file order */
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
};

/* The analysis of PAIR (whose certificate path must be known, not dynamic). */
const struct tl_pair_info *tl_pair_info_get(struct tl_run *run, const struct tl_cert_pair *pair);

/* True when an error E was reported at any depth (or at DEPTH when depth >= 0). */
bool tl_pair_has_error(const struct tl_pair_info *info, int error, int depth);

/* True when CERT is in the served list (as opposed to coming from the trust store). */
bool tl_pair_serves(const struct tl_pair_info *info, const X509 *cert);

#endif
