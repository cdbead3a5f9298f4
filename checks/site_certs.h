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

/*
 * Calls FN for each chain certificate of PAIR as the server loads it. First
 * the certificate file's after its first: every server adds those to the
 * chain through a call that judges them at the level certificates load at
 * (nginx's SSL_CTX_add0_chain_cert, httpd's SSL_CTX_use_certificate_chain_file,
 * HAProxy's SSL_CTX_set1_chain; "ca key too small", "ca md too weak"), so
 * JUDGED is true. Then a chain file's (httpd's SSLCertificateChainFile), which
 * goes to SSL_CTX_add_extra_chain_cert and is judged by nothing: httpd 2.4.71
 * starts with an RSA-1024 intermediate there. WHERE names the certificate
 * ("certificate 2 of 'FILE'"); ON_PATH says whether the path from the leaf uses it
 * (true too when which certificate is the leaf is not known: the key matches none).
 */
void tl_each_chain_cert(struct tl_check_ctx *ctx, const struct tl_site *site,
			const struct tl_cert_pair *pair, const struct tl_pair_info *info,
			void (*fn)(struct tl_check_ctx *ctx, const struct tl_site *site,
				   const struct tl_cert_pair *pair, X509 *cert, const char *where,
				   bool judged, bool on_path));

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
