/* Unit tests of the certificate store against the committed test PKI. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../../src/certstore.h"
#include "../../src/tests/unit.h"

static const char *pki;

static const char *
path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", pki, name);
	return buf;
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_fs fs, rooted;
	struct tl_certstore *store;
	const struct tl_cert_file *f, *again;
	char buf[4096];

	if (argc != 2) {
		fprintf(stderr, "usage: test_certstore PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	tl_fs_init(&fs, arena, NULL);
	store = tl_certstore_new(arena, &fs);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "www.fullchain.crt"));
	CHECK_INT(f->read_error, 0);
	CHECK_INT(sk_X509_num(f->certs), 2);
	CHECK(f->key == NULL);
	CHECK(!f->key_present);
	/* The same path is loaded once. */
	again = tl_certstore_get(store, path(buf, sizeof(buf), "www.fullchain.crt"));
	CHECK(again == f);
	CHECK_INT(tl_certstore_files(store), 1);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "www.key"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->key != NULL);
	CHECK(f->key_present);
	CHECK(!f->key_encrypted);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "garbage.crt"));
	CHECK_INT(f->read_error, 0);
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->cert_error != NULL);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "empty.crt"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK_STR(f->cert_error, "the file is empty");

	f = tl_certstore_get(store, path(buf, sizeof(buf), "truncated.crt"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->cert_error != NULL);

	/* Read as the servers read: one bad block anywhere and nothing of the file is kept. */
	f = tl_certstore_get(store, path(buf, sizeof(buf), "broken-later-block.crt"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->cert_error && strstr(f->cert_error, "PEM block 2 (line 22)") != NULL);
	f = tl_certstore_get(store, path(buf, sizeof(buf), "broken-intermediate.crt"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->cert_error && strstr(f->cert_error, "does not decode") != NULL);
	f = tl_certstore_get(store, path(buf, sizeof(buf), "www.der"));
	CHECK_INT(sk_X509_num(f->certs), 0);
	CHECK(f->cert_error && strstr(f->cert_error, "DER certificate") != NULL);
	/* Keys: the first block that decodes, as OpenSSL 3's PEM_read_bio_PrivateKey(). */
	f = tl_certstore_get(store, path(buf, sizeof(buf), "broken-junk-then.key"));
	CHECK(f->key != NULL);
	CHECK(f->key_error == NULL);
	f = tl_certstore_get(store, path(buf, sizeof(buf), "broken-truncated.key"));
	CHECK(f->key == NULL);
	CHECK(f->key_present);
	CHECK(f->key_error && strstr(f->key_error, "malformed") != NULL);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "dhparam2048.pem"));
	CHECK(f->dh_params != NULL);
	CHECK_INT(EVP_PKEY_get_bits(f->dh_params), 2048);

	f = tl_certstore_get(store, path(buf, sizeof(buf), "does-not-exist.crt"));
	CHECK_INT(f->read_error, ENOENT);

	/* Many distinct paths grow the table without losing entries. */
	for (int i = 0; i < 300; i++) {
		char name[64];

		snprintf(name, sizeof(name), "missing-%d.crt", i);
		tl_certstore_get(store, path(buf, sizeof(buf), name));
	}
	CHECK_INT(tl_certstore_files(store), 312);
	f = tl_certstore_get(store, path(buf, sizeof(buf), "www.fullchain.crt"));
	CHECK_INT(sk_X509_num(f->certs), 2);
	CHECK_INT(tl_certstore_files(store), 312);
	CHECK_INT(tl_certstore_certificate_files(store), 1);

	/* Under a root, server paths are read from it, and one file has one entry. */
	CHECK_INT(tl_fs_init(&rooted, arena, pki), 0);
	store = tl_certstore_new(arena, &rooted);
	f = tl_certstore_get(store, "/www.key");
	CHECK(f->key != NULL);
	CHECK_STR(f->path, path(buf, sizeof(buf), "www.key"));
	again = tl_certstore_get(store, "/.././/www.key");
	CHECK(again == f);
	CHECK_INT(tl_certstore_files(store), 1);

	tl_arena_free(arena);
	return tl_unit_result();
}
