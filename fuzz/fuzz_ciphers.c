/*
 * libFuzzer target for the cipher-string engine, against the linked
 * libssl: arbitrary bytes (up to the first NUL) as an OpenSSL cipher
 * string and as a TLS 1.3 suite list. tlslint must accept exactly what
 * SSL_CTX_set_cipher_list() and SSL_CTX_set_ciphersuites() accept, and
 * give the same suites in the same order; a disagreement stops the fuzzer
 * with both lists printed. Seeds: fuzz/corpus/ciphers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "../checks/cipher_string.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SSL_CTX *
new_ctx(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	if (ctx == NULL)
		abort();
	/* Both sides see every suite: the security level filters handshakes, not the list. */
	SSL_CTX_set_security_level(ctx, 0);
	return ctx;
}

/* The suites of CTX of TLS 1.3 (TLS13 true) or not, in order, as tlslint lists them. */
static bool
same_suites(SSL_CTX *ctx, bool tls13, const struct tl_cipher_list *mine, const char *str)
{
	STACK_OF(SSL_CIPHER) *sk = SSL_CTX_get_ciphers(ctx);
	size_t k = 0;
	bool same = true;

	for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
		const SSL_CIPHER *c = sk_SSL_CIPHER_value(sk, i);
		bool is13 = strcmp(SSL_CIPHER_get_version(c), "TLSv1.3") == 0;

		bool again = false;

		if (is13 != tls13)
			continue;
		/* libssl keeps a TLS 1.3 suite named twice twice; tlslint lists it once. */
		for (int j = 0; j < i; j++)
			again |= sk_SSL_CIPHER_value(sk, j) == c;
		if (again)
			continue;
		if (k >= mine->len || strcmp(mine->suites[k]->name, SSL_CIPHER_get_name(c)) != 0)
			same = false;
		k++;
	}
	if (k != mine->len)
		same = false;
	if (!same) {
		fprintf(stderr, "cipher engine and libssl differ on '%s'\n  libssl:", str);
		for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++)
			fprintf(stderr, " %s", SSL_CIPHER_get_name(sk_SSL_CIPHER_value(sk, i)));
		fprintf(stderr, "\n  tlslint:");
		for (size_t i = 0; i < mine->len; i++)
			fprintf(stderr, " %s", mine->suites[i]->name);
		fprintf(stderr, "\n");
	}
	return same;
}

/* Stops when tlslint (MINE, 0: accepted) and libssl (THEIRS, 1: accepted) disagree on STR. */
static void
agree(SSL_CTX *ctx, bool tls13, const char *str, int mine, int theirs, const char *error,
      const struct tl_cipher_list *list)
{
	if ((mine == 0) != (theirs == 1)) {
		fprintf(stderr, "%s'%s': tlslint %s (%s), libssl %s\n",
			tls13 ? "TLS 1.3 list " : "", str, mine == 0 ? "accepts" : "refuses",
			error ? error : "", theirs == 1 ? "accepts" : "refuses");
		__builtin_trap();
	}
	if (mine == 0 && !same_suites(ctx, tls13, list, str))
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	char *str = tl_arena_strndup(arena, (const char *)data, size);
	struct tl_cipher_list list;
	const char *error = NULL;
	SSL_CTX *ctx = new_ctx();
	int mine;

	mine = tl_cipher_string_eval(arena, str, TL_CIPHER_LINKED_ONLY, &list, &error);
	agree(ctx, false, str, mine, SSL_CTX_set_cipher_list(ctx, str), error, &list);
	SSL_CTX_free(ctx);

	ctx = new_ctx();
	error = NULL;
	mine = tl_ciphersuites_eval(arena, str, &list, &error);
	agree(ctx, true, str, mine, SSL_CTX_set_ciphersuites(ctx, str), error, &list);
	SSL_CTX_free(ctx);
	ERR_clear_error();
	tl_arena_free(arena);
	return 0;
}
