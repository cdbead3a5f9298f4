/*
 * The nginx tokenizer. nginx reads its config with a character state
 * machine (ngx_conf_read_token in src/core/ngx_conf_file.c); this lexer
 * produces the same words from the same text, one token per call, so the
 * tree sees exactly the arguments nginx would see. The rules that matter:
 * only whitespace, ";" and "{" end a bare word; "}", "#" and quotes are
 * special only where a token starts; "{" right after "$" belongs to a
 * ${variable}; a closing quote must be followed by whitespace, ";", "{"
 * or ")"; a backslash protects the next character and a few escapes are
 * unescaped in every word, quoted or not.
 */
#include "nginx_lexer.h"

#include <string.h>

void
tl_ngx_lexer_init(struct tl_ngx_lexer *lx, struct tl_arena *arena, const char *text, size_t len)
{
	lx->arena = arena;
	lx->text = text;
	lx->len = len;
	lx->pos = 0;
	lx->pool_cap = len + 2;
	lx->pool = tl_arena_alloc(arena, lx->pool_cap);
	lx->pool_used = 0;
}

/* Room for N bytes from the pool; the arena only if the bound above was wrong. */
static char *
pool_get(struct tl_ngx_lexer *lx, size_t n)
{
	char *p;

	if (lx->pool_cap - lx->pool_used < n)
		return tl_arena_alloc(lx->arena, n);
	p = lx->pool + lx->pool_used;
	lx->pool_used += n;
	return p;
}

char *
tl_ngx_lexer_copy(struct tl_ngx_lexer *lx, size_t off, size_t len)
{
	char *t = pool_get(lx, len + 1);

	memcpy(t, lx->text + off, len);
	t[len] = '\0';
	return t;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Copies the word in [s, e) into the arena with nginx's unescaping: \" \'
 * and \\ lose the backslash, \t \r \n become control characters, and any
 * other backslash stays as written (regexes rely on that).
 */
static const char *
unescape(struct tl_ngx_lexer *lx, const char *s, const char *e, size_t *outlen)
{
	char *out = pool_get(lx, (size_t)(e - s) + 1);
	char *d = out;

	while (s < e) {
		if (*s == '\\' && s + 1 < e) {
			switch (s[1]) {
			case '"':
			case '\'':
			case '\\':
				s++;
				break;
			case 't':
				*d++ = '\t';
				s += 2;
				continue;
			case 'r':
				*d++ = '\r';
				s += 2;
				continue;
			case 'n':
				*d++ = '\n';
				s += 2;
				continue;
			default:
				break;
			}
		}
		*d++ = *s++;
	}
	*d = '\0';
	*outlen = (size_t)(d - out);
	return out;
}

static void
make_word(struct tl_ngx_lexer *lx, struct tl_ngx_token *tok, size_t s, size_t e, bool has_bs)
{
	if (has_bs) {
		tok->text = unescape(lx, lx->text + s, lx->text + e, &tok->textlen);
	} else {
		tok->text = tl_ngx_lexer_copy(lx, s, e - s);
		tok->textlen = e - s;
	}
}

static void
lex_quoted(struct tl_ngx_lexer *lx, struct tl_ngx_token *tok)
{
	const char *t = lx->text;
	size_t n = lx->len;
	size_t start = lx->pos;
	char q = t[start];
	size_t i = start + 1;
	bool has_bs = false;

	tok->quoted = true;
	for (;;) {
		if (i >= n) {
			/* Keep what was read so the directive still has its words. */
			tok->err = TL_NGX_ERR_UNTERMINATED;
			tok->err_off = start;
			make_word(lx, tok, start + 1, n, has_bs);
			tok->len = n - start;
			lx->pos = n;
			return;
		}
		if (t[i] == '\\') {
			has_bs = true;
			i += 2;
			continue;
		}
		if (t[i] == q)
			break;
		i++;
	}
	make_word(lx, tok, start + 1, i, has_bs);
	i++;
	tok->len = i - start;
	lx->pos = i;
	/*
	 * nginx wants a separator after a closing quote; ")" is allowed so that
	 * `if ($a = "b")` works, and then starts the next word.
	 */
	if (i < n && !is_space(t[i]) && t[i] != ';' && t[i] != '{' && t[i] != ')') {
		tok->err = TL_NGX_ERR_AFTER_QUOTE;
		tok->err_off = i;
	}
}

static void
lex_bare(struct tl_ngx_lexer *lx, struct tl_ngx_token *tok)
{
	const char *t = lx->text;
	size_t n = lx->len;
	size_t start = lx->pos;
	size_t i = start;
	bool variable = false;
	bool has_bs = false;

	while (i < n) {
		char c = t[i];

		if (c == '\\') {
			/* The escaped character never ends the word, whatever it is. */
			has_bs = true;
			variable = false;
			i += 2;
			continue;
		}
		if (c == '{' && variable) {
			i++;
			continue;
		}
		variable = c == '$';
		if (is_space(c) || c == ';' || c == '{')
			break;
		i++;
	}
	if (i > n)
		i = n;
	make_word(lx, tok, start, i, has_bs);
	tok->len = i - start;
	lx->pos = i;
}

enum tl_ngx_tok
tl_ngx_lex(struct tl_ngx_lexer *lx, struct tl_ngx_token *tok)
{
	const char *t = lx->text;
	size_t n = lx->len;
	size_t i = lx->pos;

	memset(tok, 0, sizeof(*tok));
	for (;;) {
		while (i < n && is_space(t[i]))
			i++;
		if (i < n && t[i] == '#') {
			const char *nl = memchr(t + i, '\n', n - i);

			i = nl ? (size_t)(nl - t) + 1 : n;
			continue;
		}
		break;
	}
	lx->pos = i;
	tok->off = i;
	if (i >= n) {
		tok->type = TL_NGX_EOF;
		return tok->type;
	}
	switch (t[i]) {
	case ';':
		tok->type = TL_NGX_SEMI;
		break;
	case '{':
		tok->type = TL_NGX_LBRACE;
		break;
	case '}':
		tok->type = TL_NGX_RBRACE;
		break;
	case '"':
	case '\'':
		tok->type = TL_NGX_WORD;
		lex_quoted(lx, tok);
		return tok->type;
	default:
		tok->type = TL_NGX_WORD;
		lex_bare(lx, tok);
		return tok->type;
	}
	tok->len = 1;
	lx->pos = i + 1;
	return tok->type;
}

/*
 * If a Lua long bracket ("[[", "[==[") opens at I, returns its level (the
 * number of "=") and sets *after past it; otherwise returns -1.
 */
static long
long_bracket_open(const char *t, size_t n, size_t i, size_t *after)
{
	size_t j = i + 1;

	if (i >= n || t[i] != '[')
		return -1;
	while (j < n && t[j] == '=')
		j++;
	if (j >= n || t[j] != '[')
		return -1;
	*after = j + 1;
	return (long)(j - i - 1);
}

/* Skips to just after the long bracket of LEVEL closing, or to the end. */
static size_t
long_bracket_skip(const char *t, size_t n, size_t i, long level)
{
	while (i < n) {
		const char *p = memchr(t + i, ']', n - i);
		size_t j;

		if (p == NULL)
			return n;
		j = (size_t)(p - t) + 1;
		while (j < n && t[j] == '=')
			j++;
		if (j < n && t[j] == ']' && (long)(j - (size_t)(p - t) - 1) == level)
			return j + 1;
		i = (size_t)(p - t) + 1;
	}
	return n;
}

int
tl_ngx_lex_lua_body(struct tl_ngx_lexer *lx, size_t *off, size_t *len)
{
	const char *t = lx->text;
	size_t n = lx->len;
	size_t i = lx->pos;
	size_t after;
	long level;
	unsigned long depth = 1;

	*off = i;
	while (i < n) {
		char c = t[i];

		switch (c) {
		case '{':
			depth++;
			i++;
			break;
		case '}':
			if (--depth == 0) {
				*len = i - *off;
				lx->pos = i + 1;
				return 0;
			}
			i++;
			break;
		case '"':
		case '\'':
			/* A short string; an unescaped newline ends a broken one. */
			i++;
			while (i < n && t[i] != c && t[i] != '\n')
				i += t[i] == '\\' ? 2 : 1;
			if (i < n)
				i++;
			break;
		case '[':
			level = long_bracket_open(t, n, i, &after);
			i = level < 0 ? i + 1 : long_bracket_skip(t, n, after, level);
			break;
		case '-':
			if (i + 1 < n && t[i + 1] == '-') {
				level = long_bracket_open(t, n, i + 2, &after);
				if (level >= 0) {
					i = long_bracket_skip(t, n, after, level);
				} else {
					const char *nl = memchr(t + i, '\n', n - i);

					i = nl ? (size_t)(nl - t) + 1 : n;
				}
			} else {
				i++;
			}
			break;
		default:
			i++;
			break;
		}
	}
	if (i > n)
		i = n;
	*len = i - *off;
	lx->pos = n;
	return -1;
}
