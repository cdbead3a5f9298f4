/*
 * cert-expired, cert-not-yet-valid and cert-expiring: the served leaf
 * certificate's validity period against --now. Intermediates are
 * chain-expired's business.
 */
#include <openssl/asn1.h>
#include <time.h>

#include "checks.h"
#include "site_certs.h"

static const struct tl_client_error expired_clients[] = {
	{"Chrome", "NET::ERR_CERT_DATE_INVALID"},
	{"Firefox", "SEC_ERROR_EXPIRED_CERTIFICATE"},
	{"OpenSSL/curl", "certificate has expired"},
	{"Java", "CertificateExpiredException"},
	{NULL, NULL},
};

static const struct tl_client_error not_yet_valid_clients[] = {
	{"Chrome", "NET::ERR_CERT_DATE_INVALID"},
	{"Firefox", "MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE"},
	{"OpenSSL/curl", "certificate is not yet valid"},
	{"Java", "CertificateNotYetValidException"},
	{NULL, NULL},
};

static void
expired(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	const struct tl_pair_info *info)
{
	X509 *leaf = info->leaf;
	time_t end;
	struct tl_finding *f;

	if (leaf == NULL)
		return;
	end = tl_asn1_time(X509_get0_notAfter(leaf));
	if (end >= ctx->now)
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_EXPIRED, site, pair,
			    "certificate expired on %s, %lld days ago", tl_date(ctx->arena, end),
			    (long long)((ctx->now - end) / 86400));
	f->clients_see = expired_clients;
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_expired(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, expired);
}

static void
not_yet_valid(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	      const struct tl_pair_info *info)
{
	X509 *leaf = info->leaf;
	time_t start;
	struct tl_finding *f;

	if (leaf == NULL)
		return;
	start = tl_asn1_time(X509_get0_notBefore(leaf));
	if (start <= ctx->now)
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_NOT_YET_VALID, site, pair,
			    "certificate is not valid before %s, %lld days from now",
			    tl_date(ctx->arena, start),
			    (long long)((start - ctx->now + 86399) / 86400));
	f->clients_see = not_yet_valid_clients;
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_not_yet_valid(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, not_yet_valid);
}

static void
expiring(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	 const struct tl_pair_info *info)
{
	X509 *leaf = info->leaf;
	time_t end;
	long long days;
	struct tl_finding *f;

	if (leaf == NULL)
		return;
	end = tl_asn1_time(X509_get0_notAfter(leaf));
	/* Already expired is cert-expired; not yet valid is its own finding too. */
	if (end < ctx->now || tl_asn1_time(X509_get0_notBefore(leaf)) > ctx->now)
		return;
	days = (long long)((end - ctx->now) / 86400);
	if (days >= ctx->expiry_warning_days)
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_EXPIRING, site, pair,
			    "certificate expires on %s, in %lld days (warning at %d days)",
			    tl_date(ctx->arena, end), days, ctx->expiry_warning_days);
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_expiring(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, expiring);
}
