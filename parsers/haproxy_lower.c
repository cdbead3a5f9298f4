/*
 * Lowering an HAProxy configuration into the common model.
 *
 * A bind line is a listener on each of its addresses; with "ssl", every
 * certificate it loads (a crt file, each file of a crt directory, each
 * line of a crt-list) is a site on those sockets, the first one the
 * default. A site's names are its crt-list SNI filters, or else the names
 * in its certificate, known once the certificate is read (the site is
 * marked names_from_certificate). Host names the frontend routes on
 * (use_backend with an SNI or Host ACL) are kept on the sockets as
 * routed_names. A bind line without "ssl" is one plain site. The servers
 * of the backends a frontend uses are its upstreams.
 */
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <errno.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../checks/cipher_string.h"
#include "../checks/cipher_suites.h"
#include "../src/fsutil.h"
#include "../src/strmap.h"
#include "../src/topology.h"
#include "haproxy_crtlist.h"
#include "haproxy_facts.h"
#include "haproxy_lower.h"
#include "haproxy_lower_int.h"

/* ---- the keyword table, applied to section lines and to the words of bind/server lines ---- */

bool
tl_hp_apply_line(struct hp_lower *l, unsigned ctx, void *const *targets,
		 const struct tl_directive *d)
{
	size_t n;
	const struct tl_keyword *rows = tl_keyword_rows(&tl_haproxy_keywords, d->name, &n);
	bool here = false;

	/* Many names are bind or server words too (maxconn, user): only this section's rows. */
	for (size_t i = 0; i < n; i++)
		here = here || (rows[i].ctx & ctx) != 0;
	/* A global keyword no version has: the engine judges the TLS ones (typos). */
	if (n == 0 && ctx == HP_GLOBAL)
		return tl_keyword_apply(&l->engine, &tl_haproxy_keywords, ctx, targets, d);
	return here && tl_keyword_apply(&l->engine, &tl_haproxy_keywords, ctx, targets, d);
}

/* A keyword as HAProxy looks it up: "set-proxy-v2-tlv-fmt(0xE1)" by what precedes '('. */
static const char *
keyword_name(struct tl_arena *arena, const char *word)
{
	const char *paren = strchr(word, '(');

	return paren != NULL ? tl_arena_strndup(arena, word, (size_t)(paren - word)) : word;
}

void
tl_hp_apply_words(struct hp_lower *l, unsigned ctx, void *const *targets,
		  const struct tl_arg *words, size_t n, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		size_t nrows;
		const char *name = keyword_name(l->env->arena, words[i].text);
		const struct tl_keyword *rows = tl_keyword_rows(&tl_haproxy_keywords, name, &nrows);
		const struct tl_keyword *row = NULL;
		struct tl_directive *d;
		size_t nargs;

		for (size_t k = 0; k < nrows && row == NULL; k++)
			if (rows[k].ctx & ctx)
				row = &rows[k];
		if (row == NULL) {
			const char *near = tl_keyword_nearest(&tl_haproxy_keywords, name, ctx);

			/* HAProxy's own words, its "did you mean" included (listener.c, server.c).
			 */
			if (near != NULL)
				tl_lower_invalid(
					&l->engine, words[i].loc,
					"%s: unknown keyword '%s'; did you mean '%s' maybe ?", what,
					words[i].text, near);
			else
				tl_lower_invalid(&l->engine, words[i].loc,
						 "%s: unknown keyword '%s'.", what, words[i].text);
			continue;
		}
		/* One word and the arguments it takes, as a directive of its own. */
		d = tl_arena_alloc(l->env->arena, sizeof(*d));
		d->name = name;
		d->loc = words[i].loc;
		d->args = (struct tl_arg *)&words[i + 1];
		d->nargs = nargs = row->max_args;
		if (i + nargs >= n) {
			/*
			 * HAProxy hands the keyword an empty word: those tlslint models
			 * refuse it, what the others do with it is theirs to say.
			 */
			if (row->setter != &tl_set_none) {
				const char *message = tl_hp_empty_arg_message(name);

				tl_lower_invalid(&l->engine, words[i].loc, "%s: '%s' : %s.", what,
						 words[i].text,
						 message != NULL ? message : "missing argument");
			}
			return;
		}
		/* srv_parse_source: "source ADDR [usesrc ADDR] [interface NAME]". */
		if (strcmp(name, "source") == 0 && (ctx & HP_SERVER))
			while (i + nargs + 2 < n + 1 && i + nargs + 1 < n &&
			       (strcmp(words[i + nargs + 1].text, "usesrc") == 0 ||
				strcmp(words[i + nargs + 1].text, "interface") == 0))
				nargs += 2;
		tl_keyword_apply(&l->engine, &tl_haproxy_keywords, ctx, targets, d);
		i += nargs;
	}
}

/* ---- protocol versions (ssl_sock_initial_ctx) ---- */

static const unsigned version_order[] = {TL_PROTO_SSLv3, TL_PROTO_TLSv1, TL_PROTO_TLSv1_1,
					 TL_PROTO_TLSv1_2, TL_PROTO_TLSv1_3};
#define NVERSIONS (sizeof(version_order) / sizeof(version_order[0]))

static int
version_index(unsigned bit)
{
	for (size_t i = 0; i < NVERSIONS; i++)
		if (version_order[i] == bit)
			return (int)i;
	return -1;
}

/*
 * The versions a bind line's context gets: from ssl-min-ver (TLSv1.2 when
 * not given, unless ssl-max-ver is lower) to ssl-max-ver, the no-*
 * switches ignored once either is given, and OpenSSL given only the
 * lowest and highest version left, so a hole stays enabled. WHAT names
 * the line in HAProxy's words.
 */
static void
bind_protocols(struct hp_lower *l, struct hp_ssl *ssl, struct tl_loc at, const char *what)
{
	struct hp_versions *v = &ssl->versions;
	bool given = v->min.v.origin != TL_ORIGIN_UNSET || v->max.v.origin != TL_ORIGIN_UNSET;
	unsigned off = v->no.v.origin != TL_ORIGIN_UNSET ? v->no.mask : 0;
	int lo = 0, hi = (int)NVERSIONS - 1, first = -1, last = -1;
	struct tl_protocols *p = &ssl->tls.protocols;

	if (off != 0 && given) {
		tl_lower_deprecated(&l->engine, v->no.v.loc,
				    "no-sslv3/no-tlsv1x are ignored for %s. Use only 'ssl-min-ver' "
				    "and 'ssl-max-ver' to fix.",
				    what)
			->fix = "remove {dir} on {line}: `ssl-min-ver` and `ssl-max-ver` alone set "
				"the versions";
		off = 0;
	}
	if (v->max.v.origin != TL_ORIGIN_UNSET)
		hi = version_index(v->max.mask);
	if (v->min.v.origin != TL_ORIGIN_UNSET)
		lo = version_index(v->min.mask);
	else
		lo = hi >= version_index(TL_PROTO_TLSv1_2) ? version_index(TL_PROTO_TLSv1_2) : hi;
	for (int i = lo; i <= hi; i++)
		if (!(off & version_order[i])) {
			if (first < 0)
				first = i;
			last = i;
		}
	p->mask = 0;
	for (int i = first; first >= 0 && i <= last; i++)
		p->mask |= version_order[i];
	if (v->min.v.origin == TL_ORIGIN_SET || v->max.v.origin == TL_ORIGIN_SET ||
	    v->no.v.origin == TL_ORIGIN_SET) {
		const struct tl_value *src = v->max.v.origin == TL_ORIGIN_SET   ? &v->max.v
					     : v->min.v.origin == TL_ORIGIN_SET ? &v->min.v
										: &v->no.v;
		p->v = *src;
	} else if (v->min.v.origin != TL_ORIGIN_UNSET || v->max.v.origin != TL_ORIGIN_UNSET ||
		   v->no.v.origin != TL_ORIGIN_UNSET) {
		p->v = v->min.v.origin != TL_ORIGIN_UNSET   ? v->min.v
		       : v->max.v.origin != TL_ORIGIN_UNSET ? v->max.v
							    : v->no.v;
	} else {
		p->v.origin = TL_ORIGIN_DEFAULT;
		p->v.loc = l->defaults_loc;
		p->v.note =
			tl_arena_printf(l->env->arena, "%s (ssl-min-ver TLSv1.2)", l->default_note);
	}
	if (p->mask == 0)
		tl_lower_invalid(&l->engine, at, "all SSL/TLS versions are disabled for %s.", what);
}

/*
 * A crt-list line's ssl-min-ver/ssl-max-ver (ssl_sock_prepare_ctx with an
 * ssl_conf): the one it does not give is the bind line's real lowest or
 * highest version; the range between them, no-* switches left aside.
 */
static void
entry_protocols(struct hp_lower *l, struct hp_ssl *ssl, const struct hp_ssl *bind,
		struct tl_loc bind_loc, const char *what)
{
	const struct hp_versions *v = &ssl->versions;
	unsigned bind_mask = bind->tls.protocols.mask;
	int lo = -1, hi = -1;
	struct tl_protocols *p = &ssl->tls.protocols;

	for (size_t i = 0; i < NVERSIONS; i++)
		if (bind_mask & version_order[i]) {
			if (lo < 0)
				lo = (int)i;
			hi = (int)i;
		}
	if (v->min.v.origin != TL_ORIGIN_UNSET)
		lo = version_index(v->min.mask);
	if (v->max.v.origin != TL_ORIGIN_UNSET)
		hi = version_index(v->max.mask);
	p->v = v->max.v.origin != TL_ORIGIN_UNSET ? v->max.v : v->min.v;
	p->mask = 0;
	for (int i = lo; lo >= 0 && i <= hi; i++)
		p->mask |= version_order[i];
	if (p->mask == 0)
		tl_lower_invalid(&l->engine, bind_loc, "all SSL/TLS versions are disabled for %s.",
				 what);
}

/*
 * A ca-file, ca-verify-file or crl-file, which HAProxy loads as it reads
 * the keyword (ssl_store_load_locations_file, v2.6.0): "@system-ca" and a
 * directory are accepted, a file must hold a PEM certificate or CRL (a
 * CRL file holding only a certificate passes), else the keyword's alert
 * "'ca-file' : unable to load FILE", reported at AT (the bind or server
 * line, where HAProxy names it; for a crt-list line, its bind line).
 */
static void
check_ca_file(struct hp_lower *l, const struct tl_str *file, const char *keyword, struct tl_loc at)
{
	const char *written;
	const char *why = "no certificate or crl found";
	struct stat st;
	char *text;
	size_t len;
	const char *host;
	int rc;

	if (file->v.origin != TL_ORIGIN_SET || file->v.dir == NULL || file->v.dir->nargs == 0)
		return;
	written = file->v.dir->args[0].text;
	if (strcmp(written, "@system-ca") == 0)
		return;
	rc = tl_fs_stat(l->fs, file->s, &st);
	if (rc == 0 && S_ISDIR(st.st_mode))
		return;
	if (rc == 0)
		rc = tl_fs_read(l->fs, file->s, 64u << 20, &text, &len, &host, NULL);
	if (rc == 0) {
		BIO *bio = BIO_new_mem_buf(text, (int)len);
		STACK_OF(X509_INFO) *infos =
			bio != NULL ? PEM_X509_INFO_read_bio(bio, NULL, NULL, NULL) : NULL;
		bool found = false;

		for (int i = 0; infos != NULL && i < sk_X509_INFO_num(infos); i++) {
			const X509_INFO *info = sk_X509_INFO_value(infos, i);

			found = found || info->x509 != NULL || info->crl != NULL;
		}
		sk_X509_INFO_pop_free(infos, X509_INFO_free);
		BIO_free(bio);
		ERR_clear_error();
		if (found)
			return;
	} else {
		why = tl_file_error(-rc);
	}
	tl_lower_invalid(&l->engine, at, "'%s' : unable to load %s (%s)", keyword, written, why);
}

/*
 * "ecdhe" is the context's group list when no "curves" applies — the
 * line's, a crt-list line's or ssl-default-bind-curves: ssl_sock_prepare_ctx
 * (v2.6.0) then calls SSL_CTX_set1_curves_list() with it, and a name OpenSSL
 * does not know is "unable to set elliptic named curve to '…'", which the
 * group checks judge like any group list. A crt-list line's ecdhe replaces
 * the bind line's, not the bind line's curves.
 */
static void
ecdhe_groups(struct hp_ssl *ssl, const struct hp_ssl *bind)
{
	if (ssl->ecdhe.v.origin == TL_ORIGIN_UNSET)
		return;
	if (bind == NULL ? ssl->tls.groups.v.origin != TL_ORIGIN_UNSET
			 : ssl->ecdhe.v.dir == bind->ecdhe.v.dir ||
				   ssl->tls.groups.v.dir != bind->tls.groups.v.dir ||
				   (bind->tls.groups.v.origin != TL_ORIGIN_UNSET &&
				    !bind->groups_from_ecdhe))
		return;
	ssl->tls.groups = ssl->ecdhe;
	ssl->groups_from_ecdhe = true;
}

/*
 * HAProxy's base64dec() (src/base64.c, v2.6.0): a multiple of four
 * characters, "=" padding only as "XX==" or "XXX=" at the end of a group;
 * the decoded size, or -1. OLEN bounds it as HAProxy's buffer does.
 */
static int
hp_base64_size(const char *in, size_t ilen, size_t olen)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t convlen = 0;
	int i = 0, pad = 0;

	if (ilen % 4)
		return -1;
	if (ilen > 0 && olen < ilen / 4 * 3 - (in[ilen - 1] == '=') - (in[ilen - 2] == '='))
		return -1;
	for (; ilen > 0; in++, ilen--) {
		bool is_pad = *in == '=';

		if (!is_pad && (*in == '\0' || strchr(alphabet, *in) == NULL))
			return -1;
		if (pad && !is_pad)
			return -1;
		if (pad && i < 2)
			return -1;
		pad += is_pad;
		if (++i == 4) {
			convlen += 3 - (size_t)pad;
			pad = i = 0;
		}
	}
	return (int)convlen;
}

/*
 * tls-ticket-keys FILE, read as HAProxy reads the keyword
 * (bind_parse_tls_ticket_keys, v2.6.0): every line one base64 key of 48
 * bytes (128-bit keys) or 80 (256-bit), all of the first one's size, and
 * at least TLS_TICKETS_NO (3) of them; else the keyword's alert.
 */
static void
check_ticket_keys(struct hp_lower *l, const struct tl_str *file, struct tl_loc at)
{
	const char *path;
	char *text;
	size_t len;
	int rc, size = 0, keys = 0;
	bool ok = true;

	if (file->v.origin != TL_ORIGIN_SET || file->s == NULL)
		return;
	path = file->s[0] == '/' ? file->s : tl_arena_printf(l->env->arena, "/%s", file->s);
	rc = tl_fs_read(l->fs, path, 1u << 20, &text, &len, NULL, NULL);
	if (rc != 0) {
		tl_lower_invalid(&l->engine, at, "'%s' : unable to load ssl tickets keys file (%s)",
				 file->s, tl_file_error(-rc));
		return;
	}
	for (size_t off = 0; ok && off < len;) {
		const char *line = text + off;
		size_t n = strcspn(line, "\n");
		int dec;

		off += n + (off + n < len);
		if (n > 0 && line[n - 1] == '\r')
			n--;
		dec = hp_base64_size(line, n, 80);
		if (dec < 0) {
			tl_lower_invalid(&l->engine, at,
					 "'%s' : unable to decode base64 key on line %d", file->s,
					 keys + 1);
			ok = false;
			continue;
		}
		if ((dec != 48 && dec != 80) || (size != 0 && dec != size)) {
			tl_lower_invalid(&l->engine, at,
					 "'%s' : wrong sized key on line %d (%d bytes; keys have "
					 "48 or 80, all one size)",
					 file->s, keys + 1, dec);
			ok = false;
			continue;
		}
		size = dec;
		keys++;
	}
	OPENSSL_cleanse(text, len); /* the ticket keys */
	if (ok && keys < 3)
		tl_lower_invalid(&l->engine, at,
				 "'%s' : please supply at least 3 keys in the tls-tickets-file",
				 file->s);
}

/* Values of the global section become inherited ones in a bind line (bind_parse_ssl). */
static void
inherit_global(struct hp_lower *l, struct hp_ssl *ssl)
{
	const struct hp_ssl *g = &l->global.bind;

	tl_tls_inherit(&ssl->tls, &g->tls);
	tl_inherit_fields(
		&ssl->versions, &g->versions,
		(const struct tl_field[]){
			{"min", offsetof(struct hp_versions, min), sizeof(ssl->versions.min)},
			{"max", offsetof(struct hp_versions, max), sizeof(ssl->versions.max)},
		},
		2);
	/* The no-* switches add up. */
	if (g->versions.no.v.origin != TL_ORIGIN_UNSET) {
		if (ssl->versions.no.v.origin == TL_ORIGIN_UNSET) {
			ssl->versions.no.v = g->versions.no.v;
			ssl->versions.no.v.origin = TL_ORIGIN_INHERITED;
		}
		ssl->versions.no.mask |= g->versions.no.mask;
	}
	if (ssl->strict_sni.v.origin == TL_ORIGIN_UNSET &&
	    g->strict_sni.v.origin != TL_ORIGIN_UNSET) {
		ssl->strict_sni = g->strict_sni;
		ssl->strict_sni.v.origin = TL_ORIGIN_INHERITED;
	}
	/* What HAProxy does with no setting: OpenSSL's own cipher list (it sets none). */
	if (ssl->tls.ciphers.v.origin == TL_ORIGIN_UNSET) {
		ssl->tls.ciphers.v.origin = TL_ORIGIN_DEFAULT;
		ssl->tls.ciphers.v.loc = l->defaults_loc;
		ssl->tls.ciphers.v.note = "OpenSSL's default list (HAProxy sets none)";
		ssl->tls.ciphers.s = "DEFAULT";
	}
	if (ssl->tls.dhparam.v.origin == TL_ORIGIN_UNSET &&
	    l->global.dhparam.v.origin != TL_ORIGIN_UNSET) {
		ssl->tls.dhparam = l->global.dhparam;
		ssl->tls.dhparam.v.origin = TL_ORIGIN_INHERITED;
	}
}

/* ---- addresses ---- */

struct hp_addr {
	const char *addr; /* "*", "127.0.0.1", "[::1]", "unix:/path" */
	unsigned port, last_port;
	bool ipv6, quic, unix_socket;
};

/*
 * One address of a bind line (str2sa_range): [PREFIX@]HOST:PORT[-LAST],
 * HOST empty or "*" for any IPv4 address, IPv6 written bare (the last ':'
 * starts the port) or in brackets; a path or unix@/abns@ is a local socket.
 */
static bool
parse_addr(struct tl_arena *arena, const char *text, struct hp_addr *a)
{
	const char *at = strchr(text, '@');
	const char *host = text, *colon;
	char *end;
	long port, last;

	memset(a, 0, sizeof(*a));
	/* The prefix: one or more of ipv4, ipv6, quic4, quic6, unix, fd, … joined by '+'. */
	for (const char *p = text; at != NULL && p < at;) {
		size_t n = strcspn(p, "+@");

		if (n >= 4 && strncmp(p, "quic", 4) == 0)
			a->quic = true;
		else if (n > 0 && p[n - 1] == '6')
			a->ipv6 = true;
		else if (!(n >= 3 && (strncmp(p, "ipv", 3) == 0 || strncmp(p, "tcp", 3) == 0 ||
				      strncmp(p, "udp", 3) == 0)))
			a->unix_socket = true; /* unix, abns, abnsz, fd, sockpair, uxst, rhttp */
		p += n + (p[n] == '+');
		if (p[-1] == '@' || p[0] == '@')
			break;
	}
	if (at != NULL)
		host = at + 1;
	if (a->unix_socket) {
		a->addr = tl_arena_printf(arena, "unix:%s", host);
		return true;
	}
	if (host[0] == '/') {
		a->unix_socket = true;
		a->addr = tl_arena_printf(arena, "unix:%s", host);
		return true;
	}
	colon = strrchr(host, ':');
	if (colon == NULL)
		return false;
	port = strtol(colon + 1, &end, 10);
	last = port;
	if (*end == '-')
		last = strtol(end + 1, &end, 10);
	if (*end != '\0' || port <= 0 || port > 65535 || last < port || last > 65535)
		return false;
	a->port = (unsigned)port;
	a->last_port = (unsigned)last;
	if (colon == host || (colon == host + 1 && host[0] == '*'))
		a->addr = a->ipv6 ? "[::]" : "*";
	else if (host[0] == '[')
		a->addr = tl_arena_strndup(arena, host, (size_t)(colon - host));
	else if (memchr(host, ':', (size_t)(colon - host)) != NULL) {
		a->addr = tl_arena_printf(arena, "[%.*s]", (int)(colon - host), host);
		if (strcmp(a->addr, "[::]") == 0 || strcmp(a->addr, "[]") == 0)
			a->addr = "[::]";
	} else
		a->addr = tl_arena_strndup(arena, host, (size_t)(colon - host));
	{
		enum tl_addr_family family;
		bool wildcard;

		a->addr = tl_addr_canonical(arena, a->addr, &family, &wildcard);
	}
	a->ipv6 = a->ipv6 || a->addr[0] == '[';
	return true;
}

/* ---- proxies ---- */

struct hp_defaults {
	const struct tl_directive *d;
	struct hp_proxy proxy;
	struct tl_ptrvec default_servers; /* const struct tl_directive * */
};

/* A frontend's (or listen's) state while its lines are read. */
struct frontend {
	const struct tl_directive *d;
	const char *name;
	enum tl_site_mode mode;
	struct tl_header hsts;
	struct tl_strmap acls;     /* acl name → struct tl_ptrvec * of struct tl_name * */
	struct tl_ptrvec routed;   /* struct tl_name * */
	struct tl_ptrvec backends; /* const char *: default_backend, use_backend */
	struct tl_ptrvec sites;    /* struct tl_site * */
	struct tl_ptrvec sockets;  /* struct tl_socket * with TLS */
};

struct walk {
	struct hp_lower *l;
	struct tl_strmap sockets;  /* "port addr" → struct tl_socket * */
	struct tl_strmap defaults; /* name → struct hp_defaults * */
	struct tl_strmap backends; /* name → struct tl_ptrvec * of struct tl_upstream * */
	struct tl_strmap used;     /* backend name → the frontend site that took its servers */
};

static const char *
section_name(const struct tl_directive *d)
{
	return d->nargs > 0 ? d->args[0].text : "";
}

/* The defaults section a proxy takes its settings from: "from NAME", else the last one. */
static const struct hp_defaults *
defaults_of(struct walk *w, const struct tl_directive *d, const struct hp_defaults *last)
{
	for (size_t i = 0; i + 1 < d->nargs; i++)
		if (strcmp(d->args[i].text, "from") == 0)
			return tl_strmap_get(&w->defaults, d->args[i + 1].text);
	return last;
}

static enum tl_site_mode
mode_of(const struct tl_str *mode)
{
	return mode->v.origin != TL_ORIGIN_UNSET && strcmp(mode->s, "http") == 0 ? TL_SITE_HTTP
										 : TL_SITE_STREAM;
}

/* True when one of D's arguments (after the address) is WORD. */
static bool
has_arg(const struct tl_directive *d, const char *word)
{
	for (size_t i = 1; i < d->nargs; i++)
		if (strcmp(d->args[i].text, word) == 0)
			return true;
	return false;
}

/*
 * Every bind line has sockets of its own: two bind lines on one address,
 * in one frontend or two, are two listening sockets that the kernel
 * shares connections between at random (SO_REUSEPORT; tl_topology_link
 * puts them in each other's same_address, testdata/haproxy/topology).
 */
static struct tl_socket *
socket_for(struct walk *w, const struct tl_directive *bind, const struct hp_addr *a,
	   enum tl_site_mode mode)
{
	struct hp_lower *l = w->l;
	const char *key = tl_arena_printf(l->env->arena, "%u %s%s %p", a->port,
					  a->quic ? "quic " : "", a->addr, (const void *)bind);
	struct tl_socket *sock = tl_strmap_get(&w->sockets, key);

	if (sock != NULL)
		return sock;
	sock = tl_arena_alloc(l->env->arena, sizeof(*sock));
	sock->server = TL_SERVER_HAPROXY;
	sock->mode = mode;
	sock->addr = a->addr;
	sock->port = a->port;
	sock->quic = a->quic;
	tl_addr_canonical(l->env->arena, a->addr, &sock->family, &sock->wildcard);
	/* Linux's net.ipv6.bindv6only is 0: "[::]" takes IPv4 too unless "v6only". */
	if (sock->family == TL_FAMILY_IPV6 && sock->wildcard && !has_arg(bind, "v6only"))
		sock->family = TL_FAMILY_ANY;
	sock->select = TL_SELECT_CERT_NAMES;
	tl_ptrvec_push(l->env->arena, &l->model->sockets, sock);
	tl_strmap_put(&w->sockets, key, sock);
	return sock;
}

static struct tl_site *
new_site(struct hp_lower *l, struct frontend *fe, struct tl_loc loc)
{
	struct tl_site *site = tl_arena_alloc(l->env->arena, sizeof(*site));

	site->server = TL_SERVER_HAPROXY;
	site->facts = tl_haproxy_facts_for(l->global.default_dh.n, false);
	site->mode = fe->mode;
	site->loc = loc;
	site->hsts = fe->hsts;
	/* None: it belongs in the frontend (http-response set-header). */
	if (site->hsts.v.origin == TL_ORIGIN_UNSET)
		site->hsts.v.loc = fe->d->loc;
	return site;
}

/* A crt-list SNI filter as a site name ("*.x": one label; "!x": excluded). */
static struct tl_name *
filter_name(struct tl_arena *arena, const struct tl_arg *f)
{
	struct tl_name *n = tl_arena_alloc(arena, sizeof(*n));
	const char *text = f->text;
	char *low;

	n->loc = f->loc;
	if (text[0] == '!') {
		n->negated = true;
		text++;
	}
	low = tl_arena_strdup(arena, text);
	for (char *p = low; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	n->name = low;
	n->kind = strncmp(low, "*.", 2) == 0 ? TL_NAME_WILDCARD_ONE : TL_NAME_EXACT;
	return n;
}

/*
 * FILE less a final ".crt" under ssl-load-extra-del-ext, which is all it
 * strips (ssl_sock_load_files_into_ckch, v2.6.0 to v3.4.0).
 */
static const char *
sidecar_base(struct hp_lower *l, const char *file)
{
	size_t n = strlen(file);

	if (l->global.extra_del_ext.on && n > 4 && strcmp(file + n - 4, ".crt") == 0)
		return tl_arena_strndup(l->env->arena, file, n - 4);
	return file;
}

/*
 * A certificate file as ssl_sock_load_files_into_ckch (v2.6.0) loads it,
 * for a server's "crt" and before a bind line's sidecars: it must exist,
 * hold a PEM certificate and its key, or the key must be in FILE.key beside
 * it (unless ssl-load-extra-files leaves "key" out), and the key must be
 * the certificate's. NULL when it loads (*CERT is the file), else HAProxy's
 * reason. Read through the --root file layer.
 */
static const char *
ckch_error(struct hp_lower *l, const char *path, const struct tl_cert_file **cert)
{
	struct tl_arena *arena = l->env->arena;
	const struct tl_cert_file *cf;
	const char *keyfile = path;
	EVP_PKEY *key;

	if (l->files == NULL)
		l->files = tl_certstore_new(arena, l->fs);
	cf = tl_certstore_get(l->files, path);
	*cert = cf;
	if (cf->read_error != 0)
		return tl_arena_printf(arena, "unable to stat SSL certificate from file '%s' : %s",
				       path, tl_file_error(cf->read_error));
	if (cf->certs == NULL || sk_X509_num(cf->certs) == 0)
		return tl_arena_printf(arena, "unable to load certificate from file '%s'", path);
	key = cf->key;
	if (key == NULL && (l->global.extra_files & HP_GF_KEY)) {
		struct stat st;

		keyfile = tl_arena_printf(arena, "%s.key", sidecar_base(l, path));
		if (tl_fs_stat(l->fs, keyfile, &st) == 0) {
			key = tl_certstore_get(l->files, keyfile)->key;
			if (key == NULL)
				return tl_arena_printf(
					arena, "'%s' is present but cannot be read or parsed",
					keyfile);
		}
	}
	if (key == NULL)
		return tl_arena_printf(arena, "No Private Key found in '%s'", keyfile);
	if (X509_check_private_key(sk_X509_value(cf->certs, 0), key) != 1) {
		ERR_clear_error();
		return tl_arena_printf(
			arena, "inconsistencies between private key and certificate loaded '%s'",
			path);
	}
	return NULL;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The chain issuers-chain-path gives a certificate file without one
 * (ssl_get0_issuer_chain, v2.6.0): the first regular file there whose
 * first certificate has a subject key identifier and issued LEAF, looked
 * up by LEAF's authority key identifier; all of that file's certificates
 * are sent. NULL when none; *WRITTEN is the file as the config names it.
 */
static const struct tl_cert_file *
issuers_path_chain(struct hp_lower *l, X509 *leaf, const char **written, const char **path)
{
	const struct tl_str *dir = &l->global.issuers_chain_path;
	struct tl_ptrvec names = {0};
	const struct tl_cert_file *found = NULL;

	if (dir->v.origin == TL_ORIGIN_UNSET || X509_get0_authority_key_id(leaf) == NULL ||
	    tl_fs_list_dir(l->fs, dir->s, 100000, &names) < 0)
		return NULL;
	if (l->files == NULL)
		l->files = tl_certstore_new(l->env->arena, l->fs);
	qsort(names.items, names.len, sizeof(names.items[0]), compare_names);
	for (size_t i = 0; i < names.len && found == NULL; i++) {
		const char *file = tl_path_join(l->env->arena, dir->s, names.items[i]);
		const struct tl_cert_file *cf;
		struct stat st;
		X509 *first;

		if (tl_fs_stat(l->fs, file, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		cf = tl_certstore_get(l->files, file);
		if (cf->certs == NULL || sk_X509_num(cf->certs) == 0)
			continue;
		first = sk_X509_value(cf->certs, 0);
		if (X509_get0_subject_key_id(first) != NULL &&
		    X509_check_issued(first, leaf) == X509_V_OK) {
			found = cf;
			*path = file;
			*written = tl_path_join(l->env->arena, dir->v.dir->args[0].text,
						names.items[i]);
		}
	}
	ERR_clear_error();
	return found;
}

/* The security level HAProxy's contexts load certificates at: ssl-security-level (3.0), else
 * OpenSSL's. */
static int
load_level(const struct hp_lower *l, bool *from_config)
{
	*from_config = l->global.security_level.v.origin != TL_ORIGIN_UNSET;
	return *from_config ? (int)l->global.security_level.n : TL_HAPROXY_LOAD_SECLEVEL;
}

/*
 * A certificate that loads (ckch_error) going into a context as
 * ssl_sock_load_cert_chain (v2.6.0) puts it: SSL_CTX_use_certificate, then
 * SSL_CTX_set1_chain with the rest of the file, each judged by OpenSSL's
 * security level (a small key, a SHA-1 signature). Done with the linked
 * libssl at HAProxy's level; NULL when both pass, else HAProxy's words
 * with OpenSSL's reason. A file without a chain takes issuers-chain-path's.
 */
static const char *
context_error(struct hp_lower *l, const struct tl_cert_file *cf, const char *path)
{
	struct tl_arena *arena = l->env->arena;
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	STACK_OF(X509) *chain = sk_X509_new_null();
	const char *error = NULL, *what = NULL;
	bool from_config;
	int level = load_level(l, &from_config);

	if (ctx == NULL || chain == NULL)
		goto out;
	SSL_CTX_set_security_level(ctx, level);
	for (int i = 1; i < sk_X509_num(cf->certs); i++)
		sk_X509_push(chain, sk_X509_value(cf->certs, i));
	if (sk_X509_num(cf->certs) == 1) {
		const char *written, *chain_path;
		const struct tl_cert_file *from =
			issuers_path_chain(l, sk_X509_value(cf->certs, 0), &written, &chain_path);

		for (int i = 0; from != NULL && i < sk_X509_num(from->certs); i++)
			sk_X509_push(chain, sk_X509_value(from->certs, i));
	}
	if (SSL_CTX_use_certificate(ctx, sk_X509_value(cf->certs, 0)) != 1)
		what = "SSL certificate";
	else if (SSL_CTX_set1_chain(ctx, chain) != 1)
		what = "chain certificate";
	if (what != NULL) {
		const char *reason = ERR_reason_error_string(ERR_peek_last_error());

		error = tl_arena_printf(arena,
					"unable to load %s into SSL Context '%s' (%s at OpenSSL "
					"security level %d, %s)",
					what, path, reason != NULL ? reason : "refused", level,
					from_config ? "ssl-security-level" : "the Debian default");
	}
out:
	ERR_clear_error();
	sk_X509_free(chain);
	SSL_CTX_free(ctx);
	return error;
}

/* ssl_sock_parse_sctl (v2.6.0): a 2-byte length, then SCTs of a 2-byte length each. */
static bool
sctl_parses(const unsigned char *data, size_t n)
{
	size_t len, pos = 0;

	if (n < 2)
		return false;
	len = (size_t)data[0] << 8 | data[1];
	if (len + 2 != n)
		return false;
	data += 2;
	while (pos < len) {
		if (len - pos < 2)
			return false;
		pos += ((size_t)data[pos] << 8 | data[pos + 1]) + 2;
		if (pos > len)
			return false;
	}
	return true;
}

/*
 * The sidecars HAProxy reads once a certificate and its key have loaded
 * (ssl_sock_load_files_into_ckch, v2.6.0; haproxy -c 2.6.12), for a bind
 * line's crt and a server's alike: FILE.sctl must parse as an SCT list
 * (HAProxy reads at most a buffer, tune.bufsize 16384); when FILE.ocsp
 * exists, whatever it holds, FILE.issuer, if there, must hold a PEM
 * certificate that issued the certificate (2.6 looks for no issuer in the
 * chain first). FILE is less ".crt" under ssl-load-extra-del-ext;
 * ssl-load-extra-files decides which are read. On a bind line
 * (ssl_sock_load_ocsp, v2.6.0), a FILE.ocsp then needs the certificate's
 * issuer, from FILE.issuer or the chain (the file's, else
 * issuers-chain-path's), to compute the OCSP certificate ID; the
 * response itself is parsed later, a broken one only a warning. A failure
 * refuses the certificate, at the line that names it (true).
 */
static bool
check_sidecars(struct hp_lower *l, const char *path, struct tl_loc at, const char *what, bool bind,
	       bool auto_update)
{
	struct tl_arena *arena = l->env->arena;
	const char *base = sidecar_base(l, path);
	const struct tl_cert_file *cf;
	const char *file, *ocsp;
	struct stat st;
	char *text;
	size_t len;
	bool has_ocsp, issuer_found = false;
	X509 *leaf;

	if (!(l->global.extra_files & (HP_GF_SCTL | HP_GF_OCSP)) ||
	    ckch_error(l, path, &cf) != NULL)
		return false;
	leaf = sk_X509_value(cf->certs, 0);
	file = tl_arena_printf(arena, "%s.sctl", base);
	if ((l->global.extra_files & HP_GF_SCTL) && tl_fs_stat(l->fs, file, &st) == 0 &&
	    (tl_fs_read(l->fs, file, 1u << 20, &text, &len, NULL, NULL) != 0 ||
	     !sctl_parses((const unsigned char *)text, len < 16384 ? len : 16384))) {
		tl_lower_invalid(&l->engine, at,
				 "%s : '%s' is present but cannot be read or parsed (not a "
				 "SignedCertificateTimestampList)",
				 what, file);
		return true;
	}
	ocsp = tl_arena_printf(arena, "%s.ocsp", base);
	has_ocsp = (l->global.extra_files & HP_GF_OCSP) && tl_fs_stat(l->fs, ocsp, &st) == 0;
	file = tl_arena_printf(arena, "%s.issuer", base);
	if (has_ocsp && (l->global.extra_files & HP_GF_ISSUER) &&
	    tl_fs_stat(l->fs, file, &st) == 0) {
		const struct tl_cert_file *issuer = tl_certstore_get(l->files, file);

		if (issuer->certs == NULL || sk_X509_num(issuer->certs) == 0) {
			tl_lower_invalid(&l->engine, at,
					 "%s : '%s' cannot be read or parsed (no PEM certificate)",
					 what, file);
			return true;
		}
		if (X509_check_issued(sk_X509_value(issuer->certs, 0), leaf) != X509_V_OK) {
			tl_lower_invalid(&l->engine, at,
					 "%s : '%s' is not an issuer (of the certificate in '%s')",
					 what, file, path);
			ERR_clear_error();
			return true;
		}
		issuer_found = true;
	}
	if (!bind)
		return false;
	/*
	 * ocsp-update on (2.8): ssl_sock_load_ocsp wants an OCSP URI in the
	 * certificate (2.8, 2.9; from 3.0 none means nothing to do), then the
	 * issuer, even without FILE.ocsp.
	 */
	if (auto_update) {
		STACK_OF(OPENSSL_STRING) *uris = X509_get1_ocsp(leaf);
		bool has_uri = sk_OPENSSL_STRING_num(uris) > 0;

		X509_email_free(uris);
		if (!has_uri && !tl_haproxy_has(TL_HP_OCSP_UPDATE_URI_OPTIONAL, l->env->version)) {
			tl_lower_invalid(
				&l->engine, at,
				"%s : '%s' has an OCSP URI and OCSP auto-update is set to "
				"'on' but an error occurred (maybe the issuer could not be "
				"found): the certificate has no OCSP URI for ocsp-update on",
				what, path);
			return true;
		}
		if (!has_ocsp && !has_uri)
			return false;
	} else if (!has_ocsp) {
		return false;
	}
	for (int i = 1; i < sk_X509_num(cf->certs) && !issuer_found; i++)
		issuer_found = X509_check_issued(sk_X509_value(cf->certs, i), leaf) == X509_V_OK;
	if (!issuer_found && sk_X509_num(cf->certs) == 1) {
		const char *written, *chain_path;
		const struct tl_cert_file *chain =
			issuers_path_chain(l, leaf, &written, &chain_path);

		for (int i = 0; chain != NULL && i < sk_X509_num(chain->certs) && !issuer_found;
		     i++)
			issuer_found = X509_check_issued(sk_X509_value(chain->certs, i), leaf) ==
				       X509_V_OK;
	}
	ERR_clear_error();
	if (issuer_found)
		return false;
	if (!has_ocsp) {
		tl_lower_invalid(
			&l->engine, at,
			tl_haproxy_has(TL_HP_OCSP_UPDATE_URI_OPTIONAL, l->env->version)
				? "%s : '%s' has an OCSP auto-update set to 'on' but an error "
				  "occurred (maybe the OCSP URI or the issuer could not be "
				  "found): neither its chain nor a '%s' holds the certificate's "
				  "issuer"
				: "%s : '%s' has an OCSP URI and OCSP auto-update is set to "
				  "'on' but an error occurred (maybe the issuer could not be "
				  "found): neither its chain nor a '%s' holds the certificate's "
				  "issuer",
			what, path, file);
		return true;
	}
	tl_lower_invalid(&l->engine, at,
			 "%s : '%s' is present and activates OCSP but it is impossible to compute "
			 "the OCSP certificate ID (maybe the issuer could not be found): neither "
			 "its chain nor a '%s' holds the certificate's issuer",
			 what, ocsp, file);
	return true;
}

/*
 * A server's client certificate "crt", loaded when HAProxy builds the
 * server's context (ssl_sock_load_srv_cert, v2.6.0): the file, then the
 * context's security level, at the line that names it.
 */
static void
server_client_cert(struct hp_lower *l, const struct tl_upstream_tls *up, const char *what)
{
	const struct tl_cert_file *cf;
	const char *error;

	if (up->certificate.v.origin == TL_ORIGIN_UNSET || up->certificate.s == NULL)
		return;
	error = ckch_error(l, up->certificate.s, &cf);
	if (error == NULL &&
	    check_sidecars(l, up->certificate.s, up->certificate.v.loc, what, false, false))
		return;
	if (error == NULL)
		error = context_error(l, cf, up->certificate.s);
	if (error != NULL)
		tl_lower_invalid(&l->engine, up->certificate.v.loc, "%s : %s", what, error);
}

/*
 * The certificates set by the "crt" keyword at KEYWORD: a keyword of a
 * bind line or crt-list entry, not a directive of its own, so no
 * directive is recorded (a directive made here would not outlive it).
 */
static struct tl_value
keyword_value(struct tl_loc keyword)
{
	struct tl_value v = {.origin = TL_ORIGIN_SET, .loc = keyword};

	return v;
}

/*
 * The certificate PATH (as written) with its key: in the file, or in
 * FILE.key beside it unless ssl-load-extra-files leaves "key" out (then
 * HAProxy refuses a certificate without its key: "No Private Key found").
 */
static struct tl_cert_pair
cert_pair(struct hp_lower *l, const char *written, const char *path, struct tl_loc arg,
	  struct tl_loc keyword)
{
	struct tl_cert_pair pair;

	memset(&pair, 0, sizeof(pair));
	pair.cert.written = written;
	pair.cert.path = path;
	pair.cert.loc = arg;
	pair.cert_dir = keyword;
	pair.key_dir = keyword;
	pair.key_from_cert_file = true;
	if (!(l->global.extra_files & HP_GF_KEY))
		return pair;
	pair.key_sidecar.written =
		tl_arena_printf(l->env->arena, "%s.key", sidecar_base(l, written));
	pair.key_sidecar.path = tl_arena_printf(l->env->arena, "%s.key", sidecar_base(l, path));
	pair.key_sidecar.loc = arg;
	return pair;
}

/*
 * A certificate file of only its leaf is served with the chain
 * issuers-chain-path gives it (ssl_sock_load_cert_chain, v2.6.0): the
 * pair's chain, named at the global line.
 */
static void
issuers_chain_of(struct hp_lower *l, struct tl_cert_pair *pair)
{
	const struct tl_cert_file *cf;
	const char *written, *path;

	if (l->global.issuers_chain_path.v.origin == TL_ORIGIN_UNSET)
		return;
	if (l->files == NULL)
		l->files = tl_certstore_new(l->env->arena, l->fs);
	cf = tl_certstore_get(l->files, pair->cert.path);
	if (cf->certs == NULL || sk_X509_num(cf->certs) != 1 ||
	    issuers_path_chain(l, sk_X509_value(cf->certs, 0), &written, &path) == NULL)
		return;
	pair->chain.written = written;
	pair->chain.path = path;
	pair->chain.loc = l->global.issuers_chain_path.v.loc;
	pair->chain_dir = l->global.issuers_chain_path.v.loc;
}

/*
 * generate-certificates signs with ca-sign-file, which ssl_sock_load_ca
 * (v2.6.0) loads once the bind line's certificates are in, as a bind
 * line's crt is loaded (ssl_sock_load_files_into_ckch: a PEM certificate
 * and its key, in the file or FILE.key beside it): without it, or when it
 * does not load, HAProxy refuses the bind line.
 */
static void
check_ca_sign(struct hp_lower *l, const struct hp_ssl *ssl, struct tl_loc at, const char *proxy)
{
	const struct tl_str *file = &ssl->ca_sign_file;
	const struct tl_cert_file *cf;
	const char *error;

	if (file->v.origin == TL_ORIGIN_UNSET) {
		tl_lower_invalid(&l->engine, at,
				 "Proxy '%s': cannot enable certificate generation, no CA "
				 "certificate File configured (ca-sign-file).",
				 proxy);
		return;
	}
	if (l->files == NULL)
		l->files = tl_certstore_new(l->env->arena, l->fs);
	cf = tl_certstore_get(l->files, file->s);
	error = cf->read_error != 0
			? tl_arena_printf(l->env->arena, "cannot open the file '%s' (%s)", file->s,
					  tl_file_error(cf->read_error))
			: ckch_error(l, file->s, &cf);
	if (error != NULL)
		tl_lower_invalid(
			&l->engine, file->v.loc,
			"Proxy '%s': Failed to read CA certificate file '%s'. Chain loading "
			"failed: %s.",
			proxy, file->v.dir->args[0].text, error);
}

/* One certificate of a bind line: the site that serves it. */
struct cert_entry {
	const char *written, *path;
	struct tl_loc arg, keyword;
	const struct tl_crtlist_entry *list_entry; /* its crt-list line, or NULL */
};

/*
 * The files a crt directory contributes (crtlist_load_cert_dir): in name
 * order, regular files only, without hidden files and the .issuer, .ocsp,
 * .sctl and .key sidecars.
 */
static bool
dir_entries(struct hp_lower *l, const struct cert_entry *dir, struct tl_ptrvec *out)
{
	struct tl_ptrvec names = {0};
	long n = tl_fs_list_dir(l->fs, dir->path, 100000, &names);

	if (n < 0) {
		tl_lower_invalid(&l->engine, dir->arg, "unable to scan directory '%s' : %s.",
				 dir->written, tl_file_error((int)-n));
		return false;
	}
	qsort(names.items, names.len, sizeof(names.items[0]), compare_names);
	for (size_t i = 0; i < names.len; i++) {
		const char *name = names.items[i];
		const char *dot = strrchr(name, '.');
		struct cert_entry *e;
		struct stat st;

		if (dot != NULL &&
		    (name[0] == '.' || strcmp(dot, ".issuer") == 0 || strcmp(dot, ".ocsp") == 0 ||
		     strcmp(dot, ".sctl") == 0 || strcmp(dot, ".key") == 0))
			continue;
		e = tl_arena_alloc(l->env->arena, sizeof(*e));
		*e = *dir;
		e->written = tl_path_join(l->env->arena, dir->written, name);
		e->path = tl_path_join(l->env->arena, dir->path, name);
		if (tl_fs_stat(l->fs, e->path, &st) == 0 && !S_ISREG(st.st_mode))
			continue;
		tl_ptrvec_push(l->env->arena, out, e);
	}
	return true;
}

/*
 * A certificate file that does not exist may be a multi-certificate
 * bundle (ssl_sock_load_cert, crtlist_load_cert_dir's crt-list twin, with
 * "bundle" in ssl-load-extra-files): FILE.dsa, FILE.ecdsa and FILE.rsa,
 * those that exist, each loaded as a certificate of its own. False when
 * there is none (HAProxy: "unable to stat SSL certificate").
 */
static bool
bundle_entries(struct hp_lower *l, const struct cert_entry *e, struct tl_ptrvec *out)
{
	static const char *const types[] = {"dsa", "ecdsa", "rsa"}; /* SSL_SOCK_KEYTYPE_NAMES */
	struct stat st;
	bool found = false;

	if (!(l->global.extra_files & HP_GF_BUNDLE) || tl_fs_stat(l->fs, e->path, &st) == 0)
		return false;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct cert_entry *one = tl_arena_alloc(l->env->arena, sizeof(*one));

		*one = *e;
		one->path = tl_arena_printf(l->env->arena, "%s.%s", e->path, types[i]);
		if (tl_fs_stat(l->fs, one->path, &st) != 0)
			continue;
		one->written = tl_arena_printf(l->env->arena, "%s.%s", e->written, types[i]);
		tl_ptrvec_push(l->env->arena, out, one);
		found = true;
	}
	return found;
}

/* A crt argument: one file, or every certificate of a directory (false: unreadable). */
static bool
crt_entries(struct hp_lower *l, const struct hp_crt *c, struct tl_ptrvec *out)
{
	struct cert_entry *e = tl_arena_alloc(l->env->arena, sizeof(*e));
	struct stat st;

	e->written = c->arg->text;
	e->path = tl_hp_join(l, l->global.crt_base.s, c->arg->text);
	e->arg = c->arg->loc;
	e->keyword = c->keyword;
	if (tl_fs_stat(l->fs, e->path, &st) == 0 && S_ISDIR(st.st_mode))
		return dir_entries(l, e, out);
	if (!bundle_entries(l, e, out))
		tl_ptrvec_push(l->env->arena, out, e);
	return true;
}

/* The lines of a crt-list file, each a certificate (relative paths: crt-base; false: unread). */
static bool
crtlist_entries(struct hp_lower *l, const struct hp_crt *c, struct tl_ptrvec *out)
{
	const char *path = tl_hp_join(l, l->global.crt_base.s, c->arg->text);
	char *text;
	size_t len;
	const char *host;
	struct tl_source *src;
	struct tl_crtlist list;
	int rc = tl_fs_read(l->fs, path, 16u << 20, &text, &len, &host, NULL);

	/*
	 * HAProxy (2.6) opens a directory named as a crt-list, reads no line
	 * from it and takes it as an empty list: haproxy -c passes.
	 */
	if (rc == -EISDIR)
		return true;
	if (rc != 0) {
		tl_lower_invalid(&l->engine, c->arg->loc,
				 "cannot open the crt-list file '%s' : %s.", c->arg->text,
				 tl_file_error(-rc));
		return false;
	}
	src = tl_sources_add(l->sources, host, host, text, len);
	l->model->nfiles++;
	if (!tl_haproxy_crtlist_parse(l->env->arena, l->env->diag, src, &list))
		return false;
	for (size_t i = 0; i < list.n; i++) {
		struct cert_entry *e = tl_arena_alloc(l->env->arena, sizeof(*e));

		e->written = list.entries[i].cert.text;
		e->path = tl_hp_join(l, l->global.crt_base.s, e->written);
		e->arg = list.entries[i].cert.loc;
		e->keyword = list.entries[i].cert.loc;
		e->list_entry = &list.entries[i];
		if (!bundle_entries(l, e, out))
			tl_ptrvec_push(l->env->arena, out, e);
	}
	return true;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/*
 * Client certificates verified (verify optional or required) with no CA
 * to verify them against: ssl_sock_prepare_ctx's alert "verify is enabled
 * but no CA file specified", for the bind line's own context and for each
 * crt-list line's (ca-verify-file counts as a CA file).
 */
static bool
verify_without_ca(const struct hp_ssl *ssl)
{
	return ssl->tls.verify_client.v.origin != TL_ORIGIN_UNSET &&
	       ssl->tls.verify_client.mode != TL_CLIENT_AUTH_OFF &&
	       ssl->tls.client_certificate.v.origin == TL_ORIGIN_UNSET &&
	       ssl->ca_verify_file.v.origin == TL_ORIGIN_UNSET;
}

/*
 * The site of one certificate: the bind line's settings with the crt-list
 * line's on top. *NO_CA is set when its context verifies without a CA.
 */
static struct tl_site *
cert_site(struct hp_lower *l, struct frontend *fe, const struct hp_ssl *bind,
	  const struct cert_entry *e, const char *what, struct tl_loc bind_loc, bool *no_ca)
{
	struct tl_site *site = new_site(l, fe, bind_loc);
	struct hp_ssl ssl = *bind;
	struct tl_cert_pair pair = cert_pair(l, e->written, e->path, e->arg, e->keyword);
	bool auto_update;

	issuers_chain_of(l, &pair);

	if (e->list_entry != NULL && e->list_entry->noptions > 0) {
		void *targets[HP_NTARGETS] = {NULL};

		memset(&ssl.versions, 0, sizeof(ssl.versions));
		targets[HP_TARGET_TLS] = &ssl.tls;
		targets[HP_TARGET_SSL] = &ssl;
		tl_hp_apply_words(l, HP_CRTLIST, targets, e->list_entry->options,
				  e->list_entry->noptions, "crt-list");
		ecdhe_groups(&ssl, bind);
		if (ssl.versions.min.v.origin != TL_ORIGIN_UNSET ||
		    ssl.versions.max.v.origin != TL_ORIGIN_UNSET)
			entry_protocols(l, &ssl, bind, bind_loc, what);
	}
	auto_update =
		ssl.ocsp_update.v.origin != TL_ORIGIN_UNSET && strcmp(ssl.ocsp_update.s, "on") == 0;
	check_sidecars(l, e->path, e->arg, what, true, auto_update);
	/* ocsp-update on: HAProxy fetches responses and staples them. */
	if (auto_update) {
		ssl.tls.stapling.v = ssl.ocsp_update.v;
		ssl.tls.stapling.on = true;
	}
	/* The line's own files, loaded as HAProxy reads it; it names the bind line. */
	if (ssl.tls.client_certificate.v.dir != bind->tls.client_certificate.v.dir)
		check_ca_file(l, &ssl.tls.client_certificate, "ca-file", bind_loc);
	if (ssl.ca_verify_file.v.dir != bind->ca_verify_file.v.dir)
		check_ca_file(l, &ssl.ca_verify_file, "ca-verify-file", bind_loc);
	if (ssl.tls.crl.v.dir != bind->tls.crl.v.dir)
		check_ca_file(l, &ssl.tls.crl, "crl-file", bind_loc);
	*no_ca = *no_ca || verify_without_ca(&ssl);
	site->tls = ssl.tls;
	memset(&site->tls.certs, 0, sizeof(site->tls.certs));
	site->tls.certs.v = keyword_value(e->keyword);
	site->tls.certs.pairs = tl_arena_alloc(l->env->arena, sizeof(pair));
	site->tls.certs.pairs[0] = pair;
	site->tls.certs.n = site->tls.certs.cap = 1;
	site->tls.certs.ncert = site->tls.certs.nkey = 1;
	if (e->list_entry != NULL && e->list_entry->nfilters > 0) {
		for (size_t i = 0; i < e->list_entry->nfilters; i++)
			tl_ptrvec_push(l->env->arena, &site->names,
				       filter_name(l->env->arena, &e->list_entry->filters[i]));
	} else {
		site->names_from_certificate = true;
	}
	site->label = tl_arena_printf(l->env->arena, "%s (%s)", fe->name, base_name(e->written));
	return site;
}

/* The word list after the addresses, lowered into SSL (a bind line) and its listeners. */
static void
lower_bind(struct walk *w, struct frontend *fe, const struct tl_directive *d)
{
	struct hp_lower *l = w->l;
	struct hp_ssl ssl;
	void *targets[HP_NTARGETS] = {NULL};
	const char *what;
	struct tl_ptrvec addrs = {0}, entries = {0}, sites = {0};
	bool unread = false; /* a crt directory or crt-list HAProxy cannot read (reported) */

	if (d->nargs == 0) {
		tl_lower_invalid(&l->engine, d->loc,
				 "'bind' expects {<path>|[addr1]:port1[-end1]}"
				 "{,[addr]:port[-end]}... as arguments.");
		return;
	}
	what = tl_arena_printf(l->env->arena, "'bind %s' in section '%s'", d->args[0].text,
			       fe->d->name);
	/* The addresses: a comma-separated list. */
	for (const char *p = d->args[0].text; *p;) {
		size_t n = strcspn(p, ",");
		struct hp_addr *a = tl_arena_alloc(l->env->arena, sizeof(*a));

		const char *one = tl_arena_strndup(l->env->arena, p, n);

		if (!parse_addr(l->env->arena, one, a))
			tl_lower_invalid(&l->engine, d->args[0].loc,
					 "'bind' : invalid address '%s'", one);
		else
			tl_ptrvec_push(l->env->arena, &addrs, a);
		p += n;
		if (*p == ',')
			p++;
	}
	memset(&ssl, 0, sizeof(ssl));
	targets[HP_TARGET_TLS] = &ssl.tls;
	targets[HP_TARGET_SSL] = &ssl;
	tl_hp_apply_words(l, HP_BIND, targets, d->args + 1, d->nargs - 1,
			  tl_arena_printf(l->env->arena, "'bind %s' in section '%s'",
					  d->args[0].text, fe->d->name));
	check_ca_file(l, &ssl.tls.client_certificate, "ca-file", d->loc);
	check_ca_file(l, &ssl.ca_verify_file, "ca-verify-file", d->loc);
	check_ca_file(l, &ssl.tls.crl, "crl-file", d->loc);
	check_ticket_keys(l, &ssl.tls.session_ticket_key, d->loc);
	/* default-crt certificates come first: one of them is the default. */
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < ssl.crts.len; i++) {
			const struct hp_crt *c = ssl.crts.items[i];

			if ((c->kind == HP_CRT_DEFAULT) != (round == 0))
				continue;
			if (!(c->kind == HP_CRT_LIST ? crtlist_entries(l, c, &entries)
						     : crt_entries(l, c, &entries)))
				unread = true;
		}
	if (ssl.ssl.on) {
		bool no_ca = verify_without_ca(&ssl);

		inherit_global(l, &ssl);
		ecdhe_groups(&ssl, NULL);
		bind_protocols(l, &ssl, d->loc, what);
		for (size_t i = 0; i < entries.len; i++)
			tl_ptrvec_push(
				l->env->arena, &sites,
				cert_site(l, fe, &ssl, entries.items[i], what, d->loc, &no_ca));
		/* Without a certificate HAProxy stops before it prepares any context. */
		if (ssl.generate_certificates.on && sites.len > 0)
			check_ca_sign(l, &ssl, d->loc, section_name(fe->d));
		if (no_ca && sites.len > 0)
			tl_lower_invalid(
				&l->engine, d->loc,
				"Proxy '%s': verify is enabled but no CA file specified for "
				"bind '%s'.",
				section_name(fe->d), d->args[0].text);
	}
	if (sites.len == 0 && ssl.ssl.on && unread)
		return; /* what stops HAProxy is said; "no certificate" would be its consequence */
	if (sites.len == 0) {
		/* No TLS, or TLS without a certificate (ssl-no-certificate). */
		struct tl_site *site = new_site(l, fe, d->loc);

		site->tls = ssl.tls;
		if (!ssl.ssl.on && entries.len > 0) {
			/* crt without ssl: loaded, never served. */
			const struct cert_entry *e = entries.items[0];
			struct tl_cert_pair pair =
				cert_pair(l, e->written, e->path, e->arg, e->keyword);

			site->tls.certs.v = keyword_value(e->keyword);
			site->tls.certs.pairs = tl_arena_alloc(l->env->arena, sizeof(pair));
			site->tls.certs.pairs[0] = pair;
			site->tls.certs.n = site->tls.certs.cap = 1;
		}
		/* strict-sni: only a warning, every handshake fails (tl_haproxy_facts_for). */
		if (ssl.ssl.on && ssl.strict_sni.on && !ssl.generate_certificates.on)
			site->facts = tl_haproxy_facts_for(l->global.default_dh.n, true);
		site->label = tl_arena_printf(l->env->arena, "%s", fe->name);
		tl_ptrvec_push(l->env->arena, &sites, site);
	}
	for (size_t i = 0; i < addrs.len; i++) {
		const struct hp_addr *a = addrs.items[i];
		struct tl_socket *sock;

		if (a->unix_socket)
			continue;
		sock = socket_for(w, d, a, fe->mode);
		sock->tls = sock->tls || ssl.ssl.on;
		sock->strict_names = ssl.strict_sni.on;
		if (ssl.ssl.on)
			tl_ptrvec_push(l->env->arena, &fe->sockets, sock);
		for (size_t k = 0; k < sites.len; k++) {
			struct tl_site *site = sites.items[k];
			struct tl_listener *ls = tl_arena_alloc(l->env->arena, sizeof(*ls));

			ls->loc = d->loc;
			ls->addr = a->addr;
			ls->port = a->port;
			ls->last_port = a->last_port;
			ls->ssl = ssl.ssl.on;
			ls->quic = a->quic;
			ls->ipv6 = a->ipv6;
			ls->default_server = k == 0;
			ls->site = site;
			ls->socket = sock;
			tl_ptrvec_push(l->env->arena, &site->listeners, ls);
			tl_ptrvec_push(l->env->arena, &sock->listeners, ls);
			if (sock->sites.len == 0)
				sock->default_site = site;
			tl_ptrvec_push(l->env->arena, &sock->sites, site);
		}
	}
	for (size_t k = 0; k < sites.len; k++) {
		tl_ptrvec_push(l->env->arena, &fe->sites, sites.items[k]);
		tl_ptrvec_push(l->env->arena, &l->model->sites, sites.items[k]);
	}
}

/* ---- host names the frontend routes on ---- */

static void
free_regex(void *code)
{
	pcre2_code_free(code);
}

/* Sample fetches whose value is the name a client asks for. */
static bool
host_fetch(const char *fetch, bool *regex)
{
	static const char *const exact[] = {"req.ssl_sni", "req_ssl_sni",   "ssl_fc_sni",
					    "hdr(host)",   "req.hdr(host)", NULL};
	static const char *const reg[] = {"ssl_fc_sni_reg", "hdr_reg(host)", "req.ssl_sni_reg",
					  NULL};
	size_t n = strcspn(fetch, ","); /* converters after the fetch do not change the name */

	for (const char *const *f = exact; *f; f++)
		if (strlen(*f) == n && strncasecmp(fetch, *f, n) == 0) {
			*regex = false;
			return true;
		}
	for (const char *const *f = reg; *f; f++)
		if (strlen(*f) == n && strncasecmp(fetch, *f, n) == 0) {
			*regex = true;
			return true;
		}
	return false;
}

/*
 * The names of an ACL written as WORDS (FETCH [-flags] PATTERN…): exact
 * names ("-m str", the default) and regular expressions ("-m reg");
 * other match methods and pattern files name no host.
 */
static struct tl_ptrvec *
acl_names(struct hp_lower *l, const struct tl_arg *words, size_t n)
{
	struct tl_ptrvec *names = tl_arena_alloc(l->env->arena, sizeof(*names));
	bool regex, ignore_case = false;
	size_t i = 1;

	if (n == 0 || !host_fetch(words[0].text, &regex))
		return names;
	for (; i < n && words[i].text[0] == '-'; i++) {
		const char *f = words[i].text;

		if (strcmp(f, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(f, "-i") == 0)
			ignore_case = true;
		else if (strcmp(f, "-m") == 0 && i + 1 < n) {
			i++;
			if (strcmp(words[i].text, "reg") == 0)
				regex = true;
			else if (strcmp(words[i].text, "str") != 0)
				return names;
		} else if (strcmp(f, "-f") == 0 || strcmp(f, "-M") == 0)
			return names;
		else if (strcmp(f, "-u") == 0 && i + 1 < n)
			i++;
	}
	for (; i < n; i++) {
		struct tl_name *name = tl_arena_alloc(l->env->arena, sizeof(*name));

		name->loc = words[i].loc;
		if (regex) {
			int err;
			PCRE2_SIZE off;
			pcre2_code *code =
				pcre2_compile((PCRE2_SPTR)words[i].text, PCRE2_ZERO_TERMINATED,
					      ignore_case ? PCRE2_CASELESS : 0, &err, &off, NULL);

			if (code == NULL)
				continue;
			tl_arena_defer(l->env->arena, free_regex, code);
			name->kind = TL_NAME_REGEX;
			name->name = words[i].text;
			name->regex = code;
		} else {
			char *low = tl_arena_strdup(l->env->arena, words[i].text);

			for (char *p = low; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			/* A Host header may carry a port; the name is before it. */
			low[strcspn(low, ":")] = '\0';
			name->kind = TL_NAME_EXACT;
			name->name = low;
		}
		tl_ptrvec_push(l->env->arena, names, name);
	}
	return names;
}

static void
add_names(struct hp_lower *l, struct frontend *fe, const struct tl_ptrvec *names)
{
	for (size_t i = 0; names != NULL && i < names->len; i++)
		tl_ptrvec_push(l->env->arena, &fe->routed, names->items[i]);
}

/* use_backend NAME if|unless COND: the names of the ACLs COND requires (not negated). */
static void
route_names(struct hp_lower *l, struct frontend *fe, const struct tl_directive *d)
{
	size_t i = 1;

	if (d->nargs > 0)
		tl_ptrvec_push(l->env->arena, &fe->backends, (void *)d->args[0].text);
	while (i < d->nargs && strcmp(d->args[i].text, "if") != 0)
		i++;
	for (i++; i < d->nargs; i++) {
		const char *w = d->args[i].text;

		if (strcmp(w, "{") == 0) {
			size_t end = i + 1;

			while (end < d->nargs && strcmp(d->args[end].text, "}") != 0)
				end++;
			add_names(l, fe, acl_names(l, d->args + i + 1, end - i - 1));
			i = end;
		} else if (w[0] != '!') {
			add_names(l, fe, tl_strmap_get(&fe->acls, w));
		}
	}
}

/* ---- frontends and backends ---- */

static void
read_hsts(struct frontend *fe, const struct tl_directive *d)
{
	if (d->nargs < 3 ||
	    (strcmp(d->args[0].text, "set-header") != 0 &&
	     strcmp(d->args[0].text, "add-header") != 0) ||
	    strcasecmp(d->args[1].text, "Strict-Transport-Security") != 0)
		return;
	fe->hsts.v = tl_value_set(d);
	fe->hsts.value = d->args[2].text;
	fe->hsts.always = true;
}

static void
lower_frontend(struct walk *w, const struct tl_directive *sec, const struct hp_defaults *defs)
{
	struct hp_lower *l = w->l;
	struct frontend *fe = tl_arena_alloc(l->env->arena, sizeof(*fe));
	struct hp_proxy proxy;
	void *targets[HP_NTARGETS] = {NULL};

	memset(&proxy, 0, sizeof(proxy));
	fe->d = sec;
	fe->name = tl_arena_printf(l->env->arena, "%s %s", sec->name, section_name(sec));
	tl_strmap_init(&fe->acls, l->env->arena);
	targets[HP_TARGET_PROXY] = &proxy;
	/* First the lines that shape the whole proxy, then its bind lines. */
	for (size_t i = 0; i < sec->nchildren; i++) {
		const struct tl_directive *d = sec->children[i];

		if (strcmp(d->name, "mode") == 0)
			tl_hp_apply_line(l, HP_FRONTEND, targets, d);
		else if (strcmp(d->name, "http-response") == 0 ||
			 strcmp(d->name, "http-after-response") == 0)
			read_hsts(fe, d); /* after-response: HAProxy's own responses too (2.2+) */
		else if (strcmp(d->name, "acl") == 0 && d->nargs > 1) {
			struct tl_ptrvec *names = acl_names(l, d->args + 1, d->nargs - 1);
			struct tl_ptrvec *known = tl_strmap_get(&fe->acls, d->args[0].text);

			/* Lines of one ACL name add up. */
			if (known != NULL)
				for (size_t k = 0; k < names->len; k++)
					tl_ptrvec_push(l->env->arena, known, names->items[k]);
			else
				tl_strmap_put(&fe->acls, d->args[0].text, names);
		}
	}
	if (proxy.mode.v.origin == TL_ORIGIN_UNSET && defs != NULL)
		proxy.mode = defs->proxy.mode;
	fe->mode = mode_of(&proxy.mode);
	if (fe->mode != TL_SITE_HTTP)
		memset(&fe->hsts, 0, sizeof(fe->hsts));
	for (size_t i = 0; i < sec->nchildren; i++) {
		const struct tl_directive *d = sec->children[i];

		if (strcmp(d->name, "use_backend") == 0)
			route_names(l, fe, d);
		else if (strcmp(d->name, "default_backend") == 0 && d->nargs > 0)
			tl_ptrvec_push(l->env->arena, &fe->backends, (void *)d->args[0].text);
		else if (strcmp(d->name, "bind") == 0)
			lower_bind(w, fe, d);
	}
	if (strcmp(sec->name, "listen") == 0)
		tl_ptrvec_push(l->env->arena, &fe->backends, (void *)section_name(sec));
	/* The routed names reach every TLS socket of the frontend. */
	for (size_t i = 0; i < fe->sockets.len; i++) {
		struct tl_socket *sock = fe->sockets.items[i];

		for (size_t k = 0; k < fe->routed.len; k++)
			tl_ptrvec_push(l->env->arena, &sock->routed_names, fe->routed.items[k]);
	}
	/* A backend's servers are upstreams of the first site that uses it (one finding each). */
	for (size_t i = 0; i < fe->backends.len && fe->sites.len > 0; i++) {
		const char *name = fe->backends.items[i];
		struct tl_ptrvec *ups = tl_strmap_get(&w->backends, name);
		struct tl_site *site = fe->sites.items[0];

		if (ups == NULL || tl_strmap_get(&w->used, name) != NULL)
			continue;
		tl_strmap_put(&w->used, name, site);
		for (size_t k = 0; k < ups->len; k++)
			tl_ptrvec_push(l->env->arena, &site->upstreams, ups->items[k]);
	}
}

/*
 * A server line's TLS context, which HAProxy builds at start for every
 * server with "ssl" (ssl_sock_prepare_srv_ctx, v2.6.0), in its order: the
 * client certificate, the versions, then the cipher string and the TLS 1.3
 * suites as SSL_CTX_set_cipher_list() and SSL_CTX_set_ciphersuites() take
 * them (the cipher engine over the linked libssl's suites); the functions
 * below judge each part. Each failure is an alert naming the server line;
 * a value set elsewhere (default-server, ssl-default-server-*) is reported
 * where it is written, quoting it as HAProxy does.
 */

static void
server_protocols(struct hp_lower *l, const struct hp_server *srv, const struct tl_directive *sec,
		 const struct tl_directive *d, const char *what)
{
	const struct hp_versions *v = &srv->versions;
	bool given = v->min.v.origin != TL_ORIGIN_UNSET || v->max.v.origin != TL_ORIGIN_UNSET;
	/* The no-* switches count only without ssl-min-ver/ssl-max-ver; no default minimum. */
	unsigned off = v->no.v.origin != TL_ORIGIN_UNSET && !given ? v->no.mask : 0;
	int lo = v->min.v.origin != TL_ORIGIN_UNSET ? version_index(v->min.mask) : 0;
	int hi = v->max.v.origin != TL_ORIGIN_UNSET ? version_index(v->max.mask)
						    : (int)NVERSIONS - 1;

	for (int i = lo; i <= hi; i++)
		if (!(off & version_order[i]))
			return;
	tl_lower_invalid(&l->engine, d->loc,
			 "%s : %s '%s': all SSL/TLS versions are disabled for server '%s'.", what,
			 strcmp(sec->name, "listen") == 0 ? "proxy" : "backend", section_name(sec),
			 d->args[0].text);
}

static void
server_ciphers(struct hp_lower *l, const struct hp_server *srv, const char *what)
{
	const struct tl_str *c = &srv->up.ciphers;
	const struct tl_str *cs = &srv->ciphersuites;

	/* PROFILE=SYSTEM is the host's crypto policy (Fedora): nothing to judge offline. */
	if (c->v.origin != TL_ORIGIN_UNSET && c->s != NULL && strncmp(c->s, "PROFILE=", 8) != 0) {
		const struct tl_cipher_list *list;
		const char *error = NULL;
		int rc = tl_lower_cipher_eval(l->env, c->s, TL_CIPHER_LINKED_ONLY, &list, &error);

		if (rc != 0)
			tl_lower_invalid(&l->engine, c->v.loc,
					 "%s : unable to set SSL cipher list to '%s' (%s)", what,
					 c->s,
					 rc == -ENOENT   ? "it enables no cipher suite"
					 : error != NULL ? error
							 : "invalid syntax");
	}
	if (cs->v.origin != TL_ORIGIN_UNSET && cs->s != NULL &&
	    !tl_cipher_suites13_any_known(cs->s))
		tl_lower_invalid(
			&l->engine, cs->v.loc,
			"%s : unable to set TLS 1.3 cipher suites to '%s' (it names no TLS "
			"1.3 suite)",
			what, cs->s);
}

/* The host of a server address: "[v6]:port", "host:port", "host". */
static const char *
server_host(struct tl_arena *arena, const char *addr)
{
	const char *at = strchr(addr, '@');

	if (at != NULL)
		addr = at + 1;
	if (addr[0] == '[')
		return tl_arena_strndup(arena, addr, strcspn(addr, "]") + 1);
	return tl_arena_strndup(arena, addr, strcspn(addr, ":"));
}

/* One server line (after its default-server lines) as an upstream, when it speaks TLS. */
static struct tl_upstream *
lower_server(struct walk *w, const struct tl_directive *sec, const struct tl_ptrvec *defaults,
	     const struct tl_directive *d)
{
	struct hp_lower *l = w->l;
	struct hp_server srv = l->global.server;
	void *targets[HP_NTARGETS] = {NULL};
	const char *what;
	struct tl_upstream *up;
	const char *verify;

	if (d->nargs < 2)
		return NULL;
	what = tl_arena_printf(l->env->arena, "'server %s/%s'", section_name(sec), d->args[0].text);
	targets[HP_TARGET_UP] = &srv.up;
	targets[HP_TARGET_SERVER] = &srv;
	for (size_t i = 0; i < defaults->len; i++) {
		const struct tl_directive *ds = defaults->items[i];

		tl_hp_apply_words(l, HP_SERVER, targets, ds->args, ds->nargs, "'default-server'");
	}
	tl_hp_apply_words(l, HP_SERVER, targets, d->args + 2, d->nargs - 2, what);
	/* Loaded as the line is read, TLS or not; a default-server's at its own line. */
	check_ca_file(l, &srv.up.trusted_certificate, "ca-file", srv.up.trusted_certificate.v.loc);
	check_ca_file(l, &srv.up.crl, "crl-file", srv.up.crl.v.loc);
	/* verify: the line's, else ssl-server-verify (required by default). */
	verify = srv.verify.v.origin != TL_ORIGIN_UNSET                ? srv.verify.s
		 : l->global.server_verify.v.origin != TL_ORIGIN_UNSET ? l->global.server_verify.s
								       : "required";
	srv.up.verify.on = strcmp(verify, "required") == 0;
	srv.up.verify.v =
		srv.verify.v.origin != TL_ORIGIN_UNSET ? srv.verify.v : l->global.server_verify.v;
	if (srv.up.verify.v.origin == TL_ORIGIN_UNSET) {
		srv.up.verify.v.origin = TL_ORIGIN_DEFAULT;
		srv.up.verify.v.loc = d->loc;
		srv.up.verify.v.note = "ssl-server-verify required, HAProxy's default";
	} else if (srv.up.verify.v.dir != NULL && srv.verify.v.origin == TL_ORIGIN_UNSET) {
		srv.up.verify.v.origin = TL_ORIGIN_INHERITED;
	}
	/*
	 * HAProxy builds the server's TLS context (ssl_sock_prepare_srv_ctx)
	 * for "ssl" and for "check-ssl" alike: health checks use the same one.
	 */
	if (srv.up.enabled.on || srv.check_ssl.on) {
		server_protocols(l, &srv, sec, d, what);
		if (srv.up.verify.on && srv.up.trusted_certificate.v.origin == TL_ORIGIN_UNSET) {
			if (l->global.server_verify.v.origin != TL_ORIGIN_UNSET &&
			    strcmp(l->global.server_verify.s, "none") == 0)
				tl_lower_invalid(&l->engine, d->loc,
						 "%s : verify is enabled but no CA file specified.",
						 what);
			else
				tl_lower_invalid(
					&l->engine, d->loc,
					"%s : verify is enabled by default but no CA file "
					"specified. If "
					"you're running on a LAN where you're certain to trust the "
					"server's "
					"certificate, please set an explicit 'verify none' "
					"statement on "
					"the "
					"'server' line, or use 'ssl-server-verify none' in the "
					"global "
					"section to disable server-side verifications by default.",
					what);
		}
		server_client_cert(l, &srv.up, what);
		server_ciphers(l, &srv, what);
	}
	if (!srv.up.enabled.on)
		return NULL;
	up = tl_arena_alloc(l->env->arena, sizeof(*up));
	up->loc = d->loc;
	up->url = tl_arena_printf(l->env->arena, "%s %s", d->args[0].text, d->args[1].text);
	up->host = server_host(l->env->arena, d->args[1].text);
	if (srv.up.server_name.v.origin == TL_ORIGIN_UNSET) {
		/* HAProxy sends no SNI to a server unless "sni" says which. */
		srv.up.server_name.v.origin = TL_ORIGIN_DEFAULT;
		srv.up.server_name.v.loc = d->loc;
		srv.up.server_name.on = false;
	}
	up->tls = srv.up;
	return up;
}

static void
lower_backend(struct walk *w, const struct tl_directive *sec, const struct hp_defaults *defs)
{
	struct hp_lower *l = w->l;
	struct tl_ptrvec *ups = tl_arena_alloc(l->env->arena, sizeof(*ups));
	struct tl_ptrvec defaults = {0};

	if (defs != NULL)
		for (size_t i = 0; i < defs->default_servers.len; i++)
			tl_ptrvec_push(l->env->arena, &defaults, defs->default_servers.items[i]);
	for (size_t i = 0; i < sec->nchildren; i++) {
		const struct tl_directive *d = sec->children[i];
		struct tl_upstream *up;

		if (strcmp(d->name, "default-server") == 0)
			tl_ptrvec_push(l->env->arena, &defaults, (void *)d);
		else if (strcmp(d->name, "server") == 0 &&
			 (up = lower_server(w, sec, &defaults, d)) != NULL)
			tl_ptrvec_push(l->env->arena, ups, up);
	}
	tl_strmap_put(&w->backends, section_name(sec), ups);
}

static void
lower_defaults(struct walk *w, const struct tl_directive *sec, struct hp_defaults *defs,
	       const struct hp_defaults *parent)
{
	struct hp_lower *l = w->l;
	void *targets[HP_NTARGETS] = {NULL};

	defs->d = sec;
	if (parent != NULL && parent != defs) {
		defs->proxy = parent->proxy;
		for (size_t i = 0; i < parent->default_servers.len; i++)
			tl_ptrvec_push(l->env->arena, &defs->default_servers,
				       parent->default_servers.items[i]);
	}
	targets[HP_TARGET_PROXY] = &defs->proxy;
	for (size_t i = 0; i < sec->nchildren; i++) {
		const struct tl_directive *d = sec->children[i];

		if (strcmp(d->name, "mode") == 0)
			tl_hp_apply_line(l, HP_DEFAULTS, targets, d);
		else if (strcmp(d->name, "default-server") == 0)
			tl_ptrvec_push(l->env->arena, &defs->default_servers, (void *)d);
	}
}

void
tl_haproxy_lower(struct tl_lower_env *env, struct tl_fs *fs, struct tl_sources *sources,
		 const struct tl_tree *tree, struct tl_model *model)
{
	struct hp_lower l;
	struct walk w;
	const struct tl_directive *root = &tree->root;
	const struct hp_defaults *last = NULL;
	const struct hp_defaults **last_at;
	void *targets[HP_NTARGETS] = {NULL};

	memset(&l, 0, sizeof(l));
	memset(&w, 0, sizeof(w));
	l.env = env;
	l.fs = fs;
	l.sources = sources;
	l.tree = tree;
	l.model = model;
	l.default_note = tl_arena_printf(env->arena, "the HAProxy %u.%u default",
					 env->version.major, env->version.minor);
	l.engine.arena = env->arena;
	l.engine.diag = env->diag;
	l.engine.version = env->version;
	l.engine.words = &tl_haproxy_words;
	/* Relative paths are relative to HAProxy's working directory: "/" as a service. */
	l.engine.prefix = "/";
	l.engine.server = &l;
	l.global.extra_files = HP_GF_ALL; /* global_ssl.extra_files: SSL_GF_ALL */
	w.l = &l;
	tl_strmap_init(&w.sockets, env->arena);
	tl_strmap_init(&w.defaults, env->arena);
	tl_strmap_init(&w.backends, env->arena);
	tl_strmap_init(&w.used, env->arena);
	model->nfiles += tree->nfiles;

	/* The global sections first: bind and server lines start from them wherever they are. */
	targets[HP_TARGET_TLS] = &l.global.bind.tls;
	targets[HP_TARGET_SSL] = &l.global.bind;
	targets[HP_TARGET_UP] = &l.global.server.up;
	targets[HP_TARGET_SERVER] = &l.global.server;
	targets[HP_TARGET_GLOBAL] = &l.global;
	/* A default belongs to the global section (where ssl-default-bind-* go), or the first. */
	l.defaults_loc = root->nchildren > 0 ? root->children[0]->loc : root->loc;
	for (size_t i = root->nchildren; i-- > 0;)
		if (strcmp(root->children[i]->name, "global") == 0)
			l.defaults_loc = root->children[i]->loc;
	for (size_t i = 0; i < root->nchildren; i++) {
		const struct tl_directive *sec = root->children[i];

		if (strcmp(sec->name, "global") != 0)
			continue;
		for (size_t k = 0; k < sec->nchildren; k++)
			tl_hp_apply_line(&l, HP_GLOBAL, targets, sec->children[k]);
	}
	/* HAProxy loads it as it reads the line, TLS binds or not (ssl_parse_global_dh_param_file).
	 */
	if (l.global.dhparam.v.origin != TL_ORIGIN_UNSET) {
		struct stat st;
		int rc = tl_fs_stat(fs, l.global.dhparam.path, &st);
		const char *why = NULL;

		/* HAProxy 2.6 reads a directory there without end: haproxy -c never returns. */
		if (rc == 0 && S_ISDIR(st.st_mode))
			why = "'ssl-dh-param-file': '%s' is a directory: haproxy does not start, "
			      "it "
			      "keeps reading it (haproxy -c never returns)";
		else if (rc != 0 || !S_ISREG(st.st_mode))
			why = "'ssl-dh-param-file': unable to load DH parameters from file <%s>.";
		if (why != NULL) {
			tl_lower_invalid(&l.engine, l.global.dhparam.v.dir->loc, why,
					 l.global.dhparam.s);
			memset(&l.global.dhparam, 0, sizeof(l.global.dhparam));
		}
	}
	/*
	 * Backends before frontends, which may name them before or after;
	 * each proxy with the defaults section in force where it is.
	 */
	last_at = tl_arena_alloc(env->arena, (root->nchildren + 1) * sizeof(*last_at));
	for (size_t i = 0; i < root->nchildren; i++) {
		const struct tl_directive *sec = root->children[i];

		last_at[i] = last;
		if (strcmp(sec->name, "defaults") == 0) {
			struct hp_defaults *defs = tl_arena_alloc(env->arena, sizeof(*defs));

			lower_defaults(&w, sec, defs, defaults_of(&w, sec, NULL));
			if (sec->nargs > 0 && strcmp(sec->args[0].text, "from") != 0)
				tl_strmap_put(&w.defaults, sec->args[0].text, defs);
			last = defs;
		} else if (strcmp(sec->name, "backend") == 0 || strcmp(sec->name, "listen") == 0) {
			lower_backend(&w, sec, defaults_of(&w, sec, last));
		}
	}
	for (size_t i = 0; i < root->nchildren; i++) {
		const struct tl_directive *sec = root->children[i];

		if (strcmp(sec->name, "frontend") == 0 || strcmp(sec->name, "listen") == 0)
			lower_frontend(&w, sec, defaults_of(&w, sec, last_at[i]));
	}
}

int
tl_haproxy_keywords_unsorted(void)
{
	return tl_keyword_table_unsorted(&tl_haproxy_keywords);
}
