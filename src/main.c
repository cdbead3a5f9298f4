/*
 * tlslint's entry point: parse the command line and the config file, run
 * the lint, write the report, and turn the outcome into an exit status
 * (0 clean, 1 findings at or above --fail-on, 2 usage or input errors).
 * Only this file prints to stderr.
 */
#include <errno.h>
#include <openssl/crypto.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "../parsers/servers.h"
#include "baseline.h"
#include "ciphers_cmd.h"
#include "cli/cli.h"
#include "explain_cmd.h"
#include "fsutil.h"
#include "phase_time.h"
#include "simulate_cmd.h"
#include "report/report.h"
#include "run.h"

enum {
	EXIT_CLEAN = 0,
	EXIT_FINDINGS = 1,
	EXIT_USAGE = 2,
};

static int
usage_error(const char *error, const char *hint)
{
	fprintf(stderr, "tlslint: %s\n", error);
	if (hint != NULL)
		fprintf(stderr, "hint: %s\n", hint);
	return EXIT_USAGE;
}

/*
 * Which guideline version each bare profile name means in this build, and
 * what can be pinned: a CI gate that must not change its verdict on an
 * upgrade writes the version it sees here into --profile NAME@VERSION.
 */
static void
print_profiles(struct tl_arena *arena)
{
	static const char *const names[] = {"modern", "intermediate", "old"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct tl_policy *p = tl_policy_builtin(names[i]);

		if (p != NULL)
			printf("profile %s = %s@%s (Mozilla guidelines); pinnable versions: %s\n",
			       p->name, p->name, p->guideline, tl_policy_versions(arena, p->name));
	}
}

static void
print_version(struct tl_arena *arena)
{
	char pcre[64] = "";
	size_t nservers;
	const struct tl_server *const *servers = tl_servers(&nservers);

	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	printf("tlslint %s\n", TL_VERSION);
	for (size_t i = 0; i < nservers; i++)
		if (servers[i]->stable_note != NULL)
			printf("default target: %s\n", servers[i]->stable_note);
	print_profiles(arena);
	printf("built with %s, libyaml %s, PCRE2 %s\n", OpenSSL_version(OPENSSL_VERSION),
	       yaml_get_version_string(), pcre);
}

/* Loads .tlslint.yaml (named or found upwards) and lets the command line win. */
static int
load_config(struct tl_arena *arena, struct tl_options *opts)
{
	struct tl_options file_opts;
	const char *path = opts->config_file;
	const char *error = NULL;
	char cwd[4096];

	if (path == NULL) {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			return 0;
		path = tl_config_find(arena, cwd);
		if (path == NULL)
			return 0;
		/*
		 * Found in the current directory itself (a repository's root,
		 * where pre-commit and CI run): named relatively, so its entries
		 * and the findings read "etc/nginx/…" as the user typed them.
		 */
		if (strcmp(path, tl_arena_printf(arena, "%s/.tlslint.yaml", cwd)) == 0)
			path = ".tlslint.yaml";
	}
	tl_options_init(&file_opts);
	if (tl_config_load(arena, path, &file_opts, &error) != 0)
		return usage_error(error, "see the config file format in README.md");
	tl_options_merge(opts, &file_opts, arena);
	return 0;
}

static bool
want_color(const struct tl_options *opts, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");

	if (opts->color == TL_COLOR_ALWAYS)
		return true;
	if (opts->color == TL_COLOR_NEVER || (no_color != NULL && no_color[0] != '\0'))
		return false;
	return isatty(fileno(out));
}

static int
exit_status(const struct tl_run *run)
{
	if (run->opts->fail_on == TL_SEV_NEVER)
		return EXIT_CLEAN;
	for (size_t i = 0; i < run->diag.findings.len; i++) {
		const struct tl_finding *f = run->diag.findings.items[i];

		if (f->severity >= run->opts->fail_on)
			return EXIT_FINDINGS;
	}
	return EXIT_CLEAN;
}

/* Where audit mode looks, for the message that says it found nothing. */
static const char *
usual_locations(struct tl_arena *arena)
{
	size_t n;
	const struct tl_server *const *servers = tl_servers(&n);
	const char *list = "";

	for (size_t s = 0; s < n; s++)
		for (const char *const *p = servers[s]->usual_locations; p && *p; p++)
			list = tl_arena_printf(arena, "%s%s%s", list, list[0] ? ", " : "", *p);
	return list;
}

/* Where the report goes: --output, else standard output; NULL (said why) if it cannot be opened. */
static FILE *
open_output(const struct tl_options *opts)
{
	/*
	 * Reports of 10,000 sites are tens of megabytes (a simulation of them,
	 * over a hundred): written in 1 MiB pieces, not in the 4 KiB of a
	 * file's or pipe's default buffer. A terminal keeps its own.
	 */
	static char buffer[1 << 20];
	FILE *out;

	if (opts->output == NULL) {
		out = stdout;
		if (isatty(STDOUT_FILENO))
			return out;
	} else {
		out = fopen(opts->output, "w");
		if (out == NULL) {
			fprintf(stderr, "tlslint: cannot write '%s': %s\n", opts->output,
				strerror(errno));
			return NULL;
		}
	}
	setvbuf(out, buffer, _IOFBF, sizeof(buffer));
	return out;
}

/*
 * Reads every entry into RUN's model and runs the checks. Returns -1 when
 * that worked, else the exit status of the message it printed.
 */
static int
read_configs(struct tl_run *run, struct tl_arena *arena, const struct tl_options *opts)
{
	const char *failed = NULL;
	int rc;

	if (tl_run_init(run, arena, opts, &failed) != 0)
		return usage_error(failed,
				   "check --root, --ca-file, --ca-path, --profile and --policy");
	rc = tl_run_lint(run, &failed);
	if (rc == -ENOENT && failed == NULL)
		return usage_error(
			opts->root ? tl_arena_printf(arena,
						     "no config found at the usual locations under "
						     "--root '%s' (%s)",
						     opts->root, usual_locations(arena))
				   : tl_arena_printf(arena,
						     "no config found at the usual locations (%s)",
						     usual_locations(arena)),
			"name the entry config, e.g. 'tlslint /etc/nginx/nginx.conf'");
	if (rc == -EPROTONOSUPPORT) {
		fprintf(stderr,
			"tlslint: %s: detected as %s, whose configs this version cannot read yet\n",
			failed, run->unsupported ? run->unsupported : "server");
		return usage_error("only nginx and Apache httpd configs can be linted in this "
				   "version",
				   "force a parser with '--server nginx' or '--server apache'");
	}
	if (rc != 0) {
		const char *host = failed;

		/*
		 * An entry under --root that is a link was looked for where it
		 * leads inside the root (host is set on an error too).
		 */
		if (failed != NULL)
			tl_fs_entry_resolve(&run->fs, failed, &host);
		if (host != NULL && strcmp(host, failed) != 0)
			fprintf(stderr,
				"tlslint: cannot read '%s': %s (looked for as '%s': links under "
				"--root are followed inside the root)\n",
				failed, tl_file_error(-rc), host);
		else
			fprintf(stderr, "tlslint: cannot read '%s': %s\n", failed,
				tl_file_error(-rc));
		return EXIT_USAGE;
	}
	return -1;
}

static int
lint(struct tl_arena *arena, const struct tl_options *opts)
{
	struct tl_run run;
	struct tl_report_info info = {0};
	const char *failed = NULL;
	FILE *out;
	int rc = read_configs(&run, arena, opts);

	if (rc >= 0)
		return rc;
	tl_run_finish(&run);
	if (opts->write_baseline != NULL) {
		if (tl_baseline_write(opts->write_baseline, &run.diag, run.fs.root, arena,
				      &failed) != 0)
			return usage_error(failed, "check the path given to --write-baseline");
		tl_diag_note(&run.diag, "%zu finding%s recorded in %s", run.diag.findings.len,
			     run.diag.findings.len == 1 ? "" : "s", opts->write_baseline);
	} else if (opts->baseline != NULL &&
		   tl_baseline_apply(opts->baseline, &run.diag, run.fs.root, arena, &failed) != 0) {
		return usage_error(failed, "a baseline is written by --write-baseline FILE");
	}
	out = open_output(opts);
	if (out == NULL)
		return EXIT_USAGE;
	info.profile = run.policy->name;
	info.profile_version = run.policy->guideline;
	info.summary.files = run.model.nfiles;
	info.summary.sites = run.model.sites.len;
	info.summary.certificates = tl_certstore_certificate_files(run.certs);
	info.color = want_color(opts, out);
	info.quiet = opts->quiet;
	info.width = tl_report_width(out);
	info.root = run.fs.root;
	rc = tl_report_write(out, opts->format, &run.diag, &info);
	if (out != stdout && fclose(out) != 0 && rc == 0)
		rc = -errno;
	if (rc != 0) {
		fprintf(stderr, "tlslint: writing the report failed: %s\n", strerror(-rc));
		return EXIT_USAGE;
	}
	/* Recording a baseline accepts what it records: the run that writes it passes. */
	return opts->write_baseline != NULL ? EXIT_CLEAN : exit_status(&run);
}

/* 'tlslint simulate': the model as lint reads it, then every client against every site. */
static int
simulate(struct tl_arena *arena, const struct tl_options *opts)
{
	struct tl_run run;
	FILE *out;
	int rc = read_configs(&run, arena, opts);

	if (rc >= 0)
		return rc;
	out = open_output(opts);
	if (out == NULL)
		return EXIT_USAGE;
	rc = tl_simulate_run(&run, out);
	if (out != stdout && fclose(out) != 0) {
		fprintf(stderr, "tlslint: writing the report failed: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena;
	struct tl_options opts;
	const char *error = NULL;
	const char *hint = NULL;
	int status = EXIT_CLEAN;

	tl_phase_start();
	arena = tl_arena_new();
	tl_options_init(&opts);
	if (tl_cli_parse(argc, argv, arena, &opts, &error, &hint) != 0) {
		status = usage_error(error, hint);
		goto done;
	}
	switch (opts.mode) {
	case TL_MODE_HELP:
		tl_cli_usage(stdout);
		break;
	case TL_MODE_VERSION:
		print_version(arena);
		break;
	case TL_MODE_LIST_CHECKS:
		if (tl_list_checks_write(stdout, opts.format) != 0)
			status = EXIT_USAGE;
		break;
	case TL_MODE_CIPHERS:
		status = tl_ciphers_run(arena, &opts, stdout, stderr);
		break;
	case TL_MODE_EXPLAIN:
		status = tl_explain_run(opts.explain_id, stdout, stderr);
		break;
	case TL_MODE_LINT:
		status = load_config(arena, &opts);
		if (status == 0)
			status = lint(arena, &opts);
		break;
	case TL_MODE_SIMULATE:
		status = load_config(arena, &opts);
		if (status == 0)
			status = simulate(arena, &opts);
		break;
	case TL_MODE_LIST_CLIENTS:
		status = tl_list_clients_write(stdout, opts.format);
		break;
	}
done:
	/*
	 * Whatever wrote to standard output, a write that failed (a full disk,
	 * a closed pipe) must not pass for a report: nothing lost silently.
	 * lint says so itself, as it does for --output.
	 */
	if ((fflush(stdout) != 0 || ferror(stdout)) && opts.mode != TL_MODE_LINT) {
		fprintf(stderr, "tlslint: writing to standard output failed: %s\n",
			errno != 0 ? strerror(errno) : "write error");
		status = EXIT_USAGE;
	}
	tl_arena_free(arena);
	tl_phase_report(stderr);
	return status;
}
