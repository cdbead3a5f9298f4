/*
 * Which site a handshake reaches: the socket's selection rule applied to
 * the SNI name the client sends, the way each server chooses (model.h,
 * enum tl_select_rule). The simulator and the topology checks ask this.
 */
#ifndef TL_SELECT_H
#define TL_SELECT_H

#include "model.h"
#include "strmap.h"

/*
 * The site of SOCK that a client sending SNI (NULL or "" for none) gets:
 * the site its name selects, else the socket's default site (NULL when
 * the socket has no site). Names compare without case.
 */
struct tl_site *tl_socket_select(const struct tl_socket *sock, const char *sni);

/*
 * The same for many names of one socket (the simulation asks once per
 * site): an index of the exact names answers those where the server's
 * rule lets an exact name decide (nginx, HAProxy without "!name" filters,
 * httpd when no name is a pattern); the rest go to tl_socket_select.
 */
struct tl_select_index {
	const struct tl_socket *sock;
	struct tl_strmap exact; /* lower-case name → the first site that has it */
	bool usable;            /* the rule lets an exact name decide on this socket */
};

void tl_select_index_init(struct tl_select_index *ix, struct tl_arena *arena,
			  const struct tl_socket *sock);
struct tl_site *tl_select_indexed(const struct tl_select_index *ix, const char *sni);

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
