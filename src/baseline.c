#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/base_path.h"
#include "report/fingerprint.h"
#include "report/json_writer.h"
#include "strmap.h"
#include "yaml_reader.h"

#define BASELINE_MAX_BYTES (64 * 1024 * 1024)
#define FORMAT_VERSION "1"

/* One recorded finding: how many of it the file holds, and how many this run has met. */
struct entry {
	const char *check, *file, *text;
	long count;
	long seen;
};

/*
 * F's file relative to the root (or the current directory), however the
 * run spelled it: `--root .` and `--root $PWD` record the same name.
 */
static const char *
file_of(struct tl_base *b, const struct tl_finding *f)
{
	if (f->loc.src == NULL)
		return "";
	return tl_base_file(b, f->loc.src->path, f->loc.src->disk_path == NULL);
}

/*
 * A recorded file name as file_of makes it: recorded names are relative to
 * the base, and a baseline written before names were (./etc/…) still
 * matches.
 */
static const char *
recorded_file(struct tl_base *b, const char *file)
{
	if (file[0] == '\0')
		return file;
	if (file[0] != '/')
		file = tl_arena_printf(b->arena, "%s/%s", b->base, file);
	return tl_base_file(b, file, false);
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;
	int c = strcmp(x->file, y->file);

	if (c == 0)
		c = strcmp(x->text, y->text);
	return c != 0 ? c : strcmp(x->check, y->check);
}

int
tl_baseline_write(const char *path, const struct tl_diag *diag, const char *root,
		  struct tl_arena *arena, const char **error)
{
	struct tl_base base;
	struct tl_strmap by_key;
	struct tl_ptrvec entries = {0};
	struct tl_json json;
	FILE *out;
	bool bad;

	tl_base_init(&base, arena, root);
	tl_strmap_init(&by_key, arena);
	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];
		const char *text = tl_finding_line_text(arena, f);
		const char *file = file_of(&base, f);
		const char *key = tl_finding_key(arena, f->check, file, text);
		struct entry *e = tl_strmap_get(&by_key, key);

		if (e == NULL) {
			e = tl_arena_alloc(arena, sizeof(*e));
			*e = (struct entry){f->check, file, text, 0, 0};
			tl_strmap_put(&by_key, key, e);
			tl_ptrvec_push(arena, &entries, e);
		}
		e->count++;
	}
	if (entries.len > 0)
		qsort(entries.items, entries.len, sizeof(entries.items[0]), cmp_entry);
	out = fopen(path, "w");
	if (out == NULL) {
		*error = tl_arena_printf(arena, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	tl_json_init(&json, out);
	tl_json_object_begin(&json);
	tl_json_member_string(&json, "tlslint-baseline", FORMAT_VERSION);
	tl_json_key(&json, "findings");
	tl_json_array_begin(&json);
	for (size_t i = 0; i < entries.len; i++) {
		const struct entry *e = entries.items[i];

		tl_json_object_begin(&json);
		tl_json_member_string(&json, "check", e->check);
		tl_json_member_string(&json, "file", e->file);
		tl_json_member_string(&json, "text", e->text);
		tl_json_member_uint(&json, "count", (unsigned long long)e->count);
		tl_json_object_end(&json);
	}
	tl_json_array_end(&json);
	tl_json_object_end(&json);
	tl_json_finish(&json);
	bad = ferror(out) != 0;
	if (fclose(out) != 0)
		bad = true;
	if (bad) {
		*error = tl_arena_printf(arena, "writing '%s' failed: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

struct loader {
	struct tl_yaml y;
	struct tl_base *base;
	struct tl_strmap by_key;
	struct tl_ptrvec entries;
	bool version_seen;
};

static int
load_entry(struct loader *l)
{
	struct tl_yaml_keys seen = {0};
	struct entry *e = tl_arena_alloc(l->y.arena, sizeof(*e));
	yaml_mark_t start = l->y.event.start_mark, mark;
	const char *key;
	int rc;

	memset(e, 0, sizeof(*e));
	e->count = 1;
	while ((rc = tl_yaml_next_key(&l->y, &seen, "a baseline finding", &key, &mark)) > 0) {
		const char **field = strcmp(key, "check") == 0  ? &e->check
				     : strcmp(key, "file") == 0 ? &e->file
				     : strcmp(key, "text") == 0 ? &e->text
								: NULL;

		if (field != NULL) {
			if (tl_yaml_next(&l->y) < 0)
				return -1;
			if (l->y.event.type != YAML_SCALAR_EVENT)
				return tl_yaml_fail(&l->y, l->y.event.start_mark,
						    "expected a string for '%s', got %s", key,
						    tl_yaml_node_kind(&l->y.event));
			*field = tl_arena_strdup(l->y.arena, tl_yaml_scalar(&l->y));
		} else if (strcmp(key, "count") == 0) {
			char *end;

			if (tl_yaml_next(&l->y) < 0)
				return -1;
			errno = 0;
			e->count = l->y.event.type == YAML_SCALAR_EVENT
					   ? strtol(tl_yaml_scalar(&l->y), &end, 10)
					   : -1;
			if (l->y.event.type != YAML_SCALAR_EVENT || *end != '\0' ||
			    errno == ERANGE || e->count < 1)
				return tl_yaml_fail(&l->y, l->y.event.start_mark,
						    "expected a count of 1 or more for 'count'");
		} else {
			return tl_yaml_fail(&l->y, mark,
					    "unknown key '%s' in a baseline finding (expected "
					    "check, file, text, count)",
					    key);
		}
	}
	if (rc < 0)
		return -1;
	if (e->check == NULL || e->file == NULL || e->text == NULL)
		return tl_yaml_fail(&l->y, start, "a baseline finding needs check, file and text");
	e->file = recorded_file(l->base, e->file);
	key = tl_finding_key(l->y.arena, e->check, e->file, e->text);
	if (tl_strmap_get(&l->by_key, key) != NULL)
		((struct entry *)tl_strmap_get(&l->by_key, key))->count += e->count;
	else {
		tl_strmap_put(&l->by_key, key, e);
		tl_ptrvec_push(l->y.arena, &l->entries, e);
	}
	return 0;
}

static int
load_findings(struct loader *l)
{
	if (tl_yaml_next(&l->y) < 0)
		return -1;
	if (l->y.event.type != YAML_SEQUENCE_START_EVENT)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a list for 'findings', got %s",
				    tl_yaml_node_kind(&l->y.event));
	for (;;) {
		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (l->y.event.type != YAML_MAPPING_START_EVENT)
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a mapping in 'findings', got %s",
					    tl_yaml_node_kind(&l->y.event));
		if (load_entry(l) < 0)
			return -1;
	}
}

static int
load_top(void *ctx)
{
	struct loader *l = ctx;
	struct tl_yaml_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	while ((rc = tl_yaml_next_key(&l->y, &seen, "the baseline", &key, &mark)) > 0) {
		if (strcmp(key, "tlslint-baseline") == 0) {
			if (tl_yaml_next(&l->y) < 0)
				return -1;
			if (l->y.event.type != YAML_SCALAR_EVENT ||
			    strcmp(tl_yaml_scalar(&l->y), FORMAT_VERSION) != 0)
				return tl_yaml_fail(
					&l->y, l->y.event.start_mark,
					"this tlslint reads baselines of format " FORMAT_VERSION);
			l->version_seen = true;
		} else if (strcmp(key, "findings") == 0) {
			if (load_findings(l) < 0)
				return -1;
		} else {
			return tl_yaml_fail(&l->y, mark,
					    "unknown key '%s' in the baseline (expected "
					    "tlslint-baseline, findings)",
					    key);
		}
	}
	if (rc == 0 && !l->version_seen)
		return tl_yaml_fail(&l->y, mark,
				    "not a tlslint baseline: no 'tlslint-baseline' key (write one "
				    "with --write-baseline)");
	return rc;
}

int
tl_baseline_apply(const char *path, struct tl_diag *diag, const char *root, struct tl_arena *arena,
		  const char **error)
{
	struct tl_base base;
	struct loader l;
	struct tl_ptrvec *all = &diag->findings;
	size_t out = 0, hidden = 0, gone = 0;
	int rc;

	memset(&l, 0, sizeof(l));
	tl_base_init(&base, arena, root);
	l.base = &base;
	tl_strmap_init(&l.by_key, arena);
	rc = tl_yaml_open(&l.y, arena, path, BASELINE_MAX_BYTES, error);
	if (rc == 0)
		rc = tl_yaml_stream(&l.y, load_top, &l);
	tl_yaml_close(&l.y);
	if (rc != 0)
		return -1;
	/* An empty file is no baseline: tl_yaml_stream accepts it, so ask for the key here. */
	if (!l.version_seen) {
		*error = tl_arena_printf(
			arena, "%s: not a tlslint baseline (write one with --write-baseline)",
			path);
		return -1;
	}
	for (size_t i = 0; i < all->len; i++) {
		struct tl_finding *f = all->items[i];
		struct entry *e =
			tl_strmap_get(&l.by_key, tl_finding_key(arena, f->check, file_of(&base, f),
								tl_finding_line_text(arena, f)));

		if (e != NULL && e->seen < e->count) {
			e->seen++;
			hidden++;
			continue;
		}
		all->items[out++] = f;
	}
	all->len = out;
	for (size_t i = 0; i < l.entries.len; i++) {
		const struct entry *e = l.entries.items[i];

		gone += (size_t)(e->count - e->seen);
	}
	tl_diag_note(diag, "%zu finding%s recorded in the baseline %s not shown", hidden,
		     hidden == 1 ? "" : "s", path);
	if (gone > 0)
		tl_diag_note(diag,
			     "%zu finding%s of the baseline no longer occur%s: run "
			     "--write-baseline again to drop %s",
			     gone, gone == 1 ? "" : "s", gone == 1 ? "s" : "",
			     gone == 1 ? "it" : "them");
	return 0;
}
