/* The JSON writer: layout state machine and string escaping. */
#include "json_writer.h"

#include <stdint.h>

/*
 * One thread writes a report: the stdio calls below need not take the
 * stream's lock for each token (a simulation of 10,000 sites is millions).
 */
#define fputc fputc_unlocked
#define fputs fputs_unlocked
#define fwrite fwrite_unlocked

void
tl_json_init(struct tl_json *json, FILE *out)
{
	json->out = out;
	json->depth = 0;
	json->has_items = false;
	json->after_key = false;
}

static void
newline_indent(struct tl_json *json, unsigned depth)
{
	/* The newline and the indent in one write: a deep token costs one call, not depth + 1. */
	static const char line[] =
		"\n                                                              ";
	size_t want = 1 + 2 * (size_t)depth;
	const char *from = line;
	size_t room = sizeof(line) - 1;

	while (want > 0) {
		size_t n = want < room ? want : room;

		fwrite(from, 1, n, json->out);
		want -= n;
		/* Deeper than one piece: the rest is spaces only. */
		from = line + 1;
		room = sizeof(line) - 2;
	}
}

/* Everything that comes before a value or a key: separator and indentation. */
static void
prelude(struct tl_json *json)
{
	if (json->after_key) {
		json->after_key = false;
		return;
	}
	if (json->depth > 0) {
		if (json->has_items)
			fputc(',', json->out);
		newline_indent(json, json->depth);
	}
	json->has_items = true;
}

static void
begin(struct tl_json *json, int c)
{
	prelude(json);
	fputc(c, json->out);
	json->depth++;
	json->has_items = false;
}

/* The closed container is itself an item of its parent, hence has_items afterwards. */
static void
end(struct tl_json *json, int c)
{
	json->depth--;
	if (json->has_items)
		newline_indent(json, json->depth);
	fputc(c, json->out);
	json->has_items = true;
}

void
tl_json_object_begin(struct tl_json *json)
{
	begin(json, '{');
}

void
tl_json_object_end(struct tl_json *json)
{
	end(json, '}');
}

void
tl_json_array_begin(struct tl_json *json)
{
	begin(json, '[');
}

void
tl_json_array_end(struct tl_json *json)
{
	end(json, ']');
}

void
tl_json_key(struct tl_json *json, const char *key)
{
	prelude(json);
	tl_json_write_string(json->out, key);
	fputs(": ", json->out);
	json->after_key = true;
}

void
tl_json_string(struct tl_json *json, const char *s)
{
	prelude(json);
	if (s == NULL)
		fputs("null", json->out);
	else
		tl_json_write_string(json->out, s);
}

void
tl_json_uint(struct tl_json *json, unsigned long long v)
{
	prelude(json);
	fprintf(json->out, "%llu", v);
}

void
tl_json_null(struct tl_json *json)
{
	prelude(json);
	fputs("null", json->out);
}

void
tl_json_bool(struct tl_json *json, bool v)
{
	prelude(json);
	fputs(v ? "true" : "false", json->out);
}

void
tl_json_member_string(struct tl_json *json, const char *key, const char *value)
{
	tl_json_key(json, key);
	tl_json_string(json, value);
}

void
tl_json_member_uint(struct tl_json *json, const char *key, unsigned long long value)
{
	tl_json_key(json, key);
	tl_json_uint(json, value);
}

void
tl_json_finish(struct tl_json *json)
{
	fputc('\n', json->out);
}

/*
 * Length of the valid UTF-8 sequence at S (1-4), or 0 if invalid; *bad is
 * then how many bytes form the maximal invalid subpart (at least 1). The
 * ranges of the second byte exclude overlong forms, surrogates and code
 * points above U+10FFFF (Unicode Table 3-7).
 */
static size_t
utf8_sequence(const unsigned char *s, size_t *bad)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		need = 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		*bad = 1;
		return 0;
	}
	for (size_t i = 1; i < need; i++) {
		unsigned char b = s[i];

		/* A NUL terminator fails this test too, so we never read past the string. */
		if (b < lo || b > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return need;
}

void
tl_json_write_string(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	fputc('"', out);
	while (*s != '\0') {
		size_t bad = 0;
		size_t n;
		const unsigned char *run = s;

		/* Plain ASCII goes out in one write: reports of 100,000 findings are mostly that.
		 */
		while (*s >= 0x20 && *s < 0x7f && *s != '"' && *s != '\\')
			s++;
		if (s > run) {
			fwrite(run, 1, (size_t)(s - run), out);
			continue;
		}
		n = utf8_sequence(s, &bad);

		if (n == 0) {
			fputs("\xef\xbf\xbd", out);
			s += bad;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, n, out);
			s += n;
			continue;
		}
		switch (*s) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		default:
			if (*s < 0x20)
				fprintf(out, "\\u%04x", *s);
			else
				fputc(*s, out);
			break;
		}
		s++;
	}
	fputc('"', out);
}
