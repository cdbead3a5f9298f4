/*
 * Run orchestration: pick the entry configs, parse and lower each with
 * its server's parser, run the enabled checks over the model, then apply
 * the user's check selection and severities to the findings.
 */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../checks/registry.h"
#include "../parsers/nginx.h"
#include "../parsers/nginx_facts.h"
#include "../parsers/nginx_lower.h"
#include "fsutil.h"
#include "policy_file.h"
#include "truststore.h"

/* Standard input is read like a config file, with the same cap. */
#define MAX_STDIN (64u * 1024 * 1024)

/* Where an ops engineer's configs usually are, in the order SPEC §2 gives. */
static const char *const usual_locations[] = {
	"/etc/nginx/nginx.conf",
	"/etc/apache2/apache2.conf",
	"/etc/httpd/conf/httpd.conf",
	"/etc/haproxy/haproxy.cfg",
};

int
tl_run_init(struct tl_run *run, struct tl_arena *arena, const struct tl_options *opts,
	    const char **error)
{
	int rc;

	memset(run, 0, sizeof(*run));
	run->arena = arena;
	run->opts = opts;
	rc = tl_fs_init(&run->fs, arena, opts->root);
	if (rc != 0) {
		*error = tl_arena_printf(arena, "--root '%s': %s", opts->root,
					 rc == -ENOTDIR ? "not a directory" : strerror(-rc));
		return -1;
	}
	tl_sources_init(&run->sources, arena);
	tl_diag_init(&run->diag, arena);
	tl_model_init(&run->model, arena);
	run->certs = tl_certstore_new(arena, &run->fs);
	tl_suppressions_init(&run->suppressions, arena);
	run->now = opts->now_set ? opts->now : time(NULL);
	run->target[TL_SERVER_NGINX] = tl_nginx_stable;
	for (int s = 0; s < TL_SERVER_COUNT; s++)
		if (opts->target_set[s])
			run->target[s] = opts->target[s];
	run->policy = tl_policy_builtin(opts->profile);
	if (run->policy == NULL) {
		*error = tl_arena_printf(arena, "unknown profile '%s'", opts->profile);
		return -1;
	}
	if (opts->policy_file != NULL) {
		run->policy = tl_policy_load(arena, opts->policy_file, run->policy, error);
		if (run->policy == NULL)
			return -1;
	}
	run->trust = tl_trust_store_new(arena, opts->ca_file, opts->ca_path, error);
	return run->trust != NULL ? 0 : -1;
}

/*
 * The server a config is written for: --server, else its file name
 * (apache2.conf, httpd.conf, *.cfg / haproxy*), else nginx.
 */
static enum tl_server_kind
detect_server(const struct tl_options *opts, const char *path)
{
	const char *base = strrchr(path, '/');

	if (opts->server != TL_SERVER_AUTO)
		return opts->server;
	base = base ? base + 1 : path;
	if (strstr(base, "haproxy") != NULL || strstr(base, ".cfg") != NULL)
		return TL_SERVER_HAPROXY;
	if (strcmp(base, "apache2.conf") == 0 || strcmp(base, "httpd.conf") == 0)
		return TL_SERVER_APACHE;
	return TL_SERVER_NGINX;
}

static int
read_stdin(struct tl_arena *arena, char **text, size_t *len)
{
	size_t cap = 65536;
	size_t n = 0;
	char *buf = tl_arena_alloc(arena, cap + 1);

	for (;;) {
		size_t got;

		if (n == cap) {
			char *bigger;

			if (cap >= MAX_STDIN)
				return -EFBIG;
			bigger = tl_arena_alloc(arena, cap * 2 + 1);
			memcpy(bigger, buf, n);
			buf = bigger;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n, stdin);
		n += got;
		if (got == 0) {
			if (ferror(stdin))
				return -EIO;
			break;
		}
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

static int
lint_nginx(struct tl_run *run, const char *path)
{
	struct tl_parse_env penv = {run->arena, &run->sources, &run->diag, &run->fs,
				    tl_default_parse_limits};
	struct tl_lower_env lenv = {run->arena, &run->diag, run->target[TL_SERVER_NGINX]};
	struct tl_tree tree;
	int rc;

	memset(&tree, 0, sizeof(tree));
	if (strcmp(path, "-") == 0) {
		char *text;
		size_t len;

		rc = read_stdin(run->arena, &text, &len);
		if (rc == 0)
			rc = tl_nginx_parse_text(&penv, "<stdin>", text, len, &tree);
	} else {
		rc = tl_nginx_parse_file(&penv, path, &tree);
	}
	if (rc != 0)
		return rc;
	tl_suppressions_collect(&run->suppressions, &tree);
	tl_nginx_lower(&lenv, &tree, &run->model);
	return 0;
}

static int
lint_entry(struct tl_run *run, const char *path)
{
	enum tl_server_kind kind = detect_server(run->opts, path);

	switch (kind) {
	case TL_SERVER_NGINX:
	case TL_SERVER_AUTO:
	case TL_SERVER_COUNT:
		return lint_nginx(run, path);
	case TL_SERVER_APACHE:
	case TL_SERVER_HAPROXY:
		/* Their parsers are not written yet; saying so beats a wrong parse. */
		return -EPROTONOSUPPORT;
	}
	return -EINVAL;
}

/*
 * Checks run unless disabled. The merged options never list an id as both
 * enabled and disabled (tl_options_merge resolves that), and every check
 * is on by default, so the disable list alone decides.
 */
static bool
check_enabled(const struct tl_options *opts, const char *id)
{
	return !tl_strvec_contains(&opts->disable, id);
}

/* Every enabled check of the registry over the model, through the narrow check context. */
static void
run_checks(struct tl_run *run)
{
	struct tl_check_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = run->arena;
	ctx.model = &run->model;
	ctx.certs = run->certs;
	ctx.trust = run->trust;
	ctx.policy = run->policy;
	ctx.now = run->now;
	ctx.expiry_warning_days = run->opts->expiry_warning_days;
	ctx.fs = &run->fs;
	ctx.diag = &run->diag;
	tl_strmap_init(&ctx.memo, run->arena);
	for (int id = 0; id < TL_CHECK_COUNT; id++) {
		tl_check_fn *fn = tl_check_runner((enum tl_check_id)id);

		if (fn != NULL &&
		    check_enabled(run->opts, tl_check_info((enum tl_check_id)id)->name))
			fn(&ctx);
	}
}

int
tl_run_lint(struct tl_run *run, const char **failed_path)
{
	const struct tl_ptrvec *paths = &run->opts->paths;
	size_t linted = 0;

	if (paths->len == 0 && run->opts->entries.len > 0)
		paths = &run->opts->entries;
	if (paths->len > 0) {
		for (size_t i = 0; i < paths->len; i++) {
			int rc = lint_entry(run, paths->items[i]);

			if (rc != 0) {
				*failed_path = paths->items[i];
				return rc;
			}
		}
	} else {
		for (size_t i = 0; i < sizeof(usual_locations) / sizeof(usual_locations[0]); i++) {
			const char *p = usual_locations[i];
			int rc;

			if (access(p, F_OK) != 0)
				continue;
			rc = lint_entry(run, p);
			if (rc == -EPROTONOSUPPORT)
				continue;
			if (rc != 0) {
				*failed_path = p;
				return rc;
			}
			linted++;
		}
		if (linted == 0) {
			*failed_path = NULL;
			return -ENOENT;
		}
	}
	run_checks(run);
	return 0;
}

void
tl_run_finish(struct tl_run *run)
{
	struct tl_ptrvec *all = &run->diag.findings;
	size_t out = 0;

	for (size_t i = 0; i < all->len; i++) {
		struct tl_finding *f = all->items[i];

		if (!check_enabled(run->opts, f->check) || tl_suppressed(&run->suppressions, f))
			continue;
		for (size_t k = 0; k < run->opts->severity_overrides.len; k++) {
			const struct tl_severity_override *o =
				run->opts->severity_overrides.items[k];

			if (strcmp(o->check, f->check) == 0)
				f->severity = o->severity;
		}
		all->items[out++] = f;
	}
	all->len = out;
	tl_diag_finish(&run->diag);
}
