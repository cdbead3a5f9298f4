/*
 * The nginx keyword table on the shared lowering engine (lower.h):
 * directive names → the levels that allow them, from which version → the
 * setter that fills a member of the model, the way nginx's own
 * ngx_command_t arrays work; nginx's own setters (protocol lists, the
 * pairing of certificates and keys by rank, ssl_conf_command) and the
 * version defaults of the same members. Directives the table does not
 * know are ignored by lowering.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "lower.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

static const char *const verify_client_values[] = {"on", "off", "optional", "optional_no_ca", NULL};
static const char *const ocsp_values[] = {"on", "off", "leaf", NULL};

/* The nginx lowering state behind the engine's. */
static struct lower *
nginx_of(struct tl_lower *engine)
{
	return engine->server;
}

static bool
has_variables(const char *s)
{
	return strchr(s, '$') != NULL;
}

static struct tl_file_ref
file_ref(struct lower *l, const struct tl_arg *arg)
{
	struct tl_file_ref ref = {0};

	ref.written = arg->text;
	ref.loc = arg->loc;
	/*
	 * nginx 1.15.9+ resolves a path with variables per handshake; older
	 * versions take the '$' literally, as part of a file name.
	 */
	if (has_variables(arg->text) && tl_nginx_has(TL_NGX_CERT_VARIABLES, l->env->version)) {
		ref.dynamic = true;
		return ref;
	}
	/* Relative paths are relative to nginx's conf prefix (ngx_conf_full_name). */
	ref.path = tl_path_join(l->env->arena, l->prefix, arg->text);
	return ref;
}

/* ssl_protocols, proxy_ssl_protocols: version names, ORed when repeated. */
static void
set_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	      void *field)
{
	struct tl_protocols *p = field;
	unsigned mask = 0;
	bool bad = false;

	(void)kw;
	for (size_t i = 0; i < d->nargs; i++) {
		unsigned bit = tl_protocol_bit(d->args[i].text, d->args[i].len);

		if (bit == 0) {
			tl_lower_invalid(
				engine, d->args[i].loc,
				"unknown protocol '%s' in '%s'; nginx accepts SSLv2, SSLv3, TLSv1, "
				"TLSv1.1, TLSv1.2 and TLSv1.3",
				d->args[i].text, d->name);
			bad = true;
			continue;
		}
		mask |= bit;
	}
	if (bad || p == NULL)
		return;
	/*
	 * nginx's bitmask slot ORs a repeated directive into the first
	 * instead of refusing it; the later line is the one a reader will
	 * look at, so point there.
	 */
	if (p->v.origin != TL_ORIGIN_SET)
		p->mask = 0;
	p->mask |= mask;
	p->v = tl_value_set(d);
}

static void
default_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		  void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_protocols *)field)->mask = tl_protocol_mask(value);
}

static const struct tl_setter set_protocols_row = {set_protocols, default_protocols};

static void
set_cert_or_key(struct lower *l, struct tl_cert_list *list, bool is_cert,
		const struct tl_directive *d)
{
	struct tl_cert_pair *pairs;
	size_t slot;

	/*
	 * nginx keeps two arrays and pairs them by index: the Nth
	 * ssl_certificate_key belongs to the Nth ssl_certificate.
	 */
	slot = is_cert ? list->ncert++ : list->nkey++;
	if (slot == list->n) {
		if (list->n == list->cap) {
			list->cap = list->cap ? 2 * list->cap : 2;
			pairs = tl_arena_calloc(l->env->arena, list->cap, sizeof(*pairs));
			if (list->n)
				memcpy(pairs, list->pairs, list->n * sizeof(*pairs));
			list->pairs = pairs;
		}
		list->n++;
	}
	if (is_cert) {
		list->pairs[slot].cert = file_ref(l, &d->args[0]);
		list->pairs[slot].cert_dir = d->loc;
	} else {
		list->pairs[slot].key = file_ref(l, &d->args[0]);
		list->pairs[slot].key_dir = d->loc;
	}
	if (list->v.origin != TL_ORIGIN_SET)
		list->v = tl_value_set(d);
}

static void
set_certificate(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	(void)kw;
	set_cert_or_key(nginx_of(engine), field, true, d);
}

static void
set_certificate_key(struct tl_lower *engine, const struct tl_keyword *kw,
		    const struct tl_directive *d, void *field)
{
	(void)kw;
	set_cert_or_key(nginx_of(engine), field, false, d);
}

static const struct tl_setter set_certificate_row = {set_certificate, NULL};
static const struct tl_setter set_certificate_key_row = {set_certificate_key, NULL};

/* ssl_conf_command NAME VALUE: kept in order, for the effective-TLS pass to fold in. */
static void
set_conf_command(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	struct tl_conf_commands *cmds = field;
	struct tl_conf_command *item;

	(void)kw;
	if (cmds->n == cmds->cap) {
		struct tl_conf_command *items;

		cmds->cap = cmds->cap ? 2 * cmds->cap : 4;
		items = tl_arena_calloc(engine->arena, cmds->cap, sizeof(*items));
		if (cmds->n)
			memcpy(items, cmds->items, cmds->n * sizeof(*items));
		cmds->items = items;
	}
	item = &cmds->items[cmds->n++];
	item->name = d->args[0].text;
	item->value = d->args[1].text;
	item->loc = d->loc;
	if (cmds->v.origin != TL_ORIGIN_SET)
		cmds->v = tl_value_set(d);
}

static const struct tl_setter set_conf_command_row = {set_conf_command, NULL};

#define ALWAYS                                                                                     \
	{0, 0, 0},                                                                                 \
	{                                                                                          \
		0, 0, 0                                                                            \
	}
#define SINCE(a, b, c)                                                                             \
	{a, b, c},                                                                                 \
	{                                                                                          \
		0, 0, 0                                                                            \
	}
#define UNTIL(a, b, c)                                                                             \
	{0, 0, 0},                                                                                 \
	{                                                                                          \
		a, b, c                                                                            \
	}
#define ONE 1, 1, NULL
#define TWO 2, 2, NULL
#define ANY 1, TL_MANY_ARGS, NULL
#define NO_TARGET TL_NO_TARGET, 0
#define TLS(m) NGX_TARGET_TLS, offsetof(struct tl_tls, m)
#define PROXY(m) NGX_TARGET_PROXY, offsetof(struct tl_upstream_tls, m)
#define SCOPE(m) NGX_TARGET_SCOPE, offsetof(struct scope, m)

/*
 * One row per directive and module: ssl_certificate is a row of the http
 * SSL module and one of the stream SSL module, with their own contexts
 * and the version each came in (or left). The facts are read off the
 * ngx_command_t tables of ngx_http_ssl_module.c, ngx_stream_ssl_module.c,
 * ngx_http_proxy_module.c, ngx_stream_proxy_module.c,
 * ngx_http_grpc_module.c, ngx_http_uwsgi_module.c, ngx_http_v2_module.c,
 * ngx_event_openssl.c, ngx_event_openssl_cache.c and the core modules at
 * every release tag of the nginx repository from 1.9.0 to 1.31.4: SINCE
 * is the first release whose table has the row ({0} when 1.9.0 already
 * had it), UNTIL the first that no longer has it. Sorted by name for
 * bsearch, a name's rows together; a unit test checks the order.
 */
/* clang-format off */
static const struct tl_keyword keywords[] = {
	{"grpc_ssl_certificate", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "client certificate for TLS to a gRPC backend"},
	{"grpc_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &tl_set_none, NO_TARGET, 1, 3, NULL, "cache of gRPC client certificates named with variables"},
	{"grpc_ssl_certificate_key", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "key of the gRPC client certificate"},
	{"grpc_ssl_ciphers", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "TLS <= 1.2 cipher string towards gRPC backends"},
	{"grpc_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &tl_set_none, NO_TARGET, TWO, "raw OpenSSL command for TLS to gRPC backends"},
	{"grpc_ssl_crl", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "revoked gRPC backend certificates"},
	{"grpc_ssl_name", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "name the gRPC backend certificate is checked against"},
	{"grpc_ssl_password_file", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "passphrases of the gRPC client key"},
	{"grpc_ssl_protocols", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ANY, "protocol versions towards gRPC backends"},
	{"grpc_ssl_server_name", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, NO_TARGET, ONE, "send SNI to gRPC backends"},
	{"grpc_ssl_session_reuse", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, NO_TARGET, ONE, "reuse TLS sessions with gRPC backends"},
	{"grpc_ssl_trusted_certificate", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "CAs that gRPC backend certificates must chain to"},
	{"grpc_ssl_verify", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, NO_TARGET, ONE, "verify gRPC backend certificates"},
	{"grpc_ssl_verify_depth", CTX_PROXY, SINCE(1, 13, 10), &tl_set_none, NO_TARGET, ONE, "depth of gRPC backend chain verification"},
	{"http2", CTX_SSL_HTTP, SINCE(1, 25, 1), &tl_set_flag, SCOPE(http2), ONE, "HTTP/2 on the server's TLS listeners"},
	{"listen", CTX_HTTP_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "an address and port the server listens on, and how"},
	{"listen", CTX_STREAM_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "an address and port the server listens on, and how"},
	{"proxy_ssl", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(enabled), ONE, "TLS to the stream backend"},
	{"proxy_ssl_alpn", CTX_STREAM, SINCE(1, 31, 0), &tl_set_none, NO_TARGET, ANY, "ALPN protocols offered to the stream backend"},
	{"proxy_ssl_certificate", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(certificate), ONE, "client certificate for TLS to the backend"},
	{"proxy_ssl_certificate", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(certificate), ONE, "client certificate for TLS to the backend"},
	{"proxy_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &tl_set_none, NO_TARGET, 1, 3, NULL, "cache of backend client certificates named with variables"},
	{"proxy_ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), &tl_set_none, NO_TARGET, 1, 3, NULL, "cache of backend client certificates named with variables"},
	{"proxy_ssl_certificate_key", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(certificate_key), ONE, "key of the backend client certificate"},
	{"proxy_ssl_certificate_key", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(certificate_key), ONE, "key of the backend client certificate"},
	{"proxy_ssl_ciphers", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(ciphers), ONE, "TLS <= 1.2 cipher string towards the backend"},
	{"proxy_ssl_ciphers", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(ciphers), ONE, "TLS <= 1.2 cipher string towards the backend"},
	{"proxy_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &set_conf_command_row, PROXY(conf_commands), TWO, "raw OpenSSL command for TLS to the backend"},
	{"proxy_ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), &set_conf_command_row, PROXY(conf_commands), TWO, "raw OpenSSL command for TLS to the backend"},
	{"proxy_ssl_crl", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(crl), ONE, "revoked backend certificates"},
	{"proxy_ssl_crl", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(crl), ONE, "revoked backend certificates"},
	{"proxy_ssl_name", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(name), ONE, "name the backend certificate is checked against (and sent as SNI)"},
	{"proxy_ssl_name", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(name), ONE, "name the backend certificate is checked against (and sent as SNI)"},
	{"proxy_ssl_password_file", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(password_file), ONE, "passphrases of the backend client key"},
	{"proxy_ssl_password_file", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(password_file), ONE, "passphrases of the backend client key"},
	{"proxy_ssl_protocols", CTX_PROXY, ALWAYS, &set_protocols_row, PROXY(protocols), ANY, "protocol versions towards the backend"},
	{"proxy_ssl_protocols", CTX_STREAM, ALWAYS, &set_protocols_row, PROXY(protocols), ANY, "protocol versions towards the backend"},
	{"proxy_ssl_server_name", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(server_name), ONE, "send SNI to the backend"},
	{"proxy_ssl_server_name", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(server_name), ONE, "send SNI to the backend"},
	{"proxy_ssl_session_reuse", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(session_reuse), ONE, "reuse TLS sessions with the backend"},
	{"proxy_ssl_session_reuse", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(session_reuse), ONE, "reuse TLS sessions with the backend"},
	{"proxy_ssl_trusted_certificate", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(trusted_certificate), ONE, "CAs that backend certificates must chain to"},
	{"proxy_ssl_trusted_certificate", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(trusted_certificate), ONE, "CAs that backend certificates must chain to"},
	{"proxy_ssl_verify", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(verify), ONE, "verify the backend certificate"},
	{"proxy_ssl_verify", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(verify), ONE, "verify the backend certificate"},
	{"proxy_ssl_verify_depth", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(verify_depth), ONE, "depth of backend chain verification"},
	{"proxy_ssl_verify_depth", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(verify_depth), ONE, "depth of backend chain verification"},
	{"resolver", CTX_PROXY, ALWAYS, &tl_set_str, SCOPE(resolver), ANY, "DNS servers (for OCSP stapling and variable backends)"},
	{"resolver", CTX_STREAM, SINCE(1, 11, 3), &tl_set_str, SCOPE(resolver), ANY, "DNS servers (for OCSP stapling and variable backends)"},
	{"server_name", CTX_HTTP_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "the names a server answers to"},
	{"server_name", CTX_STREAM_SRV, SINCE(1, 25, 5), &tl_set_none, NO_TARGET, ANY, "the names a server answers to"},
	{"ssl", CTX_SSL_HTTP, UNTIL(1, 25, 1), &tl_set_none, NO_TARGET, ONE, "TLS on every listen of the server (removed in 1.25.1)"},
	{"ssl_alpn", CTX_STREAM, SINCE(1, 21, 4), &tl_set_str, TLS(alpn), ANY, "ALPN protocols the stream server accepts"},
	{"ssl_buffer_size", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(buffer_size), ONE, "size of TLS records sent"},
	{"ssl_certificate", CTX_SSL_HTTP, ALWAYS, &set_certificate_row, TLS(certs), ONE, "a certificate (and chain) file the server serves"},
	{"ssl_certificate", CTX_STREAM, ALWAYS, &set_certificate_row, TLS(certs), ONE, "a certificate (and chain) file the server serves"},
	{"ssl_certificate_cache", CTX_SSL_HTTP, SINCE(1, 27, 4), &tl_set_str, TLS(certificate_cache), 1, 3, NULL, "cache of certificates named with variables"},
	{"ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), &tl_set_str, TLS(certificate_cache), 1, 3, NULL, "cache of certificates named with variables"},
	{"ssl_certificate_compression", CTX_SSL_HTTP, SINCE(1, 29, 1), &tl_set_flag, TLS(certificate_compression), ONE, "certificate compression (RFC 8879)"},
	{"ssl_certificate_compression", CTX_STREAM, SINCE(1, 29, 1), &tl_set_flag, TLS(certificate_compression), ONE, "certificate compression (RFC 8879)"},
	{"ssl_certificate_key", CTX_SSL_HTTP, ALWAYS, &set_certificate_key_row, TLS(certs), ONE, "the key of the certificate of the same rank"},
	{"ssl_certificate_key", CTX_STREAM, ALWAYS, &set_certificate_key_row, TLS(certs), ONE, "the key of the certificate of the same rank"},
	{"ssl_ciphers", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(ciphers), ONE, "TLS <= 1.2 cipher string"},
	{"ssl_ciphers", CTX_STREAM, ALWAYS, &tl_set_str, TLS(ciphers), ONE, "TLS <= 1.2 cipher string"},
	{"ssl_client_certificate", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(client_certificate), ONE, "CAs for client certificates, sent to clients"},
	{"ssl_client_certificate", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(client_certificate), ONE, "CAs for client certificates, sent to clients"},
	{"ssl_conf_command", CTX_SSL_HTTP, SINCE(1, 19, 4), &set_conf_command_row, TLS(conf_commands), TWO, "raw OpenSSL configuration command"},
	{"ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), &set_conf_command_row, TLS(conf_commands), TWO, "raw OpenSSL configuration command"},
	{"ssl_crl", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(crl), ONE, "revoked client certificates"},
	{"ssl_crl", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(crl), ONE, "revoked client certificates"},
	{"ssl_dhparam", CTX_SSL_HTTP, ALWAYS, &tl_set_path, TLS(dhparam), ONE, "DH parameters for DHE suites"},
	{"ssl_dhparam", CTX_STREAM, ALWAYS, &tl_set_path, TLS(dhparam), ONE, "DH parameters for DHE suites"},
	{"ssl_early_data", CTX_SSL_HTTP, SINCE(1, 15, 3), &tl_set_flag, TLS(early_data), ONE, "TLS 1.3 0-RTT early data"},
	{"ssl_ecdh_curve", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(groups), ONE, "ECDH curves / groups offered"},
	{"ssl_ecdh_curve", CTX_STREAM, ALWAYS, &tl_set_str, TLS(groups), ONE, "ECDH curves / groups offered"},
	{"ssl_ech_file", CTX_SSL_HTTP, SINCE(1, 29, 4), &tl_set_str, TLS(ech_file), ONE, "Encrypted ClientHello keys"},
	{"ssl_ech_file", CTX_STREAM, SINCE(1, 29, 4), &tl_set_str, TLS(ech_file), ONE, "Encrypted ClientHello keys"},
	{"ssl_engine", CTX_MAIN, ALWAYS, &tl_set_none, NO_TARGET, ONE, "OpenSSL hardware engine"},
	{"ssl_handshake_timeout", CTX_STREAM, ALWAYS, &tl_set_str, TLS(handshake_timeout), ONE, "time a stream TLS handshake may take"},
	{"ssl_object_cache_inheritable", CTX_MAIN, SINCE(1, 27, 4), &tl_set_flag, NO_TARGET, ONE, "certificate caches kept across reloads"},
	{"ssl_ocsp", CTX_SSL_HTTP, SINCE(1, 19, 0), &tl_set_enum, TLS(ocsp), 1, 1, ocsp_values, "OCSP checking of client certificates"},
	{"ssl_ocsp", CTX_STREAM, SINCE(1, 27, 2), &tl_set_enum, TLS(ocsp), 1, 1, ocsp_values, "OCSP checking of client certificates"},
	{"ssl_ocsp_cache", CTX_SSL_HTTP, SINCE(1, 19, 0), &tl_set_str, TLS(ocsp_cache), ONE, "cache of client certificate OCSP answers"},
	{"ssl_ocsp_cache", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(ocsp_cache), ONE, "cache of client certificate OCSP answers"},
	{"ssl_ocsp_responder", CTX_SSL_HTTP, SINCE(1, 19, 0), &tl_set_str, TLS(ocsp_responder), ONE, "OCSP responder for client certificates"},
	{"ssl_ocsp_responder", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(ocsp_responder), ONE, "OCSP responder for client certificates"},
	{"ssl_password_file", CTX_SSL_HTTP, ALWAYS, &tl_set_path, TLS(password_file), ONE, "passphrases of encrypted keys, one a line"},
	{"ssl_password_file", CTX_STREAM, ALWAYS, &tl_set_path, TLS(password_file), ONE, "passphrases of encrypted keys, one a line"},
	{"ssl_prefer_server_ciphers", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(prefer_server_ciphers), ONE, "the server's cipher order over the client's"},
	{"ssl_prefer_server_ciphers", CTX_STREAM, ALWAYS, &tl_set_flag, TLS(prefer_server_ciphers), ONE, "the server's cipher order over the client's"},
	{"ssl_protocols", CTX_SSL_HTTP, ALWAYS, &set_protocols_row, TLS(protocols), ANY, "protocol versions enabled"},
	{"ssl_protocols", CTX_STREAM, ALWAYS, &set_protocols_row, TLS(protocols), ANY, "protocol versions enabled"},
	{"ssl_reject_handshake", CTX_SSL_HTTP, SINCE(1, 19, 4), &tl_set_flag, TLS(reject_handshake), ONE, "refuse TLS handshakes to this server"},
	{"ssl_reject_handshake", CTX_STREAM, SINCE(1, 25, 5), &tl_set_flag, TLS(reject_handshake), ONE, "refuse TLS handshakes to this server"},
	{"ssl_session_cache", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(session_cache), 1, 2, NULL, "TLS session cache"},
	{"ssl_session_cache", CTX_STREAM, ALWAYS, &tl_set_str, TLS(session_cache), 1, 2, NULL, "TLS session cache"},
	{"ssl_session_ticket_key", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(session_ticket_key), ONE, "file of session ticket keys"},
	{"ssl_session_ticket_key", CTX_STREAM, ALWAYS, &tl_set_str, TLS(session_ticket_key), ONE, "file of session ticket keys"},
	{"ssl_session_tickets", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(session_tickets), ONE, "TLS session tickets"},
	{"ssl_session_tickets", CTX_STREAM, ALWAYS, &tl_set_flag, TLS(session_tickets), ONE, "TLS session tickets"},
	{"ssl_session_timeout", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(session_timeout), ONE, "lifetime of cached sessions"},
	{"ssl_session_timeout", CTX_STREAM, ALWAYS, &tl_set_str, TLS(session_timeout), ONE, "lifetime of cached sessions"},
	{"ssl_stapling", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(stapling), ONE, "OCSP stapling"},
	{"ssl_stapling", CTX_STREAM, SINCE(1, 27, 2), &tl_set_flag, TLS(stapling), ONE, "OCSP stapling"},
	{"ssl_stapling_file", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(stapling_file), ONE, "a stapled OCSP answer read from a file"},
	{"ssl_stapling_file", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(stapling_file), ONE, "a stapled OCSP answer read from a file"},
	{"ssl_stapling_responder", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(stapling_responder), ONE, "OCSP responder for stapling"},
	{"ssl_stapling_responder", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(stapling_responder), ONE, "OCSP responder for stapling"},
	{"ssl_stapling_verify", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(stapling_verify), ONE, "verify stapled OCSP answers"},
	{"ssl_stapling_verify", CTX_STREAM, SINCE(1, 27, 2), &tl_set_flag, TLS(stapling_verify), ONE, "verify stapled OCSP answers"},
	{"ssl_trusted_certificate", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(trusted_certificate), ONE, "CAs for stapling and client certificates, not sent"},
	{"ssl_trusted_certificate", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(trusted_certificate), ONE, "CAs for stapling and client certificates, not sent"},
	{"ssl_verify_client", CTX_SSL_HTTP, ALWAYS, &tl_set_enum, TLS(verify_client), 1, 1, verify_client_values, "client certificate verification"},
	{"ssl_verify_client", CTX_STREAM, SINCE(1, 11, 8), &tl_set_enum, TLS(verify_client), 1, 1, verify_client_values, "client certificate verification"},
	{"ssl_verify_depth", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(verify_depth), ONE, "depth of client chain verification"},
	{"ssl_verify_depth", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(verify_depth), ONE, "depth of client chain verification"},
	{"uwsgi_ssl_certificate", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "client certificate for TLS to a uwsgi backend"},
	{"uwsgi_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &tl_set_none, NO_TARGET, 1, 3, NULL, "cache of uwsgi client certificates named with variables"},
	{"uwsgi_ssl_certificate_key", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "key of the uwsgi client certificate"},
	{"uwsgi_ssl_ciphers", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "TLS <= 1.2 cipher string towards uwsgi backends"},
	{"uwsgi_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &tl_set_none, NO_TARGET, TWO, "raw OpenSSL command for TLS to uwsgi backends"},
	{"uwsgi_ssl_crl", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "revoked uwsgi backend certificates"},
	{"uwsgi_ssl_name", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "name the uwsgi backend certificate is checked against"},
	{"uwsgi_ssl_password_file", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "passphrases of the uwsgi client key"},
	{"uwsgi_ssl_protocols", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ANY, "protocol versions towards uwsgi backends"},
	{"uwsgi_ssl_server_name", CTX_PROXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "send SNI to uwsgi backends"},
	{"uwsgi_ssl_session_reuse", CTX_PROXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "reuse TLS sessions with uwsgi backends"},
	{"uwsgi_ssl_trusted_certificate", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "CAs that uwsgi backend certificates must chain to"},
	{"uwsgi_ssl_verify", CTX_PROXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "verify uwsgi backend certificates"},
	{"uwsgi_ssl_verify_depth", CTX_PROXY, ALWAYS, &tl_set_none, NO_TARGET, ONE, "depth of uwsgi backend chain verification"},
};
/* clang-format on */

const struct tl_keyword_table tl_nginx_keywords = {
	keywords,
	sizeof(keywords) / sizeof(keywords[0]),
	false,
};

/* What nginx prints when it refuses a directive (ngx_conf_handler). */
const struct tl_server_words tl_nginx_words = {
	.server = "nginx",
	.unknown = "unknown directive",
	.not_allowed = "directive is not allowed here",
	/* Most slots refuse a second value ("is duplicate"); bitmask and array slots do not. */
	.refuses_duplicates = true,
};

bool
tl_ngx_apply_keyword(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	void *targets[NGX_NTARGETS] = {
		[NGX_TARGET_TLS] = &scope->tls,
		[NGX_TARGET_PROXY] = &scope->proxy,
		[NGX_TARGET_SCOPE] = scope,
	};

	return tl_keyword_apply(&l->engine, &tl_nginx_keywords, scope->ctx, targets, d);
}

bool
tl_ngx_keyword_allowed(struct lower *l, unsigned ctx, const struct tl_directive *d)
{
	return tl_keyword_allowed(&l->engine, &tl_nginx_keywords, ctx, d);
}

static const char *
nginx_default(const struct tl_keyword *kw, struct tl_version version)
{
	return tl_nginx_default(kw->name, version, NULL);
}

void
tl_ngx_compute_defaults(struct lower *l, void *settings, unsigned target)
{
	tl_keyword_defaults(&l->engine, &tl_nginx_keywords, target, settings, nginx_default,
			    l->default_note);
}
