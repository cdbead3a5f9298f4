/*
 * Inline suppressions: the comments are found in the source text around
 * each directive of the tree, so no parser has to keep comments, and a
 * config without the word "tlslint:" costs one search per file.
 */
#include "suppress.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

/* Check ID silenced in [start, end) of SRC; end == SIZE_MAX for the whole file. */
struct tl_suppression {
	const struct tl_source *src;
	size_t start;
	size_t end;
	const char *id;
	struct tl_loc loc; /* the id in the comment */
	bool used;         /* it silenced a finding */
};

/* A well-formed "# tlslint: disable=" comment, and whether a directive took it. */
struct comment {
	struct tl_loc loc;
	size_t ids_off; /* the id list after "disable=", to the next blank */
	size_t ids_len;
	bool taken;
};

void
tl_suppressions_init(struct tl_suppressions *s, struct tl_arena *arena, struct tl_diag *diag)
{
	memset(s, 0, sizeof(*s));
	s->arena = arena;
	s->diag = diag;
	tl_ptrmap_init(&s->comments, arena);
}

/* One range per id of the list IDS (LEN bytes, "id1,id2"); an id that is no check is a finding. */
static void
add(struct tl_suppressions *s, const struct tl_source *src, size_t start, size_t end,
    const char *ids, size_t len)
{
	size_t off = (size_t)(ids - src->text);

	if (len == 0) {
		tl_diag_add(s->diag, TL_CK_SUPPRESSION_INVALID, tl_loc_make(src, off, 0),
			    "this '# tlslint:' comment names no check, so it silences nothing");
		return;
	}
	for (size_t i = 0; i < len;) {
		size_t n = 0;

		while (i + n < len && ids[i + n] != ',')
			n++;
		if (n > 0) {
			struct tl_suppression *r = tl_arena_alloc(s->arena, sizeof(*r));

			memset(r, 0, sizeof(*r));
			r->src = src;
			r->start = start;
			r->end = end;
			r->id = tl_arena_strndup(s->arena, ids + i, n);
			r->loc = tl_loc_make(src, off + i, n);
			if (tl_check_by_name(r->id) == NULL) {
				const char *near = tl_check_nearest(r->id);
				struct tl_finding *f =
					tl_diag_add(s->diag, TL_CK_SUPPRESSION_INVALID, r->loc,
						    "'%s' is not a tlslint check, so this comment "
						    "does not silence it",
						    r->id);

				if (near != NULL)
					f->message =
						tl_diag_printf(s->arena, "%s; did you mean '%s'?",
							       f->message, near);
			} else {
				tl_ptrvec_push(s->arena, &s->ranges, r);
			}
		}
		i += n + 1;
	}
}

static size_t
line_start(const char *text, size_t off)
{
	while (off > 0 && text[off - 1] != '\n')
		off--;
	return off;
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

/*
 * The comment that applies to directive D: the first on its (first) line
 * after it, else one alone on the line above. The comments of a file are
 * found once, by the pattern below, and looked up here by their line.
 */
static void
collect_directive(struct tl_suppressions *s, const struct tl_directive *d)
{
	const struct tl_source *src = d->loc.src;
	struct comment *c;
	size_t ls;

	if (src == NULL || src->len == 0 || d->loc.off >= src->len)
		return;
	ls = line_start(src->text, d->loc.off);
	c = tl_ptrmap_get(&s->comments, src, src->text + ls);
	if (c != NULL && c->loc.off < d->loc.off)
		c = NULL;
	if (c == NULL && ls > 0 && starts_line(src->text, ls, d->loc.off)) {
		size_t prev = line_start(src->text, ls - 1);

		c = tl_ptrmap_get(&s->comments, src, src->text + prev);
		if (c != NULL && !starts_line(src->text, prev, c->loc.off))
			c = NULL;
	}
	if (c == NULL)
		return;
	c->taken = true;
	add(s, src, d->loc.off, d->end > d->loc.off ? d->end : d->loc.off + 1,
	    src->text + c->ids_off, c->ids_len);
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

/*
 * Every '#' comment (at a line start, or after a blank, ';' or '{') that
 * starts with the word tlslint and a colon, however spaced or cased. The
 * two exact forms are suppressions; any other is a comment that means to
 * be one but is not read as one. Without that finding, '#
 * tlslint:disable=x' or '# tlslint: disabled=x' silences nothing and
 * nobody notices.
 */
static const char spelling_pattern[] =
	"(?:^|(?<=[ \\t;{]))#[ \\t]*tlslint[ \\t]*:[ \\t]*[A-Za-z_-]*[ \\t]*=?";

static void
free_code(void *code)
{
	pcre2_code_free(code);
}

/* The id list after a comment ending at END: up to the next blank or the line's end. */
static size_t
ids_length(const struct tl_source *src, size_t end)
{
	size_t n = 0;

	while (end + n < src->len && strchr(" \t\r\n", src->text[end + n]) == NULL)
		n++;
	return n;
}

static void
scan_comments(struct tl_suppressions *s, const struct tl_source *src)
{
	pcre2_match_data *md;
	size_t from = 0;

	if (s->spelling == NULL) {
		int err;
		PCRE2_SIZE eoff;

		s->spelling = pcre2_compile((PCRE2_SPTR)spelling_pattern, PCRE2_ZERO_TERMINATED,
					    PCRE2_CASELESS | PCRE2_MULTILINE, &err, &eoff, NULL);
		if (s->spelling == NULL)
			return;
		tl_arena_defer(s->arena, free_code, s->spelling);
	}
	md = pcre2_match_data_create_from_pattern(s->spelling, NULL);
	if (md == NULL)
		return;
	while (from < src->len &&
	       pcre2_match(s->spelling, (PCRE2_SPTR)src->text, src->len, from, 0, md, NULL) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t start = ov[0], n = ov[1] - ov[0];
		const char *m = src->text + start;

		if (n == strlen("# tlslint: disable=") &&
		    strncmp(m, "# tlslint: disable=", n) == 0) {
			struct comment *c = tl_arena_alloc(s->arena, sizeof(*c));
			const char *line = src->text + line_start(src->text, start);

			c->loc = tl_loc_make(src, start, n);
			c->ids_off = start + n;
			c->ids_len = ids_length(src, start + n);
			c->taken = false;
			/* The first comment of a line is the one its directive takes. */
			if (tl_ptrmap_get(&s->comments, src, line) == NULL)
				tl_ptrmap_put(&s->comments, src, line, c);
			tl_ptrvec_push(s->arena, &s->order, c);
		} else if (n == strlen("# tlslint: disable-file=") &&
			   strncmp(m, "# tlslint: disable-file=", n) == 0) {
			add(s, src, 0, (size_t)-1, m + n, ids_length(src, start + n));
		} else {
			tl_diag_add(s->diag, TL_CK_SUPPRESSION_INVALID, tl_loc_make(src, start, n),
				    "'%s' is not read as a suppression: write '# tlslint: "
				    "disable=ID' or '# tlslint: disable-file=ID', one space after "
				    "the colon",
				    tl_arena_strndup(s->arena, m, n));
		}
		from = ov[1] > start ? ov[1] : start + 1;
	}
	pcre2_match_data_free(md);
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
					scan_comments(s, src);
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
	/* A comment no directive took: above a closing brace, at the end of a file, … */
	for (size_t i = 0; i < s->order.len; i++) {
		struct comment *c = s->order.items[i];

		if (!c->taken)
			tl_diag_add(
				s->diag, TL_CK_SUPPRESSION_INVALID, c->loc,
				"this comment silences nothing: a '# tlslint: disable=' comment "
				"belongs at the end of a directive's line or alone on the line "
				"above it");
		c->taken = true; /* reported once, however many trees share the file */
	}
}

bool
tl_suppressed(struct tl_suppressions *s, const struct tl_finding *f)
{
	bool hit = false;

	if (f->loc.src == NULL)
		return false;
	/* Every comment that covers it counts as used, not only the first. */
	for (size_t i = 0; i < s->ranges.len; i++) {
		struct tl_suppression *r = s->ranges.items[i];

		if (r->src == f->loc.src && f->loc.off >= r->start && f->loc.off < r->end &&
		    strcmp(r->id, f->check) == 0) {
			r->used = true;
			hit = true;
		}
	}
	return hit;
}

void
tl_suppressions_report_unused(struct tl_suppressions *s,
			      bool (*enabled)(const void *, const char *), const void *ctx)
{
	struct tl_ptrmap used;

	/*
	 * A file included in two places gives each comment one range per
	 * inclusion: the comment is stale only if none of them was used.
	 */
	tl_ptrmap_init(&used, s->arena);
	for (size_t i = 0; i < s->ranges.len; i++) {
		const struct tl_suppression *r = s->ranges.items[i];

		if (r->used)
			tl_ptrmap_put(&used, r->src, r->src->text + r->loc.off, (void *)r);
	}
	for (size_t i = 0; i < s->ranges.len; i++) {
		const struct tl_suppression *r = s->ranges.items[i];
		const void *key = r->src->text + r->loc.off;

		/* A check the run does not report cannot show that a comment is stale. */
		if (tl_ptrmap_get(&used, r->src, key) != NULL || !enabled(ctx, r->id))
			continue;
		tl_ptrmap_put(&used, r->src, key, (void *)r); /* once per comment */
		tl_diag_add(s->diag, TL_CK_SUPPRESSION_INVALID, r->loc,
			    "this comment silences '%s', but there is no such finding here: remove "
			    "it, or it will hide the next one",
			    r->id);
	}
}
