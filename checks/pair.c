/*
 * Certificate/key pair analysis, cached per (certificate path, key path).
 * Verification collects every error instead of stopping at the first, so
 * that one run can tell an expired intermediate, a missing issuer and an
 * untrusted root apart.
 */
#include "pair.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <string.h>

#include "../src/strmap.h"

struct tl_pair_cache {
	struct tl_strmap map; /* "cert\nkey" → struct tl_pair_info */
};

static void
free_info(void *p)
{
	struct tl_pair_info *info = p;

	sk_X509_pop_free(info->path, X509_free);
}

static int
find_key_match(STACK_OF(X509) * certs, EVP_PKEY *key)
{
	for (int i = 0; key != NULL && i < sk_X509_num(certs); i++)
		if (EVP_PKEY_eq(X509_get0_pubkey(sk_X509_value(certs, i)), key) == 1)
			return i;
	return -1;
}

/* Records each problem and lets OpenSSL go on, so the whole path is seen. */
static int
collect_errors(int ok, X509_STORE_CTX *ctx)
{
	struct tl_pair_info *info = X509_STORE_CTX_get_app_data(ctx);

	if (!ok && info->nerrors < TL_MAX_VERIFY_ERRORS) {
		info->errors[info->nerrors].depth = X509_STORE_CTX_get_error_depth(ctx);
		info->errors[info->nerrors].error = X509_STORE_CTX_get_error(ctx);
		info->nerrors++;
	}
	return 1;
}

static void
verify(struct tl_run *run, struct tl_pair_info *info)
{
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	STACK_OF(X509) *untrusted = sk_X509_new_null();

	if (ctx == NULL || untrusted == NULL)
		goto done;
	for (int i = 0; i < sk_X509_num(info->served); i++)
		if (i != info->leaf_index)
			sk_X509_push(untrusted, sk_X509_value(info->served, i));
	if (X509_STORE_CTX_init(ctx, run->trust, info->leaf, untrusted) != 1)
		goto done;
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), run->now);
	X509_STORE_CTX_set_app_data(ctx, info);
	X509_STORE_CTX_set_verify_cb(ctx, collect_errors);
	X509_verify_cert(ctx);
	info->verified = info->nerrors == 0;
	info->path = X509_STORE_CTX_get1_chain(ctx);
done:
	ERR_clear_error();
	sk_X509_free(untrusted);
	X509_STORE_CTX_free(ctx);
}

static struct tl_pair_info *
analyse(struct tl_run *run, const struct tl_cert_pair *pair)
{
	struct tl_pair_info *info = tl_arena_alloc(run->arena, sizeof(*info));

	info->cert_file = tl_certstore_get(run->certs, pair->cert.path);
	info->served = info->cert_file->certs;
	info->key_match = -1;
	if (pair->key.written != NULL && !pair->key.dynamic) {
		info->key_configured = true;
		info->key_file = tl_certstore_get(run->certs, pair->key.path);
		info->key = info->key_file->key;
	} else if (pair->key.written == NULL && pair->key_from_cert_file &&
		   info->cert_file->key_present) {
		/* No key named: a bundle that holds its own key (Apache, HAProxy style). */
		info->key_configured = true;
		info->key_file = info->cert_file;
		info->key = info->cert_file->key;
	}
	info->key_match = find_key_match(info->served, info->key);
	info->leaf_index = info->key_match >= 0 ? info->key_match : 0;
	info->leaf = sk_X509_value(info->served, info->leaf_index);
	if (info->leaf != NULL) {
		info->self_signed = X509_self_signed(info->leaf, 1) == 1;
		verify(run, info);
		tl_arena_defer(run->arena, free_info, info);
	}
	ERR_clear_error();
	return info;
}

const struct tl_pair_info *
tl_pair_info_get(struct tl_run *run, const struct tl_cert_pair *pair)
{
	const char *key;
	struct tl_pair_info *info;

	if (run->pairs == NULL) {
		run->pairs = tl_arena_alloc(run->arena, sizeof(*run->pairs));
		tl_strmap_init(&run->pairs->map, run->arena);
	}
	key = tl_arena_printf(run->arena, "%s\n%s", pair->cert.path,
			      pair->key.written == NULL ? ""
			      : pair->key.dynamic       ? "$"
							: pair->key.path);
	info = tl_strmap_get(&run->pairs->map, key);
	if (info == NULL) {
		info = analyse(run, pair);
		tl_strmap_put(&run->pairs->map, key, info);
	}
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
tl_pair_serves(const struct tl_pair_info *info, const X509 *cert)
{
	for (int i = 0; i < sk_X509_num(info->served); i++)
		if (X509_cmp(sk_X509_value(info->served, i), cert) == 0)
			return true;
	return false;
}
