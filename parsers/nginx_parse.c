/*
 * The nginx parser: builds the generic directive tree from the lexer's
 * tokens the way ngx_conf_parse() walks them, resolves "include" in place
 * (ngx_conf_include: relative to the conf prefix, globs sorted, a missing
 * glob match is fine) and splits `nginx -T` dumps back into their files.
 *
 * nginx stops at the first error; a linter should report all of them, so
 * after an error the directive in hand is dropped and parsing resumes at
 * the next ";", "{" or "}" of the same level. One mistake is reported once:
 * later complaints about the same directive are suppressed.
 */
#include "nginx.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/fsutil.h"
#include "../src/strmap.h"
#include "conf_files.h"
#include "nginx_lexer.h"

/*
 * Generous for real configs (the largest distribution configs are well
 * under a megabyte and a few levels deep) yet small enough that a hostile
 * or broken config cannot exhaust memory or the stack.
 */
const struct tl_parse_limits tl_default_parse_limits = {
	.max_file_size = 16 * 1024 * 1024,
	.max_total_size = 128 * 1024 * 1024,
	.max_files = 4096,
	/*
	 * certbot's options-ssl-nginx.conf is included by every server: 10,000
	 * sites are 10,000 parses of one small file, and 100,000 sites with two
	 * snippets each still fit. The bound is against includes multiplied
	 * through a chain (a file including one four times, which includes one
	 * four times, ...): such a config of empty files stops here after about
	 * half a second and 60 MB; the byte total bounds the rest.
	 */
	.max_parses = 256 * 1024,
	.max_include_depth = 16,
	.max_nesting = 64,
	.max_args = 10000,
};

/* One "# configuration file NAME:" section of an nginx -T dump. */
struct section {
	const char *name;
	const char *norm; /* NAME normalized, for matching includes */
	const char *text;
	size_t len;
	struct tl_source *src; /* created when first included */
};

struct parser {
	struct tl_parse_env *env;
	struct tl_arena *arena;
	struct tl_tree *tree;
	const char *inc_prefix; /* relative includes start here */
	bool dump;
	struct section *sections;
	size_t nsections;
	struct section **sorted; /* in name order, for globs */
	struct tl_conf_files files;
	/* Scratch for the directive being read and the children being built. */
	struct tl_arg *args;
	size_t nargs;
	size_t args_cap;
	struct tl_kid_stack kids;
};

/* One file being parsed; the chain of these is the include stack. */
struct file_ctx {
	struct parser *p;
	struct tl_conf_frame frame; /* src, the including files, the depth */
	const struct tl_source *src;
	const struct tl_directive *included_by;
	struct tl_ngx_lexer lx;
	bool eof_reported; /* the end of this file has been complained about */
};

#define finding(p, ...) tl_conf_finding(&(p)->files, __VA_ARGS__)

static struct tl_loc
at(const struct file_ctx *fc, size_t off, size_t len)
{
	return tl_loc_make(fc->src, off, len);
}

/* A character as the user should see it in a message. */
static const char *
show_char(struct parser *p, unsigned char c)
{
	if (c > 0x20 && c < 0x7f)
		return tl_arena_printf(p->arena, "%c", c);
	return tl_arena_printf(p->arena, "\\x%02x", c);
}

static void
push_arg(struct parser *p, const struct tl_arg *a)
{
	if (p->nargs == p->args_cap) {
		size_t cap = p->args_cap ? 2 * p->args_cap : 32;
		struct tl_arg *n = tl_arena_calloc(p->arena, cap, sizeof(*n));

		if (p->nargs)
			memcpy(n, p->args, p->nargs * sizeof(*n));
		p->args = n;
		p->args_cap = cap;
	}
	p->args[p->nargs++] = *a;
}

/* Turns the scratch words into a directive; the first word is its name. */
static struct tl_directive *
make_directive(struct file_ctx *fc, struct tl_directive *parent, bool block)
{
	struct parser *p = fc->p;
	size_t nargs = p->nargs - 1;
	struct tl_directive *d;

	/* One allocation for the directive and its arguments. */
	if (nargs > (SIZE_MAX - sizeof(*d)) / sizeof(*d->args))
		abort();
	d = tl_arena_alloc(p->arena, sizeof(*d) + nargs * sizeof(*d->args));
	d->name = p->args[0].text;
	d->loc = p->args[0].loc;
	d->nargs = nargs;
	if (nargs) {
		d->args = (struct tl_arg *)(void *)(d + 1);
		memcpy(d->args, p->args + 1, nargs * sizeof(*d->args));
	}
	d->block = block;
	d->parent = parent;
	d->included_by = fc->included_by;
	d->end = fc->lx.pos;
	return d;
}

static void parse_items(struct file_ctx *fc, struct tl_directive *parent, unsigned depth,
			bool in_block, size_t open_off);

static void
parse_source(struct parser *p, const struct file_ctx *up, const struct tl_source *src,
	     const struct tl_directive *inc, struct tl_directive *parent, unsigned depth)
{
	struct file_ctx fc;

	memset(&fc, 0, sizeof(fc));
	fc.p = p;
	fc.frame.up = up ? &up->frame : NULL;
	fc.frame.src = src;
	fc.frame.include_depth = up ? up->frame.include_depth + 1 : 0;
	fc.src = src;
	fc.included_by = inc;
	tl_ngx_lexer_init(&fc.lx, p->arena, src->text, src->len);
	parse_items(&fc, parent, depth, false, 0);
}

/* Includes the file at server path PATH (through struct tl_fs, so never outside --root). */
static void
include_disk(struct file_ctx *fc, const struct tl_directive *inc, const char *path,
	     struct tl_directive *parent, unsigned depth)
{
	struct parser *p = fc->p;
	struct tl_source *src = tl_conf_files_include(&p->files, &fc->frame, inc->loc, path, false);

	if (src != NULL)
		parse_source(p, fc, src, inc, parent, depth);
}

static void
include_section(struct file_ctx *fc, const struct tl_directive *inc, struct section *s,
		struct tl_directive *parent, unsigned depth)
{
	struct parser *p = fc->p;

	if (!tl_conf_files_admit(&p->files, &fc->frame, inc->loc, s->src, s->len))
		return;
	if (s->src == NULL) {
		s->src = tl_sources_add(p->env->sources, s->name, NULL, s->text, s->len);
		p->tree->nfiles++;
	}
	parse_source(p, fc, s->src, inc, parent, depth);
}

/* An include in a dump names files among the dump's sections. */
static void
include_from_dump(struct file_ctx *fc, const struct tl_directive *inc, const char *arg, bool wild,
		  struct tl_directive *parent, unsigned depth)
{
	struct parser *p = fc->p;
	const char *full;

	full = tl_path_join(p->arena, p->inc_prefix, arg);
	if (wild) {
		for (size_t k = 0; k < p->nsections; k++) {
			struct section *s = p->sorted[k];

			if (fnmatch(full, s->norm, FNM_PATHNAME) == 0)
				include_section(fc, inc, s, parent, depth);
		}
		return;
	}
	for (size_t k = 0; k < p->nsections; k++) {
		if (strcmp(p->sections[k].norm, full) == 0) {
			include_section(fc, inc, &p->sections[k], parent, depth);
			return;
		}
	}
	finding(p, TL_CK_INCLUDE_MISSING, inc->loc, "include file '%s' not found", full);
}

static void
do_include(struct file_ctx *fc, const struct tl_directive *inc, struct tl_directive *parent,
	   unsigned depth)
{
	struct parser *p = fc->p;
	struct tl_ptrvec matches = {0};
	size_t max = p->env->limits.max_files;
	const char *arg;
	const char *path;
	long found;

	if (inc->nargs != 1) {
		finding(p, TL_CK_PARSE_ERROR, inc->loc, "invalid number of arguments in 'include'");
		return;
	}
	arg = inc->args[0].text;
	/* ngx_conf_include: a name with any of these is a glob, else a file that must exist. */
	if (p->dump) {
		include_from_dump(fc, inc, arg, strpbrk(arg, "*?[") != NULL, parent, depth);
		return;
	}
	/* Relative to nginx's conf prefix as deployed, then found through --root. */
	path = tl_path_join(p->arena, p->inc_prefix, arg);
	if (strpbrk(arg, "*?[") == NULL) {
		include_disk(fc, inc, path, parent, depth);
		return;
	}
	/* Like nginx: glob's own sorting, and no match is not an error. */
	found = tl_fs_glob(p->env->fs, path, max, &matches);
	if (found > (long)max) {
		finding(p, TL_CK_PARSE_ERROR, inc->loc,
			"'%s' matches more than %zu files, tlslint's limit; none was read", arg,
			max);
		return;
	}
	p->tree->globs++;
	if (matches.len > 0) {
		p->tree->globs_matched++;
	} else if (p->tree->first_empty_glob == NULL) {
		p->tree->first_empty_glob = path;
		p->tree->first_empty_glob_loc = inc->loc;
	}
	for (size_t i = 0; i < matches.len; i++)
		include_disk(fc, inc, matches.items[i], parent, depth);
}

/* The words read so far form a complete directive ended by ";". */
static void
finish_directive(struct file_ctx *fc, struct tl_directive *parent, unsigned depth)
{
	struct tl_directive *d = make_directive(fc, parent, false);

	if (strcmp(d->name, "include") == 0)
		do_include(fc, d, parent, depth);
	else
		tl_kids_push(fc->p->arena, &fc->p->kids, d);
}

static void
report_eof_block(struct file_ctx *fc, size_t open_off, const char *what)
{
	struct parser *p = fc->p;
	struct tl_finding *f;

	if (fc->eof_reported)
		return;
	fc->eof_reported = true;
	f = finding(p, TL_CK_PARSE_ERROR, at(fc, fc->lx.len, 0),
		    "unexpected end of file%s, expecting \"}\"", what);
	tl_finding_relate(p->env->diag, f, NULL, at(fc, open_off, 1), "the block opened here");
}

/* Skips a block whose contents are not kept, up to its closing "}". */
static void
skip_block(struct file_ctx *fc, size_t open_off)
{
	struct tl_ngx_token tok;
	unsigned long depth = 1;

	for (;;) {
		switch (tl_ngx_lex(&fc->lx, &tok)) {
		case TL_NGX_EOF:
			report_eof_block(fc, open_off, "");
			return;
		case TL_NGX_LBRACE:
			depth++;
			break;
		case TL_NGX_RBRACE:
			if (--depth == 0)
				return;
			break;
		default:
			break;
		}
	}
}

static bool
is_lua_block(const char *name)
{
	static const char suffix[] = "_by_lua_block";
	size_t n = strlen(name);

	return n >= sizeof(suffix) - 1 && strcmp(name + n - (sizeof(suffix) - 1), suffix) == 0;
}

/* OpenResty's Lua bodies are Lua, not nginx syntax: kept whole as one argument. */
static void
read_lua_body(struct file_ctx *fc, size_t open_off)
{
	struct parser *p = fc->p;
	struct tl_arg a;
	size_t off;
	size_t len;
	char *text;

	memset(&a, 0, sizeof(a));
	if (tl_ngx_lex_lua_body(&fc->lx, &off, &len) < 0)
		report_eof_block(fc, open_off, " in lua block");
	text = tl_ngx_lexer_copy(&fc->lx, off, len);
	a.text = text;
	a.len = len;
	a.loc = at(fc, off, len);
	push_arg(p, &a);
}

static void
report_lex_error(struct file_ctx *fc, const struct tl_ngx_token *tok)
{
	struct parser *p = fc->p;

	if (tok->err == TL_NGX_ERR_AFTER_QUOTE) {
		finding(p, TL_CK_PARSE_ERROR, at(fc, tok->err_off, 1), "unexpected \"%s\"",
			show_char(p, (unsigned char)fc->lx.text[tok->err_off]));
	} else {
		finding(p, TL_CK_PARSE_ERROR, at(fc, tok->err_off, 1),
			"unterminated quoted string");
		fc->eof_reported = true;
	}
}

static void
parse_items(struct file_ctx *fc, struct tl_directive *parent, unsigned depth, bool in_block,
	    size_t open_off)
{
	struct parser *p = fc->p;
	const struct tl_parse_limits *lim = &p->env->limits;
	struct tl_ngx_token tok;
	struct tl_directive *d;
	struct tl_arg a;

	for (;;) {
		/* BAD: this directive has had its error reported and will be dropped. */
		bool bad = false;
		bool too_many = false;

		p->nargs = 0;
		while (tl_ngx_lex(&fc->lx, &tok) == TL_NGX_WORD) {
			if (tok.err != TL_NGX_ERR_NONE && !bad) {
				report_lex_error(fc, &tok);
				bad = true;
			}
			if (p->nargs > lim->max_args) {
				if (!too_many && !bad)
					finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, tok.len),
						"too many arguments (more than %zu, tlslint's "
						"limit)",
						lim->max_args);
				too_many = true;
				continue;
			}
			if (!tok.quoted && fc->lx.text[tok.off] == '-' &&
			    tl_conf_files_pem_at(&p->files, fc->src, tok.off)) {
				/* Key material from here on: the file ends, its error made. */
				fc->lx.len = fc->lx.pos = tok.off;
				fc->eof_reported = true;
				bad = true;
				continue;
			}
			a.text = tok.text;
			a.len = tok.textlen;
			a.loc = at(fc, tok.off, tok.len);
			a.quoted = tok.quoted;
			push_arg(p, &a);
		}
		switch (tok.type) {
		case TL_NGX_SEMI:
			if (p->nargs == 0) {
				if (!bad)
					finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 1),
						"unexpected \";\"");
			} else if (!bad) {
				finish_directive(fc, parent, depth);
			}
			break;
		case TL_NGX_LBRACE:
			if (p->nargs == 0) {
				if (!bad)
					finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 1),
						"unexpected \"{\"");
				skip_block(fc, tok.off);
				break;
			}
			if (is_lua_block(p->args[0].text))
				read_lua_body(fc, tok.off);
			d = make_directive(fc, parent, true);
			if (is_lua_block(d->name)) {
				/* The body is already read. */
			} else if (depth + 1 > lim->max_nesting) {
				if (!bad)
					finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 1),
						"blocks nested too deeply (more than %u levels, "
						"tlslint's limit)",
						lim->max_nesting);
				skip_block(fc, tok.off);
			} else {
				size_t base = p->kids.n;

				parse_items(fc, d, depth + 1, true, tok.off);
				tl_kids_collect(p->arena, &p->kids, d, base);
				d->end = fc->lx.pos;
			}
			if (!bad)
				tl_kids_push(p->arena, &p->kids, d);
			break;
		case TL_NGX_RBRACE:
			if (p->nargs > 0) {
				/* Most likely a forgotten ";": keep the directive. */
				if (!bad) {
					finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 1),
						"unexpected \"}\", expecting \";\"");
					finish_directive(fc, parent, depth);
				}
				bad = true;
			}
			if (in_block)
				return;
			if (!bad)
				finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 1),
					"unexpected \"}\"");
			break;
		case TL_NGX_EOF:
			if (p->nargs > 0 && !bad && !fc->eof_reported) {
				finding(p, TL_CK_PARSE_ERROR, at(fc, tok.off, 0),
					"unexpected end of file, expecting \";\" or \"}\"");
				fc->eof_reported = true;
			}
			if (in_block)
				report_eof_block(fc, open_off, "");
			return;
		case TL_NGX_WORD:
			break;
		}
	}
}

static void
tree_init(struct tl_tree *tree)
{
	memset(tree, 0, sizeof(*tree));
	tree->root.name = "";
}

static void
parser_init(struct parser *p, struct tl_parse_env *env, struct tl_tree *tree)
{
	memset(p, 0, sizeof(*p));
	p->env = env;
	p->arena = env->arena;
	p->tree = tree;
	tl_conf_files_init(&p->files, env, tree, "nginx");
}

/* Parses the entry source and hangs its directives under the root. */
static void
parse_entry(struct parser *p, struct tl_source *src)
{
	struct tl_tree *tree = p->tree;

	tree->root.loc = tl_loc_make(src, 0, 0);
	parse_source(p, NULL, src, NULL, &tree->root, 0);
	tl_kids_collect(p->arena, &p->kids, &tree->root, 0);
}

/*
 * Where the config is deployed when the text does not say: nginx's
 * compiled-in conf prefix in Debian's and nginx.org's packages
 * (nginx -V: --conf-path=/etc/nginx/nginx.conf).
 */
#define NGINX_CONF_PREFIX "/etc/nginx"

/* The entry's path as deployed: its place under --root, else in nginx's usual prefix. */
static const char *
deployed_entry(struct tl_parse_env *env, const char *path)
{
	const char *d = tl_fs_entry_path(env->fs, path);
	const char *base;

	if (d != NULL)
		return d;
	base = strrchr(path, '/');
	d = tl_arena_printf(env->arena, NGINX_CONF_PREFIX "/%s", base ? base + 1 : path);
	/* Every relative path and "refuses to start" about it rests on this guess: say it. */
	tl_diag_note(env->diag,
		     "'%s' is outside --root: tlslint takes it to be deployed as %s and reads its "
		     "relative paths from %s/ under the root",
		     path, d, NGINX_CONF_PREFIX);
	return d;
}

/*
 * The conf prefix for an entry deployed at DEPLOYED: its directory, except
 * for a site file given on its own (pre-commit passes the changed files).
 * The directories nginx.conf includes those from never hold nginx.conf
 * itself, so for a file in one of them the prefix is the directory above,
 * where nginx.conf is: 'include snippets/ssl.conf;' in
 * /etc/nginx/sites-enabled/default is /etc/nginx/snippets/ssl.conf.
 */
static const char *
conf_prefix(struct tl_parse_env *env, const char *deployed)
{
	static const char *const site_dirs[] = {"sites-enabled", "sites-available", "conf.d",
						"streams-enabled", "snippets"};
	const char *dir = tl_path_dirname(env->arena, deployed);
	const char *base = strrchr(dir, '/');

	base = base ? base + 1 : dir;
	for (size_t i = 0; i < sizeof(site_dirs) / sizeof(site_dirs[0]); i++)
		if (strcmp(base, site_dirs[i]) == 0)
			return tl_path_dirname(env->arena, dir);
	return dir;
}

int
tl_nginx_parse_file(struct tl_parse_env *env, const char *path, struct tl_tree *tree)
{
	struct parser p;
	struct tl_source *src;
	const char *key;
	int rc;

	tree_init(tree);
	parser_init(&p, env, tree);
	key = tl_path_normalize(env->arena, path);
	rc = tl_conf_files_entry(&p.files, key, &src);
	if (rc < 0)
		return rc;
	/* nginx resolves relative paths against the directory of its main config (-c). */
	tree->prefix = conf_prefix(env, deployed_entry(env, key));
	p.inc_prefix = tree->prefix;
	parse_entry(&p, src);
	return 0;
}

/*
 * If the line at I is an nginx -T marker, "# configuration file NAME:",
 * sets NAME's span and where the section text begins.
 */
static bool
marker_at(const char *t, size_t n, size_t i, size_t *name_off, size_t *name_len, size_t *next)
{
	static const char lead[] = "# configuration file ";
	size_t ll = sizeof(lead) - 1;
	const char *nl;
	size_t e;

	if (n - i <= ll || memcmp(t + i, lead, ll) != 0)
		return false;
	nl = memchr(t + i, '\n', n - i);
	e = nl ? (size_t)(nl - t) : n;
	*next = nl ? e + 1 : n;
	if (e > i && t[e - 1] == '\r')
		e--;
	if (e <= i + ll + 1 || t[e - 1] != ':')
		return false;
	*name_off = i + ll;
	*name_len = e - 1 - (i + ll);
	return true;
}

static int
cmp_section(const void *a, const void *b)
{
	const struct section *x = *(struct section *const *)a;
	const struct section *y = *(struct section *const *)b;

	return strcmp(x->name, y->name);
}

/* Splits a dump into sections; returns how many markers there were. */
static size_t
split_dump(struct parser *p, const char *t, size_t n)
{
	struct tl_ptrvec marks = {0};
	size_t i = 0;

	while (i < n) {
		const char *nl;
		size_t name_off;
		size_t name_len;
		size_t next;

		if (t[i] == '#' && marker_at(t, n, i, &name_off, &name_len, &next)) {
			struct section *s = tl_arena_alloc(p->arena, sizeof(*s));

			s->name = tl_arena_strndup(p->arena, t + name_off, name_len);
			/* For now: TEXT is the marker line, LEN where the section starts. */
			s->text = t + i;
			s->len = next;
			tl_ptrvec_push(p->arena, &marks, s);
			i = next;
			continue;
		}
		nl = memchr(t + i, '\n', n - i);
		i = nl ? (size_t)(nl - t) + 1 : n;
	}
	if (marks.len == 0)
		return 0;
	p->nsections = marks.len;
	p->sections = tl_arena_calloc(p->arena, marks.len, sizeof(*p->sections));
	p->sorted = tl_arena_calloc(p->arena, marks.len, sizeof(*p->sorted));
	for (size_t k = 0; k < marks.len; k++) {
		const struct section *s = marks.items[k];
		size_t start = s->len;
		size_t end = n;
		char *copy;

		if (k + 1 < marks.len)
			end = (size_t)(((const struct section *)marks.items[k + 1])->text - t);
		/* nginx writes a newline after each file's text; take it off again. */
		if (end > start && t[end - 1] == '\n')
			end--;
		copy = tl_arena_alloc(p->arena, end - start + 1);
		memcpy(copy, t + start, end - start);
		copy[end - start] = '\0';
		p->sections[k].name = s->name;
		p->sections[k].norm = tl_path_normalize(p->arena, s->name);
		p->sections[k].text = copy;
		p->sections[k].len = end - start;
		p->sorted[k] = &p->sections[k];
	}
	qsort(p->sorted, p->nsections, sizeof(*p->sorted), cmp_section);
	return p->nsections;
}

int
tl_nginx_parse_text(struct tl_parse_env *env, const char *name, const char *text, size_t len,
		    struct tl_tree *tree)
{
	struct parser p;
	struct tl_source *src;
	int rc;

	tree_init(tree);
	parser_init(&p, env, tree);
	if (len > env->limits.max_total_size)
		return -EFBIG;
	if (split_dump(&p, text, len) > 0) {
		struct section *s = &p.sections[0];
		const char *dir = tl_path_dirname(env->arena, s->name);

		p.dump = true;
		tree->from_dump = true;
		/* The dump names files as nginx opened them: the prefix as deployed. */
		p.inc_prefix = dir;
		tree->prefix = dir;
		s->src = tl_sources_add(env->sources, s->name, NULL, s->text, s->len);
		tl_conf_files_entry_source(&p.files, s->src);
		parse_entry(&p, s->src);
		return 0;
	}
	rc = tl_conf_files_entry_text(&p.files, name, text, len, &src);
	if (rc < 0)
		return rc;
	tree->prefix = env->fs->root != NULL ? NGINX_CONF_PREFIX : ".";
	if (env->fs->root != NULL)
		tl_diag_note(env->diag,
			     "tlslint takes '%s' to be deployed as " NGINX_CONF_PREFIX
			     "/nginx.conf and reads its relative paths from " NGINX_CONF_PREFIX
			     "/ under --root",
			     name);
	p.inc_prefix = tree->prefix;
	parse_entry(&p, src);
	return 0;
}
