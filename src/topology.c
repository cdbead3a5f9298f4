/*
 * Socket topology: see topology.h. Linking is one pass with a map from
 * (server, transport, port) to that port's wildcards, so it costs a map
 * lookup per socket, not a comparison per pair.
 */
#include "topology.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strmap.h"

const char *
tl_addr_canonical(struct tl_arena *arena, const char *text, enum tl_addr_family *family,
		  bool *wildcard)
{
	unsigned char bin[16];
	char buf[INET6_ADDRSTRLEN + 2];

	*wildcard = false;
	if (strncmp(text, "unix:", 5) == 0 || text[0] == '/') {
		*family = TL_FAMILY_UNIX;
		return text;
	}
	if (strcmp(text, "*") == 0 || strcmp(text, "") == 0) {
		*family = TL_FAMILY_IPV4;
		*wildcard = true;
		return "*";
	}
	if (inet_pton(AF_INET, text, bin) == 1) {
		*family = TL_FAMILY_IPV4;
		if (memcmp(bin, "\0\0\0\0", 4) == 0) {
			*wildcard = true;
			return "*";
		}
		inet_ntop(AF_INET, bin, buf, sizeof(buf));
		return tl_arena_strdup(arena, buf);
	}
	if (text[0] == '[') {
		size_t n = strlen(text);
		char inner[INET6_ADDRSTRLEN + 1];

		if (n >= 2 && text[n - 1] == ']' && n - 2 < sizeof(inner)) {
			memcpy(inner, text + 1, n - 2);
			inner[n - 2] = '\0';
			if (inet_pton(AF_INET6, inner, bin) == 1) {
				static const unsigned char any[16];

				*family = TL_FAMILY_IPV6;
				*wildcard = memcmp(bin, any, 16) == 0;
				buf[0] = '[';
				inet_ntop(AF_INET6, bin, buf + 1, sizeof(buf) - 2);
				strcat(buf, "]");
				return tl_arena_strdup(arena, buf);
			}
		}
	}
	*family = TL_FAMILY_NAME;
	return text;
}

/* The map key of a port's sockets: server, transport, port. */
static const char *
port_key(struct tl_arena *arena, const struct tl_socket *s)
{
	return tl_arena_printf(arena, "%d %d %u", (int)s->server, (int)s->quic, s->port);
}

/* The wildcards of one port: IPv4, IPv6, dual-stack. */
struct port_wildcards {
	struct tl_socket *of[3];
};

static int
wildcard_slot(enum tl_addr_family f)
{
	return f == TL_FAMILY_IPV4 ? 0 : f == TL_FAMILY_IPV6 ? 1 : f == TL_FAMILY_ANY ? 2 : -1;
}

void
tl_topology_link(struct tl_model *model)
{
	struct tl_arena *arena = model->arena;
	struct tl_strmap ports, exact;

	tl_strmap_init(&ports, arena);
	tl_strmap_init(&exact, arena);
	for (size_t i = 0; i < model->sockets.len; i++) {
		struct tl_socket *s = model->sockets.items[i];
		const char *key = port_key(arena, s);
		const char *akey = tl_arena_printf(arena, "%s %s", key, s->addr);
		struct tl_socket *first = tl_strmap_get(&exact, akey);

		if (first != NULL) {
			/* Bound twice: every member names the others. */
			for (size_t k = 0; k < first->same_address.len; k++) {
				struct tl_socket *o = first->same_address.items[k];

				tl_ptrvec_push(arena, &o->same_address, s);
				tl_ptrvec_push(arena, &s->same_address, o);
			}
			tl_ptrvec_push(arena, &first->same_address, s);
			tl_ptrvec_push(arena, &s->same_address, first);
			continue;
		}
		tl_strmap_put(&exact, akey, s);
		if (s->wildcard && wildcard_slot(s->family) >= 0) {
			struct port_wildcards *w = tl_strmap_get(&ports, key);

			if (w == NULL) {
				w = tl_arena_alloc(arena, sizeof(*w));
				tl_strmap_put(&ports, key, w);
			}
			w->of[wildcard_slot(s->family)] = s;
		}
	}
	for (size_t i = 0; i < model->sockets.len; i++) {
		struct tl_socket *s = model->sockets.items[i];
		struct port_wildcards *w;
		struct tl_socket *wild;

		if (s->wildcard || (s->family != TL_FAMILY_IPV4 && s->family != TL_FAMILY_IPV6))
			continue;
		w = tl_strmap_get(&ports, port_key(arena, s));
		if (w == NULL)
			continue;
		wild = w->of[wildcard_slot(s->family)];
		if (wild == NULL)
			wild = w->of[2];
		if (wild == NULL || wild == s)
			continue;
		s->wildcard_socket = wild;
	}
}

struct tl_socket *
tl_topology_socket_for(const struct tl_model *model, enum tl_server_kind server, const char *addr,
		       unsigned port, bool quic)
{
	enum tl_addr_family family;
	bool wildcard;
	const char *canon = tl_addr_canonical(model->arena, addr, &family, &wildcard);
	struct tl_socket *by_family = NULL, *dual = NULL;

	for (size_t i = 0; i < model->sockets.len; i++) {
		struct tl_socket *s = model->sockets.items[i];

		if (s->server != server || s->port != port || s->quic != quic)
			continue;
		if (strcmp(s->addr, canon) == 0)
			return s;
		if (s->wildcard && s->family == family && by_family == NULL)
			by_family = s;
		if (s->wildcard && s->family == TL_FAMILY_ANY && dual == NULL)
			dual = s;
	}
	return by_family != NULL ? by_family : dual;
}
