/*
 * cert-self-signed and cert-weak-signature: who signed the served leaf and
 * how. Both read the path analysis of src/pair.c; a self-signed leaf is
 * reported here and nowhere in the chain family.
 */
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include "checks.h"
#include "tls_view.h"
#include "site_certs.h"
#include "x509fmt.h"

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
relate_signed(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
	      const char *what, X509 *cert)
{
	tl_finding_relate(ctx->diag, f, pair->cert.written, (struct tl_loc){0},
			  "%s %s, issued by %s", what, tl_cert_subject(ctx->arena, cert),
			  tl_x509_name(ctx->arena, X509_get_issuer_name(cert)));
}

/*
 * A chain certificate signed with a weak digest: one the server judges as
 * it loads the chain stops it above level 0 (SHA-1 gives 63 bits, level 1
 * asks 80); one the path uses is rejected by clients either way. A
 * self-signed one's own signature is never checked (trust in it is by
 * identity), neither by clients nor by OpenSSL's security level.
 */
static void
weak_chain_signature(struct tl_check_ctx *ctx, const struct tl_site *site,
		     const struct tl_cert_pair *pair, X509 *cert, const char *where, bool judged,
		     bool on_path)
{
	int md_nid = NID_undef;
	const char *md = X509_get_signature_info(cert, &md_nid, NULL, NULL, NULL) == 1
				 ? weak_digest(md_nid)
				 : NULL;
	const char *subject;
	bool from_string;
	int level = tl_site_certificate_level(ctx, site, &from_string);
	struct tl_finding *f;

	if (md == NULL || (X509_get_extension_flags(cert) & EXFLAG_SS))
		return;
	/* Formatted only for a finding: this runs per site and chain certificate. */
	subject = tl_cert_subject(ctx->arena, cert);
	if (judged && level > 0)
		f = tl_cert_finding(ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				    "%s '%s' (%s) is signed with %s; %sOpenSSL at security level "
				    "%d refuses to load it ('ca md too weak'), so the server %s",
				    on_path ? "intermediate CA" : "certificate", subject, where, md,
				    on_path ? "clients reject it, and "
					    : "it is not on the path from the leaf, and ",
				    level, tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
	else if (on_path)
		f = tl_cert_finding_at(
			ctx, TL_CK_CERT_WEAK_SIGNATURE, site,
			judged ? pair->cert_dir : pair->chain_dir,
			"intermediate CA '%s' (%s) is signed with %s; clients reject "
			"it, and the server loads it only because %s",
			subject, where, md,
			judged ? "the cipher string lowers OpenSSL's security level to 0"
			       : "nothing checks the chain file's certificates");
	else
		return;
	if (on_path)
		f->clients_see = weak_signature_clients;
	relate_signed(ctx, f, pair, on_path ? "intermediate" : "certificate", cert);
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

		/* The served chain certificates are weak_chain_signature's. */
		if (md == NULL || pc->self_signed || (d > 0 && pc->served_index >= 0))
			continue;
		if (d > 0)
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				"intermediate CA '%s' (from the trust store) is signed "
				"with %s; clients that build the path through it reject it",
				pc->subject, md);
		else if (level == 0)
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
				"certificate '%s' is signed with %s; clients reject it, "
				"and the server loads it only because the cipher string "
				"lowers OpenSSL's security level to 0",
				pc->subject, md);
		else
			f = tl_cert_finding(ctx, TL_CK_CERT_WEAK_SIGNATURE, site, pair,
					    "certificate '%s' is signed with %s; clients reject "
					    "it, and OpenSSL "
					    "at security level %d refuses to load it ('ca md too "
					    "weak'), so the "
					    "server %s",
					    pc->subject, md, level,
					    tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
		f->clients_see = weak_signature_clients;
		tl_finding_relate(
			ctx->diag, f, pair->cert.written, (struct tl_loc){0}, "%s %s, issued by %s",
			d == 0 ? "leaf certificate" : "intermediate", pc->subject, pc->issuer);
	}
	tl_each_chain_cert(ctx, site, pair, info, weak_chain_signature);
}

void
tl_check_cert_weak_signature(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, weak_signature);
}
