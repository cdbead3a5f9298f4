/*
 * The chain family: chain-incomplete, chain-untrusted, chain-order,
 * chain-contains-root, chain-extra-cert and chain-expired. All of them
 * read the one path analysis of src/pair.c (built from what the site
 * serves plus the trust store, never AIA, OCSP or CRLs), so that each
 * cause gets exactly one finding: a self-signed leaf is cert-self-signed
 * only, a leaf that is not first is chain-order only, and a pair whose
 * certificate or key could not be read is left to the file checks.
 */
#include <openssl/evp.h>

#include "checks.h"
#include "site_certs.h"

static const struct tl_client_error incomplete_clients[] = {
	{"OpenSSL/curl/Python", "unable to get local issuer certificate"},
	{"Go", "x509: certificate signed by unknown authority"},
	{"Java", "PKIX path building failed"},
	{"Chrome, when AIA fetching fails", "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"Firefox, when not preloaded", "SEC_ERROR_UNKNOWN_ISSUER"},
	{NULL, NULL},
};

static const struct tl_client_error untrusted_root_clients[] = {
	{"Chrome", "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"Firefox", "SEC_ERROR_UNKNOWN_ISSUER"},
	{"OpenSSL/curl/Python", "self-signed certificate in certificate chain"},
	{"Go", "x509: certificate signed by unknown authority"},
	{"Java", "PKIX path building failed"},
	{NULL, NULL},
};

static const struct tl_client_error untrusted_issuer_clients[] = {
	{"Chrome", "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"Firefox", "SEC_ERROR_UNKNOWN_ISSUER"},
	{"OpenSSL/curl/Python", "unable to get local issuer certificate"},
	{"Go", "x509: certificate signed by unknown authority"},
	{"Java", "PKIX path building failed"},
	{NULL, NULL},
};

static const struct tl_client_error expired_issuer_clients[] = {
	{"Chrome", "NET::ERR_CERT_DATE_INVALID"},
	{"Firefox", "SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE"},
	{"OpenSSL/curl", "certificate has expired"},
	{NULL, NULL},
};

static const struct tl_client_error not_yet_valid_issuer_clients[] = {
	{"Chrome", "NET::ERR_CERT_DATE_INVALID"},
	{"Firefox", "MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE"},
	{"OpenSSL/curl", "certificate is not yet valid"},
	{NULL, NULL},
};

static void
relate_leaf(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
	    const struct tl_pair_info *info)
{
	tl_finding_relate(ctx->diag, f, pair->cert.written, (struct tl_loc){0},
			  "leaf certificate %s, issued by %s", info->path_certs[0].subject,
			  info->path_certs[0].issuer);
}

/* "certificate 2 of '/etc/ssl/x.pem'" style position of served certificate I (0-based). */
static const char *
position(struct tl_check_ctx *ctx, const struct tl_cert_pair *pair, int i)
{
	return tl_diag_printf(ctx->arena, "certificate %d of '%s'", i + 1, pair->cert.written);
}

static void
incomplete(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	   const struct tl_pair_info *info)
{
	struct tl_finding *f;

	if (!tl_pair_leaf_known(info) || info->chain_end != TL_CHAIN_INCOMPLETE)
		return;
	f = tl_cert_finding(ctx, TL_CK_CHAIN_INCOMPLETE, site, pair,
			    "certificate chain is incomplete: the issuer of the leaf ('%s') is "
			    "not served; Chrome may hide this by fetching it (AIA) and Firefox by "
			    "its intermediate preloading, which is why it reaches production, "
			    "but curl, OpenSSL, Python, Go, Java and Android clients fail",
			    info->path_certs[0].issuer);
	f->clients_see = incomplete_clients;
	relate_leaf(ctx, f, pair, info);
}

void
tl_check_chain_incomplete(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, incomplete);
}

static void
untrusted(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	  const struct tl_pair_info *info)
{
	const struct tl_path_cert *top;
	struct tl_finding *f;

	if (!tl_pair_leaf_known(info))
		return;
	top = &info->path_certs[info->npath - 1];
	if (info->chain_end == TL_CHAIN_UNTRUSTED_ROOT) {
		f = tl_cert_finding(ctx, TL_CK_CHAIN_UNTRUSTED, site, pair,
				    "certificate chain ends at root '%s', which is not a trust "
				    "anchor; clients that do not trust this CA refuse the "
				    "certificate%s",
				    top->subject,
				    top->served_index >= 0
					    ? ", and serving the root does not make them trust it"
					    : "");
		f->clients_see = untrusted_root_clients;
	} else if (info->chain_end == TL_CHAIN_UNTRUSTED_ISSUER) {
		f = tl_cert_finding(ctx, TL_CK_CHAIN_UNTRUSTED, site, pair,
				    "certificate chain ends at '%s', whose issuer '%s' is not a "
				    "trust anchor; clients that do not trust that CA refuse the "
				    "certificate",
				    top->subject, top->issuer);
		f->clients_see = untrusted_issuer_clients;
	} else {
		return;
	}
	relate_leaf(ctx, f, pair, info);
	if (top->served_index >= 0)
		tl_finding_relate(ctx->diag, f, pair->cert.written, (struct tl_loc){0},
				  "certificate %d: %s", top->served_index + 1, top->subject);
}

void
tl_check_chain_untrusted(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, untrusted);
}

/* The depth of the first served CA certificate that comes before the one it issued, or 0. */
static int
misplaced_issuer(const struct tl_pair_info *info)
{
	int prev = info->path_certs[0].served_index;

	for (int d = 1; d < info->npath; d++) {
		int at = info->path_certs[d].served_index;

		if (at < 0)
			continue;
		if (at < prev)
			return d;
		prev = at;
	}
	return 0;
}

static void
order(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
      const struct tl_pair_info *info)
{
	struct tl_finding *f;
	int d;

	if (!tl_pair_leaf_known(info))
		return;
	if (info->leaf_index > 0) {
		X509 *first = sk_X509_value(info->served, 0);
		bool same_type =
			info->key != NULL && EVP_PKEY_get_base_id(X509_get0_pubkey(first)) ==
						     EVP_PKEY_get_base_id(info->key);

		f = tl_cert_finding(
			ctx, TL_CK_CHAIN_ORDER, site, pair,
			"the leaf certificate ('%s') is certificate %d of '%s', not the first; "
			"the server pairs the key with the first certificate ('%s'), %s",
			info->path_certs[0].subject, info->leaf_index + 1, pair->cert.written,
			info->served_subjects[0],
			same_type
				? tl_diag_printf(ctx->arena, "so it %s",
						 tl_fault_text(site->facts, TL_FAULT_KEY_MISMATCH))
				: "which the key does not belong to, so handshakes fail");
		relate_leaf(ctx, f, pair, info);
		return;
	}
	d = misplaced_issuer(info);
	if (d == 0)
		return;
	f = tl_cert_finding(
		ctx, TL_CK_CHAIN_ORDER, site, pair,
		"certificates are out of order: '%s' (%s) issued '%s' (certificate "
		"%d) and must come directly after it; TLS requires each certificate "
		"to be followed by its issuer and clients that do not reorder the "
		"chain fail",
		info->path_certs[d].subject, position(ctx, pair, info->path_certs[d].served_index),
		info->path_certs[d - 1].subject, info->path_certs[d - 1].served_index + 1);
	relate_leaf(ctx, f, pair, info);
}

void
tl_check_chain_order(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, order);
}

static void
contains_root(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	      const struct tl_pair_info *info)
{
	const struct tl_path_cert *top;
	struct tl_finding *f;

	/* An untrusted served root is chain-untrusted's story. */
	if (!tl_pair_leaf_known(info) || info->chain_end != TL_CHAIN_TRUSTED || info->npath < 2)
		return;
	top = &info->path_certs[info->npath - 1];
	if (!top->self_signed || top->served_index < 0)
		return;
	f = tl_cert_finding(ctx, TL_CK_CHAIN_CONTAINS_ROOT, site, pair,
			    "the chain includes the root '%s' (%s); clients use their own copy of "
			    "a trust anchor, so it only adds bytes to every handshake",
			    top->subject, position(ctx, pair, top->served_index));
	relate_leaf(ctx, f, pair, info);
}

void
tl_check_chain_contains_root(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, contains_root);
}

static void
extra_cert(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	   const struct tl_pair_info *info)
{
	struct tl_finding *f;

	if (!tl_pair_leaf_known(info))
		return;
	for (int i = 0; i < sk_X509_num(info->served); i++) {
		int dup = info->served_dup_of[i];

		if (info->served_depth[i] >= 0)
			continue;
		if (dup >= 0)
			f = tl_cert_finding(ctx, TL_CK_CHAIN_EXTRA_CERT, site, pair,
					    "%s ('%s') is a copy of certificate %d; it is sent "
					    "twice in every handshake",
					    position(ctx, pair, i), info->served_subjects[i],
					    dup + 1);
		else
			f = tl_cert_finding(ctx, TL_CK_CHAIN_EXTRA_CERT, site, pair,
					    "%s ('%s') is not on the chain from the leaf to a "
					    "trust anchor; it is sent in every handshake and "
					    "never used",
					    position(ctx, pair, i), info->served_subjects[i]);
		relate_leaf(ctx, f, pair, info);
	}
}

void
tl_check_chain_extra_cert(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, extra_cert);
}

static void
expired(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	const struct tl_pair_info *info)
{
	if (!tl_pair_leaf_known(info))
		return;
	/* Depth 0 is the leaf: cert-expired and cert-not-yet-valid report it. */
	for (int d = 1; d < info->npath; d++) {
		const struct tl_path_cert *pc = &info->path_certs[d];
		const char *what = pc->self_signed ? "root" : "intermediate CA";
		const char *where = pc->served_index >= 0 ? "served" : "from the trust store";
		struct tl_finding *f;

		if (tl_pair_has_error(info, X509_V_ERR_CERT_HAS_EXPIRED, d)) {
			f = tl_cert_finding(ctx, TL_CK_CHAIN_EXPIRED, site, pair,
					    "%s '%s' (%s) expired on %s, %lld days ago; clients "
					    "reject the chain although the leaf is valid",
					    what, pc->subject, where, pc->not_after,
					    (long long)((ctx->now - pc->not_after_t) / 86400));
			f->clients_see = expired_issuer_clients;
		} else if (tl_pair_has_error(info, X509_V_ERR_CERT_NOT_YET_VALID, d)) {
			f = tl_cert_finding(ctx, TL_CK_CHAIN_EXPIRED, site, pair,
					    "%s '%s' (%s) is not valid before %s; clients reject "
					    "the chain until then",
					    what, pc->subject, where, pc->not_before);
			f->clients_see = not_yet_valid_issuer_clients;
		} else {
			continue;
		}
		relate_leaf(ctx, f, pair, info);
	}
}

void
tl_check_chain_expired(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, expired);
}
