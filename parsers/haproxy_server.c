/* HAProxy as a row of the server table: detection, usual locations, stable release, front end. */
#include "haproxy.h"
#include "haproxy_facts.h"
#include "haproxy_lower.h"
#include "scopes.h"
#include "servers.h"
#include "../src/phase_time.h"

static int
lint_haproxy(const struct tl_server_env *env, const char *path, const char *text, size_t len)
{
	struct tl_parse_env penv = {env->arena, env->sources, env->diag, env->fs,
				    tl_default_parse_limits};
	struct tl_lower_env lenv = {env->arena, env->diag, env->version};
	struct tl_haproxy_options opts = {NULL, 0, false, env->version};
	struct tl_tree tree;
	int rc;

	if (env->opts != NULL && env->opts->env.len > 0) {
		opts.env = (const char *const *)env->opts->env.items;
		opts.nenv = env->opts->env.len;
		opts.env_set = true;
	}
	if (text != NULL)
		rc = tl_haproxy_parse_text(&penv, &opts, "<stdin>", text, len, &tree);
	else
		rc = tl_haproxy_parse_file(&penv, &opts, path, &tree);
	if (rc != 0)
		return rc;
	tl_suppressions_collect(env->suppressions, &tree);
	tl_scopes_collect(env->diag, env->arena, TL_SERVER_HAPROXY, &tree);
	/* The lowering reads certificates too: they are charged to their own phase. */
	tl_phase_enter(TL_PHASE_LOWER);
	tl_haproxy_lower(&lenv, env->fs, env->sources, &tree, env->model);
	return 0;
}

static const char *const file_names[] = {"haproxy.cfg", NULL};
static const char *const suffixes[] = {".cfg", NULL};
/* Debian and RHEL packages; the official container image. */
static const char *const locations[] = {"/etc/haproxy/haproxy.cfg",
					"/usr/local/etc/haproxy/haproxy.cfg", NULL};

const struct tl_server tl_haproxy_server = {
	.kind = TL_SERVER_HAPROXY,
	.name = "haproxy",
	.stable = TL_HAPROXY_STABLE,
	.stable_note = tl_haproxy_stable_note,
	.file_names = file_names,
	.file_suffixes = suffixes,
	.usual_locations = locations,
	/* Section headers on their own, and bind/backend routing lines. */
	.content_pattern = "^\\s*(?:global|defaults|frontend|backend|listen|resolvers|peers)"
			   "(?:[ \\t]+\\S+)*[ \\t]*$"
			   "|^\\s*(?:bind|default_backend|use_backend)\\s+\\S",
	.lint = lint_haproxy,
};
