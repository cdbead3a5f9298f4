/*
 * The nginx tokenizer, internal to the parser: one token at a time over a
 * source text, following nginx's ngx_conf_read_token() rules exactly, plus
 * a raw scanner for the Lua bodies of OpenResty's *_by_lua_block directives.
 */
#ifndef TL_NGINX_LEXER_H
#define TL_NGINX_LEXER_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>
#include <stddef.h>

#include "../src/arena.h"

enum tl_ngx_tok {
	TL_NGX_EOF,
	TL_NGX_WORD,
	TL_NGX_SEMI,
	TL_NGX_LBRACE,
	TL_NGX_RBRACE,
};

/* Syntax errors the lexer finds while reading one token. */
enum tl_ngx_lexerr {
	TL_NGX_ERR_NONE,
	TL_NGX_ERR_AFTER_QUOTE,  /* the char at err_off follows a closing quote */
	TL_NGX_ERR_UNTERMINATED, /* the quote at err_off is never closed */
};

struct tl_ngx_lexer {
	struct tl_arena *arena;
	const char *text;
	size_t len;
	size_t pos;
	/*
	 * Word texts are carved from one buffer per file: unescaped words plus
	 * their NULs never take more room than the text they came from, and
	 * one allocation instead of one per word keeps big configs fast.
	 */
	char *pool;
	size_t pool_used;
	size_t pool_cap;
};

struct tl_ngx_token {
	enum tl_ngx_tok type;
	size_t off; /* the token as written, quotes included */
	size_t len;
	const char *text; /* WORD only: unescaped, NUL-terminated, in the arena */
	size_t textlen;
	bool quoted;
	enum tl_ngx_lexerr err;
	size_t err_off;
};

void tl_ngx_lexer_init(struct tl_ngx_lexer *lx, struct tl_arena *arena, const char *text,
		       size_t len);

/*
 * Reads the next token. A token with err set is still usable: the lexer
 * has already moved to where reading can sensibly go on.
 */
enum tl_ngx_tok tl_ngx_lex(struct tl_ngx_lexer *lx, struct tl_ngx_token *tok);

/* A NUL-terminated copy of text[off, off + len), from the word pool. */
char *tl_ngx_lexer_copy(struct tl_ngx_lexer *lx, size_t off, size_t len);

/*
 * Reads a Lua body that starts just after its opening "{" up to the
 * matching "}", skipping braces inside Lua strings, long brackets and
 * comments. Sets the body's span (braces excluded) and returns 0, or
 * returns -1 at the end of the text (the span then runs to the end).
 */
int tl_ngx_lex_lua_body(struct tl_ngx_lexer *lx, size_t *off, size_t *len);

#endif
