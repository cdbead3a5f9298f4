/*
 * A site's server SSL_CTX, built from the model the way its server builds
 * it at start-up (issue 13, item 1): certificates and keys with the chain
 * each sends, protocol range, TLS <= 1.2 cipher string and preference,
 * TLS 1.3 suites, groups, DH parameters, options and the OpenSSL
 * configuration commands the server applies last. Sites whose settings
 * are the same share one context: the key is everything that shapes it.
 */
#ifndef TL_SIM_SERVER_CTX_H
#define TL_SIM_SERVER_CTX_H

#include <stdbool.h>
#include <stddef.h>

#include <openssl/ssl.h>

#include "analysis.h"
#include "model.h"
#include "strmap.h"

#define TL_SIM_MAX_CERTS 8

/* One certificate a context serves, with what the server sends after it. */
struct tl_sim_cert {
	const struct tl_cert_pair *pair; /* the pair of the config it comes from */
	X509 *leaf;
	STACK_OF(X509) * chain; /* the leaf first, then the rest in the order sent */
	/*
	 * The key is locked (no passphrase the config gives opens it, or the
	 * server asks a program): the context holds a stand-in key of the same
	 * type and size, so key type and size decide as they would.
	 */
	bool stand_in_key;
};

struct tl_server_ctx {
	SSL_CTX *ctx; /* NULL when it could not be built (refusal says why) */
	/*
	 * What OpenSSL refused while building it, in the server's order (a
	 * cipher string that enables nothing, a key too small for the
	 * security level, …), or NULL. The lint checks report each of these;
	 * the simulation says the site does not start, or fails handshakes.
	 */
	const char *refusal;
	struct tl_sim_cert certs[TL_SIM_MAX_CERTS];
	size_t ncerts;
	bool stapling; /* OCSP stapling is on (whether a response would be there is not known) */
	/* Settings the simulation could not take from the config: "certificate path has variables".
	 */
	const char *unmodelled;
	const char *key; /* what it was built from, for sharing */
	/*
	 * What the server's answer to a hello depends on: the settings, and of
	 * each certificate only its key type and size and its signature
	 * algorithm. Contexts that differ only in which certificate of a kind
	 * they serve (thousands of sites, each its own) answer alike, so the
	 * simulation runs their handshakes once.
	 */
	const char *decision_key;
};

/* The contexts of one simulation, built on first use. */
struct tl_server_ctxs {
	struct tl_analysis *an;
	struct tl_strmap by_key; /* struct tl_server_ctx * */
	size_t built;
};

void tl_server_ctxs_init(struct tl_server_ctxs *ctxs, struct tl_analysis *an);

/* The context a client of SITE handshakes with, once SNI chose SITE. Never NULL. */
const struct tl_server_ctx *tl_server_ctx_for(struct tl_server_ctxs *ctxs,
					      const struct tl_site *site);

/* The served certificate of CTX whose leaf is CERT (what the first flight chose), or NULL. */
const struct tl_sim_cert *tl_server_ctx_cert(const struct tl_server_ctx *ctx, const X509 *cert);

#endif
