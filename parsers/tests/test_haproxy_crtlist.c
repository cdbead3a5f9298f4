/*
 * Unit tests of the crt-list reader, against crtlist_parse_line of
 * HAProxy's src/ssl_crtlist.c (2.6 and 3.4 read these lines alike).
 */
#include <string.h>

#include "../../src/tests/unit.h"
#include "../haproxy_crtlist.h"

static struct tl_arena *arena;

struct run {
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_crtlist list;
	bool ok;
};

static struct run *
parse(const char *text)
{
	struct run *r = tl_arena_alloc(arena, sizeof(*r));
	struct tl_source *src;

	tl_sources_init(&r->sources, arena);
	tl_diag_init(&r->diag, arena);
	src = tl_sources_add(&r->sources, "list.txt", NULL, text, strlen(text));
	r->ok = tl_haproxy_crtlist_parse(arena, &r->diag, src, &r->list);
	return r;
}

/* "cert [options] filters" of entry I, words joined by '|'. */
static const char *
entry(const struct run *r, size_t i)
{
	const struct tl_crtlist_entry *e;
	const char *s;

	if (i >= r->list.n)
		return "";
	e = &r->list.entries[i];
	s = tl_arena_printf(arena, "%s [", e->cert.text);
	for (size_t k = 0; k < e->noptions; k++)
		s = tl_arena_printf(arena, "%s%s%s", s, k ? "|" : "", e->options[k].text);
	s = tl_arena_printf(arena, "%s]", s);
	for (size_t k = 0; k < e->nfilters; k++)
		s = tl_arena_printf(arena, "%s %s", s, e->filters[k].text);
	return s;
}

static const char *
show(const struct run *r, size_t i)
{
	const struct tl_finding *f = i < r->diag.findings.len ? r->diag.findings.items[i] : NULL;
	unsigned line, col;

	if (f == NULL)
		return "";
	tl_loc_linecol(&f->loc, &line, &col);
	return tl_arena_printf(arena, "%u:%u: %s", line, col, f->message);
}

int
main(void)
{
	struct run *r;

	arena = tl_arena_new();
	/* Comments only in the first column; brackets need no spaces; '\r' is a space. */
	r = parse("# all the sites\n"
		  "/etc/ssl/www.pem [alpn h2,http/1.1 ssl-min-ver TLSv1.2] www.example.com "
		  "example.com\n"
		  "\n"
		  "wild.pem[ciphers ECDHE+AESGCM]*.example.com !old.example.com\r\n"
		  "  # not a comment: a certificate named '#'\n"
		  "plain.pem\n"
		  "last.pem *.test\n");
	CHECK(r->ok);
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_INT(r->list.n, 5);
	CHECK_STR(entry(r, 0), "/etc/ssl/www.pem [alpn|h2,http/1.1|ssl-min-ver|TLSv1.2] "
			       "www.example.com example.com");
	CHECK_STR(entry(r, 1), "wild.pem [ciphers|ECDHE+AESGCM] *.example.com !old.example.com");
	CHECK_STR(entry(r, 2), "# [] not a comment: a certificate named '#'");
	CHECK_STR(entry(r, 3), "plain.pem []");
	CHECK_STR(entry(r, 4), "last.pem [] *.test");
	{
		unsigned line, col;

		tl_loc_linecol(&r->list.entries[1].filters[1].loc, &line, &col);
		CHECK_INT(line, 4);
		CHECK_INT(col, 45);
	}

	/* Words between the file and '[' are dropped, with a warning; '[' alone makes filters. */
	r = parse("a.pem x.example.com [verify none] y.example.com\n"
		  "b.pem [alpn h2 z.example.com\n");
	CHECK(r->ok);
	CHECK_STR(show(r, 0), "1:7: malformated line, filters can't be between filename and "
			      "options!");
	CHECK_STR(entry(r, 0), "a.pem [verify|none] y.example.com");
	CHECK_STR(entry(r, 1), "b.pem [] alpn h2 z.example.com");

	/* A line of many names (the word array grows). */
	{
		const char *line = "many.pem [alpn h2]";

		for (int i = 0; i < 40; i++)
			line = tl_arena_printf(arena, "%s n%d.example.com", line, i);
		r = parse(tl_arena_printf(arena, "%s\n", line));
		CHECK_INT(r->list.n, 1);
		CHECK_INT(r->list.n ? r->list.entries[0].nfilters : 0, 40);
		CHECK_STR(r->list.n ? r->list.entries[0].filters[39].text : "", "n39.example.com");
	}

	/* What HAProxy refuses. */
	CHECK_STR(show(parse("a.pem [x] [y]\n"), 0), "1:11: too many '['");
	CHECK_STR(show(parse("a.pem ] x\n"), 0), "1:7: missing '['");
	CHECK_STR(show(parse("a.pem [x] y]\n"), 0), "1:12: too many ']'");
	CHECK_STR(show(parse("[x] a.pem\n"), 0), "1:1: file must start with a cert");
	/* A last line without its LF, even a blank one; a comment or '\r' line is skipped first. */
	r = parse("a.pem\nb.pem [alpn h2]");
	CHECK(!r->ok);
	CHECK_STR(show(r, 0),
		  "2:1: Missing LF on last line, file might have been truncated at position 16.");
	CHECK_STR(show(parse("a.pem\n   "), 0),
		  "2:1: Missing LF on last line, file might have been truncated at position 4.");
	CHECK(parse("a.pem\n# the end")->ok);
	CHECK(parse("a.pem\n\r")->ok);
	CHECK(parse("a.pem\n")->ok);
	tl_arena_free(arena);
	return tl_unit_result();
}
