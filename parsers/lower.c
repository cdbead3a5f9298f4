/*
 * The lowering engine: finding a directive's row, judging it the way the
 * targeted server would (level, version, arity), the common setters, and
 * filling version defaults. Server-neutral: a server's knowledge is in its
 * keyword table, its words and its own setters.
 */
#include "lower.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "../src/nearest.h"

struct row_key {
	const char *name;
	bool ignore_case;
};

static int
compare_row(const void *key, const void *elem)
{
	const struct row_key *k = key;
	const char *name = ((const struct tl_keyword *)elem)->name;

	return k->ignore_case ? strcasecmp(k->name, name) : strcmp(k->name, name);
}

static int
name_cmp(const struct tl_keyword_table *t, const char *a, const char *b)
{
	return t->ignore_case ? strcasecmp(a, b) : strcmp(a, b);
}

/* The rows named NAME (*n of them, from the one returned), or NULL. */
static const struct tl_keyword *
find_rows(const struct tl_keyword_table *t, const char *name, size_t *n)
{
	struct row_key key = {name, t->ignore_case};
	const struct tl_keyword *kw = bsearch(&key, t->rows, t->n, sizeof(t->rows[0]), compare_row);

	*n = 0;
	if (kw == NULL)
		return NULL;
	while (kw > t->rows && name_cmp(t, kw[-1].name, name) == 0)
		kw--;
	while (kw + *n < t->rows + t->n && name_cmp(t, kw[*n].name, name) == 0)
		(*n)++;
	return kw;
}

static bool
version_zero(struct tl_version v)
{
	return v.major == 0 && v.minor == 0 && v.patch == 0;
}

static bool
in_version(const struct tl_keyword *kw, struct tl_version v)
{
	return tl_version_cmp(v, kw->since) >= 0 &&
	       (version_zero(kw->until) || tl_version_cmp(v, kw->until) < 0);
}

/* "1.27.2", and "1.22" for a target given without its patch level. */
static const char *
show_version(struct tl_arena *arena, struct tl_version v)
{
	if (v.patch == 0)
		return tl_arena_printf(arena, "%u.%u", v.major, v.minor);
	return tl_arena_printf(arena, "%u.%u.%u", v.major, v.minor, v.patch);
}

static struct tl_finding *lower_finding(struct tl_lower *l, enum tl_check_id id, struct tl_loc loc,
					const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static struct tl_finding *
lower_finding(struct tl_lower *l, enum tl_check_id id, struct tl_loc loc, const char *fmt,
	      va_list ap)
{
	struct tl_finding *f = tl_diag_vadd(l->diag, id, loc, fmt, ap);

	f->server = l->words->server;
	return f;
}

struct tl_finding *
tl_lower_invalid(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = lower_finding(l, TL_CK_DIRECTIVE_INVALID, loc, fmt, ap);
	va_end(ap);
	return f;
}

struct tl_finding *
tl_lower_overridden(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = lower_finding(l, TL_CK_DIRECTIVE_OVERRIDDEN, loc, fmt, ap);
	va_end(ap);
	return f;
}

struct tl_finding *
tl_lower_deprecated(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = lower_finding(l, TL_CK_DIRECTIVE_DEPRECATED, loc, fmt, ap);
	va_end(ap);
	return f;
}

struct tl_finding *
tl_lower_invalid_value(struct tl_lower *l, const struct tl_directive *d)
{
	return tl_lower_invalid(l, d->args[0].loc, "invalid value '%s' in '%s' directive",
				d->args[0].text, d->name);
}

struct tl_finding *
tl_lower_unsupported(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = lower_finding(l, TL_CK_DIRECTIVE_UNSUPPORTED, loc, fmt, ap);
	va_end(ap);
	return f;
}

/*
 * The row of ROWS that the targeted server applies to D at level CTX, or
 * NULL once the reason it refuses D is reported: the directive does not
 * exist at that level in any version (directive-invalid), or not in the
 * targeted one (directive-unsupported, with what that server says), or it
 * has the wrong number of arguments.
 */
static const struct tl_keyword *
select_row(struct tl_lower *l, unsigned ctx, const struct tl_directive *d,
	   const struct tl_keyword *rows, size_t n)
{
	struct tl_version target = l->version;
	const struct tl_keyword *here = NULL;
	const struct tl_keyword *kw = NULL;
	bool known = false;

	/* A directive of a module the server has not loaded is unknown to it, wherever it is. */
	if (rows[0].module != NULL && l->has_module != NULL && !l->has_module(l, rows[0].module)) {
		tl_lower_invalid(l, d->loc, l->words->no_module_fmt, d->name);
		return NULL;
	}
	for (size_t i = 0; i < n && kw == NULL; i++) {
		if (in_version(&rows[i], target))
			known = true;
		if (!(rows[i].ctx & ctx))
			continue;
		if (in_version(&rows[i], target))
			kw = &rows[i];
		else
			here = &rows[i];
	}
	if (kw == NULL && here == NULL && l->words->level_message != NULL) {
		tl_lower_invalid(l, d->loc, "%s", l->words->level_message(l->arena, rows, ctx, d));
		return NULL;
	}
	if (kw == NULL && here == NULL) {
		tl_lower_invalid(l, d->loc,
				 l->words->bad_level_fmt ? l->words->bad_level_fmt
							 : "'%s' directive is not allowed here",
				 d->name);
		return NULL;
	}
	if (kw == NULL) {
		/* What that server itself prints (nginx: ngx_conf_handler's two messages). */
		const char *says = known ? l->words->not_allowed : l->words->unknown;
		const char *v = show_version(l->arena, target);

		if (tl_version_cmp(target, here->since) < 0)
			tl_lower_unsupported(
				l, d->loc,
				"'%s' is not available here before %s %s (the target is %s): "
				"%s %s refuses to start with '%s'",
				d->name, l->words->server, show_version(l->arena, here->since), v,
				l->words->server, v, says);
		else
			tl_lower_unsupported(
				l, d->loc,
				"'%s' was removed in %s %s (the target is %s): %s refuses "
				"to start with '%s'",
				d->name, l->words->server, show_version(l->arena, here->until), v,
				l->words->server, says);
		return NULL;
	}
	if (d->block || d->nargs < kw->min_args || d->nargs > kw->max_args) {
		if (l->words->arity_message != NULL) {
			tl_lower_invalid(l, d->loc, "%s", l->words->arity_message(l->arena, kw));
			return NULL;
		}
		tl_lower_invalid(l, d->loc,
				 l->words->bad_arity_fmt
					 ? l->words->bad_arity_fmt
					 : "invalid number of arguments in '%s' directive",
				 d->name);
		return NULL;
	}
	return kw;
}

const struct tl_keyword *
tl_keyword_rows(const struct tl_keyword_table *t, const char *name, size_t *n)
{
	return find_rows(t, name, n);
}

bool
tl_keyword_allowed(struct tl_lower *l, const struct tl_keyword_table *t, unsigned ctx,
		   const struct tl_directive *d)
{
	size_t n;
	const struct tl_keyword *rows = find_rows(t, d->name, &n);

	return rows == NULL || select_row(l, ctx, d, rows, n) != NULL;
}

const char *
tl_keyword_nearest(const struct tl_keyword_table *t, const char *name, unsigned ctx)
{
	const char *best = NULL;
	size_t best_d = TL_NEAREST_MAX_EDITS + 1;

	for (size_t i = 0; i < t->n; i++) {
		size_t d;

		if (ctx != 0 && !(t->rows[i].ctx & ctx))
			continue;
		d = tl_edit_distance(name, t->rows[i].name, t->ignore_case, best_d - 1);
		if (d < best_d) {
			best_d = d;
			best = t->rows[i].name;
		}
	}
	return best;
}

/*
 * True when NAME cannot be any module's directive: a byte that is not
 * printable ASCII (binary data or a paste saved as a config). Other
 * unknown names may belong to modules tlslint does not know.
 */
static bool
binary_name(const char *name)
{
	for (const unsigned char *c = (const unsigned char *)name; *c != '\0'; c++)
		if (*c < 0x20 || *c >= 0x7f)
			return true;
	return false;
}

/*
 * A directive of the server's TLS namespace that no version has, or a
 * name no module can have: its refusal, with a hint.
 */
static bool
unknown_tls_directive(struct tl_lower *l, const struct tl_keyword_table *t,
		      const struct tl_directive *d)
{
	const char *near;
	struct tl_finding *f;

	if (binary_name(d->name)) {
		tl_lower_invalid(l, d->loc, l->words->unknown_fmt, d->name);
		return true;
	}

	for (const char *const *p = l->words->tls_prefixes; p != NULL && *p != NULL; p++) {
		size_t n = strlen(*p);

		int differs =
			t->ignore_case ? strncasecmp(d->name, *p, n) : strncmp(d->name, *p, n);

		if (differs)
			continue;
		near = tl_keyword_nearest(t, d->name, 0);
		f = tl_lower_invalid(l, d->loc, l->words->unknown_fmt, d->name);
		if (near != NULL)
			f->message = tl_arena_printf(l->arena, "%s; did you mean '%s'?", f->message,
						     near);
		return true;
	}
	return false;
}

bool
tl_keyword_apply(struct tl_lower *l, const struct tl_keyword_table *t, unsigned ctx,
		 void *const *targets, const struct tl_directive *d)
{
	size_t n;
	const struct tl_keyword *rows = find_rows(t, d->name, &n);
	const struct tl_keyword *kw;
	char *base;

	if (rows == NULL)
		return unknown_tls_directive(l, t, d);
	kw = select_row(l, ctx, d, rows, n);
	if (kw == NULL)
		return true;
	base = kw->target == TL_NO_TARGET ? NULL : targets[kw->target];
	kw->setter->set(l, kw, d, base ? base + kw->offset : NULL);
	return true;
}

struct tl_value
tl_value_set(const struct tl_directive *d)
{
	struct tl_value v = {TL_ORIGIN_SET, d->loc, d, NULL};

	return v;
}

bool
tl_lower_duplicate(struct tl_lower *l, const struct tl_value *v, const struct tl_directive *d)
{
	unsigned line, col;

	if (v->origin != TL_ORIGIN_SET || !l->words->refuses_duplicates)
		return false;
	tl_loc_linecol(&v->loc, &line, &col);
	tl_lower_invalid(l, d->loc, "'%s' directive is duplicate; first set at %s:%u", d->name,
			 v->loc.src ? v->loc.src->path : "?", line);
	return true;
}

/* ---- the common setters ---- */

static void
set_none(struct tl_lower *l, const struct tl_keyword *kw, const struct tl_directive *d, void *field)
{
	(void)l;
	(void)kw;
	(void)d;
	(void)field;
}

const struct tl_setter tl_set_none = {set_none, NULL};

/* All arguments, one space apart (resolver's servers and options, ssl_session_cache's caches). */
static const char *
join_args(struct tl_arena *arena, const struct tl_directive *d)
{
	size_t len = 0;
	char *s;
	char *p;

	if (d->nargs == 1)
		return d->args[0].text;
	for (size_t i = 0; i < d->nargs; i++)
		len += d->args[i].len + 1;
	s = tl_arena_alloc(arena, len + 1);
	p = s;
	for (size_t i = 0; i < d->nargs; i++) {
		if (i > 0)
			*p++ = ' ';
		memcpy(p, d->args[i].text, d->args[i].len);
		p += d->args[i].len;
	}
	*p = '\0';
	return s;
}

static void
set_str(struct tl_lower *l, const struct tl_keyword *kw, const struct tl_directive *d, void *field)
{
	struct tl_str *s = field;

	(void)kw;
	if (s == NULL || tl_lower_duplicate(l, &s->v, d))
		return;
	s->v = tl_value_set(d);
	s->s = join_args(l->arena, d);
}

static void
default_str(struct tl_lower *l, const struct tl_keyword *kw, const char *value, void *field)
{
	(void)l;
	(void)kw;
	((struct tl_str *)field)->s = value;
}

const struct tl_setter tl_set_str = {set_str, default_str};

static void
set_flag(struct tl_lower *l, const struct tl_keyword *kw, const struct tl_directive *d, void *field)
{
	struct tl_flag *f = field;
	const char *arg = d->args[0].text;

	(void)kw;
	if (f != NULL && tl_lower_duplicate(l, &f->v, d))
		return;
	if (strcasecmp(arg, "on") != 0 && strcasecmp(arg, "off") != 0) {
		if (l->words->bad_flag_fmt != NULL)
			tl_lower_invalid(l, d->args[0].loc, l->words->bad_flag_fmt, d->name);
		else
			tl_lower_invalid(l, d->args[0].loc,
					 "invalid value '%s' in '%s' directive, it must be 'on' or "
					 "'off'",
					 arg, d->name);
		return;
	}
	if (f == NULL)
		return;
	f->v = tl_value_set(d);
	f->on = strcasecmp(arg, "on") == 0;
}

void
tl_default_flag(struct tl_lower *l, const struct tl_keyword *kw, const char *value, void *field)
{
	(void)l;
	(void)kw;
	((struct tl_flag *)field)->on = strcasecmp(value, "on") == 0;
}

const struct tl_setter tl_set_flag = {set_flag, tl_default_flag};

static void
set_enum(struct tl_lower *l, const struct tl_keyword *kw, const struct tl_directive *d, void *field)
{
	struct tl_str *s = field;
	size_t i;

	if (s != NULL && tl_lower_duplicate(l, &s->v, d))
		return;
	for (i = 0; kw->values[i] != NULL; i++)
		if (strcmp(kw->values[i], d->args[0].text) == 0)
			break;
	if (kw->values[i] == NULL) {
		tl_lower_invalid_value(l, d);
		return;
	}
	if (s == NULL)
		return;
	s->v = tl_value_set(d);
	s->s = kw->values[i];
}

const struct tl_setter tl_set_enum = {set_enum, default_str};

static void
set_path(struct tl_lower *l, const struct tl_keyword *kw, const struct tl_directive *d, void *field)
{
	struct tl_path *p = field;

	(void)kw;
	if (p == NULL || tl_lower_duplicate(l, &p->v, d))
		return;
	p->v = tl_value_set(d);
	p->s = d->args[0].text;
	/* Relative to the server's prefix as deployed; --root applies when the file is read. */
	p->path = tl_path_join(l->arena, l->prefix, p->s);
}

static void
default_path(struct tl_lower *l, const struct tl_keyword *kw, const char *value, void *field)
{
	(void)l;
	(void)kw;
	/* No server has a default file today; the name alone is kept. */
	((struct tl_path *)field)->s = value;
}

const struct tl_setter tl_set_path = {set_path, default_path};

/* ---- defaults ---- */

void
tl_keyword_defaults(struct tl_lower *l, const struct tl_keyword_table *t, unsigned target,
		    void *settings, tl_default_fn *default_of, const char *note)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct tl_keyword *kw = &t->rows[i];
		struct tl_value *v;
		const char *value;

		if (kw->target != target || target == TL_NO_TARGET ||
		    kw->setter->set_default == NULL)
			continue;
		v = (struct tl_value *)((char *)settings + kw->offset);
		if (v->origin != TL_ORIGIN_UNSET)
			continue;
		value = default_of(kw, l->version);
		if (value == NULL)
			continue;
		v->origin = TL_ORIGIN_DEFAULT;
		v->note = note;
		kw->setter->set_default(l, kw, value, v);
	}
}

void
tl_fill_defaults(void *settings, const void *defaults, const struct tl_field *fields, size_t n,
		 struct tl_loc site_loc)
{
	for (size_t i = 0; i < n; i++) {
		struct tl_value *v = (struct tl_value *)((char *)settings + fields[i].offset);
		const struct tl_value *d =
			(const struct tl_value *)((const char *)defaults + fields[i].offset);

		if (v->origin != TL_ORIGIN_UNSET || d->origin == TL_ORIGIN_UNSET)
			continue;
		memcpy(v, d, fields[i].size);
		v->loc = site_loc;
	}
}

int
tl_keyword_table_unsorted(const struct tl_keyword_table *t)
{
	for (size_t i = 1; i < t->n; i++)
		if (name_cmp(t, t->rows[i - 1].name, t->rows[i].name) > 0)
			return (int)i;
	return -1;
}

int
tl_lower_cipher_eval(struct tl_lower_env *env, const char *str, unsigned flags,
		     const struct tl_cipher_list **out, const char **error)
{
	if (env->ciphers == NULL) {
		env->ciphers = tl_arena_alloc(env->arena, sizeof(*env->ciphers));
		tl_cipher_cache_init(env->ciphers, env->arena);
	}
	return tl_cipher_cache_eval(env->ciphers, str, flags, out, error);
}
