/* Unit tests of SNI selection: one socket per rule, each precedence step checked. */
#include <pcre2.h>
#include <string.h>

#include "../select.h"
#include "unit.h"

static struct tl_arena *arena;

static struct tl_name *
name(const char *text, enum tl_name_kind kind)
{
	struct tl_name *n = tl_arena_alloc(arena, sizeof(*n));

	n->name = text;
	n->kind = kind;
	if (kind == TL_NAME_REGEX) {
		int err;
		PCRE2_SIZE off;

		n->regex = pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS,
					 &err, &off, NULL);
		tl_arena_defer(arena, (void (*)(void *))pcre2_code_free, n->regex);
	}
	if (kind == TL_NAME_GLOB)
		CHECK(tl_name_compile_glob(arena, n));
	return n;
}

static struct tl_site *
site(struct tl_socket *sock, const char *label, struct tl_name *n1, struct tl_name *n2)
{
	struct tl_site *s = tl_arena_alloc(arena, sizeof(*s));

	s->label = label;
	if (n1)
		tl_ptrvec_push(arena, &s->names, n1);
	if (n2)
		tl_ptrvec_push(arena, &s->names, n2);
	tl_ptrvec_push(arena, &sock->sites, s);
	return s;
}

static const char *
pick(const struct tl_socket *sock, const char *sni)
{
	const struct tl_site *s = tl_socket_select(sock, sni);

	return s ? s->label : "(none)";
}

static void
test_best_match(void)
{
	struct tl_socket sock;

	memset(&sock, 0, sizeof(sock));
	sock.select = TL_SELECT_BEST_MATCH;
	site(&sock, "default", name("default.test", TL_NAME_EXACT), NULL);
	site(&sock, "regex", name("^www\\d+\\.example\\.com$", TL_NAME_REGEX), NULL);
	site(&sock, "tail", name("www.example.*", TL_NAME_WILDCARD_RIGHT), NULL);
	site(&sock, "lead", name("*.example.com", TL_NAME_WILDCARD_LEFT), NULL);
	site(&sock, "deeper", name("*.b.example.com", TL_NAME_WILDCARD_LEFT), NULL);
	site(&sock, "exact", name("www1.example.com", TL_NAME_EXACT), NULL);
	site(&sock, "dot", name(".example.org", TL_NAME_DOT),
	     name("www2.example.com", TL_NAME_EXACT));
	site(&sock, "later-exact", name("www1.example.com", TL_NAME_EXACT), NULL);
	sock.default_site = sock.sites.items[0];
	/* An exact name beats every wildcard and regex; the first server with it wins. */
	CHECK_STR(pick(&sock, "www1.example.com"), "exact");
	CHECK_STR(pick(&sock, "WWW1.Example.COM."), "exact");
	/* Then the longest leading wildcard, over a trailing one and a regex. */
	CHECK_STR(pick(&sock, "www3.example.com"), "lead");
	CHECK_STR(pick(&sock, "a.b.example.com"), "deeper");
	/* ".x" covers x itself and names under it. */
	CHECK_STR(pick(&sock, "example.org"), "dot");
	CHECK_STR(pick(&sock, "a.example.org"), "dot");
	/* Then a trailing wildcard, over a regex. */
	CHECK_STR(pick(&sock, "www.example.net"), "tail");
	/* A regex when no wildcard matches. */
	sock.sites.items[2] = sock.sites.items[0];
	sock.sites.items[3] = sock.sites.items[0];
	CHECK_STR(pick(&sock, "www9.example.com"), "regex");
	/* Nothing matches, or no SNI: the default server. */
	CHECK_STR(pick(&sock, "other.test"), "default");
	CHECK_STR(pick(&sock, NULL), "default");
	CHECK_STR(pick(&sock, ""), "default");
}

static void
test_first_match(void)
{
	struct tl_socket sock;

	memset(&sock, 0, sizeof(sock));
	sock.select = TL_SELECT_FIRST_MATCH;
	site(&sock, "first", name("first.test", TL_NAME_EXACT), NULL);
	site(&sock, "glob", name("*.example.com", TL_NAME_GLOB), NULL);
	site(&sock, "exact", name("www.example.com", TL_NAME_EXACT), NULL);
	site(&sock, "q", name("w?w.example.net", TL_NAME_GLOB), NULL);
	site(&sock, "literal", name("[ab]+(x).example.org", TL_NAME_GLOB), NULL);
	sock.default_site = sock.sites.items[0];
	/* Config order decides, not specificity: the glob comes first. */
	CHECK_STR(pick(&sock, "www.example.com"), "glob");
	/* httpd's '*' crosses dots. */
	CHECK_STR(pick(&sock, "a.b.example.com"), "glob");
	CHECK_STR(pick(&sock, "wxw.example.net"), "q");
	CHECK_STR(pick(&sock, "nothing.test"), "first");
	/* '?' is one character; everything but * and ? is literal, case ignored. */
	CHECK_STR(pick(&sock, "ww.example.net"), "first");
	CHECK_STR(pick(&sock, "[AB]+(x).example.org"), "literal");
	CHECK_STR(pick(&sock, "a.example.org"), "first");
	/* httpd compares the name as sent: a trailing dot matches nothing (mod_ssl ssl_find_vhost).
	 */
	CHECK_STR(pick(&sock, "first.test."), "first");
	CHECK_STR(pick(&sock, "www.example.com."), "first");
}

static void
test_cert_names(void)
{
	struct tl_socket sock;
	struct tl_name *not_old = name("old.example.com", TL_NAME_EXACT);

	not_old->negated = true;
	memset(&sock, 0, sizeof(sock));
	sock.select = TL_SELECT_CERT_NAMES;
	site(&sock, "default", name("default.test", TL_NAME_EXACT), NULL);
	site(&sock, "wild", name("*.example.com", TL_NAME_WILDCARD_ONE), not_old);
	site(&sock, "exact", name("www.example.com", TL_NAME_EXACT), NULL);
	site(&sock, "other-wild", name("*.example.com", TL_NAME_WILDCARD_ONE), NULL);
	sock.default_site = sock.sites.items[0];
	/* An exact name beats a wildcard written before it. */
	CHECK_STR(pick(&sock, "www.example.com"), "exact");
	CHECK_STR(pick(&sock, "api.example.com"), "wild");
	/* "!old.example.com" takes the first wildcard out for that name only. */
	CHECK_STR(pick(&sock, "old.example.com"), "other-wild");
	/* One label only. */
	CHECK_STR(pick(&sock, "a.b.example.com"), "default");
	CHECK_STR(pick(&sock, "example.com"), "default");
	CHECK_STR(pick(&sock, "www.example.com."), "default");
	CHECK_STR(pick(&sock, NULL), "default");
	/* strict-sni: no site for an unknown name or none, the handshake fails. */
	sock.strict_names = true;
	CHECK(tl_socket_select(&sock, "nothing.test") == NULL);
	CHECK(tl_socket_select(&sock, NULL) == NULL);
	CHECK_STR(pick(&sock, "api.example.com"), "wild");
}

int
main(void)
{
	arena = tl_arena_new();
	test_best_match();
	test_first_match();
	test_cert_names();
	tl_arena_free(arena);
	return tl_unit_result();
}
