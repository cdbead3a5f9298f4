/*
 * The words each client family shows for each way a certificate fails
 * (client_words.c), filled in from what the verdict found.
 */
#ifndef TL_SIM_CLIENT_WORDS_H
#define TL_SIM_CLIENT_WORDS_H

#include <stdbool.h>

#include "arena.h"
#include "client_verify.h"

/* What the words may quote; NULL or "" where it does not apply. */
struct tl_words_context {
	const char *name;                   /* the host name the client asked for */
	int x509_error;                     /* OpenSSL's X509_V_ERR_* for the problem, 0 if none */
	const char *reason;                 /* the verdict's reason */
	const char *dns_names;              /* the leaf's dNSNames, ", "-separated (Go) */
	const char *sans;                   /* "DNS:a, DNS:b, IP:…" (Node) */
	const char *now;                    /* RFC 3339, UTC */
	const char *not_before, *not_after; /* of the certificate at fault, RFC 3339 */
	const char *issuer_cn;              /* CN of the issuer of the certificate at fault */
	const char *sigalg;                 /* Go's name of a refused signature: "SHA1-RSA" */
	bool leaf_only;                     /* the server sent the leaf alone */
};

/* What FAMILY's client shows for PROBLEM, or NULL when not known. */
const char *tl_client_words(struct tl_arena *arena, const char *family,
			    enum tl_cert_problem problem, const struct tl_words_context *ctx);

#endif
