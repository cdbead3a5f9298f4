/*
 * .tlslint.yaml (SPEC §4): finding it, and loading it strictly into a
 * struct tl_options. A config file that is silently half-understood would
 * make a CI gate pass for the wrong reason, so every unknown key, wrong
 * node type or bad value is an error "FILE:LINE:COL: message" at the node
 * (the strict reading is src/yaml_reader.c, shared with policy files).
 */
#include "../yaml_reader.h"
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "../catalogue.h"
#include "../policy.h"
#include "../sim/profile.h"

/* Far beyond any real config; keeps a mistaken --config /dev/zero harmless. */
#define CONFIG_MAX_BYTES (1024 * 1024)

#define MAX_EXPIRY_DAYS 3650

struct loader {
	struct tl_yaml y;
	struct tl_options *opts;
};

static int
path_value(struct loader *l, const char *key, const char **out)
{
	const char *s;

	if (tl_yaml_expect_string(&l->y, key, &s) < 0)
		return -1;
	*out = tl_yaml_resolve(&l->y, s);
	return 0;
}

static int
load_profile(struct loader *l)
{
	yaml_mark_t mark;
	const char *s;
	const char *why;

	if (tl_yaml_expect_string(&l->y, "profile", &s) < 0)
		return -1;
	mark = l->y.event.start_mark;
	if (tl_policy_resolve(l->y.arena, s, &why) == NULL)
		return tl_yaml_fail(&l->y, mark, "%s", why);
	l->opts->profile = s;
	l->opts->set_mask |= TL_SET_PROFILE;
	return 0;
}

static int
load_fail_on(struct loader *l)
{
	const char *s;

	if (tl_yaml_expect_string(&l->y, "fail-on", &s) < 0)
		return -1;
	if (tl_severity_parse(s, true, &l->opts->fail_on) < 0)
		return tl_yaml_fail(
			&l->y, l->y.event.start_mark,
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

	if (tl_yaml_next(&l->y) < 0)
		return -1;
	s = l->y.event.type == YAML_SCALAR_EVENT ? tl_yaml_scalar(&l->y) : "";
	if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event))
		got = tl_yaml_node_kind(&l->y.event);
	else if (!l->y.event.data.scalar.plain_implicit)
		got = "a quoted string"; /* "30" is a string in YAML; insist on a number */
	else if (!(s[0] >= '0' && s[0] <= '9'))
		got = tl_arena_printf(l->y.arena, "'%s'", s);
	if (got != NULL)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a number of days for 'expiry-warning-days', got %s",
				    got);
	errno = 0;
	days = strtol(s, &end, 10);
	if (*end != '\0')
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a number of days for 'expiry-warning-days', got '%s'",
				    s);
	if (errno == ERANGE || days > MAX_EXPIRY_DAYS)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expiry-warning-days %s out of range (expected 0 to %d)", s,
				    MAX_EXPIRY_DAYS);
	l->opts->expiry_warning_days = (int)days;
	l->opts->set_mask |= TL_SET_EXPIRY;
	return 0;
}

/*
 * One string, or a sequence of strings, for KEY into VEC; each is resolved
 * against the config file's directory when PATHS, and must be a client
 * profile id when CLIENTS (an unknown one is an error at its line).
 */
static int
take_list_item(struct loader *l, const char *key, struct tl_ptrvec *vec, bool paths, bool clients,
	       bool alone)
{
	const char *s = tl_yaml_scalar(&l->y);

	if (*s == '\0')
		return tl_yaml_fail(&l->y, l->y.event.start_mark, "empty string %s '%s'",
				    alone ? "for" : "in", key);
	if (clients && tl_client_profile_find(s) == NULL)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "unknown client '%s' in '%s' (see 'tlslint simulate "
				    "--list-clients')",
				    s, key);
	s = tl_arena_strdup(l->y.arena, s);
	tl_ptrvec_push(l->y.arena, vec, (void *)(paths ? tl_yaml_resolve(&l->y, s) : s));
	return 0;
}

static int
load_list(struct loader *l, const char *key, struct tl_ptrvec *vec, bool paths, bool clients)
{
	if (tl_yaml_next(&l->y) < 0)
		return -1;
	if (l->y.event.type == YAML_SCALAR_EVENT && !tl_yaml_is_null(&l->y.event))
		return take_list_item(l, key, vec, paths, clients, true);
	if (l->y.event.type != YAML_SEQUENCE_START_EVENT)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a string or a sequence of strings for '%s', got %s",
				    key, tl_yaml_node_kind(&l->y.event));
	for (;;) {
		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event))
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a string in '%s', got %s", key,
					    tl_yaml_node_kind(&l->y.event));
		if (take_list_item(l, key, vec, paths, clients, false) < 0)
			return -1;
	}
}

/* targets: {nginx: "1.22", haproxy: 2.6} — an unquoted 2.6 arrives as the text "2.6". */
static int
load_targets(struct loader *l)
{
	struct tl_yaml_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (tl_yaml_expect_mapping(&l->y, "targets") < 0)
		return -1;
	while ((rc = tl_yaml_next_key(&l->y, &seen, "'targets'", &key, &mark)) > 0) {
		enum tl_server_kind kind;
		struct tl_version v;

		if (tl_server_parse(key, &kind) < 0)
			return tl_yaml_fail(
				&l->y, mark,
				"unknown server '%s' in 'targets' (expected nginx, apache "
				"or haproxy)",
				key);
		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event))
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a version for '%s', got %s", key,
					    tl_yaml_node_kind(&l->y.event));
		if (tl_version_parse(tl_yaml_scalar(&l->y), &v) < 0)
			return tl_yaml_fail(
				&l->y, l->y.event.start_mark,
				"invalid version '%s' for '%s' (expected digits like 1.22 "
				"or 2.4.57)",
				tl_yaml_scalar(&l->y), key);
		l->opts->target_set[kind] = true;
		l->opts->target[kind] = v;
	}
	return rc;
}

/* checks: enable/disable: a sequence of registry ids. */
static int
load_ids(struct loader *l, const char *key, struct tl_ptrvec *add, const struct tl_ptrvec *other)
{
	if (tl_yaml_next(&l->y) < 0)
		return -1;
	if (l->y.event.type != YAML_SEQUENCE_START_EVENT)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a sequence of check ids for '%s', got %s", key,
				    tl_yaml_node_kind(&l->y.event));
	for (;;) {
		const char *id;
		bool dup = false;

		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event))
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a check id in '%s', got %s", key,
					    tl_yaml_node_kind(&l->y.event));
		id = tl_yaml_scalar(&l->y);
		if (tl_check_by_name(id) == NULL)
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "unknown check '%s' in '%s'", id, key);
		/* The file has no order between the two lists, so an id in both is a contradiction.
		 */
		for (size_t i = 0; i < other->len; i++)
			if (strcmp(other->items[i], id) == 0)
				return tl_yaml_fail(&l->y, l->y.event.start_mark,
						    "check '%s' is both enabled and disabled", id);
		for (size_t i = 0; i < add->len; i++)
			dup = dup || strcmp(add->items[i], id) == 0;
		if (!dup)
			tl_ptrvec_push(l->y.arena, add, tl_arena_strdup(l->y.arena, id));
	}
}

/* checks: severity: {id: error|warning|info} */
static int
load_severity(struct loader *l)
{
	struct tl_yaml_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (tl_yaml_expect_mapping(&l->y, "severity") < 0)
		return -1;
	while ((rc = tl_yaml_next_key(&l->y, &seen, "'severity'", &key, &mark)) > 0) {
		struct tl_severity_override *o;
		enum tl_severity sev;

		if (tl_check_by_name(key) == NULL)
			return tl_yaml_fail(&l->y, mark, "unknown check '%s' in 'severity'", key);
		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event))
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a severity for '%s', got %s", key,
					    tl_yaml_node_kind(&l->y.event));
		if (tl_severity_parse(tl_yaml_scalar(&l->y), false, &sev) < 0)
			return tl_yaml_fail(
				&l->y, l->y.event.start_mark,
				"unknown severity '%s' for '%s' (expected error, warning "
				"or info)",
				tl_yaml_scalar(&l->y), key);
		o = tl_arena_alloc(l->y.arena, sizeof(*o));
		o->check = key;
		o->severity = sev;
		tl_ptrvec_push(l->y.arena, &l->opts->severity_overrides, o);
	}
	return rc;
}

static int
load_checks(struct loader *l)
{
	struct tl_yaml_keys seen = {0};
	struct tl_options *opts = l->opts;
	const char *key;
	yaml_mark_t mark;
	int rc;

	if (tl_yaml_expect_mapping(&l->y, "checks") < 0)
		return -1;
	while ((rc = tl_yaml_next_key(&l->y, &seen, "'checks'", &key, &mark)) > 0) {
		if (strcmp(key, "enable") == 0)
			rc = load_ids(l, key, &opts->enable, &opts->disable);
		else if (strcmp(key, "disable") == 0)
			rc = load_ids(l, key, &opts->disable, &opts->enable);
		else if (strcmp(key, "severity") == 0)
			rc = load_severity(l);
		else
			rc = tl_yaml_fail(
				&l->y, mark,
				"unknown key '%s' in 'checks' (expected enable, disable or "
				"severity)",
				key);
		if (rc < 0)
			return -1;
	}
	return rc;
}

static int
load_top(void *ctx)
{
	struct loader *l = ctx;

	struct tl_yaml_keys seen = {0};
	struct tl_options *opts = l->opts;
	const char *key;
	yaml_mark_t mark;
	int rc;

	while ((rc = tl_yaml_next_key(&l->y, &seen, "the config file", &key, &mark)) > 0) {
		if (strcmp(key, "profile") == 0) {
			rc = load_profile(l);
		} else if (strcmp(key, "policy") == 0) {
			rc = path_value(l, key, &opts->policy_file);
			opts->set_mask |= TL_SET_POLICY;
		} else if (strcmp(key, "root") == 0) {
			rc = path_value(l, key, &opts->root);
			opts->set_mask |= TL_SET_ROOT;
		} else if (strcmp(key, "entry") == 0) {
			rc = load_list(l, key, &opts->entries, true, false);
		} else if (strcmp(key, "require-clients") == 0) {
			rc = load_list(l, key, &opts->require_clients, false, true);
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
			rc = tl_yaml_fail(
				&l->y, mark,
				"unknown key '%s' (expected profile, policy, root, entry, "
				"targets, ca-file, ca-path, fail-on, expiry-warning-days, "
				"require-clients or checks)",
				key);
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int
tl_config_load(struct tl_arena *arena, const char *path, struct tl_options *opts,
	       const char **error)
{
	struct loader l;
	int rc;

	tl_options_init(opts);
	l.opts = opts;
	rc = tl_yaml_open(&l.y, arena, path, CONFIG_MAX_BYTES, error);
	if (rc == 0)
		rc = tl_yaml_stream(&l.y, load_top, &l);
	tl_yaml_close(&l.y);
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
