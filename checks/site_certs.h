/* Walking the certificates the sites of the model name, shared by the certificate checks. */
#ifndef TL_SITE_CERTS_H
#define TL_SITE_CERTS_H

#include <time.h>

#include "certstore.h"
#include "model.h"
#include "check_ctx.h"
#include "pair.h"
#include "x509fmt.h"

/*
 * Calls FN for every certificate of every site whose path is known (not
 * resolved per handshake), with the analysis of the pair (src/pair.h). The
 * same directive reached from several sites yields one finding after
 * de-duplication, with the other sites listed as related.
 */
void tl_each_site_cert(struct tl_check_ctx *ctx,
		       void (*fn)(struct tl_check_ctx *ctx, const struct tl_site *site,
				  const struct tl_cert_pair *pair,
				  const struct tl_pair_info *info));

/* A finding of SITE at LOC (the site itself when LOC is none), server and site filled in. */
struct tl_finding *tl_site_finding(struct tl_check_ctx *ctx, enum tl_check_id check,
				   const struct tl_site *site, struct tl_loc loc, const char *fmt,
				   ...) __attribute__((format(printf, 5, 6)));

/* A finding at the directive that names PAIR's certificate, for SITE. */
struct tl_finding *tl_cert_finding(struct tl_check_ctx *ctx, enum tl_check_id check,
				   const struct tl_site *site, const struct tl_cert_pair *pair,
				   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same at LOC (the directive naming another file of the pair: its chain). */
struct tl_finding *tl_cert_finding_at(struct tl_check_ctx *ctx, enum tl_check_id check,
				      const struct tl_site *site, struct tl_loc loc,
				      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Adds "FILE: leaf certificate CN=…" to F: which certificate the finding is about. */
void tl_relate_leaf(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
		    X509 *leaf);

#endif
