/*
 * Unit tests of httpd lowering: the keyword table's order, SSLProtocol's
 * arithmetic, the main-server merge (certificates by rank, conf commands
 * appended), sockets and their default host, names, and what the
 * effective pass keeps from the default host. The facts asserted were
 * measured on Debian's apache2 2.4.71 (docs/design.md, "Apache httpd").
 */
#include <string.h>

#include "../../src/effective.h"
#include "../../src/select.h"
#include "../../src/tests/unit.h"
#include "../apache.h"
#include "../apache_lower.h"

struct fixture {
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_fs fs;
};

static const struct tl_version stable = {2, 4, 71};

static void
lower_text(struct fixture *fx, const char *text, struct tl_version version)
{
	struct tl_parse_env penv;
	struct tl_lower_env lenv = {0};
	struct tl_apache_parse parse;
	struct tl_apache_options opts = {NULL, 0, version};

	fx->arena = tl_arena_new();
	tl_sources_init(&fx->sources, fx->arena);
	tl_diag_init(&fx->diag, fx->arena);
	tl_model_init(&fx->model, fx->arena);
	memset(&penv, 0, sizeof(penv));
	penv.arena = fx->arena;
	penv.sources = &fx->sources;
	penv.diag = &fx->diag;
	/* As golden.py runs tlslint: /pki/… is testdata/pki, for the files httpd checks exist. */
	CHECK_INT(tl_fs_init(&fx->fs, fx->arena, "testdata"), 0);
	penv.fs = &fx->fs;
	penv.limits = tl_default_parse_limits;
	CHECK_INT(tl_apache_parse_text(&penv, &opts, "t.conf", text, strlen(text), &parse), 0);
	lenv.arena = fx->arena;
	lenv.diag = &fx->diag;
	lenv.version = version;
	tl_apache_lower(&lenv, &parse, &fx->model);
	tl_effective_tls(&fx->model);
}

static struct tl_site *
site(struct fixture *fx, size_t i)
{
	return i < fx->model.sites.len ? fx->model.sites.items[i] : NULL;
}

static const char *
message(struct fixture *fx, size_t i)
{
	return i < fx->diag.findings.len
		       ? ((struct tl_finding *)fx->diag.findings.items[i])->message
		       : "";
}

#define MODS                                                                                       \
	"LoadModule ssl_module mod_ssl.so\n"                                                       \
	"LoadModule headers_module mod_headers.so\n"

static void
test_protocols(void)
{
	static const struct {
		const char *line;
		unsigned mask;
		bool overridden; /* httpd warns AH02532: a bare word after versions were set */
	} cases[] = {
		/* Measured with s_client against 2.4.71 (apache-ssl notes §2). */
		{"SSLProtocol -all +TLSv1.2", TL_PROTO_TLSv1_2},
		{"SSLProtocol TLSv1.2 TLSv1.3", TL_PROTO_TLSv1_3, true},
		{"SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1", TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3},
		{"SSLProtocol -all TLSv1.2 TLSv1.3", TL_PROTO_TLSv1_3, true},
		{"SSLProtocol +TLSv1.2", TL_PROTO_TLSv1_2},
		{"SSLProtocol all -TLSv1.2", TL_PROTO_TLSv1_3},
		{"SSLProtocol TLSv1.1 +TLSv1.3", TL_PROTO_TLSv1_3},
		{"SSLProtocol tlsv1.2 +TLSV1.3", TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3},
		{"SSLProtocol +TLSv1.2 +TLSv1.3 -TLSv1.3", TL_PROTO_TLSv1_2},
		{"SSLProtocol TLSv1.2 -all +TLSv1.3", TL_PROTO_TLSv1_3},
		{"SSLProtocol -all", 0},
	};
	struct fixture fx;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tl_arena *scratch = tl_arena_new();
		const char *text = tl_arena_printf(scratch,
						   MODS "Listen 443\n"
							"<VirtualHost *:443>\n%s\n"
							"</VirtualHost>\n",
						   cases[i].line);

		lower_text(&fx, text, stable);
		CHECK_INT(fx.diag.findings.len, cases[i].overridden ? 1 : 0);
		if (cases[i].overridden)
			CHECK_STR(((struct tl_finding *)fx.diag.findings.items[0])->check,
				  "directive-overridden");
		CHECK_INT(site(&fx, 0)->tls.protocols.mask, cases[i].mask);
		tl_arena_free(fx.arena);
		tl_arena_free(scratch);
	}
	/* What httpd refuses, in its words; the default has TLS 1.0 to 1.3. */
	lower_text(&fx,
		   MODS "Listen 443\n<VirtualHost *:443>\nSSLProtocol +SSLv3\n</VirtualHost>\n"
			"<VirtualHost *:443>\nSSLProtocol TLSv1.4\n</VirtualHost>\n"
			"<VirtualHost *:443>\nSSLProtocol -SSLv3 SSLv2\n</VirtualHost>\n"
			"<VirtualHost *:443>\n</VirtualHost>\n",
		   stable);
	CHECK_STR(message(&fx, 0), "SSLv3 not supported by this version of OpenSSL");
	CHECK_STR(message(&fx, 1), "SSLProtocol: Illegal protocol 'TLSv1.4'");
	CHECK_STR(message(&fx, 2), "SSLProtocol: SSLv2 is no longer supported");
	CHECK_INT(site(&fx, 3)->tls.protocols.mask,
		  TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3);
	CHECK_INT(site(&fx, 3)->tls.protocols.v.origin, TL_ORIGIN_DEFAULT);
	tl_arena_free(fx.arena);
	/* Before 2.4.36 "all" had no TLSv1.3. */
	lower_text(&fx, MODS "Listen 443\n<VirtualHost *:443>\n</VirtualHost>\n",
		   (struct tl_version){2, 4, 29});
	CHECK_INT(site(&fx, 0)->tls.protocols.mask,
		  TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2);
	tl_arena_free(fx.arena);
}

static void
test_merge(void)
{
	struct fixture fx;
	const struct tl_site *a, *b;

	lower_text(&fx,
		   MODS "Listen 443\n"
			"SSLCertificateFile /pki/www.crt\n"
			"SSLCertificateFile /pki/ecdsa.crt\n"
			"SSLCertificateKeyFile /pki/www.key\n"
			"SSLCertificateKeyFile /pki/ecdsa.key\n"
			"SSLOpenSSLConfCmd Curves X25519\n"
			"SSLCipherSuite HIGH\n"
			"<VirtualHost *:443>\n"
			"  ServerName a.test\n"
			"  SSLEngine on\n"
			"  SSLCertificateFile /pki/other.crt\n"
			"  SSLOpenSSLConfCmd Protocol -TLSv1.3\n"
			"</VirtualHost>\n"
			"<VirtualHost *:443>\n"
			"  SSLEngine on\n"
			"  SSLCertificateFile /pki/www.bundle.pem\n"
			"  SSLCertificateFile /pki/ecdsa.crt\n"
			"  SSLCertificateFile /pki/ed25519.crt\n"
			"  SSLCertificateChainFile /pki/intermediate.crt\n"
			"  SSLCipherSuite TLSv1.3 TLS_AES_128_GCM_SHA256\n"
			"</VirtualHost>\n",
		   stable);
	/* The chain file still works; it is only retired by httpd's documentation. */
	CHECK_INT(fx.diag.findings.len, 1);
	CHECK(fx.diag.findings.len == 1 &&
	      ((struct tl_finding *)fx.diag.findings.items[0])->id == TL_CK_DIRECTIVE_DEPRECATED);
	a = site(&fx, 0);
	b = site(&fx, 1);
	/* a: its certificate replaces the first, the main server's second is added, keys by rank.
	 */
	CHECK_INT(a->tls.certs.n, 2);
	CHECK_STR(a->tls.certs.pairs[0].cert.written, "/pki/other.crt");
	CHECK_STR(a->tls.certs.pairs[0].key.written, "/pki/www.key");
	CHECK_STR(a->tls.certs.pairs[1].cert.written, "/pki/ecdsa.crt");
	CHECK_STR(a->tls.certs.pairs[1].key.written, "/pki/ecdsa.key");
	/* Conf commands: the main server's first, then the host's. */
	CHECK_INT(a->tls.conf_commands.n, 2);
	CHECK_STR(a->tls.conf_commands.items[0].name, "Curves");
	CHECK_STR(a->tls.conf_commands.items[1].name, "Protocol");
	/* mod_ssl adds :!aNULL:!eNULL:!EXP to every cipher string. */
	CHECK_STR(a->tls.ciphers.s, "HIGH:!aNULL:!eNULL:!EXP");
	CHECK_INT(a->tls.ciphers.v.origin, TL_ORIGIN_INHERITED);
	/* b: three certificates, the third without a key of its rank reads its own file. */
	CHECK_INT(b->tls.certs.n, 3);
	CHECK(!b->tls.certs.pairs[0].key_from_cert_file);
	CHECK(b->tls.certs.pairs[2].key_from_cert_file);
	CHECK_STR(b->tls.certs.pairs[2].chain.written, "/pki/intermediate.crt");
	CHECK_STR(b->tls.ciphersuites.s, "TLS_AES_128_GCM_SHA256");
	/* b has no ServerName: on a * address it takes the main server's (none here). */
	CHECK_INT(((struct tl_name *)b->names.items[0])->kind, TL_NAME_HOSTNAME);
	/* The groups of a handshake are the default host's, whatever SNI picks (ssl_find_vhost). */
	CHECK_STR(b->eff.groups.s, "X25519");
	tl_arena_free(fx.arena);
}

static void
test_sockets(void)
{
	struct fixture fx;
	const struct tl_socket *s443, *s8443, *ip;

	lower_text(&fx,
		   MODS
		   "ServerName main.test\n"
		   "Listen 80\nListen 443\nListen 8443 https\n"
		   "SSLHonorCipherOrder on\n"
		   "<VirtualHost *:443>\n  ServerName plain.test\n</VirtualHost>\n"
		   "<VirtualHost *:443>\n  ServerName tls.test\n  ServerAlias *.tls.test\n"
		   "  SSLEngine on\n  SSLProtocol -all +TLSv1.2\n</VirtualHost>\n"
		   "<VirtualHost 10.0.0.1:443>\n  SSLEngine on\n  SSLHonorCipherOrder off\n"
		   "</VirtualHost>\n"
		   "<VirtualHost _default_:8443>\n  SSLCertificateFile /pki/www.bundle.pem\n"
		   "</VirtualHost>\n"
		   "<VirtualHost *:8443>\n  ServerName b.test\n  SSLEngine off\n</VirtualHost>\n",
		   stable);
	CHECK_INT(fx.diag.findings.len, 0);
	CHECK_INT(fx.model.sockets.len, 4);
	s443 = fx.model.sockets.items[0];
	ip = fx.model.sockets.items[1];
	s8443 = fx.model.sockets.items[2];
	/* The first host of *:443 is plain: the port speaks plain HTTP (ssl_hook_pre_connection).
	 */
	CHECK(!s443->tls);
	CHECK(s443->default_site == site(&fx, 0));
	CHECK_INT(s443->select, TL_SELECT_FIRST_MATCH);
	CHECK(tl_socket_select(s443, "x.tls.test") == site(&fx, 1));
	/* An IP-based host: its own socket, named by reverse DNS. */
	CHECK(ip->tls);
	CHECK_STR(ip->addr, "10.0.0.1");
	CHECK_INT(((struct tl_name *)site(&fx, 2)->names.items[0])->kind, TL_NAME_HOSTNAME);
	/* "Listen 8443 https" with a certificate and no SSLEngine: TLS after all. */
	CHECK(s8443->tls);
	CHECK(site(&fx, 3)->tls.engine.on);
	CHECK_STR(((struct tl_name *)site(&fx, 3)->names.items[0])->name, "main.test");
	/* Options the default host sets stay on for the others; a host cannot clear them. */
	CHECK(site(&fx, 4)->eff.options[TL_OPT_SERVER_PREFERENCE].on);
	/* Versions: from the default host when SSLProtocol applies to neither. */
	CHECK(site(&fx, 4)->eff.governing == site(&fx, 3));
	CHECK(site(&fx, 1)->eff.governing == site(&fx, 1));
	/* Port 80 has no host: the main server answers there. */
	CHECK_INT(fx.model.sites.len, 6);
	CHECK_STR(site(&fx, 5)->label, "main.test:80");
	tl_arena_free(fx.arena);
}

static void
test_refusals(void)
{
	struct fixture fx;

	lower_text(&fx,
		   "LoadModule ssl_module mod_ssl.so\n"
		   "Header set X y\n"
		   "<VirtualHost *:443>\n"
		   "  SSLSessionCache shmcb:/x(512)\n"
		   "  SSLCompression on\n"
		   "  SSLOpenSSLConfCmd NoSuchCommand x\n"
		   "  SSLCipherSuite TLSv1.2 HIGH\n"
		   "  SSLHonorCipherOrder maybe\n"
		   "  Listen 8443\n"
		   "</VirtualHost>\n"
		   "SSLSessionCache shmcb:/x(512)\n",
		   stable);
	CHECK_STR(message(&fx, 0), "Invalid command 'Header', perhaps misspelled or defined by a "
				   "module not included in the server configuration");
	/* The main server's lines are read first, then each host's. */
	CHECK_STR(message(&fx, 1),
		  "SSLSessionCache: 'shmcb' session cache not supported. Maybe you "
		  "need to load the appropriate socache module (mod_socache_shmcb?).");
	CHECK_STR(message(&fx, 2), "SSLSessionCache cannot occur within <VirtualHost> section");
	CHECK_STR(message(&fx, 3), "This version of OpenSSL does not have any compression methods "
				   "available, cannot enable SSLCompression.");
	CHECK_STR(message(&fx, 4), "'NoSuchCommand': invalid OpenSSL configuration command");
	CHECK_STR(message(&fx, 5), "protocol 'TLSv1.2' not supported");
	CHECK_STR(message(&fx, 6), "SSLHonorCipherOrder must be On or Off");
	CHECK_STR(message(&fx, 7), "Listen cannot occur within <VirtualHost> section");
	tl_arena_free(fx.arena);
	/* A server-level directive in a <Directory>: httpd names the section (apache2 -t). */
	lower_text(&fx, MODS "<Directory /tmp>\n  SSLCertificateFile /x\n</Directory>\n", stable);
	CHECK_STR(message(&fx, 0), "SSLCertificateFile not allowed in <Directory> context");
	tl_arena_free(fx.arena);
}

/* SSLSessionCacheTimeout and SSLVerifyDepth are atoi'd: only a negative number is refused. */
static void
test_numbers(void)
{
	struct fixture fx;

	lower_text(&fx,
		   MODS "<VirtualHost *:443>\n"
			"  SSLSessionCacheTimeout 300s\n"
			"  SSLVerifyDepth 5x\n"
			"</VirtualHost>\n"
			"<VirtualHost *:443>\n"
			"  SSLSessionCacheTimeout abc\n"
			"  SSLVerifyDepth -1\n"
			"</VirtualHost>\n"
			"SSLSessionCacheTimeout -5\n",
		   stable);
	CHECK_INT(fx.diag.findings.len, 2);
	CHECK_STR(message(&fx, 0), "SSLSessionCacheTimeout: Invalid argument");
	CHECK_STR(message(&fx, 1), "SSLVerifyDepth: Invalid argument '-1'");
	CHECK_INT(site(&fx, 0)->tls.session_timeout.seconds, 300);
	CHECK_INT(site(&fx, 0)->tls.verify_depth.n, 5);
	CHECK_INT(site(&fx, 1)->tls.session_timeout.seconds, 0);
	tl_arena_free(fx.arena);
}

/* SSLOpenSSLConfCmd Certificate/PrivateKey are certificates, after SSLCertificateFile's. */
static void
test_command_certificates(void)
{
	struct fixture fx;
	const struct tl_site *a;

	lower_text(&fx,
		   MODS "SSLCertificateFile /pki/www.crt\n"
			"<VirtualHost *:443>\n"
			"  SSLOpenSSLConfCmd Certificate /pki/ecdsa.crt\n"
			"  SSLOpenSSLConfCmd PrivateKey /pki/ecdsa.key\n"
			"  SSLOpenSSLConfCmd Certificate /pki/other.crt\n"
			"</VirtualHost>\n",
		   stable);
	a = site(&fx, 0);
	CHECK_INT(a->tls.certs.n, 3);
	CHECK_STR(a->tls.certs.pairs[0].cert.written, "/pki/www.crt");
	CHECK_INT(a->tls.certs.pairs[0].key_from_cert_file, 1);
	CHECK_STR(a->tls.certs.pairs[1].cert.written, "/pki/ecdsa.crt");
	CHECK_STR(a->tls.certs.pairs[1].key.written, "/pki/ecdsa.key");
	CHECK_STR(a->tls.certs.pairs[2].cert.written, "/pki/other.crt");
	/* SSL_CTX_use_certificate_chain_file reads no key from the file. */
	CHECK_INT(a->tls.certs.pairs[2].key_from_cert_file, 0);
	CHECK(a->tls.certs.pairs[2].key.written == NULL);
	tl_arena_free(fx.arena);
}

/* SSLPassPhraseDialog as ssl_cmd_SSLPassPhraseDialog reads it (apache2 -t 2.4.71). */
static void
test_passphrase_dialog(void)
{
	struct fixture fx;

	lower_text(&fx, MODS "SSLPassPhraseDialog Builtin\n", stable);
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	lower_text(&fx, MODS "SSLPassPhraseDialog exec:\n", stable);
	CHECK_STR(message(&fx, 0), "SSLPassPhraseDialog: Invalid argument");
	tl_arena_free(fx.arena);
	lower_text(&fx, MODS "SSLPassPhraseDialog bogus\n", stable);
	CHECK_STR(message(&fx, 0), "SSLPassPhraseDialog: Invalid argument");
	tl_arena_free(fx.arena);
	/* A program must exist (under the root: testdata/apache/pphrase-right/pass.sh). */
	lower_text(&fx, MODS "SSLPassPhraseDialog exec:/apache/pphrase-right/pass.sh\n", stable);
	CHECK_INT(fx.diag.findings.len, 0);
	tl_arena_free(fx.arena);
	lower_text(&fx, MODS "SSLPassPhraseDialog exec:/nosuch.sh\n", stable);
	CHECK_STR(message(&fx, 0), "SSLPassPhraseDialog: file '/nosuch.sh' does not exist");
	tl_arena_free(fx.arena);
}

int
main(void)
{
	CHECK_INT(tl_apache_keywords_unsorted(), -1);
	test_protocols();
	test_merge();
	test_sockets();
	test_refusals();
	test_numbers();
	test_command_certificates();
	test_passphrase_dialog();
	return tl_unit_result();
}
