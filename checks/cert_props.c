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

static const struct tl_client_error weak_key_clients[] = {
	{"Chrome", "NET::ERR_CERT_WEAK_KEY"},
	{"Firefox", "MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE"},
	{"OpenSSL/curl", "EE certificate key too weak"},
	{NULL, NULL},
};

static const struct tl_client_error weak_chain_key_clients[] = {
	{"Chrome", "NET::ERR_CERT_WEAK_KEY"},
	{"Firefox", "MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE"},
	{"OpenSSL/curl", "CA certificate key too weak"},
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

/*
 * The served certificates after the first, which the server hands to
 * OpenSSL as the chain (nginx SSL_CTX_set0_chain, httpd and HAProxy the
 * same way): at the security level they load at, OpenSSL refuses a chain
 * certificate whose key is too weak ("ca key too small"), whether it is
 * on the path or not. Signatures are cert-weak-signature's.
 */
static void
weak_chain_keys(struct tl_check_ctx *ctx, const struct tl_site *site,
		const struct tl_cert_pair *pair, const struct tl_pair_info *info, int level,
		bool from_string)
{
	int need = tl_level_security_bits(level);

	for (int i = 1; info->served != NULL && i < sk_X509_num(info->served); i++) {
		X509 *cert = sk_X509_value(info->served, i);
		EVP_PKEY *pub = X509_get0_pubkey(cert);
		struct tl_finding *f;

		if (pub == NULL || EVP_PKEY_get_security_bits(pub) >= need ||
		    (info->served_dup_of != NULL && info->served_dup_of[i] >= 0))
			continue;
		/* Below 112 bits clients refuse the chain too; above, only the level does. */
		f = tl_cert_finding(
			ctx, TL_CK_CERT_WEAK_KEY, site, pair,
			"served chain certificate '%s' has a %d-bit %s key; OpenSSL at security "
			"level %d (%s) refuses to load it (ca key too small), so the server %s%s",
			info->served_subjects != NULL ? info->served_subjects[i] : "?",
			EVP_PKEY_get_bits(pub), tl_key_type_name(pub), level,
			from_string ? "set by the cipher string" : "the Debian default",
			tl_fault_text(site->facts, TL_FAULT_CERTIFICATE),
			EVP_PKEY_get_security_bits(pub) < 112 ? ", and clients reject it" : "");
		if (EVP_PKEY_get_security_bits(pub) < 112)
			f->clients_see = weak_chain_key_clients;
		tl_relate_leaf(ctx, f, pair, info->leaf);
	}
}

static void
weak_key(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	 const struct tl_pair_info *info)
{
	X509 *leaf = tl_key_usable_leaf(&ctx->an, site, pair, info);
	EVP_PKEY *pub = leaf ? X509_get0_pubkey(leaf) : NULL;
	int bits, min, type, sec, level;
	bool from_string;
	struct tl_finding *f;

	if (pub == NULL)
		return;
	level = tl_site_certificate_level(ctx, site, &from_string);
	weak_chain_keys(ctx, site, pair, info, level, from_string);
	bits = EVP_PKEY_get_bits(pub);
	type = EVP_PKEY_get_base_id(pub);
	sec = EVP_PKEY_get_security_bits(pub);
	if (type == EVP_PKEY_RSA || type == EVP_PKEY_RSA_PSS || type == EVP_PKEY_DSA)
		min = ctx->policy->rsa_key_size > 0 ? ctx->policy->rsa_key_size : TL_MIN_RSA_BITS;
	else if (type == EVP_PKEY_EC)
		min = TL_MIN_EC_BITS;
	else
		return;
	/*
	 * A key clients take that a security level above 2 refuses
	 * (@SECLEVEL=3 asks 128 bits: RSA 3072): only the server fails.
	 */
	if (sec >= 112 && sec < tl_level_security_bits(level)) {
		f = tl_cert_finding(
			ctx, TL_CK_CERT_WEAK_KEY, site, pair,
			"certificate has a %d-bit %s key (%d security bits); OpenSSL at "
			"security level %d (%s) asks for %d and refuses to load it (ee "
			"key too small), so the server %s",
			bits, tl_key_type_name(pub), sec, level,
			from_string ? "set by the cipher string" : "the Debian default",
			tl_level_security_bits(level),
			tl_fault_text(site->facts, TL_FAULT_CERTIFICATE));
		tl_relate_leaf(ctx, f, pair, leaf);
		return;
	}
	if (bits >= min)
		return;
	/*
	 * Below 112 security bits (RSA 2048, EC 224) OpenSSL's security
	 * level 2 refuses the key on both ends; above that only the policy
	 * asks for more, and no client fails.
	 */
	if (sec < 112) {
		if (sec >= tl_level_security_bits(level))
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
	} else {
		f = tl_cert_finding(ctx, TL_CK_CERT_WEAK_KEY, site, pair,
				    "certificate has a %d-bit %s key, below the %d bits the policy "
				    "requires",
				    bits, tl_key_type_name(pub), min);
	}
	tl_relate_leaf(ctx, f, pair, leaf);
}

void
tl_check_cert_weak_key(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, weak_key);
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
