/* The key that identifies a finding across runs (see fingerprint.h). */
#include "fingerprint.h"

/* Enough to tell directives apart; a hostile megabyte line is not copied into every key. */
#define TEXT_MAX 240

const char *
tl_finding_line_text(struct tl_arena *arena, const struct tl_finding *f)
{
	unsigned line, col;
	size_t len, n = 0;
	const char *s;
	char *out;

	if (f->loc.src == NULL)
		return f->message;
	tl_loc_linecol(&f->loc, &line, &col);
	s = tl_source_line(f->loc.src, line, &len);
	out = tl_arena_alloc(arena, TEXT_MAX + 1);
	for (size_t i = 0; i < len && n < TEXT_MAX; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r') {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		out[n++] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

const char *
tl_finding_key(struct tl_arena *arena, const char *check, const char *file, const char *text)
{
	return tl_arena_printf(arena, "%s\x1f%s\x1f%s", check, file, text);
}
