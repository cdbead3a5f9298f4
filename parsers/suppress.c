/*
 * Inline suppressions: the comments are found in the source text around
 * each directive of the tree, so no parser has to keep comments, and a
 * config without the word "tlslint:" costs one search per file.
 */
#include "suppress.h"

#include <string.h>

static const char marker[] = "# tlslint: ";

/* Checks IDS silenced in [start, end) of SRC; end == SIZE_MAX for the whole file. */
struct tl_suppression {
	const struct tl_source *src;
	size_t start;
	size_t end;
	const char *ids; /* "id1,id2" */
};

void
tl_suppressions_init(struct tl_suppressions *s, struct tl_arena *arena)
{
	memset(s, 0, sizeof(*s));
	s->arena = arena;
}

static void
add(struct tl_suppressions *s, const struct tl_source *src, size_t start, size_t end,
    const char *ids, size_t len)
{
	struct tl_suppression *r = tl_arena_alloc(s->arena, sizeof(*r));

	r->src = src;
	r->start = start;
	r->end = end;
	r->ids = tl_arena_strndup(s->arena, ids, len);
	tl_ptrvec_push(s->arena, &s->ranges, r);
}

/*
 * Finds "# tlslint: KEY=" in text[from, to) where "#" starts a comment
 * (at the line start or after blank space) and returns the id list after
 * it with its length, or NULL.
 */
static const char *
find_directive(const char *text, size_t from, size_t to, const char *key, size_t *len)
{
	size_t klen = strlen(key);

	for (size_t i = from; i + sizeof(marker) - 1 + klen <= to; i++) {
		const char *p = text + i;
		const char *ids;

		if (*p != '#' || (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t' &&
				  text[i - 1] != '\n' && text[i - 1] != ';' && text[i - 1] != '{'))
			continue;
		if (strncmp(p, marker, sizeof(marker) - 1) != 0 ||
		    strncmp(p + sizeof(marker) - 1, key, klen) != 0)
			continue;
		ids = p + sizeof(marker) - 1 + klen;
		*len = strcspn(ids, " \t\r\n");
		if ((size_t)(ids - text) + *len > to)
			*len = to - (size_t)(ids - text);
		return ids;
	}
	return NULL;
}

static size_t
line_start(const char *text, size_t off)
{
	while (off > 0 && text[off - 1] != '\n')
		off--;
	return off;
}

static size_t
line_end(const struct tl_source *src, size_t off)
{
	const char *nl = memchr(src->text + off, '\n', src->len - off);

	return nl ? (size_t)(nl - src->text) : src->len;
}

/* True when only blank space precedes OFF on its line. */
static bool
starts_line(const char *text, size_t start, size_t off)
{
	for (size_t i = start; i < off; i++)
		if (text[i] != ' ' && text[i] != '\t')
			return false;
	return true;
}

static void
collect_directive(struct tl_suppressions *s, const struct tl_directive *d)
{
	const struct tl_source *src = d->loc.src;
	const char *ids;
	size_t len;
	size_t ls;

	if (src == NULL || src->len == 0 || d->loc.off >= src->len)
		return;
	ls = line_start(src->text, d->loc.off);
	/* At the end of the directive's (first) line. */
	ids = find_directive(src->text, d->loc.off, line_end(src, d->loc.off), "disable=", &len);
	/* On the line above, alone. */
	if (ids == NULL && ls > 0 && starts_line(src->text, ls, d->loc.off)) {
		size_t prev = line_start(src->text, ls - 1);
		size_t i = prev;

		while (i < ls && (src->text[i] == ' ' || src->text[i] == '\t'))
			i++;
		if (i < ls && src->text[i] == '#')
			ids = find_directive(src->text, i, ls - 1, "disable=", &len);
	}
	if (ids != NULL)
		add(s, src, d->loc.off, d->end > d->loc.off ? d->end : d->loc.off + 1, ids, len);
}

/* SOURCES holds the sources already seen; MARKED those that mention "tlslint:". */
struct seen {
	struct tl_ptrvec sources;
	struct tl_ptrvec marked;
	/* Siblings mostly share a source: remember the last answer. */
	const struct tl_source *last;
	bool last_marked;
};

static bool
has_ptr(const struct tl_ptrvec *v, const void *p)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == p)
			return true;
	return false;
}

static void
collect_file(struct tl_suppressions *s, const struct tl_source *src)
{
	size_t from = 0;
	const char *ids;
	size_t len;

	while ((ids = find_directive(src->text, from, src->len, "disable-file=", &len)) != NULL) {
		add(s, src, 0, (size_t)-1, ids, len);
		from = (size_t)(ids - src->text) + len;
	}
}

static void
walk(struct tl_suppressions *s, const struct tl_directive *d, struct seen *seen)
{
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];
		const struct tl_source *src = c->loc.src;

		if (src == NULL)
			continue;
		if (src != seen->last) {
			if (!has_ptr(&seen->sources, src)) {
				tl_ptrvec_push(s->arena, &seen->sources, (void *)src);
				if (memmem(src->text, src->len, "tlslint:", 8) != NULL) {
					tl_ptrvec_push(s->arena, &seen->marked, (void *)src);
					collect_file(s, src);
				}
			}
			seen->last = src;
			seen->last_marked = has_ptr(&seen->marked, src);
		}
		if (seen->last_marked)
			collect_directive(s, c);
		walk(s, c, seen);
	}
}

void
tl_suppressions_collect(struct tl_suppressions *s, const struct tl_tree *tree)
{
	struct seen seen;

	memset(&seen, 0, sizeof(seen));
	walk(s, &tree->root, &seen);
}

static bool
id_listed(const char *ids, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = ids; *p;) {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, id, n) == 0)
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

bool
tl_suppressed(const struct tl_suppressions *s, const struct tl_finding *f)
{
	if (f->loc.src == NULL)
		return false;
	for (size_t i = 0; i < s->ranges.len; i++) {
		const struct tl_suppression *r = s->ranges.items[i];

		if (r->src == f->loc.src && f->loc.off >= r->start && f->loc.off < r->end &&
		    id_listed(r->ids, f->check))
			return true;
	}
	return false;
}
