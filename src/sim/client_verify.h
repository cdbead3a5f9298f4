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

#include "arena.h"
#include "profile.h"

/* How a client family treats certificates; NULL text: not known. */
struct tl_client_facts {
	const char *family;
	/* Fetches a missing intermediate from the leaf's AIA caIssuers URL. */
	bool aia_fetch;
	unsigned min_rsa_bits; /* RSA keys below this are refused (leaf and chain) */
	bool sha1_refused;     /* SHA-1 signatures on certificates below the root */
	bool must_staple;      /* a must-staple leaf without a stapled response fails */
	bool checks_eku;       /* a leaf whose EKU lacks serverAuth fails */
	const char *source;    /* where these facts come from */
};

/* The facts of FAMILY (profile.h), or a conservative default (no AIA, 2048-bit RSA). */
const struct tl_client_facts *tl_client_facts_for(const char *family);

enum tl_client_stage {
	TL_CLIENT_OK,
	TL_CLIENT_CERTIFICATE, /* the client rejects the certificate or chain */
};

struct tl_client_verdict {
	enum tl_client_stage stage;
	const char
		*reason; /* "certificate has expired", "unable to get local issuer certificate" */
	const char
		*words;   /* what the client shows, e.g. "NET::ERR_CERT_DATE_INVALID"; NULL: none */
	bool aia_fetched; /* it would only connect by fetching a missing intermediate */
};

/*
 * What the client of PROFILE makes of CHAIN (the leaf first, then what the
 * server sends after it) for the host name NAME (NULL: no name, no
 * hostname check) at NOW, against the trust anchors TRUST; STAPLED: the
 * server staples an OCSP response. Strings are static or from ARENA.
 */
void tl_client_verify(struct tl_arena *arena, const struct tl_client_profile *profile,
		      STACK_OF(X509) * chain, const char *name, time_t now, X509_STORE *trust,
		      bool stapled, struct tl_client_verdict *out);

#endif
