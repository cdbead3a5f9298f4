/*
 * Properties of the served leaf certificate that clients or the server's
 * TLS library judge: cert-weak-key, cert-lifetime, cert-is-ca, cert-eku,
 * cert-must-staple and cert-type. They judge the leaf the key belongs to,
 * and stay silent on a pair whose certificate or key could not be loaded
 * (that pair already has its finding).
 */
#include <openssl/asn1.h>
#include <openssl/x509v3.h>

#include "checks.h"
#include "tls_view.h"
#include "keyinfo.h"
#include "site_certs.h"
#include "x509fmt.h"

static const struct tl_client_error weak_key_clients[] = {
	{"Chrome", "NET::ERR_CERT_WEAK_KEY"},
	{"Firefox", "MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE"},
	{"OpenSSL/curl", "EE certificate key too weak"},
	{NULL, NULL},
};

static const struct tl_client_error lifetime_clients[] = {
	{"Chrome", "NET::ERR_CERT_VALIDITY_TOO_LONG"},
	{"Firefox", "MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG"},
	{NULL, NULL},
};

static const struct tl_client_error is_ca_clients[] = {
	{"Firefox", "MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY"},
	{NULL, NULL},
};

static const struct tl_client_error eku_clients[] = {
	{"OpenSSL/curl", "unsuitable certificate purpose"},
	{"Go", "x509: certificate specifies an incompatible key usage"},
	{"Java", "Extended key usage does not permit use for TLS server authentication"},
	{"Firefox", "SEC_ERROR_INADEQUATE_CERT_TYPE"},
	{NULL, NULL},
};

static const struct tl_client_error must_staple_clients[] = {
	{"Firefox", "MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING"},
	{NULL, NULL},
};

/* The smallest size clients and the policy accept for a key of PUB's type; 0: not judged. */
static int
key_minimum(const struct tl_check_ctx *ctx, EVP_PKEY *pub)
{
	int type = EVP_PKEY_get_base_id(pub);

	if (type == EVP_PKEY_RSA || type == EVP_PKEY_RSA_PSS || type == EVP_PKEY_DSA)
		return ctx->policy->rsa_key_size > 0 ? ctx->policy->rsa_key_size : TL_MIN_RSA_BITS;
	if (type == EVP_PKEY_EC)
		return TL_MIN_EC_BITS;
	return 0;
}

static void
weak_key(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	 const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	EVP_PKEY *pub = leaf ? X509_get0_pubkey(leaf) : NULL;
	int bits, min, secbits, level, need;
	bool from_string;
	struct tl_finding *f;

	if (pub == NULL || (min = key_minimum(ctx, pub)) == 0)
		return;
	bits = EVP_PKEY_get_bits(pub);
	secbits = EVP_PKEY_get_security_bits(pub);
	level = tl_site_certificate_level(ctx, site, &from_string);
	need = tl_level_security_bits(level);
	/*
	 * Below 112 security bits (RSA 2048, EC 224) OpenSSL's security
	 * level 2 refuses the key on both ends; above that only the policy
	 * asks for more, and no client fails, unless the cipher string
	 * raises the level the server loads its certificate at (3: 128 bits,
	 * which RSA 2048 does not have).
	 */
	if (bits >= min && secbits >= need)
		return;
	if (secbits < 112) {
		if (secbits >= need)
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_KEY, site, pair,
				"certificate has a %d-bit %s key, below the %d bits required; "
				"the server loads it only because the cipher string lowers "
				"OpenSSL's security level to %d, and clients reject it",
				bits, tl_key_type_name(pub), min, level);
		else
			f = tl_cert_finding(
				ctx, TL_CK_CERT_WEAK_KEY, site, pair,
				"certificate has a %d-bit %s key, below the %d bits required; "
				"OpenSSL at security level %d (%s) refuses to load it (ee key "
				"too small), so the server %s, and clients reject it",
				bits, tl_key_type_name(pub), min, level,
				from_string ? "set by the cipher string" : "the Debian default",
				tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
		f->clients_see = weak_key_clients;
	} else if (secbits < need) {
		f = tl_cert_finding(
			ctx, TL_CK_CERT_WEAK_KEY, site, pair,
			"certificate has a %d-bit %s key (%d security bits)%s; OpenSSL at security "
			"level %d (%s) asks for %d and refuses to load it (ee key too small), so "
			"the server %s",
			bits, tl_key_type_name(pub), secbits,
			bits < min ? tl_diag_printf(ctx->arena,
						    ", below the %d bits the policy "
						    "requires",
						    min)
				   : "",
			level, from_string ? "set by the cipher string" : "the Debian default",
			need, tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
	} else {
		f = tl_cert_finding(ctx, TL_CK_CERT_WEAK_KEY, site, pair,
				    "certificate has a %d-bit %s key, below the %d bits the policy "
				    "requires",
				    bits, tl_key_type_name(pub), min);
	}
	tl_relate_leaf(ctx, f, pair, leaf);
}

static const struct tl_client_error weak_ca_key_clients[] = {
	{"Chrome", "NET::ERR_CERT_WEAK_KEY"},
	{"OpenSSL/curl", "CA certificate key too weak"},
	{NULL, NULL},
};

/*
 * A chain certificate's key: one the server judges as it loads the chain
 * and finds below the level stops it; one below 112 bits that the path
 * uses is rejected by clients either way.
 */
static void
weak_chain_key(struct tl_check_ctx *ctx, const struct tl_site *site,
	       const struct tl_cert_pair *pair, X509 *cert, const char *where, bool judged,
	       bool on_path)
{
	EVP_PKEY *pub = X509_get0_pubkey(cert);
	int secbits, level;
	bool from_string, refused, rejected;
	struct tl_finding *f;

	if (pub == NULL || key_minimum(ctx, pub) == 0)
		return;
	secbits = EVP_PKEY_get_security_bits(pub);
	level = tl_site_certificate_level(ctx, site, &from_string);
	refused = judged && secbits < tl_level_security_bits(level);
	rejected = on_path && secbits < 112;
	if (!refused && !rejected)
		return;
	if (refused)
		f = tl_cert_finding(
			ctx, TL_CK_CERT_WEAK_KEY, site, pair,
			"%s ('%s') has a %d-bit %s key; OpenSSL at security level %d (%s) refuses "
			"to load it into the chain (ca key too small), so the server %s%s",
			where, tl_cert_subject(ctx->arena, cert), EVP_PKEY_get_bits(pub),
			tl_key_type_name(pub), level,
			from_string ? "set by the cipher string" : "the Debian default",
			tl_fault_text(site->facts, TL_FAULT_CERTIFICATE),
			rejected  ? ", and clients reject it"
			: on_path ? ""
				  : "; it is not on the path from the leaf: remove it");
	else
		f = tl_cert_finding_at(
			ctx, TL_CK_CERT_WEAK_KEY, site, judged ? pair->cert_dir : pair->chain_dir,
			"intermediate CA '%s' (%s) has a %d-bit %s key; clients reject the chain, "
			"and the server loads it only because %s",
			tl_cert_subject(ctx->arena, cert), where, EVP_PKEY_get_bits(pub),
			tl_key_type_name(pub),
			judged ? tl_diag_printf(ctx->arena,
						"the cipher string lowers OpenSSL's security level "
						"to %d",
						level)
			       : "nothing checks the chain file's certificates");
	if (rejected)
		f->clients_see = weak_ca_key_clients;
}

static void
weak_keys(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	  const struct tl_pair_info *info)
{
	weak_key(ctx, site, pair, info);
	tl_each_chain_cert(ctx, site, pair, info, weak_chain_key);
}

void
tl_check_cert_weak_key(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, weak_keys);
}

static void
lifetime(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	 const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	int days = 0, secs = 0;
	int max = ctx->policy->maximum_certificate_lifespan;
	struct tl_finding *f;

	if (leaf == NULL || max <= 0 ||
	    ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(leaf), X509_get0_notAfter(leaf)) != 1)
		return;
	if (days <= max)
		return;
	/* Chrome enforces 398 days (for publicly trusted roots); shorter is policy only. */
	if (days > 398) {
		f = tl_cert_finding(
			ctx, TL_CK_CERT_LIFETIME, site, pair,
			"certificate is valid for %d days, longer than the %d days the "
			"%s profile allows; browsers reject publicly trusted certificates "
			"valid for more than 398 days",
			days, max, ctx->policy->name);
		f->clients_see = lifetime_clients;
	} else
		f = tl_cert_finding(ctx, TL_CK_CERT_LIFETIME, site, pair,
				    "certificate is valid for %d days, longer than the %d days the "
				    "%s profile allows",
				    days, max, ctx->policy->name);
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_lifetime(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, lifetime);
}

static void
is_ca(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
      const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	struct tl_finding *f;

	/* A self-signed leaf is cert-self-signed's finding, CA or not. */
	if (leaf == NULL || info->self_signed || !(X509_get_extension_flags(leaf) & EXFLAG_CA))
		return;
	f = tl_cert_finding(
		ctx, TL_CK_CERT_IS_CA, site, pair,
		"the served certificate is a CA certificate (basicConstraints CA:TRUE); "
		"Firefox refuses it as a server certificate, most other clients "
		"accept it");
	f->clients_see = is_ca_clients;
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_is_ca(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, is_ca);
}

static void
eku(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
    const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	struct tl_finding *f;

	/* No extendedKeyUsage at all means any use; anyExtendedKeyUsage is rejected by OpenSSL. */
	if (leaf == NULL || !(X509_get_extension_flags(leaf) & EXFLAG_XKUSAGE) ||
	    (X509_get_extended_key_usage(leaf) & XKU_SSL_SERVER))
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_EKU, site, pair,
			    "certificate's extendedKeyUsage does not include serverAuth; clients "
			    "reject it as a server certificate");
	f->clients_see = eku_clients;
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_eku(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, eku);
}

/* True when CERT carries the TLS Feature extension (RFC 7633) asking for status_request. */
static bool
must_staple(X509 *cert)
{
	STACK_OF(ASN1_INTEGER) *features = X509_get_ext_d2i(cert, NID_tlsfeature, NULL, NULL);
	bool found = false;

	for (int i = 0; i < sk_ASN1_INTEGER_num(features); i++) {
		long v = ASN1_INTEGER_get(sk_ASN1_INTEGER_value(features, i));

		/* 5: status_request; 17: status_request_v2. */
		if (v == 5 || v == 17)
			found = true;
	}
	sk_ASN1_INTEGER_pop_free(features, ASN1_INTEGER_free);
	return found;
}

static void
staple(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
       const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	struct tl_finding *f;

	if (leaf == NULL || site->tls.stapling.on || !must_staple(leaf))
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_MUST_STAPLE, site, pair,
			    "certificate requires OCSP stapling (TLS Feature status_request, "
			    "'OCSP Must-Staple') but the site does not staple; Firefox refuses "
			    "the connection");
	f->clients_see = must_staple_clients;
	tl_relate_leaf(ctx, f, pair, leaf);
	if (site->tls.stapling.v.origin != TL_ORIGIN_UNSET && site->tls.stapling.v.dir != NULL)
		tl_finding_relate(ctx->diag, f, NULL, site->tls.stapling.v.loc,
				  "stapling is switched off here");
}

void
tl_check_cert_must_staple(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, staple);
}

static unsigned
cert_type(EVP_PKEY *pub)
{
	switch (EVP_PKEY_get_base_id(pub)) {
	case EVP_PKEY_RSA:
		return TL_CERT_TYPE_RSA;
	case EVP_PKEY_EC:
		return TL_CERT_TYPE_ECDSA;
	default:
		return 0;
	}
}

static const char *
allowed_types(unsigned types)
{
	switch (types & (TL_CERT_TYPE_RSA | TL_CERT_TYPE_ECDSA)) {
	case TL_CERT_TYPE_RSA:
		return "RSA only";
	case TL_CERT_TYPE_ECDSA:
		return "ECDSA only";
	case TL_CERT_TYPE_RSA | TL_CERT_TYPE_ECDSA:
		return "RSA or ECDSA";
	default:
		return "no type";
	}
}

static void
type(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
     const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	EVP_PKEY *pub = leaf ? X509_get0_pubkey(leaf) : NULL;
	struct tl_finding *f;

	if (pub == NULL || (cert_type(pub) & ctx->policy->certificate_types))
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_TYPE, site, pair,
			    "certificate has a%s %s key; the %s profile allows %s",
			    EVP_PKEY_get_base_id(pub) == EVP_PKEY_DSA ? "" : "n",
			    tl_key_type_name(pub), ctx->policy->name,
			    allowed_types(ctx->policy->certificate_types));
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_type(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, type);
}
