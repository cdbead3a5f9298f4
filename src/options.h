/*
 * Everything the user asked for, from the command line and .tlslint.yaml,
 * after validation. The CLI parser fills one of these, the config file
 * loader another, and tl_options_merge() lets the command line win.
 */
#ifndef TL_OPTIONS_H
#define TL_OPTIONS_H

#include <stdbool.h>
#include <time.h>

#include "arena.h"
#include "diag.h"

enum tl_mode {
	TL_MODE_LINT,
	TL_MODE_CIPHERS,
	TL_MODE_EXPLAIN,
	TL_MODE_SIMULATE,
	TL_MODE_LIST_CLIENTS, /* simulate --list-clients */
	TL_MODE_LIST_CHECKS,
	TL_MODE_HELP,
	TL_MODE_VERSION,
};

enum tl_format {
	TL_FORMAT_TEXT,
	TL_FORMAT_JSON,
	TL_FORMAT_SARIF,
	TL_FORMAT_GCC,
	TL_FORMAT_MARKDOWN, /* a pull-request comment */
};

enum tl_color {
	TL_COLOR_AUTO,
	TL_COLOR_ALWAYS,
	TL_COLOR_NEVER,
};

enum tl_server_kind {
	TL_SERVER_AUTO = 0,
	TL_SERVER_NGINX,
	TL_SERVER_APACHE,
	TL_SERVER_HAPROXY,
	TL_SERVER_COUNT,
};

const char *tl_server_name(enum tl_server_kind kind);
int tl_server_parse(const char *name, enum tl_server_kind *kind);

/* A server version, e.g. nginx 1.22 → {1, 22, 0}. */
struct tl_version {
	unsigned major, minor, patch;
};

/* Compares two versions like strcmp. */
int tl_version_cmp(struct tl_version a, struct tl_version b);
/* Parses "1", "1.22" or "1.22.1"; returns 0 or -1. */
int tl_version_parse(const char *s, struct tl_version *v);

/* Per-check severity set in .tlslint.yaml (checks: severity: {id: sev}). */
struct tl_severity_override {
	const char *check;
	enum tl_severity severity;
};

struct tl_options {
	enum tl_mode mode;
	struct tl_ptrvec paths;    /* const char *: PATH arguments ("-" = stdin) */
	const char *cipher_string; /* for TL_MODE_CIPHERS */
	const char *explain_id;    /* for TL_MODE_EXPLAIN */

	enum tl_format format;
	const char *output;         /* NULL: stdout */
	const char *baseline;       /* --baseline: findings recorded there are not reported */
	const char *write_baseline; /* --write-baseline: record the current findings there */
	const char *profile;        /* "intermediate" unless set */
	const char *policy_file;
	const char *config_file; /* --config; NULL: search upwards */
	const char *root;        /* --root; NULL: none */
	bool target_set[TL_SERVER_COUNT];
	struct tl_version target[TL_SERVER_COUNT];
	bool now_set;
	time_t now;
	const char *ca_file;
	const char *ca_path;
	enum tl_severity fail_on;
	struct tl_ptrvec enable;    /* const char *: check ids */
	struct tl_ptrvec disable;   /* const char *: check ids */
	enum tl_server_kind server; /* TL_SERVER_AUTO: detect */
	enum tl_color color;
	bool quiet;
	struct tl_ptrvec defines; /* Apache -D names */
	struct tl_ptrvec env;     /* "VAR=VALUE" for HAProxy */
	bool env_set;
	/* Client profile ids that must connect (client-unsupported); file and command line combine.
	 */
	struct tl_ptrvec require_clients;
	/* simulate: --clients ID,…|all|current|legacy (NULL: all) and --name HOST (NULL: every
	 * site). */
	const char *clients;
	const char *sim_name;

	/* Only from .tlslint.yaml. */
	struct tl_ptrvec entries; /* const char *: entry configs */
	int expiry_warning_days;
	struct tl_ptrvec severity_overrides; /* struct tl_severity_override * */

	/*
	 * Which fields were given explicitly, so that the command line
	 * overrides the config file field by field.
	 */
	unsigned set_mask;
};

/* Bits of set_mask. */
enum {
	TL_SET_FORMAT = 1u << 0,
	TL_SET_OUTPUT = 1u << 1,
	TL_SET_PROFILE = 1u << 2,
	TL_SET_POLICY = 1u << 3,
	TL_SET_ROOT = 1u << 4,
	TL_SET_CA_FILE = 1u << 5,
	TL_SET_CA_PATH = 1u << 6,
	TL_SET_FAIL_ON = 1u << 7,
	TL_SET_COLOR = 1u << 8,
	TL_SET_EXPIRY = 1u << 9,
	TL_SET_SERVER = 1u << 10,
};

/* Defaults: text, intermediate, fail-on warning, colour auto, 30 expiry days. */
void tl_options_init(struct tl_options *opts);

/*
 * Fills in DST every field that FILE_OPTS set and DST (the command line)
 * did not. Lists (enable/disable, targets) combine, command line last.
 */
void tl_options_merge(struct tl_options *dst, const struct tl_options *file_opts,
		      struct tl_arena *arena);

#endif
