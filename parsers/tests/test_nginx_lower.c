/*
 * Unit tests of nginx lowering: inheritance (http → server → location),
 * add_header's all-or-nothing rule, version defaults, listen forms, sockets
 * and default servers, server names, paths with variables.
 */
#include <string.h>

#include "../../src/tests/unit.h"
#include "../nginx.h"
#include "../nginx_facts.h"
#include "../../src/effective.h"
#include "../../src/select.h"
#include "../nginx_lower.h"

struct fixture {
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_fs fs;
};

static void
lower_text(struct fixture *fx, const char *text, struct tl_version version)
{
	struct tl_parse_env penv;
	struct tl_lower_env lenv = {0};
	struct tl_tree tree;

	fx->arena = tl_arena_new();
	tl_sources_init(&fx->sources, fx->arena);
	tl_diag_init(&fx->diag, fx->arena);
	tl_model_init(&fx->model, fx->arena);
	memset(&penv, 0, sizeof(penv));
	memset(&lenv, 0, sizeof(lenv));
	penv.arena = fx->arena;
	penv.sources = &fx->sources;
	penv.diag = &fx->diag;
	tl_fs_init(&fx->fs, fx->arena, NULL);
	penv.fs = &fx->fs;
	penv.limits = tl_default_parse_limits;
	memset(&tree, 0, sizeof(tree));
	CHECK_INT(tl_nginx_parse_text(&penv, "t.conf", text, strlen(text), &tree), 0);
	lenv.arena = fx->arena;
	lenv.diag = &fx->diag;
	lenv.version = version;
	tl_nginx_lower(&lenv, &tree, &fx->model);
}

static struct tl_site *
site(struct fixture *fx, size_t i)
{
	return i < fx->model.sites.len ? fx->model.sites.items[i] : NULL;
}

static unsigned
line_of(struct tl_loc loc)
{
	unsigned line, col;

	tl_loc_linecol(&loc, &line, &col);
	return line;
}

static size_t
count_findings(struct fixture *fx, const char *check)
{
	size_t n = 0;

	for (size_t i = 0; i < fx->diag.findings.len; i++)
		if (strcmp(((struct tl_finding *)fx->diag.findings.items[i])->check, check) == 0)
			n++;
	return n;
}

static void
test_http_level_after_server(void)
{
	struct fixture fx;
	struct tl_site *a, *b;

	/* The http-level certificate comes after the servers and still applies to both. */
	lower_text(&fx,
		   "http {\n"                                                             /* 1 */
		   "  server { listen 443 ssl; server_name a.test; }\n"                   /* 2 */
		   "  server { listen 443 ssl; server_name b.test;\n"                     /* 3 */
		   "           ssl_certificate own.crt; ssl_certificate_key own.key; }\n" /* 4 */
		   "  ssl_certificate /etc/ssl/x.crt;\n"                                  /* 5 */
		   "  ssl_certificate_key /etc/ssl/x.key;\n"                              /* 6 */
		   "  ssl_protocols TLSv1.2;\n"                                           /* 7 */
		   "}\n",
		   (struct tl_version){1, 22, 0});
	CHECK_INT(fx.model.sites.len, 2);
	a = site(&fx, 0);
	b = site(&fx, 1);
	CHECK_INT(a->tls.certs.n, 1);
	CHECK_INT(a->tls.certs.v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(line_of(a->tls.certs.pairs[0].cert_dir), 5);
	/* Paths in the model are the server's; --root is applied when files are read. */
	CHECK_STR(a->tls.certs.pairs[0].cert.path, "/etc/ssl/x.crt");
	CHECK_STR(a->tls.certs.pairs[0].key.written, "/etc/ssl/x.key");
	/* The server's own certificate wins, relative to the config's directory. */
	CHECK_INT(b->tls.certs.v.origin, TL_ORIGIN_SET);
	CHECK_STR(b->tls.certs.pairs[0].cert.written, "own.crt");
	CHECK_STR(b->tls.certs.pairs[0].cert.path, "own.crt");
	CHECK_INT(a->tls.protocols.v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(a->tls.protocols.mask, TL_PROTO_TLSv1_2);
	CHECK_INT(line_of(a->tls.protocols.v.loc), 7);
	CHECK_STR(a->label, "a.test:443");
	tl_arena_free(fx.arena);
}

static void
test_defaults_by_version(void)
{
	struct fixture fx;

	lower_text(&fx, "http { server { listen 443 ssl; } }", (struct tl_version){1, 22, 1});
	CHECK_INT(site(&fx, 0)->tls.protocols.v.origin, TL_ORIGIN_DEFAULT);
	CHECK_INT(site(&fx, 0)->tls.protocols.mask,
		  TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2);
	CHECK_STR(site(&fx, 0)->tls.protocols.v.note, "the nginx 1.22 default");
	CHECK_STR(site(&fx, 0)->tls.ciphers.s, "HIGH:!aNULL:!MD5");
	CHECK_INT(site(&fx, 0)->tls.options[TL_OPT_SESSION_TICKETS].on, 1);
	tl_arena_free(fx.arena);

	lower_text(&fx, "http { server { listen 443 ssl; } }", (struct tl_version){1, 24, 0});
	CHECK_INT(site(&fx, 0)->tls.protocols.mask,
		  TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3);
	tl_arena_free(fx.arena);

	lower_text(&fx, "http { server { listen 443 ssl; } }", tl_nginx_stable);
	CHECK_INT(site(&fx, 0)->tls.protocols.mask, TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3);
	tl_arena_free(fx.arena);
}

static void
test_add_header_inheritance(void)
{
	struct fixture fx;
	struct tl_site *s;
	const struct tl_location *l0, *l1, *l2;

	lower_text(&fx,
		   "http {\n"
		   "  add_header Strict-Transport-Security \"max-age=63072000\" always;\n" /* 2 */
		   "  server {\n"
		   "    listen 443 ssl;\n"
		   "    location / { }\n"                                                  /* 5 */
		   "    location /api { add_header X-Frame-Options DENY; }\n"              /* 6 */
		   "    location /b { add_header strict-transport-security max-age=1; }\n" /* 7 */
		   "  }\n"
		   "}\n",
		   tl_nginx_stable);
	s = site(&fx, 0);
	CHECK_INT(s->hsts.v.origin, TL_ORIGIN_INHERITED);
	CHECK_STR(s->hsts.value, "max-age=63072000");
	CHECK(s->hsts.always);
	CHECK_INT(s->locations.len, 3);
	l0 = s->locations.items[0];
	l1 = s->locations.items[1];
	l2 = s->locations.items[2];
	CHECK_INT(l0->hsts.v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(line_of(l0->hsts.v.loc), 2);
	/* A level with its own add_header inherits none from above. */
	CHECK_INT(l1->hsts.v.origin, TL_ORIGIN_UNSET);
	CHECK_INT(l2->hsts.v.origin, TL_ORIGIN_SET);
	CHECK_STR(l2->hsts.value, "max-age=1");
	tl_arena_free(fx.arena);
}

static void
test_sockets_and_default_server(void)
{
	struct fixture fx;
	const struct tl_socket *sock;

	lower_text(&fx,
		   "http {\n"
		   "  server { listen 443; server_name plain.test; }\n"
		   "  server { listen 443 ssl default_server; server_name def.test; }\n"
		   "  server { listen 127.0.0.1:8443 ssl; listen [::1]:8443 ssl http2; }\n"
		   "  server { server_name nolisten.test; }\n"
		   "}\n",
		   tl_nginx_stable);
	CHECK_INT(fx.model.sites.len, 4);
	CHECK_INT(fx.model.sockets.len, 4);
	sock = fx.model.sockets.items[0];
	CHECK_STR(sock->addr, "*");
	CHECK_INT(sock->port, 443);
	/* One "listen … ssl" makes the whole address:port TLS. */
	CHECK(sock->tls);
	CHECK(sock->default_site == site(&fx, 1));
	CHECK(tl_site_is_tls(site(&fx, 0)));
	sock = fx.model.sockets.items[1];
	CHECK_STR(sock->addr, "127.0.0.1");
	CHECK_INT(sock->port, 8443);
	sock = fx.model.sockets.items[2];
	CHECK_STR(sock->addr, "[::1]");
	CHECK(((struct tl_listener *)sock->listeners.items[0])->http2);
	CHECK(((struct tl_listener *)sock->listeners.items[0])->ipv6);
	/* No listen: *:80, plain. */
	sock = fx.model.sockets.items[3];
	CHECK_INT(sock->port, 80);
	CHECK(!sock->tls);
	CHECK(!tl_site_is_tls(site(&fx, 3)));
	tl_arena_free(fx.arena);
}

static void
test_names_and_invalid(void)
{
	struct fixture fx;
	const struct tl_site *s;

	lower_text(&fx,
		   "http { server {\n"
		   "  server_name WWW.Example.test *.example.test .example.org mail.* \"\" "
		   "~^(?<n>\\w+)\\.example\\.net$;\n"
		   "  server_name ~^(broken$ a*b.test;\n"
		   "  ssl_protocols TLSv1.2 TLSv1.4;\n"
		   "  ssl_prefer_server_ciphers yes;\n"
		   "  ssl_ciphers A; ssl_ciphers B;\n"
		   "  listen 443 ssl bogus;\n"
		   "  location / { ssl_certificate x.crt; }\n"
		   "} }\n",
		   tl_nginx_stable);
	s = site(&fx, 0);
	CHECK_INT(s->names.len, 6);
	CHECK_STR(((struct tl_name *)s->names.items[0])->name, "www.example.test");
	CHECK_INT(((struct tl_name *)s->names.items[0])->kind, TL_NAME_EXACT);
	CHECK_INT(((struct tl_name *)s->names.items[1])->kind, TL_NAME_WILDCARD_LEFT);
	CHECK_INT(((struct tl_name *)s->names.items[2])->kind, TL_NAME_DOT);
	CHECK_INT(((struct tl_name *)s->names.items[3])->kind, TL_NAME_WILDCARD_RIGHT);
	CHECK_INT(((struct tl_name *)s->names.items[4])->kind, TL_NAME_EMPTY);
	CHECK_INT(((struct tl_name *)s->names.items[5])->kind, TL_NAME_REGEX);
	CHECK(((struct tl_name *)s->names.items[5])->regex != NULL);
	/* broken regex, a*b wildcard, TLSv1.4, "yes", duplicate ssl_ciphers, bogus, location */
	CHECK_INT(count_findings(&fx, "directive-invalid"), 7);
	CHECK_STR(s->tls.ciphers.s, "A");
	tl_arena_free(fx.arena);
}

static void
test_upstream_and_stream(void)
{
	struct fixture fx;
	const struct tl_site *s;
	const struct tl_upstream *up;

	lower_text(&fx,
		   "http {\n"
		   "  proxy_ssl_verify on;\n"
		   "  server { listen 80;\n"
		   "    location / { proxy_pass https://backend.internal:8443/app; "
		   "proxy_ssl_server_name on; }\n"
		   "    location /plain { proxy_pass http://x; }\n"
		   "  }\n"
		   "}\n"
		   "stream { ssl_protocols TLSv1.3;\n"
		   "  server { listen 5000 ssl; ssl_certificate s.crt; ssl_certificate_key s.key;"
		   " proxy_pass 127.0.0.1:9; }\n"
		   "}\n",
		   tl_nginx_stable);
	CHECK_INT(fx.model.sites.len, 2);
	s = site(&fx, 0);
	CHECK_INT(s->upstreams.len, 1);
	up = s->upstreams.items[0];
	CHECK_STR(up->host, "backend.internal");
	CHECK_INT(up->tls.verify.v.origin, TL_ORIGIN_INHERITED);
	CHECK(up->tls.verify.on);
	CHECK(up->tls.server_name.on);
	CHECK_INT(up->tls.trusted_certificate.v.origin, TL_ORIGIN_UNSET);
	s = site(&fx, 1);
	CHECK_INT(s->mode, TL_SITE_STREAM);
	CHECK_INT(s->tls.protocols.mask, TL_PROTO_TLSv1_3);
	CHECK(tl_site_is_tls(s));
	tl_arena_free(fx.arena);
}

static void
test_dynamic_certificate_and_conf_command(void)
{
	struct fixture fx;
	const struct tl_site *s;

	lower_text(&fx,
		   "http { server { listen 443 ssl;\n"
		   "  ssl_certificate /certs/$ssl_server_name.crt;\n"
		   "  ssl_certificate_key /certs/$ssl_server_name.key;\n"
		   "  ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384;\n"
		   "} }\n",
		   tl_nginx_stable);
	s = site(&fx, 0);
	CHECK(s->tls.certs.pairs[0].cert.dynamic);
	CHECK(s->tls.certs.pairs[0].cert.path == NULL);
	/* Commands are folded in by the effective-TLS pass, not by lowering. */
	CHECK(s->tls.ciphersuites.s == NULL);
	tl_effective_tls(&fx.model);
	CHECK_STR(s->eff.ciphersuites.s, "TLS_AES_256_GCM_SHA384");
	CHECK_INT(line_of(s->eff.ciphersuites.v.loc), 4);
	tl_arena_free(fx.arena);
}

static void
test_quic_socket(void)
{
	struct fixture fx;

	lower_text(&fx,
		   "http { server { listen 443 quic reuseport; listen 443 ssl;\n"
		   "  ssl_certificate a.crt; ssl_certificate_key a.key; } }\n",
		   tl_nginx_stable);
	/* UDP (QUIC) and TCP on the same port are two sockets, both TLS. */
	CHECK_INT(fx.model.sockets.len, 2);
	CHECK(((struct tl_socket *)fx.model.sockets.items[0])->quic);
	CHECK(((struct tl_socket *)fx.model.sockets.items[0])->tls);
	CHECK(!((struct tl_socket *)fx.model.sockets.items[1])->quic);
	tl_arena_free(fx.arena);
}

static void
test_port_range_and_stream_upstream(void)
{
	struct fixture fx;
	const struct tl_site *s;
	const struct tl_upstream *up;

	lower_text(&fx,
		   "http { server { listen 127.0.0.1:8001-8003 ssl; server_name a.test; }\n"
		   "       server { listen 127.0.0.1:8002; server_name b.test; } }\n"
		   "stream { server { listen 9000 ssl; proxy_pass backend.test:443;\n"
		   "  proxy_ssl on; proxy_ssl_verify on; proxy_ssl_trusted_certificate ca.pem;\n"
		   "  proxy_ssl_name backend.test; } }\n",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 0);
	/* One socket per port of the range; b.test shares 8002 and is TLS through a.test. */
	CHECK_INT(fx.model.sockets.len, 4);
	CHECK_INT(((struct tl_socket *)fx.model.sockets.items[1])->port, 8002);
	CHECK_INT(((struct tl_socket *)fx.model.sockets.items[1])->sites.len, 2);
	CHECK(tl_site_is_tls(site(&fx, 1)));
	s = site(&fx, 2);
	CHECK_INT(s->upstreams.len, 1);
	up = s->upstreams.len ? s->upstreams.items[0] : NULL;
	CHECK(up != NULL && up->tls.enabled.on && up->tls.verify.on);
	CHECK_STR(up ? up->host : NULL, "backend.test");
	tl_arena_free(fx.arena);

	/* Before nginx 1.15.10 a range is no port at all. */
	lower_text(&fx, "http { server { listen 8001-8003 ssl; } }", (struct tl_version){1, 14, 0});
	CHECK_INT(fx.diag.findings.len, 1);
	tl_arena_free(fx.arena);
}

static void
test_versions_and_levels(void)
{
	struct fixture fx;
	const struct tl_finding *f;

	/* ssl_stapling exists in stream from 1.27.2: refused by 1.22 with what 1.22 says. */
	lower_text(&fx, "stream { server { listen 1 ssl; ssl_stapling on; } }",
		   (struct tl_version){1, 22, 0});
	CHECK_INT(fx.diag.findings.len, 1);
	f = fx.diag.findings.len ? fx.diag.findings.items[0] : NULL;
	CHECK_STR(f ? f->check : NULL, "directive-unsupported");
	CHECK(f && strstr(f->message, "before nginx 1.27.2") != NULL);
	CHECK(f && strstr(f->message, "'directive is not allowed here'") != NULL);
	tl_arena_free(fx.arena);
	lower_text(&fx,
		   "stream { server { listen 1 ssl; ssl_stapling on; ssl_verify_client on;\n"
		   "  ssl_client_certificate ca.pem;\n"
		   "  ssl_ocsp on; ssl_ocsp_cache off; ssl_verify_depth 2; ssl_crl c.pem; } }",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	/* Verification needs CAs; from 1.27.2 ssl_trusted_certificate serves too. */
	lower_text(&fx,
		   "http { server { listen 1 ssl; ssl_certificate a; ssl_certificate_key a;\n"
		   "  ssl_verify_client optional; ssl_trusted_certificate ca.pem; } }",
		   (struct tl_version){1, 22, 1});
	CHECK_INT(fx.diag.findings.len, 1);
	f = fx.diag.findings.len ? fx.diag.findings.items[0] : NULL;
	CHECK_STR(f ? f->message : NULL, "no ssl_client_certificate for ssl_verify_client");
	tl_arena_free(fx.arena);
	lower_text(&fx,
		   "http { server { listen 1 ssl; ssl_certificate a; ssl_certificate_key a;\n"
		   "  ssl_verify_client optional; ssl_trusted_certificate ca.pem; } }",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	/* optional_no_ca verifies nothing; a stream server without ssl builds no context (1.22). */
	lower_text(&fx,
		   "http { server { listen 1 ssl; ssl_certificate a; ssl_certificate_key a;\n"
		   "  ssl_verify_client optional_no_ca; } }\n"
		   "stream { server { listen 2; ssl_verify_client on; } }",
		   (struct tl_version){1, 22, 1});
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	/* Two default servers on one address:port, spelled two ways. */
	lower_text(&fx,
		   "http { server { listen 443 default_server; }\n"
		   "  server { listen 0.0.0.0:443 default_server; } }",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 1);
	f = fx.diag.findings.len ? fx.diag.findings.items[0] : NULL;
	CHECK_STR(f ? f->message : NULL, "a duplicate default server for 0.0.0.0:443");
	tl_arena_free(fx.arena);
	/* "ssl on" went away in 1.25.1; before it, still accepted. */
	lower_text(&fx, "http { server { listen 1; ssl on; } }", tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 1);
	CHECK(fx.diag.findings.len &&
	      strstr(((struct tl_finding *)fx.diag.findings.items[0])->message,
		     "removed in nginx 1.25.1") != NULL);
	CHECK(!tl_site_is_tls(site(&fx, 0)));
	tl_arena_free(fx.arena);
	lower_text(&fx,
		   "http { server { listen 1; ssl on; ssl_certificate a.crt; "
		   "ssl_certificate_key a.key; } }",
		   (struct tl_version){1, 22, 0});
	CHECK_INT(fx.diag.findings.len, 1);
	CHECK(fx.diag.findings.len == 1 &&
	      ((struct tl_finding *)fx.diag.findings.items[0])->id == TL_CK_DIRECTIVE_DEPRECATED);
	CHECK(tl_site_is_tls(site(&fx, 0)));
	tl_arena_free(fx.arena);
	/*
	 * An http-level "ssl on" is merged into servers that say no "ssl" of
	 * their own; without a certificate nginx refuses, at that line.
	 */
	lower_text(&fx,
		   "http { ssl on;\n server { listen 1; ssl_certificate a.crt; "
		   "ssl_certificate_key a.key; }\n server { listen 2; ssl off; }\n"
		   " server { listen 3; } }",
		   (struct tl_version){1, 22, 0});
	CHECK(tl_site_is_tls(site(&fx, 0)));
	CHECK(!tl_site_is_tls(site(&fx, 1)));
	CHECK(tl_site_is_tls(site(&fx, 2)));
	CHECK_INT(fx.diag.findings.len, 3); /* two deprecations, one refusal */
	{
		const struct tl_finding *last =
			fx.diag.findings.len == 3 ? fx.diag.findings.items[2] : NULL;
		unsigned line = 0, col = 0;

		CHECK(last != NULL && last->id == TL_CK_SSL_NO_CERTIFICATE);
		if (last != NULL)
			tl_loc_linecol(&last->loc, &line, &col);
		CHECK_INT(line, 1);
	}
	tl_arena_free(fx.arena);
	/* "ssl off;" is warned about too, and leaves the server in plain text. */
	lower_text(&fx, "http { server { listen 1; ssl off; } }", (struct tl_version){1, 22, 0});
	CHECK_INT(fx.diag.findings.len, 1);
	CHECK(!tl_site_is_tls(site(&fx, 0)));
	tl_arena_free(fx.arena);
	/* Before 1.15.0 nginx said nothing about it. */
	lower_text(&fx,
		   "http { server { listen 1; ssl on; ssl_certificate a.crt; "
		   "ssl_certificate_key a.key; } }",
		   (struct tl_version){1, 14, 2});
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK(tl_site_is_tls(site(&fx, 0)));
	tl_arena_free(fx.arena);
	/* proxy_ssl_* have no place in an "if"; add_header has. */
	lower_text(&fx,
		   "http { server { location / { if ($x) { add_header A b; proxy_ssl_verify on; "
		   "} } } }",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 1);
	tl_arena_free(fx.arena);
}

/* The effective-TLS pass: SSL_CONF commands applied last, the last of a kind winning. */
static void
test_effective(void)
{
	struct fixture fx;
	const struct tl_site *a, *b;

	lower_text(&fx,
		   "http {\n"                                                          /* 1 */
		   "  ssl_protocols TLSv1.2 TLSv1.3;\n"                                /* 2 */
		   "  ssl_ciphers HIGH;\n"                                             /* 3 */
		   "  ssl_conf_command Protocol -TLSv1.2;\n"                           /* 4 */
		   "  ssl_conf_command CipherString ECDHE+AESGCM;\n"                   /* 5 */
		   "  ssl_conf_command curves X25519;\n"                               /* 6 */
		   "  server { listen 443 ssl default_server; server_name a.test; }\n" /* 7 */
		   "  server { listen 443 ssl; server_name b.test;\n"                  /* 8 */
		   "           ssl_protocols TLSv1.2;\n"                               /* 9 */
		   "           ssl_conf_command MaxProtocol TLSv1.2; }\n"              /* 10 */
		   "}\n",
		   (struct tl_version){1, 22, 0});
	tl_effective_tls(&fx.model);
	a = site(&fx, 0);
	b = site(&fx, 1);
	CHECK_INT(a->eff.protocols.mask, TL_PROTO_TLSv1_3);
	CHECK_INT(line_of(a->eff.protocols.v.loc), 4);
	CHECK_INT(a->eff.protocols.v.origin, TL_ORIGIN_INHERITED);
	CHECK_STR(a->eff.ciphers.s, "ECDHE+AESGCM");
	CHECK_INT(line_of(a->eff.ciphers.v.loc), 5);
	/* Command names ignore case, as SSL_CONF does. */
	CHECK_STR(a->eff.groups.s, "X25519");
	/* b's own commands replace the list it inherited: MaxProtocol applies to its versions. */
	CHECK_INT(b->eff.protocols.mask, TL_PROTO_TLSv1_2);
	CHECK_STR(b->eff.ciphers.s, "HIGH");
	/* nginx 1.22 takes the versions from the default server of the socket. */
	CHECK(b->eff.governing == a);
	CHECK(a->eff.governing == a);
	/* The socket picks by SNI as nginx does; an unknown name gets the default server. */
	CHECK(tl_socket_select(fx.model.sockets.items[0], "b.test") == b);
	CHECK(tl_socket_select(fx.model.sockets.items[0], "B.Test") == b);
	CHECK(tl_socket_select(fx.model.sockets.items[0], "other.test") == a);
	tl_arena_free(fx.arena);
}

/* Durations, counts, client authentication and session caches as typed values. */
static void
test_typed_values(void)
{
	struct fixture fx;
	const struct tl_site *a, *b;

	lower_text(
		&fx,
		"http {\n"
		"  ssl_session_timeout \"1d 2h30m 5\";\n"
		"  ssl_session_cache builtin:1000 shared:SSL:10m;\n"
		"  server { listen 443 ssl; server_name a.test; ssl_verify_client optional_no_ca;\n"
		"           ssl_verify_depth 3; }\n"
		"  server { listen 443 ssl; server_name b.test; ssl_session_cache none;\n"
		"           ssl_session_timeout 1w; }\n"
		"}\n",
		tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 0);
	a = site(&fx, 0);
	b = site(&fx, 1);
	CHECK_INT(a->tls.session_timeout.seconds, 86400 + 2 * 3600 + 30 * 60 + 5);
	CHECK_INT(a->tls.session_timeout.v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(a->tls.session_cache.mode, TL_CACHE_ON);
	CHECK(a->tls.session_cache.builtin);
	CHECK_INT(a->tls.session_cache.builtin_size, 1000);
	CHECK_STR(a->tls.session_cache.shared_name, "SSL");
	CHECK_INT(a->tls.session_cache.shared_bytes, 10 * 1024 * 1024);
	CHECK_INT(a->tls.verify_client.mode, TL_CLIENT_AUTH_OPTIONAL_ANY);
	CHECK_INT(a->tls.verify_depth.n, 3);
	CHECK_INT(b->tls.session_cache.mode, TL_CACHE_NONE);
	CHECK_INT(b->tls.session_timeout.seconds, 7 * 86400);
	CHECK_INT(b->tls.verify_client.mode, TL_CLIENT_AUTH_OFF);
	tl_arena_free(fx.arena);
	/* The version defaults are typed too: 5 minutes, no cache (ngx_http_ssl_module merge). */
	lower_text(&fx, "http { server { listen 443 ssl; } }", tl_nginx_stable);
	CHECK_INT(site(&fx, 0)->tls.session_timeout.seconds, 300);
	CHECK_INT(site(&fx, 0)->tls.session_timeout.v.origin, TL_ORIGIN_DEFAULT);
	CHECK_INT(site(&fx, 0)->tls.session_cache.mode, TL_CACHE_NONE);
	tl_arena_free(fx.arena);
	/* What nginx refuses: units out of order, "ms", a bare number before a unit, signs. */
	lower_text(&fx,
		   "http { server { listen 443 ssl; ssl_session_timeout 1m1h; }\n"
		   "  server { listen 443 ssl; ssl_session_timeout 100ms; }\n"
		   "  server { listen 443 ssl; ssl_session_timeout \"5 m\"; }\n"
		   "  server { listen 443 ssl; ssl_verify_depth +2; }\n"
		   "  server { listen 443 ssl; ssl_session_cache shared:X:8k; } }",
		   tl_nginx_stable);
	CHECK_INT(fx.diag.findings.len, 5);
	tl_arena_free(fx.arena);
}

/* Options: directives, then "Options" commands, then what nginx forces on every connection. */
static void
test_effective_options(void)
{
	struct fixture fx;
	const struct tl_site *a, *b;

	lower_text(
		&fx,
		"http {\n"                                                           /* 1 */
		"  ssl_prefer_server_ciphers off;\n"                                 /* 2 */
		"  server { listen 443 ssl; server_name a.test;\n"                   /* 3 */
		"    ssl_conf_command Options ServerPreference,-sessionticket;\n"    /* 4 */
		"    ssl_conf_command options +Compression,ClientRenegotiation; }\n" /* 5 */
		"  server { listen 443 ssl; server_name b.test; ssl_session_tickets off; }\n" /* 6
											       */
		"}\n",
		tl_nginx_stable);
	tl_effective_tls(&fx.model);
	a = site(&fx, 0);
	b = site(&fx, 1);
	CHECK(a->eff.options[TL_OPT_SERVER_PREFERENCE].on);
	CHECK_INT(line_of(a->eff.options[TL_OPT_SERVER_PREFERENCE].v.loc), 4);
	CHECK(!a->eff.options[TL_OPT_SESSION_TICKETS].on);
	CHECK_INT(line_of(a->eff.options[TL_OPT_SESSION_TICKETS].v.loc), 4);
	CHECK(a->eff.options[TL_OPT_COMPRESSION].on);
	CHECK_INT(line_of(a->eff.options[TL_OPT_COMPRESSION].v.loc), 5);
	/* nginx sets SSL_OP_NO_RENEGOTIATION on every connection, after the commands. */
	CHECK(!a->eff.options[TL_OPT_CLIENT_RENEGOTIATION].on);
	CHECK_INT(a->eff.options[TL_OPT_CLIENT_RENEGOTIATION].v.origin, TL_ORIGIN_DEFAULT);
	/* b: the directives and nginx's own values, where they were set. */
	CHECK(!b->eff.options[TL_OPT_SERVER_PREFERENCE].on);
	CHECK_INT(b->eff.options[TL_OPT_SERVER_PREFERENCE].v.origin, TL_ORIGIN_INHERITED);
	CHECK_INT(line_of(b->eff.options[TL_OPT_SERVER_PREFERENCE].v.loc), 2);
	CHECK(!b->eff.options[TL_OPT_SESSION_TICKETS].on);
	CHECK_INT(b->eff.options[TL_OPT_SESSION_TICKETS].v.origin, TL_ORIGIN_SET);
	CHECK(!b->eff.options[TL_OPT_COMPRESSION].on);
	CHECK_INT(b->eff.options[TL_OPT_COMPRESSION].v.origin, TL_ORIGIN_DEFAULT);
	CHECK(!b->eff.options[TL_OPT_PRIORITIZE_CHACHA].on);
	tl_arena_free(fx.arena);
	/*
	 * A server that forces nothing (no facts: OpenSSL's own values):
	 * ClientRenegotiation turns it on, and NoRenegotiation wins over it in
	 * either order, both being flags of the library.
	 */
	lower_text(&fx,
		   "http { server { listen 443 ssl;\n"
		   "  ssl_conf_command Options ClientRenegotiation; }\n"
		   "  server { listen 443 ssl;\n"
		   "  ssl_conf_command Options NoRenegotiation,ClientRenegotiation; } }",
		   tl_nginx_stable);
	for (size_t i = 0; i < fx.model.sites.len; i++)
		((struct tl_site *)fx.model.sites.items[i])->facts = NULL;
	tl_effective_tls(&fx.model);
	CHECK(site(&fx, 0)->eff.options[TL_OPT_CLIENT_RENEGOTIATION].on);
	CHECK(!site(&fx, 1)->eff.options[TL_OPT_CLIENT_RENEGOTIATION].on);
	CHECK_INT(line_of(site(&fx, 1)->eff.options[TL_OPT_CLIENT_RENEGOTIATION].v.loc), 4);
	CHECK(site(&fx, 1)->eff.options[TL_OPT_SESSION_TICKETS].on);
	tl_arena_free(fx.arena);
}

int
main(void)
{
	test_effective_options();
	test_typed_values();
	CHECK_INT(tl_nginx_keywords_unsorted(), -1);
	test_quic_socket();
	test_effective();
	test_port_range_and_stream_upstream();
	test_versions_and_levels();
	test_http_level_after_server();
	test_defaults_by_version();
	test_add_header_inheritance();
	test_sockets_and_default_server();
	test_names_and_invalid();
	test_upstream_and_stream();
	test_dynamic_certificate_and_conf_command();
	return tl_unit_result();
}
