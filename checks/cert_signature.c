/*
 * cert-self-signed and cert-weak-signature: who signed the served leaf and
 * how. Both read the path analysis of src/pair.c; a self-signed leaf is
 * reported here and nowhere in the chain family.
 */
#include <openssl/objects.h>

#include "checks.h"
#include "tls_view.h"
#include "site_certs.h"

static const struct tl_client_error self_signed_clients[] = {
	{"Chrome", "NET::ERR_CERT_AUTHORITY_INVALID"},
	{"Firefox", "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT"},
	{"OpenSSL/curl/Python", "self-signed certificate"},
	{"Go", "x509: certificate signed by unknown authority"},
	{"Java", "PKIX path building failed"},
	{NULL, NULL},
};

static const struct tl_client_error weak_signature_clients[] = {
	{"Chrome", "NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM"},
	{"Firefox", "SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED"},
	{"OpenSSL/curl", "CA signature digest algorithm too weak"},
	{"Go", "x509: cannot verify signature: insecure algorithm"},
	{NULL, NULL},
};

static void
self_signed(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	    const struct tl_pair_info *info)
{
	struct tl_finding *f;

	/* A self-signed leaf that is itself a trust anchor is what the user asked for. */
	if (!tl_pair_leaf_known(info) || info->chain_end != TL_CHAIN_SELF_SIGNED_LEAF)
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_SELF_SIGNED, site, pair,
			    "certificate '%s' is self-signed; only clients that have it installed "
			    "as trusted accept it, all others refuse the connection",
			    info->path_certs[0].subject);
	f->clients_see = self_signed_clients;
	tl_relate_leaf(ctx, f, pair, info->leaf);
}

void
tl_check_cert_self_signed(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, self_signed);
}

/* The name of a digest no client accepts in a certificate signature any more, or NULL. */
static const char *
weak_digest(int nid)
{
	switch (nid) {
	case NID_md2:
		return "MD2";
	case NID_md4:
		return "MD4";
	case NID_md5:
		return "MD5";
	case NID_sha1:
		return "SHA-1";
	default:
		return NULL;
	}
}

static void
weak_signature(struct tl_check_ctx *ctx, const struct tl_site *site,
	       const struct tl_cert_pair *pair, const struct tl_pair_info *info)
{
	bool from_string;
	int level;

	if (!tl_pair_leaf_known(info))
		return;
	/* SHA-1 and MD5 are below level 1's 80 bits: only level 0 lets them load. */
	level = tl_site_certificate_level(ctx, site, &from_string);
	for (int d = 0; d < info->npath; d++) {
		const struct tl_path_cert *pc = &info->path_certs[d];
		const char *md = weak_digest(pc->sig_md_nid);
		struct tl_finding *f;

		/*
		 * A self-signed certificate's own signature is never checked by
		 * clients (nor by OpenSSL's security level): trust in it is by identity.
		 */
		if (md == NULL || pc->self_signed)
			continue;
		if (d > 0 && pc->served_index < 0)
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				"intermediate CA '%s' (from the trust store) is signed "
				"with %s; clients that build the path through it reject it",
				pc->subject, md);
		else if (level == 0)
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				"%s '%s' is signed with %s; clients reject it, and the server "
				"loads it only because the cipher string lowers OpenSSL's "
				"security level to 0",
				d == 0 ? "certificate" : "intermediate CA", pc->subject, md);
		else
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				"%s '%s' is signed with %s; clients reject it, and OpenSSL at "
				"security level %d refuses to load it ('ca md too weak'), so the "
				"server %s",
				d == 0 ? "certificate" : "intermediate CA", pc->subject, md, level,
				tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
		f->clients_see = weak_signature_clients;
		tl_finding_relate(
			ctx->diag, f, pair->cert.written, (struct tl_loc){0}, "%s %s, issued by %s",
			d == 0 ? "leaf certificate" : "intermediate", pc->subject, pc->issuer);
	}
}

void
tl_check_cert_weak_signature(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, weak_signature);
}
