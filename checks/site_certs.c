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

		for (size_t k = 0; k < certs->n; k++) {
			const struct tl_cert_pair *pair = &certs->pairs[k];

			if (pair->cert.written == NULL || pair->cert.dynamic)
				continue;
			fn(ctx, site, pair, tl_pair_info_get(ctx, pair));
		}
	}
}

struct tl_finding *
tl_cert_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
		const struct tl_cert_pair *pair, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(ctx->diag, check, pair->cert_dir, fmt, ap);
	va_end(ap);
	f->server = tl_server_name(site->server);
	f->site = site->label;
	return f;
}

void
tl_relate_leaf(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
	       X509 *leaf)
{
	tl_finding_relate(ctx->diag, f, pair->cert.written, (struct tl_loc){0},
			  "leaf certificate %s", tl_cert_subject(ctx->arena, leaf));
}

const char *
tl_x509_name(struct tl_arena *arena, const X509_NAME *name)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data = NULL;
	long len;
	const char *s;

	if (bio == NULL)
		return "";
	X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
	len = BIO_get_mem_data(bio, &data);
	s = tl_arena_strndup(arena, data ? data : "", len > 0 ? (size_t)len : 0);
	BIO_free(bio);
	return s;
}

const char *
tl_cert_subject(struct tl_arena *arena, X509 *cert)
{
	return tl_x509_name(arena, X509_get_subject_name(cert));
}

time_t
tl_asn1_time(const ASN1_TIME *t)
{
	struct tm tm;

	if (ASN1_TIME_to_tm(t, &tm) != 1)
		return 0;
	return timegm(&tm);
}

const char *
tl_date(struct tl_arena *arena, time_t t)
{
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return tl_arena_strdup(arena, buf);
}
