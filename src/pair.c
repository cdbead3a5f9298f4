/*
 * Certificate/key pair analysis, cached per (certificate, key, chain path).
 * Verification collects every error instead of stopping at the first, so
 * that one run can tell an expired intermediate, a missing issuer and an
 * untrusted root apart.
 */
#include "pair.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "phase_time.h"
#include "strmap.h"
#include "x509fmt.h"

struct tl_pair_cache {
	struct tl_strmap map;     /* "cert\nkey\nchain" → struct tl_pair_info */
	struct tl_ptrmap by_pair; /* the model's pair → the same, without formatting a key */
	/* X509 → (void *)1 self-signed, (void *)2 not: one signature check per root. */
	struct tl_ptrmap self_signed;
};

/*
 * X509_self_signed() with its signature check, once per certificate: the
 * one root above 2,000 leaves would be verified 2,000 times.
 */
static bool
self_signed(struct tl_analysis *an, X509 *cert)
{
	void *memo = tl_ptrmap_get(&an->pairs->self_signed, cert, NULL);

	if (memo == NULL) {
		memo = X509_self_signed(cert, 1) == 1 ? (void *)1 : (void *)2;
		tl_ptrmap_put(&an->pairs->self_signed, cert, NULL, memo);
	}
	return memo == (void *)1;
}

static void
free_info(void *p)
{
	struct tl_pair_info *info = p;

	sk_X509_pop_free(info->path, X509_free);
}

int
tl_key_match_index(STACK_OF(X509) * certs, EVP_PKEY *key)
{
	for (int i = 0; key != NULL && i < sk_X509_num(certs); i++)
		if (EVP_PKEY_eq(X509_get0_pubkey(sk_X509_value(certs, i)), key) == 1)
			return i;
	return -1;
}

/* Records each problem and lets OpenSSL go on, so the whole path is seen. */
static int
collect_errors(int ok, X509_STORE_CTX *an)
{
	struct tl_pair_info *info = X509_STORE_CTX_get_app_data(an);

	if (!ok && info->nerrors < TL_MAX_VERIFY_ERRORS) {
		info->errors[info->nerrors].depth = X509_STORE_CTX_get_error_depth(an);
		info->errors[info->nerrors].error = X509_STORE_CTX_get_error(an);
		info->nerrors++;
	}
	return 1;
}

static void
verify(struct tl_analysis *an, struct tl_pair_info *info)
{
	enum tl_phase was = tl_phase_enter(TL_PHASE_CERTS);
	X509_STORE_CTX *store = X509_STORE_CTX_new();
	STACK_OF(X509) *untrusted = sk_X509_new_null();

	if (store == NULL || untrusted == NULL)
		goto done;
	for (int i = 0; i < sk_X509_num(info->served); i++)
		if (i != info->leaf_index)
			sk_X509_push(untrusted, sk_X509_value(info->served, i));
	if (X509_STORE_CTX_init(store, an->trust, info->leaf, untrusted) != 1)
		goto done;
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(store), an->now);
	X509_STORE_CTX_set_app_data(store, info);
	X509_STORE_CTX_set_verify_cb(store, collect_errors);
	X509_verify_cert(store);
	info->verified = info->nerrors == 0;
	info->path = X509_STORE_CTX_get1_chain(store);
done:
	ERR_clear_error();
	sk_X509_free(untrusted);
	X509_STORE_CTX_free(store);
	tl_phase_enter(was);
}

/* T as a time_t (UTC) and as "YYYY-MM-DD". */
static const char *
date_of(struct tl_arena *arena, const ASN1_TIME *t, time_t *when)
{
	*when = tl_asn1_time(t);
	return *when ? tl_date(arena, *when) : "?";
}

/* The path did not reach a trust anchor when OpenSSL said so at any depth. */
static bool
anchor_missing(const struct tl_pair_info *info)
{
	static const int codes[] = {
		X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
		X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
		X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
		X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
		X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE,
	};

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (tl_pair_has_error(info, codes[i], -1))
			return true;
	return false;
}

/*
 * Describes the path once per pair, so that the checks, which run once
 * per site, only format strings (10,000 sites may share one file).
 */
static void
describe_chain(struct tl_analysis *an, struct tl_pair_info *info)
{
	int nserved = sk_X509_num(info->served);
	struct tl_path_cert *top;

	info->served_subjects = tl_arena_calloc(an->arena, (size_t)nserved + 1, sizeof(char *));
	info->served_depth = tl_arena_calloc(an->arena, (size_t)nserved + 1, sizeof(int));
	info->served_dup_of = tl_arena_calloc(an->arena, (size_t)nserved + 1, sizeof(int));
	for (int i = 0; i < nserved; i++) {
		X509 *x = sk_X509_value(info->served, i);

		info->served_subjects[i] = tl_cert_subject(an->arena, x);
		info->served_depth[i] = -1;
		info->served_dup_of[i] = -1;
		for (int j = 0; j < i; j++)
			if (info->served_dup_of[j] < 0 &&
			    X509_cmp(sk_X509_value(info->served, j), x) == 0) {
				info->served_dup_of[i] = j;
				break;
			}
	}

	info->npath = info->path != NULL ? sk_X509_num(info->path) : 0;
	info->path_certs =
		tl_arena_calloc(an->arena, (size_t)info->npath + 1, sizeof(*info->path_certs));
	for (int d = 0; d < info->npath; d++) {
		struct tl_path_cert *pc = &info->path_certs[d];
		int secbits = 0;
		uint32_t flags = 0;

		pc->cert = sk_X509_value(info->path, d);
		pc->subject = tl_cert_subject(an->arena, pc->cert);
		pc->issuer = tl_x509_name(an->arena, X509_get_issuer_name(pc->cert));
		pc->self_signed = self_signed(an, pc->cert);
		pc->not_before =
			date_of(an->arena, X509_get0_notBefore(pc->cert), &pc->not_before_t);
		pc->not_after = date_of(an->arena, X509_get0_notAfter(pc->cert), &pc->not_after_t);
		pc->sig_md_nid = NID_undef;
		if (X509_get_signature_info(pc->cert, &pc->sig_md_nid, NULL, &secbits, &flags) != 1)
			pc->sig_md_nid = NID_undef;
		/* The leaf is where the key says, even when an identical copy comes earlier. */
		pc->served_index = d == 0 ? info->leaf_index : -1;
		for (int i = 0; d > 0 && i < nserved; i++)
			if (info->served_dup_of[i] < 0 && info->served_depth[i] < 0 &&
			    X509_cmp(sk_X509_value(info->served, i), pc->cert) == 0) {
				pc->served_index = i;
				break;
			}
		if (pc->served_index >= 0)
			info->served_depth[pc->served_index] = d;
	}

	if (!anchor_missing(info) || info->npath == 0) {
		info->chain_end = TL_CHAIN_TRUSTED;
		return;
	}
	top = &info->path_certs[info->npath - 1];
	if (top->self_signed)
		info->chain_end =
			info->npath == 1 ? TL_CHAIN_SELF_SIGNED_LEAF : TL_CHAIN_UNTRUSTED_ROOT;
	else
		info->chain_end =
			info->npath == 1 ? TL_CHAIN_INCOMPLETE : TL_CHAIN_UNTRUSTED_ISSUER;
}

static void
free_served(void *p)
{
	sk_X509_free(p); /* the certificates belong to the store */
}

/*
 * With a chain file the server loads only the first certificate of the
 * certificate file (SSL_CTX_use_certificate_file) and sends the chain
 * file's after it: the certificate file's own intermediates are not sent.
 */
static STACK_OF(X509) * served_with_chain(struct tl_analysis *an, struct tl_pair_info *info)
{
	STACK_OF(X509) *served = sk_X509_new_null();

	if (served == NULL || !sk_X509_push(served, sk_X509_value(info->cert_file->certs, 0)))
		abort();
	for (int i = 0; i < sk_X509_num(info->chain_file->certs); i++)
		if (!sk_X509_push(served, sk_X509_value(info->chain_file->certs, i)))
			abort();
	tl_arena_defer(an->arena, free_served, served);
	return served;
}

static struct tl_pair_info *
analyse(struct tl_analysis *an, const struct tl_cert_pair *pair)
{
	struct tl_pair_info *info = tl_arena_alloc(an->arena, sizeof(*info));

	info->cert_file = tl_certstore_get(an->certs, pair->cert.path);
	info->served = info->cert_file->certs;
	if (pair->chain.written != NULL && !pair->chain.dynamic) {
		info->chain_file = tl_certstore_get(an->certs, pair->chain.path);
		if (sk_X509_num(info->cert_file->certs) > 0)
			info->served = served_with_chain(an, info);
	}
	info->key_match = -1;
	if (pair->key.written != NULL && !pair->key.dynamic) {
		info->key_configured = true;
		info->key_file = tl_certstore_get(an->certs, pair->key.path);
		info->key = info->key_file->key;
	} else if (pair->key.written == NULL && pair->key_from_cert_file &&
		   info->cert_file->key_present) {
		/* No key named: a bundle that holds its own key (Apache, HAProxy style). */
		info->key_configured = true;
		info->key_file = info->cert_file;
		info->key = info->cert_file->key;
	} else if (pair->key.written == NULL && pair->key_sidecar.path != NULL) {
		/* HAProxy: a bundle without a key, and a FILE.key beside it (absent: no key). */
		const struct tl_cert_file *side =
			tl_certstore_get(an->certs, pair->key_sidecar.path);

		if (side->read_error != ENOENT) {
			info->key_configured = true;
			info->key_file = side;
			info->key = side->key;
		}
	}
	info->key_match = tl_key_match_index(info->served, info->key);
	info->leaf_index = info->key_match >= 0 ? info->key_match : 0;
	info->leaf = sk_X509_value(info->served, info->leaf_index);
	if (info->leaf != NULL) {
		info->self_signed = X509_self_signed(info->leaf, 1) == 1;
		verify(an, info);
		tl_arena_defer(an->arena, free_info, info);
		describe_chain(an, info);
		info->leaf_known =
			info->key_match >= 0 || (info->key == NULL && info->key_file != NULL &&
						 info->key_file->key_encrypted);
	}
	ERR_clear_error();
	return info;
}

/* A file reference in a cache key: "" when none, "$" when resolved per handshake. */
static const char *
file_key(const struct tl_file_ref *ref)
{
	return ref->written == NULL ? "" : ref->dynamic ? "$" : ref->path;
}

const struct tl_pair_info *
tl_pair_info_get(struct tl_analysis *an, const struct tl_cert_pair *pair)
{
	char small[1024];
	const char *key;
	struct tl_pair_info *info;

	if (an->pairs == NULL) {
		an->pairs = tl_arena_alloc(an->arena, sizeof(*an->pairs));
		tl_strmap_init(&an->pairs->map, an->arena);
		tl_ptrmap_init(&an->pairs->by_pair, an->arena);
		tl_ptrmap_init(&an->pairs->self_signed, an->arena);
	}
	/* Sites that inherit a certificate share the pair itself: the common case. */
	info = tl_ptrmap_get(&an->pairs->by_pair, pair, NULL);
	if (info != NULL)
		return info;
	/* A lookup must not allocate: the key goes on the stack when it fits. */
	if ((size_t)snprintf(small, sizeof(small), "%s\n%s\n%s\n%s", pair->cert.path,
			     file_key(&pair->key), file_key(&pair->chain),
			     file_key(&pair->key_sidecar)) < sizeof(small))
		key = small;
	else
		key = tl_arena_printf(an->arena, "%s\n%s\n%s\n%s", pair->cert.path,
				      file_key(&pair->key), file_key(&pair->chain),
				      file_key(&pair->key_sidecar));
	info = tl_strmap_get(&an->pairs->map, key);
	if (info == NULL) {
		info = analyse(an, pair);
		tl_strmap_put(&an->pairs->map, key, info);
	}
	tl_ptrmap_put(&an->pairs->by_pair, pair, NULL, info);
	return info;
}

bool
tl_pair_has_error(const struct tl_pair_info *info, int error, int depth)
{
	for (size_t i = 0; i < info->nerrors; i++)
		if (info->errors[i].error == error && (depth < 0 || info->errors[i].depth == depth))
			return true;
	return false;
}

bool
tl_pair_leaf_known(const struct tl_pair_info *info)
{
	return info->leaf != NULL && info->leaf_known;
}

bool
tl_pair_serves(const struct tl_pair_info *info, const X509 *cert)
{
	for (int i = 0; i < sk_X509_num(info->served); i++)
		if (X509_cmp(sk_X509_value(info->served, i), cert) == 0)
			return true;
	return false;
}
