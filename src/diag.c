/* Collecting, sorting and de-duplicating findings. */
#include "diag.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static const char *const severity_names[] = {"info", "warning", "error", "never"};

const char *
tl_severity_name(enum tl_severity sev)
{
	return severity_names[sev];
}

int
tl_severity_parse(const char *name, bool allow_never, enum tl_severity *sev)
{
	for (int i = 0; i <= TL_SEV_NEVER; i++) {
		if (strcmp(name, severity_names[i]) == 0) {
			if (i == TL_SEV_NEVER && !allow_never)
				return -1;
			*sev = (enum tl_severity)i;
			return 0;
		}
	}
	return -1;
}

void
tl_diag_init(struct tl_diag *diag, struct tl_arena *arena)
{
	memset(diag, 0, sizeof(*diag));
	diag->arena = arena;
}

/*
 * Finding messages quote config text: a cipher string, a path, a name.
 * A hostile or broken config can make any of those megabytes long, and a
 * message is formatted once per site, so every string argument of a
 * message is cut to this many bytes ("…", then its length). One place
 * for it, so no check has to remember.
 */
#define MAX_QUOTED 512

/* A message being built: on the stack while short, on the heap when not, then copied once. */
struct msgbuf {
	char local[1024];
	char *buf;
	size_t len;
	size_t cap;
};

static void
append(struct msgbuf *m, const char *s, size_t n)
{
	if (m->len + n + 1 > m->cap) {
		size_t want = m->cap * 2;
		char *bigger;

		while (want < m->len + n + 1)
			want *= 2;
		bigger = malloc(want);
		if (bigger == NULL)
			tl_out_of_memory();
		memcpy(bigger, m->buf, m->len);
		if (m->buf != m->local)
			free(m->buf);
		m->buf = bigger;
		m->cap = want;
	}
	memcpy(m->buf + m->len, s, n);
	m->len += n;
	m->buf[m->len] = '\0';
}

/* One conversion SPEC (e.g. "%04o") of the next argument, formatted alone. */
static void
append_spec(struct msgbuf *m, const char *spec, char conv, const char *mods, va_list *ap)
{
	char tmp[128];
	int n = 0;

	switch (conv) {
	case 'd':
	case 'i':
	case 'c':
		if (strcmp(mods, "z") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, ssize_t));
		else if (strcmp(mods, "ll") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long long));
		else if (strcmp(mods, "l") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long));
		else if (strcmp(mods, "j") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, intmax_t));
		else
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, int));
		break;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		if (strcmp(mods, "z") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, size_t));
		else if (strcmp(mods, "ll") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned long long));
		else if (strcmp(mods, "l") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned long));
		else if (strcmp(mods, "j") == 0)
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, uintmax_t));
		else
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned));
		break;
	case 'f':
	case 'g':
	case 'e':
		n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, double));
		break;
	case 'p':
		n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, void *));
		break;
	default:
		/* Unknown conversions are a programming error; show them, take nothing. */
		n = snprintf(tmp, sizeof(tmp), "%s", spec);
		break;
	}
	if (n > 0)
		append(m, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* A %s argument, cut to MAX_QUOTED bytes (never inside a UTF-8 sequence). */
static void
append_quoted(struct msgbuf *m, const char *s)
{
	size_t n;
	size_t cut = MAX_QUOTED;
	char tail[64];

	s = s ? s : "(null)";
	n = strlen(s);
	if (n <= MAX_QUOTED) {
		append(m, s, n);
		return;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	append(m, s, cut);
	snprintf(tail, sizeof(tail), "\u2026 (%zu bytes)", n);
	append(m, tail, strlen(tail));
}

/* vprintf into the arena, every %s argument cut to MAX_QUOTED bytes. */
static char *
format_message(struct tl_arena *arena, const char *fmt, va_list ap)
{
	struct msgbuf m;
	va_list args;
	char *out;

	m.buf = m.local;
	m.len = 0;
	m.cap = sizeof(m.local);
	m.local[0] = '\0';
	va_copy(args, ap);
	for (const char *p = fmt; *p;) {
		const char *start = p;
		char spec[32];
		char mods[4] = "";
		size_t nm = 0;

		if (*p != '%') {
			p += strcspn(p, "%");
			append(&m, start, (size_t)(p - start));
			continue;
		}
		if (p[1] == '%') {
			append(&m, "%", 1);
			p += 2;
			continue;
		}
		p++;
		p += strspn(p, "-+ #0123456789.");
		while (*p == 'l' || *p == 'z' || *p == 'j' || *p == 'h') {
			if (nm < sizeof(mods) - 1)
				mods[nm++] = *p;
			p++;
		}
		mods[nm] = '\0';
		if (*p == '\0' || (size_t)(p - start + 1) >= sizeof(spec))
			break;
		memcpy(spec, start, (size_t)(p - start + 1));
		spec[p - start + 1] = '\0';
		if (*p == 's')
			append_quoted(&m, va_arg(args, const char *));
		else
			append_spec(&m, spec, *p, mods, &args);
		p++;
	}
	va_end(args);
	out = tl_arena_strndup(arena, m.buf, m.len);
	if (m.buf != m.local)
		free(m.buf);
	return out;
}

char *
tl_diag_printf(struct tl_arena *arena, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = format_message(arena, fmt, ap);
	va_end(ap);
	return s;
}

void
tl_diag_note(struct tl_diag *diag, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = format_message(diag->arena, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < diag->notes.len; i++)
		if (strcmp(diag->notes.items[i], s) == 0)
			return;
	tl_ptrvec_push(diag->arena, &diag->notes, s);
}

struct tl_finding *
tl_diag_add_message(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc,
		    const char *message)
{
	struct tl_finding *f = tl_arena_alloc(diag->arena, sizeof(*f));

	f->id = id;
	f->check = tl_check_info(id)->name;
	f->severity = tl_check_info(id)->severity;
	f->loc = loc;
	f->message = message;
	tl_ptrvec_push(diag->arena, &diag->findings, f);
	return f;
}

struct tl_finding *
tl_diag_vadd(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc, const char *fmt,
	     va_list ap)
{
	struct tl_finding *f = tl_arena_alloc(diag->arena, sizeof(*f));

	f->id = id;
	f->check = tl_check_info(id)->name;
	f->severity = tl_check_info(id)->severity;
	f->loc = loc;
	f->message = format_message(diag->arena, fmt, ap);
	tl_ptrvec_push(diag->arena, &diag->findings, f);
	return f;
}

struct tl_finding *
tl_diag_add(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(diag, id, loc, fmt, ap);
	va_end(ap);
	return f;
}

void
tl_finding_relate(struct tl_diag *diag, struct tl_finding *f, const char *file, struct tl_loc loc,
		  const char *fmt, ...)
{
	struct tl_related *r = tl_arena_alloc(diag->arena, sizeof(*r));
	va_list ap;

	/* FILE lives as long as the run (a model or store string): shared, not copied. */
	r->file = file;
	r->loc = loc;
	va_start(ap, fmt);
	r->message = format_message(diag->arena, fmt, ap);
	va_end(ap);
	tl_ptrvec_push(diag->arena, &f->related, r);
}

void
tl_finding_relate_message(struct tl_diag *diag, struct tl_finding *f, const char *file,
			  struct tl_loc loc, const char *message)
{
	struct tl_related *r = tl_arena_alloc(diag->arena, sizeof(*r));

	r->file = file;
	r->loc = loc;
	r->message = message;
	tl_ptrvec_push(diag->arena, &f->related, r);
}

static int
strcmp_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Place-and-meaning order: two findings equal here say the same thing at the same place. */
static int
compare_place(const struct tl_finding *a, const struct tl_finding *b)
{
	int c;

	if ((a->loc.src == NULL) != (b->loc.src == NULL))
		return a->loc.src == NULL ? -1 : 1;
	if (a->loc.src != NULL && a->loc.src != b->loc.src) {
		c = strcmp(a->loc.src->path, b->loc.src->path);
		if (c != 0)
			return c;
		/* Same name read twice (e.g. stdin sections): order of reading. */
		return a->loc.src->id < b->loc.src->id ? -1 : 1;
	}
	if (a->loc.off != b->loc.off)
		return a->loc.off < b->loc.off ? -1 : 1;
	c = strcmp(a->check, b->check);
	if (c != 0)
		return c;
	return strcmp(a->message, b->message);
}

static int
compare_findings(const void *pa, const void *pb)
{
	const struct tl_finding *a = *(const struct tl_finding *const *)pa;
	const struct tl_finding *b = *(const struct tl_finding *const *)pb;
	int c = compare_place(a, b);

	if (c != 0)
		return c;
	return strcmp_null(a->site, b->site);
}

void
tl_diag_scope(struct tl_diag *diag, const struct tl_source *src, size_t off, size_t end,
	      const char *label)
{
	struct tl_scope *sc;

	if (src == NULL || end <= off)
		return;
	sc = tl_arena_alloc(diag->arena, sizeof(*sc));
	sc->src = src;
	sc->off = off;
	sc->end = end;
	sc->label = label;
	tl_ptrvec_push(diag->arena, &diag->scopes, sc);
}

void
tl_diag_scope_site(struct tl_diag *diag, struct tl_loc block, const char *site)
{
	struct tl_scope *sc;

	if (block.src == NULL || site == NULL)
		return;
	sc = tl_arena_alloc(diag->arena, sizeof(*sc));
	sc->src = block.src;
	sc->off = block.off;
	sc->site = site;
	tl_ptrvec_push(diag->arena, &diag->scope_sites, sc);
}

/* Source, then start; at one start the longer stretch first, so the inner one is found first. */
static int
compare_scopes(const void *pa, const void *pb)
{
	const struct tl_scope *a = *(const struct tl_scope *const *)pa;
	const struct tl_scope *b = *(const struct tl_scope *const *)pb;

	if (a->src->id != b->src->id)
		return a->src->id < b->src->id ? -1 : 1;
	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return 0;
}

/*
 * The sorted stretch after every one that starts at or before (SRC, OFF):
 * the stretches that may hold that place are the ones before it.
 */
static size_t
scope_upper(const struct tl_diag *diag, const struct tl_source *src, size_t off)
{
	struct tl_scope *const *items = (struct tl_scope *const *)diag->scopes.items;
	size_t lo = 0, hi = diag->scopes.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct tl_scope *m = items[mid];

		if (m->src->id < src->id || (m->src->id == src->id && m->off <= off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Names each registered site block with its site (tl_diag_scope_site). */
static void
name_site_blocks(struct tl_diag *diag)
{
	struct tl_scope *const *items = (struct tl_scope *const *)diag->scopes.items;

	for (size_t i = 0; i < diag->scope_sites.len; i++) {
		const struct tl_scope *owner = diag->scope_sites.items[i];

		for (size_t k = scope_upper(diag, owner->src, owner->off); k-- > 0;) {
			struct tl_scope *m = items[k];

			if (m->src != owner->src || m->off != owner->off)
				break;
			if (m->label == NULL)
				m->site = owner->site;
		}
	}
}

/*
 * The innermost registered stretch holding LOC's start: the last one
 * (sorted) that starts at or before it and still contains it, or NULL.
 */
const struct tl_scope *
tl_diag_scope_at(const struct tl_diag *diag, const struct tl_loc *loc)
{
	struct tl_scope *const *items = (struct tl_scope *const *)diag->scopes.items;
	size_t lo;

	if (loc->src == NULL)
		return NULL;
	lo = scope_upper(diag, loc->src, loc->off);
	while (lo-- > 0) {
		const struct tl_scope *m = items[lo];

		if (m->src->id != loc->src->id)
			break;
		if (loc->off < m->end)
			return m;
	}
	return NULL;
}

static bool
names_site(const struct tl_finding *f, const char *site)
{
	for (size_t i = 0; i < f->sites.len; i++)
		if (strcmp(f->sites.items[i], site) == 0)
			return true;
	return false;
}

void
tl_diag_finish(struct tl_diag *diag)
{
	struct tl_finding **items = (struct tl_finding **)diag->findings.items;
	size_t n = diag->findings.len;
	size_t out = 0;

	if (n == 0)
		return;
	qsort(items, n, sizeof(*items), compare_findings);
	for (size_t i = 0; i < n; i++) {
		struct tl_finding *keep = out ? items[out - 1] : NULL;

		if (keep != NULL && compare_place(keep, items[i]) == 0) {
			/*
			 * The same finding for another site: one finding that names
			 * every site (two sites may share a label: HAProxy crt-list
			 * lines for one certificate).
			 */
			if (items[i]->site != NULL &&
			    strcmp_null(keep->site, items[i]->site) != 0) {
				if (keep->site == NULL) {
					keep->site = items[i]->site;
					continue;
				}
				if (keep->sites.len == 0)
					tl_ptrvec_push(diag->arena, &keep->sites,
						       (void *)keep->site);
				tl_ptrvec_push(diag->arena, &keep->sites, (void *)items[i]->site);
				keep->nsites = keep->sites.len;
			}
			continue;
		}
		items[out++] = items[i];
	}
	diag->findings.len = out;
	if (diag->scopes.len > 0)
		qsort(diag->scopes.items, diag->scopes.len, sizeof(void *), compare_scopes);
	name_site_blocks(diag);
	/*
	 * One cause, one finding: the message says how many sites it reaches,
	 * and a finding at an outer level names that level rather than one of
	 * its sites.
	 */
	for (size_t i = 0; i < out; i++) {
		const struct tl_scope *sc;

		if (items[i]->nsites <= 1)
			continue;
		items[i]->message = tl_arena_printf(diag->arena, "%s (%zu sites)",
						    items[i]->message, items[i]->nsites);
		sc = tl_diag_scope_at(diag, &items[i]->loc);
		if (sc != NULL && sc->label != NULL)
			items[i]->scope = sc->label;
		/* At a line inside one site's block (its value taken by others): that site's. */
		else if (sc != NULL && sc->site != NULL && names_site(items[i], sc->site))
			items[i]->site = sc->site;
	}
}
