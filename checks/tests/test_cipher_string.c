/*
 * Unit tests of the cipher-string engine: expansions people get wrong,
 * operator semantics, the suites this libssl lacks, the TLS 1.3 list
 * parser and the cache.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../cipher_string.h"

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static struct tl_arena *arena;

static struct tl_cipher_list
eval(const char *str, int want_rc)
{
	struct tl_cipher_list list;
	const char *error = NULL;
	int rc = tl_cipher_string_eval(arena, str, 0, &list, &error);

	if (rc != want_rc) {
		fprintf(stderr, "'%s': rc %d, want %d (%s)\n", str, rc, want_rc,
			error ? error : "no error");
		failures++;
	}
	return list;
}

static int
position(const struct tl_cipher_list *l, const char *name)
{
	for (size_t i = 0; i < l->len; i++)
		if (strcmp(l->suites[i]->name, name) == 0)
			return (int)i;
	return -1;
}

int
main(void)
{
	struct tl_cipher_list l, m;
	struct tl_cipher_cache cache;
	const struct tl_cipher_list *cached, *again;
	const char *error = NULL;

	arena = tl_arena_new();

	/* HIGH:!aNULL:!MD5 still enables static-RSA key exchange. */
	l = eval("HIGH:!aNULL:!MD5", 0);
	CHECK(position(&l, "AES256-GCM-SHA384") >= 0);
	CHECK(position(&l, "AES128-SHA") >= 0);
	CHECK(position(&l, "ADH-AES128-SHA") < 0);
	CHECK(position(&l, "ECDHE-ECDSA-AES256-GCM-SHA384") == 0);

	/* One suite name is one suite: nothing for an RSA certificate. */
	l = eval("ECDHE-ECDSA-AES128-GCM-SHA256", 0);
	CHECK(l.len == 1 && strcmp(l.suites[0]->name, "ECDHE-ECDSA-AES128-GCM-SHA256") == 0);

	/* DEFAULT in OpenSSL 3.0: ECDHE-ECDSA AES256-GCM first, no RC4/3DES/anon/CAMELLIA. */
	l = eval("DEFAULT", 0);
	CHECK(l.len == 57);
	CHECK(position(&l, "ECDHE-ECDSA-AES256-GCM-SHA384") == 0);
	CHECK(position(&l, "ECDHE-RSA-AES256-GCM-SHA384") == 1);
	CHECK(position(&l, "DHE-RSA-AES256-GCM-SHA384") == 2);
	CHECK(position(&l, "ECDHE-ECDSA-CHACHA20-POLY1305") == 3);
	CHECK(position(&l, "DES-CBC3-SHA") < 0);
	CHECK(position(&l, "RC4-SHA") < 0);
	CHECK(position(&l, "CAMELLIA128-SHA") < 0);
	/* "DEFAULT" means something only at the start. */
	l = eval("kRSA:DEFAULT", 0);
	CHECK(l.nunknown == 1 && strcmp(l.unknown[0], "DEFAULT") == 0);
	CHECK(position(&l, "ECDHE-RSA-AES128-SHA") < 0);

	/* @STRENGTH moves 256-bit suites before 128-bit ones, otherwise stable. */
	l = eval("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384", 0);
	CHECK(position(&l, "ECDHE-RSA-AES128-GCM-SHA256") == 0);
	l = eval("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:@STRENGTH", 0);
	CHECK(position(&l, "ECDHE-RSA-AES256-GCM-SHA384") == 0);

	/* '-' can be undone by a later add; '!' cannot. */
	l = eval("ALL:-kRSA:kRSA", 0);
	m = eval("ALL:!kRSA:kRSA", 0);
	CHECK(position(&l, "AES128-SHA") >= 0);
	CHECK(position(&m, "AES128-SHA") < 0);
	/* '-' then re-adding puts the suites at the end; '+' moves without adding. */
	CHECK(position(&l, "AES128-SHA") > position(&l, "ECDHE-RSA-AES128-SHA"));
	l = eval("ECDHE+AESGCM:+kRSA", 0);
	CHECK(position(&l, "AES128-GCM-SHA256") < 0);

	/* A+B intersects; an empty intersection enables nothing: an error. */
	l = eval("kECDHE+aRSA+AESGCM", 0);
	CHECK(l.len == 2);
	eval("aNULL+aRSA", -ENOENT);
	eval("!ALL:HIGH", -ENOENT);
	eval("FOO", -ENOENT);
	eval("HIGH:!", -EINVAL);
	eval("HIGH:@FOO", -EINVAL);
	eval("HIGH:@SECLEVEL=6", -EINVAL);
	l = eval("HIGH:@SECLEVEL=2", 0);
	CHECK(l.sec_level == 2);

	/*
	 * '_' is no word character (found by fuzz/fuzz_ciphers.c against libssl,
	 * each as `openssl ciphers` answers): after a known alias it is an
	 * error; after an unknown word the element is skipped, and named whole.
	 */
	eval("ALL:ECDH_anon", -EINVAL);
	eval("ALL:_", -EINVAL);
	eval("ALL:AES+ECDH_x", -EINVAL);
	l = eval("ALL:FOO_BAR+AES:X_anon", 0);
	CHECK(l.nunknown == 2 && strcmp(l.unknown[0], "FOO_BAR") == 0 &&
	      strcmp(l.unknown[1], "X_anon") == 0);

	/*
	 * Linked only, an alias is what the linked libssl knows (fuzz_ciphers):
	 * 3.0 dropped EXP, so its element is skipped; it keeps 3DES even built
	 * without 3DES suites, so ']' after it is an invalid command.
	 */
	CHECK(tl_cipher_string_eval(arena, "ALL:EXP]", TL_CIPHER_LINKED_ONLY, &l, &error) == 0);
	CHECK(tl_cipher_string_eval(arena, "ALL:3DES]", TL_CIPHER_LINKED_ONLY, &l, &error) ==
	      -EINVAL);

	/* IANA names are unknown words in OpenSSL 3.0 cipher strings. */
	eval("TLS_RSA_WITH_AES_128_CBC_SHA", -ENOENT);
	CHECK(tl_cipher_string_eval(arena, "TLS_RSA_WITH_AES_128_CBC_SHA", TL_CIPHER_IANA_NAMES, &l,
				    &error) == 0 &&
	      l.len == 1);

	/*
	 * Suites this libssl lacks stay in the answer. ALL is OpenSSL 3.0's ALL
	 * (every suite without NULL encryption) over tlslint's whole table, so
	 * a 1.0.2- or 1.1.1-era server's RC4, 3DES, DES and EXPORT suites are in
	 * it, ordered where those releases put them.
	 */
	l = eval("ALL:@SECLEVEL=0", 0);
	CHECK(position(&l, "RC4-SHA") >= 0);
	CHECK(position(&l, "DES-CBC3-SHA") >= 0);
	CHECK(position(&l, "EXP-RC4-MD5") >= 0);
	/* Within its strength class RC4 goes last; 3DES (112 bits) comes after it. */
	CHECK(position(&l, "RC4-SHA") > position(&l, "AES128-SHA"));
	CHECK(position(&l, "RC4-SHA") < position(&l, "DES-CBC3-SHA"));
	CHECK(!tl_cipher_suite_linked(tl_cipher_suite_by_name("RC4-SHA")));
	CHECK(tl_cipher_suite_linked(tl_cipher_suite_by_name("AES128-SHA")));
	CHECK(tl_cipher_string_eval(arena, "RC4", TL_CIPHER_LINKED_ONLY, &l, &error) == -ENOENT);
	l = eval("RC4:3DES:EXP", 0);
	CHECK(position(&l, "ECDHE-RSA-RC4-SHA") >= 0 && position(&l, "EXP-DES-CBC-SHA") >= 0);

	/* Classes. */
	CHECK(tl_cipher_suite_classes(tl_cipher_suite_by_name("DES-CBC3-SHA")) & TL_CC_INSECURE);
	CHECK(!(tl_cipher_suite_classes(tl_cipher_suite_by_name("AES128-SHA")) & TL_CC_PFS));
	CHECK(tl_cipher_suite_classes(tl_cipher_suite_by_name("ECDHE-RSA-AES128-SHA")) & TL_CC_CBC);
	CHECK(!(tl_cipher_suite_classes(tl_cipher_suite_by_name("ADH-AES128-SHA")) & TL_CC_PFS));

	/*
	 * TLS 1.3 lists as OpenSSL 3.0 reads them: unknown names skipped, TLS 1.2
	 * suites by their standard name accepted but never listed, nothing known
	 * at all is "no cipher match" (each as `openssl ciphers -ciphersuites`).
	 */
	CHECK(tl_ciphersuites_eval(arena, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384", &l,
				   &error) == 0 &&
	      l.len == 2);
	CHECK(tl_ciphersuites_eval(arena, "TLS_AES_128_GCM_SHA256:AES128-SHA", &l, &error) == 0 &&
	      l.len == 1 && l.nunknown == 1 && strcmp(l.unknown[0], "AES128-SHA") == 0);
	CHECK(tl_ciphersuites_eval(arena, "AES128-SHA:BOGUS", &l, &error) == -ENOENT);
	CHECK(tl_ciphersuites_eval(arena, "TLS_RSA_WITH_AES_128_CBC_SHA", &l, &error) == 0 &&
	      l.len == 0 && l.nunknown == 0);
	CHECK(tl_ciphersuites_eval(arena, " TLS_AES_128_CCM_SHA256 :\tTLS_AES_128_CCM_8_SHA256", &l,
				   &error) == 0 &&
	      l.len == 2);
	CHECK(tl_ciphersuites_eval(arena, "tls_aes_128_gcm_sha256", &l, &error) == -ENOENT);
	CHECK(tl_ciphersuites_eval(arena, "", &l, &error) == 0 && l.len == 0);

	/* The cache evaluates a string once. */
	tl_cipher_cache_init(&cache, arena);
	for (int i = 0; i < 10000; i++)
		CHECK(tl_cipher_cache_eval(&cache, "HIGH:!aNULL", 0, &cached, &error) == 0);
	CHECK(tl_cipher_cache_eval(&cache, "HIGH:!aNULL", 0, &again, &error) == 0 &&
	      again == cached);
	CHECK(tl_cipher_cache_eval(&cache, "FOO", 0, &again, &error) == -ENOENT);
	CHECK(cache.evaluations == 2);

	tl_arena_free(arena);
	if (failures == 0)
		printf("cipher engine: all checks passed\n");
	return failures == 0 ? 0 : 1;
}
