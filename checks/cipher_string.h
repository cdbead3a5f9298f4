/*
 * The cipher-string engine: evaluates an OpenSSL cipher string
 * ("HIGH:!aNULL:!MD5", "ECDHE+AESGCM:@STRENGTH", "DEFAULT:-kRSA") exactly as
 * OpenSSL 3.0's SSL_CTX_set_cipher_list() does, over tlslint's table of every
 * suite OpenSSL has known, so that it answers for servers whose OpenSSL still
 * has suites this build lacks. TLS 1.3 suites are not part of a cipher string;
 * tl_ciphersuites_eval() reads SSL_CTX_set_ciphersuites() lists.
 */
#ifndef TL_CIPHER_STRING_H
#define TL_CIPHER_STRING_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strmap.h"
#include "cipher_suites.h"

struct tl_cipher_list {
	const struct tl_cipher_suite **suites; /* in server preference order */
	size_t len;
	int sec_level;        /* from @SECLEVEL=n; -1 when the string sets none */
	const char **unknown; /* words that name no suite or alias (OpenSSL ignores them) */
	size_t nunknown;
};

enum {
	/*
	 * Evaluate over the suites the linked libssl has, with aliases that
	 * only name missing algorithms unknown, as libssl itself does. Without
	 * it: over the whole table.
	 */
	TL_CIPHER_LINKED_ONLY = 1u << 0,
	/*
	 * Also accept IANA names (TLS_RSA_WITH_AES_128_CBC_SHA) as suite names.
	 * OpenSSL 3.0 does not: it ignores them as unknown words, so without
	 * this flag tlslint does too and lists them in 'unknown'.
	 */
	TL_CIPHER_IANA_NAMES = 1u << 1,
};

/*
 * Evaluates STR into OUT (allocated in ARENA). Returns 0; -EINVAL when
 * OpenSSL would reject the syntax (a stray character, '@' with an unknown
 * command, a bad @SECLEVEL); -ENOENT when the string enables no suite
 * (OpenSSL's "no cipher match": the server does not start). On error
 * *ERROR says why, and OUT still holds the unknown words.
 */
int tl_cipher_string_eval(struct tl_arena *arena, const char *str, unsigned flags,
			  struct tl_cipher_list *out, const char **error);

/*
 * Evaluates a TLS 1.3 suite list (SSL_CTX_set_ciphersuites: names separated
 * by ':') as OpenSSL 3.0 does: names it does not know are skipped (listed
 * in 'unknown'); -ENOENT when the list is not empty and names nothing it
 * knows ("no cipher match": the server does not start). An empty list is
 * valid and disables TLS 1.3 suites.
 */
int tl_ciphersuites_eval(struct tl_arena *arena, const char *str, struct tl_cipher_list *out,
			 const char **error);

/*
 * One evaluation per distinct string: ten thousand sites with the same
 * ssl_ciphers cost one evaluation. Results live in the cache's arena.
 */
struct tl_cipher_cache {
	struct tl_arena *arena;
	struct tl_strmap map;        /* "flags:string" → entry */
	struct tl_ptrmap by_pointer; /* (string, flags + 1) → the same entry */
	unsigned evaluations;        /* misses, for tests */
};

void tl_cipher_cache_init(struct tl_cipher_cache *cache, struct tl_arena *arena);
/* As tl_cipher_string_eval(); *OUT points into the cache. */
int tl_cipher_cache_eval(struct tl_cipher_cache *cache, const char *str, unsigned flags,
			 const struct tl_cipher_list **out, const char **error);

#endif
