/*
 * Unit tests of the command line: every option form, every error with its
 * exact message and hint, --now parsing, server names and versions, and
 * that --help mentions every option.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../../tests/unit.h"
#include "../cli.h"
#include "../cli_internal.h"

#define MAX_ARGS 32

static struct tl_arena *arena;
static struct tl_options opts;
static const char *err, *hint;

/* Parses "tlslint ARGS…" (NULL-terminated) into the file-level opts/err/hint. */
static int
parse(const char *first, ...)
{
	static char *argv[MAX_ARGS];
	int argc = 0;
	va_list ap;

	argv[argc++] = (char *)"tlslint";
	va_start(ap, first);
	for (const char *a = first; a != NULL; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	return tl_cli_parse(argc, argv, arena, &opts, &err, &hint);
}

#define OK(...) CHECK_INT(parse(__VA_ARGS__, (const char *)NULL), 0)
#define ERR(want_err, want_hint, ...)                                                              \
	do {                                                                                       \
		CHECK_INT(parse(__VA_ARGS__, (const char *)NULL), -1);                             \
		CHECK_STR(err, want_err);                                                          \
		CHECK_STR(hint, want_hint);                                                        \
	} while (0)

static const char usage_hint[] = "run 'tlslint --help' for usage";

static void
test_defaults(void)
{
	CHECK_INT(parse(NULL), 0);
	CHECK_INT(opts.mode, TL_MODE_LINT);
	CHECK_INT(opts.format, TL_FORMAT_TEXT);
	CHECK_STR(opts.profile, "intermediate");
	CHECK_INT(opts.fail_on, TL_SEV_WARNING);
	CHECK_INT(opts.color, TL_COLOR_AUTO);
	CHECK_INT(opts.expiry_warning_days, 30);
	CHECK_INT(opts.server, TL_SERVER_AUTO);
	CHECK_INT(opts.set_mask, 0);
	CHECK_INT(opts.paths.len, 0);
	CHECK(!opts.now_set);
	CHECK(!opts.quiet);
	CHECK(opts.output == NULL);
	CHECK(opts.config_file == NULL);
}

static void
test_value_forms(void)
{
	OK("--format", "json");
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	CHECK_INT(opts.set_mask, TL_SET_FORMAT);
	OK("--format=sarif");
	CHECK_INT(opts.format, TL_FORMAT_SARIF);
	OK("-f", "gcc");
	CHECK_INT(opts.format, TL_FORMAT_GCC);
	OK("--format=markdown");
	CHECK_INT(opts.format, TL_FORMAT_MARKDOWN);
	OK("-fjson");
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	OK("-f", "json", "--format", "text"); /* last wins */
	CHECK_INT(opts.format, TL_FORMAT_TEXT);
	CHECK_INT(opts.set_mask, TL_SET_FORMAT);

	OK("-o", "out.txt");
	CHECK_STR(opts.output, "out.txt");
	OK("-oout.json");
	CHECK_STR(opts.output, "out.json");
	OK("--output=r.sarif");
	CHECK_STR(opts.output, "r.sarif");
	OK("-o", "-"); /* a value may start with '-' */
	CHECK_STR(opts.output, "-");
	CHECK_INT(opts.paths.len, 0);
	CHECK_INT(opts.set_mask, TL_SET_OUTPUT);

	/* Clusters of short options. */
	OK("-qfjson");
	CHECK(opts.quiet);
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	OK("-qf", "sarif", "x.conf");
	CHECK(opts.quiet);
	CHECK_INT(opts.format, TL_FORMAT_SARIF);
	CHECK_INT(opts.paths.len, 1);
	OK("--quiet");
	CHECK(opts.quiet);
	CHECK_INT(opts.set_mask, 0);
}

static void
test_all_options(void)
{
	OK("--profile", "modern", "--policy=p.yaml", "--config", "c.yaml", "--root=/srv/etc",
	   "--now", "2026-11-26", "--ca-file", "ca.pem", "--ca-path=/etc/ssl/certs", "--fail-on",
	   "error", "--server", "apache", "--color=never", "-q", "--define", "SSL", "--define=FOO",
	   "--env", "CERT=/x.pem", "--env=PORT=443", "a.conf", "-", "b.conf");
	CHECK_INT(opts.mode, TL_MODE_LINT);
	CHECK_STR(opts.profile, "modern");
	CHECK_STR(opts.policy_file, "p.yaml");
	CHECK_STR(opts.config_file, "c.yaml");
	CHECK_STR(opts.root, "/srv/etc");
	CHECK(opts.now_set);
	CHECK_INT(opts.now, 1795651200);
	CHECK_STR(opts.ca_file, "ca.pem");
	CHECK_STR(opts.ca_path, "/etc/ssl/certs");
	CHECK_INT(opts.fail_on, TL_SEV_ERROR);
	CHECK_INT(opts.server, TL_SERVER_APACHE);
	CHECK_INT(opts.color, TL_COLOR_NEVER);
	CHECK(opts.quiet);
	CHECK_INT(opts.defines.len, 2);
	CHECK_STR(opts.defines.items[0], "SSL");
	CHECK_STR(opts.defines.items[1], "FOO");
	CHECK(opts.env_set);
	CHECK_INT(opts.env.len, 2);
	CHECK_STR(opts.env.items[0], "CERT=/x.pem");
	CHECK_STR(opts.env.items[1], "PORT=443");
	CHECK_INT(opts.paths.len, 3);
	CHECK_STR(opts.paths.items[0], "a.conf");
	CHECK_STR(opts.paths.items[1], "-");
	CHECK_STR(opts.paths.items[2], "b.conf");
	CHECK_INT(opts.set_mask, TL_SET_PROFILE | TL_SET_POLICY | TL_SET_ROOT | TL_SET_CA_FILE |
					 TL_SET_CA_PATH | TL_SET_FAIL_ON | TL_SET_SERVER |
					 TL_SET_COLOR);

	OK("--colour", "always");
	CHECK_INT(opts.color, TL_COLOR_ALWAYS);
	OK("--color", "auto");
	CHECK_INT(opts.color, TL_COLOR_AUTO);
	CHECK_INT(opts.set_mask, TL_SET_COLOR);
	OK("--fail-on", "never");
	CHECK_INT(opts.fail_on, TL_SEV_NEVER);
	OK("--fail-on", "info");
	CHECK_INT(opts.fail_on, TL_SEV_INFO);
	OK("--server=haproxy");
	CHECK_INT(opts.server, TL_SERVER_HAPROXY);
	OK("--profile", "old");
	CHECK_STR(opts.profile, "old");
	OK("--profile", "intermediate@5.7");
	CHECK_STR(opts.profile, "intermediate@5.7");

	/* The same variable twice: the later value replaces the earlier one. */
	OK("--env", "A=1", "--env", "B=2", "--env", "A=3", "--env", "AB=4");
	CHECK_INT(opts.env.len, 3);
	CHECK_STR(opts.env.items[0], "A=3");
	CHECK_STR(opts.env.items[1], "B=2");
	CHECK_STR(opts.env.items[2], "AB=4");
	OK("--env", "EMPTY=");
	CHECK_STR(opts.env.items[0], "EMPTY=");
}

static void
test_targets(void)
{
	OK("--target", "nginx=1.22", "--target=apache=2.4.57", "--target", "haproxy=2.6");
	CHECK(opts.target_set[TL_SERVER_NGINX]);
	CHECK(opts.target_set[TL_SERVER_APACHE]);
	CHECK(opts.target_set[TL_SERVER_HAPROXY]);
	CHECK(!opts.target_set[TL_SERVER_AUTO]);
	CHECK_INT(opts.target[TL_SERVER_NGINX].major, 1);
	CHECK_INT(opts.target[TL_SERVER_NGINX].minor, 22);
	CHECK_INT(opts.target[TL_SERVER_NGINX].patch, 0);
	CHECK_INT(opts.target[TL_SERVER_APACHE].major, 2);
	CHECK_INT(opts.target[TL_SERVER_APACHE].minor, 4);
	CHECK_INT(opts.target[TL_SERVER_APACHE].patch, 57);
	CHECK_INT(opts.target[TL_SERVER_HAPROXY].minor, 6);
	OK("--target", "nginx=1.22", "--target", "nginx=1.25.3");
	CHECK_INT(opts.target[TL_SERVER_NGINX].minor, 25);
	CHECK_INT(opts.target[TL_SERVER_NGINX].patch, 3);
	CHECK(!opts.target_set[TL_SERVER_APACHE]);

	ERR("invalid target 'nginx'", "expected SERVER=VERSION, e.g. nginx=1.22", "--target",
	    "nginx");
	ERR("unknown server 'iis' in '--target iis=10'", "expected one of: nginx, apache, haproxy",
	    "--target", "iis=10");
	ERR("invalid version '1.x' in '--target nginx=1.x'",
	    "expected digits like 1.22, 2.4.57 or 2.6", "--target", "nginx=1.x");
	ERR("invalid version '' in '--target nginx='", "expected digits like 1.22, 2.4.57 or 2.6",
	    "--target", "nginx=");
}

static void
test_enable_disable(void)
{
	OK("--enable", "cert-expired,parse-error", "--disable=cert-expiring");
	CHECK_INT(opts.enable.len, 2);
	CHECK_STR(opts.enable.items[0], "cert-expired");
	CHECK_STR(opts.enable.items[1], "parse-error");
	CHECK_INT(opts.disable.len, 1);
	CHECK_STR(opts.disable.items[0], "cert-expiring");

	/* Last switch of an id wins; the lists never share an id, nor repeat one. */
	OK("--disable", "cert-expired,cert-missing", "--enable", "cert-expired", "--enable",
	   "cert-expired");
	CHECK_INT(opts.enable.len, 1);
	CHECK_STR(opts.enable.items[0], "cert-expired");
	CHECK_INT(opts.disable.len, 1);
	CHECK_STR(opts.disable.items[0], "cert-missing");
	OK("--enable", "cert-expired", "--disable", "cert-expired");
	CHECK_INT(opts.enable.len, 0);
	CHECK_INT(opts.disable.len, 1);

	ERR("unknown check 'no-such-check' in '--enable'", "see 'tlslint --list-checks'",
	    "--enable", "cert-expired,no-such-check");
	ERR("unknown check 'nope' in '--disable'", "see 'tlslint --list-checks'", "--disable=nope");
	ERR("empty check id in '--disable cert-expired,,parse-error'",
	    "see 'tlslint --list-checks'", "--disable", "cert-expired,,parse-error");
	ERR("empty check id in '--enable cert-expired,'", "see 'tlslint --list-checks'", "--enable",
	    "cert-expired,");
}

static void
test_paths_and_dashes(void)
{
	OK("-", "x.conf", "-q", "y.conf");
	CHECK_INT(opts.paths.len, 3);
	CHECK_STR(opts.paths.items[0], "-");
	CHECK(opts.quiet);

	OK("-q", "--", "-f", "--weird", "ciphers");
	CHECK(opts.quiet);
	CHECK_INT(opts.format, TL_FORMAT_TEXT);
	CHECK_INT(opts.paths.len, 3);
	CHECK_STR(opts.paths.items[0], "-f");
	CHECK_STR(opts.paths.items[1], "--weird");
	CHECK_STR(opts.paths.items[2], "ciphers");

	/* "ciphers" later than first is no subcommand; as a second PATH it is a file. */
	OK("a.conf", "ciphers");
	CHECK_INT(opts.mode, TL_MODE_LINT);
	CHECK_INT(opts.paths.len, 2);
	OK("./ciphers");
	CHECK_STR(opts.paths.items[0], "./ciphers");
	ERR("'ciphers' must be the first argument",
	    "write 'tlslint ciphers [OPTIONS] STRING', or './ciphers' for a file", "-q", "ciphers",
	    "HIGH");
}

static void
test_ciphers(void)
{
	OK("ciphers", "HIGH:!aNULL");
	CHECK_INT(opts.mode, TL_MODE_CIPHERS);
	CHECK_STR(opts.cipher_string, "HIGH:!aNULL");
	CHECK_INT(opts.paths.len, 0);

	OK("ciphers", "-f", "json", "--profile=modern", "-o", "c.json", "--policy", "p.yaml",
	   "--config", "c.yaml", "--color", "never", "--target", "nginx=1.18", "-q", "DEFAULT");
	CHECK_INT(opts.mode, TL_MODE_CIPHERS);
	CHECK_STR(opts.cipher_string, "DEFAULT");
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	CHECK_STR(opts.profile, "modern");
	CHECK_STR(opts.output, "c.json");
	CHECK_STR(opts.policy_file, "p.yaml");
	CHECK_STR(opts.config_file, "c.yaml");
	CHECK_INT(opts.color, TL_COLOR_NEVER);
	CHECK(opts.target_set[TL_SERVER_NGINX]);
	CHECK(opts.quiet);

	OK("ciphers", "--", "-ALL:HIGH");
	CHECK_STR(opts.cipher_string, "-ALL:HIGH");
	OK("ciphers", "HIGH", "--format", "text");
	CHECK_STR(opts.cipher_string, "HIGH");
	CHECK_INT(opts.format, TL_FORMAT_TEXT);

	ERR("missing cipher string after 'ciphers'", "usage: tlslint ciphers [OPTIONS] STRING",
	    "ciphers");
	ERR("missing cipher string after 'ciphers'", "usage: tlslint ciphers [OPTIONS] STRING",
	    "ciphers", "-q");
	ERR("unexpected argument 'aNULL' after the cipher string",
	    "quote the cipher string, e.g. tlslint ciphers 'HIGH:!aNULL'", "ciphers", "HIGH:!",
	    "aNULL");
	ERR("option '--root' cannot be used with 'ciphers'", usage_hint, "ciphers", "--root", "/x",
	    "HIGH");
	ERR("option '--list-checks' cannot be used with 'ciphers'", usage_hint, "ciphers",
	    "--list-checks");
	ERR("option '--enable' cannot be used with 'ciphers'", usage_hint, "ciphers", "HIGH",
	    "--enable=parse-error");
	ERR("format 'sarif' is not available with 'ciphers'", "expected one of: text, json",
	    "ciphers", "-f", "sarif", "HIGH");
	ERR("format 'gcc' is not available with 'ciphers'", "expected one of: text, json",
	    "ciphers", "-fgcc", "HIGH");
	ERR("format 'markdown' is not available with 'ciphers'", "expected one of: text, json",
	    "ciphers", "-f", "markdown", "HIGH");
}

/* 'simulate' (issue 13): its own options, client ids checked against the profiles. */
static void
test_simulate(void)
{
	OK("simulate", "nginx.conf");
	CHECK_INT(opts.mode, TL_MODE_SIMULATE);
	CHECK(opts.clients == NULL);
	CHECK_STR(opts.paths.items[0], "nginx.conf");
	OK("simulate", "--clients", "legacy", "--name", "www.example.com", "-f", "json", "x.conf");
	CHECK_STR(opts.clients, "legacy");
	CHECK_STR(opts.sim_name, "www.example.com");
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	OK("simulate", "--clients=android-7.0,java-8u161", "x.conf");
	CHECK_STR(opts.clients, "android-7.0,java-8u161");
	OK("simulate", "--list-clients");
	CHECK_INT(opts.mode, TL_MODE_LIST_CLIENTS);
	OK("--require-clients", "android-7.0,java-8u161", "--require-clients=android-7.0",
	   "a.conf");
	CHECK_INT(opts.mode, TL_MODE_LINT);
	CHECK_INT(opts.require_clients.len, 2);
	CHECK_STR(opts.require_clients.items[1], "java-8u161");
	/* "simulate" later than first is a file, as for "ciphers". */
	OK("a.conf", "simulate");
	CHECK_INT(opts.mode, TL_MODE_LINT);

	ERR("unknown client 'android-77' in '--clients'", "see 'tlslint simulate --list-clients'",
	    "simulate", "--clients", "android-7.0,android-77", "x.conf");
	ERR("unknown client 'nope' in '--require-clients'", "see 'tlslint simulate --list-clients'",
	    "--require-clients", "nope", "x.conf");
	ERR("empty client id in '--require-clients android-7.0,'",
	    "see 'tlslint simulate --list-clients'", "--require-clients", "android-7.0,", "x.conf");
	ERR("option '--clients' belongs to 'simulate'", "write 'tlslint simulate --clients …'",
	    "--clients", "all", "x.conf");
	ERR("option '--name' belongs to 'simulate'", "write 'tlslint simulate --name HOST'",
	    "--name", "a.example", "x.conf");
	ERR("option '--list-clients' belongs to 'simulate'",
	    "write 'tlslint simulate --list-clients'", "--list-clients");
	ERR("format 'sarif' is not available with 'simulate'", "expected one of: text, json",
	    "simulate", "-f", "sarif", "x.conf");
	ERR("unexpected argument 'x.conf' with '--list-clients'", usage_hint, "simulate",
	    "--list-clients", "x.conf");
	ERR("option '--require-clients' cannot be used with 'ciphers'", usage_hint, "ciphers",
	    "--require-clients", "android-7.0", "HIGH");
}

static void
test_modes(void)
{
	OK("--list-checks");
	CHECK_INT(opts.mode, TL_MODE_LIST_CHECKS);
	OK("--list-checks", "--format", "json");
	CHECK_INT(opts.mode, TL_MODE_LIST_CHECKS);
	CHECK_INT(opts.format, TL_FORMAT_JSON);
	ERR("unexpected argument 'x.conf' with '--list-checks'", usage_hint, "--list-checks",
	    "x.conf");
	ERR("format 'sarif' is not available with '--list-checks'", "expected one of: text, json",
	    "--list-checks", "-f", "sarif");

	OK("--help");
	CHECK_INT(opts.mode, TL_MODE_HELP);
	OK("-h");
	CHECK_INT(opts.mode, TL_MODE_HELP);
	OK("--version");
	CHECK_INT(opts.mode, TL_MODE_VERSION);
	OK("-V");
	CHECK_INT(opts.mode, TL_MODE_VERSION);
	/* --help ends the parse: what follows it is not looked at. */
	OK("--help", "--bogus", "--version");
	CHECK_INT(opts.mode, TL_MODE_HELP);
	OK("-Vh");
	CHECK_INT(opts.mode, TL_MODE_VERSION);
	OK("ciphers", "--help");
	CHECK_INT(opts.mode, TL_MODE_HELP);
	OK("--list-checks", "-h");
	CHECK_INT(opts.mode, TL_MODE_HELP);
	/* … but an error before it still counts. */
	ERR("unknown option '--bogus'", usage_hint, "--bogus", "--help");
}

static void
test_errors(void)
{
	ERR("unknown option '--xml'", usage_hint, "--xml");
	ERR("unknown option '--formt'", "did you mean '--format'?", "--formt", "json");
	ERR("unknown option '--colr'", "did you mean '--color'?", "--colr=never");
	ERR("unknown option '--form'", "did you mean '--format'?", "--form=json");
	ERR("unknown option '-x'", usage_hint, "-x");
	ERR("unknown option '-x'", usage_hint, "-qx");
	ERR("unknown option '---'", usage_hint, "---");

	ERR("unknown format 'xml'", "expected one of: text, json, sarif, gcc, markdown", "--format",
	    "xml");
	ERR("unknown format 'JSON'", "expected one of: text, json, sarif, gcc, markdown", "-fJSON");
	static const char profile_hint[] =
		"expected modern, intermediate or old; NAME@VERSION pins a Mozilla guideline "
		"version, 'tlslint --version' lists them";
	ERR("unknown profile 'strict' (expected modern, intermediate or old, or NAME@VERSION)",
	    profile_hint, "--profile", "strict");
	ERR("profile 'old' has no Mozilla guideline version '6.0' (old: 5.0, 5.1, 5.2, 5.3, 5.4, "
	    "5.5, 5.6, 5.7, 5.8)",
	    profile_hint, "--profile=old@6.0");
	ERR("unknown profile 'inter' (expected modern, intermediate or old, or NAME@VERSION)",
	    profile_hint, "--profile=inter@5.7");
	ERR("unknown fail-on level 'fatal'", "expected one of: error, warning, info, never",
	    "--fail-on=fatal");
	ERR("unknown server 'iis'", "expected one of: nginx, apache, haproxy", "--server", "iis");
	ERR("unknown server 'auto'", "expected one of: nginx, apache, haproxy", "--server", "auto");
	ERR("unknown color mode 'yes'", "expected one of: auto, always, never", "--colour", "yes");

	ERR("missing value for '--format'", "expected one of: text, json, sarif, gcc, markdown",
	    "--format");
	ERR("missing value for '-f'", "expected one of: text, json, sarif, gcc, markdown", "-q",
	    "-f");
	ERR("missing value for '--output'", "usage: --output FILE", "x.conf", "--output");
	ERR("missing value for '--now'",
	    "expected ISO 8601, e.g. 2026-11-26 or 2026-11-26T12:00:00Z", "--now");
	ERR("empty value for '--output'", "usage: --output FILE", "--output=");
	ERR("empty value for '--root'", "usage: --root DIR", "--root", "");
	ERR("option '--quiet' takes no value", usage_hint, "--quiet=yes");
	ERR("option '--list-checks' takes no value", usage_hint, "--list-checks=json");

	ERR("invalid environment assignment 'NOVALUE'",
	    "expected VAR=VALUE, VAR of letters, digits and '_'", "--env", "NOVALUE");
	ERR("invalid environment assignment '=x'",
	    "expected VAR=VALUE, VAR of letters, digits and '_'", "--env", "=x");
	ERR("invalid environment assignment '1A=x'",
	    "expected VAR=VALUE, VAR of letters, digits and '_'", "--env", "1A=x");
	ERR("invalid environment assignment 'A-B=x'",
	    "expected VAR=VALUE, VAR of letters, digits and '_'", "--env", "A-B=x");
	ERR("invalid define name 'A B'", "usage: --define NAME", "--define", "A B");
	ERR("invalid define name 'A=1'", "usage: --define NAME", "--define", "A=1");

	ERR("invalid time '2026-02-30' for '--now': day out of range",
	    "expected ISO 8601, e.g. 2026-11-26 or 2026-11-26T12:00:00Z", "--now", "2026-02-30");
	ERR("invalid time 'tomorrow' for '--now': expected YYYY-MM-DD",
	    "expected ISO 8601, e.g. 2026-11-26 or 2026-11-26T12:00:00Z", "--now=tomorrow");
}

/* --now values and their epoch seconds (checked against Python's calendar.timegm). */
static void
test_time(void)
{
	static const struct {
		const char *text;
		long long epoch;
	} good[] = {
		{"2026-11-26", 1795651200},
		{"2026-11-26T12:00:00Z", 1795694400},
		{"2026-11-26T12:00:00", 1795694400},
		{"2026-11-26 12:00:00Z", 1795694400},
		{"2026-11-26t12:00:00z", 1795694400},
		{"2026-11-26T12:00Z", 1795694400},
		{"2026-11-26T12:00:00.999Z", 1795694400},
		{"2026-11-26T12:00:00+01:00", 1795694400 - 3600},
		{"2026-11-26T12:00:00+0100", 1795694400 - 3600},
		{"2026-11-26T12:00:00+01", 1795694400 - 3600},
		{"2026-11-26T12:00:00-05:30", 1795694400 + 5 * 3600 + 30 * 60},
		{"2026-11-26T00:30:00+01:00", 1795651200 - 1800},
		{"2026-12-31T23:59:59Z", 1798761599},
		{"2024-02-29", 1709164800},
		{"1970-01-01T00:00:00Z", 0},
		{"@1795651200", 1795651200},
		{"@0", 0},
	};
	static const struct {
		const char *text;
		const char *why;
	} bad[] = {
		{"2026-02-30", "day out of range"},
		{"2025-02-29", "day out of range"},
		{"2100-02-29", "day out of range"},
		{"2026-04-31", "day out of range"},
		{"2026-11-00", "day out of range"},
		{"2026-13-01", "month out of range"},
		{"2026-00-10", "month out of range"},
		{"2026-11-26T24:00:00Z", "hour out of range"},
		{"2026-11-26T12:60:00Z", "minute out of range"},
		{"2026-11-26T12:00:60Z", "second out of range"},
		{"2026-11-26T12:00:00+24:00", "time zone offset out of range"},
		{"2026-11-26T12:00:00+01:60", "time zone offset out of range"},
		{"2026-11-26T12:00:00+1", "malformed time zone offset"},
		{"2026-11-26T12:00:00+01:0", "malformed time zone offset"},
		{"2026-11-26T12:00:00 UTC", "unexpected text after the time"},
		{"2026-11-26T12:00:00Zx", "unexpected text after the time"},
		{"2026-11-26T12", "expected HH:MM after the date"},
		{"2026-11-26T12:00:0", "expected two digits of seconds"},
		{"2026-11-26T12:00:00.", "expected digits after the decimal point"},
		{"2026-11-26x", "unexpected text after the date"},
		{"2026-1-26", "expected YYYY-MM-DD"},
		{"26-11-2026", "expected YYYY-MM-DD"},
		{"", "expected YYYY-MM-DD"},
		{"@", "expected seconds after '@'"},
		{"@12x", "expected seconds after '@'"},
		{"@99999999999999999999", "seconds out of range"},
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		time_t t = -12345;
		const char *why = NULL;

		CHECK_INT(tl_cli_parse_time(good[i].text, &t, &why), 0);
		if ((long long)t != good[i].epoch)
			fprintf(stderr, "  for '%s'\n", good[i].text);
		CHECK_INT(t, good[i].epoch);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		time_t t;
		const char *why = NULL;

		CHECK_INT(tl_cli_parse_time(bad[i].text, &t, &why), -1);
		CHECK_STR(why, bad[i].why);
	}
	OK("--now=2026-11-26T12:00:00+01:00");
	CHECK(opts.now_set);
	CHECK_INT(opts.now, 1795690800);
}

static void
test_versions(void)
{
	struct tl_version v = {9, 9, 9};
	struct tl_version a = {1, 22, 0}, b = {1, 22, 1}, c = {2, 0, 0}, d = {1, 3, 99};

	CHECK_INT(tl_version_parse("1", &v), 0);
	CHECK(v.major == 1 && v.minor == 0 && v.patch == 0);
	CHECK_INT(tl_version_parse("1.22", &v), 0);
	CHECK(v.major == 1 && v.minor == 22 && v.patch == 0);
	CHECK_INT(tl_version_parse("2.4.57", &v), 0);
	CHECK(v.major == 2 && v.minor == 4 && v.patch == 57);
	CHECK_INT(tl_version_parse("0.0.0", &v), 0);
	CHECK(v.major == 0 && v.minor == 0 && v.patch == 0);
	CHECK_INT(tl_version_parse("", &v), -1);
	CHECK_INT(tl_version_parse("1.", &v), -1);
	CHECK_INT(tl_version_parse(".1", &v), -1);
	CHECK_INT(tl_version_parse("1..2", &v), -1);
	CHECK_INT(tl_version_parse("1.2.3.4", &v), -1);
	CHECK_INT(tl_version_parse("v1.2", &v), -1);
	CHECK_INT(tl_version_parse("1.2a", &v), -1);
	CHECK_INT(tl_version_parse("1.-2", &v), -1);
	CHECK_INT(tl_version_parse(" 1.2", &v), -1);
	CHECK_INT(tl_version_parse("1.100000", &v), -1);
	CHECK_INT(tl_version_parse("1.99999", &v), 0);

	CHECK_INT(tl_version_cmp(a, a), 0);
	CHECK_INT(tl_version_cmp(a, b), -1);
	CHECK_INT(tl_version_cmp(b, a), 1);
	CHECK_INT(tl_version_cmp(b, c), -1);
	CHECK_INT(tl_version_cmp(c, d), 1);
	CHECK_INT(tl_version_cmp(d, a), -1); /* 1.3 < 1.22: numeric, not textual */
}

static void
test_servers(void)
{
	enum tl_server_kind k = TL_SERVER_AUTO;

	CHECK_STR(tl_server_name(TL_SERVER_AUTO), "auto");
	CHECK_STR(tl_server_name(TL_SERVER_NGINX), "nginx");
	CHECK_STR(tl_server_name(TL_SERVER_APACHE), "apache");
	CHECK_STR(tl_server_name(TL_SERVER_HAPROXY), "haproxy");
	CHECK_INT(tl_server_parse("nginx", &k), 0);
	CHECK_INT(k, TL_SERVER_NGINX);
	CHECK_INT(tl_server_parse("apache", &k), 0);
	CHECK_INT(k, TL_SERVER_APACHE);
	CHECK_INT(tl_server_parse("haproxy", &k), 0);
	CHECK_INT(k, TL_SERVER_HAPROXY);
	CHECK_INT(tl_server_parse("auto", &k), -1);
	CHECK_INT(tl_server_parse("Nginx", &k), -1);
	CHECK_INT(tl_server_parse("", &k), -1);
}

/* --help must mention every option the parser knows, and the exit statuses. */
static void
test_usage(void)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	const char *const *names;
	size_t n;

	tl_cli_usage(f);
	fclose(f);
	names = tl_cli_long_options(&n);
	CHECK(n >= 21);
	for (size_t i = 0; i < n; i++) {
		char *want = tl_arena_printf(arena, "--%s", names[i]);

		if (strstr(text, want) == NULL)
			fprintf(stderr, "  --help lacks '%s'\n", want);
		CHECK(strstr(text, want) != NULL);
	}
	CHECK(strncmp(text, "usage: tlslint [OPTIONS] [PATH...]", 34) == 0);
	CHECK(strstr(text, "  -f, --format") != NULL);
	CHECK(strstr(text, "  -o, --output") != NULL);
	CHECK(strstr(text, "  -q, --quiet") != NULL);
	CHECK(strstr(text, "  -h, --help") != NULL);
	CHECK(strstr(text, "  -V, --version") != NULL);
	CHECK(strstr(text, "  0  ") != NULL);
	CHECK(strstr(text, "  1  ") != NULL);
	CHECK(strstr(text, "  2  ") != NULL);
	CHECK(strstr(text, "tlslint explain ID") != NULL);
	CHECK(strstr(text, ".tlslint.yaml") != NULL);
	/* No line wider than a terminal. */
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");

		CHECK(len <= 80);
		line += len + (line[len] == '\n');
	}
	free(text);
}

int
main(void)
{
	arena = tl_arena_new();
	test_defaults();
	test_value_forms();
	test_all_options();
	test_targets();
	test_enable_disable();
	test_paths_and_dashes();
	test_ciphers();
	test_simulate();
	test_modes();
	test_errors();
	test_time();
	test_versions();
	test_servers();
	test_usage();
	tl_arena_free(arena);
	return tl_unit_result();
}
