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

/* True when NAME (one of a site's names) matches the host name SNI under RULE's semantics. */
bool tl_name_matches(const struct tl_name *name, const char *sni);

#endif
