/*
 * Sockets as the kernel sees them: which listening socket a connection to
 * an address and port reaches. A specific address takes its connections
 * away from the wildcard of its family on the same port, IPv4 and IPv6
 * wildcards are separate sockets unless one is dual-stack, and sockets
 * bound to the same address twice (HAProxy, SO_REUSEPORT) share its
 * connections at random. docs/design.md ("Sockets as the kernel sees
 * them") has the experiments that showed it for each server.
 */
#ifndef TL_TOPOLOGY_H
#define TL_TOPOLOGY_H

#include "model.h"

/*
 * The canonical text of the IP address TEXT ("[…]" around IPv6, as
 * inet_ntop writes it; "*" for 0.0.0.0 and "*", "[::]" for the IPv6
 * any-address), with its family and whether it is a wildcard. A host name
 * comes back as written, TL_FAMILY_NAME.
 */
const char *tl_addr_canonical(struct tl_arena *arena, const char *text, enum tl_addr_family *family,
			      bool *wildcard);

/*
 * Fills wildcard_socket and same_address for every socket of
 * MODEL (sockets of different servers never meet: they are different
 * processes). Lowering must have set each socket's family and wildcard.
 */
void tl_topology_link(struct tl_model *model);

/*
 * The socket of SERVER that a connection to ADDR:PORT (TCP, or QUIC)
 * reaches: the one bound to that address, else the wildcard of its family,
 * else a dual-stack wildcard; NULL when none. Of sockets sharing one
 * address it returns the first; same_address names the others.
 */
struct tl_socket *tl_topology_socket_for(const struct tl_model *model, enum tl_server_kind server,
					 const char *addr, unsigned port, bool quic);

#endif
