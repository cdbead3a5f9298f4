/*
 * HAProxy's configuration reader (parse_cfg of src/cfgparse.c, 2.6 and
 * 3.4): one line at a time, split into words by parse_line (src/tools.c)
 * with quotes, backslash escapes, '#' comments and "${VAR}" expansion;
 * config macros (.if/.elif/.else/.endif, .alert/.warning/.notice/.diag)
 * handled on the way; a line whose first word is a section keyword opens
 * that section. Refusals are worded as HAProxy words them.
 */
#include "haproxy.h"

#include <ctype.h>
#include <errno.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "conf_files.h"

/* MAX_LINE_ARGS of include/haproxy/defaults.h, the same in 2.6 and 3.4. */
#define MAX_LINE_ARGS 64
/* MAXNESTEDCONDS of src/cfgparse.c. */
#define MAX_NESTED_CONDS 128

/* Section keywords and the versions that have them (REGISTER_CONFIG_SECTION). */
static const struct {
	const char *name;
	struct tl_version since, until; /* until {0}: still there */
} sections[] = {
	{"acme", {3, 2, 0}, {0, 0, 0}},           {"backend", {1, 0, 0}, {0, 0, 0}},
	{"cache", {1, 8, 0}, {0, 0, 0}},          {"crt-store", {3, 0, 0}, {0, 0, 0}},
	{"defaults", {1, 0, 0}, {0, 0, 0}},       {"fcgi-app", {2, 1, 0}, {0, 0, 0}},
	{"frontend", {1, 0, 0}, {0, 0, 0}},       {"global", {1, 0, 0}, {0, 0, 0}},
	{"healthcheck", {3, 4, 0}, {0, 0, 0}},    {"http-errors", {2, 2, 0}, {0, 0, 0}},
	{"listen", {1, 0, 0}, {0, 0, 0}},         {"log-forward", {2, 3, 0}, {0, 0, 0}},
	{"log-profile", {3, 1, 0}, {0, 0, 0}},    {"mailers", {1, 6, 0}, {0, 0, 0}},
	{"namespace_list", {1, 6, 0}, {0, 0, 0}}, {"peers", {1, 0, 0}, {0, 0, 0}},
	{"program", {1, 9, 0}, {3, 3, 0}},        {"resolvers", {1, 6, 0}, {0, 0, 0}},
	{"ring", {2, 2, 0}, {0, 0, 0}},           {"traces", {3, 1, 0}, {0, 0, 0}},
	{"userlist", {1, 0, 0}, {0, 0, 0}},
};

/*
 * feature() answers from the build's feature list. Offline there is no
 * build to ask: this is Debian 12's haproxy 2.6 (haproxy -vv), the build
 * most configs linted here will meet; QUIC is in upstream builds from 2.6
 * on but not in Debian's.
 */
static const char build_features[] =
	"+ACCEPT4 +BACKTRACE +CPU_AFFINITY +CRYPT_H +DL +EPOLL +GETADDRINFO +LIBCRYPT "
	"+LINUX_SPLICE +LINUX_TPROXY +LUA +NETFILTER +NS +OPENSSL +OT +PCRE2 +PCRE2_JIT +POLL "
	"+PRCTL +PROMEX +RT +SLZ +SYSTEMD +TFO +THREAD +THREAD_DUMP +TPROXY";

/* State of one .if level (enum nested_cond_state of src/cfgparse.c). */
enum cond_state {
	COND_TAKE, /* this branch is taken */
	COND_DROP, /* not taken yet: a later .elif/.else may be */
	COND_SKIP, /* a branch was taken, or the whole block is inside a dropped one */
	COND_ELSE_TAKE,
	COND_ELSE_DROP,
};

struct parser {
	struct tl_parse_env *env;
	struct tl_arena *arena;
	const struct tl_haproxy_options *opts;
	struct tl_tree *tree;
	struct tl_conf_files files;
	struct tl_ptrvec sections; /* struct tl_directive *, the root's children */
	struct tl_directive *section;
	struct tl_ptrvec lines; /* the open section's children */
	const char *section_name;
	enum cond_state conds[MAX_NESTED_CONDS];
	unsigned nconds;
	unsigned fatal;
	bool stop; /* what HAProxy reads of the file ends here */
};

/* One word of a line: its text after unescaping, and where it was written. */
struct word {
	char *text;
	size_t len, cap;
	size_t from, to; /* offsets in the line */
	bool quoted;
	bool from_var; /* made only of a variable that was not set */
};

static void
emit(struct parser *p, struct word *w, char c)
{
	if (w->len + 1 >= w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 32;
		char *t = tl_arena_alloc(p->arena, cap);

		if (w->len)
			memcpy(t, w->text, w->len);
		w->text = t;
		w->cap = cap;
	}
	w->text[w->len++] = c;
	w->text[w->len] = '\0';
}

static const char *
lookup_env(const struct parser *p, const char *name, size_t len)
{
	if (!p->opts->env_set) {
		char *n = tl_arena_strndup(p->arena, name, len);

		return getenv(n);
	}
	for (size_t i = p->opts->nenv; i-- > 0;) {
		const char *e = p->opts->env[i];

		if (strncmp(e, name, len) == 0 && e[len] == '=')
			return e + len + 1;
	}
	return NULL;
}

/* The errors of parse_line, with HAProxy's words for each. */
enum split_error {
	SPLIT_OK,
	SPLIT_QUOTE,
	SPLIT_BRACE,
	SPLIT_VARNAME,
	SPLIT_HEX,
	SPLIT_EXPAND,
};

static const char *const split_messages[] = {
	[SPLIT_QUOTE] = "unmatched quote",
	[SPLIT_BRACE] = "unmatched brace in environment variable name",
	[SPLIT_VARNAME] = "forbidden first char in environment variable name",
	[SPLIT_HEX] = "truncated or invalid hexadecimal sequence",
	[SPLIT_EXPAND] = "truncated or invalid word expansion sequence",
};

struct split {
	struct word *words;
	size_t n, cap;
	enum split_error error;
	size_t error_at; /* offset in the line */
};

static struct word *
new_word(struct parser *p, struct split *s, size_t from)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct word *t = tl_arena_calloc(p->arena, cap, sizeof(*t));

		if (s->n)
			memcpy(t, s->words, s->n * sizeof(*t));
		s->words = t;
		s->cap = cap;
	}
	memset(&s->words[s->n], 0, sizeof(s->words[s->n]));
	s->words[s->n].from = from;
	s->words[s->n].text = (char *)"";
	return &s->words[s->n++];
}

static bool
is_hex(char c)
{
	return isxdigit((unsigned char)c) != 0;
}

static unsigned
hex_value(char c)
{
	return isdigit((unsigned char)c) ? (unsigned)(c - '0')
					 : (unsigned)(toupper((unsigned char)c) - 'A' + 10);
}

/*
 * ${NAME}, $NAME, ${NAME-default} and ${NAME[*]} at LINE[*I] (just past
 * the '$'), inside double quotes: appends the value to the word being
 * built, or with [*] splits it into words. False on a syntax error.
 */
static bool
expand_var(struct parser *p, struct split *s, const char *line, size_t *i, struct word **cur,
	   unsigned lineno, bool *in_word)
{
	size_t at = *i, name_at, name_len;
	bool brace = false, expand = false;
	const char *value;
	char num[24];

	if (line[at] == '{') {
		brace = true;
		at++;
	}
	if (!isalpha((unsigned char)line[at]) && line[at] != '_' && line[at] != '.') {
		s->error = SPLIT_VARNAME;
		s->error_at = at;
		return false;
	}
	name_at = at;
	if (line[at] == '.')
		at++;
	while (isalnum((unsigned char)line[at]) || line[at] == '_')
		at++;
	name_len = at - name_at;
	if (line[name_at] == '.') {
		if (name_len == 5 && strncmp(line + name_at, ".LINE", 5) == 0) {
			snprintf(num, sizeof(num), "%u", lineno);
			value = tl_arena_strndup(p->arena, num, strlen(num));
		} else if (name_len == 5 && strncmp(line + name_at, ".FILE", 5) == 0) {
			value = "";
		} else if (name_len == 8 && strncmp(line + name_at, ".SECTION", 8) == 0) {
			value = p->section_name ? p->section_name : "";
		} else {
			s->error = SPLIT_VARNAME;
			s->error_at = name_at;
			return false;
		}
	} else {
		value = lookup_env(p, line + name_at, name_len);
	}
	if (line[at] == '[' && brace) {
		if (line[at + 1] != '*' || line[at + 2] != ']') {
			s->error = SPLIT_EXPAND;
			s->error_at = at;
			return false;
		}
		expand = true;
		at += 3;
	}
	if (brace) {
		if (line[at] == '-') {
			size_t def = at + 1;

			while (line[at] != '\0' && line[at] != '}')
				at++;
			if (line[at] != '}') {
				s->error = SPLIT_BRACE;
				s->error_at = name_at - 1;
				return false;
			}
			if (value == NULL)
				value = tl_arena_strndup(p->arena, line + def, at - def);
		} else if (line[at] != '}') {
			s->error = SPLIT_BRACE;
			s->error_at = name_at - 1;
			return false;
		}
		at++;
	}
	*i = at;
	if (value == NULL) {
		/* An unset variable still makes a word (an empty one). */
		if (!expand && !*in_word) {
			*cur = new_word(p, s, name_at - (brace ? 2 : 1));
			*in_word = true;
		}
		if (!expand && (*cur)->len == 0)
			(*cur)->from_var = true;
		return true;
	}
	for (const char *v = value; *v; v++) {
		if (expand && isspace((unsigned char)*v)) {
			*in_word = false;
			continue;
		}
		if (!*in_word) {
			*cur = new_word(p, s, name_at - (brace ? 2 : 1));
			*in_word = true;
		}
		emit(p, *cur, *v);
	}
	return true;
}

/* parse_line with PARSE_OPT_ENV, DQUOTE, SQUOTE, BKSLASH, SHARP and WORD_EXPAND. */
static void
split_line(struct parser *p, const char *line, unsigned lineno, struct split *s)
{
	size_t i = 0, quote_at = 0;
	bool squote = false, dquote = false, in_word = false;
	struct word *cur = NULL;

	memset(s, 0, sizeof(*s));
	for (;;) {
		char c = line[i];

		if (c == '\0' || c == '\n' || c == '\r')
			break;
		if (c == '#' && !squote && !dquote)
			break;
		if (c == '"' && !squote) {
			if (!in_word) {
				cur = new_word(p, s, i);
				in_word = true;
			}
			cur->quoted = true;
			dquote = !dquote;
			quote_at = i++;
			continue;
		}
		if (c == '\'' && !dquote) {
			if (!in_word) {
				cur = new_word(p, s, i);
				in_word = true;
			}
			cur->quoted = true;
			squote = !squote;
			quote_at = i++;
			continue;
		}
		if (isspace((unsigned char)c) && !squote && !dquote) {
			if (in_word)
				cur->to = i;
			in_word = false;
			while (isspace((unsigned char)line[i]))
				i++;
			continue;
		}
		if (c == '$' && dquote) {
			i++;
			if (!expand_var(p, s, line, &i, &cur, lineno, &in_word))
				return;
			continue;
		}
		if (!in_word) {
			cur = new_word(p, s, i);
			in_word = true;
		}
		if (c == '\\' && !squote) {
			char n = line[i + 1];

			switch (n) {
			case ' ':
			case '\\':
			case '#':
			case '\'':
			case '"':
				emit(p, cur, n);
				i += 2;
				continue;
			case 't':
				emit(p, cur, '\t');
				i += 2;
				continue;
			case 'n':
				emit(p, cur, '\n');
				i += 2;
				continue;
			case 'r':
				emit(p, cur, '\r');
				i += 2;
				continue;
			case '$':
				if (dquote) {
					emit(p, cur, '$');
					i += 2;
					continue;
				}
				break;
			case 'x':
				if (!is_hex(line[i + 2]) || !is_hex(line[i + 3])) {
					s->error = SPLIT_HEX;
					s->error_at = i;
					return;
				}
				emit(p, cur,
				     (char)(hex_value(line[i + 2]) << 4 | hex_value(line[i + 3])));
				i += 4;
				continue;
			default:
				break;
			}
		}
		/* Any other character, and a backslash that escapes nothing, is itself. */
		emit(p, cur, c);
		i++;
	}
	if (in_word)
		cur->to = i;
	if (squote || dquote) {
		s->error = SPLIT_QUOTE;
		s->error_at = quote_at;
	}
	for (size_t k = 0; k < s->n; k++)
		if (s->words[k].to < s->words[k].from)
			s->words[k].to = i;
}

/* ---- findings ---- */

#define finding(p, ...) tl_conf_finding(&(p)->files, __VA_ARGS__)

static struct tl_loc
line_loc(const struct tl_source *src, size_t line_off, size_t from, size_t to)
{
	return tl_loc_make(src, line_off + from, to > from ? to - from : 1);
}

/* What HAProxy refuses (an ALERT that makes -c fail), counted as parse_cfg counts them. */
#define fatal(p, loc, ...)                                                                         \
	do {                                                                                       \
		finding(p, TL_CK_PARSE_ERROR, loc, __VA_ARGS__);                                   \
		(p)->fatal++;                                                                      \
	} while (0)

/* ---- .if conditions (src/cfgcond.c) ---- */

struct cond {
	struct parser *p;
	const char *text;
	size_t pos;
	const char *error;
	const char *term; /* the predicate being read, for the message */
};

static void
cond_space(struct cond *c)
{
	while (c->text[c->pos] == ' ' || c->text[c->pos] == '\t')
		c->pos++;
}

static int cond_expr(struct cond *c, unsigned depth);

/* The arguments of a predicate: "(a, 'b')", quotes removed. */
static size_t
cond_args(struct cond *c, char **args, size_t max)
{
	size_t n = 0;

	cond_space(c);
	if (c->text[c->pos] != '(') {
		c->error = "missing opening ')' after predicate";
		return 0;
	}
	c->pos++;
	for (;;) {
		size_t start;
		char q = 0;

		cond_space(c);
		if (c->text[c->pos] == ')' && n == 0) {
			c->pos++;
			return n;
		}
		if (c->text[c->pos] == '\'' || c->text[c->pos] == '"')
			q = c->text[c->pos++];
		start = c->pos;
		while (c->text[c->pos] != '\0' &&
		       (q ? c->text[c->pos] != q
			  : c->text[c->pos] != ',' && c->text[c->pos] != ')'))
			c->pos++;
		if (n < max)
			args[n] = tl_arena_strndup(c->p->arena, c->text + start, c->pos - start);
		n++;
		if (q && c->text[c->pos] == q)
			c->pos++;
		cond_space(c);
		if (c->text[c->pos] == ',') {
			c->pos++;
			continue;
		}
		if (c->text[c->pos] == ')') {
			c->pos++;
			return n;
		}
		c->error = "expected ')' after argument list";
		return 0;
	}
}

static bool
feature_built(const char *name)
{
	size_t len = strlen(name);

	if (len == 0)
		return false;
	for (const char *f = strstr(build_features, name); f != NULL; f = strstr(f + 1, name))
		if (f > build_features && f[-1] == '+' && (f[len] == ' ' || f[len] == '\0'))
			return true;
	return false;
}

/* A version argument "2.6", "2.6.12" or "3.4-dev1" against V; -1 if not a version. */
static int
version_cmp_text(const char *text, struct tl_version v)
{
	unsigned long part[3] = {0, 0, 0};
	const char *s = text;
	struct tl_version w;

	for (int i = 0; i < 3; i++) {
		char *end;

		if (!isdigit((unsigned char)*s))
			break;
		part[i] = strtoul(s, &end, 10);
		s = end;
		if (*s != '.')
			break;
		s++;
	}
	w.major = (unsigned)part[0];
	w.minor = (unsigned)part[1];
	w.patch = (unsigned)part[2];
	return tl_version_cmp(v, w);
}

/* OpenSSL's version as "3.0.19" text compared with TEXT: the library tlslint runs with. */
static int
openssl_cmp_text(const char *text)
{
	unsigned long n = OpenSSL_version_num();
	struct tl_version mine = {(unsigned)(n >> 28) & 0xf, (unsigned)(n >> 20) & 0xff,
				  (unsigned)(n >> 4) & 0xff};

	return version_cmp_text(text, mine);
}

enum predicate {
	PRED_DEFINED,
	PRED_FEATURE,
	PRED_STREQ,
	PRED_STRNEQ,
	PRED_STRSTR,
	PRED_VERSION_ATLEAST,
	PRED_VERSION_BEFORE,
	PRED_OPENSSL_ATLEAST,
	PRED_OPENSSL_BEFORE,
	PRED_SSLLIB_STARTSWITH,
	PRED_AWSLC, /* AWS-LC's API version: never true with OpenSSL */
	PRED_ENABLED,
};

/* The predicates of cond_predicates[] in src/cfgcond.c, and the version that added each. */
static const struct {
	const char *name;
	enum predicate pred;
	struct tl_version since;
} predicates[] = {
	{"defined", PRED_DEFINED, {2, 4, 0}},
	{"feature", PRED_FEATURE, {2, 4, 0}},
	{"streq", PRED_STREQ, {2, 4, 0}},
	{"strneq", PRED_STRNEQ, {2, 4, 0}},
	{"strstr", PRED_STRSTR, {2, 8, 0}},
	{"version_atleast", PRED_VERSION_ATLEAST, {2, 4, 0}},
	{"version_before", PRED_VERSION_BEFORE, {2, 4, 0}},
	{"openssl_version_atleast", PRED_OPENSSL_ATLEAST, {2, 5, 0}},
	{"openssl_version_before", PRED_OPENSSL_BEFORE, {2, 5, 0}},
	{"ssllib_name_startswith", PRED_SSLLIB_STARTSWITH, {2, 6, 0}},
	{"awslc_api_atleast", PRED_AWSLC, {3, 3, 0}},
	{"awslc_api_before", PRED_AWSLC, {3, 3, 0}},
	{"enabled", PRED_ENABLED, {2, 8, 0}},
};

/* The runtime options a Linux build has on by default (cfg_eval_cond_enabled). */
static bool
enabled_by_default(const char *option)
{
	static const char *const on[] = {"POLL",        "EPOLL",     "SPLICE",
					 "GETADDRINFO", "REUSEPORT", "FAST-FORWARD"};

	for (size_t i = 0; i < sizeof(on) / sizeof(on[0]); i++)
		if (strcmp(on[i], option) == 0)
			return true;
	return false;
}

static int
cond_predicate(struct cond *c, const char *name, size_t len)
{
	char *args[2] = {NULL, NULL};
	size_t n, i;
	struct tl_version target = c->p->opts->version;

	for (i = 0; i < sizeof(predicates) / sizeof(predicates[0]); i++)
		if (strlen(predicates[i].name) == len &&
		    strncmp(predicates[i].name, name, len) == 0)
			break;
	if (i == sizeof(predicates) / sizeof(predicates[0]) ||
	    tl_version_cmp(target, predicates[i].since) < 0) {
		c->error = tl_arena_printf(c->p->arena, "unparsable conditional expression '%s'",
					   c->term);
		return -1;
	}
	c->pos += len;
	n = cond_args(c, args, 2);
	if (c->error != NULL)
		return -1;
	if (n < 1)
		return 0;
	switch (predicates[i].pred) {
	case PRED_DEFINED:
		return lookup_env(c->p, args[0], strlen(args[0])) != NULL;
	case PRED_FEATURE:
		return feature_built(args[0]);
	case PRED_STREQ:
		return n >= 2 && strcmp(args[0], args[1]) == 0;
	case PRED_STRNEQ:
		return n >= 2 && strcmp(args[0], args[1]) != 0;
	case PRED_STRSTR:
		return n >= 2 && strstr(args[0], args[1]) != NULL;
	case PRED_VERSION_ATLEAST:
		return version_cmp_text(args[0], target) >= 0;
	case PRED_VERSION_BEFORE:
		return version_cmp_text(args[0], target) < 0;
	case PRED_OPENSSL_ATLEAST:
		return openssl_cmp_text(args[0]) >= 0;
	case PRED_OPENSSL_BEFORE:
		return openssl_cmp_text(args[0]) < 0;
	case PRED_SSLLIB_STARTSWITH:
		return strncmp("OpenSSL", args[0], strlen(args[0])) == 0;
	case PRED_AWSLC:
		return 0;
	case PRED_ENABLED:
		return enabled_by_default(args[0]);
	}
	return 0;
}

static int
cond_term(struct cond *c, unsigned depth)
{
	bool neg = false;
	const char *t;
	char *end;
	long val;
	int r;

	cond_space(c);
	if (depth == 0) {
		c->error = "unparsable conditional expression";
		return -1;
	}
	while (c->text[c->pos] == '!') {
		neg = !neg;
		c->pos++;
		cond_space(c);
	}
	t = c->text + c->pos;
	val = strtol(t, &end, 0);
	if (end != t) {
		c->pos += (size_t)(end - t);
		return (val != 0) != neg;
	}
	if (*t == '(') {
		c->pos++;
		r = cond_expr(c, depth - 1);
		if (r < 0)
			return -1;
		cond_space(c);
		if (c->text[c->pos] != ')') {
			c->error = "expected ')' after conditional expression";
			return -1;
		}
		c->pos++;
		return (r != 0) != neg;
	}
	if (*t == '\0') {
		c->error = "unparsable conditional expression";
		return -1;
	}
	c->term = t;
	r = cond_predicate(c, t, strcspn(t, " ("));
	return r < 0 ? -1 : (r != 0) != neg;
}

static int
cond_and(struct cond *c, unsigned depth)
{
	int r = cond_term(c, depth);

	while (r >= 0) {
		int next;

		cond_space(c);
		if (c->text[c->pos] != '&' || c->text[c->pos + 1] != '&')
			return r;
		c->pos += 2;
		next = cond_term(c, depth);
		if (next < 0)
			return -1;
		r = r && next;
	}
	return r;
}

static int
cond_expr(struct cond *c, unsigned depth)
{
	int r = cond_and(c, depth);

	while (r >= 0) {
		int next;

		cond_space(c);
		if (c->text[c->pos] != '|' || c->text[c->pos + 1] != '|')
			return r;
		c->pos += 2;
		next = cond_and(c, depth);
		if (next < 0)
			return -1;
		r = r || next;
	}
	return r;
}

/* The words after ".if", joined by spaces as HAProxy remerges them, evaluated. */
static int
eval_condition(struct parser *p, const struct split *s, const char **error)
{
	struct cond c = {p, "", 0, NULL};
	size_t len = 0;
	char *text;
	int r;

	for (size_t i = 1; i < s->n; i++)
		len += s->words[i].len + 1;
	text = tl_arena_alloc(p->arena, len + 1);
	text[0] = '\0';
	for (size_t i = 1, at = 0; i < s->n; i++) {
		memcpy(text + at, s->words[i].text, s->words[i].len);
		at += s->words[i].len;
		text[at++] = i + 1 < s->n ? ' ' : '\0';
		text[at] = '\0';
	}
	c.text = text;
	r = cond_expr(&c, 32);
	if (r >= 0) {
		cond_space(&c);
		if (c.text[c.pos] != '\0') {
			c.error = "unparsable trailing garbage";
			r = -1;
		}
	}
	*error = c.error;
	return r;
}

/* True while the current .if level's lines are skipped. */
static bool
dropping(const struct parser *p)
{
	return p->nconds > 0 && p->conds[p->nconds - 1] != COND_TAKE &&
	       p->conds[p->nconds - 1] != COND_ELSE_TAKE;
}

/* .if/.elif/.else/.endif and the message macros; true when the line was one. */
static bool
config_macro(struct parser *p, const struct split *s, struct tl_loc at)
{
	const char *w = s->words[0].text;
	const char *error = NULL;
	int r;

	if (strcmp(w, ".if") == 0) {
		if (p->nconds + 1 >= MAX_NESTED_CONDS) {
			fatal(p, at, "too many nested '.if'");
			return true;
		}
		if (dropping(p)) {
			p->conds[p->nconds++] = COND_SKIP;
			return true;
		}
		r = eval_condition(p, s, &error);
		if (r < 0) {
			fatal(p, at, "%s in '.if'", error);
			r = 0;
		}
		p->conds[p->nconds++] = r ? COND_TAKE : COND_DROP;
		return true;
	}
	if (strcmp(w, ".elif") == 0 || strcmp(w, ".else") == 0) {
		bool is_else = w[2] == 'l' && w[3] == 's';
		enum cond_state *st;

		if (p->nconds == 0) {
			fatal(p, at, "lone '%s' with no matching '.if'", w);
			return true;
		}
		st = &p->conds[p->nconds - 1];
		if (*st == COND_ELSE_TAKE || *st == COND_ELSE_DROP) {
			fatal(p, at, "'%s' after '.else' is not permitted", w);
			return true;
		}
		if (*st == COND_TAKE || *st == COND_SKIP) {
			*st = is_else ? COND_ELSE_DROP : COND_SKIP;
			return true;
		}
		/* COND_DROP: nothing taken yet. */
		if (is_else) {
			*st = COND_ELSE_TAKE;
			return true;
		}
		r = eval_condition(p, s, &error);
		if (r < 0) {
			fatal(p, at, "%s in '.elif'", error);
			r = 0;
		}
		*st = r ? COND_TAKE : COND_DROP;
		return true;
	}
	if (strcmp(w, ".endif") == 0) {
		if (p->nconds == 0) {
			fatal(p, at, "lone '.endif' with no matching '.if'");
		} else {
			p->nconds--;
		}
		return true;
	}
	if (dropping(p))
		return true;
	if (strcmp(w, ".alert") == 0) {
		fatal(p, at, "'%s'", s->n > 1 ? s->words[1].text : "");
		return true;
	}
	if (strcmp(w, ".warning") == 0 || strcmp(w, ".notice") == 0 || strcmp(w, ".diag") == 0)
		return true;
	/* HAProxy stops reading the file here (the "break" in parse_cfg). */
	fatal(p, at, "unknown directive '%s'", w);
	p->stop = true;
	return true;
}

/* ---- the tree ---- */

static bool
is_section(const struct parser *p, const char *word)
{
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		struct tl_version z = {0, 0, 0};

		if (strcmp(sections[i].name, word) != 0)
			continue;
		return tl_version_cmp(p->opts->version, sections[i].since) >= 0 &&
		       (tl_version_cmp(sections[i].until, z) == 0 ||
			tl_version_cmp(p->opts->version, sections[i].until) < 0);
	}
	return false;
}

static void
close_section(struct parser *p)
{
	if (p->section == NULL)
		return;
	p->section->nchildren = p->lines.len;
	p->section->children = (struct tl_directive **)p->lines.items;
	memset(&p->lines, 0, sizeof(p->lines));
	p->section = NULL;
}

static struct tl_directive *
make_directive(struct parser *p, const struct tl_source *src, size_t line_off,
	       const struct split *s, size_t first, size_t line_end)
{
	struct tl_directive *d = tl_arena_alloc(p->arena, sizeof(*d));
	const struct word *w = &s->words[first];
	size_t nargs = s->n - first - 1;

	d->name = w->text;
	d->loc = line_loc(src, line_off, w->from, w->to);
	d->end = line_off + line_end;
	if (nargs > 0) {
		d->args = tl_arena_calloc(p->arena, nargs, sizeof(*d->args));
		for (size_t i = 0; i < nargs; i++) {
			const struct word *a = &s->words[first + 1 + i];

			d->args[i].text = a->text;
			d->args[i].len = a->len;
			d->args[i].loc = line_loc(src, line_off, a->from, a->to);
			d->args[i].quoted = a->quoted;
		}
	}
	d->nargs = nargs;
	return d;
}

/*
 * Empty words ("" or an unset "${VAR}"): from 3.2 HAProxy refuses them
 * ("argument number N … is empty and marks the end of the argument list").
 * Before, they reach the keyword parsers, most of which stop reading at the
 * first empty word and silently ignore what follows (bind and server
 * options), while others refuse the rest ("'maxconn' cannot handle
 * unexpected argument '10'" from 2.6): they stay in the tree for the
 * lowering to treat as that keyword does. Returns false when refused.
 */
static bool
empty_words(struct parser *p, const struct split *s, const struct tl_source *src, size_t line_off)
{
	static const struct tl_version refused_since = {3, 2, 0};

	if (tl_version_cmp(p->opts->version, refused_since) < 0)
		return true;
	for (size_t i = 0; i < s->n; i++) {
		if (s->words[i].len > 0)
			continue;
		fatal(p, line_loc(src, line_off, s->words[i].from, s->words[i].to),
		      "argument number %zu is empty and marks the end of the argument list%s", i,
		      s->words[i].from_var ? " (an environment variable that is not set)" : "");
		return false;
	}
	return true;
}

static void
parse_line_words(struct parser *p, const struct tl_source *src, size_t line_off, const char *line,
		 size_t line_len, unsigned lineno)
{
	struct split s;
	struct tl_directive *d;

	split_line(p, line, lineno, &s);
	if (s.error != SPLIT_OK) {
		/* A '$' or '{' at the very end points just past the line: keep the place on it. */
		size_t at = s.error_at < line_len ? s.error_at : line_len > 0 ? line_len - 1 : 0;

		fatal(p, line_loc(src, line_off, at, at + 1), "%s at position %zu",
		      split_messages[s.error], s.error_at + 1);
		return;
	}
	if (s.n == 0)
		return;
	if (s.n > MAX_LINE_ARGS) {
		fatal(p, line_loc(src, line_off, s.words[MAX_LINE_ARGS].from, line_len),
		      "too many words, truncating after word %d", MAX_LINE_ARGS);
		return;
	}
	if (s.words[0].text[0] == '.' && !s.words[0].quoted) {
		config_macro(p, &s, line_loc(src, line_off, s.words[0].from, s.words[0].to));
		return;
	}
	if (dropping(p))
		return;
	if (!empty_words(p, &s, src, line_off))
		return;
	/* "no" and "default" modify the keyword after them; they stay the directive's name. */
	if (is_section(p, s.words[0].text)) {
		close_section(p);
		d = make_directive(p, src, line_off, &s, 0, line_len);
		d->block = true;
		d->parent = &p->tree->root;
		p->section = d;
		/* ${.SECTION}: the section's name, or its keyword when it has none. */
		p->section_name = d->nargs > 0 ? d->args[0].text : d->name;
		tl_ptrvec_push(p->arena, &p->sections, d);
		return;
	}
	if (p->section == NULL) {
		fatal(p, line_loc(src, line_off, s.words[0].from, s.words[0].to),
		      "unknown keyword '%s' out of section", s.words[0].text);
		return;
	}
	d = make_directive(p, src, line_off, &s, 0, line_len);
	d->parent = p->section;
	tl_ptrvec_push(p->arena, &p->lines, d);
}

static void
parse_source(struct parser *p, const struct tl_source *src)
{
	const char *text = src->text;
	size_t len = tl_conf_files_config_len(&p->files, src);
	size_t off = 0, last_line = 0;
	unsigned lineno = 0;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		const char *nul = memchr(text + off, '\0', end - off);
		char *line;
		size_t skip = 0;

		lineno++;
		last_line = off;
		if (p->fatal >= 50) {
			finding(p, TL_CK_PARSE_ERROR, tl_loc_make(src, off, end - off),
				"too many fatal errors (%u), stopping now", p->fatal);
			break;
		}
		if (nul != NULL) {
			fatal(p, tl_loc_make(src, (size_t)(nul - text), 1), "Stray NUL character");
			return;
		}
		line = tl_arena_strndup(p->arena, text + off, end - off);
		while (isspace((unsigned char)line[skip]))
			skip++;
		/* "[name]" lines open a configuration scope (3.x): nothing tlslint reads. */
		if (line[skip] != '[')
			parse_line_words(p, src, off, line, end - off, lineno);
		if (p->stop)
			break;
		if (nl == NULL) {
			fatal(p, tl_loc_make(src, end > 0 ? end - 1 : 0, 1),
			      "Missing LF on last line, file might have been truncated");
			break;
		}
		off = end + 1;
	}
	close_section(p);
	if (p->nconds > 0)
		fatal(p, tl_loc_make(src, last_line, 1), "non-terminated '.if' block");
}

static void
parser_init(struct parser *p, struct tl_parse_env *env, const struct tl_haproxy_options *opts,
	    struct tl_tree *tree)
{
	memset(p, 0, sizeof(*p));
	memset(tree, 0, sizeof(*tree));
	p->env = env;
	p->arena = env->arena;
	p->opts = opts;
	p->tree = tree;
	tree->root.name = "";
	tl_conf_files_init(&p->files, env, tree, "haproxy");
}

static void
parse_entry(struct parser *p, const struct tl_source *src)
{
	p->tree->root.loc = tl_loc_make(src, 0, 0);
	parse_source(p, src);
	p->tree->root.nchildren = p->sections.len;
	p->tree->root.children = (struct tl_directive **)p->sections.items;
}

int
tl_haproxy_parse_file(struct tl_parse_env *env, const struct tl_haproxy_options *opts,
		      const char *path, struct tl_tree *tree)
{
	struct parser p;
	struct tl_source *src;
	const char *key, *deployed;
	int rc;

	parser_init(&p, env, opts, tree);
	key = tl_path_normalize(env->arena, path);
	rc = tl_conf_files_entry(&p.files, key, &src);
	if (rc < 0)
		return rc;
	deployed = tl_fs_entry_path(env->fs, key);
	tree->prefix = tl_path_dirname(env->arena, deployed != NULL ? deployed : key);
	parse_entry(&p, src);
	return 0;
}

int
tl_haproxy_parse_text(struct tl_parse_env *env, const struct tl_haproxy_options *opts,
		      const char *name, const char *text, size_t len, struct tl_tree *tree)
{
	struct parser p;
	struct tl_source *src;
	int rc;

	parser_init(&p, env, opts, tree);
	rc = tl_conf_files_entry_text(&p.files, name, text, len, &src);
	if (rc < 0)
		return rc;
	tree->prefix = env->fs->root != NULL ? "/etc/haproxy" : ".";
	parse_entry(&p, src);
	return 0;
}
