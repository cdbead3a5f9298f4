/*
 * Why a server refused a client's hello, in words a user can act on, and
 * which setting to change (issue 13, item 5): "no suite in common: the
 * suites both have need an ECDSA certificate and the site serves RSA".
 * OpenSSL only says "no shared cipher"; this compares what the client
 * offers (hello_offer.h) with what the site enables, through the cipher
 * engine's table, which also knows the suites the linked OpenSSL lacks
 * (RC4, 3DES, EXPORT): what a server with such a library would have
 * chosen is computed here, never run.
 */
#ifndef TL_SIM_REFUSAL_H
#define TL_SIM_REFUSAL_H

#include <stdbool.h>

#include "arena.h"
#include "hello_offer.h"
#include "model.h"
#include "server_ctx.h"

/* The setting a refusal is down to. */
enum tl_sim_cause {
	TL_CAUSE_OTHER,     /* OpenSSL's reason is all there is */
	TL_CAUSE_PROTOCOLS, /* no version in common */
	TL_CAUSE_CIPHERS,  /* no TLS <= 1.2 suite in common (or none usable with the certificate) */
	TL_CAUSE_SUITES13, /* no TLS 1.3 suite in common, and no older version to fall back to */
	TL_CAUSE_GROUPS,   /* only ECDHE suites in common, and no group */
	TL_CAUSE_CERTIFICATE, /* no certificate the shared suites can use */
};

struct tl_refusal {
	enum tl_sim_cause cause;
	const char *why; /* a sentence, or NULL */
	/*
	 * The suites in common are ones the linked OpenSSL cannot negotiate:
	 * what a server with a library that can would choose (computed).
	 */
	bool computed;
	unsigned version, suite;
};

/* Explains why the context SC of SITE refused the hello that offers OFFER. */
void tl_refusal_explain(struct tl_arena *arena, const struct tl_site *site,
			const struct tl_server_ctx *sc, const struct tl_hello_offer *offer,
			struct tl_refusal *out);

#endif
