/*
 * Unit tests of certificate/key pair analysis against the committed test
 * PKI: what is served (certificate file, then chain file), which
 * certificate is the leaf, and where the path ends.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../pair.h"
#include "../truststore.h"
#include "unit.h"

static const char *pki;
static struct tl_arena *arena;

static struct tl_file_ref
ref(const char *name)
{
	struct tl_file_ref r = {0};

	r.written = name;
	r.path = tl_arena_printf(arena, "%s/%s", pki, name);
	return r;
}

static struct tl_cert_pair
pair_of(const char *cert, const char *key, const char *chain)
{
	struct tl_cert_pair p = {0};

	p.cert = ref(cert);
	if (key != NULL)
		p.key = ref(key);
	if (chain != NULL)
		p.chain = ref(chain);
	return p;
}

int
main(int argc, char **argv)
{
	struct tl_fs fs;
	struct tl_analysis an = {0};
	const struct tl_pair_info *info;
	const char *error = NULL;
	struct tl_cert_pair leaf_only, with_chain, chain_missing, fullchain, chain_first, full;

	if (argc != 2) {
		fprintf(stderr, "usage: test_pair PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	arena = tl_arena_new();
	tl_fs_init(&fs, arena, NULL);
	an.arena = arena;
	an.fs = &fs;
	an.certs = tl_certstore_new(arena, &fs);
	an.trust =
		tl_trust_store_new(arena, tl_arena_printf(arena, "%s/root.crt", pki), NULL, &error);
	an.now = 1780272000; /* 2026-06-01T00:00:00Z, inside every test certificate's life */
	CHECK(an.trust != NULL);

	/* The leaf alone: its issuer is neither served nor trusted. */
	leaf_only = pair_of("www.crt", "www.key", NULL);
	info = tl_pair_info_get(&an, &leaf_only);
	CHECK_INT(sk_X509_num(info->served), 1);
	CHECK(info->chain_file == NULL);
	CHECK_INT(info->chain_end, TL_CHAIN_INCOMPLETE);
	CHECK(!info->verified);

	/* A chain file completes it: served is the certificate file's, then the chain file's. */
	with_chain = pair_of("www.crt", "www.key", "intermediate.crt");
	info = tl_pair_info_get(&an, &with_chain);
	CHECK(info->chain_file != NULL);
	CHECK_INT(sk_X509_num(info->served), 2);
	CHECK_INT(info->leaf_index, 0);
	CHECK_INT(info->key_match, 0);
	CHECK(info->verified);
	CHECK_INT(info->chain_end, TL_CHAIN_TRUSTED);
	CHECK_INT(info->served_depth[1], 1);
	/* The store's own list is not changed by the pair that extends it. */
	CHECK_INT(sk_X509_num(info->cert_file->certs), 1);
	CHECK(tl_pair_info_get(&an, &leaf_only)->chain_file == NULL);

	/* Same files, another pair: the analysis is shared. */
	fullchain = pair_of("www.crt", "www.key", "intermediate.crt");
	CHECK(tl_pair_info_get(&an, &fullchain) == info);

	/*
	 * With a chain file only the certificate file's first certificate is
	 * served (pairs live as long as the analysis: they are its cache keys).
	 */
	full = pair_of("www.fullchain.crt", "www.key", "root.crt");
	info = tl_pair_info_get(&an, &full);
	CHECK_INT(sk_X509_num(info->cert_file->certs), 2);
	CHECK_INT(sk_X509_num(info->served), 2);
	CHECK(!info->verified);
	CHECK_INT(info->chain_end, TL_CHAIN_INCOMPLETE);

	/* A chain file that cannot be read adds nothing and says why. */
	chain_missing = pair_of("www.crt", "www.key", "no-such-chain.crt");
	info = tl_pair_info_get(&an, &chain_missing);
	CHECK(info->chain_file != NULL);
	CHECK_INT(info->chain_file->read_error, ENOENT);
	CHECK_INT(sk_X509_num(info->served), 1);
	CHECK_INT(info->chain_end, TL_CHAIN_INCOMPLETE);

	/* The leaf is the certificate the key belongs to, wherever it is served. */
	chain_first = pair_of("intermediate.crt", "www.key", "www.crt");
	info = tl_pair_info_get(&an, &chain_first);
	CHECK_INT(sk_X509_num(info->served), 2);
	CHECK_INT(info->key_match, 1);
	CHECK_INT(info->leaf_index, 1);
	CHECK(info->verified);

	tl_arena_free(arena);
	return tl_unit_result();
}
