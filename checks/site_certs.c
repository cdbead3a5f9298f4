/* Shared walking of site certificates for the certificate checks. */
#include "site_certs.h"

#include <openssl/bio.h>
#include <stdarg.h>
#include <time.h>

void
tl_each_site_cert(struct tl_check_ctx *ctx,
		  void (*fn)(struct tl_check_ctx *ctx, const struct tl_site *site,
			     const struct tl_cert_pair *pair, const struct tl_pair_info *info))
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_cert_list *certs = &site->tls.certs;

		if (site->tls_unread)
			continue;
		for (size_t k = 0; k < certs->n; k++) {
			const struct tl_cert_pair *pair = &certs->pairs[k];

			if (pair->cert.written == NULL || pair->cert.dynamic)
				continue;
			fn(ctx, site, pair, tl_pair_info_get(&ctx->an, pair));
		}
	}
}

static bool
on_path(const struct tl_pair_info *info, X509 *cert)
{
	for (int d = 1; d < info->npath; d++)
		if (X509_cmp(info->path_certs[d].cert, cert) == 0)
			return true;
	return false;
}

void
tl_each_chain_cert(struct tl_check_ctx *ctx, const struct tl_site *site,
		   const struct tl_cert_pair *pair, const struct tl_pair_info *info,
		   void (*fn)(struct tl_check_ctx *ctx, const struct tl_site *site,
			      const struct tl_cert_pair *pair, X509 *cert, const char *where,
			      bool judged, bool on_path))
{
	STACK_OF(X509) * files[2] = {info->cert_file->certs,
				     info->chain_file != NULL ? info->chain_file->certs : NULL};
	const char *names[2] = {pair->cert.written, pair->chain.written};

	for (int k = 0; k < 2; k++)
		for (int i = k == 0 ? 1 : 0; i < sk_X509_num(files[k]); i++) {
			X509 *cert = sk_X509_value(files[k], i);

			fn(ctx, site, pair, cert,
			   tl_diag_printf(ctx->arena, "certificate %d of '%s'", i + 1, names[k]),
			   k == 0, !tl_pair_leaf_known(info) || on_path(info, cert));
		}
}

static struct tl_finding *
site_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
	     struct tl_loc loc, const char *fmt, va_list ap)
{
	struct tl_finding *f = tl_diag_vadd(ctx->diag, check, loc, fmt, ap);

	f->server = tl_server_name(site->server);
	f->site = site->label;
	return f;
}

struct tl_finding *
tl_site_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
		struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = site_finding(ctx, check, site, loc.src != NULL ? loc : site->loc, fmt, ap);
	va_end(ap);
	return f;
}

struct tl_finding *
tl_cert_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
		const struct tl_cert_pair *pair, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = site_finding(ctx, check, site, pair->cert_dir, fmt, ap);
	va_end(ap);
	return f;
}

struct tl_finding *
tl_cert_finding_at(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
		   struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = site_finding(ctx, check, site, loc, fmt, ap);
	va_end(ap);
	return f;
}

void
tl_relate_leaf(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
	       X509 *leaf)
{
	tl_finding_relate(ctx->diag, f, pair->cert.written, (struct tl_loc){0},
			  "leaf certificate %s", tl_cert_subject(ctx->arena, leaf));
}
