/*
 * HAProxy crt-list files, read as crtlist_parse_file/crtlist_parse_line do
 * (src/ssl_crtlist.c): a line starting with '#' (first column only) is a
 * comment; words are split on white space, and '[' and ']' delimit the
 * options wherever they stand, with no quoting at all; the last line must
 * end in a LF.
 */
#include "haproxy_crtlist.h"

#include <ctype.h>
#include <string.h>

#include "../src/arena.h"

/* CRT_LINESIZE and MAX_CRT_ARGS of include/haproxy/defaults.h. */
#define CRT_LINESIZE 65536
#define MAX_CRT_ARGS 2048

struct word {
	size_t from, to; /* in the line */
};

static struct tl_finding *
refuse(struct tl_diag *diag, const struct tl_source *src, size_t off, size_t len, const char *msg)
{
	struct tl_finding *f = tl_diag_add(diag, TL_CK_PARSE_ERROR,
					   tl_loc_make(src, off, len ? len : 1), "%s", msg);

	f->server = "haproxy";
	return f;
}

static struct tl_arg *
args_of(struct tl_arena *arena, const struct tl_source *src, size_t line_off, const char *line,
	const struct word *w, size_t n)
{
	struct tl_arg *a = n ? tl_arena_calloc(arena, n, sizeof(*a)) : NULL;

	for (size_t i = 0; i < n; i++) {
		a[i].len = w[i].to - w[i].from;
		a[i].text = tl_arena_strndup(arena, line + w[i].from, a[i].len);
		a[i].loc = tl_loc_make(src, line_off + w[i].from, a[i].len);
	}
	return a;
}

/* One line: false when HAProxy refuses it. */
static bool
parse_line(struct tl_arena *arena, struct tl_diag *diag, const struct tl_source *src,
	   size_t line_off, const char *line, size_t len, struct tl_ptrvec *entries)
{
	struct word small[16], *w = small;
	size_t cap = sizeof(small) / sizeof(small[0]);
	size_t n = 0, open = 0, close = 0; /* open/close: word index of '[' and ']', 0 = none */
	bool seen_open = false, seen_close = false, in_word = false;
	struct tl_crtlist_entry *e;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];

		if (isspace((unsigned char)c) || c == '[' || c == ']') {
			if (in_word)
				w[n - 1].to = i;
			in_word = false;
			if (c == '[') {
				if (seen_open) {
					refuse(diag, src, line_off + i, 1, "too many '['");
					return false;
				}
				if (n == 0) {
					refuse(diag, src, line_off + i, 1,
					       "file must start with a cert");
					return false;
				}
				seen_open = true;
				open = n;
			} else if (c == ']') {
				if (seen_close) {
					refuse(diag, src, line_off + i, 1, "too many ']'");
					return false;
				}
				if (!seen_open) {
					refuse(diag, src, line_off + i, 1, "missing '['");
					return false;
				}
				seen_close = true;
				close = n;
			}
			continue;
		}
		if (!in_word) {
			if (n == MAX_CRT_ARGS - 1) {
				refuse(diag, src, line_off + i, len - i, "too many args");
				return false;
			}
			if (n == cap) {
				/* Lines are short; a long one grows its own array. */
				struct word *more = tl_arena_alloc(arena, 2 * cap * sizeof(*more));

				memcpy(more, w, n * sizeof(*w));
				w = more;
				cap *= 2;
			}
			w[n].from = i;
			w[n].to = len;
			n++;
			in_word = true;
		}
	}
	if (n == 0)
		return true; /* a blank line */
	if (seen_open && !seen_close) {
		/* HAProxy reads the options up to the end of the line (ssl_e stays 0: none). */
		close = open;
	}
	if (seen_open && open > 1)
		tl_diag_add(diag, TL_CK_PARSE_ERROR, tl_loc_make(src, line_off + w[1].from, 1),
			    "malformated line, filters can't be between filename and options!")
			->severity = TL_SEV_WARNING;
	e = tl_arena_calloc(arena, 1, sizeof(*e));
	e->cert = args_of(arena, src, line_off, line, &w[0], 1)[0];
	if (seen_open && close > open) {
		e->noptions = close - open;
		e->options = args_of(arena, src, line_off, line, &w[open], e->noptions);
	}
	{
		size_t first = seen_open ? (close > open ? close : open) : 1;

		e->nfilters = n > first ? n - first : 0;
		e->filters = args_of(arena, src, line_off, line, &w[first], e->nfilters);
	}
	tl_ptrvec_push(arena, entries, e);
	return true;
}

bool
tl_haproxy_crtlist_parse(struct tl_arena *arena, struct tl_diag *diag, const struct tl_source *src,
			 struct tl_crtlist *out)
{
	struct tl_ptrvec entries = {0};
	size_t off = 0;
	bool ok = true;

	memset(out, 0, sizeof(*out));
	while (off < src->len && ok) {
		const char *nl = memchr(src->text + off, '\n', src->len - off);
		size_t end = nl ? (size_t)(nl - src->text) : src->len;
		const char *line = src->text + off;

		if (memchr(line, '\0', end - off) != NULL) {
			refuse(diag, src, off, end - off, "Stray NUL character");
			ok = false;
			break;
		}
		if (end - off >= CRT_LINESIZE - 1) {
			refuse(diag, src, off, 1, "line too long, limit is 65535 characters");
			ok = false;
			break;
		}
		if (end > off && line[0] != '#' && line[0] != '\r') {
			ok = parse_line(arena, diag, src, off, line, end - off, &entries);
			/*
			 * A last line without its LF, blank or not, may be a truncated
			 * file: HAProxy refuses the list once it has read it (v2.6.0 to
			 * v3.4.0; position: the line's length plus one).
			 */
			if (ok && nl == NULL) {
				refuse(diag, src, off, end - off,
				       tl_arena_printf(arena,
						       "Missing LF on last line, file might have "
						       "been truncated at position %zu.",
						       end - off + 1));
				ok = false;
			}
		}
		off = end + 1;
	}
	out->n = entries.len;
	if (entries.len) {
		out->entries = tl_arena_calloc(arena, entries.len, sizeof(*out->entries));
		for (size_t i = 0; i < entries.len; i++)
			out->entries[i] = *(struct tl_crtlist_entry *)entries.items[i];
	}
	return ok;
}
