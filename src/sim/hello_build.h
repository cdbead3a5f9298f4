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
 * server_name (clients send none for addresses). NULL when it cannot be
 * built (a captured hello that does not parse).
 */
const unsigned char *tl_profile_hello(struct tl_arena *arena, const struct tl_client_profile *p,
				      const char *name, size_t *len);

#endif
