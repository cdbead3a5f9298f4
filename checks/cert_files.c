/*
 * cert-missing and cert-unparsable: the certificate file a directive names,
 * and the chain file beside it, must exist, be readable and hold
 * certificates, or the server refuses to start (nginx: 'cannot load
 * certificate'; what each server does comes from its facts).
 */
#include <string.h>

#include "checks.h"
#include "fsutil.h"
#include "site_certs.h"

/* Shows where a file was looked for when --root or a prefix changed the path. */
static void
relate_path(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_file_ref *ref,
	    const struct tl_cert_file *file)
{
	if (strcmp(ref->written, file->path) != 0)
		tl_finding_relate(ctx->diag, f, file->path, (struct tl_loc){0},
				  "read from this path on this machine");
}

static void
missing(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	const struct tl_pair_info *info)
{
	struct tl_finding *f;

	if (info->cert_file->read_error != 0) {
		f = tl_cert_finding(ctx, TL_CK_CERT_MISSING, site, pair,
				    "cannot read certificate '%s': %s; the server %s",
				    pair->cert.written, tl_file_error(info->cert_file->read_error),
				    tl_file_fault_text(site->facts, TL_FAULT_CERTIFICATE,
						       info->cert_file->read_error));
		relate_path(ctx, f, &pair->cert, info->cert_file);
	}
	if (info->chain_file != NULL && info->chain_file->read_error != 0) {
		f = tl_cert_finding_at(ctx, TL_CK_CERT_MISSING, site, pair->chain_dir,
				       "cannot read certificate chain '%s': %s; the server %s",
				       pair->chain.written,
				       tl_file_error(info->chain_file->read_error),
				       tl_file_fault_text(site->facts, TL_FAULT_CERTIFICATE,
							  info->chain_file->read_error));
		relate_path(ctx, f, &pair->chain, info->chain_file);
	}
}

void
tl_check_cert_missing(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, missing);
}

/*
 * What the server does with a chain file that holds no certificate: one
 * with a broken block (MALFORMED) may stop it where a file without any
 * PEM block does not.
 */
static const char *
chain_empty_text(const struct tl_server_facts *facts, bool malformed)
{
	const char *what = NULL;

	if (malformed)
		what = tl_fault_consequence(facts, TL_FAULT_CHAIN_MALFORMED);
	if (what == NULL)
		what = tl_fault_consequence(facts, TL_FAULT_CHAIN_EMPTY);

	return what != NULL ? what : "starts and sends no intermediate certificate";
}

static void
unparsable(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	   const struct tl_pair_info *info)
{
	const struct tl_cert_file *chain = info->chain_file;
	struct tl_finding *f;

	if (info->cert_file->read_error == 0 && sk_X509_num(info->cert_file->certs) == 0) {
		f = tl_cert_finding(ctx, TL_CK_CERT_UNPARSABLE, site, pair,
				    "certificate file '%s' cannot be loaded: %s; the server %s",
				    pair->cert.written,
				    info->cert_file->cert_error ? info->cert_file->cert_error
								: "no PEM block",
				    tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
		relate_path(ctx, f, &pair->cert, info->cert_file);
	}
	if (chain != NULL && chain->read_error == 0 && sk_X509_num(chain->certs) == 0) {
		f = tl_cert_finding_at(
			ctx, TL_CK_CERT_UNPARSABLE, site, pair->chain_dir,
			"certificate chain file '%s' cannot be loaded: %s; the server %s",
			pair->chain.written, chain->cert_error ? chain->cert_error : "no PEM block",
			chain_empty_text(site->facts, chain->cert_malformed));
		relate_path(ctx, f, &pair->chain, chain);
	}
}

void
tl_check_cert_unparsable(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, unparsable);
}
