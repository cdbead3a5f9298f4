/*
 * The system bundle decoded on demand (src/trust_bundle.c): nothing is
 * decoded before a chain needs it, then only the roots it asks for. And
 * against OpenSSL's own loading of the same file: every served chain of
 * the test PKI gets the same verdict and path either way, on the first
 * verification and from the store's cache after it; a root written as a
 * TRUSTED CERTIFICATE and text between blocks are handled as
 * X509_STORE_load_file handles them; a missing file trusts nothing, and
 * so does one with a block OpenSSL cannot read.
 * Usage: test_trust_bundle PKI_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "../trust_bundle.h"
#include "unit.h"

#define TEST_NOW ((time_t)1780272000) /* 2026-06-01T00:00:00Z, testdata/pki/mk.sh */

static const char *pki;
static char dir[] = "/tmp/tlslint-trust-bundle-XXXXXX";

static STACK_OF(X509) * read_chain(const char *name)
{
	char *path = NULL;
	STACK_OF(X509) *chain = sk_X509_new_null();
	FILE *f;
	X509 *x;

	if (asprintf(&path, "%s/%s", pki, name) < 0)
		abort();
	f = fopen(path, "r");
	free(path);
	if (f == NULL || chain == NULL)
		abort();
	while ((x = PEM_read_X509(f, NULL, NULL, NULL)) != NULL)
		sk_X509_push(chain, x);
	ERR_clear_error();
	fclose(f);
	return chain;
}

/* Writes a bundle: the PKI files named, each "aux:" one as a TRUSTED CERTIFICATE, "junk:" text as
 * is. */
static char *
write_bundle(const char *name, const char *const *parts)
{
	char *path = NULL;
	FILE *out;

	if (asprintf(&path, "%s/%s", dir, name) < 0 || (out = fopen(path, "w")) == NULL)
		abort();
	for (size_t i = 0; parts[i] != NULL; i++) {
		if (strncmp(parts[i], "junk:", 5) == 0) {
			fputs(parts[i] + 5, out);
			continue;
		}
		bool aux = strncmp(parts[i], "aux:", 4) == 0;
		STACK_OF(X509) *certs = read_chain(aux ? parts[i] + 4 : parts[i]);

		for (int k = 0; k < sk_X509_num(certs); k++) {
			X509 *x = sk_X509_value(certs, k);

			if (aux)
				X509_add1_trust_object(x, OBJ_nid2obj(NID_server_auth));
			if (!(aux ? PEM_write_X509_AUX(out, x) : PEM_write_X509(out, x)))
				abort();
		}
		sk_X509_pop_free(certs, X509_free);
	}
	fclose(out);
	return path;
}

/* The verification of the chain in NAME (leaf first): its error and its path's length. */
static int
verify_for(X509_STORE *store, const char *name, int purpose, int *depth)
{
	STACK_OF(X509) *chain = read_chain(name);
	STACK_OF(X509) *untrusted = sk_X509_new_null();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	int error;

	for (int i = 1; i < sk_X509_num(chain); i++)
		sk_X509_push(untrusted, sk_X509_value(chain, i));
	if (ctx == NULL || !X509_STORE_CTX_init(ctx, store, sk_X509_value(chain, 0), untrusted))
		abort();
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), TEST_NOW);
	if (purpose != 0)
		X509_STORE_CTX_set_purpose(ctx, purpose);
	X509_verify_cert(ctx);
	error = X509_STORE_CTX_get_error(ctx);
	*depth = sk_X509_num(X509_STORE_CTX_get0_chain(ctx));
	X509_STORE_CTX_free(ctx);
	sk_X509_free(untrusted);
	sk_X509_pop_free(chain, X509_free);
	ERR_clear_error();
	return error;
}

static int
verify(X509_STORE *store, const char *name, int *depth)
{
	return verify_for(store, name, 0, depth);
}

static const char *const chains[] = {
	"www.fullchain.crt",        "ecdsa.fullchain.crt",
	"deep.fullchain.crt",       "expired.fullchain.crt",
	"other.fullchain.crt",      "untrusted.fullchain.crt",
	"selfsigned.crt",           "www.crt",
	"oldintleaf.fullchain.crt", NULL,
};

/* Every chain gets the same verdict from the lazy store as from X509_STORE_load_file, twice. */
static void
same_as_eager(struct tl_arena *arena, const char *bundle)
{
	X509_STORE *lazy = tl_trust_bundle_store(arena, bundle);
	X509_STORE *eager = X509_STORE_new();

	CHECK(lazy != NULL);
	(void)X509_STORE_load_file(eager, bundle);
	ERR_clear_error();
	for (int round = 0; round < 4; round++)
		for (size_t i = 0; chains[i] != NULL; i++) {
			/* Rounds 2 and 3 as a TLS client checks a server: a root's trust settings
			 * count. */
			int purpose = round >= 2 ? X509_PURPOSE_SSL_SERVER : 0;
			int lazy_depth, eager_depth;
			int got = verify_for(lazy, chains[i], purpose, &lazy_depth);
			int want = verify_for(eager, chains[i], purpose, &eager_depth);

			if (got != want || lazy_depth != eager_depth)
				fprintf(stderr,
					"%s, %s, round %d: lazy %d (%d certs), eager %d (%d)\n",
					bundle, chains[i], round, got, lazy_depth, want,
					eager_depth);
			CHECK_INT(got, want);
			CHECK_INT(lazy_depth, eager_depth);
		}
	X509_STORE_free(eager);
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena;
	char *with_root, *without_root, *messy, *broken, *missing;
	int depth;

	if (argc != 2) {
		fprintf(stderr, "usage: test_trust_bundle PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	if (mkdtemp(dir) == NULL)
		return 2;
	arena = tl_arena_new();

	with_root = write_bundle("with-root.pem",
				 (const char *const[]){"otherroot.crt", "root.crt", NULL});
	without_root =
		write_bundle("without-root.pem", (const char *const[]){"otherroot.crt", NULL});
	/* Text between blocks, and the root as a TRUSTED CERTIFICATE for serverAuth only. */
	messy = write_bundle("messy.pem",
			     (const char *const[]){"junk:# a comment line\n", "otherroot.crt",
						   "junk:text between blocks\n", "aux:root.crt",
						   NULL});
	/* A block that is not base64: OpenSSL refuses the whole file. */
	broken = write_bundle("broken.pem",
			      (const char *const[]){"root.crt",
						    "junk:-----BEGIN CERTIFICATE-----\n"
						    "not base64 at all\n"
						    "-----END CERTIFICATE-----\n",
						    NULL});
	if (asprintf(&missing, "%s/missing.pem", dir) < 0)
		return 2;

	same_as_eager(arena, with_root);
	same_as_eager(arena, without_root);
	same_as_eager(arena, messy);
	same_as_eager(arena, broken);

	/* The expectations themselves, so that two broken loaders cannot agree. */
	X509_STORE *store = tl_trust_bundle_store(arena, with_root);

	/* Lazy: nothing decoded before a verification, then only the root it needed. */
	CHECK_INT(sk_X509_OBJECT_num(X509_STORE_get0_objects(store)), 0);
	CHECK_INT(verify(store, "www.fullchain.crt", &depth), X509_V_OK);
	CHECK_INT(depth, 3);
	CHECK_INT(sk_X509_OBJECT_num(X509_STORE_get0_objects(store)), 1);
	CHECK_INT(verify(store, "untrusted.fullchain.crt", &depth), X509_V_OK);
	CHECK_INT(sk_X509_OBJECT_num(X509_STORE_get0_objects(store)), 2);
	store = tl_trust_bundle_store(arena, without_root);
	CHECK_INT(verify(store, "www.fullchain.crt", &depth),
		  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
	store = tl_trust_bundle_store(arena, messy);
	CHECK_INT(verify_for(store, "www.fullchain.crt", X509_PURPOSE_SSL_SERVER, &depth),
		  X509_V_OK);
	/* Trusted for serverAuth only: a verification for no purpose rejects the root. */
	CHECK_INT(verify(store, "www.fullchain.crt", &depth), X509_V_ERR_CERT_REJECTED);
	store = tl_trust_bundle_store(arena, broken);
	CHECK_INT(verify(store, "www.fullchain.crt", &depth),
		  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
	store = tl_trust_bundle_store(arena, missing);
	CHECK(store != NULL);
	CHECK_INT(verify(store, "www.fullchain.crt", &depth),
		  X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);

	tl_arena_free(arena);
	unlink(with_root);
	unlink(without_root);
	unlink(messy);
	unlink(broken);
	rmdir(dir);
	free(with_root);
	free(without_root);
	free(messy);
	free(broken);
	free(missing);
	return tl_unit_result();
}
