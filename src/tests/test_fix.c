/*
 * The fix table: every catalogued check has a fix for every server, every
 * placeholder in it is one the expander knows, and the placeholders come
 * out as the report shows them.
 */
#include <string.h>

#include "../fix.h"
#include "../model.h"
#include "unit.h"

static const char *const servers[] = {NULL, "nginx", "apache", "haproxy"};

static const char *const known[] = {"line",       "dir",      "ciphers", "protocols",
				    "protocols+", "minproto", "curves",  "hsts",
				    "dhbits",     "rsabits",  NULL};

static bool
placeholder_known(const char *name, size_t n)
{
	if (n > 5 && memcmp(name, "edit:", 5) == 0)
		return true;
	for (size_t i = 0; known[i] != NULL; i++)
		if (strlen(known[i]) == n && memcmp(known[i], name, n) == 0)
			return true;
	return false;
}

static void
test_table_complete(void)
{
	for (int id = 0; id < TL_CHECK_COUNT; id++) {
		for (size_t s = 0; s < sizeof servers / sizeof servers[0]; s++) {
			const char *t = tl_fix_template((enum tl_check_id)id, servers[s]);

			CHECK(t != NULL && t[0] != '\0');
			if (t == NULL)
				continue;
			for (const char *p = strchr(t, '{'); p != NULL; p = strchr(p + 1, '{')) {
				const char *close = strchr(p, '}');

				/* "${APACHE_RUN_DIR}" and "http {}" are text, not placeholders. */
				if (close == NULL || close == p + 1 || (p > t && p[-1] == '$'))
					continue;
				if (!placeholder_known(p + 1, (size_t)(close - p - 1)))
					fprintf(stderr, "%s: unknown placeholder in '%s'\n",
						tl_check_info((enum tl_check_id)id)->name, t);
				CHECK(placeholder_known(p + 1, (size_t)(close - p - 1)));
			}
		}
	}
}

static struct tl_finding
finding_at(const struct tl_source *src, const char *word, const char *server)
{
	struct tl_finding f = {0};
	const char *at = strstr(src->text, word);

	f.loc = tl_loc_make(src, (size_t)(at - src->text), strlen(word));
	f.server = server;
	return f;
}

static void
test_expand(struct tl_arena *arena)
{
	static const char *const ciphers[] = {"ECDHE-RSA-AES128-GCM-SHA256",
					      "ECDHE-RSA-AES256-GCM-SHA384", NULL};
	static const char *const curves[] = {"X25519", "prime256v1", NULL};
	const struct tl_policy policy = {
		.tls_versions = TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3,
		.ciphers = ciphers,
		.tls_curves = curves,
		.hsts_min_age = 63072000,
		.dh_param_size = 0,
		.rsa_key_size = 3072,
	};
	const char conf[] = "http {\n    ssl_protocols TLSv1 TLSv1.2;\n    server {\n"
			    "        listen 443;\n    }\n}\n"
			    "frontend www\n    bind :443 ssl crt /x.pem\n"
			    "LoadModule ssl_module x.so\n";
	struct tl_sources sources;
	struct tl_source *src;
	struct tl_finding f, none = {0};
	struct tl_diag diag;
	const char *server_block, *server_end, *module;

	tl_sources_init(&sources, arena);
	src = tl_sources_add(&sources, "site.conf", NULL, conf, sizeof conf - 1);
	/* The levels and blocks a parser registers (parsers/scopes.c). */
	tl_diag_init(&diag, arena);
	server_block = strstr(conf, "server {");
	server_end = strstr(server_block, "}") + 1;
	module = strstr(conf, "LoadModule");
	tl_diag_scope(&diag, src, 0, (size_t)(strstr(server_end, "}") + 1 - conf), "http {}");
	tl_diag_scope(&diag, src, (size_t)(server_block - conf), (size_t)(server_end - conf), NULL);
	tl_diag_scope(&diag, src, (size_t)(module - conf), sizeof conf - 1, "server config");
	tl_diag_finish(&diag);

	f = finding_at(src, "ssl_protocols", "nginx");
	CHECK_STR(tl_fix_expand(arena, "{edit:ssl_protocols}: `ssl_protocols {protocols};`", &f,
				&diag, &policy),
		  "change `ssl_protocols` on line 2: `ssl_protocols TLSv1.2 TLSv1.3;`");
	CHECK_STR(tl_fix_expand(arena, "{dir} {protocols+} {minproto} {rsabits} {dhbits}", &f,
				&diag, &policy),
		  "`ssl_protocols` -all +TLSv1.2 +TLSv1.3 TLSv1.2 3072 2048");
	/* An inherited default points at its level. */
	f = finding_at(src, "http {", "nginx");
	CHECK_STR(tl_fix_expand(arena, "{edit:ssl_ciphers}: `{ciphers}`", &f, &diag, &policy),
		  "add `ssl_ciphers` at the http {} level (line 1): "
		  "`ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384`");
	f = finding_at(src, "LoadModule", "apache");
	CHECK_STR(tl_fix_expand(arena, "{edit:SSLProtocol|SSLCipherSuite} {hsts}", &f, &diag,
				&policy),
		  "add `SSLProtocol` at the server config level (line 9) 63072000");
	/* Inside one site's block: that block, by its first line. */
	f = finding_at(src, "listen", "nginx");
	CHECK_STR(tl_fix_expand(arena, "{edit:ssl_ciphers}", &f, &diag, &policy),
		  "add `ssl_ciphers` inside the block on line 3");
	/* At no registered level: beside what it points at. */
	f = finding_at(src, "bind", "haproxy");
	CHECK_STR(tl_fix_expand(arena, "{edit:curves}: {curves}", &f, &diag, &policy),
		  "add `curves` next to `bind` on line 8: X25519:prime256v1");
	CHECK_STR(tl_fix_expand(arena, "{edit:curves}", &f, NULL, &policy),
		  "add `curves` next to `bind` on line 8");
	/* No place: the text still reads. */
	CHECK_STR(tl_fix_expand(arena, "{edit:ssl_ciphers} near {dir} on {line}", &none, &diag,
				&policy),
		  "add `ssl_ciphers` near the directive on the config");
	/* What is not a placeholder is text. */
	CHECK_STR(tl_fix_expand(arena, "to `http {}` {nope} ${A}", &none, &diag, &policy),
		  "to `http {}` {nope} ${A}");
}

static void
test_fill(struct tl_arena *arena)
{
	static const char *const none[] = {NULL};
	const struct tl_policy modern = {.tls_versions = TL_PROTO_TLSv1_3, .ciphers = none};
	struct tl_diag diag;
	struct tl_finding *weak, *own, *expired;

	tl_diag_init(&diag, arena);
	weak = tl_diag_add(&diag, TL_CK_CIPHER_WEAK, (struct tl_loc){0}, "weak");
	weak->server = "nginx";
	own = tl_diag_add(&diag, TL_CK_DIRECTIVE_DEPRECATED, (struct tl_loc){0}, "old");
	own->fix = "delete it from {line}";
	expired = tl_diag_add(&diag, TL_CK_CERT_EXPIRED, (struct tl_loc){0}, "expired");
	tl_fixes_fill(&diag, &modern);
	/* Under a TLS 1.3-only profile a cipher list is no fix: the versions are. */
	CHECK_STR(weak->fix, "add `ssl_protocols`: `ssl_protocols TLSv1.3;`");
	CHECK_STR(own->fix, "delete it from the config");
	CHECK_STR(expired->fix, "renew the certificate and replace the file named on the config");
}

int
main(void)
{
	struct tl_arena *arena = tl_arena_new();

	test_table_complete();
	test_expand(arena);
	test_fill(arena);
	tl_arena_free(arena);
	return tl_unit_result();
}
