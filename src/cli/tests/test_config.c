/*
 * Unit tests of .tlslint.yaml: a file using every key gives exact values,
 * each kind of mistake gives its exact "file:line:col: message", discovery
 * walks up from a nested directory, and the command line wins the merge.
 * Files are written into a fresh mkdtemp() directory, next to what they
 * are expected to produce.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../tests/unit.h"
#include "../cli.h"

static struct tl_arena *arena;
static char *tmp;                /* realpath of the temporary directory */
static struct tl_ptrvec created; /* paths to remove at the end, in reverse */

static const char *
write_file(const char *name, const char *text, size_t len)
{
	char *path = tl_arena_printf(arena, "%s/%s", tmp, name);
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f == NULL)
		return path;
	CHECK_INT(fwrite(text, 1, len, f), len);
	fclose(f);
	tl_ptrvec_push(arena, &created, path);
	return path;
}

static const char *
make_dir(const char *name)
{
	char *path = tl_arena_printf(arena, "%s/%s", tmp, name);

	CHECK_INT(mkdir(path, 0700), 0);
	tl_ptrvec_push(arena, &created, path);
	return path;
}

/* Writes TEXT to a file, loads it, and expects the error "PATH:WANT". */
static void
expect_error(int line, const char *text, const char *want)
{
	const char *path = write_file("bad.yaml", text, strlen(text));
	struct tl_options opts;
	const char *err = NULL;
	char *full = tl_arena_printf(arena, "%s:%s", path, want);

	if (tl_config_load(arena, path, &opts, &err) != -1 || err == NULL || strcmp(err, full) != 0)
		fprintf(stderr, "%s:%d: for this file:\n%.200s\n", __FILE__, line, text);
	CHECK_STR(err, full);
	/* A failed load leaves nothing half-set behind. */
	CHECK_INT(opts.set_mask, 0);
	CHECK_INT(opts.enable.len + opts.disable.len + opts.entries.len, 0);
	unlink(path);
	created.len--;
}

#define EXPECT_ERROR(text, want) expect_error(__LINE__, text, want)

static void
test_full(void)
{
	static const char text[] =
		"# every key of SPEC §4\n"
		"profile: modern\n"
		"policy: policies/ours.yaml\n"
		"root: .\n"
		"entry: [etc/nginx/nginx.conf, ./etc/haproxy/haproxy.cfg, /abs/x.conf]\n"
		"targets: {nginx: \"1.22\", apache: 2.4.57, haproxy: 2.6}\n"
		"ca-file: ca/corp-root.pem\n"
		"ca-path: /etc/ssl/certs\n"
		"fail-on: error\n"
		"expiry-warning-days: 45\n"
		"checks:\n"
		"  disable: [cert-expiring, parse-error, cert-expiring]\n"
		"  enable:\n"
		"    - cert-expired\n"
		"  severity: {cert-missing: warning, include-missing: info}\n";
	const char *path = write_file("full.yaml", text, strlen(text));
	struct tl_options o;
	const char *err = "unset";
	const struct tl_severity_override *so;

	CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
	CHECK(err == NULL);
	CHECK_STR(o.profile, "modern");
	CHECK_STR(o.policy_file, tl_arena_printf(arena, "%s/policies/ours.yaml", tmp));
	CHECK_STR(o.root, tmp);
	CHECK_INT(o.entries.len, 3);
	CHECK_STR(o.entries.items[0], tl_arena_printf(arena, "%s/etc/nginx/nginx.conf", tmp));
	CHECK_STR(o.entries.items[1], tl_arena_printf(arena, "%s/etc/haproxy/haproxy.cfg", tmp));
	CHECK_STR(o.entries.items[2], "/abs/x.conf");
	CHECK(!o.target_set[TL_SERVER_AUTO]);
	CHECK(o.target_set[TL_SERVER_NGINX]);
	CHECK(o.target[TL_SERVER_NGINX].major == 1 && o.target[TL_SERVER_NGINX].minor == 22);
	CHECK(o.target_set[TL_SERVER_APACHE]);
	CHECK(o.target[TL_SERVER_APACHE].major == 2 && o.target[TL_SERVER_APACHE].minor == 4 &&
	      o.target[TL_SERVER_APACHE].patch == 57);
	CHECK(o.target_set[TL_SERVER_HAPROXY]);
	CHECK(o.target[TL_SERVER_HAPROXY].major == 2 && o.target[TL_SERVER_HAPROXY].minor == 6);
	CHECK_STR(o.ca_file, tl_arena_printf(arena, "%s/ca/corp-root.pem", tmp));
	CHECK_STR(o.ca_path, "/etc/ssl/certs");
	CHECK_INT(o.fail_on, TL_SEV_ERROR);
	CHECK_INT(o.expiry_warning_days, 45);
	CHECK_INT(o.disable.len, 2);
	CHECK_STR(o.disable.items[0], "cert-expiring");
	CHECK_STR(o.disable.items[1], "parse-error");
	CHECK_INT(o.enable.len, 1);
	CHECK_STR(o.enable.items[0], "cert-expired");
	CHECK_INT(o.severity_overrides.len, 2);
	so = o.severity_overrides.items[0];
	CHECK_STR(so->check, "cert-missing");
	CHECK_INT(so->severity, TL_SEV_WARNING);
	so = o.severity_overrides.items[1];
	CHECK_STR(so->check, "include-missing");
	CHECK_INT(so->severity, TL_SEV_INFO);
	CHECK_INT(o.set_mask, TL_SET_PROFILE | TL_SET_POLICY | TL_SET_ROOT | TL_SET_CA_FILE |
				      TL_SET_CA_PATH | TL_SET_FAIL_ON | TL_SET_EXPIRY);
	/* What the file cannot set stays at the default. */
	CHECK_INT(o.format, TL_FORMAT_TEXT);
	CHECK_INT(o.color, TL_COLOR_AUTO);
	CHECK_INT(o.mode, TL_MODE_LINT);
}

static void
test_valid_small(void)
{
	static const char *const empty[] = {"", "# only a comment\n\n   # another\n", "---\n",
					    "---\n...\n", "{}\n"};
	struct tl_options o;
	const char *err;
	const char *path;
	char *cwd;

	for (size_t i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
		path = write_file("empty.yaml", empty[i], strlen(empty[i]));
		err = "unset";
		CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
		CHECK(err == NULL);
		CHECK_INT(o.set_mask, 0);
		CHECK_STR(o.profile, "intermediate");
		CHECK_INT(o.expiry_warning_days, 30);
	}

	path = write_file("one.yaml", "entry: conf/nginx.conf\nexpiry-warning-days: 0\n", 46);
	CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
	CHECK_INT(o.entries.len, 1);
	CHECK_STR(o.entries.items[0], tl_arena_printf(arena, "%s/conf/nginx.conf", tmp));
	CHECK_INT(o.expiry_warning_days, 0);
	CHECK_INT(o.set_mask, TL_SET_EXPIRY);

	path = write_file("clients.yaml", "require-clients: [android-7.0, java-8u161]\n", 42);
	CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
	CHECK_INT(o.require_clients.len, 2);
	CHECK_STR(o.require_clients.items[1], "java-8u161");

	path = write_file("max.yaml", "expiry-warning-days: 3650\nfail-on: never\n", 41);
	CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
	CHECK_INT(o.expiry_warning_days, 3650);
	CHECK_INT(o.fail_on, TL_SEV_NEVER);

	/* A config named without a directory: its paths stay relative to the cwd. */
	cwd = getcwd(NULL, 0);
	CHECK_INT(chdir(tmp), 0);
	write_file("rel.yaml", "policy: ./p.yaml\nroot: .\n", 25);
	CHECK_INT(tl_config_load(arena, "rel.yaml", &o, &err), 0);
	CHECK_STR(o.policy_file, "p.yaml");
	CHECK_STR(o.root, ".");
	CHECK_INT(chdir(cwd), 0);
	free(cwd);
}

static void
test_errors(void)
{
	static const char keys[] = "(expected profile, policy, root, entry, targets, ca-file, "
				   "ca-path, fail-on, expiry-warning-days, require-clients or "
				   "checks)";

	/* Unknown keys, at any level. */
	EXPECT_ERROR("profile: old\nprofil: modern\n",
		     tl_arena_printf(arena, "2:1: unknown key 'profil' %s", keys));
	EXPECT_ERROR("checks:\n  disabled: [cert-expired]\n",
		     "2:3: unknown key 'disabled' in 'checks' (expected enable, disable or "
		     "severity)");
	EXPECT_ERROR("targets: {nginx: 1.22, iis: 10}\n",
		     "1:24: unknown server 'iis' in 'targets' (expected nginx, apache or haproxy)");

	/* Wrong node types. */
	EXPECT_ERROR("entry: {a: b}\n",
		     "1:8: expected a string or a sequence of strings for 'entry', got a mapping");
	EXPECT_ERROR("entry:\n  - a.conf\n  - [b.conf]\n",
		     "3:5: expected a string in 'entry', got a sequence");
	EXPECT_ERROR("checks:\n  disable: cert-expired\n",
		     "2:12: expected a sequence of check ids for 'disable', got a string");
	EXPECT_ERROR("checks: [cert-expired]\n",
		     "1:9: expected a mapping for 'checks', got a sequence");
	EXPECT_ERROR("targets: nginx=1.22\n",
		     "1:10: expected a mapping for 'targets', got a string");
	EXPECT_ERROR("profile: [modern]\n",
		     "1:10: expected a string for 'profile', got a sequence");
	EXPECT_ERROR("- profile\n",
		     "1:1: expected a mapping of settings at the top level, got a sequence");
	EXPECT_ERROR("modern\n",
		     "1:1: expected a mapping of settings at the top level, got a string");
	EXPECT_ERROR("? [a]\n: b\n", "1:3: expected a key in the config file, got a sequence");

	/* Empty where a value is needed. */
	EXPECT_ERROR("policy:\nprofile: old\n", "1:8: expected a string for 'policy', got null");
	EXPECT_ERROR("profile: ~\n", "1:10: expected a string for 'profile', got null");
	EXPECT_ERROR("profile: \"\"\n", "1:10: empty string for 'profile'");
	EXPECT_ERROR("checks:\n", "1:8: expected a mapping for 'checks', got null");
	EXPECT_ERROR("entry: ''\n", "1:8: empty string for 'entry'");
	/* require-clients names profiles: an unknown id is an error at its line. */
	EXPECT_ERROR("require-clients: [android-7.0,\n  android-77]\n",
		     "2:3: unknown client 'android-77' in 'require-clients' (see 'tlslint simulate "
		     "--list-clients')");
	EXPECT_ERROR(
		"require-clients: {a: b}\n",
		"1:18: expected a string or a sequence of strings for 'require-clients', got a "
		"mapping");

	/* Bad values. */
	EXPECT_ERROR("profile: strict\n", "1:10: unknown profile 'strict' (expected modern, "
					  "intermediate or old, or NAME@VERSION)");
	EXPECT_ERROR("fail-on: error\nprofile: intermediate@5.9\n",
		     "2:10: profile 'intermediate' has no Mozilla guideline version '5.9' "
		     "(intermediate: 5.0, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 6.0)");
	EXPECT_ERROR(
		"fail-on: fatal\n",
		"1:10: unknown fail-on level 'fatal' (expected error, warning, info or never)");
	EXPECT_ERROR("targets:\n  nginx: 1.x\n",
		     "2:10: invalid version '1.x' for 'nginx' (expected digits like 1.22 or "
		     "2.4.57)");
	EXPECT_ERROR("targets:\n  apache: [2, 4]\n",
		     "2:11: expected a version for 'apache', got a sequence");
	EXPECT_ERROR("expiry-warning-days: 3651\n",
		     "1:22: expiry-warning-days 3651 out of range (expected 0 to 3650)");
	EXPECT_ERROR("expiry-warning-days: 99999999999999999999999\n",
		     "1:22: expiry-warning-days 99999999999999999999999 out of range (expected 0 "
		     "to 3650)");
	EXPECT_ERROR("expiry-warning-days: -1\n",
		     "1:22: expected a number of days for 'expiry-warning-days', got '-1'");
	EXPECT_ERROR("expiry-warning-days: 30d\n",
		     "1:22: expected a number of days for 'expiry-warning-days', got '30d'");
	EXPECT_ERROR("expiry-warning-days: \"30\"\n",
		     "1:22: expected a number of days for 'expiry-warning-days', got a quoted "
		     "string");
	EXPECT_ERROR("checks:\n  severity: {cert-missing: fatal}\n",
		     "2:28: unknown severity 'fatal' for 'cert-missing' (expected error, warning "
		     "or info)");
	EXPECT_ERROR("checks:\n  severity: {cert-missing: never}\n",
		     "2:28: unknown severity 'never' for 'cert-missing' (expected error, warning "
		     "or info)");

	/* Check ids. */
	EXPECT_ERROR("checks:\n  enable: [cert-expired, nope]\n",
		     "2:26: unknown check 'nope' in 'enable'");
	EXPECT_ERROR("checks:\n  severity:\n    no-such-check: error\n",
		     "3:5: unknown check 'no-such-check' in 'severity'");
	EXPECT_ERROR("checks:\n  disable: [cert-expired]\n  enable: [parse-error, cert-expired]\n",
		     "3:25: check 'cert-expired' is both enabled and disabled");

	/* Duplicate keys, at any level. */
	EXPECT_ERROR("profile: old\nfail-on: error\nprofile: modern\n",
		     "3:1: duplicate key 'profile' (first on line 1)");
	EXPECT_ERROR("targets:\n  nginx: 1.22\n  nginx: 1.24\n",
		     "3:3: duplicate key 'nginx' (first on line 2)");
	EXPECT_ERROR("checks:\n  severity: {cert-missing: info, cert-missing: error}\n",
		     "2:34: duplicate key 'cert-missing' (first on line 2)");

	/* YAML itself: syntax errors at libyaml's mark, aliases, several documents. */
	EXPECT_ERROR("profile: old: x\n",
		     "1:13: syntax error: mapping values are not allowed in this context");
	EXPECT_ERROR("checks:\n\tdisable: []\n",
		     "2:1: syntax error: found character that cannot start any token");
	EXPECT_ERROR("entry: [a.conf\n", "2:1: syntax error: did not find expected ',' or ']'");
	EXPECT_ERROR("profile: \xff\n", "1:10: syntax error: invalid leading UTF-8 octet");
	EXPECT_ERROR("profile: &p old\npolicy: *p\n", "2:9: YAML aliases are not supported here");
	EXPECT_ERROR("profile: old\n---\nprofile: modern\n", "2:1: more than one YAML document");
}

/* Deep nesting is refused at the first node the schema does not allow, without recursion. */
static void
test_limits(void)
{
	size_t n = 200000;
	char *deep = tl_arena_alloc(arena, n + 32);
	char *big = tl_arena_alloc(arena, 1024 * 1024 + 2);
	const char *path;
	struct tl_options o;
	const char *err;

	/* Loops, not memset: GCC's -Warray-bounds misreads memset here under -fsanitize. */
	strcpy(deep, "checks: {enable: ");
	for (size_t i = 0; i < n; i++)
		deep[17 + i] = '[';
	deep[17 + n] = '\0';
	EXPECT_ERROR(deep, "1:19: expected a check id in 'enable', got a sequence");
	deep[n] = '\0';
	for (size_t i = 0; i < n; i++)
		deep[i] = '[';
	EXPECT_ERROR(deep, "1:1: expected a mapping of settings at the top level, got a sequence");

	/* Exactly 1 MiB is read; one byte more is refused before parsing. */
	memset(big, '#', 1024 * 1024);
	path = write_file("big.yaml", big, 1024 * 1024);
	CHECK_INT(tl_config_load(arena, path, &o, &err), 0);
	path = write_file("big.yaml", big, 1024 * 1024 + 1);
	CHECK_INT(tl_config_load(arena, path, &o, &err), -1);
	CHECK_STR(err, tl_arena_printf(arena, "%s: file too large (limit 1048576 bytes)", path));

	path = tl_arena_printf(arena, "%s/absent.yaml", tmp);
	CHECK_INT(tl_config_load(arena, path, &o, &err), -1);
	CHECK_STR(err, tl_arena_printf(arena, "%s: cannot read: No such file or directory", path));
	CHECK_INT(tl_config_load(arena, tmp, &o, &err), -1);
	CHECK_STR(err, tl_arena_printf(arena, "%s: cannot read: Is a directory", tmp));
}

static void
test_find(void)
{
	const char *found;
	const char *above;

	make_dir("proj");
	make_dir("proj/a");
	make_dir("proj/a/b");
	make_dir("proj/a/b/c");
	write_file("proj/.tlslint.yaml", "profile: old\n", 13);
	/* A directory of that name is not a config file; the search goes on past it. */
	make_dir("proj/a/.tlslint.yaml");

	found = tl_config_find(arena, tl_arena_printf(arena, "%s/proj/a/b/c", tmp));
	CHECK_STR(found, tl_arena_printf(arena, "%s/proj/.tlslint.yaml", tmp));
	found = tl_config_find(arena, tl_arena_printf(arena, "%s/proj", tmp));
	CHECK_STR(found, tl_arena_printf(arena, "%s/proj/.tlslint.yaml", tmp));
	/* Non-normalised spellings of the start directory find the same file. */
	found = tl_config_find(arena, tl_arena_printf(arena, "%s/proj/a/b/../b//c/", tmp));
	CHECK_STR(found, tl_arena_printf(arena, "%s/proj/.tlslint.yaml", tmp));

	/* The nearest one wins. */
	write_file("proj/a/b/.tlslint.yaml", "profile: modern\n", 16);
	found = tl_config_find(arena, tl_arena_printf(arena, "%s/proj/a/b/c", tmp));
	CHECK_STR(found, tl_arena_printf(arena, "%s/proj/a/b/.tlslint.yaml", tmp));

	/* Above the project there is none of ours (there may be one higher up). */
	above = tl_config_find(arena, tmp);
	CHECK(above == NULL || strncmp(above, tmp, strlen(tmp)) != 0);
	CHECK(tl_config_find(arena, tl_arena_printf(arena, "%s/nonexistent", tmp)) == NULL);
}

static void
test_merge(void)
{
	static const char text[] = "profile: modern\n"
				   "policy: p.yaml\n"
				   "fail-on: error\n"
				   "ca-file: /f/ca.pem\n"
				   "expiry-warning-days: 10\n"
				   "entry: /etc/nginx/nginx.conf\n"
				   "targets: {nginx: 1.22, haproxy: 2.6}\n"
				   "checks:\n"
				   "  disable: [cert-expiring, parse-error]\n"
				   "  enable: [cert-missing, cert-expired]\n"
				   "  severity: {cert-missing: error}\n";
	char *argv[] = {(char *)"tlslint",         (char *)"--profile",     (char *)"old",
			(char *)"--enable",        (char *)"cert-expiring", (char *)"--disable",
			(char *)"cert-missing",    (char *)"--target",      (char *)"nginx=1.25",
			(char *)"--ca-file=c.pem", (char *)"--format=json", NULL};
	const char *path = write_file("merge.yaml", text, strlen(text));
	struct tl_options cli, file;
	const char *err, *hint;

	CHECK_INT(tl_cli_parse(11, argv, arena, &cli, &err, &hint), 0);
	CHECK_INT(tl_config_load(arena, path, &file, &err), 0);
	tl_options_merge(&cli, &file, arena);

	CHECK_STR(cli.profile, "old");                                        /* CLI wins */
	CHECK_STR(cli.ca_file, "c.pem");                                      /* CLI wins */
	CHECK_INT(cli.format, TL_FORMAT_JSON);                                /* CLI only */
	CHECK_STR(cli.policy_file, tl_arena_printf(arena, "%s/p.yaml", tmp)); /* file fills in */
	CHECK_INT(cli.fail_on, TL_SEV_ERROR);
	CHECK_INT(cli.expiry_warning_days, 10);
	CHECK(cli.root == NULL); /* neither set it */
	CHECK_INT(cli.color, TL_COLOR_AUTO);
	CHECK_INT(cli.set_mask, TL_SET_PROFILE | TL_SET_CA_FILE | TL_SET_FORMAT | TL_SET_POLICY |
					TL_SET_FAIL_ON | TL_SET_EXPIRY);

	/* Targets: per server, the command line wins. */
	CHECK(cli.target_set[TL_SERVER_NGINX]);
	CHECK_INT(cli.target[TL_SERVER_NGINX].minor, 25);
	CHECK(cli.target_set[TL_SERVER_HAPROXY]);
	CHECK_INT(cli.target[TL_SERVER_HAPROXY].minor, 6);
	CHECK(!cli.target_set[TL_SERVER_APACHE]);

	/* Checks: the command line has the last word on each id. */
	CHECK_INT(cli.enable.len, 2);
	CHECK_STR(cli.enable.items[0], "cert-expired");
	CHECK_STR(cli.enable.items[1], "cert-expiring");
	CHECK_INT(cli.disable.len, 2);
	CHECK_STR(cli.disable.items[0], "parse-error");
	CHECK_STR(cli.disable.items[1], "cert-missing");

	/* Only the file has entries and severity overrides. */
	CHECK_INT(cli.entries.len, 1);
	CHECK_STR(cli.entries.items[0], "/etc/nginx/nginx.conf");
	CHECK_INT(cli.severity_overrides.len, 1);

	/* An empty file changes nothing. */
	{
		struct tl_options before, none;

		path = write_file("none.yaml", "", 0);
		CHECK_INT(tl_config_load(arena, path, &none, &err), 0);
		CHECK_INT(tl_cli_parse(11, argv, arena, &cli, &err, &hint), 0);
		before = cli;
		tl_options_merge(&cli, &none, arena);
		CHECK_STR(cli.profile, before.profile);
		CHECK_INT(cli.set_mask, before.set_mask);
		CHECK_INT(cli.enable.len, 1);
		CHECK_INT(cli.disable.len, 1);
		CHECK_INT(cli.fail_on, TL_SEV_WARNING);
		CHECK_INT(cli.expiry_warning_days, 30);
	}
}

int
main(void)
{
	char tmpl[] = "/tmp/tlslint-cli-XXXXXX";

	arena = tl_arena_new();
	CHECK(mkdtemp(tmpl) != NULL);
	tmp = realpath(tmpl, NULL);
	CHECK(tmp != NULL);
	if (tmp == NULL)
		return tl_unit_result();
	test_full();
	test_valid_small();
	test_errors();
	test_limits();
	test_find();
	test_merge();
	while (created.len > 0) {
		const char *p = created.items[--created.len];
		struct stat st;

		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rmdir(p);
		else
			unlink(p);
	}
	CHECK_INT(rmdir(tmp), 0);
	free(tmp);
	tl_arena_free(arena);
	return tl_unit_result();
}
