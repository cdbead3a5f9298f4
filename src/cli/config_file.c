/*
 * .tlslint.yaml (SPEC §4): finding it, and loading it strictly into a
 * struct tl_options. A config file that is silently half-understood would
 * make a CI gate pass for the wrong reason, so every unknown key, wrong
 * node type or bad value is an error "FILE:LINE:COL: message" at the node.
 *
 * We read libyaml events rather than loading a document: the document
 * loader recurses once per nesting level with no limit, so a file of
 * "[[[[…" could exhaust the stack before we see it. Walking events against
 * the schema stops at the first node of a type the schema does not allow,
 * which bounds nesting at the schema's depth (three levels) for free.
 */
#include "../fsutil.h"
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "../../checks/registry.h"

/* Far beyond any real config; keeps a mistaken --config /dev/zero harmless. */
#define CONFIG_MAX_BYTES (1024 * 1024)

#define MAX_EXPIRY_DAYS 3650

struct loader {
	struct tl_arena *arena;
	const char *path;
	const char *dir; /* PATH's directory; NULL when PATH has no '/' */
	const unsigned char *text;
	size_t len;
	yaml_parser_t parser;
	yaml_event_t event; /* the current event, valid when have_event */
	bool have_event;
	struct tl_options *opts;
	const char **error;
};

/* Keys already seen in one mapping, to reject duplicates. */
struct seen_keys {
	struct tl_ptrvec names; /* const char * */
	struct tl_ptrvec lines; /* 1-based line, cast to a pointer-sized integer */
};

static int fail_at(struct loader *l, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail_at(struct loader *l, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = tl_arena_vprintf(l->arena, fmt, ap);
	va_end(ap);
	*l->error = tl_arena_printf(l->arena, "%s:%zu:%zu: %s", l->path, mark.line + 1,
				    mark.column + 1, msg);
	return -1;
}

/* libyaml reports reader errors (bad UTF-8, control characters) as a byte offset only. */
static yaml_mark_t
mark_of_offset(const struct loader *l, size_t offset)
{
	yaml_mark_t mark = {offset, 0, 0};

	for (size_t i = 0; i < offset && i < l->len; i++) {
		if (l->text[i] == '\n') {
			mark.line++;
			mark.column = 0;
		} else if ((l->text[i] & 0xc0) != 0x80) {
			mark.column++; /* count characters, not UTF-8 continuation bytes */
		}
	}
	return mark;
}

/* Advances to the next event; aliases are refused, the schema has no use for them. */
static int
next(struct loader *l)
{
	if (l->have_event)
		yaml_event_delete(&l->event);
	l->have_event = false;
	if (!yaml_parser_parse(&l->parser, &l->event)) {
		yaml_mark_t mark = l->parser.problem_mark;
		const char *problem = l->parser.problem ? l->parser.problem : "unknown error";

		if (l->parser.error == YAML_READER_ERROR)
			mark = mark_of_offset(l, l->parser.problem_offset);
		return fail_at(l, mark, "syntax error: %s", problem);
	}
	l->have_event = true;
	if (l->event.type == YAML_ALIAS_EVENT)
		return fail_at(l, l->event.start_mark, "YAML aliases are not supported here");
	return 0;
}

static bool
is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->type != YAML_SCALAR_EVENT || !ev->data.scalar.plain_implicit)
		return false;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* "a mapping", "a sequence", "null", "a string": for "expected X, got Y". */
static const char *
node_kind(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_SCALAR_EVENT:
		return is_null(ev) ? "null" : "a string";
	default:
		return "nothing";
	}
}

static const char *
scalar(const struct loader *l)
{
	return (const char *)l->event.data.scalar.value;
}

/* Reads the next node, which must be a non-empty string; returns it in the arena. */
static int
expect_string(struct loader *l, const char *what, const char **out)
{
	if (next(l) < 0)
		return -1;
	if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
		return fail_at(l, l->event.start_mark, "expected a string for '%s', got %s", what,
			       node_kind(&l->event));
	if (*scalar(l) == '\0')
		return fail_at(l, l->event.start_mark, "empty string for '%s'", what);
	*out = tl_arena_strdup(l->arena, scalar(l));
	return 0;
}

/* Relative paths in the file mean: relative to the file's directory. */
static const char *
resolve(struct loader *l, const char *p)
{
	return tl_path_map(l->arena, NULL, l->dir != NULL ? l->dir : ".", p);
}

static int
path_value(struct loader *l, const char *key, const char **out)
{
	const char *s;

	if (expect_string(l, key, &s) < 0)
		return -1;
	*out = resolve(l, s);
	return 0;
}

/*
 * Reads the key of the next pair of a mapping. Returns 1 with *key set,
 * 0 at the end of the mapping, -1 on error.
 */
static int
next_key(struct loader *l, struct seen_keys *seen, const char *where, const char **key,
	 yaml_mark_t *mark)
{
	if (next(l) < 0)
		return -1;
	if (l->event.type == YAML_MAPPING_END_EVENT)
		return 0;
	if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
		return fail_at(l, l->event.start_mark, "expected a key in %s, got %s", where,
			       node_kind(&l->event));
	*key = tl_arena_strdup(l->arena, scalar(l));
	*mark = l->event.start_mark;
	for (size_t i = 0; i < seen->names.len; i++)
		if (strcmp(seen->names.items[i], *key) == 0)
			return fail_at(l, *mark, "duplicate key '%s' (first on line %zu)", *key,
				       (size_t)(uintptr_t)seen->lines.items[i]);
	tl_ptrvec_push(l->arena, &seen->names, (void *)*key);
	tl_ptrvec_push(l->arena, &seen->lines, (void *)(uintptr_t)(mark->line + 1));
	return 1;
}

static int
expect_mapping(struct loader *l, const char *what)
{
	if (next(l) < 0)
		return -1;
	if (l->event.type != YAML_MAPPING_START_EVENT)
		return fail_at(l, l->event.start_mark, "expected a mapping for '%s', got %s", what,
			       node_kind(&l->event));
	return 0;
}

static int
load_profile(struct loader *l)
{
	yaml_mark_t mark;
	const char *s;

	if (expect_string(l, "profile", &s) < 0)
		return -1;
	mark = l->event.start_mark;
	if (strcmp(s, "modern") != 0 && strcmp(s, "intermediate") != 0 && strcmp(s, "old") != 0)
		return fail_at(l, mark,
			       "unknown profile '%s' (expected modern, intermediate or old)", s);
	l->opts->profile = s;
	l->opts->set_mask |= TL_SET_PROFILE;
	return 0;
}

static int
load_fail_on(struct loader *l)
{
	const char *s;

	if (expect_string(l, "fail-on", &s) < 0)
		return -1;
	if (tl_severity_parse(s, true, &l->opts->fail_on) < 0)
		return fail_at(
			l, l->event.start_mark,
			"unknown fail-on level '%s' (expected error, warning, info or never)", s);
	l->opts->set_mask |= TL_SET_FAIL_ON;
	return 0;
}

static int
load_expiry(struct loader *l)
{
	const char *s, *got = NULL;
	char *end;
	long days;

	if (next(l) < 0)
		return -1;
	s = l->event.type == YAML_SCALAR_EVENT ? scalar(l) : "";
	if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
		got = node_kind(&l->event);
	else if (!l->event.data.scalar.plain_implicit)
		got = "a quoted string"; /* "30" is a string in YAML; insist on a number */
	else if (!(s[0] >= '0' && s[0] <= '9'))
		got = tl_arena_printf(l->arena, "'%s'", s);
	if (got != NULL)
		return fail_at(l, l->event.start_mark,
			       "expected a number of days for 'expiry-warning-days', got %s", got);
	errno = 0;
	days = strtol(s, &end, 10);
	if (*end != '\0')
		return fail_at(l, l->event.start_mark,
			       "expected a number of days for 'expiry-warning-days', got '%s'", s);
	if (errno == ERANGE || days > MAX_EXPIRY_DAYS)
		return fail_at(l, l->event.start_mark,
			       "expiry-warning-days %s out of range (expected 0 to %d)", s,
			       MAX_EXPIRY_DAYS);
	l->opts->expiry_warning_days = (int)days;
	l->opts->set_mask |= TL_SET_EXPIRY;
	return 0;
}

/* entry: one string, or a sequence of strings. */
static int
load_entry(struct loader *l)
{
	if (next(l) < 0)
		return -1;
	if (l->event.type == YAML_SCALAR_EVENT && !is_null(&l->event)) {
		if (*scalar(l) == '\0')
			return fail_at(l, l->event.start_mark, "empty string for 'entry'");
		tl_ptrvec_push(l->arena, &l->opts->entries,
			       (void *)resolve(l, tl_arena_strdup(l->arena, scalar(l))));
		return 0;
	}
	if (l->event.type != YAML_SEQUENCE_START_EVENT)
		return fail_at(l, l->event.start_mark,
			       "expected a string or a sequence of strings for 'entry', got %s",
			       node_kind(&l->event));
	for (;;) {
		if (next(l) < 0)
			return -1;
		if (l->event.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
			return fail_at(l, l->event.start_mark,
				       "expected a string in 'entry', got %s",
				       node_kind(&l->event));
		if (*scalar(l) == '\0')
			return fail_at(l, l->event.start_mark, "empty string in 'entry'");
		tl_ptrvec_push(l->arena, &l->opts->entries,
			       (void *)resolve(l, tl_arena_strdup(l->arena, scalar(l))));
	}
}

/* targets: {nginx: "1.22", haproxy: 2.6} — an unquoted 2.6 arrives as the text "2.6". */
static int
load_targets(struct loader *l)
{
	struct seen_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (expect_mapping(l, "targets") < 0)
		return -1;
	while ((rc = next_key(l, &seen, "'targets'", &key, &mark)) > 0) {
		enum tl_server_kind kind;
		struct tl_version v;

		if (tl_server_parse(key, &kind) < 0)
			return fail_at(l, mark,
				       "unknown server '%s' in 'targets' (expected nginx, apache "
				       "or haproxy)",
				       key);
		if (next(l) < 0)
			return -1;
		if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
			return fail_at(l, l->event.start_mark,
				       "expected a version for '%s', got %s", key,
				       node_kind(&l->event));
		if (tl_version_parse(scalar(l), &v) < 0)
			return fail_at(l, l->event.start_mark,
				       "invalid version '%s' for '%s' (expected digits like 1.22 "
				       "or 2.4.57)",
				       scalar(l), key);
		l->opts->target_set[kind] = true;
		l->opts->target[kind] = v;
	}
	return rc;
}

/* checks: enable/disable: a sequence of registry ids. */
static int
load_ids(struct loader *l, const char *key, struct tl_ptrvec *add, const struct tl_ptrvec *other)
{
	if (next(l) < 0)
		return -1;
	if (l->event.type != YAML_SEQUENCE_START_EVENT)
		return fail_at(l, l->event.start_mark,
			       "expected a sequence of check ids for '%s', got %s", key,
			       node_kind(&l->event));
	for (;;) {
		const char *id;
		bool dup = false;

		if (next(l) < 0)
			return -1;
		if (l->event.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
			return fail_at(l, l->event.start_mark,
				       "expected a check id in '%s', got %s", key,
				       node_kind(&l->event));
		id = scalar(l);
		if (tl_check_find(id) == NULL)
			return fail_at(l, l->event.start_mark, "unknown check '%s' in '%s'", id,
				       key);
		/* The file has no order between the two lists, so an id in both is a contradiction.
		 */
		for (size_t i = 0; i < other->len; i++)
			if (strcmp(other->items[i], id) == 0)
				return fail_at(l, l->event.start_mark,
					       "check '%s' is both enabled and disabled", id);
		for (size_t i = 0; i < add->len; i++)
			dup = dup || strcmp(add->items[i], id) == 0;
		if (!dup)
			tl_ptrvec_push(l->arena, add, tl_arena_strdup(l->arena, id));
	}
}

/* checks: severity: {id: error|warning|info} */
static int
load_severity(struct loader *l)
{
	struct seen_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (expect_mapping(l, "severity") < 0)
		return -1;
	while ((rc = next_key(l, &seen, "'severity'", &key, &mark)) > 0) {
		struct tl_severity_override *o;
		enum tl_severity sev;

		if (tl_check_find(key) == NULL)
			return fail_at(l, mark, "unknown check '%s' in 'severity'", key);
		if (next(l) < 0)
			return -1;
		if (l->event.type != YAML_SCALAR_EVENT || is_null(&l->event))
			return fail_at(l, l->event.start_mark,
				       "expected a severity for '%s', got %s", key,
				       node_kind(&l->event));
		if (tl_severity_parse(scalar(l), false, &sev) < 0)
			return fail_at(l, l->event.start_mark,
				       "unknown severity '%s' for '%s' (expected error, warning "
				       "or info)",
				       scalar(l), key);
		o = tl_arena_alloc(l->arena, sizeof(*o));
		o->check = key;
		o->severity = sev;
		tl_ptrvec_push(l->arena, &l->opts->severity_overrides, o);
	}
	return rc;
}

static int
load_checks(struct loader *l)
{
	struct seen_keys seen = {0};
	struct tl_options *opts = l->opts;
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (expect_mapping(l, "checks") < 0)
		return -1;
	while ((rc = next_key(l, &seen, "'checks'", &key, &mark)) > 0) {
		if (strcmp(key, "enable") == 0)
			rc = load_ids(l, key, &opts->enable, &opts->disable);
		else if (strcmp(key, "disable") == 0)
			rc = load_ids(l, key, &opts->disable, &opts->enable);
		else if (strcmp(key, "severity") == 0)
			rc = load_severity(l);
		else
			rc = fail_at(l, mark,
				     "unknown key '%s' in 'checks' (expected enable, disable or "
				     "severity)",
				     key);
		if (rc < 0)
			return -1;
	}
	return rc;
}

static int
load_top(struct loader *l)
{
	struct seen_keys seen = {0};
	struct tl_options *opts = l->opts;
	const char *key;
	yaml_mark_t mark;
	int rc;

	while ((rc = next_key(l, &seen, "the config file", &key, &mark)) > 0) {
		if (strcmp(key, "profile") == 0) {
			rc = load_profile(l);
		} else if (strcmp(key, "policy") == 0) {
			rc = path_value(l, key, &opts->policy_file);
			opts->set_mask |= TL_SET_POLICY;
		} else if (strcmp(key, "root") == 0) {
			rc = path_value(l, key, &opts->root);
			opts->set_mask |= TL_SET_ROOT;
		} else if (strcmp(key, "entry") == 0) {
			rc = load_entry(l);
		} else if (strcmp(key, "targets") == 0) {
			rc = load_targets(l);
		} else if (strcmp(key, "ca-file") == 0) {
			rc = path_value(l, key, &opts->ca_file);
			opts->set_mask |= TL_SET_CA_FILE;
		} else if (strcmp(key, "ca-path") == 0) {
			rc = path_value(l, key, &opts->ca_path);
			opts->set_mask |= TL_SET_CA_PATH;
		} else if (strcmp(key, "fail-on") == 0) {
			rc = load_fail_on(l);
		} else if (strcmp(key, "expiry-warning-days") == 0) {
			rc = load_expiry(l);
		} else if (strcmp(key, "checks") == 0) {
			rc = load_checks(l);
		} else {
			rc = fail_at(l, mark,
				     "unknown key '%s' (expected profile, policy, root, entry, "
				     "targets, ca-file, ca-path, fail-on, expiry-warning-days or "
				     "checks)",
				     key);
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

/* The stream: nothing at all (empty or comments only), or one document holding a mapping. */
static int
load_stream(struct loader *l)
{
	if (next(l) < 0 || next(l) < 0) /* STREAM-START, then a document or the end */
		return -1;
	if (l->event.type == YAML_STREAM_END_EVENT)
		return 0;
	if (next(l) < 0)
		return -1;
	if (l->event.type == YAML_MAPPING_START_EVENT) {
		if (load_top(l) < 0)
			return -1;
	} else if (!is_null(&l->event)) {
		return fail_at(l, l->event.start_mark,
			       "expected a mapping of settings at the top level, got %s",
			       node_kind(&l->event));
	}
	if (next(l) < 0 || next(l) < 0) /* DOCUMENT-END, then the end of the stream */
		return -1;
	if (l->event.type != YAML_STREAM_END_EVENT)
		return fail_at(l, l->event.start_mark, "more than one YAML document");
	return 0;
}

static int
read_config(struct loader *l)
{
	char *text;
	int rc = tl_read_file(l->arena, l->path, CONFIG_MAX_BYTES, &text, &l->len);

	if (rc == -EFBIG) {
		*l->error = tl_arena_printf(l->arena, "%s: file too large (limit %d bytes)",
					    l->path, CONFIG_MAX_BYTES);
		return -1;
	}
	if (rc < 0) {
		*l->error =
			tl_arena_printf(l->arena, "%s: cannot read: %s", l->path, strerror(-rc));
		return -1;
	}
	l->text = (unsigned char *)text;
	return 0;
}

int
tl_config_load(struct tl_arena *arena, const char *path, struct tl_options *opts,
	       const char **error)
{
	struct loader l = {0};
	const char *slash = strrchr(path, '/');
	int rc;

	tl_options_init(opts);
	*error = NULL;
	l.arena = arena;
	l.path = path;
	l.opts = opts;
	l.error = error;
	if (slash == path)
		l.dir = "/";
	else if (slash != NULL)
		l.dir = tl_arena_strndup(arena, path, (size_t)(slash - path));
	if (read_config(&l) < 0)
		return -1;
	if (!yaml_parser_initialize(&l.parser)) {
		*error = tl_arena_printf(arena, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_string(&l.parser, l.text, l.len);
	rc = load_stream(&l);
	if (l.have_event)
		yaml_event_delete(&l.event);
	yaml_parser_delete(&l.parser);
	if (rc < 0)
		tl_options_init(opts); /* nothing half-loaded leaks out */
	return rc;
}

const char *
tl_config_find(struct tl_arena *arena, const char *start_dir)
{
	char *dir = realpath(start_dir, NULL);
	const char *found = NULL;

	if (dir == NULL)
		return NULL;
	for (;;) {
		char *candidate;
		struct stat st;
		char *slash;

		candidate = tl_arena_printf(arena, "%s%s.tlslint.yaml", dir,
					    strcmp(dir, "/") == 0 ? "" : "/");
		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
			found = candidate;
			break;
		}
		if (strcmp(dir, "/") == 0)
			break;
		slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	return found;
}
