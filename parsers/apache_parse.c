/*
 * The httpd parser, following server/config.c and server/util.c of httpd
 * 2.4: a directive is one line (a backslash just before the end of a line
 * joins the next one; leading and trailing white space goes), a line whose
 * first character is '#' is a comment and a '#' anywhere else is part of
 * an argument, ${NAME} is replaced in the whole line before it is split
 * (Define'd values, then the environment: the envvars file next to the
 * entry), and words are split as ap_getword_conf() splits them.
 * Directives httpd executes while reading (see apache.h) are executed
 * here. httpd stops at its first error; this parser reports each one and
 * goes on.
 *
 * Every token keeps the place in its file it came from, also through
 * ${NAME} and macro substitution: a line is kept as text plus "pieces"
 * that map its characters back to the source.
 */
#include "apache.h"

#include <errno.h>
#include <fnmatch.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "conf_files.h"

/* httpd's own limits (AP_MAX_INCLUDE_DEPTH, AP_MAX_FNMATCH_DIR_DEPTH). */
#define MAX_DIR_DEPTH 128

/* A run of a line's characters and where in the source they came from. */
struct piece {
	size_t pos, len;    /* in the line */
	uint32_t off, slen; /* in the source */
	bool exact;         /* character for character; else all of it stands for the whole span */
};

struct line {
	const char *text; /* NUL-terminated */
	size_t len;
	const struct tl_source *src;
	struct piece *pieces;
	size_t npieces;
	size_t end; /* offset in the source just past the line */
};

/* A <Macro> of mod_macro: its parameters and body lines as written. */
struct macro {
	const char *name; /* lower case */
	struct tl_loc loc;
	const char *where; /* "defined on line N of "FILE"", as httpd says it */
	const char **params;
	size_t nparams;
	struct line *body;
	size_t nbody;
};

/* A Use being expanded: its lines are read before the rest of the file. */
struct expansion {
	struct expansion *up;
	const struct macro *macro;
	struct line *lines;
	size_t n, next;
	const struct tl_directive *use;
};

struct parser {
	struct tl_parse_env *env;
	struct tl_arena *arena;
	const struct tl_apache_options *opts;
	struct tl_apache_parse *out;
	struct tl_conf_files files;
	const char *server_root;
	struct tl_strmap defines; /* names defined (-D, Define) → "1" */
	struct tl_strmap vars;    /* Define NAME VALUE */
	struct tl_strmap envvars; /* the envvars file's exports */
	struct tl_strmap macros;  /* lower-case name → struct macro */
	struct tl_kid_stack kids;
};

/* One config file being read, with the macro expansions in progress on top. */
struct stream {
	struct parser *p;
	struct tl_conf_frame frame;
	const struct tl_source *src;
	size_t pos;
	size_t end; /* where the configuration in SRC ends: see tl_conf_files_config_len */
	struct expansion *exp;
	const struct tl_directive *included_by;
	size_t close_end; /* where the last closing tag's line ended */
	/*
	 * True conditional sections being read. httpd reads their bodies with
	 * ap_build_cont_config, which takes the end of the file as their end
	 * and does not complain about sections left open in them.
	 */
	unsigned cond_depth;
};

/* ---- lines ---- */

static struct tl_loc
span_loc(const struct line *l, size_t from, size_t to)
{
	uint32_t a = 0, b = 0;
	bool found_a = false;

	if (l->npieces == 0)
		return tl_loc_make(l->src, l->end, 0);
	for (size_t i = 0; i < l->npieces; i++) {
		const struct piece *pc = &l->pieces[i];

		if (!found_a && from < pc->pos + pc->len) {
			a = pc->exact ? pc->off + (uint32_t)(from > pc->pos ? from - pc->pos : 0)
				      : pc->off;
			found_a = true;
		}
		if (to > pc->pos) {
			size_t last = to - 1 < pc->pos + pc->len ? to - 1 : pc->pos + pc->len - 1;

			b = pc->exact ? pc->off + (uint32_t)(last - pc->pos) + 1
				      : pc->off + pc->slen;
		}
	}
	if (!found_a) {
		const struct piece *pc = &l->pieces[l->npieces - 1];

		a = pc->off + pc->slen;
	}
	if (to <= from || b < a)
		b = a;
	return tl_loc_make(l->src, a, b - a);
}

/* Building a line from parts of others. */
struct builder {
	struct tl_arena *arena;
	char *buf;
	size_t len, cap;
	struct piece *pcs;
	size_t n, pcap;
};

static void
grow(struct builder *b, size_t more)
{
	if (b->len + more + 1 > b->cap) {
		/*
		 * The first piece exactly, then doubling: most lines are one
		 * piece, and every line of a 10,000-vhost config is built once.
		 */
		size_t cap = b->cap ? b->cap : b->len + more + 1;
		char *n;

		while (cap < b->len + more + 1)
			cap *= 2;
		n = tl_arena_alloc(b->arena, cap);
		if (b->len)
			memcpy(n, b->buf, b->len);
		b->buf = n;
		b->cap = cap;
	}
}

static void
add_piece(struct builder *b, struct piece pc)
{
	if (pc.len == 0)
		return;
	if (b->n == b->pcap) {
		size_t cap = b->pcap ? 2 * b->pcap : 1;
		struct piece *n = tl_arena_calloc(b->arena, cap, sizeof(*n));

		if (b->n)
			memcpy(n, b->pcs, b->n * sizeof(*n));
		b->pcs = n;
		b->pcap = cap;
	}
	b->pcs[b->n++] = pc;
}

/* Appends characters [from, to) of L with their origins. */
static void
append_from(struct builder *b, const struct line *l, size_t from, size_t to)
{
	if (to <= from)
		return;
	grow(b, to - from);
	for (size_t i = 0; i < l->npieces; i++) {
		const struct piece *pc = &l->pieces[i];
		size_t s = from > pc->pos ? from : pc->pos;
		size_t e = to < pc->pos + pc->len ? to : pc->pos + pc->len;
		struct piece np;

		if (s >= e)
			continue;
		np.pos = b->len + (s - from);
		np.len = e - s;
		np.exact = pc->exact;
		np.off = pc->exact ? pc->off + (uint32_t)(s - pc->pos) : pc->off;
		np.slen = pc->exact ? (uint32_t)(e - s) : pc->slen;
		add_piece(b, np);
	}
	memcpy(b->buf + b->len, l->text + from, to - from);
	b->len += to - from;
}

/* Appends TEXT standing for the characters [from, to) of L (a substitution). */
static void
append_for(struct builder *b, const char *text, size_t n, const struct line *l, size_t from,
	   size_t to)
{
	struct tl_loc loc = span_loc(l, from, to);
	struct piece np = {b->len, n, loc.off, loc.len, false};

	grow(b, n);
	add_piece(b, np);
	memcpy(b->buf + b->len, text, n);
	b->len += n;
}

static struct line
finish(struct builder *b, const struct line *like)
{
	struct line l = *like;

	grow(b, 0);
	b->buf[b->len] = '\0';
	l.text = b->buf;
	l.len = b->len;
	l.pieces = b->pcs;
	l.npieces = b->n;
	return l;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* The line without its leading and trailing white space (cfg_trim_line). */
static struct line
trimmed(struct tl_arena *arena, const struct line *l)
{
	size_t a = 0, e = l->len;
	struct builder b = {arena};

	while (a < e && is_space(l->text[a]))
		a++;
	while (e > a && is_space(l->text[e - 1]))
		e--;
	if (a == 0 && e == l->len)
		return *l;
	append_from(&b, l, a, e);
	return finish(&b, l);
}

/*
 * Reads the next line of S's file (ap_cfg_getline_core with a getstr
 * function): a backslash just before the newline (or CR LF) joins the next
 * physical line. False at the end of the file.
 */
static bool
read_file_line(struct stream *s, struct line *out)
{
	const char *t = s->src->text;
	size_t n = s->end;
	struct builder b = {s->p->arena};
	struct line raw = {0};

	if (s->pos >= n)
		return false;
	raw.src = s->src;
	for (;;) {
		const char *nl = memchr(t + s->pos, '\n', n - s->pos);
		size_t e = nl ? (size_t)(nl - t) : n;
		size_t content = e;
		bool more;

		if (nl && content > s->pos && t[content - 1] == '\r')
			content--;
		more = nl && content > s->pos && t[content - 1] == '\\';
		if (more)
			content--;
		{
			/* httpd keeps strings: a NUL ends what it sees of the line. */
			const char *z = memchr(t + s->pos, '\0', content - s->pos);
			size_t upto = z ? (size_t)(z - t) : content;
			size_t from = s->pos;
			struct piece pc;

			/*
			 * A line of one physical line is trimmed here, as trimmed()
			 * would below, so that it is copied once, not twice.
			 */
			if (b.len == 0 && !more) {
				while (from < upto && is_space(t[from]))
					from++;
				while (upto > from && is_space(t[upto - 1]))
					upto--;
			}
			pc = (struct piece){b.len, upto - from, (uint32_t)from,
					    (uint32_t)(upto - from), true};
			grow(&b, upto - from);
			add_piece(&b, pc);
			memcpy(b.buf + b.len, t + from, upto - from);
			b.len += upto - from;
		}
		s->pos = nl ? e + 1 : n;
		raw.end = e;
		if (!more || s->pos >= n)
			break;
	}
	raw = finish(&b, &raw);
	*out = trimmed(s->p->arena, &raw);
	return true;
}

/* The next line of S: from the innermost macro expansion, else from the file. */
static bool
next_line(struct stream *s, struct line *out)
{
	while (s->exp != NULL) {
		struct expansion *x = s->exp;

		if (x->next < x->n) {
			*out = x->lines[x->next++];
			return true;
		}
		s->exp = x->up;
	}
	return read_file_line(s, out);
}

/* ---- words (ap_getword_conf) ---- */

struct word {
	char *text;      /* unescaped */
	size_t from, to; /* in the line, quotes included */
	bool quoted;
};

/*
 * The next word of L at *POS: quoted with ' or " (a backslash escapes the
 * quote and itself; the word ends at the closing quote), or up to white
 * space (a double backslash is one). False when only white space is left.
 */
static bool
next_word(struct tl_arena *arena, const struct line *l, size_t *pos, struct word *w)
{
	const char *t = l->text;
	size_t i = *pos, e;
	char quote = 0;
	char *out;
	size_t k = 0;

	while (i < l->len && is_space(t[i]))
		i++;
	if (i >= l->len) {
		*pos = i;
		return false;
	}
	w->from = i;
	if (t[i] == '"' || t[i] == '\'') {
		quote = t[i];
		e = i + 1;
		while (e < l->len && t[e] != quote) {
			if (t[e] == '\\' && e + 1 < l->len &&
			    (t[e + 1] == quote || t[e + 1] == '\\'))
				e += 2;
			else
				e++;
		}
	} else {
		e = i;
		while (e < l->len && !is_space(t[e]))
			e++;
	}
	{
		size_t start = quote ? i + 1 : i;
		size_t stop = e > l->len ? l->len : e;

		out = tl_arena_alloc(arena, stop - start + 1);
		for (size_t j = start; j < stop; j++) {
			if (t[j] == '\\' && j + 1 < stop &&
			    (t[j + 1] == '\\' || (quote && t[j + 1] == quote)))
				j++;
			out[k++] = t[j];
		}
		out[k] = '\0';
	}
	if (quote && e < l->len)
		e++; /* the closing quote */
	w->text = out;
	w->to = e;
	w->quoted = quote != 0;
	*pos = e;
	return true;
}

/* ---- ${NAME} (ap_resolve_env) ---- */

static const char *
lookup_var(struct parser *p, const char *name)
{
	const char *v = tl_strmap_get(&p->vars, name);

	return v != NULL ? v : tl_strmap_get(&p->envvars, name);
}

static struct line
resolve_vars(struct parser *p, const struct line *l)
{
	struct builder b = {p->arena};
	size_t i = 0, done = 0;

	if (memchr(l->text, '$', l->len) == NULL)
		return *l;
	while (i < l->len) {
		const char *close;
		const char *value;
		char *name;

		if (l->text[i] != '$' || i + 1 >= l->len || l->text[i + 1] != '{' ||
		    (close = memchr(l->text + i + 2, '}', l->len - i - 2)) == NULL) {
			i++;
			continue;
		}
		name = tl_arena_strndup(p->arena, l->text + i + 2,
					(size_t)(close - l->text) - i - 2);
		value = lookup_var(p, name);
		if (value != NULL) {
			size_t e = (size_t)(close - l->text) + 1;

			append_from(&b, l, done, i);
			append_for(&b, value, strlen(value), l, i, e);
			done = e;
		}
		/* An unknown name stays as written (httpd warns, AH00111). */
		i = (size_t)(close - l->text) + 1;
	}
	if (done == 0)
		return *l;
	append_from(&b, l, done, l->len);
	return finish(&b, l);
}

/* ---- findings and the tree ---- */

#define finding(p, ...) tl_conf_finding(&(p)->files, __VA_ARGS__)

/* The words of L from *POS on, as the directive's arguments. */
static void
take_args(struct parser *p, const struct line *l, size_t pos, size_t upto, struct tl_directive *d,
	  struct tl_loc *too_many)
{
	struct line part = *l;
	/* The arguments of most directives fit here; the rest grow in the arena. */
	struct tl_arg small[16];
	struct tl_arg *args = small;
	size_t n = 0, cap = sizeof(small) / sizeof(small[0]);
	struct word w;

	part.len = upto;
	while (next_word(p->arena, &part, &pos, &w)) {
		struct tl_arg *a;

		if (n >= p->env->limits.max_args) {
			*too_many = span_loc(l, w.from, w.to);
			break;
		}
		if (n == cap) {
			struct tl_arg *bigger = tl_arena_calloc(p->arena, 2 * cap, sizeof(*bigger));

			memcpy(bigger, args, n * sizeof(*args));
			args = bigger;
			cap *= 2;
		}
		a = &args[n++];
		a->text = w.text;
		a->len = (uint32_t)strlen(w.text);
		a->loc = span_loc(l, w.from, w.to);
		a->quoted = w.quoted;
	}
	d->nargs = (uint32_t)n;
	if (n > 0) {
		d->args = tl_arena_calloc(p->arena, n, sizeof(*d->args));
		memcpy(d->args, args, n * sizeof(*args));
	}
}

static struct tl_directive *
new_directive(struct stream *s, struct tl_directive *parent, const char *name, struct tl_loc loc,
	      const struct line *l)
{
	struct tl_directive *d = tl_arena_alloc(s->p->arena, sizeof(*d));

	d->name = name;
	d->loc = loc;
	d->parent = parent;
	d->included_by = s->exp != NULL ? s->exp->use : s->included_by;
	d->end = l->src == d->loc.src ? l->end : d->loc.off + d->loc.len;
	return d;
}

/* ---- conditions ---- */

/* httpd's compiled-in modules in Debian's build (apache2 -l). */
static const char *const builtin_modules[][2] = {
	{"core_module", "core.c"},
	{"so_module", "mod_so.c"},
	{"watchdog_module", "mod_watchdog.c"},
	{"http_module", "http_core.c"},
	{"log_config_module", "mod_log_config.c"},
	{"logio_module", "mod_logio.c"},
	{"version_module", "mod_version.c"},
	{"unixd_module", "mod_unixd.c"},
};

static void
add_module(struct parser *p, const char *symbol, const char *file)
{
	tl_strmap_put(&p->out->modules, symbol, (void *)"1");
	if (file != NULL)
		tl_strmap_put(&p->out->modules, file, (void *)"1");
}

bool
tl_apache_module_loaded(const struct tl_apache_parse *parse, const char *module)
{
	return !parse->modules_known || tl_strmap_get(&parse->modules, module) != NULL;
}

/*
 * LoadModule SYMBOL FILE: the module is then known by its symbol and by
 * the source file its .so was built from (module->name), which is what
 * <IfModule mod_ssl.c> names: mod_ssl.so → mod_ssl.c, and the MPMs,
 * mod_mpm_event.so → event.c.
 */
static void
load_module(struct parser *p, const struct tl_directive *d)
{
	const char *base;
	char *file;
	size_t n;

	if (d->nargs != 2)
		return;
	base = strrchr(d->args[1].text, '/');
	base = base ? base + 1 : d->args[1].text;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".so") == 0)
		n -= 3;
	if (n > 8 && strncmp(base, "mod_mpm_", 8) == 0)
		file = tl_arena_printf(p->arena, "%.*s.c", (int)(n - 8), base + 8);
	else
		file = tl_arena_printf(p->arena, "%.*s.c", (int)n, base);
	if (!p->out->modules_known)
		p->out->modules_known = true;
	add_module(p, d->args[0].text, file);
}

/* httpd's ap_server_root_relative: absolute paths stay, others join the ServerRoot. */
static const char *
root_relative(struct parser *p, const char *path)
{
	return tl_path_join(p->arena, p->server_root, path);
}

/* mod_version's compare_version: 1, 0 or -1 against the target; 2 when not a version. */
static int
compare_version(const struct tl_version *v, const char *s)
{
	long parts[3] = {0, 0, 0};
	int c = 0;
	long have[3] = {v->major, v->minor, v->patch};

	if (*s < '0' || *s > '9')
		return 2;
	while (*s && c < 3) {
		char *end;

		parts[c++] = strtol(s, &end, 10);
		if (*end == '.')
			end++;
		else if (*end != '\0')
			return 2;
		s = end;
	}
	if (*s)
		return 2;
	for (int i = 0; i < 3; i++)
		if (have[i] != parts[i])
			return have[i] > parts[i] ? 1 : -1;
	return 0;
}

static bool
version_regex(struct parser *p, const char *re)
{
	char version[64];
	int err;
	PCRE2_SIZE off;
	pcre2_code *code =
		pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
	pcre2_match_data *md;
	int rc;

	if (code == NULL)
		return false;
	snprintf(version, sizeof(version), "%u.%u.%u", p->opts->version.major,
		 p->opts->version.minor, p->opts->version.patch);
	md = pcre2_match_data_create_from_pattern(code, NULL);
	rc = md ? pcre2_match(code, (PCRE2_SPTR)version, strlen(version), 0, 0, md, NULL) : -1;
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return rc >= 0;
}

/*
 * <IfVersion [[!]op] version>: op is =, ==, <, <=, >, >= or ~ (a regular
 * expression, also written /re/). Sets *ok false with a message when the
 * test cannot be read.
 */
static bool
test_ifversion(struct parser *p, const struct tl_directive *d, const char **error)
{
	const char *op = "=", *ver;
	bool reverse = false, match = false;
	int cmp;

	if (d->nargs == 1) {
		ver = d->args[0].text;
	} else {
		op = d->args[0].text;
		ver = d->args[1].text;
	}
	if (*op == '!') {
		reverse = true;
		if (op[1])
			op++;
	}
	if (strcmp(op, "~") == 0 ||
	    ((strcmp(op, "=") == 0 || strcmp(op, "==") == 0) && ver[0] == '/')) {
		size_t n = strlen(ver);
		const char *re = ver;

		if (ver[0] == '/' && strcmp(op, "~") != 0) {
			if (n < 2 || ver[n - 1] != '/') {
				*error = "Missing delimiting / of regular expression.";
				return false;
			}
			re = tl_arena_strndup(p->arena, ver + 1, n - 2);
		}
		match = version_regex(p, re);
	} else {
		cmp = compare_version(&p->opts->version, ver);
		if (cmp == 2) {
			*error = "Version appears to be invalid. It must have the format "
				 "\"major[.minor[.patch]]\" where major, minor and patch are "
				 "numbers.";
			return false;
		}
		if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
			match = cmp == 0;
		else if (strcmp(op, "<") == 0)
			match = cmp < 0;
		else if (strcmp(op, "<=") == 0)
			match = cmp <= 0;
		else if (strcmp(op, ">") == 0)
			match = cmp > 0;
		else if (strcmp(op, ">=") == 0)
			match = cmp >= 0;
		else {
			*error = tl_arena_printf(p->arena, "unknown comparison operator '%s'", op);
			return false;
		}
	}
	return reverse ? !match : match;
}

/* ---- the read loop ---- */

static bool parse_lines(struct stream *s, struct tl_directive *parent, const char *close,
			unsigned depth);
static void include(struct stream *s, struct tl_directive *parent, const struct tl_directive *inc,
		    bool optional, unsigned depth);

/* Skips a false conditional up to its end (ap_soak_end_container). */
static bool
soak(struct stream *s, const char *name, struct tl_loc open)
{
	struct line l;

	while (next_line(s, &l)) {
		size_t pos = 0;
		struct word w;

		if (!next_word(s->p->arena, &l, &pos, &w) || w.text[0] != '<')
			continue;
		if (w.text[1] == '/') {
			size_t n = strlen(w.text);

			w.text[n - 1] = '\0';
			if (strcasecmp(w.text + 2, name) != 0) {
				finding(s->p, TL_CK_PARSE_ERROR, span_loc(&l, w.from, w.to),
					"Expected </%s> but saw %s>", name, w.text);
			}
			return true;
		}
		{
			size_t n = strlen(w.text);
			bool rest = pos < l.len;

			if (!rest && n > 1 && w.text[n - 1] == '>')
				w.text[n - 1] = '\0';
			if (!soak(s, w.text + 1, span_loc(&l, w.from, w.to)))
				return false;
		}
	}
	finding(s->p, TL_CK_PARSE_ERROR, open, "Expected </%s> before end of configuration", name);
	return false;
}

/* A section's arguments: the words before its last '>'. False (and the finding) without one. */
static bool
section_args(struct parser *p, const struct line *l, size_t pos, const char *name,
	     struct tl_directive *d)
{
	const char *gt = NULL;
	struct tl_loc too_many = {0};

	for (size_t i = l->len; i > pos; i--)
		if (l->text[i - 1] == '>') {
			gt = l->text + i - 1;
			break;
		}
	if (gt == NULL) {
		finding(p, TL_CK_PARSE_ERROR, d->loc, "<%s> directive missing closing '>'", name);
		return false;
	}
	take_args(p, l, pos, (size_t)(gt - l->text), d, &too_many);
	if (too_many.src != NULL)
		finding(p, TL_CK_PARSE_ERROR, too_many,
			"too many arguments (more than %zu, tlslint's limit)",
			p->env->limits.max_args);
	return true;
}

static bool
is_cond(const char *lname)
{
	static const char *const names[] = {"<ifmodule",    "<ifdefine",  "<iffile",
					    "<ifdirective", "<ifsection", "<ifversion"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(lname, names[i]) == 0)
			return true;
	return false;
}

/* Whether the test of a conditional section holds; *bad when it cannot be read. */
static bool
test_cond(struct stream *s, const char *lname, struct tl_directive *d, bool *bad)
{
	struct parser *p = s->p;
	const char *arg;
	bool not = false, result = false;
	const char *error = NULL;

	*bad = false;
	if (strcmp(lname, "<ifversion") == 0) {
		if (d->nargs < 1 || d->nargs > 2) {
			finding(p, TL_CK_PARSE_ERROR, d->loc,
				"<IfVersion> takes one or two arguments");
			*bad = true;
			return false;
		}
		result = test_ifversion(p, d, &error);
		if (error != NULL) {
			finding(p, TL_CK_PARSE_ERROR, d->loc, "%s", error);
			*bad = true;
		}
		return result;
	}
	if (d->nargs == 0 ||
	    (d->args[0].text[0] == '!' && d->args[0].text[1] == '\0' && d->nargs == 1)) {
		finding(p, TL_CK_PARSE_ERROR, d->loc,
			"<%s> directive requires additional arguments", d->name);
		*bad = true;
		return false;
	}
	arg = d->args[0].text;
	if (*arg == '!') {
		not = true;
		arg++;
		if (*arg == '\0' && d->nargs > 1)
			arg = d->args[1].text;
	}
	if (strcmp(lname, "<ifmodule") == 0) {
		result = tl_apache_module_loaded(p->out, arg);
	} else if (strcmp(lname, "<ifdefine") == 0) {
		result = tl_strmap_get(&p->defines, arg) != NULL;
	} else if (strcmp(lname, "<iffile") == 0) {
		struct stat st;

		result = tl_fs_stat(p->env->fs, root_relative(p, arg), &st) == 0;
	} else {
		/*
		 * <IfDirective>/<IfSection>: whether a loaded module has it. Only the
		 * core's and the SSL module's are known here; others are taken to exist.
		 */
		result = strncasecmp(arg, "SSL", 3) != 0 ||
			 tl_apache_module_loaded(p->out, "ssl_module");
	}
	return not ? !result : result;
}

/* Define NAME [VALUE] and UnDefine NAME. */
static void
define(struct parser *p, const struct tl_directive *d, bool set)
{
	const char *name;

	if (d->nargs < 1 || d->nargs > (set ? 2u : 1u)) {
		finding(p, TL_CK_PARSE_ERROR, d->loc, "%s takes %s", d->name,
			set ? "one or two arguments" : "one argument");
		return;
	}
	name = d->args[0].text;
	if (strchr(name, ':') != NULL) {
		finding(p, TL_CK_PARSE_ERROR, d->args[0].loc, "Variable name must not contain ':'");
		return;
	}
	if (set) {
		tl_strmap_put(&p->defines, name, (void *)"1");
		if (d->nargs == 2)
			tl_strmap_put(&p->vars, name, (void *)d->args[1].text);
	} else {
		tl_strmap_put(&p->defines, name, NULL);
		tl_strmap_put(&p->vars, name, NULL);
	}
}

static void
server_root(struct parser *p, const struct tl_directive *d, const struct tl_directive *parent)
{
	struct stat st;
	const char *dir;

	if (d->nargs != 1) {
		finding(p, TL_CK_PARSE_ERROR, d->loc, "ServerRoot takes one argument");
		return;
	}
	if (parent != &p->out->tree.root) {
		finding(p, TL_CK_PARSE_ERROR, d->loc,
			"ServerRoot cannot occur within a section, only in the main configuration");
		return;
	}
	dir = tl_path_normalize(p->arena, d->args[0].text);
	if (tl_fs_stat(p->env->fs, dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		finding(p, TL_CK_PARSE_ERROR, d->args[0].loc,
			"ServerRoot must be a valid directory");
		return;
	}
	p->server_root = dir;
	p->out->tree.prefix = dir;
}

/* mod_macro's argument substitution in one body line: longest name first at each place. */
static struct line
substitute(struct parser *p, const struct macro *m, const char *const *values, const struct line *l)
{
	struct builder b = {p->arena};
	size_t i = 0, done = 0;
	bool any = false;

	while (i < l->len) {
		size_t best = 0;
		int which = -1;

		for (size_t k = 0; k < m->nparams; k++) {
			size_t n = strlen(m->params[k]);

			if (n > best && i + n <= l->len &&
			    memcmp(l->text + i, m->params[k], n) == 0) {
				best = n;
				which = (int)k;
			}
		}
		if (which < 0) {
			i++;
			continue;
		}
		append_from(&b, l, done, i);
		if (m->params[which][0] == '@') {
			/* @name: the value in double quotes, " and \ escaped. */
			const char *v = values[which];
			char *q = tl_arena_alloc(p->arena, 2 * strlen(v) + 3);
			size_t k = 0;

			q[k++] = '"';
			for (; *v; v++) {
				if (*v == '"' || *v == '\\')
					q[k++] = '\\';
				q[k++] = *v;
			}
			q[k++] = '"';
			append_for(&b, q, k, l, i, i + best);
		} else {
			append_for(&b, values[which], strlen(values[which]), l, i, i + best);
		}
		i += best;
		done = i;
		any = true;
	}
	if (!any)
		return *l;
	append_from(&b, l, done, l->len);
	return finish(&b, l);
}

/* <Macro name params...>: its body up to the matching </Macro>, kept unparsed. */
static void
define_macro(struct stream *s, const struct line *l, const struct tl_directive *d)
{
	struct parser *p = s->p;
	struct macro *m;
	struct tl_ptrvec body = {0};
	struct line bl;
	int nesting = 1;
	unsigned line_no, col;

	if (d->nargs == 0) {
		finding(p, TL_CK_PARSE_ERROR, d->loc, "<Macro macro definition: name not found");
		return;
	}
	m = tl_arena_alloc(p->arena, sizeof(*m));
	m->name = tl_arena_strdup(p->arena, d->args[0].text);
	for (char *c = (char *)m->name; *c; c++)
		*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
	m->loc = d->loc;
	tl_loc_linecol(&d->loc, &line_no, &col);
	m->where = tl_arena_printf(p->arena, "defined on line %u of \"%s\"", line_no,
				   l->src ? l->src->path : "?");
	m->nparams = d->nargs - 1;
	m->params = tl_arena_calloc(p->arena, m->nparams + 1, sizeof(*m->params));
	for (size_t i = 0; i < m->nparams; i++)
		m->params[i] = d->args[i + 1].text;
	while (next_line(s, &bl)) {
		size_t pos = 0;
		struct word w;

		if (bl.len > 0 && bl.text[0] == '#')
			continue;
		if (next_word(p->arena, &bl, &pos, &w)) {
			size_t n = strlen(w.text);

			if (strcasecmp(w.text, "</Macro>") == 0 ||
			    (n == 7 && strncasecmp(w.text, "</Macro", 7) == 0 && pos < bl.len &&
			     bl.text[pos] == '>')) {
				if (--nesting == 0)
					break;
			} else if (strcasecmp(w.text, "<Macro") == 0) {
				nesting++;
			}
		}
		struct line *copy = tl_arena_alloc(p->arena, sizeof(*copy));

		*copy = bl;
		tl_ptrvec_push(p->arena, &body, copy);
	}
	if (nesting > 0) {
		finding(p, TL_CK_PARSE_ERROR, d->loc,
			"macro '%s' (%s): expected token not found: </Macro>", m->name, m->where);
		return;
	}
	m->nbody = body.len;
	m->body = tl_arena_calloc(p->arena, body.len + 1, sizeof(*m->body));
	for (size_t i = 0; i < body.len; i++)
		m->body[i] = *(struct line *)body.items[i];
	tl_strmap_put(&p->macros, m->name, m);
}

/* Use name values...: the macro's lines, substituted, are read next. */
static void
use_macro(struct stream *s, const struct tl_directive *d)
{
	struct parser *p = s->p;
	struct macro *m;
	struct expansion *x;
	char *lower;

	if (d->nargs == 0) {
		finding(p, TL_CK_PARSE_ERROR, d->loc, "no macro name specified with Use");
		return;
	}
	lower = tl_arena_strdup(p->arena, d->args[0].text);
	for (char *c = lower; *c; c++)
		*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
	m = tl_strmap_get(&p->macros, lower);
	if (m == NULL) {
		finding(p, TL_CK_PARSE_ERROR, d->args[0].loc, "macro '%s' undefined", lower);
		return;
	}
	for (const struct expansion *e = s->exp; e != NULL; e = e->up)
		if (e->macro == m) {
			finding(p, TL_CK_PARSE_ERROR, d->loc,
				"recursive use of macro '%s' is invalid", m->name);
			return;
		}
	if (d->nargs - 1 != m->nparams) {
		finding(p, TL_CK_PARSE_ERROR, d->loc,
			"macro '%s' (%s) used with %zu arguments instead of %zu", m->name, m->where,
			(size_t)d->nargs - 1, m->nparams);
		return;
	}
	{
		const char **values = tl_arena_calloc(p->arena, m->nparams + 1, sizeof(*values));

		for (size_t i = 0; i < m->nparams; i++)
			values[i] = d->args[i + 1].text;
		x = tl_arena_alloc(p->arena, sizeof(*x));
		x->macro = m;
		x->use = d;
		x->n = m->nbody;
		x->lines = tl_arena_calloc(p->arena, m->nbody + 1, sizeof(*x->lines));
		for (size_t i = 0; i < m->nbody; i++)
			x->lines[i] = substitute(p, m, values, &m->body[i]);
		x->up = s->exp;
		s->exp = x;
	}
}

/*
 * One directive line. Returns true when it closed the section CLOSE that
 * the caller is reading (also for a mismatched close, which is reported).
 */
static bool
directive_line(struct stream *s, struct line *l0, struct tl_directive *parent, const char *close,
	       unsigned depth)
{
	struct parser *p = s->p;
	struct line l = resolve_vars(p, l0);
	size_t pos = 0;
	struct word w;
	char *name, *lname;
	size_t n;
	struct tl_directive *d;
	struct tl_loc name_loc;

	if (!next_word(p->arena, &l, &pos, &w))
		return false;
	name = w.text;
	n = strlen(name);
	name_loc = span_loc(&l, w.from, w.to);
	/* Closing tags. */
	if (name[0] == '<' && name[1] == '/') {
		if (n < 3 || name[n - 1] != '>') {
			finding(p, TL_CK_PARSE_ERROR, name_loc, "%s> directive missing closing '>'",
				name);
			return close != NULL;
		}
		name[n - 1] = '\0';
		if (close == NULL) {
			finding(p, TL_CK_PARSE_ERROR, name_loc, "%s> without matching <%s> section",
				name, name + 2);
			return false;
		}
		if (strcasecmp(name + 2, close) != 0)
			finding(p, TL_CK_PARSE_ERROR, name_loc, "Expected </%s> but saw %s>", close,
				name);
		s->close_end = l.src == s->src ? l.end : 0;
		return true;
	}
	{
		bool section = name[0] == '<';

		if (n > 1 && name[n - 1] == '>') {
			name[--n] = '\0';
			name_loc.len = name_loc.len > 0 ? name_loc.len - 1 : 0;
		}
		lname = tl_arena_strdup(p->arena, name);
		for (char *c = lname; *c; c++)
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
		d = new_directive(s, parent, section ? name + 1 : name, name_loc, &l);
		if (section) {
			struct line rest = l;

			d->block = true;
			/* "<Foo>" alone: its arguments are ">" (ap_build_config_sub). */
			if (pos >= l.len) {
				struct builder b = {p->arena};

				append_from(&b, &l, 0, l.len);
				append_for(&b, " >", 2, &l, l.len, l.len);
				rest = finish(&b, &l);
			}
			if (!section_args(p, &rest, pos, name + 1, d))
				return false;
		} else {
			struct tl_loc too_many = {0};

			take_args(p, &l, pos, l.len, d, &too_many);
			if (too_many.src != NULL)
				finding(p, TL_CK_PARSE_ERROR, too_many,
					"too many arguments (more than %zu, tlslint's limit)",
					p->env->limits.max_args);
		}
	}
	/* What httpd executes while reading. */
	if (is_cond(lname)) {
		bool bad;
		bool holds = test_cond(s, lname, d, &bad);

		if (holds && !bad) {
			s->cond_depth++;
			parse_lines(s, parent, d->name, depth);
			s->cond_depth--;
		} else
			soak(s, d->name, d->loc);
		return false;
	}
	if (strcmp(lname, "include") == 0 || strcmp(lname, "includeoptional") == 0) {
		include(s, parent, d, lname[7] != '\0', depth);
		return false;
	}
	if (strcmp(lname, "define") == 0 || strcmp(lname, "undefine") == 0) {
		define(p, d, lname[0] == 'd');
		return false;
	}
	if (strcmp(lname, "serverroot") == 0) {
		server_root(p, d, parent);
		tl_kids_push(p->arena, &p->kids, d);
		return false;
	}
	if (strcmp(lname, "loadmodule") == 0)
		load_module(p, d);
	if (tl_apache_module_loaded(p->out, "macro_module")) {
		if (strcmp(lname, "<macro") == 0) {
			define_macro(s, &l, d);
			return false;
		}
		if (strcmp(lname, "use") == 0) {
			use_macro(s, d);
			return false;
		}
		if (strcmp(lname, "undefmacro") == 0) {
			char *m = d->nargs ? tl_arena_strdup(p->arena, d->args[0].text) : NULL;

			for (char *c = m; c && *c; c++)
				*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
			if (m == NULL || tl_strmap_get(&p->macros, m) == NULL)
				finding(p, TL_CK_PARSE_ERROR, d->loc,
					"cannot remove undefined macro '%s'", m ? m : "");
			else
				tl_strmap_put(&p->macros, m, NULL);
			return false;
		}
	}
	if (d->block) {
		size_t base = p->kids.n;

		if (depth + 1 > p->env->limits.max_nesting) {
			finding(p, TL_CK_PARSE_ERROR, d->loc,
				"sections nested too deeply (more than %u levels, tlslint's limit)",
				p->env->limits.max_nesting);
			soak(s, d->name, d->loc);
			return false;
		}
		if (!parse_lines(s, d, d->name, depth + 1)) {
			if (s->cond_depth == 0)
				finding(p, TL_CK_PARSE_ERROR, d->loc, "<%s> was not closed.",
					d->name);
		} else if (s->close_end > d->end && d->loc.src == s->src)
			d->end = s->close_end;
		tl_kids_collect(p->arena, &p->kids, d, base);
	}
	tl_kids_push(p->arena, &p->kids, d);
	return false;
}

/*
 * Reads lines of S into PARENT until the end of the file or the </CLOSE>
 * of this level. Returns true when the close was seen.
 */
static bool
parse_lines(struct stream *s, struct tl_directive *parent, const char *close, unsigned depth)
{
	struct line l;

	while (next_line(s, &l)) {
		if (l.len == 0 || l.text[0] == '#')
			continue;
		if (directive_line(s, &l, parent, close, depth))
			return true;
	}
	return false;
}

static void
parse_source(struct parser *p, const struct stream *up, const struct tl_source *src,
	     const struct tl_directive *inc, struct tl_directive *parent, unsigned depth)
{
	struct stream s;

	memset(&s, 0, sizeof(s));
	s.p = p;
	s.frame.up = up ? &up->frame : NULL;
	s.frame.src = src;
	s.frame.include_depth = up ? up->frame.include_depth + 1 : 0;
	s.src = src;
	s.end = tl_conf_files_config_len(&p->files, src);
	s.included_by = inc;
	/* Sections do not span files: what a file opens, it closes. */
	parse_lines(&s, parent, NULL, depth);
}

/* ---- Include and IncludeOptional (ap_process_fnmatch_configs) ---- */

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
has_magic(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

struct walk {
	struct stream *s;
	struct tl_directive *parent;
	const struct tl_directive *inc;
	bool optional;
	unsigned depth;     /* section depth of the include */
	unsigned dir_depth; /* directories entered */
	bool failed;
};

static void
walk_fail(struct walk *w, const char *fmt, const char *a, const char *b)
{
	if (w->failed)
		return;
	w->failed = true;
	finding(w->s->p, TL_CK_INCLUDE_MISSING, w->inc->loc, fmt, a, b);
}

/* A sorted listing of DIR, NULL (and the finding) when it cannot be read. */
static struct tl_ptrvec *
listing(struct walk *w, const char *dir, bool missing_ok)
{
	struct parser *p = w->s->p;
	struct tl_ptrvec *names = tl_arena_alloc(p->arena, sizeof(*names));
	size_t max = p->env->limits.max_files;
	long n = tl_fs_list_dir(p->env->fs, dir, max, names);

	if (n == -ENOENT && missing_ok)
		return NULL;
	if (n < 0) {
		walk_fail(w, "Include/IncludeOptional: Could not open directory %s: %s", dir,
			  tl_file_error((int)-n));
		return NULL;
	}
	if ((size_t)n > max) {
		if (!w->failed)
			finding(p, TL_CK_PARSE_ERROR, w->inc->loc,
				"directory '%s' holds more than %zu files, tlslint's limit; none "
				"was read",
				dir, max);
		w->failed = true;
		return NULL;
	}
	qsort(names->items, names->len, sizeof(void *), compare_names);
	return names;
}

/* ap_dir_nofnmatch: a directory is read whole, recursively; a file is parsed. */
static void
walk_plain(struct walk *w, const char *path)
{
	struct parser *p = w->s->p;
	struct stat st;
	int rc = tl_fs_stat(p->env->fs, path, &st);

	if (w->failed)
		return;
	if (rc == 0 && S_ISDIR(st.st_mode)) {
		struct tl_ptrvec *names;

		if (++w->dir_depth > MAX_DIR_DEPTH) {
			walk_fail(w,
				  "Include/IncludeOptional: Directory '%s' exceeds the maximum "
				  "include directory nesting level%s",
				  path, "");
			return;
		}
		names = listing(w, path, false);
		for (size_t i = 0; names != NULL && i < names->len && !w->failed; i++)
			walk_plain(w, tl_path_join(p->arena, path, names->items[i]));
		w->dir_depth--;
		return;
	}
	if (rc != 0 && w->optional)
		return;
	{
		struct tl_source *src =
			tl_conf_files_include(&p->files, &w->s->frame, w->inc->loc, path, false);

		if (src != NULL)
			parse_source(p, w->s, src, w->inc, w->parent, w->depth);
	}
}

/* ap_dir_fnmatch: DIR so far, REST the components still to match. */
static void
walk_glob(struct walk *w, const char *dir, const char *rest)
{
	struct parser *p = w->s->p;
	const char *slash = strchr(rest, '/');
	const char *comp = slash ? tl_arena_strndup(p->arena, rest, (size_t)(slash - rest)) : rest;
	const char *next = slash ? slash + 1 : NULL;
	struct tl_ptrvec *names;
	size_t matched = 0;

	if (w->failed)
		return;
	if (!has_magic(comp)) {
		const char *path = tl_path_join(p->arena, dir, comp);

		if (next == NULL)
			walk_plain(w, path);
		else
			walk_glob(w, path, next);
		return;
	}
	names = listing(w, dir, w->optional);
	if (names == NULL)
		return;
	for (size_t i = 0; i < names->len && !w->failed; i++) {
		const char *name = names->items[i];
		const char *path;
		struct stat st;

		if (fnmatch(comp, name, FNM_PERIOD) != 0)
			continue;
		path = tl_path_join(p->arena, dir, name);
		if (next != NULL &&
		    (tl_fs_stat(p->env->fs, path, &st) != 0 || !S_ISDIR(st.st_mode)))
			continue;
		matched++;
		if (next == NULL)
			walk_plain(w, path);
		else
			walk_glob(w, path, next);
	}
	if (matched == 0 && !w->optional)
		walk_fail(w,
			  "Include/IncludeOptional: No matches for the wildcard '%s' in '%s', "
			  "failing",
			  comp, dir);
}

static void
include(struct stream *s, struct tl_directive *parent, const struct tl_directive *inc,
	bool optional, unsigned depth)
{
	struct parser *p = s->p;
	struct walk w = {s, parent, inc, optional, depth, 0, false};
	const char *path;

	if (inc->nargs != 1) {
		finding(p, TL_CK_PARSE_ERROR, inc->loc, "%s takes one argument", inc->name);
		return;
	}
	path = root_relative(p, inc->args[0].text);
	if (!has_magic(path))
		walk_plain(&w, path);
	else
		walk_glob(&w, "/", path + 1);
}

/* ---- envvars ---- */

/*
 * The exports of a Debian-style envvars file (apache2ctl sources it before
 * starting httpd): NAME=value and export NAME=value lines, $NAME and
 * ${NAME} in values replaced by what the file set before, quotes removed.
 * Anything else of the shell (conditions, ${NAME##…}) is skipped: an
 * assignment that uses it is left out.
 */
static void
read_envvars(struct parser *p, const char *dir)
{
	const char *path = tl_path_join(p->arena, dir, "envvars");
	char *text;
	size_t len;
	const char *line;

	if (tl_fs_read(p->env->fs, path, 1024 * 1024, &text, &len, NULL, NULL) != 0)
		return;
	for (line = text; line < text + len;) {
		const char *nl = memchr(line, '\n', (size_t)(text + len - line));
		const char *e = nl ? nl : text + len;
		const char *c = line;
		const char *eq;
		char name[128];
		char value[4096];
		size_t vn = 0;
		bool ok = true;
		char quote = 0;

		while (c < e && (*c == ' ' || *c == '\t'))
			c++;
		if (e - c > 7 && strncmp(c, "export ", 7) == 0)
			c += 7;
		eq = memchr(c, '=', (size_t)(e - c));
		if (eq == NULL || eq == c || (size_t)(eq - c) >= sizeof(name))
			ok = false;
		for (const char *k = c; ok && k < eq; k++)
			if (!(*k == '_' || (*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') ||
			      (k > c && *k >= '0' && *k <= '9')))
				ok = false;
		if (ok) {
			memcpy(name, c, (size_t)(eq - c));
			name[eq - c] = '\0';
			for (const char *k = eq + 1; ok && k < e; k++) {
				if (quote == 0 && (*k == '"' || *k == '\'')) {
					quote = *k;
				} else if (quote != 0 && *k == quote) {
					quote = 0;
				} else if (quote == 0 && (*k == ' ' || *k == '\t' || *k == '#')) {
					break;
				} else if (*k == '$' && quote != '\'') {
					const char *ns = k + 1, *ne;
					char var[128];
					const char *v;

					if (*ns == '{') {
						ns++;
						ne = memchr(ns, '}', (size_t)(e - ns));
						if (ne == NULL)
							ok = false;
					} else {
						ne = ns;
						while (ne < e &&
						       (*ne == '_' || (*ne >= 'A' && *ne <= 'Z') ||
							(*ne >= 'a' && *ne <= 'z') ||
							(*ne >= '0' && *ne <= '9')))
							ne++;
					}
					if (!ok || ne == ns || (size_t)(ne - ns) >= sizeof(var)) {
						ok = false;
						break;
					}
					memcpy(var, ns, (size_t)(ne - ns));
					var[ne - ns] = '\0';
					v = tl_strmap_get(&p->envvars, var);
					for (; v && *v && vn + 1 < sizeof(value); v++)
						value[vn++] = *v;
					k = *(k + 1) == '{' ? ne : ne - 1;
				} else if (vn + 1 < sizeof(value)) {
					value[vn++] = *k;
				}
			}
		}
		if (ok && quote == 0) {
			value[vn] = '\0';
			tl_strmap_put(&p->envvars, tl_arena_strdup(p->arena, name),
				      tl_arena_strdup(p->arena, value));
		}
		line = nl ? nl + 1 : text + len;
	}
}

/* ---- entry points ---- */

/*
 * The ServerRoot before any ServerRoot directive: httpd's compiled-in
 * HTTPD_ROOT, /etc/apache2 on Debian and /etc/httpd on RHEL; for an entry
 * elsewhere, its own directory.
 */
static const char *
default_server_root(struct parser *p, const char *deployed)
{
	static const char *const roots[] = {"/etc/apache2", "/etc/httpd"};

	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		size_t n = strlen(roots[i]);

		if (strncmp(deployed, roots[i], n) == 0 && deployed[n] == '/')
			return roots[i];
	}
	return tl_path_dirname(p->arena, deployed);
}

static void
parser_init(struct parser *p, struct tl_parse_env *env, const struct tl_apache_options *opts,
	    struct tl_apache_parse *out)
{
	memset(p, 0, sizeof(*p));
	memset(out, 0, sizeof(*out));
	p->env = env;
	p->arena = env->arena;
	p->opts = opts;
	p->out = out;
	out->fs = env->fs;
	out->tree.root.name = "";
	tl_strmap_init(&out->modules, env->arena);
	tl_strmap_init(&p->defines, env->arena);
	tl_strmap_init(&p->vars, env->arena);
	tl_strmap_init(&p->envvars, env->arena);
	tl_strmap_init(&p->macros, env->arena);
	tl_conf_files_init(&p->files, env, &out->tree, "apache");
	for (size_t i = 0; i < sizeof(builtin_modules) / sizeof(builtin_modules[0]); i++)
		add_module(p, builtin_modules[i][0], builtin_modules[i][1]);
	for (size_t i = 0; opts != NULL && i < opts->ndefines; i++)
		tl_strmap_put(&p->defines, opts->defines[i], (void *)"1");
}

static void
parse_entry(struct parser *p, struct tl_source *src)
{
	struct tl_tree *tree = &p->out->tree;

	tree->root.loc = tl_loc_make(src, 0, 0);
	parse_source(p, NULL, src, NULL, &tree->root, 0);
	tl_kids_collect(p->arena, &p->kids, &tree->root, 0);
}

int
tl_apache_parse_file(struct tl_parse_env *env, const struct tl_apache_options *opts,
		     const char *path, struct tl_apache_parse *out)
{
	struct parser p;
	struct tl_source *src;
	const char *key, *deployed;
	int rc;

	parser_init(&p, env, opts, out);
	key = tl_path_normalize(env->arena, path);
	rc = tl_conf_files_entry(&p.files, key, &src);
	if (rc < 0)
		return rc;
	deployed = tl_fs_entry_path(env->fs, key);
	if (deployed == NULL) {
		deployed = tl_arena_printf(env->arena, "/etc/apache2/%s",
					   strrchr(key, '/') ? strrchr(key, '/') + 1 : key);
		/* Every relative path and "refuses to start" about it rests on this guess: say it.
		 */
		tl_diag_note(env->diag,
			     "'%s' is outside --root: tlslint takes it to be deployed as %s, with "
			     "ServerRoot /etc/apache2 under the root unless it sets one",
			     path, deployed);
	}
	p.server_root = default_server_root(&p, deployed);
	out->tree.prefix = p.server_root;
	read_envvars(&p, tl_path_dirname(env->arena, deployed));
	parse_entry(&p, src);
	return 0;
}

int
tl_apache_parse_text(struct tl_parse_env *env, const struct tl_apache_options *opts,
		     const char *name, const char *text, size_t len, struct tl_apache_parse *out)
{
	struct parser p;
	struct tl_source *src;
	int rc;

	parser_init(&p, env, opts, out);
	rc = tl_conf_files_entry_text(&p.files, name, text, len, &src);
	if (rc < 0)
		return rc;
	p.server_root = env->fs->root != NULL ? "/etc/apache2" : ".";
	if (env->fs->root != NULL)
		tl_diag_note(env->diag,
			     "tlslint takes '%s' to be deployed in /etc/apache2, with ServerRoot "
			     "/etc/apache2 under --root unless it sets one",
			     name);
	out->tree.prefix = p.server_root;
	parse_entry(&p, src);
	return 0;
}
