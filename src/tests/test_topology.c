/* Unit tests of the socket topology: canonical addresses, wildcards and what takes a connection. */
#include <string.h>

#include "../topology.h"
#include "unit.h"

static struct tl_arena *arena;
static struct tl_model model;

static struct tl_socket *
sock(enum tl_server_kind server, const char *addr, unsigned port, enum tl_addr_family dual)
{
	struct tl_socket *s = tl_arena_alloc(arena, sizeof(*s));

	s->server = server;
	s->port = port;
	s->addr = tl_addr_canonical(arena, addr, &s->family, &s->wildcard);
	if (dual == TL_FAMILY_ANY && s->wildcard)
		s->family = TL_FAMILY_ANY;
	tl_ptrvec_push(arena, &model.sockets, s);
	return s;
}

static void
test_canonical(void)
{
	enum tl_addr_family f;
	bool w;

	CHECK_STR(tl_addr_canonical(arena, "0.0.0.0", &f, &w), "*");
	CHECK(f == TL_FAMILY_IPV4 && w);
	CHECK_STR(tl_addr_canonical(arena, "*", &f, &w), "*");
	CHECK_STR(tl_addr_canonical(arena, "127.0.0.2", &f, &w), "127.0.0.2");
	CHECK(f == TL_FAMILY_IPV4 && !w);
	CHECK_STR(tl_addr_canonical(arena, "[0:0:0:0:0:0:0:1]", &f, &w), "[::1]");
	CHECK(f == TL_FAMILY_IPV6 && !w);
	CHECK_STR(tl_addr_canonical(arena, "[::]", &f, &w), "[::]");
	CHECK(f == TL_FAMILY_IPV6 && w);
	CHECK_STR(tl_addr_canonical(arena, "[2001:DB8::0:1]", &f, &w), "[2001:db8::1]");
	CHECK_STR(tl_addr_canonical(arena, "localhost", &f, &w), "localhost");
	CHECK(f == TL_FAMILY_NAME && !w);
	CHECK_STR(tl_addr_canonical(arena, "unix:/run/x.sock", &f, &w), "unix:/run/x.sock");
	CHECK(f == TL_FAMILY_UNIX);
	/* Not an address at all: a name, as written. */
	CHECK_STR(tl_addr_canonical(arena, "[nope]", &f, &w), "[nope]");
	CHECK(f == TL_FAMILY_NAME);
}

static void
test_link(void)
{
	struct tl_socket *any4 = sock(TL_SERVER_NGINX, "*", 443, TL_FAMILY_IPV4);
	struct tl_socket *lo2 = sock(TL_SERVER_NGINX, "127.0.0.2", 443, TL_FAMILY_IPV4);
	struct tl_socket *v6 = sock(TL_SERVER_NGINX, "[::1]", 443, TL_FAMILY_IPV6);
	struct tl_socket *other_port = sock(TL_SERVER_NGINX, "127.0.0.3", 8443, TL_FAMILY_IPV4);
	struct tl_socket *hp_any = sock(TL_SERVER_HAPROXY, "[::]", 443, TL_FAMILY_ANY);
	struct tl_socket *hp_a = sock(TL_SERVER_HAPROXY, "127.0.0.1", 443, TL_FAMILY_IPV4);
	struct tl_socket *hp_b = sock(TL_SERVER_HAPROXY, "127.0.0.1", 443, TL_FAMILY_IPV4);
	struct tl_socket *hp_c = sock(TL_SERVER_HAPROXY, "127.0.0.1", 443, TL_FAMILY_IPV4);

	tl_topology_link(&model);
	CHECK(lo2->wildcard_socket == any4);
	/* IPv6 has no wildcard on nginx's port 443 here; another port is another socket. */
	CHECK(v6->wildcard_socket == NULL);
	CHECK(other_port->wildcard_socket == NULL);
	/* A dual-stack wildcard gives up IPv4 addresses too; three binds share one address. */
	CHECK(hp_a->wildcard_socket == hp_any && hp_b->wildcard_socket == hp_any);
	CHECK(hp_a->same_address.len == 2 && hp_b->same_address.len == 2 &&
	      hp_c->same_address.len == 2);
	CHECK(hp_any->same_address.len == 0);

	CHECK(tl_topology_socket_for(&model, TL_SERVER_NGINX, "127.0.0.2", 443, false) == lo2);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_NGINX, "127.0.0.1", 443, false) == any4);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_NGINX, "[0::1]", 443, false) == v6);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_NGINX, "[::2]", 443, false) == NULL);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_NGINX, "127.0.0.1", 443, true) == NULL);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_HAPROXY, "10.0.0.1", 443, false) == hp_any);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_HAPROXY, "[::1]", 443, false) == hp_any);
	CHECK(tl_topology_socket_for(&model, TL_SERVER_HAPROXY, "127.0.0.1", 443, false) == hp_a);
}

int
main(void)
{
	arena = tl_arena_new();
	tl_model_init(&model, arena);
	test_canonical();
	test_link();
	tl_arena_free(arena);
	return tl_unit_result();
}
