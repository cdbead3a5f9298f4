/* Unit tests of the arena, the source map and finding sort/de-duplication. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../diag.h"
#include "../source.h"
#include "unit.h"

static void
test_linecol(struct tl_arena *arena)
{
	struct tl_sources sources;
	const char *text = "a\nbc\r\n\n  d";
	struct tl_source *src;
	struct tl_loc loc;
	unsigned line, col;
	size_t len;
	const char *l;

	tl_sources_init(&sources, arena);
	src = tl_sources_add(&sources, "x.conf", "x.conf", text, strlen(text));
	loc = tl_loc_make(src, 0, 1);
	tl_loc_linecol(&loc, &line, &col);
	CHECK_INT(line, 1);
	CHECK_INT(col, 1);
	loc = tl_loc_make(src, 3, 1);
	tl_loc_linecol(&loc, &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 2);
	loc = tl_loc_make(src, 9, 1);
	tl_loc_linecol(&loc, &line, &col);
	CHECK_INT(line, 4);
	CHECK_INT(col, 3);
	l = tl_source_line(src, 2, &len);
	CHECK_INT(len, 2);
	CHECK(strncmp(l, "bc", 2) == 0);
	l = tl_source_line(src, 3, &len);
	CHECK_INT(len, 0);
	tl_source_line(src, 9, &len);
	CHECK_INT(len, 0);
}

static void
test_sort_dedupe(struct tl_arena *arena)
{
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_source *a, *b;
	struct tl_finding **f;
	struct tl_finding *dup;

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	b = tl_sources_add(&sources, "b.conf", "b.conf", "xxxxxxxxxx", 10);
	a = tl_sources_add(&sources, "a.conf", "a.conf", "xxxxxxxxxx", 10);
	tl_diag_add(&diag, TL_CK_PARSE_ERROR, tl_loc_make(b, 1, 1), "one");
	tl_diag_add(&diag, TL_CK_CERT_EXPIRED, tl_loc_make(a, 5, 1), "two")->site = "x:443";
	dup = tl_diag_add(&diag, TL_CK_CERT_EXPIRED, tl_loc_make(a, 5, 1), "two");
	dup->site = "y:443";
	tl_diag_add(&diag, TL_CK_CERT_EXPIRED, tl_loc_make(a, 2, 1), "three");
	tl_diag_add(&diag, TL_CK_PARSE_ERROR, (struct tl_loc){0}, "no place");
	tl_diag_finish(&diag);
	CHECK_INT(diag.findings.len, 4);
	f = (struct tl_finding **)diag.findings.items;
	CHECK_STR(f[0]->message, "no place");
	CHECK_STR(f[1]->message, "three");
	/* One cause, one finding: the sites counted in the message and all kept, none related. */
	CHECK_STR(f[2]->message, "two (2 sites)");
	CHECK_STR(f[2]->site, "x:443");
	CHECK_INT(f[2]->related.len, 0);
	CHECK_INT(f[2]->sites.len, 2);
	CHECK_STR(f[2]->sites.items[1], "y:443");
	/* No level registered: none known. */
	CHECK(f[2]->scope == NULL);
	CHECK_STR(f[3]->message, "one");
	/* Thousands of sites with one cause: ten named, the rest counted. */
	{
		struct tl_arena *big = tl_arena_new();

		tl_sources_init(&sources, big);
		tl_diag_init(&diag, big);
		a = tl_sources_add(&sources, "a.conf", "a.conf", "xxxxxxxxxx", 10);
		for (int i = 0; i < 2000; i++)
			tl_diag_add(&diag, TL_CK_CIPHER_WEAK, tl_loc_make(a, 1, 1), "weak")->site =
				tl_arena_printf(big, "s%04d:443", i);
		tl_diag_finish(&diag);
		CHECK_INT(diag.findings.len, 1);
		f = (struct tl_finding **)diag.findings.items;
		CHECK_STR(f[0]->message, "weak (2000 sites)");
		CHECK_INT(f[0]->related.len, 0);
		CHECK_INT(f[0]->sites.len, 2000);
		tl_arena_free(big);
	}
}

/* Merged findings take the label of the innermost registered stretch holding their place. */
static void
test_scopes(struct tl_arena *arena)
{
	/*             0         1         2         3         4
	 *             0123456789012345678901234567890123456789012345 */
	const char *text = "http { a; server { b; } c; } stream { d; }";
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_source *src, *other;
	struct tl_finding **f;
	const size_t at[] = {7, 19, 24, 38, 0};
	const char *const want[] = {"http {}", NULL, "http {}", "stream {}", NULL};

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	src = tl_sources_add(&sources, "n.conf", "n.conf", text, strlen(text));
	other = tl_sources_add(&sources, "o.conf", "o.conf", text, strlen(text));
	/* Registered out of order, and an outer level with a site's block inside it. */
	tl_diag_scope(&diag, src, 29, 42, "stream {}");
	tl_diag_scope(&diag, src, 0, 28, "http {}");
	tl_diag_scope(&diag, src, 12, 23, NULL);
	tl_diag_scope(&diag, src, 5, 5, "empty, ignored");
	/* The site block is site b's: a finding inside it merged over a and b is b's. */
	tl_diag_scope_site(&diag, tl_loc_make(src, 12, 6), "b:443");
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		/* The last one is in a file with no level registered. */
		const struct tl_source *in = i + 1 < sizeof(at) / sizeof(at[0]) ? src : other;

		for (int k = 0; k < 2; k++)
			tl_diag_add(&diag, TL_CK_CIPHER_WEAK, tl_loc_make(in, at[i], 1), "w%zu", i)
				->site = k ? "b:443" : "a:443";
	}
	/* One site: nothing to label. */
	tl_diag_add(&diag, TL_CK_CIPHER_NO_PFS, tl_loc_make(src, 7, 1), "one")->site = "a:443";
	tl_diag_finish(&diag);
	CHECK_INT(diag.findings.len, 6);
	f = (struct tl_finding **)diag.findings.items;
	CHECK_STR(f[0]->message, "one");
	CHECK(f[0]->scope == NULL);
	CHECK_STR(f[2]->site, "b:443");
	CHECK_STR(f[1]->site, "a:443");
	for (size_t i = 0; i < 5; i++) {
		CHECK_INT(f[i + 1]->nsites, 2);
		if (want[i] == NULL)
			CHECK(f[i + 1]->scope == NULL);
		else
			CHECK_STR(f[i + 1]->scope, want[i]);
	}
}

static void
test_arena(struct tl_arena *arena)
{
	struct tl_ptrvec vec = {0};
	char *s;

	for (long i = 0; i < 1000; i++)
		tl_ptrvec_push(arena, &vec, (void *)i);
	CHECK_INT(vec.len, 1000);
	CHECK((long)vec.items[999] == 999);
	s = tl_arena_printf(arena, "%s-%d", "x", 42);
	CHECK_STR(s, "x-42");
	/* A large object does not disturb the bump block. */
	CHECK(tl_arena_alloc(arena, 1 << 20) != NULL);
	CHECK_STR(tl_arena_strndup(arena, "abcdef", 3), "abc");
}

/* Messages: the usual conversions, and config text cut instead of quoted whole. */
static void
test_messages(struct tl_arena *arena)
{
	struct tl_diag diag;
	struct tl_finding *f;
	size_t big = 10 * 1024 * 1024;
	char *huge = tl_arena_alloc(arena, big + 1);
	char want[600];

	tl_diag_init(&diag, arena);
	f = tl_diag_add(&diag, TL_CK_PARSE_ERROR, (struct tl_loc){0},
			"%zu %u %04o %jx %c %ld %d%% '%s' %.2f", (size_t)7, 8u, 0644u,
			(uintmax_t)255, 'z', -3L, 42, "ok", 1.5);
	CHECK_STR(f->message, "7 8 0644 ff z -3 42% 'ok' 1.50");
	memset(huge, 'a', big);
	f = tl_diag_add(&diag, TL_CK_PARSE_ERROR, (struct tl_loc){0},
			"cipher string '%s' enables nothing", huge);
	memset(want, 'a', 512);
	snprintf(want + 512, sizeof(want) - 512, "\u2026 (%zu bytes)", big);
	CHECK(strstr(f->message, want) != NULL);
	CHECK(strlen(f->message) < 600);
	CHECK(strstr(f->message, "' enables nothing") != NULL);
	/* UTF-8 is never split: a two-byte character across the cut is left out whole. */
	memset(huge, 'a', 511);
	memcpy(huge + 511, "\xc3\xa9", 2);
	huge[513] = 'b';
	huge[514] = '\0';
	f = tl_diag_add(&diag, TL_CK_PARSE_ERROR, (struct tl_loc){0}, "%s", huge);
	CHECK(f->message[511] != (char)0xc3);
}

int
main(void)
{
	struct tl_arena *arena = tl_arena_new();

	test_messages(arena);
	test_linecol(arena);
	test_sort_dedupe(arena);
	test_scopes(arena);
	test_arena(arena);
	tl_arena_free(arena);
	return tl_unit_result();
}
