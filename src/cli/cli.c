/*
 * The command line of SPEC §2: argv into a validated struct tl_options.
 *
 * Our own loop rather than getopt_long(3): getopt keeps global state (tests
 * parse many command lines in one process), prints its own messages, and
 * accepts abbreviations (--form) that break scripts as soon as a new option
 * shares the prefix. Rules, as users of GNU tools expect them:
 *
 *   - "--opt value" and "--opt=value"; "-f json", "-fjson", "-qf json";
 *   - options and PATHs mix in any order; "--" ends options; "-" is a PATH;
 *   - a value is the next argument even if it starts with '-' ("-o -");
 *   - "ciphers" is the subcommand only as the very first argument, so that
 *     "tlslint ./ciphers" or "tlslint -- ciphers" lints a file of that name;
 *     "ciphers" as a later first PATH is an error with that advice, since
 *     "tlslint -q ciphers HIGH" would otherwise lint two missing files;
 *   - --help and --version end parsing where they stand (what follows is
 *     not looked at), like GNU getopt-based tools; errors before them count;
 *   - a single-valued option given twice: the last one wins.
 */
#include "cli.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "../catalogue.h"
#include "../nearest.h"
#include "../policy.h"
#include "../sim/profile.h"
#include "cli_internal.h"

enum opt_id {
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_PROFILE,
	OPT_POLICY,
	OPT_CONFIG,
	OPT_ROOT,
	OPT_TARGET,
	OPT_NOW,
	OPT_CA_FILE,
	OPT_CA_PATH,
	OPT_FAIL_ON,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_SERVER,
	OPT_COLOR,
	OPT_QUIET,
	OPT_DEFINE,
	OPT_ENV,
	OPT_LIST_CHECKS,
	OPT_REQUIRE_CLIENTS,
	OPT_CLIENTS,
	OPT_NAME,
	OPT_LIST_CLIENTS,
	OPT_HELP,
	OPT_VERSION,
};

struct cli_option {
	const char *name; /* long name without "--" */
	char short_name;  /* 0: none */
	bool has_value;
	bool in_ciphers; /* allowed with the ciphers subcommand */
	enum opt_id id;
	const char *hint; /* what a value looks like, for "missing value" */
};

static const struct cli_option options[] = {
	{"format", 'f', true, true, OPT_FORMAT,
	 "expected one of: text, json, sarif, gcc, markdown"},
	{"output", 'o', true, true, OPT_OUTPUT, "usage: --output FILE"},
	{"baseline", 0, true, false, OPT_BASELINE, "usage: --baseline FILE"},
	{"write-baseline", 0, true, false, OPT_WRITE_BASELINE, "usage: --write-baseline FILE"},
	{"profile", 0, true, true, OPT_PROFILE,
	 "expected modern, intermediate or old; NAME@VERSION pins a Mozilla guideline version, "
	 "'tlslint --version' lists them"},
	{"policy", 0, true, true, OPT_POLICY, "usage: --policy FILE.yaml"},
	{"config", 0, true, true, OPT_CONFIG, "usage: --config FILE"},
	{"root", 0, true, false, OPT_ROOT, "usage: --root DIR"},
	{"target", 0, true, true, OPT_TARGET, "expected SERVER=VERSION, e.g. nginx=1.22"},
	{"now", 0, true, false, OPT_NOW,
	 "expected ISO 8601, e.g. 2026-11-26 or 2026-11-26T12:00:00Z"},
	{"ca-file", 0, true, false, OPT_CA_FILE, "usage: --ca-file FILE"},
	{"ca-path", 0, true, false, OPT_CA_PATH, "usage: --ca-path DIR"},
	{"fail-on", 0, true, false, OPT_FAIL_ON, "expected one of: error, warning, info, never"},
	{"enable", 0, true, false, OPT_ENABLE,
	 "usage: --enable ID[,ID]; see 'tlslint --list-checks'"},
	{"disable", 0, true, false, OPT_DISABLE,
	 "usage: --disable ID[,ID]; see 'tlslint --list-checks'"},
	{"server", 0, true, false, OPT_SERVER, "expected one of: nginx, apache, haproxy"},
	{"color", 0, true, true, OPT_COLOR, "expected one of: auto, always, never"},
	{"colour", 0, true, true, OPT_COLOR, "expected one of: auto, always, never"},
	{"quiet", 'q', false, true, OPT_QUIET, NULL},
	{"define", 0, true, false, OPT_DEFINE, "usage: --define NAME"},
	{"env", 0, true, false, OPT_ENV, "expected VAR=VALUE"},
	{"list-checks", 0, false, false, OPT_LIST_CHECKS, NULL},
	{"require-clients", 0, true, false, OPT_REQUIRE_CLIENTS,
	 "usage: --require-clients ID[,ID]; see 'tlslint simulate --list-clients'"},
	{"clients", 0, true, false, OPT_CLIENTS,
	 "expected ID[,ID], all, current or legacy; see 'tlslint simulate --list-clients'"},
	{"name", 0, true, false, OPT_NAME, "usage: --name HOST"},
	{"list-clients", 0, false, false, OPT_LIST_CLIENTS, NULL},
	{"help", 'h', false, true, OPT_HELP, NULL},
	{"version", 'V', false, true, OPT_VERSION, NULL},
};

#define N_OPTIONS (sizeof(options) / sizeof(options[0]))

static const char usage_hint[] = "run 'tlslint --help' for usage";
static const char checks_hint[] = "see 'tlslint --list-checks'";
static const char clients_hint[] = "see 'tlslint simulate --list-clients'";
static const char ciphers_usage[] = "usage: tlslint ciphers [OPTIONS] STRING";

struct parser {
	struct tl_arena *arena;
	struct tl_options *opts;
	const char **error;
	const char **hint;
	bool ciphers;
	bool simulate; /* the simulate subcommand */
	bool list_checks;
	bool list_clients;
	bool done; /* --help or --version seen */
};

const char *const *
tl_cli_long_options(size_t *count)
{
	static const char *names[N_OPTIONS];

	for (size_t i = 0; i < N_OPTIONS; i++)
		names[i] = options[i].name;
	*count = N_OPTIONS;
	return names;
}

static int fail(struct parser *p, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct parser *p, const char *hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*p->error = tl_arena_vprintf(p->arena, fmt, ap);
	va_end(ap);
	*p->hint = hint;
	return -1;
}

static int
unknown_long(struct parser *p, const char *name, size_t len)
{
	char *given = tl_arena_strndup(p->arena, name, len);
	const char *best = NULL;
	size_t best_d = TL_NEAREST_MAX_EDITS + 1;

	for (size_t i = 0; i < N_OPTIONS; i++) {
		size_t d = tl_edit_distance(given, options[i].name, false, best_d - 1);

		if (d < best_d) {
			best_d = d;
			best = options[i].name;
		}
	}
	return fail(p, best ? tl_arena_printf(p->arena, "did you mean '--%s'?", best) : usage_hint,
		    "unknown option '--%s'", given);
}

static void
vec_remove(struct tl_ptrvec *vec, const char *s)
{
	size_t j = 0;

	for (size_t i = 0; i < vec->len; i++)
		if (strcmp(vec->items[i], s) != 0)
			vec->items[j++] = vec->items[i];
	vec->len = j;
}

/*
 * --enable/--disable ID[,ID]: each id must be in the registry. A later
 * switch of the same id cancels an earlier one (last wins), so the two
 * lists never share an id; see tl_options_merge() for the config file.
 */
static int
check_ids(struct parser *p, const char *opt, const char *value, bool enable)
{
	struct tl_ptrvec *add = enable ? &p->opts->enable : &p->opts->disable;
	struct tl_ptrvec *drop = enable ? &p->opts->disable : &p->opts->enable;
	const char *s = value;

	for (;;) {
		size_t len = strcspn(s, ",");
		char *id = tl_arena_strndup(p->arena, s, len);

		if (len == 0)
			return fail(p, checks_hint, "empty check id in '--%s %s'", opt, value);
		if (tl_check_by_name(id) == NULL)
			return fail(p, checks_hint, "unknown check '%s' in '--%s'", id, opt);
		vec_remove(drop, id);
		if (!tl_strvec_contains(add, id))
			tl_ptrvec_push(p->arena, add, id);
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

static int
parse_target(struct parser *p, const char *value)
{
	const char *eq = strchr(value, '=');
	enum tl_server_kind kind;
	struct tl_version v;
	char *server;

	if (eq == NULL)
		return fail(p, "expected SERVER=VERSION, e.g. nginx=1.22", "invalid target '%s'",
			    value);
	server = tl_arena_strndup(p->arena, value, (size_t)(eq - value));
	if (tl_server_parse(server, &kind) < 0)
		return fail(p, "expected one of: nginx, apache, haproxy",
			    "unknown server '%s' in '--target %s'", server, value);
	if (tl_version_parse(eq + 1, &v) < 0)
		return fail(p, "expected digits like 1.22, 2.4.57 or 2.6",
			    "invalid version '%s' in '--target %s'", eq + 1, value);
	p->opts->target_set[kind] = true;
	p->opts->target[kind] = v;
	return 0;
}

/* HAProxy expands "${NAME}" for names of letters, digits and underscores. */
static int
parse_env(struct parser *p, const char *value)
{
	struct tl_ptrvec *env = &p->opts->env;
	size_t len = strcspn(value, "=");
	bool ok = len > 0 && value[len] == '=' && !isdigit((unsigned char)value[0]);

	for (size_t i = 0; ok && i < len; i++)
		ok = isalnum((unsigned char)value[i]) || value[i] == '_';
	if (!ok)
		return fail(p, "expected VAR=VALUE, VAR of letters, digits and '_'",
			    "invalid environment assignment '%s'", value);
	/* A variable given twice: the later value replaces the earlier. */
	for (size_t i = 0; i < env->len; i++) {
		if (strncmp(env->items[i], value, len + 1) == 0) {
			env->items[i] = (void *)value;
			p->opts->env_set = true;
			return 0;
		}
	}
	tl_ptrvec_push(p->arena, env, (void *)value);
	p->opts->env_set = true;
	return 0;
}

static int
parse_define(struct parser *p, const char *value)
{
	for (const char *s = value; *s; s++)
		if (isspace((unsigned char)*s) || *s == '=')
			return fail(p, "usage: --define NAME", "invalid define name '%s'", value);
	if (!tl_strvec_contains(&p->opts->defines, value))
		tl_ptrvec_push(p->arena, &p->opts->defines, (void *)value);
	return 0;
}

/* ID[,ID] of client profiles into VEC; each must be a profile (tlslint simulate --list-clients). */
static int
client_ids(struct parser *p, const char *shown, const char *value, struct tl_ptrvec *vec)
{
	const char *s = value;

	for (;;) {
		size_t len = strcspn(s, ",");
		char *id = tl_arena_strndup(p->arena, s, len);

		if (len == 0)
			return fail(p, clients_hint, "empty client id in '%s %s'", shown, value);
		if (tl_client_profile_find(id) == NULL)
			return fail(p, clients_hint, "unknown client '%s' in '%s'", id, shown);
		if (!tl_strvec_contains(vec, id))
			tl_ptrvec_push(p->arena, vec, id);
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

static int
apply(struct parser *p, const struct cli_option *o, const char *shown, const char *value)
{
	struct tl_options *opts = p->opts;
	time_t t;
	const char *why;

	if (p->ciphers && !o->in_ciphers)
		return fail(p, usage_hint, "option '%s' cannot be used with 'ciphers'", shown);
	if (o->has_value && *value == '\0')
		return fail(p, o->hint, "empty value for '%s'", shown);

	switch (o->id) {
	case OPT_FORMAT:
		if (strcmp(value, "text") == 0)
			opts->format = TL_FORMAT_TEXT;
		else if (strcmp(value, "json") == 0)
			opts->format = TL_FORMAT_JSON;
		else if (strcmp(value, "sarif") == 0)
			opts->format = TL_FORMAT_SARIF;
		else if (strcmp(value, "gcc") == 0)
			opts->format = TL_FORMAT_GCC;
		else if (strcmp(value, "markdown") == 0)
			opts->format = TL_FORMAT_MARKDOWN;
		else
			return fail(p, o->hint, "unknown format '%s'", value);
		opts->set_mask |= TL_SET_FORMAT;
		break;
	case OPT_OUTPUT:
		opts->output = value;
		opts->set_mask |= TL_SET_OUTPUT;
		break;
	case OPT_BASELINE:
		opts->baseline = value;
		break;
	case OPT_WRITE_BASELINE:
		opts->write_baseline = value;
		break;
	case OPT_PROFILE:
		if (tl_policy_resolve(p->arena, value, &why) == NULL)
			return fail(p, o->hint, "%s", why);
		opts->profile = value;
		opts->set_mask |= TL_SET_PROFILE;
		break;
	case OPT_POLICY:
		opts->policy_file = value;
		opts->set_mask |= TL_SET_POLICY;
		break;
	case OPT_CONFIG:
		opts->config_file = value;
		break;
	case OPT_ROOT:
		opts->root = value;
		opts->set_mask |= TL_SET_ROOT;
		break;
	case OPT_TARGET:
		return parse_target(p, value);
	case OPT_NOW:
		if (tl_cli_parse_time(value, &t, &why) < 0)
			return fail(p, o->hint, "invalid time '%s' for '--now': %s", value, why);
		opts->now = t;
		opts->now_set = true;
		break;
	case OPT_CA_FILE:
		opts->ca_file = value;
		opts->set_mask |= TL_SET_CA_FILE;
		break;
	case OPT_CA_PATH:
		opts->ca_path = value;
		opts->set_mask |= TL_SET_CA_PATH;
		break;
	case OPT_FAIL_ON:
		if (tl_severity_parse(value, true, &opts->fail_on) < 0)
			return fail(p, o->hint, "unknown fail-on level '%s'", value);
		opts->set_mask |= TL_SET_FAIL_ON;
		break;
	case OPT_ENABLE:
	case OPT_DISABLE:
		return check_ids(p, o->name, value, o->id == OPT_ENABLE);
	case OPT_SERVER:
		if (tl_server_parse(value, &opts->server) < 0)
			return fail(p, o->hint, "unknown server '%s'", value);
		opts->set_mask |= TL_SET_SERVER;
		break;
	case OPT_COLOR:
		if (strcmp(value, "auto") == 0)
			opts->color = TL_COLOR_AUTO;
		else if (strcmp(value, "always") == 0)
			opts->color = TL_COLOR_ALWAYS;
		else if (strcmp(value, "never") == 0)
			opts->color = TL_COLOR_NEVER;
		else
			return fail(p, o->hint, "unknown color mode '%s'", value);
		opts->set_mask |= TL_SET_COLOR;
		break;
	case OPT_QUIET:
		opts->quiet = true;
		break;
	case OPT_DEFINE:
		return parse_define(p, value);
	case OPT_ENV:
		return parse_env(p, value);
	case OPT_LIST_CHECKS:
		p->list_checks = true;
		break;
	case OPT_REQUIRE_CLIENTS:
		return client_ids(p, shown, value, &opts->require_clients);
	case OPT_CLIENTS:
		if (!p->simulate)
			return fail(p, "write 'tlslint simulate --clients …'",
				    "option '%s' belongs to 'simulate'", shown);
		if (strcmp(value, "all") != 0 && strcmp(value, "current") != 0 &&
		    strcmp(value, "legacy") != 0) {
			struct tl_ptrvec ids = {0};

			if (client_ids(p, shown, value, &ids) < 0)
				return -1;
		}
		opts->clients = value;
		break;
	case OPT_NAME:
		if (!p->simulate)
			return fail(p, "write 'tlslint simulate --name HOST'",
				    "option '%s' belongs to 'simulate'", shown);
		opts->sim_name = value;
		break;
	case OPT_LIST_CLIENTS:
		if (!p->simulate)
			return fail(p, "write 'tlslint simulate --list-clients'",
				    "option '%s' belongs to 'simulate'", shown);
		p->list_clients = true;
		break;
	case OPT_HELP:
		opts->mode = TL_MODE_HELP;
		p->done = true;
		break;
	case OPT_VERSION:
		opts->mode = TL_MODE_VERSION;
		p->done = true;
		break;
	}
	return 0;
}

/* "--name", "--name=value" or "--name value"; *I is advanced past a taken value. */
static int
parse_long(struct parser *p, int argc, char **argv, int *i)
{
	const char *arg = argv[*i] + 2;
	size_t len = strcspn(arg, "=");
	const struct cli_option *o = NULL;
	const char *shown, *value = NULL;

	for (size_t k = 0; k < N_OPTIONS; k++) {
		if (strlen(options[k].name) == len && strncmp(options[k].name, arg, len) == 0) {
			o = &options[k];
			break;
		}
	}
	if (o == NULL)
		return unknown_long(p, arg, len);
	shown = tl_arena_printf(p->arena, "--%s", o->name);
	if (arg[len] == '=') {
		if (!o->has_value)
			return fail(p, usage_hint, "option '%s' takes no value", shown);
		value = arg + len + 1;
	} else if (o->has_value) {
		if (*i + 1 >= argc)
			return fail(p, o->hint, "missing value for '%s'", shown);
		value = argv[++*i];
	}
	return apply(p, o, shown, value);
}

/* A cluster of short options: "-q", "-qf json", "-fjson". */
static int
parse_short(struct parser *p, int argc, char **argv, int *i)
{
	const char *s = argv[*i] + 1;

	for (; *s != '\0' && !p->done; s++) {
		const struct cli_option *o = NULL;
		const char *shown, *value = NULL;

		for (size_t k = 0; k < N_OPTIONS; k++) {
			if (options[k].short_name == *s) {
				o = &options[k];
				break;
			}
		}
		if (o == NULL) {
			if (isprint((unsigned char)*s))
				return fail(p, usage_hint, "unknown option '-%c'", *s);
			return fail(p, usage_hint, "unknown option in '%s'", argv[*i]);
		}
		shown = tl_arena_printf(p->arena, "-%c", *s);
		if (o->has_value) {
			if (s[1] != '\0') {
				value = s + 1;
			} else if (*i + 1 < argc) {
				value = argv[++*i];
			} else {
				return fail(p, o->hint, "missing value for '%s'", shown);
			}
			return apply(p, o, shown, value);
		}
		if (apply(p, o, shown, NULL) < 0)
			return -1;
	}
	return 0;
}

static int
positional(struct parser *p, const char *arg, bool after_dashes)
{
	struct tl_options *opts = p->opts;

	if (p->ciphers) {
		if (opts->cipher_string != NULL)
			return fail(p,
				    "quote the cipher string, e.g. tlslint ciphers 'HIGH:!aNULL'",
				    "unexpected argument '%s' after the cipher string", arg);
		opts->cipher_string = arg;
		return 0;
	}
	if (!after_dashes && opts->paths.len == 0 && strcmp(arg, "ciphers") == 0)
		return fail(p,
			    "write 'tlslint ciphers [OPTIONS] STRING', or './ciphers' for a file",
			    "'ciphers' must be the first argument");
	tl_ptrvec_push(p->arena, &opts->paths, (void *)arg);
	return 0;
}

static const char *
format_name(enum tl_format format)
{
	switch (format) {
	case TL_FORMAT_SARIF:
		return "sarif";
	case TL_FORMAT_GCC:
		return "gcc";
	case TL_FORMAT_MARKDOWN:
		return "markdown";
	default:
		return "text";
	}
}

static int
finish(struct parser *p)
{
	struct tl_options *opts = p->opts;
	bool text_or_json = opts->format == TL_FORMAT_TEXT || opts->format == TL_FORMAT_JSON;

	if (p->ciphers) {
		if (opts->cipher_string == NULL)
			return fail(p, ciphers_usage, "missing cipher string after 'ciphers'");
		if (!text_or_json)
			return fail(p, "expected one of: text, json",
				    "format '%s' is not available with 'ciphers'",
				    format_name(opts->format));
		opts->mode = TL_MODE_CIPHERS;
	} else if (p->simulate) {
		if (opts->format != TL_FORMAT_TEXT && opts->format != TL_FORMAT_JSON)
			return fail(p, "expected one of: text, json",
				    "format '%s' is not available with 'simulate'",
				    format_name(opts->format));
		if (p->list_clients && opts->paths.len > 0)
			return fail(p, usage_hint, "unexpected argument '%s' with '--list-clients'",
				    (const char *)opts->paths.items[0]);
		opts->mode = p->list_clients ? TL_MODE_LIST_CLIENTS : TL_MODE_SIMULATE;
	} else if (p->list_checks) {
		if (opts->paths.len > 0)
			return fail(p, usage_hint, "unexpected argument '%s' with '--list-checks'",
				    (const char *)opts->paths.items[0]);
		if (!text_or_json)
			return fail(p, "expected one of: text, json",
				    "format '%s' is not available with '--list-checks'",
				    format_name(opts->format));
		opts->mode = TL_MODE_LIST_CHECKS;
	}
	return 0;
}

int
tl_cli_parse(int argc, char **argv, struct tl_arena *arena, struct tl_options *opts,
	     const char **error, const char **hint)
{
	struct parser p = {arena, opts, error, hint, false, false, false, false, false};
	bool dashes = false;
	int i = 1;

	tl_options_init(opts);
	*error = NULL;
	*hint = NULL;
	if (argc > 1 && strcmp(argv[1], "ciphers") == 0) {
		p.ciphers = true;
		i = 2;
	}
	if (argc > 1 && strcmp(argv[1], "simulate") == 0) {
		p.simulate = true;
		i = 2;
	}
	if (argc > 1 && strcmp(argv[1], "explain") == 0) {
		/* One id and nothing else: a page is the same whatever the options. */
		if (argc != 3 || argv[2][0] == '-')
			return fail(
				&p,
				"write 'tlslint explain ID'; 'tlslint --list-checks' lists the ids",
				"'explain' takes one check id");
		opts->explain_id = argv[2];
		opts->mode = TL_MODE_EXPLAIN;
		return 0;
	}
	for (; i < argc && !p.done; i++) {
		const char *arg = argv[i];
		int rc;

		if (dashes || arg[0] != '-' || arg[1] == '\0') {
			rc = positional(&p, arg, dashes);
		} else if (strcmp(arg, "--") == 0) {
			dashes = true;
			continue;
		} else if (arg[1] == '-') {
			rc = parse_long(&p, argc, argv, &i);
		} else {
			rc = parse_short(&p, argc, argv, &i);
		}
		if (rc < 0)
			return -1;
	}
	if (p.done)
		return 0;
	return finish(&p);
}
