/*
 * Unit tests of HAProxy lowering: the keyword table's order, the protocol
 * range of ssl_sock_initial_ctx, bind addresses and the sockets they make,
 * defaults sections and "from", what the global section gives bind and
 * server lines, routed names, and what HAProxy refuses in its own words.
 * The behaviours asserted were measured on Debian's haproxy 2.6.12
 * (docs/design.md, "HAProxy").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/tests/unit.h"
#include "../haproxy.h"
#include "../haproxy_fetches.h"
#include "../haproxy_lower.h"

struct fixture {
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_fs fs;
};

static const struct tl_version stable = {3, 4, 0};

static void
lower_text_at(struct fixture *fx, struct tl_version version, const char *text)
{
	struct tl_parse_env penv;
	struct tl_lower_env lenv = {0};
	struct tl_tree tree;
	struct tl_haproxy_options opts = {NULL, 0, true, version};

	fx->arena = tl_arena_new();
	tl_sources_init(&fx->sources, fx->arena);
	tl_diag_init(&fx->diag, fx->arena);
	tl_model_init(&fx->model, fx->arena);
	memset(&penv, 0, sizeof(penv));
	penv.arena = fx->arena;
	penv.sources = &fx->sources;
	penv.diag = &fx->diag;
	tl_fs_init(&fx->fs, fx->arena, NULL);
	penv.fs = &fx->fs;
	penv.limits = tl_default_parse_limits;
	CHECK_INT(tl_haproxy_parse_text(&penv, &opts, "t.cfg", text, strlen(text), &tree), 0);
	lenv.arena = fx->arena;
	lenv.diag = &fx->diag;
	lenv.version = version;
	tl_haproxy_lower(&lenv, &fx->fs, &fx->sources, &tree, &fx->model);
}

static void
lower_text(struct fixture *fx, const char *text)
{
	lower_text_at(fx, stable, text);
}

static struct tl_site *
site(struct fixture *fx, size_t i)
{
	return i < fx->model.sites.len ? fx->model.sites.items[i] : NULL;
}

static struct tl_socket *
sock(struct fixture *fx, size_t i)
{
	return i < fx->model.sockets.len ? fx->model.sockets.items[i] : NULL;
}

static const char *
message(struct fixture *fx, size_t i)
{
	return i < fx->diag.findings.len
		       ? ((struct tl_finding *)fx->diag.findings.items[i])->message
		       : "";
}

#define FE "frontend f\n    mode http\n"

static void
test_protocols(void)
{
	static const struct {
		const char *words;
		unsigned mask;
		size_t findings;
	} cases[] = {
		/* No setting: TLSv1.2 up (default_min_ver). */
		{"", TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3, 0},
		{"ssl-min-ver TLSv1.3", TL_PROTO_TLSv1_3, 0},
		{"ssl-min-ver TLSv1.0 ssl-max-ver TLSv1.2",
		 TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2, 0},
		{"force-tlsv12", TL_PROTO_TLSv1_2, 0},
		{"no-tlsv13", TL_PROTO_TLSv1_2, 0},
		/* A max below the default min takes the min down with it (a warning in HAProxy). */
		{"ssl-max-ver TLSv1.1", TL_PROTO_TLSv1_1, 0},
		/* no-* beside a min or max is ignored, with a warning (directive-deprecated). */
		{"ssl-min-ver TLSv1.2 no-tlsv13", TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3, 1},
		/* Everything switched off: HAProxy refuses to start. */
		{"no-tlsv12 no-tlsv13", 0, 1},
	};
	struct fixture fx;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tl_arena *scratch = tl_arena_new();

		lower_text(&fx, tl_arena_printf(scratch, FE "    bind :443 ssl crt /x.pem %s\n",
						cases[i].words));
		CHECK_INT(fx.diag.findings.len, cases[i].findings);
		CHECK_INT(site(&fx, 0)->tls.protocols.mask, cases[i].mask);
		tl_arena_free(fx.arena);
		tl_arena_free(scratch);
	}
	/* The global options start every bind line; its own words win. */
	lower_text(&fx,
		   "global\n    ssl-default-bind-options ssl-min-ver TLSv1.3 no-tls-tickets\n" FE
		   "    bind :443 ssl crt /x.pem\n    bind :8443 ssl crt /x.pem ssl-min-ver "
		   "TLSv1.2\n");
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(site(&fx, 0)->tls.protocols.mask, TL_PROTO_TLSv1_3);
	CHECK_INT(site(&fx, 0)->tls.protocols.v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(site(&fx, 1)->tls.protocols.mask, TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3);
	CHECK(!site(&fx, 0)->tls.options[TL_OPT_SESSION_TICKETS].on);
	CHECK_INT(site(&fx, 0)->tls.options[TL_OPT_SESSION_TICKETS].v.origin, TL_ORIGIN_INHERITED);
	tl_arena_free(fx.arena);
}

static void
test_addresses(void)
{
	struct fixture fx;

	lower_text(&fx, FE "    bind :443,127.0.0.1:8443 ssl crt /x.pem\n"
			   "    bind ipv6@:443 ssl crt /x.pem\n"
			   "    bind [::1]:8000-8002\n"
			   "    bind :::9443\n"
			   "    bind quic4@:443 ssl crt /x.pem\n"
			   "    bind unix@/run/haproxy.sock\n"
			   "    bind /run/other.sock\n");
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(fx.model.sockets.len, 6);
	CHECK_STR(sock(&fx, 0)->addr, "*");
	CHECK_INT(sock(&fx, 0)->port, 443);
	CHECK(sock(&fx, 0)->tls);
	CHECK_STR(sock(&fx, 1)->addr, "127.0.0.1");
	CHECK_STR(sock(&fx, 2)->addr, "[::]");
	CHECK_STR(sock(&fx, 3)->addr, "[::1]");
	CHECK_INT(((struct tl_listener *)sock(&fx, 3)->listeners.items[0])->last_port, 8002);
	CHECK(!sock(&fx, 3)->tls);
	CHECK_STR(sock(&fx, 4)->addr, "[::]");
	CHECK_INT(sock(&fx, 4)->port, 9443);
	CHECK(sock(&fx, 5)->quic);
	CHECK_INT(sock(&fx, 0)->select, TL_SELECT_CERT_NAMES);
	tl_arena_free(fx.arena);
	lower_text(&fx, FE "    bind 127.0.0.1:http ssl\n");
	CHECK_STR(message(&fx, 0), "'bind' : invalid address '127.0.0.1:http'");
	tl_arena_free(fx.arena);
}

static void
test_defaults(void)
{
	struct fixture fx;

	/* HAProxy's own default mode is tcp; a proxy takes the last defaults, or "from" one. */
	lower_text(&fx, "frontend a\n    bind :443\n"
			"defaults web\n    mode http\n"
			"defaults\n    mode tcp\n"
			"frontend b\n    bind :444\n"
			"frontend c from web\n    bind :445\n"
			"listen d\n    mode http\n    bind :446\n");
	CHECK_INT(site(&fx, 0)->mode, TL_SITE_STREAM);
	CHECK_INT(site(&fx, 1)->mode, TL_SITE_STREAM);
	CHECK_INT(site(&fx, 2)->mode, TL_SITE_HTTP);
	CHECK_INT(site(&fx, 3)->mode, TL_SITE_HTTP);
	tl_arena_free(fx.arena);
}

static void
test_certificates(void)
{
	struct fixture fx;
	const struct tl_cert_pair *p;

	/* One site per certificate, the first the default; crt-base joins relative paths. */
	lower_text(&fx, "global\n    crt-base /etc/haproxy/certs\n" FE
			"    bind :443 ssl crt a.pem crt /abs/b.pem strict-sni\n");
	CHECK_INT(fx.model.sites.len, 2);
	CHECK_INT(sock(&fx, 0)->sites.len, 2);
	CHECK(sock(&fx, 0)->default_site == site(&fx, 0));
	CHECK(sock(&fx, 0)->strict_names);
	p = &site(&fx, 0)->tls.certs.pairs[0];
	CHECK_STR(p->cert.path, "/etc/haproxy/certs/a.pem");
	CHECK_STR(p->key_sidecar.path, "/etc/haproxy/certs/a.pem.key");
	CHECK(p->key_from_cert_file);
	CHECK_STR(site(&fx, 1)->tls.certs.pairs[0].cert.path, "/abs/b.pem");
	CHECK(site(&fx, 0)->names_from_certificate);
	tl_arena_free(fx.arena);
	/* ssl without a certificate: one site with none (ssl-no-certificate says the rest). */
	lower_text(&fx, FE "    bind :443 ssl\n");
	CHECK_INT(fx.model.sites.len, 1);
	CHECK_INT(site(&fx, 0)->tls.certs.n, 0);
	CHECK(sock(&fx, 0)->tls);
	tl_arena_free(fx.arena);
}

/* A crt-list line's versions: the one it does not give is the bind line's real bound. */
static void
test_crtlist_versions(void)
{
	char path[] = "/tmp/tlslint-test-crtlist-XXXXXX";
	int fd = mkstemp(path);
	const char list[] = "/a.pem [ssl-min-ver TLSv1.0] a.example.test\n"
			    "/b.pem [ssl-max-ver TLSv1.2] b.example.test !c.example.test\n"
			    "/c.pem\n";
	struct tl_arena *scratch = tl_arena_new();
	struct fixture fx;
	const struct tl_name *n;

	CHECK(fd >= 0 && write(fd, list, sizeof(list) - 1) == (ssize_t)(sizeof(list) - 1));
	close(fd);
	lower_text(&fx,
		   tl_arena_printf(scratch, FE "    bind :443 ssl crt-list %s no-tlsv13\n", path));
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(fx.model.sites.len, 3);
	CHECK_INT(site(&fx, 0)->tls.protocols.mask,
		  TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2);
	CHECK_INT(site(&fx, 1)->tls.protocols.mask, TL_PROTO_TLSv1_2);
	CHECK_INT(site(&fx, 2)->tls.protocols.mask, TL_PROTO_TLSv1_2);
	CHECK_INT(site(&fx, 1)->names.len, 2);
	n = site(&fx, 1)->names.items[1];
	CHECK_STR(n->name, "c.example.test");
	CHECK(n->negated);
	CHECK(!site(&fx, 1)->names_from_certificate);
	CHECK(site(&fx, 2)->names_from_certificate);
	tl_arena_free(fx.arena);
	tl_arena_free(scratch);
	unlink(path);
}

/*
 * crt-list keywords by version: ecdhe, npn, no-ca-names and ca-verify-file
 * are in 2.6's ssl_bind_kws, ocsp-update comes with 2.8's ssl_crtlist_kws.
 */
static void
test_crtlist_keywords(void)
{
	char path[] = "/tmp/tlslint-test-crtlist-XXXXXX";
	int fd = mkstemp(path);
	const char list[] = "/a.pem [ecdhe prime256v1 npn http/1.1 no-ca-names] a.example.test\n"
			    "/b.pem [ca-verify-file @system-ca ocsp-update on] b.example.test\n";
	struct tl_arena *scratch = tl_arena_new();
	const char *cfg;
	struct fixture fx;

	CHECK(fd >= 0 && write(fd, list, sizeof(list) - 1) == (ssize_t)(sizeof(list) - 1));
	close(fd);
	cfg = tl_arena_printf(scratch, FE "    bind :443 ssl crt-list %s\n", path);
	lower_text_at(&fx, (struct tl_version){2, 6, 0}, cfg);
	CHECK_INT(fx.diag.findings.len, 1);
	CHECK(strstr(message(&fx, 0), "'ocsp-update' is not available here before haproxy 2.8") ==
	      message(&fx, 0));
	tl_arena_free(fx.arena);
	lower_text_at(&fx, (struct tl_version){2, 8, 0}, cfg);
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	lower_text(&fx, cfg);
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(fx.model.sites.len, 2);
	tl_arena_free(fx.arena);
	tl_arena_free(scratch);
	unlink(path);
}

/* A TLS bind line without a certificate: HAProxy refuses it, unless strict-sni (a warning). */
static void
test_no_certificate(void)
{
	struct fixture fx;

	lower_text(&fx, FE "    bind :443 ssl\n");
	CHECK(tl_fault_consequence(site(&fx, 0)->facts, TL_FAULT_NO_CERTIFICATE) != NULL);
	tl_arena_free(fx.arena);
	lower_text(&fx, FE "    bind :443 ssl strict-sni\n");
	CHECK(tl_fault_consequence(site(&fx, 0)->facts, TL_FAULT_NO_CERTIFICATE) == NULL);
	tl_arena_free(fx.arena);
	lower_text(&fx, "global\n    ssl-default-bind-options strict-sni\n"
			"    tune.ssl.default-dh-param 2048\n" FE "    bind :443 ssl\n");
	CHECK(tl_fault_consequence(site(&fx, 0)->facts, TL_FAULT_NO_CERTIFICATE) == NULL);
	CHECK(site(&fx, 0)->facts->dh_builtin);
	tl_arena_free(fx.arena);
	lower_text(&fx, FE "    bind :443 ssl strict-sni generate-certificates\n");
	CHECK(tl_fault_consequence(site(&fx, 0)->facts, TL_FAULT_NO_CERTIFICATE) != NULL);
	tl_arena_free(fx.arena);
}

static const char *
name_at(const struct tl_socket *s, size_t i)
{
	return i < s->routed_names.len ? ((const struct tl_name *)s->routed_names.items[i])->name
				       : "";
}

static void
test_routed_names(void)
{
	struct fixture fx;
	const struct tl_name *re;

	lower_text(&fx, FE "    bind :443 ssl crt /x.pem\n"
			   "    acl api req.ssl_sni -i API.example.test\n"
			   "    acl web hdr(host) -i www.example.test:443 example.test\n"
			   "    acl old req.ssl_sni -m end .old.example.test\n"
			   "    acl re ssl_fc_sni -m reg ^shop[0-9]+\\.example\\.test$\n"
			   "    acl nope req.ssl_sni -i nope.example.test\n"
			   "    use_backend a if api || web\n"
			   "    use_backend b if { req.ssl_sni -i inline.example.test } old\n"
			   "    use_backend c if re !nope\n"
			   "    default_backend a\n"
			   "backend a\nbackend b\nbackend c\n");
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(sock(&fx, 0)->routed_names.len, 5);
	CHECK_STR(name_at(sock(&fx, 0), 0), "api.example.test");
	CHECK_STR(name_at(sock(&fx, 0), 1), "www.example.test");
	CHECK_STR(name_at(sock(&fx, 0), 2), "example.test");
	CHECK_STR(name_at(sock(&fx, 0), 3), "inline.example.test");
	re = sock(&fx, 0)->routed_names.items[4];
	CHECK_INT(re->kind, TL_NAME_REGEX);
	CHECK(re->regex != NULL);
	tl_arena_free(fx.arena);
}

static void
test_servers(void)
{
	struct fixture fx;
	const struct tl_upstream *up;

	lower_text(&fx, FE "    bind :443 ssl crt /x.pem\n    default_backend b\n"
			   "backend b\n"
			   "    default-server ssl ca-file @system-ca\n"
			   "    server s1 10.0.0.1:443 sni str(api.internal)\n"
			   "    server s2 10.0.0.2:443 verify none\n"
			   "    server s3 10.0.0.3:80 no-ssl\n");
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(site(&fx, 0)->upstreams.len, 2);
	up = site(&fx, 0)->upstreams.items[0];
	CHECK_STR(up->host, "10.0.0.1");
	CHECK(up->tls.verify.on);
	CHECK(up->tls.server_name.on);
	CHECK_STR(up->tls.name.s, "str(api.internal)");
	up = site(&fx, 0)->upstreams.items[1];
	CHECK(!up->tls.verify.on);
	CHECK(!up->tls.server_name.on);
	tl_arena_free(fx.arena);
	/* ssl-server-verify none: every server is unverified unless it says otherwise. */
	lower_text(&fx, "global\n    ssl-server-verify none\n" FE
			"    bind :443 ssl crt /x.pem\n    default_backend b\n"
			"backend b\n    server s1 10.0.0.1:443 ssl\n");
	CHECK_INT(fx.diag.findings.len, 0);
	up = site(&fx, 0)->upstreams.items[0];
	CHECK(!up->tls.verify.on);
	CHECK_INT(up->tls.verify.v.origin, TL_ORIGIN_INHERITED);
	tl_arena_free(fx.arena);
}

static void
test_refusals(void)
{
	struct fixture fx;

	/* What haproxy -c says, in its words (Debian's 2.6.12). */
	lower_text(&fx, "global\n    ssl-default-bind-options no-sslv2\n"
			"    maxconn 100\n" FE
			"    bind :443 ssl crt /x.pem tfo-on verify maybe ssl-min-ver TLSv1.4\n"
			"    default_backend b\n"
			"backend b\n    server s1 10.0.0.1:443 ssl\n"
			"    server s2 10.0.0.1:443 chek set-proxy-v2-tlv-fmt(0xE1) %[str(x)]\n");
	CHECK_STR(message(&fx, 0), "unknown option 'no-sslv2' on global statement "
				   "'ssl-default-bind-options'.");
	/* Backends are lowered first: frontends name them before or after. */
	CHECK(strstr(message(&fx, 1), "'server b/s1' : verify is enabled by default but no CA "
				      "file specified.") == message(&fx, 1));
	CHECK_STR(message(&fx, 2),
		  "'server b/s2': unknown keyword 'chek'; did you mean 'check' maybe ?");
	CHECK_STR(message(&fx, 3), "'bind :443' in section 'frontend': unknown keyword 'tfo-on'.");
	CHECK_STR(message(&fx, 4), "'verify' : unknown verify method 'maybe', only 'none', "
				   "'optional', and 'required' are supported");
	CHECK_STR(message(&fx, 5), "'TLSv1.4' : unknown ssl/tls version");
	CHECK_INT(fx.diag.findings.len, 6);
	tl_arena_free(fx.arena);
}

/* Values HAProxy checks as it reads them, by version. */
static void
test_values(void)
{
	static const struct {
		struct tl_version version;
		const char *line; /* after "bind :443 ssl crt /x.pem ", or a global line */
		const char *message;
	} cases[] = {
		/* 2.6: atoi() after each comma, 1..94 (2.6.12), no names. */
		{{2, 6, 0}, "ca-ignore-err 1,94", ""},
		{{2, 6, 0},
		 "ca-ignore-err 95",
		 "'ca-ignore-err' : ID '95' out of range (1..94) in error IDs list '95'"},
		{{2, 6, 0},
		 "crt-ignore-err 5,",
		 "'crt-ignore-err' : ID '0' out of range (1..94) in error IDs list '5,'"},
		{{2, 6, 0},
		 "crt-ignore-err X509_V_ERR_CERT_HAS_EXPIRED",
		 "'crt-ignore-err' : ID '0' out of range (1..94) in error IDs list "
		 "'X509_V_ERR_CERT_HAS_EXPIRED'"},
		/* 2.7: split on commas, empty pieces skipped, names. */
		{{2, 7, 0}, "crt-ignore-err 10,,X509_V_ERR_CERT_HAS_EXPIRED,", ""},
		{{2, 7, 0},
		 "crt-ignore-err 10,X509_V_ERR_NOPE",
		 "'crt-ignore-err' : error constant 'X509_V_ERR_NOPE' unknown in error IDs list "
		 "'10,X509_V_ERR_NOPE'"},
		{{2, 7, 0},
		 "crt-ignore-err -1",
		 "'crt-ignore-err' : error constant '-1' unknown in error IDs list '-1'"},
		{{2, 7, 0},
		 "crt-ignore-err 0",
		 "'crt-ignore-err' : ID '0' out of range (1..94) in error IDs list '0'"},
		/* parse_time_err in seconds. */
		{{3, 4, 0}, "global tune.ssl.lifetime 1ms", ""},
		{{3, 4, 0}, "global tune.ssl.lifetime 2147483647", ""},
		{{3, 4, 0},
		 "global tune.ssl.lifetime 2147483648",
		 "timer overflow in argument '2147483648' to <tune.ssl.lifetime> (maximum value is "
		 "2147483647 s or ~68 years)."},
		{{3, 4, 0},
		 "global tune.ssl.lifetime 24856d",
		 "timer overflow in argument '24856d' to <tune.ssl.lifetime> (maximum value is "
		 "2147483647 s or ~68 years)."},
		{{3, 4, 0}, "global tune.ssl.lifetime 3us", ""},
		{{3, 4, 0},
		 "global tune.ssl.lifetime 3u",
		 "unexpected character 'u' in argument to <tune.ssl.lifetime>."},
		{{3, 4, 0},
		 "global ssl-security-level 6",
		 "'ssl-security-level' : expects a value between 0 and 5"},
		{{3, 4, 0},
		 "global ssl-security-level 1x",
		 "'ssl-security-level' : expects an integer argument, found '1x'"},
		/* server sni: the fetch name, by version; Lua's are known only at run time. */
		{{2, 9, 0}, "server sni accept_date", ""},
		{{2, 8, 0},
		 "server sni accept_date",
		 "error detected while parsing sni expression : unknown fetch method 'accept_date' "
		 "(HAProxy 2.8 has no such sample fetch)"},
		{{2, 8, 0}, "server sni ssl_ocsp_status", ""},
		{{3, 0, 0},
		 "server sni ssl_ocsp_status",
		 "error detected while parsing sni expression : unknown fetch method "
		 "'ssl_ocsp_status' (HAProxy 3.0 has no such sample fetch)"},
		{{3, 4, 0}, "server sni lua.anything(1),lower", ""},
		{{3, 4, 0}, "server sni req.hdr(host),field(1,:)", ""},
	};
	struct fixture fx;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tl_arena *scratch = tl_arena_new();
		const char *text;

		if (strncmp(cases[i].line, "global ", 7) == 0)
			text = tl_arena_printf(scratch, "global\n    %s\n", cases[i].line + 7);
		else if (strncmp(cases[i].line, "server ", 7) == 0)
			text = tl_arena_printf(
				scratch, "backend b\n    server s 10.0.0.1:443 verify none %s\n",
				cases[i].line + 7);
		else
			text = tl_arena_printf(scratch, FE "    bind :443 ssl crt /x.pem %s\n",
					       cases[i].line);

		lower_text_at(&fx, cases[i].version, text);
		CHECK_STR(message(&fx, 0), cases[i].message);
		tl_arena_free(fx.arena);
		tl_arena_free(scratch);
	}
}

int
main(void)
{
	CHECK_INT(tl_haproxy_keywords_unsorted(), -1);
	test_protocols();
	test_addresses();
	test_defaults();
	test_certificates();
	test_crtlist_versions();
	test_crtlist_keywords();
	test_no_certificate();
	test_routed_names();
	test_servers();
	test_refusals();
	test_values();
	/* The generated fetch table is sorted (bsearch) and every name came before it went. */
	for (size_t i = 0; i < tl_haproxy_nfetches; i++) {
		CHECK(i == 0 ||
		      strcmp(tl_haproxy_fetches[i - 1].name, tl_haproxy_fetches[i].name) < 0);
		CHECK(tl_haproxy_fetches[i].until.major == 0 ||
		      tl_version_cmp(tl_haproxy_fetches[i].since, tl_haproxy_fetches[i].until) < 0);
	}
	CHECK(tl_haproxy_nfetches > 450);
	return tl_unit_result();
}
