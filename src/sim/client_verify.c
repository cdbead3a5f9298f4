/*
 * The client's verdict on the chain a server sends (issue 13, item 2).
 * OpenSSL's verifier builds the path to TRUST, checks the signatures, the
 * CA flags, the validity at NOW and, for families that check it, the
 * sslserver purpose (EKU); the family's own limits (RSA size, SHA-1, a
 * CA:TRUE leaf, must-staple) and the host name are checked here on the
 * path it built. Names follow checks/hostname.h against the
 * subjectAltNames; the subject CN only for the families that fall back to
 * it when a leaf has no subjectAltName extension (client_facts.c).
 *
 * One problem is reported, in Chromium's order (MapCertStatusToNetError):
 * trust, then purpose, name, CA leaf, weak signature, weak key, dates,
 * and last must-staple. OpenSSL is told to carry on past each error so
 * that the order is this one, not the order it happens to check in.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include "client_verify.h"
#include "client_words.h"
#include "hostname.h"

/* The first error OpenSSL reported of each kind. */
struct found {
	int trust_error; /* path building, trust, signatures, CA flags: X509_V_ERR_* */
	int trust_depth;
	X509 *trust_cert;
	int date_error; /* X509_V_ERR_CERT_HAS_EXPIRED or _NOT_YET_VALID */
	int date_depth;
	X509 *date_cert;
	bool purpose; /* X509_V_ERR_INVALID_PURPOSE */
};

/* One verification's outcome, as tl_verify_memo keeps it. */
struct verified {
	struct found found;
	STACK_OF(X509) * path; /* a reference of its own; NULL when none was built */
};

static void
free_path(void *p)
{
	sk_X509_pop_free(p, X509_free);
}

void
tl_verify_memo_init(struct tl_verify_memo *memo, struct tl_arena *arena)
{
	memo->arena = arena;
	tl_ptrmap_init(&memo->map, arena);
}

static bool
missing_issuer(int error)
{
	return error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
	       error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
	       error == X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE;
}

static int
note_and_carry_on(int ok, X509_STORE_CTX *ctx)
{
	struct found *f = X509_STORE_CTX_get_app_data(ctx);
	int error = X509_STORE_CTX_get_error(ctx);
	int depth = X509_STORE_CTX_get_error_depth(ctx);
	X509 *cert = X509_STORE_CTX_get_current_cert(ctx);

	if (ok)
		return 1;
	switch (error) {
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
		if (f->date_error == 0) {
			f->date_error = error;
			f->date_depth = depth;
			f->date_cert = cert;
		}
		break;
	case X509_V_ERR_INVALID_PURPOSE:
		f->purpose = true;
		break;
	default:
		/* The first one: a missing issuer is followed by 21 at the top certificate. */
		if (f->trust_error == 0) {
			f->trust_error = error;
			f->trust_depth = depth;
			f->trust_cert = cert;
		}
		break;
	}
	return 1;
}

/* True when CERT names where its issuer can be downloaded (AIA caIssuers, a URI). */
static bool
has_ca_issuers_url(X509 *cert)
{
	AUTHORITY_INFO_ACCESS *aia;
	bool found = false;

	if (cert == NULL)
		return false;
	aia = X509_get_ext_d2i(cert, NID_info_access, NULL, NULL);
	if (aia == NULL)
		return false;
	for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia); i++) {
		ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(aia, i);

		if (OBJ_obj2nid(ad->method) == NID_ad_ca_issuers && ad->location->type == GEN_URI)
			found = true;
	}
	AUTHORITY_INFO_ACCESS_free(aia);
	return found;
}

/* True when CERT's TLS feature extension (RFC 7633) lists status_request (5). */
static bool
must_staple(X509 *cert)
{
	TLS_FEATURE *features = X509_get_ext_d2i(cert, NID_tlsfeature, NULL, NULL);
	bool found = false;

	if (features == NULL)
		return false;
	for (int i = 0; i < sk_ASN1_INTEGER_num(features); i++)
		if (ASN1_INTEGER_get(sk_ASN1_INTEGER_value(features, i)) == 5)
			found = true;
	TLS_FEATURE_free(features);
	return found;
}

static int
rsa_bits(X509 *cert)
{
	EVP_PKEY *key = X509_get0_pubkey(cert);

	if (key == NULL)
		return 0;
	if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA &&
	    EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA_PSS)
		return 0;
	return EVP_PKEY_get_bits(key);
}

/* Go's name for a SHA-1 signature by CERT's issuer, or NULL when CERT is not SHA-1 signed. */
static const char *
sha1_signature(X509 *cert)
{
	int md = NID_undef, pk = NID_undef;

	if (!X509_get_signature_info(cert, &md, &pk, NULL, NULL) || md != NID_sha1)
		return NULL;
	if (pk == NID_rsaEncryption)
		return "SHA1-RSA";
	if (pk == NID_X9_62_id_ecPublicKey)
		return "ECDSA-SHA1";
	return "SHA1";
}

static bool
ca_leaf_refused(X509 *leaf, enum tl_ca_leaf_rule rule)
{
	uint32_t flags = X509_get_extension_flags(leaf);
	bool is_ca = (flags & EXFLAG_BCONS) && (flags & EXFLAG_CA);
	bool has_ku = flags & EXFLAG_KUSAGE;
	bool cert_sign = has_ku && (X509_get_key_usage(leaf) & KU_KEY_CERT_SIGN);
	bool pathlen = (flags & EXFLAG_BCONS) && X509_get_pathlen(leaf) >= 0;

	switch (rule) {
	case TL_CA_LEAF_ACCEPTED:
		return false;
	case TL_CA_LEAF_REFUSED:
		return is_ca;
	case TL_CA_LEAF_INCONSISTENT:
		/* It looks like a CA, so it must be a whole one. */
		return (is_ca || pathlen || cert_sign) && !(is_ca && (!has_ku || cert_sign));
	}
	return false;
}

static const char *
rfc3339(struct tl_arena *arena, const struct tm *tm)
{
	char buf[32];

	if (strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", tm) == 0)
		return NULL;
	return tl_arena_strdup(arena, buf);
}

static const char *
asn1_rfc3339(struct tl_arena *arena, const ASN1_TIME *t)
{
	struct tm tm;

	if (t == NULL || !ASN1_TIME_to_tm(t, &tm))
		return NULL;
	return rfc3339(arena, &tm);
}

static const char *
issuer_cn(struct tl_arena *arena, X509 *cert)
{
	char buf[256];

	if (cert == NULL || X509_NAME_get_text_by_NID(X509_get_issuer_name(cert), NID_commonName,
						      buf, sizeof(buf)) < 0)
		return NULL;
	return tl_arena_strdup(arena, buf);
}

/*
 * True when a subject CN of LEAF matches NAME by the dNSName rules: what
 * clients with a CN fallback do for a leaf without subjectAltNames. An IP
 * literal never matches a CN here (tl_hostname_match compares DNS names).
 */
static bool
cn_covers(X509 *leaf, const char *name)
{
	X509_NAME *subject = X509_get_subject_name(leaf);
	unsigned char addr[16];
	int i = -1;

	if (tl_hostname_ip(name, addr) > 0)
		return false;
	while ((i = X509_NAME_get_index_by_NID(subject, NID_commonName, i)) >= 0) {
		ASN1_STRING *cn = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i));
		unsigned char *utf8 = NULL;
		int len = ASN1_STRING_to_UTF8(&utf8, cn);
		bool match = len > 0 && strlen((char *)utf8) == (size_t)len &&
			     tl_hostname_match((char *)utf8, name);

		OPENSSL_free(utf8);
		if (match)
			return true;
	}
	return false;
}

/* The leaf's dNSNames as Go lists them: "a, b". */
static const char *
dns_names(struct tl_arena *arena, const struct tl_san *sans, size_t n)
{
	const char *out = "";

	for (size_t i = 0; i < n; i++)
		if (!sans[i].ip)
			out = tl_arena_printf(arena, "%s%s%s", out, *out ? ", " : "", sans[i].text);
	return out;
}

static void
fail(struct tl_arena *arena, const struct tl_client_profile *profile,
     struct tl_words_context *words, enum tl_cert_problem problem, int x509_error,
     const char *reason, struct tl_client_verdict *out)
{
	out->stage = TL_CLIENT_CERTIFICATE;
	out->problem = problem;
	out->reason = reason;
	words->x509_error = x509_error;
	words->reason = reason;
	out->words = tl_client_words(arena, profile->family, problem, words);
}

static enum tl_cert_problem
trust_problem(int error)
{
	switch (error) {
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		return TL_CERT_UNKNOWN_ISSUER;
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
		return TL_CERT_SELF_SIGNED;
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		return TL_CERT_UNTRUSTED_ROOT;
	default:
		return TL_CERT_INVALID;
	}
}

/* The family's own limits on the path OpenSSL built; false when one fails (OUT filled). */
static bool
family_limits(struct tl_arena *arena, const struct tl_client_profile *profile,
	      const struct tl_client_facts *facts, STACK_OF(X509) * path, int below_root,
	      struct tl_words_context *words, struct tl_client_verdict *out)
{
	for (int i = 0; facts->sha1_refused && i < below_root; i++) {
		X509 *cert = sk_X509_value(path, i);
		const char *alg = sha1_signature(cert);

		if (alg != NULL) {
			words->sigalg = alg;
			words->issuer_cn = issuer_cn(arena, cert);
			fail(arena, profile, words, TL_CERT_WEAK_SIGNATURE,
			     X509_V_ERR_CA_MD_TOO_WEAK,
			     X509_verify_cert_error_string(X509_V_ERR_CA_MD_TOO_WEAK), out);
			return false;
		}
	}
	for (int i = 0; i < below_root; i++) {
		int bits = rsa_bits(sk_X509_value(path, i));

		if (bits > 0 && (unsigned)bits < facts->min_rsa_bits) {
			int error =
				i == 0 ? X509_V_ERR_EE_KEY_TOO_SMALL : X509_V_ERR_CA_KEY_TOO_SMALL;

			fail(arena, profile, words, TL_CERT_WEAK_KEY, error,
			     X509_verify_cert_error_string(error), out);
			return false;
		}
	}
	return true;
}

const char *
tl_cert_problem_name(enum tl_cert_problem problem)
{
	static const char *const names[] = {
		[TL_CERT_FINE] = "ok",
		[TL_CERT_UNKNOWN_ISSUER] = "unknown-issuer",
		[TL_CERT_SELF_SIGNED] = "self-signed",
		[TL_CERT_UNTRUSTED_ROOT] = "untrusted-root",
		[TL_CERT_EXPIRED] = "expired",
		[TL_CERT_NOT_YET_VALID] = "not-yet-valid",
		[TL_CERT_ISSUER_EXPIRED] = "issuer-expired",
		[TL_CERT_ISSUER_NOT_YET_VALID] = "issuer-not-yet-valid",
		[TL_CERT_NAME_MISMATCH] = "name-mismatch",
		[TL_CERT_WEAK_KEY] = "weak-key",
		[TL_CERT_WEAK_SIGNATURE] = "weak-signature",
		[TL_CERT_CA_LEAF] = "ca-leaf",
		[TL_CERT_PURPOSE] = "purpose",
		[TL_CERT_MUST_STAPLE] = "must-staple",
		[TL_CERT_INVALID] = "invalid",
	};

	if ((size_t)problem >= sizeof(names) / sizeof(names[0]) || names[problem] == NULL)
		return "invalid";
	return names[problem];
}

void
tl_client_verify(struct tl_arena *arena, const struct tl_client_profile *profile,
		 STACK_OF(X509) * chain, const char *name, time_t now, X509_STORE *trust,
		 bool stapled, struct tl_verify_memo *memo, struct tl_client_verdict *out)
{
	const void *purpose_key = NULL;
	struct verified *seen = NULL;
	const struct tl_client_facts *facts = tl_client_facts_for_profile(profile);
	X509 *leaf = chain != NULL && sk_X509_num(chain) > 0 ? sk_X509_value(chain, 0) : NULL;
	struct tl_words_context words = {.name = name};
	STACK_OF(X509) *untrusted = NULL;
	X509_STORE_CTX *ctx = NULL;
	STACK_OF(X509) * path;
	struct found found = {0};
	const struct tl_san *sans;
	size_t nsans = 0;
	bool has_san_ext = false;
	int below_root;
	struct tm now_tm;

	memset(out, 0, sizeof(*out));
	out->stage = TL_CLIENT_OK;
	if (gmtime_r(&now, &now_tm) != NULL)
		words.now = rfc3339(arena, &now_tm);
	if (leaf == NULL) {
		fail(arena, profile, &words, TL_CERT_INVALID, 0, "the server sent no certificate",
		     out);
		return;
	}
	words.leaf_only = sk_X509_num(chain) == 1;
	if (memo != NULL) {
		purpose_key = (const void *)(uintptr_t)(facts->checks_eku ? 2 : 1);
		seen = tl_ptrmap_get(&memo->map, chain, purpose_key);
	}
	if (seen != NULL) {
		found = seen->found;
		path = seen->path;
		goto verified;
	}
	/* What the server sent after the leaf: candidate issuers, not trusted. */
	untrusted = sk_X509_new_null();
	for (int i = 1; untrusted != NULL && i < sk_X509_num(chain); i++)
		if (!sk_X509_push(untrusted, sk_X509_value(chain, i))) {
			sk_X509_free(untrusted);
			untrusted = NULL;
		}
	ctx = X509_STORE_CTX_new();
	if (untrusted == NULL || ctx == NULL || !X509_STORE_CTX_init(ctx, trust, leaf, untrusted)) {
		fail(arena, profile, &words, TL_CERT_INVALID, 0,
		     "cannot set up certificate verification (out of memory)", out);
		goto done;
	}
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), now);
	/* The family's key and digest limits are checked here, not by a security level. */
	X509_VERIFY_PARAM_set_auth_level(X509_STORE_CTX_get0_param(ctx), 0);
	if (facts->checks_eku)
		X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
	X509_STORE_CTX_set_verify_cb(ctx, note_and_carry_on);
	X509_STORE_CTX_set_app_data(ctx, &found);
	(void)X509_verify_cert(ctx);
	path = X509_STORE_CTX_get0_chain(ctx);
	if (memo != NULL) {
		seen = tl_arena_alloc(memo->arena, sizeof(*seen));
		seen->found = found;
		seen->path = X509_STORE_CTX_get1_chain(ctx);
		if (seen->path != NULL)
			tl_arena_defer(memo->arena, free_path, seen->path);
		tl_ptrmap_put(&memo->map, chain, purpose_key, seen);
	}
verified:
	below_root = path != NULL ? sk_X509_num(path) - 1 : 0;

	if (found.trust_error != 0 && missing_issuer(found.trust_error) && facts->aia_fetch &&
	    has_ca_issuers_url(found.trust_cert)) {
		/*
		 * The client would download the issuer from the caIssuers URL. The
		 * simulation never opens the network: it assumes the URL serves the
		 * right certificate and that it chains to a trust anchor. Every
		 * certificate it has is then below the root.
		 */
		out->aia_fetched = true;
		out->reason =
			"missing intermediate fetched from the AIA caIssuers URL (not checked: "
			"the simulation does not open the network)";
		found.trust_error = 0;
		below_root = path != NULL ? sk_X509_num(path) : 0;
	}
	if (found.trust_error != 0) {
		fail(arena, profile, &words, trust_problem(found.trust_error), found.trust_error,
		     X509_verify_cert_error_string(found.trust_error), out);
		goto done;
	}
	if (found.purpose) {
		fail(arena, profile, &words, TL_CERT_PURPOSE, X509_V_ERR_INVALID_PURPOSE,
		     X509_verify_cert_error_string(X509_V_ERR_INVALID_PURPOSE), out);
		goto done;
	}
	if (name != NULL) {
		sans = tl_cert_sans(arena, leaf, &nsans, &has_san_ext);
		if (!tl_sans_cover(sans, nsans, name) &&
		    !(facts->cn_fallback && !has_san_ext && cn_covers(leaf, name))) {
			unsigned char addr[16];
			int error = tl_hostname_ip(name, addr) > 0 ? X509_V_ERR_IP_ADDRESS_MISMATCH
								   : X509_V_ERR_HOSTNAME_MISMATCH;

			words.dns_names = dns_names(arena, sans, nsans);
			words.sans = tl_sans_text(arena, sans, nsans, 100);
			fail(arena, profile, &words, TL_CERT_NAME_MISMATCH, error,
			     X509_verify_cert_error_string(error), out);
			goto done;
		}
	}
	if (ca_leaf_refused(leaf, facts->ca_leaf)) {
		fail(arena, profile, &words, TL_CERT_CA_LEAF, 0,
		     "the leaf is a CA certificate (basicConstraints CA:TRUE)", out);
		goto done;
	}
	if (path == NULL || !family_limits(arena, profile, facts, path, below_root, &words, out))
		goto done;
	if (found.date_error != 0) {
		bool expired = found.date_error == X509_V_ERR_CERT_HAS_EXPIRED;
		enum tl_cert_problem problem =
			found.date_depth == 0
				? (expired ? TL_CERT_EXPIRED : TL_CERT_NOT_YET_VALID)
				: (expired ? TL_CERT_ISSUER_EXPIRED : TL_CERT_ISSUER_NOT_YET_VALID);

		if (found.date_cert != NULL) {
			words.not_before =
				asn1_rfc3339(arena, X509_get0_notBefore(found.date_cert));
			words.not_after = asn1_rfc3339(arena, X509_get0_notAfter(found.date_cert));
		}
		fail(arena, profile, &words, problem, found.date_error,
		     X509_verify_cert_error_string(found.date_error), out);
		goto done;
	}
	if (facts->must_staple && !stapled && must_staple(leaf)) {
		fail(arena, profile, &words, TL_CERT_MUST_STAPLE, 0,
		     "must-staple certificate (TLS feature status_request) without a stapled OCSP "
		     "response",
		     out);
		goto done;
	}
done:
	if (out->stage == TL_CLIENT_CERTIFICATE)
		out->aia_fetched = false;
	X509_STORE_CTX_free(ctx);
	sk_X509_free(untrusted);
}
