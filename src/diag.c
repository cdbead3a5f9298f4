/* Collecting, sorting and de-duplicating findings. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

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

struct tl_finding *
tl_diag_vadd(struct tl_diag *diag, const char *check, struct tl_loc loc, const char *fmt,
	     va_list ap)
{
	struct tl_finding *f = tl_arena_alloc(diag->arena, sizeof(*f));

	f->check = check;
	f->severity = TL_SEV_ERROR;
	f->severity_hint = -1;
	f->loc = loc;
	f->message = tl_arena_vprintf(diag->arena, fmt, ap);
	tl_ptrvec_push(diag->arena, &diag->findings, f);
	return f;
}

struct tl_finding *
tl_diag_add(struct tl_diag *diag, const char *check, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(diag, check, loc, fmt, ap);
	va_end(ap);
	return f;
}

void
tl_finding_relate(struct tl_diag *diag, struct tl_finding *f, const char *file, struct tl_loc loc,
		  const char *fmt, ...)
{
	struct tl_related *r = tl_arena_alloc(diag->arena, sizeof(*r));
	va_list ap;

	r->file = file ? tl_arena_strdup(diag->arena, file) : NULL;
	r->loc = loc;
	va_start(ap, fmt);
	r->message = tl_arena_vprintf(diag->arena, fmt, ap);
	va_end(ap);
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
			/* The same finding for another site: one finding, the site as related. */
			if (items[i]->site != NULL && strcmp_null(keep->site, items[i]->site) != 0)
				tl_finding_relate(diag, keep, NULL, (struct tl_loc){0},
						  "also used by site %s", items[i]->site);
			continue;
		}
		items[out++] = items[i];
	}
	diag->findings.len = out;
}
