/*
 * Run orchestration: pick the entry configs, parse and lower each with
 * its server's parser, run the enabled checks over the model, then apply
 * the user's check selection and severities to the findings.
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../checks/registry.h"
#include "../parsers/servers.h"
#include "effective.h"
#include "fix.h"
#include "fsutil.h"
#include "phase_time.h"
#include "policy_file.h"
#include "sim/simulate.h"
#include "sni_names.h"
#include "topology.h"
#include "truststore.h"

/* Standard input is read like a config file, with the same cap. */
#define MAX_STDIN (64u * 1024 * 1024)

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
					 rc == -ENOTDIR ? "not a directory" : tl_file_error(-rc));
		return -1;
	}
	tl_sources_init(&run->sources, arena);
	tl_diag_init(&run->diag, arena);
	tl_model_init(&run->model, arena);
	run->certs = tl_certstore_new(arena, &run->fs);
	tl_suppressions_init(&run->suppressions, arena, &run->diag);
	tl_strmap_init(&run->read_files, arena);
	run->now = opts->now_set ? opts->now : time(NULL);
	for (int s = 0; s < TL_SERVER_COUNT; s++) {
		const struct tl_server *server = tl_server_of((enum tl_server_kind)s);

		if (opts->target_set[s])
			run->target[s] = opts->target[s];
		else if (server != NULL)
			run->target[s] = server->stable;
	}
	run->policy = tl_policy_resolve(arena, opts->profile, error);
	if (run->policy == NULL)
		return -1;
	if (opts->policy_file != NULL) {
		run->policy = tl_policy_load(arena, opts->policy_file, run->policy, error);
		if (run->policy == NULL)
			return -1;
	}
	run->trust = tl_trust_store_new(arena, opts->ca_file, opts->ca_path, error);
	return run->trust != NULL ? 0 : -1;
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

/*
 * The first bytes of an entry file, for detecting its server; what cannot
 * be read says nothing. Opened where tl_fs_entry_resolve places it: under
 * --root a link there is followed inside the root, never out of it.
 */
static size_t
read_head(struct tl_run *run, const char *path, char *buf, size_t cap)
{
	const char *host;
	struct stat st;
	ssize_t n = 0;
	int fd;

	if (tl_fs_entry_resolve(&run->fs, path, &host) != 0)
		return 0;
	/* A resolution inside the root holds no link (HOST is PATH itself otherwise). */
	fd = open(host,
		  O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (host != path ? O_NOFOLLOW : 0));
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = read(fd, buf, cap);
	close(fd);
	return n > 0 ? (size_t)n : 0;
}

/* Lints one entry (a PATH argument, a config entry or a usual location) with its server. */
static int
lint_entry(struct tl_run *run, const char *path)
{
	static char head[64 * 1024];
	const struct tl_server *server;
	struct tl_server_env env;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (strcmp(path, "-") == 0) {
		rc = read_stdin(run->arena, &text, &len);
		if (rc != 0)
			return rc;
	} else {
		len = read_head(run, path, head, sizeof(head));
	}
	server = run->opts->server != TL_SERVER_AUTO
			 ? tl_server_of(run->opts->server)
			 : tl_server_detect(path, text ? text : head, len);
	env.arena = run->arena;
	env.sources = &run->sources;
	env.diag = &run->diag;
	env.fs = &run->fs;
	env.suppressions = &run->suppressions;
	env.model = &run->model;
	env.version = run->target[server->kind];
	env.opts = run->opts;
	tl_phase_enter(TL_PHASE_PARSE);
	rc = server->lint(&env, path, text, len);
	if (rc == -EPROTONOSUPPORT)
		run->unsupported = server->name;
	return rc;
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
	ctx.diag = &run->diag;
	ctx.require_clients = &run->opts->require_clients;
	run->an.arena = run->arena;
	run->an.certs = run->certs;
	run->an.trust = run->trust;
	run->an.now = run->now;
	run->an.fs = &run->fs;
	ctx.an = run->an;
	tl_strmap_init(&ctx.memo, run->arena);
	/* Names only the certificates tell (HAProxy) are part of the model checks see. */
	tl_sni_names_resolve(&run->model, &ctx.an);
	/* 'tlslint simulate' prints no findings: the checks would be work for nothing. */
	for (int id = 0; run->opts->mode != TL_MODE_SIMULATE && id < TL_CHECK_COUNT; id++) {
		tl_check_fn *fn = tl_check_runner((enum tl_check_id)id);

		const char *name = tl_check_info((enum tl_check_id)id)->name;

		if (fn == NULL || !check_enabled(run->opts, name))
			continue;
		if (tl_phase_enabled()) {
			double t0 = tl_phase_now_ms();

			fn(&ctx);
			tl_phase_check(name, tl_phase_now_ms() - t0);
		} else {
			fn(&ctx);
		}
	}
	/* The analyses made on first use are the simulation's too. */
	run->an = ctx.an;
	/* What the defects found break, client by client, from the simulation of their sites. */
	tl_sim_clients_broken(&run->an, &run->model, &run->diag);
}

/* True when some site serves TLS. */
static bool
any_tls(const struct tl_model *model)
{
	for (size_t i = 0; i < model->sites.len; i++)
		if (tl_site_is_tls(model->sites.items[i]))
			return true;
	return false;
}

/*
 * A CI gate must not be green because tlslint looked at nothing: a run
 * with no TLS listener says so, whatever it found. (Findings about plain
 * HTTP on 443 still come from the checks.)
 */
static void
note_no_tls(struct tl_run *run)
{
	size_t n = run->model.nfiles;

	if (any_tls(&run->model))
		return;
	if (run->model.sites.len == 0)
		tl_diag_note(&run->diag, "no site found in %zu file%s: nothing was checked", n,
			     n == 1 ? "" : "s");
	else
		tl_diag_note(&run->diag,
			     "no TLS site found in %zu file%s: no site serves TLS, so no "
			     "certificate, protocol or cipher a client would get was checked",
			     n, n == 1 ? "" : "s");
	if (run->model.unmatched_include != NULL) {
		const struct tl_loc *at = &run->model.unmatched_include_loc;
		unsigned line = 0, col = 0;

		if (at->src != NULL)
			tl_loc_linecol(at, &line, &col);
		tl_diag_note(&run->diag,
			     "no wildcard include matched a file (the first, %s:%u, looks for "
			     "'%s'%s%s%s); "
			     "if the sites are in those files, check the path%s",
			     at->src ? at->src->path : "?", line, run->model.unmatched_include,
			     run->fs.root ? " under --root '" : "",
			     run->fs.root ? run->fs.root : "", run->fs.root ? "'" : "",
			     run->fs.root ? " and --root" : "");
	}
}

/*
 * Audit mode (no PATH, no entry: in .tlslint.yaml): every server's usual
 * config locations, under --root when one is given. The output names the
 * entries used, so an engineer sees what was and was not looked at.
 */
static int
lint_usual_locations(struct tl_run *run, const char **failed_path)
{
	size_t nservers, linted = 0;
	const struct tl_server *const *servers = tl_servers(&nservers);
	const char *used = NULL;

	for (size_t s = 0; s < nservers; s++) {
		for (const char *const *p = servers[s]->usual_locations; p && *p; p++) {
			const char *host = *p;
			struct stat st;
			int rc;

			if (run->fs.root != NULL && tl_fs_resolve(&run->fs, *p, &host) != 0)
				continue;
			if (stat(host, &st) != 0)
				continue;
			rc = lint_entry(run, host);
			if (rc != 0) {
				*failed_path = host;
				return rc;
			}
			linted++;
			used = tl_arena_printf(run->arena, "%s%s%s (%s)", used ? used : "",
					       used ? ", " : "", *p, servers[s]->name);
			break; /* one config per server: RHEL's path is not also Debian's */
		}
	}
	if (linted == 0) {
		*failed_path = NULL;
		return -ENOENT;
	}
	tl_diag_note(&run->diag, "audit of %s: linted %s",
		     run->fs.root ? run->fs.root : "this host", used);
	return 0;
}

static const char *
file_id(struct tl_arena *arena, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return NULL;
	return tl_arena_printf(arena, "%llu:%llu", (unsigned long long)st.st_dev,
			       (unsigned long long)st.st_ino);
}

/* True when PATH is a config file an earlier entry read (an include of it). */
static bool
already_read(struct tl_run *run, const char *path)
{
	const char *host;
	const char *id =
		tl_fs_entry_resolve(&run->fs, path, &host) == 0 ? file_id(run->arena, host) : NULL;

	for (; run->read_files_indexed < run->sources.all.len; run->read_files_indexed++) {
		const struct tl_source *src = run->sources.all.items[run->read_files_indexed];
		const char *sid = src->disk_path ? file_id(run->arena, src->disk_path) : NULL;

		if (sid != NULL)
			tl_strmap_put(&run->read_files, sid, (void *)src);
	}
	return id != NULL && tl_strmap_get(&run->read_files, id) != NULL;
}

/* True when PATH's base name is a main config's (nginx.conf, apache2.conf, haproxy.cfg, …). */
static bool
main_config_name(const char *path)
{
	size_t n;
	const struct tl_server *const *servers = tl_servers(&n);
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (size_t s = 0; s < n; s++)
		for (const char *const *f = servers[s]->file_names; f && *f; f++)
			if (strcmp(base, *f) == 0)
				return true;
	return false;
}

/*
 * Before a site file is linted on its own: lint the main configs that may
 * include it, so that it is read as its server reads it, with the real
 * http {} around it. Those are the entry: list of .tlslint.yaml and, under
 * --root (never on the host that runs a hook), the usual locations.
 */
static int
lint_main_configs(struct tl_run *run, const char **failed_path)
{
	size_t nservers;
	const struct tl_server *const *servers = tl_servers(&nservers);
	struct tl_ptrvec mains = {0};

	for (size_t i = 0; i < run->opts->entries.len; i++)
		tl_ptrvec_push(run->arena, &mains, run->opts->entries.items[i]);
	for (size_t s = 0; run->fs.root != NULL && s < nservers; s++)
		for (const char *const *p = servers[s]->usual_locations; p && *p; p++) {
			const char *host;

			if (tl_fs_resolve(&run->fs, *p, &host) == 0)
				tl_ptrvec_push(run->arena, &mains, (void *)host);
		}
	for (size_t i = 0; i < mains.len; i++) {
		const char *path = mains.items[i];
		const char *host;
		struct stat st;
		int rc;

		if (tl_fs_entry_resolve(&run->fs, path, &host) != 0 || stat(host, &st) != 0 ||
		    !S_ISREG(st.st_mode) || already_read(run, path))
			continue;
		rc = lint_entry(run, path);
		if (rc != 0) {
			*failed_path = path;
			return rc;
		}
	}
	return 0;
}

/*
 * The PATH arguments (or entry: list). Pre-commit passes every changed
 * file, main configs and the site files they include alike: main configs
 * go first, and a file an earlier entry already included is not linted a
 * second time on its own (that would serve its sites twice), with a note.
 */
static int
lint_paths(struct tl_run *run, const struct tl_ptrvec *paths, const char **failed_path)
{
	bool mains_tried = paths == &run->opts->entries;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < paths->len; i++) {
			const char *path = paths->items[i];
			int rc;

			if (strcmp(path, "-") != 0 && main_config_name(path) != (pass == 0))
				continue;
			if (strcmp(path, "-") == 0 && pass == 1)
				continue;
			if (pass == 1 && !mains_tried && !already_read(run, path)) {
				mains_tried = true;
				rc = lint_main_configs(run, failed_path);
				if (rc != 0)
					return rc;
			}
			if (strcmp(path, "-") != 0 && already_read(run, path)) {
				tl_diag_note(
					&run->diag,
					"'%s' is included by a main config that was linted: it "
					"is checked as part of it",
					path);
				continue;
			}
			rc = lint_entry(run, path);
			if (rc != 0) {
				*failed_path = path;
				return rc;
			}
		}
	}
	return 0;
}

int
tl_run_lint(struct tl_run *run, const char **failed_path)
{
	const struct tl_ptrvec *paths = &run->opts->paths;

	if (paths->len == 0 && run->opts->entries.len > 0)
		paths = &run->opts->entries;
	if (paths->len > 0) {
		int rc = lint_paths(run, paths, failed_path);

		if (rc != 0)
			return rc;
	} else {
		int rc = lint_usual_locations(run, failed_path);

		if (rc != 0)
			return rc;
	}
	tl_phase_enter(TL_PHASE_LOWER);
	tl_topology_link(&run->model);
	tl_effective_tls(&run->model);
	tl_phase_enter(TL_PHASE_CHECKS);
	run_checks(run);
	note_no_tls(run);
	return 0;
}

static bool
enabled_in(const void *opts, const char *id)
{
	return check_enabled(opts, id);
}

void
tl_run_finish(struct tl_run *run)
{
	struct tl_ptrvec *all = &run->diag.findings;
	size_t out = 0;

	tl_phase_enter(TL_PHASE_OUTPUT);
	/* First learn which comments silence something; the stale ones are findings too. */
	for (size_t i = 0; i < all->len; i++) {
		const struct tl_finding *f = all->items[i];

		if (check_enabled(run->opts, f->check))
			(void)tl_suppressed(&run->suppressions, f);
	}
	tl_suppressions_report_unused(&run->suppressions, enabled_in, run->opts);
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
	/* Which site each block the parsers registered is, for findings merged inside one. */
	for (size_t i = 0; i < run->model.sites.len; i++) {
		const struct tl_site *site = run->model.sites.items[i];

		tl_diag_scope_site(&run->diag, site->loc, site->label);
	}
	tl_diag_finish(&run->diag);
	tl_fixes_fill(&run->diag, run->policy);
}
