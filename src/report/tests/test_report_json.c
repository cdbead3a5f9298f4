/*
 * Unit tests of the JSON writer, the json and sarif reports and
 * --list-checks: exact json text, string escaping, the SARIF fields GitHub
 * reads, and the catalogue in both forms.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../catalogue.h"
#include "../../tests/unit.h"
#include "../json_writer.h"
#include "fixture.h"

static const char standard_json[] =
	"{\n"
	"  \"tool\": {\n"
	"    \"name\": \"tlslint\",\n"
	"    \"version\": \"" TL_VERSION "\"\n"
	"  },\n"
	"  \"profile\": \"intermediate\",\n"
	"  \"profile_version\": \"6.0\",\n"
	"  \"findings\": [\n"
	"    {\n"
	"      \"check\": \"proto-tls13-missing\",\n"
	"      \"severity\": \"info\",\n"
	"      \"message\": \"session tickets are on and no ticket key is rotated\",\n"
	"      \"file\": null,\n"
	"      \"line\": null,\n"
	"      \"column\": null,\n"
	"      \"server\": null,\n"
	"      \"site\": null,\n"
	"      \"clients_see\": [],\n"
	"      \"fix\": null,\n"
	"      \"related\": []\n"
	"    },\n"
	"    {\n"
	"      \"check\": \"proto-legacy\",\n"
	"      \"severity\": \"warning\",\n"
	"      \"message\": \"TLS 1.0 is enabled\",\n"
	"      \"file\": \"conf.d/site.conf\",\n"
	"      \"line\": 4,\n"
	"      \"column\": 16,\n"
	"      \"server\": \"nginx\",\n"
	"      \"site\": \"www.example.com:443\",\n"
	"      \"clients_see\": [],\n"
	"      \"fix\": null,\n"
	"      \"related\": []\n"
	"    },\n"
	"    {\n"
	"      \"check\": \"cert-expired\",\n"
	"      \"severity\": \"error\",\n"
	"      \"message\": \"certificate expired on 2026-12-31, 60 days ago (2 sites)\",\n"
	"      \"file\": \"conf.d/site.conf\",\n"
	"      \"line\": 6,\n"
	"      \"column\": 5,\n"
	"      \"server\": \"nginx\",\n"
	"      \"site\": \"www.example.com:443\",\n"
	"      \"scope\": null,\n"
	"      \"sites\": [\n"
	"        \"www.example.com:443\",\n"
	"        \"www.example.net:443\"\n"
	"      ],\n"
	"      \"clients_see\": [\n"
	"        \"NET::ERR_CERT_DATE_INVALID\",\n"
	"        \"SEC_ERROR_EXPIRED_CERTIFICATE\",\n"
	"        \"certificate has expired\"\n"
	"      ],\n"
	"      \"fix\": \"renew the certificate and replace the file named on line 6\",\n"
	"      \"related\": [\n"
	"        {\n"
	"          \"file\": \"/etc/ssl/site.pem\",\n"
	"          \"message\": \"leaf certificate CN=www.example.com\"\n"
	"        }\n"
	"      ]\n"
	"    }\n"
	"  ],\n"
	"  \"summary\": {\n"
	"    \"files\": 3,\n"
	"    \"sites\": 4,\n"
	"    \"certificates\": 5,\n"
	"    \"error\": 1,\n"
	"    \"warning\": 1,\n"
	"    \"info\": 1\n"
	"  }\n"
	"}\n";

static void
test_json_report(void)
{
	struct fixture fx;
	char *s;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	s = render(TL_FORMAT_JSON, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, standard_json);
	free(s);
	/* Neither colour nor quiet changes machine output. */
	fx.info.color = true;
	fx.info.quiet = true;
	s = render(TL_FORMAT_JSON, &fx.diag, &fx.info, &rc);
	CHECK_STR(s, standard_json);
	free(s);
	fixture_fini(&fx);

	fixture_init(&fx);
	s = render(TL_FORMAT_JSON, &fx.diag, &fx.info, &rc);
	CHECK(strstr(s, "\"findings\": [],\n") != NULL);
	CHECK(strstr(s, "\"error\": 0,\n    \"warning\": 0,\n    \"info\": 0\n") != NULL);
	free(s);
	fixture_fini(&fx);
}

static char *
escaped(const char *in)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	tl_json_write_string(out, in);
	fclose(out);
	return buf;
}

static void
test_escaping(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"", "\"\""},
		{"plain /path", "\"plain /path\""},
		{"q\"b\\s", "\"q\\\"b\\\\s\""},
		{"\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""},
		{"\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\""},
		{"\033[31m", "\"\\u001b[31m\""},
		/* Valid UTF-8 passes through: 2, 3 and 4 bytes. */
		{"\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x92",
		 "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x92\""},
		/* A lone continuation byte, a stray lead byte, 0xff. */
		{"a\x80z", "\"a\xef\xbf\xbdz\""},
		{"a\xc3z", "\"a\xef\xbf\xbdz\""},
		{"\xff", "\"\xef\xbf\xbd\""},
		/* A truncated 3-byte sequence is one maximal subpart: one U+FFFD. */
		{"\xe2\x82z", "\"\xef\xbf\xbdz\""},
		{"\xe2\x82", "\"\xef\xbf\xbd\""},
		/* Overlong, surrogate, above U+10FFFF: every byte is invalid on its own. */
		{"\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\""},
		{"\xe0\x80\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
		{"\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
		{"\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
		/* The largest code point and the last before the surrogates are fine. */
		{"\xf4\x8f\xbf\xbf\xed\x9f\xbf", "\"\xf4\x8f\xbf\xbf\xed\x9f\xbf\""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = escaped(cases[i].in);

		CHECK_STR(s, cases[i].want);
		free(s);
	}
}

static void
test_writer_layout(void)
{
	struct tl_json json;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	tl_json_init(&json, out);
	tl_json_array_begin(&json);
	tl_json_object_begin(&json);
	tl_json_object_end(&json);
	tl_json_array_begin(&json);
	tl_json_uint(&json, 18446744073709551615ull);
	tl_json_null(&json);
	tl_json_string(&json, NULL);
	tl_json_array_end(&json);
	tl_json_array_end(&json);
	tl_json_finish(&json);
	fclose(out);
	CHECK_STR(buf, "[\n  {},\n  [\n    18446744073709551615,\n    null,\n    null\n  ]\n]\n");
	free(buf);
}

/* The text of the SARIF result whose ruleId is ID, up to the next result. */
static char *
sarif_result(const char *sarif, const char *id)
{
	char key[128];
	const char *start, *end;

	snprintf(key, sizeof(key), "\"ruleId\": \"%s\",", id);
	start = strstr(sarif, key);
	if (start == NULL)
		return strdup("");
	end = strstr(start + 1, "\"ruleId\": ");
	return strndup(start, end ? (size_t)(end - start) : strlen(start));
}

static void
test_sarif(void)
{
	static const char head[] =
		"{\n"
		"  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		"  \"version\": \"2.1.0\",\n"
		"  \"runs\": [\n"
		"    {\n"
		"      \"tool\": {\n"
		"        \"driver\": {\n"
		"          \"name\": \"tlslint\",\n"
		"          \"fullName\": \"tlslint " TL_VERSION
		", the TLS configuration linter for nginx, Apache httpd and HAProxy\",\n"
		"          \"version\": \"" TL_VERSION "\",\n"
		"          \"semanticVersion\": \"" TL_VERSION "\",\n"
		"          \"informationUri\": \"https://github.com/tlslint/tlslint\",\n"
		"          \"rules\": [\n";
	struct fixture fx;
	struct tl_source *src;
	size_t nrules;
	const struct tl_check_info *rules = tl_catalogue(&nrules);
	const struct tl_check_info *expired = tl_check_by_name("cert-expired");
	const char *p;
	char want[256];
	char *s, *r;
	int rc;

	fixture_init(&fx);
	fixture_standard(&fx);
	src = tl_sources_add(&fx.sources, "a b:c.conf", NULL, "ab", 2);
	tl_diag_add(&fx.diag, TL_CK_INCLUDE_MISSING, tl_loc_make(src, 2, 0), "at the end");
	tl_diag_finish(&fx.diag);
	s = render(TL_FORMAT_SARIF, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK(strncmp(s, head, strlen(head)) == 0);
	/* One rule per registry check, in registry order. */
	p = s;
	for (size_t i = 0; i < nrules; i++) {
		snprintf(want, sizeof(want), "\n            {\n              \"id\": \"%s\",\n",
			 rules[i].name);
		p = strstr(p, want);
		CHECK(p != NULL);
		if (p == NULL)
			break;
		snprintf(want, sizeof(want),
			 "\"helpUri\": "
			 "\"https://github.com/tlslint/tlslint/blob/main/docs/checks/%s.md\"",
			 rules[i].name);
		CHECK(strstr(p, want) != NULL);
	}
	CHECK(strstr(s, "\"defaultConfiguration\": {\n                \"level\": \"warning\"\n") !=
	      NULL);

	/* The info finding has no place: level note and no locations. */
	r = sarif_result(s, "proto-tls13-missing");
	CHECK(strstr(r, "\"level\": \"note\",\n") != NULL);
	CHECK(strstr(r, "\"text\": \"session tickets are on and no ticket key is rotated\"\n") !=
	      NULL);
	CHECK(strstr(r, "locations") == NULL);
	free(r);

	r = sarif_result(s, "cert-expired");
	snprintf(want, sizeof(want),
		 "\"ruleId\": \"cert-expired\",\n"
		 "          \"ruleIndex\": %zu,\n"
		 "          \"level\": \"error\",\n",
		 (size_t)(expired - rules));
	CHECK(strncmp(r, want, strlen(want)) == 0);
	CHECK(strstr(r, "\"artifactLocation\": {\n"
			"                  \"uri\": \"conf.d/site.conf\",\n"
			"                  \"uriBaseId\": \"SRCROOT\"\n"
			"                },\n"
			"                \"region\": {\n"
			"                  \"startLine\": 6,\n"
			"                  \"startColumn\": 5,\n"
			"                  \"endColumn\": 20,\n"
			"                  \"snippet\": {\n"
			"                    \"text\": \"ssl_certificate\"\n") != NULL);
	/* The certificate a config names, relative to the base like every location. */
	CHECK(strstr(r, "\"relatedLocations\": [\n"
			"            {\n"
			"              \"id\": 1,\n"
			"              \"physicalLocation\": {\n"
			"                \"artifactLocation\": {\n"
			"                  \"uri\": \"etc/ssl/site.pem\",\n"
			"                  \"uriBaseId\": \"FSROOT\"\n") != NULL);
	/* The edit follows the message, which is what GitHub shows. */
	CHECK(strstr(r, "(2 sites)\\n\\nFix: renew the certificate and replace the file "
			"named on line 6\"") != NULL);
	CHECK(strstr(r, "\"partialFingerprints\": {\n"
			"            \"tlslintFinding/v1\": \"") != NULL);
	/* The sites of a merged finding are no locations: they are properties, as in JSON. */
	CHECK(strstr(r, "\"properties\": {\n"
			"            \"server\": \"nginx\",\n"
			"            \"site\": \"www.example.com:443\",\n"
			"            \"scope\": null,\n"
			"            \"sites\": [\n"
			"              \"www.example.com:443\",\n"
			"              \"www.example.net:443\"\n"
			"            ],\n"
			"            \"fix\": \"renew the certificate and replace the file named "
			"on line "
			"6\"\n") != NULL);
	free(r);

	r = sarif_result(s, "include-missing");
	/* Percent-encoded path; an empty span at the end of the line still covers a column. */
	CHECK(strstr(r, "\"uri\": \"a%20b%3Ac.conf\",\n") != NULL);
	CHECK(strstr(r, "\"startLine\": 1,\n"
			"                  \"startColumn\": 3,\n"
			"                  \"endColumn\": 4,\n") != NULL);
	free(r);
	CHECK(s[strlen(s) - 1] == '\n' && s[strlen(s) - 2] == '}');
	free(s);
	fixture_fini(&fx);
}

/* The partialFingerprints value of the result whose message is MESSAGE, into BUF. */
static const char *
fingerprint_of(const char *s, const char *message, char *buf, size_t size)
{
	const char *key = "\"tlslintFinding/v1\": \"";
	char text[256];
	const char *p;

	buf[0] = '\0';
	snprintf(text, sizeof(text), "\"text\": \"%s\"\n", message);
	p = strstr(s, text);
	if (p != NULL)
		p = strstr(p, key);
	if (p != NULL) {
		p += strlen(key);
		snprintf(buf, size, "%.*s", (int)strcspn(p, "\""), p);
	}
	return buf;
}

/*
 * Bases: paths under --root are relative to SRCROOT, a certificate a
 * config names is placed under the root, anything else under FSROOT; the
 * notes are notifications; equal keys are counted; columns are code points.
 */
static void
test_sarif_bases(void)
{
	struct fixture fx;
	struct tl_source *in, *out, *dump;
	struct tl_finding *f;
	char a[64], b[64], c[64];
	char *s;
	int rc;

	fixture_init(&fx);
	in = tl_sources_add(
		&fx.sources, "/srv/conf/./etc/nginx/../nginx/nginx.conf",
		"/srv/conf/etc/nginx/nginx.conf",
		"ssl_protocols TLSv1;\n\n  ssl_protocols   TLSv1;\n# \xc3\xa9\xc3\xa9 x;\n", 57);
	out = tl_sources_add(&fx.sources, "/other/x.conf", "/other/x.conf", "x;\n", 3);
	/* Standard input: an nginx -T dump names its files as deployed, placed under the root. */
	dump = tl_sources_add(&fx.sources, "/etc/nginx/conf.d/a.conf", NULL, "x;\n", 3);
	f = tl_diag_add(&fx.diag, TL_CK_PROTO_LEGACY, tl_loc_make(in, 0, 13), "TLS 1.0 here");
	tl_finding_relate(&fx.diag, f, "/etc/ssl/x.pem", (struct tl_loc){0}, "leaf");
	tl_finding_relate(&fx.diag, f, "/srv/conf/etc/ssl/y.pem", (struct tl_loc){0}, "on disk");
	tl_diag_add(&fx.diag, TL_CK_PROTO_LEGACY, tl_loc_make(in, 24, 13), "TLS 1.0 there");
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, tl_loc_make(in, 54, 1), "odd");
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, tl_loc_make(out, 0, 1), "outside");
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR, tl_loc_make(dump, 0, 1), "dumped");
	tl_diag_note(&fx.diag, "audit of /srv/conf: linted /etc/nginx/nginx.conf (nginx)");
	tl_diag_finish(&fx.diag);
	fx.info.root = "/srv/conf/";
	s = render(TL_FORMAT_SARIF, &fx.diag, &fx.info, &rc);
	CHECK_INT(rc, 0);
	CHECK(strstr(s, "\"uri\": \"etc/nginx/nginx.conf\",\n"
			"                  \"uriBaseId\": \"SRCROOT\"\n") != NULL);
	CHECK(strstr(s, "\"uri\": \"etc/ssl/x.pem\",\n"
			"                  \"uriBaseId\": \"SRCROOT\"\n") != NULL);
	CHECK(strstr(s, "\"uri\": \"etc/ssl/y.pem\",\n"
			"                  \"uriBaseId\": \"SRCROOT\"\n") != NULL);
	CHECK(strstr(s, "\"uri\": \"etc/nginx/conf.d/a.conf\",\n"
			"                  \"uriBaseId\": \"SRCROOT\"\n") != NULL);
	CHECK(strstr(s, "\"uri\": \"other/x.conf\",\n"
			"                  \"uriBaseId\": \"FSROOT\"\n") != NULL);
	CHECK(strstr(s, "\"originalUriBaseIds\": {\n"
			"        \"SRCROOT\": {\n"
			"          \"uri\": \"file:///srv/conf/\"\n"
			"        },\n"
			"        \"FSROOT\": {\n"
			"          \"uri\": \"file:///\"\n") != NULL);
	CHECK(strstr(s, "\"file:///srv/") == strstr(s, "\"file:///srv/conf/\"\n"));
	CHECK(strstr(s,
		     "\"invocations\": [\n"
		     "        {\n"
		     "          \"executionSuccessful\": true,\n"
		     "          \"toolExecutionNotifications\": [\n"
		     "            {\n"
		     "              \"level\": \"note\",\n"
		     "              \"message\": {\n"
		     "                \"text\": \"audit of /srv/conf: linted /etc/nginx/nginx.conf "
		     "(nginx)\"\n") != NULL);
	CHECK(strstr(s, "\"automationDetails\": {\n        \"id\": \"tlslint/\"\n") != NULL);
	/* Lines 1 and 3 say the same with other blanks: one hash, counted. */
	fingerprint_of(s, "TLS 1.0 here", a, sizeof(a));
	fingerprint_of(s, "TLS 1.0 there", b, sizeof(b));
	fingerprint_of(s, "odd", c, sizeof(c));
	CHECK_INT(strlen(a), 34);
	CHECK(strncmp(a, b, 32) == 0 && strcmp(a + 32, ":1") == 0 && strcmp(b + 32, ":2") == 0);
	CHECK(strncmp(a, c, 32) != 0 && strcmp(c + 32, ":1") == 0);
	/* "# \xc3\xa9\xc3\xa9 x;": the 'x', byte 8 of the line, is code point 6. */
	CHECK(strstr(s, "\"startLine\": 4,\n"
			"                  \"startColumn\": 6,\n"
			"                  \"endColumn\": 7,\n") != NULL);
	free(s);
	fixture_fini(&fx);

	/* No notes: a successful invocation all the same, without notifications. */
	fixture_init(&fx);
	s = render(TL_FORMAT_SARIF, &fx.diag, &fx.info, &rc);
	CHECK(strstr(s, "\"executionSuccessful\": true\n") != NULL);
	CHECK(strstr(s, "toolExecutionNotifications") == NULL);
	free(s);
	fixture_fini(&fx);
}

/* What list-checks must print as text, built from the registry with printf padding. */
static char *
expected_checks_text(void)
{
	size_t n;
	const struct tl_check_info *checks = tl_catalogue(&n);
	int idw = 2, sevw = 8;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	for (size_t i = 0; i < n; i++) {
		if ((int)strlen(checks[i].name) > idw)
			idw = (int)strlen(checks[i].name);
		if ((int)strlen(tl_severity_name(checks[i].severity)) > sevw)
			sevw = (int)strlen(tl_severity_name(checks[i].severity));
	}
	fprintf(out, "%-*s  %-*s  SUMMARY\n", idw, "ID", sevw, "SEVERITY");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%-*s  %-*s  %s\n", idw, checks[i].name, sevw,
			tl_severity_name(checks[i].severity), checks[i].summary);
	fclose(out);
	return buf;
}

static char *
expected_checks_json(void)
{
	size_t n;
	const struct tl_check_info *checks = tl_catalogue(&n);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	fputs("{\n  \"checks\": [\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out,
			"    {\n"
			"      \"id\": \"%s\",\n"
			"      \"severity\": \"%s\",\n"
			"      \"family\": \"%s\",\n"
			"      \"summary\": \"%s\",\n"
			"      \"docs\": \"docs/checks/%s.md\"\n"
			"    }%s\n",
			checks[i].name, tl_severity_name(checks[i].severity), checks[i].family,
			checks[i].summary, checks[i].name, i + 1 < n ? "," : "");
	fputs("  ]\n}\n", out);
	fclose(out);
	return buf;
}

static void
test_list_checks(void)
{
	char *want_text = expected_checks_text();
	char *want_json = expected_checks_json();
	char *s;
	int rc;

	s = render_checks(TL_FORMAT_TEXT, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, want_text);
	free(s);
	s = render_checks(TL_FORMAT_GCC, &rc);
	CHECK_STR(s, want_text);
	free(s);

	s = render_checks(TL_FORMAT_JSON, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(s, want_json);
	CHECK(strstr(s, "    {\n"
			"      \"id\": \"cert-expired\",\n"
			"      \"severity\": \"error\",\n"
			"      \"family\": \"certificates\",\n"
			"      \"summary\": \"a certificate is past its notAfter date at --now\",\n"
			"      \"docs\": \"docs/checks/cert-expired.md\"\n"
			"    }") != NULL);
	free(s);
	s = render_checks(TL_FORMAT_SARIF, &rc);
	CHECK_STR(s, want_json);
	free(s);
	free(want_text);
	free(want_json);
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
	CHECK_INT(tl_report_write(full, TL_FORMAT_JSON, &fx.diag, &fx.info), -ENOSPC);
	clearerr(full);
	CHECK_INT(tl_report_write(full, TL_FORMAT_SARIF, &fx.diag, &fx.info), -ENOSPC);
	clearerr(full);
	CHECK_INT(tl_list_checks_write(full, TL_FORMAT_JSON), -ENOSPC);
	fclose(full);
	fixture_fini(&fx);
}

int
main(void)
{
	test_json_report();
	test_escaping();
	test_writer_layout();
	test_sarif();
	test_sarif_bases();
	test_list_checks();
	test_write_error();
	return tl_unit_result();
}
