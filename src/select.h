/*
 * Which site a handshake reaches: the socket's selection rule applied to
 * the SNI name the client sends, the way each server chooses (model.h,
 * enum tl_select_rule). The simulator and the topology checks ask this.
 */
#ifndef TL_SELECT_H
#define TL_SELECT_H

#include "model.h"

/*
 * The site of SOCK that a client sending SNI (NULL or "" for none) gets:
 * the site its name selects, else the socket's default site (NULL when
 * the socket has no site). Names compare without case.
 */
struct tl_site *tl_socket_select(const struct tl_socket *sock, const char *sni);

/*
 * Compiles a TL_NAME_GLOB name ('*' any run of characters, dots too, '?'
 * one character, the rest literal, case ignored: httpd's
 * ap_strcasecmp_match) into NAME->regex, as lowering must before the name
 * is matched. False when PCRE2 refuses it (it should not).
 */
bool tl_name_compile_glob(struct tl_arena *arena, struct tl_name *name);

/* True when NAME (one of a site's names) matches the host name SNI under RULE's semantics. */
bool tl_name_matches(const struct tl_name *name, const char *sni);

#endif
