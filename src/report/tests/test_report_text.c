/*
 * Unit tests of the text and gcc reports: exact output for carets under
 * space- and tab-indented directives, wrapping of clients_see, findings
 * without a place, summaries, quiet mode, colour, and write errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tests/unit.h"
#include "../report_internal.h"
#include "fixture.h"

static const char standard_text[] =
	"tlslint: info: session tickets are on and no ticket key is rotated [proto-tls13-missing]\n"
	"\n"
	"conf.d/site.conf:4:16: warning: TLS 1.0 is enabled [proto-legacy]\n"
	"    4 |         ssl_protocols   TLSv1 TLSv1.2;\n"
	"      |                         ^~~~~\n"
	"  site: www.example.com:443\n"
	"\n"
	"conf.d/site.conf:6:5: error: certificate expired on 2026-12-31, 60 days ago (2 sites) "
	"[cert-expired]\n"
	"    6 |     ssl_certificate     /etc/ssl/site.pem;\n"
	"      |     ^~~~~~~~~~~~~~~\n"
	"  applies to: 2 sites: www.example.com:443, www.example.net:443\n"
	"  clients see: NET::ERR_CERT_DATE_INVALID (Chrome), SEC_ERROR_EXPIRED_CERTIFICATE "
	"(Firefox),\n"
	"               \"certificate has expired\" (OpenSSL/curl)\n"
	"  related: /etc/ssl/site.pem: leaf certificate CN=www.example.com\n"
	"  fix: renew the certificate and replace the file named on line 6 (see `tlslint explain "
	"cert-expired`)\n"
	"\n"
	"1 error, 1 warning, 1 info in 3 files, 4 sites, 5 certificates\n";

static void
test_standard(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, standard_text);
	free(s);

	fx.info.quiet = true;
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	/* Quiet drops the summary and the empty line before it, nothing else. */
	CHECK_INT(strlen(s), strlen(standard_text) - strlen("\n1 error, 1 warning, 1 info in 3 "
							    "files, 4 sites, 5 certificates\n"));
	CHECK(strncmp(s, standard_text, strlen(s)) == 0);
	free(s);

	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, "tlslint: info: session tickets are on and no ticket key is rotated "
		     "[proto-tls13-missing]\n"
		     "conf.d/site.conf:4:16: warning: TLS 1.0 is enabled [proto-legacy]\n"
		     "conf.d/site.conf:6:5: error: certificate expired on 2026-12-31, 60 days "
		     "ago (2 sites) [cert-expired]\n");
	free(s);
	/* Colour is for text on a terminal; quickfix parsers must never see it. */
	fx.info.color = true;
	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK(strchr(s, '\033') == NULL);
	free(s);
	fixture_fini(&fx);
}

/* The run's notes follow the findings as "tlslint: note:" lines, except with --quiet. */
static void
test_gcc_notes(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	tl_diag_add(&fx.diag, TL_CK_PROTO_LEGACY,
		    tl_loc_make(tl_sources_add(&fx.sources, "a.conf", NULL, "x;\n", 3), 0, 1),
		    "TLS 1.0 is enabled");
	tl_diag_note(&fx.diag, "audit of %s: linted %s", "/srv", "/etc/nginx/nginx.conf (nginx)");
	tl_diag_note(&fx.diag, "2 findings recorded in the baseline b.json not shown");
	tl_diag_finish(&fx.diag);
	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, "a.conf:1:1: warning: TLS 1.0 is enabled [proto-legacy]\n"
		     "tlslint: note: audit of /srv: linted /etc/nginx/nginx.conf (nginx)\n"
		     "tlslint: note: 2 findings recorded in the baseline b.json not shown\n");
	free(s);
	fx.info.quiet = true;
	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "a.conf:1:1: warning: TLS 1.0 is enabled [proto-legacy]\n");
	free(s);
	fixture_fini(&fx);
}

/* One finding at NEEDLE (LEN bytes) rendered as text, quiet. */
static char *
one(const char *needle, size_t len)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fx.info.quiet = true;
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, fixture_loc(&fx, needle, len), "m");
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	fixture_fini(&fx);
	return s;
}

static void
test_carets(void)
{
	char *s;

	/* A span past the line end is cut there. */
	s = one("server {", 100);
	CHECK_STR(s, "conf.d/site.conf:1:1: error: m [parse-error]\n"
		     "    1 | server {\n"
		     "      | ^~~~~~~~\n");
	free(s);
	/* Zero and one byte: a caret alone; a tab that is one byte wide is one caret. */
	s = one("listen", 0);
	CHECK_STR(s, "conf.d/site.conf:2:5: error: m [parse-error]\n"
		     "    2 |     listen 443 ssl;\n"
		     "      |     ^\n");
	free(s);
	s = one("\tssl_protocols", 1);
	CHECK_STR(s, "conf.d/site.conf:4:1: error: m [parse-error]\n"
		     "    4 |         ssl_protocols   TLSv1 TLSv1.2;\n"
		     "      | ^\n");
	free(s);
	/* A span over a tab covers its expanded width. */
	s = one("ssl_protocols\t", 19);
	CHECK_STR(s, "conf.d/site.conf:4:2: error: m [parse-error]\n"
		     "    4 |         ssl_protocols   TLSv1 TLSv1.2;\n"
		     "      |         ^~~~~~~~~~~~~~~~~~~~~\n");
	free(s);
	/* The empty line 5. */
	s = one("\n\n", 0);
	CHECK_STR(s, "conf.d/site.conf:4:30: error: m [parse-error]\n"
		     "    4 |         ssl_protocols   TLSv1 TLSv1.2;\n"
		     "      |                                       ^\n");
	free(s);
}

static void
test_wide_gutter_and_utf8(void)
{
	struct fixture fx;
	struct tl_source *src;
	char *text = malloc(100010);
	char *s;
	int rc;

	memset(text, '\n', 100000);
	strcpy(text + 100000, "\xc3\xa9t\xc3\xa9 x;");
	fixture_init(&fx);
	fx.info.quiet = true;
	src = tl_sources_add(&fx.sources, "big.conf", NULL, text, strlen(text));
	/* "x" after two two-byte characters: byte column 7, display column 5. */
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, tl_loc_make(src, 100006, 1), "m");
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "big.conf:100001:7: error: m [parse-error]\n"
		     " 100001 | \xc3\xa9t\xc3\xa9 x;\n"
		     "        |     ^\n");
	free(s);
	fixture_fini(&fx);
	free(text);
}

static tl_clients_see boundary_clients = {
	/* 15 + 35 + 2 + 47 + 1 (its comma) = 100: fits exactly. */
	{"c", "0123456789012345678901234567890"},
	{"c", "0123456789012345678901234567890123456789012"},
	{NULL, "no client here"},
	{"longer client", "x"},
	{NULL, NULL},
};

static tl_clients_see last_fits_clients = {
	/* The last entry has no comma after it: 15 + 35 + 2 + 48 = 100 fits. */
	{"c", "0123456789012345678901234567890"},
	{"c", "01234567890123456789012345678901234567890123"},
	{NULL, NULL},
};

static tl_clients_see comma_over_clients = {
	/* As last_fits_clients but not last: its comma would be column 101, so it wraps. */
	{"c", "0123456789012345678901234567890"},
	{"c", "01234567890123456789012345678901234567890123"},
	{"c", "x"},
	{NULL, NULL},
};

static tl_clients_see over_clients = {
	/* One column more than that: the second entry wraps. */
	{"c", "0123456789012345678901234567890"},
	{"c", "012345678901234567890123456789012345678901234"},
	{NULL, NULL},
};

static char *
with_clients(const struct tl_client_error *clients)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fx.info.quiet = true;
	tl_diag_add(&fx.diag, TL_CK_CERT_EXPIRED, (struct tl_loc){0}, "m")->clients_see = clients;
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	fixture_fini(&fx);
	return s;
}

static void
test_clients_wrap(void)
{
	char *s = with_clients(boundary_clients);

	CHECK_STR(s, "tlslint: error: m [cert-expired]\n"
		     "  clients see: 0123456789012345678901234567890 (c), "
		     "0123456789012345678901234567890123456789012 (c),\n"
		     "               \"no client here\", x (longer client)\n");
	CHECK_INT(strchr(strchr(s, '\n') + 1, '\n') - strchr(s, '\n') - 1, 100);
	free(s);
	s = with_clients(last_fits_clients);
	CHECK_STR(s, "tlslint: error: m [cert-expired]\n"
		     "  clients see: 0123456789012345678901234567890 (c), "
		     "01234567890123456789012345678901234567890123 (c)\n");
	free(s);
	s = with_clients(comma_over_clients);
	CHECK_STR(s, "tlslint: error: m [cert-expired]\n"
		     "  clients see: 0123456789012345678901234567890 (c),\n"
		     "               01234567890123456789012345678901234567890123 (c), x (c)\n");
	free(s);
	s = with_clients(over_clients);
	CHECK_STR(s, "tlslint: error: m [cert-expired]\n"
		     "  clients see: 0123456789012345678901234567890 (c),\n"
		     "               012345678901234567890123456789012345678901234 (c)\n");
	free(s);
	/* An empty table prints no line at all. */
	s = with_clients((const struct tl_client_error[]){{NULL, NULL}});
	CHECK_STR(s, "tlslint: error: m [cert-expired]\n");
	free(s);
}

static char *
summary_of(size_t errors, size_t warnings, size_t infos, size_t files, size_t sites, size_t certs)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fx.info.summary.files = files;
	fx.info.summary.sites = sites;
	fx.info.summary.certificates = certs;
	for (size_t i = 0; i < errors + warnings + infos; i++) {
		struct tl_finding *f =
			tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, (struct tl_loc){0}, "m%zu", i);

		f->severity = i < errors              ? TL_SEV_ERROR
			      : i < errors + warnings ? TL_SEV_WARNING
						      : TL_SEV_INFO;
	}
	tl_diag_finish(&fx.diag);
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	fixture_fini(&fx);
	return s;
}

/* The last line of S. */
static const char *
last_line(const char *s)
{
	size_t n = strlen(s);
	const char *p = s + n - 1;

	while (p > s && p[-1] != '\n')
		p--;
	return p;
}

static void
test_summaries(void)
{
	struct {
		size_t e, w, i, files, sites, certs;
		const char *want;
	} cases[] = {
		{0, 0, 0, 3, 4, 5, "no findings in 3 files, 4 sites, 5 certificates\n"},
		{0, 0, 0, 1, 1, 1, "no findings in 1 file, 1 site, 1 certificate\n"},
		{0, 0, 0, 0, 0, 0, "no findings in 0 files, 0 sites, 0 certificates\n"},
		{1, 0, 0, 1, 1, 1, "1 error, 0 warnings in 1 file, 1 site, 1 certificate\n"},
		{2, 1, 0, 3, 4, 5, "2 errors, 1 warning in 3 files, 4 sites, 5 certificates\n"},
		{0, 2, 1, 2, 2, 0,
		 "0 errors, 2 warnings, 1 info in 2 files, 2 sites, 0 certificates\n"},
		{0, 0, 3, 1, 0, 1,
		 "0 errors, 0 warnings, 3 infos in 1 file, 0 sites, 1 certificate\n"},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char *s = summary_of(cases[k].e, cases[k].w, cases[k].i, cases[k].files,
				     cases[k].sites, cases[k].certs);

		CHECK_STR(last_line(s), cases[k].want);
		free(s);
	}
}

static void
test_no_findings_quiet(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "no findings in 3 files, 4 sites, 5 certificates\n");
	free(s);
	fx.info.quiet = true;
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "");
	free(s);
	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "");
	free(s);
	fixture_fini(&fx);
}

static void
test_color(void)
{
	struct fixture fx;
	struct tl_source *src;
	struct tl_finding *f;
	char *s;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	fx.info.color = true;
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK(strstr(s, "\033[1mtlslint:\033[0m \033[1;36minfo:\033[0m session tickets") == s);
	CHECK(strstr(s, "\033[1mconf.d/site.conf:4:16:\033[0m \033[1;35mwarning:\033[0m TLS 1.0 "
			"is enabled [proto-legacy]\n") != NULL);
	CHECK(strstr(s, "\033[1mconf.d/site.conf:6:5:\033[0m \033[1;31merror:\033[0m certificate "
			"expired") != NULL);
	CHECK(strstr(s, "\n      |     \033[1;32m^~~~~~~~~~~~~~~\033[0m\n") != NULL);
	free(s);
	fixture_fini(&fx);

	/* Colour off: not one escape byte, even when the config and message contain some. */
	fixture_init(&fx);
	src = tl_sources_add(&fx.sources, "esc\033.conf", NULL, "a \033[31mred\r\n", 13);
	f = tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, tl_loc_make(src, 2, 3), "bad '\033[2J'");
	f->site = "s\033";
	tl_finding_relate(&fx.diag, f, "r\033", (struct tl_loc){0}, "m\033");
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK(strchr(s, '\033') == NULL);
	CHECK_STR(s, "esc?.conf:1:3: error: bad '?[2J' [parse-error]\n"
		     "    1 | a ?[31mred\n"
		     "      |   ^~~\n"
		     "  site: s?\n"
		     "  related: r?: m?\n"
		     "\n"
		     "1 error, 0 warnings in 3 files, 4 sites, 5 certificates\n");
	free(s);
	s = render(TL_FORMAT_GCC, &fx.diag, &fx.info, &rc);
	CHECK(strchr(s, '\033') == NULL);
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
	CHECK_INT(tl_report_write(full, TL_FORMAT_TEXT, &fx.diag, &fx.info), -ENOSPC);
	clearerr(full);
	CHECK_INT(tl_report_write(full, TL_FORMAT_GCC, &fx.diag, &fx.info), -ENOSPC);
	clearerr(full);
	CHECK_INT(tl_list_checks_write(full, TL_FORMAT_TEXT), -ENOSPC);
	fclose(full);
	fixture_fini(&fx);
}

/* Runs FN on a wrap writer of WIDTH columns and INDENT into memory; returns the text. */
static char *
wrapped(size_t width, size_t indent, const char *label, const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct tl_wrap w;

	tl_wrap_init(&w, out, width, indent);
	if (label != NULL)
		tl_wrap_label(&w, label);
	tl_wrap_text(&w, text);
	tl_wrap_end(&w);
	fclose(out);
	return buf;
}

static void
test_wrap(void)
{
	char *s;

	/* Breaks at the last space that keeps the line within 20 columns; no trailing space. */
	s = wrapped(20, 4, NULL, "aaaa bbbb cccc dddd eeee ffff");
	CHECK_STR(s, "aaaa bbbb cccc dddd\n    eeee ffff\n");
	free(s);
	/* Exactly the width fits; one more column wraps. */
	s = wrapped(9, 0, NULL, "aaaa bbbb c");
	CHECK_STR(s, "aaaa bbbb\nc\n");
	free(s);
	/* A word longer than any line stands alone, unbroken; runs of spaces kept inside a line. */
	s = wrapped(10, 2, "- ", "x 0123456789abcdef y  z");
	CHECK_STR(s, "- x\n  0123456789abcdef\n  y  z\n");
	free(s);
	/* After a label the first word never moves down, however long; no spaces held before it. */
	s = wrapped(10, 6, "label: ", "  0123456789abcdef");
	CHECK_STR(s, "label: 0123456789abcdef\n");
	free(s);
	/* Width 0: never wrapped; UTF-8 takes one column per character, control bytes are '?'. */
	s = wrapped(0, 4, NULL, "a b c d e f g h i j k l m n o p q r s t u v w x y z");
	CHECK_STR(s, "a b c d e f g h i j k l m n o p q r s t u v w x y z\n");
	free(s);
	s = wrapped(7, 0, NULL, "\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\x01 x");
	CHECK_STR(s, "\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9?\nx\n");
	free(s);
}

/* The standard set at WIDTH columns. */
static char *
standard_at(size_t width)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	fx.info.quiet = true;
	fx.info.width = width;
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	fixture_fini(&fx);
	return s;
}

static void
test_width(void)
{
	char *s = standard_at(40);

	/*
	 * Headline continuation lines indented by four, the place never
	 * broken, the excerpt and caret never wrapped, labelled lines
	 * continued under their value.
	 */
	CHECK_STR(s,
		  "tlslint: info: session tickets are on\n"
		  "    and no ticket key is rotated\n"
		  "    [proto-tls13-missing]\n"
		  "\n"
		  "conf.d/site.conf:4:16: warning: TLS 1.0\n"
		  "    is enabled [proto-legacy]\n"
		  "    4 |         ssl_protocols   TLSv1 TLSv1.2;\n"
		  "      |                         ^~~~~\n"
		  "  site: www.example.com:443\n"
		  "\n"
		  "conf.d/site.conf:6:5: error: certificate\n"
		  "    expired on 2026-12-31, 60 days ago\n"
		  "    (2 sites) [cert-expired]\n"
		  "    6 |     ssl_certificate     /etc/ssl/site.pem;\n"
		  "      |     ^~~~~~~~~~~~~~~\n"
		  "  applies to: 2 sites:\n"
		  "              www.example.com:443,\n"
		  "              www.example.net:443\n"
		  /* Entries wider than a line are broken at their spaces, on lines of their own. */
		  "  clients see: NET::ERR_CERT_DATE_INVALID\n"
		  "               (Chrome),\n"
		  "               SEC_ERROR_EXPIRED_CERTIFICATE\n"
		  "               (Firefox),\n"
		  "               \"certificate has expired\"\n"
		  "               (OpenSSL/curl)\n"
		  "  related: /etc/ssl/site.pem: leaf\n"
		  "           certificate\n"
		  "           CN=www.example.com\n"
		  "  fix: renew the certificate and replace\n"
		  "       the file named on line 6\n"
		  "       (see `tlslint explain cert-expired`)\n");
	free(s);
	/* Wide enough for everything: each line as without a width. */
	s = standard_at(200);
	CHECK(strstr(s, "conf.d/site.conf:6:5: error: certificate expired on 2026-12-31, 60 days "
			"ago (2 sites) [cert-expired]\n") != NULL);
	CHECK(strstr(s, "  clients see: NET::ERR_CERT_DATE_INVALID (Chrome), "
			"SEC_ERROR_EXPIRED_CERTIFICATE (Firefox), \"certificate has expired\" "
			"(OpenSSL/curl)\n") != NULL);
	free(s);
}

/* A finding at http {} for 13 sites: the level and the count, eleven names, the rest counted. */
static void
test_scope(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fx.info.quiet = true;
	tl_diag_scope(&fx.diag, fx.conf, 0, strlen(fixture_conf), "http {}");
	for (int i = 0; i < 13; i++) {
		struct tl_finding *f = tl_diag_add(&fx.diag, TL_CK_CIPHER_WEAK,
						   fixture_loc(&fx, "listen", 6), "weak");

		f->site = tl_arena_printf(fx.arena, "s%02d.example.com:443", i);
		/* Merging used to leave entries without a file; none is made now. */
		tl_finding_relate(&fx.diag, f, NULL, (struct tl_loc){0}, "placeless");
	}
	tl_diag_finish(&fx.diag);
	s = render(TL_FORMAT_TEXT, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, "conf.d/site.conf:2:5: warning: weak (13 sites) [cipher-weak]\n"
		     "    2 |     listen 443 ssl;\n"
		     "      |     ^~~~~~\n"
		     "  applies to: http {}, 13 sites: s00.example.com:443, s01.example.com:443, "
		     "s02.example.com:443,\n"
		     "              s03.example.com:443, s04.example.com:443, s05.example.com:443, "
		     "s06.example.com:443,\n"
		     "              s07.example.com:443, s08.example.com:443, s09.example.com:443, "
		     "s10.example.com:443\n"
		     "              and 2 more\n"
		     "  related: placeless\n");
	free(s);
	s = render(TL_FORMAT_JSON, &fx.diag, &fx.info, &rc);
	/* The level's, not one site's; every site named; the entry without a file left out. */
	CHECK(strstr(s, "\"site\": null,\n      \"scope\": \"http {}\",\n      \"sites\": [\n"
			"        \"s00.example.com:443\",\n") != NULL);
	CHECK(strstr(s, "\"s12.example.com:443\"\n      ],\n") != NULL);
	CHECK(strstr(s, "\"related\": []\n") != NULL);
	CHECK(strstr(s, "placeless") == NULL);
	free(s);
	fixture_fini(&fx);
}

int
main(void)
{
	test_wrap();
	test_width();
	test_scope();
	test_standard();
	test_gcc_notes();
	test_carets();
	test_wide_gutter_and_utf8();
	test_clients_wrap();
	test_summaries();
	test_no_findings_quiet();
	test_color();
	test_write_error();
	return tl_unit_result();
}
