/*
 * Unit tests of the markdown report: the exact comment for the standard
 * findings (a finding without a place, related entries, clients see), the
 * escaping of hostile config text in cells, code spans and <summary>, the
 * one-line report without findings, and write errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tests/unit.h"
#include "fixture.h"

#define PAGE "https://github.com/tlslint/tlslint/blob/main/docs/checks/"

static const char standard_md[] =
	"### tlslint: 1 error, 1 warning, 1 info in 3 files, 4 sites, 5 certificates, profile "
	"`intermediate@6.0`\n"
	"\n"
	"| Severity | Check | Location | Message |\n"
	"| --- | --- | --- | --- |\n"
	"| info | [proto-tls13-missing](" PAGE "proto-tls13-missing.md) | &mdash; | session "
	"tickets are on and no ticket key is rotated |\n"
	"| warning | [proto-legacy](" PAGE "proto-legacy.md) | `conf.d/site.conf:4:16` | TLS 1.0 "
	"is enabled |\n"
	"| error | [cert-expired](" PAGE "cert-expired.md) | `conf.d/site.conf:6:5` | certificate "
	"expired on 2026-12-31, 60 days ago (2 sites) |\n"
	"\n"
	"<details>\n"
	"<summary>1. info proto-tls13-missing</summary>\n"
	"\n"
	"- more: `tlslint explain proto-tls13-missing`\n"
	"\n"
	"</details>\n"
	"\n"
	"<details>\n"
	"<summary>2. warning proto-legacy at conf.d/site.conf:4:16</summary>\n"
	"\n"
	"- site: `www.example.com:443`\n"
	"- more: `tlslint explain proto-legacy`\n"
	"\n"
	"</details>\n"
	"\n"
	"<details>\n"
	"<summary>3. error cert-expired at conf.d/site.conf:6:5</summary>\n"
	"\n"
	"- applies to: 2 sites: `www.example.com:443`, `www.example.net:443`\n"
	"- clients see: `NET::ERR_CERT_DATE_INVALID` (Chrome), `SEC_ERROR_EXPIRED_CERTIFICATE` "
	"(Firefox), `certificate has expired` (OpenSSL/curl)\n"
	"- related: `/etc/ssl/site.pem`: leaf certificate CN=www.example.com\n"
	"- fix: renew the certificate and replace the file named on line 6\n"
	"- more: `tlslint explain cert-expired`\n"
	"\n"
	"</details>\n";

static void
test_standard(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	s = render(TL_FORMAT_MARKDOWN, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, standard_md);
	free(s);
	/* -q is for the text summary line; the heading is the comment's verdict. */
	fx.info.quiet = true;
	s = render(TL_FORMAT_MARKDOWN, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, standard_md);
	free(s);
	fixture_fini(&fx);
}

static void
test_hostile(void)
{
	static const char conf[] = "ssl_protocols x;\n";
	struct fixture fx;
	struct tl_source *src;
	struct tl_finding *f;
	char *s;
	int rc;

	fixture_init(&fx);
	src = tl_sources_add(&fx.sources, "a|b/`c`.conf", "a|b/`c`.conf", conf, strlen(conf));
	f = tl_diag_add_message(
		&fx.diag, TL_CK_DIRECTIVE_INVALID, tl_loc_make(src, 0, 13),
		"x|y\nz <b>w</b> `q` [l](https://e.test) @u www.w.test $m$ a\\|b ~s~ *e*");
	f->site = "s`|`<i>.test:443";
	tl_finding_relate(&fx.diag, f, "/r|``.pem", (struct tl_loc){0}, "<img src=x>");
	tl_diag_finish(&fx.diag);
	s = render(TL_FORMAT_MARKDOWN, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	/* The row: '|' escaped in the code span too, the message inert, still four cells. */
	CHECK(strstr(s, "| ``a\\|b/`c`.conf:1:1`` | x\\|y z &lt;b&gt;w&lt;/b&gt; \\`q\\` "
			"\\[l\\](https\\://e.test) @\xe2\x81\xa0u www\\.w.test \\$m\\$ a\\\\\\|b "
			"\\~s\\~ \\*e\\* |\n") != NULL);
	/* Outside the table a code span keeps '|' as it is; the fence outgrows the backticks. */
	CHECK(strstr(s, "- site: ``s`|`<i>.test:443``\n") != NULL);
	CHECK(strstr(s, "- related: ```/r|``.pem```: &lt;img src=x&gt;\n") != NULL);
	/* <summary> is raw HTML: entities there. */
	CHECK(strstr(s, "<summary>1. error directive-invalid at a|b/`c`.conf:1:1</summary>\n") !=
	      NULL);
	CHECK(strstr(s, "<b>") == NULL && strstr(s, "<img") == NULL && strstr(s, "<i>.") != NULL);
	free(s);
	fixture_fini(&fx);
}

static void
test_no_findings(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	tl_diag_finish(&fx.diag);
	fx.info.profile = "old";
	fx.info.profile_version = "5.7";
	s = render(TL_FORMAT_MARKDOWN, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, "### tlslint: no findings in 3 files, 4 sites, 5 certificates, profile "
		     "`old@5.7`\n");
	free(s);
	fixture_fini(&fx);
}

static void
test_write_error(void)
{
	struct fixture fx;
	FILE *full = fopen("/dev/full", "w");

	if (full == NULL) {
		fprintf(stderr, "skipping write error test: no /dev/full\n");
		return;
	}
	fixture_init(&fx);
	fixture_standard(&fx);
	CHECK_INT(tl_report_write(full, TL_FORMAT_MARKDOWN, &fx.diag, &fx.info), -ENOSPC);
	fclose(full);
	fixture_fini(&fx);
}

int
main(void)
{
	test_standard();
	test_hostile();
	test_no_findings();
	test_write_error();
	return tl_unit_result();
}
