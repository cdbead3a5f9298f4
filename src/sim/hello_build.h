/*
 * The ClientHello a profile sends (issue 13, item 3): a captured hello
 * with its server_name replaced by the name simulated, or one encoded
 * from published parameters (struct tl_hello_params), as TLS records.
 */
#ifndef TL_SIM_HELLO_BUILD_H
#define TL_SIM_HELLO_BUILD_H

#include <stddef.h>

#include "arena.h"
#include "profile.h"

/*
 * The ClientHello records PROFILE sends when asked to connect to NAME, in
 * a buffer from ARENA, *LEN bytes. NAME NULL or an IP address literal: no
 * server_name (clients send none for addresses); a U-label NAME goes out
 * in A-label form, without a trailing dot; a name longer than 253 bytes
 * is sent as none. NULL when it cannot be built (a captured hello that is
 * not exactly one complete ClientHello, a key share of a group we cannot
 * generate, out of memory). Thread-safe: key shares are made once per
 * group per process under a lock.
 */
const unsigned char *tl_profile_hello(struct tl_arena *arena, const struct tl_client_profile *p,
				      const char *name, size_t *len);

#endif
