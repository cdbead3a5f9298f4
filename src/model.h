/*
 * The common model: every TLS endpoint of nginx, Apache httpd and HAProxy
 * as one set of structs. Lowering fills it, checks read it. Each setting
 * remembers where it came from (set here, inherited from an outer level,
 * or a server default) so a finding can point at the line to change, and
 * settings are kept as configured (paths, strings, lists), not flattened
 * into booleans, so that a real SSL_CTX can be built from a site.
 *
 * How the servers map onto it (details in docs/design.md):
 *   nginx   server {}            → site; listen → listener; addr:port → socket
 *   Apache  <VirtualHost>        → site; Listen/VirtualHost addr → socket
 *   HAProxy bind line / crt-list → site per certificate (SNI filter = names)
 */
#ifndef TL_MODEL_H
#define TL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "options.h"
#include "source.h"

struct tl_directive;

enum tl_origin {
	TL_ORIGIN_UNSET = 0, /* nobody set it and the server has no default */
	TL_ORIGIN_DEFAULT,   /* the server's built-in default (see note) */
	TL_ORIGIN_INHERITED, /* set at an outer level (loc points there) */
	TL_ORIGIN_SET,       /* set at this level */
};

/* Where a value came from. Every typed setting below starts with one. */
struct tl_value {
	enum tl_origin origin;
	struct tl_loc loc;              /* the directive; for a default, the site */
	const struct tl_directive *dir; /* NULL for defaults */
	const char *note;               /* for defaults: e.g. "the nginx 1.30 default" */
};

struct tl_str {
	struct tl_value v;
	const char *s;
};

struct tl_flag {
	struct tl_value v;
	bool on;
};

/* A duration (nginx "1h 30m", httpd seconds), in seconds. */
struct tl_seconds {
	struct tl_value v;
	long long seconds;
};

/* A count (verification depth). */
struct tl_count {
	struct tl_value v;
	long long n;
};

/* Whether and how clients must present a certificate. */
enum tl_client_auth {
	TL_CLIENT_AUTH_OFF,
	TL_CLIENT_AUTH_REQUIRE,     /* nginx on, httpd require */
	TL_CLIENT_AUTH_OPTIONAL,    /* asked for, verified if given */
	TL_CLIENT_AUTH_OPTIONAL_ANY /* asked for, not verified (nginx optional_no_ca) */
};

struct tl_client_auth_setting {
	struct tl_value v;
	enum tl_client_auth mode;
};

/* Server-side session resumption by cache. */
enum tl_cache_mode {
	TL_CACHE_OFF,  /* resumption refused (nginx off) */
	TL_CACHE_NONE, /* no server cache, clients told they may try (nginx none) */
	TL_CACHE_ON,
};

struct tl_session_cache {
	struct tl_value v;
	enum tl_cache_mode mode;
	bool builtin;            /* OpenSSL's per-process cache */
	long long builtin_size;  /* sessions; -1: the library's default */
	const char *shared_name; /* a cache shared between worker processes, or NULL */
	long long shared_bytes;
};

/*
 * TLS behaviours that are on or off, whichever way a server spells them:
 * a directive (nginx ssl_prefer_server_ciphers, httpd SSLCompression),
 * an OpenSSL "Options" command, or what the server always does.
 */
enum tl_tls_option {
	TL_OPT_SERVER_PREFERENCE, /* the server's cipher order wins over the client's */
	TL_OPT_PRIORITIZE_CHACHA, /* ... except for clients that put ChaCha20 first */
	TL_OPT_SESSION_TICKETS,   /* stateless session resumption */
	TL_OPT_COMPRESSION,       /* TLS-level compression (CRIME) */
	/* Clients may start a renegotiation (a CPU cost they control). */
	TL_OPT_CLIENT_RENEGOTIATION,
	/* Renegotiation with peers that lack RFC 5746 (CVE-2009-3555). */
	TL_OPT_UNSAFE_LEGACY_RENEGOTIATION,
	TL_OPT_COUNT,
};

/* Protocol versions as a bit set. */
enum {
	TL_PROTO_SSLv2 = 1u << 0,
	TL_PROTO_SSLv3 = 1u << 1,
	TL_PROTO_TLSv1 = 1u << 2,
	TL_PROTO_TLSv1_1 = 1u << 3,
	TL_PROTO_TLSv1_2 = 1u << 4,
	TL_PROTO_TLSv1_3 = 1u << 5,
};

/* The name of the single version BIT ("TLSv1.2"), or NULL. */
const char *tl_protocol_name(unsigned bit);
/* The version named by the LEN bytes at S, compared without case; 0 if none. */
unsigned tl_protocol_bit(const char *s, size_t len);
/* The versions of a space-separated list of names (unknown names are skipped). */
unsigned tl_protocol_mask(const char *list);

struct tl_protocols {
	struct tl_value v;
	unsigned mask;
};

/* A file a setting names: as written, and where it is on this machine. */
struct tl_file_ref {
	const char *written; /* as in the config */
	const char *path;    /* mapped (prefix, --root); NULL when dynamic */
	struct tl_loc loc;   /* the argument */
	bool dynamic;        /* contains variables, resolved per handshake */
};

/*
 * A setting that names one file (nginx ssl_password_file): the value as
 * written, and where the file is on this machine, mapped like a
 * certificate path (server prefix, --root).
 */
struct tl_path {
	struct tl_value v;
	const char *s;    /* as written */
	const char *path; /* mapped; NULL when unset */
};

/* One certificate with its key, as a server pairs them (nginx: by order). */
struct tl_cert_pair {
	struct tl_file_ref cert;
	struct tl_file_ref key; /* key.written NULL: none configured */
	/*
	 * Certificates sent after the certificate file's first, instead of
	 * the rest of that file (Apache SSLCertificateChainFile);
	 * chain.written NULL: none. HAProxy's ".issuer" files are not this:
	 * they only feed OCSP requests.
	 */
	struct tl_file_ref chain;
	struct tl_loc cert_dir; /* the directive naming the certificate */
	struct tl_loc key_dir;
	struct tl_loc chain_dir;
	/*
	 * With no key named, the server reads the key from the certificate
	 * file (Apache, HAProxy); nginx never does and refuses to start.
	 */
	bool key_from_cert_file;
	/*
	 * Read instead when the certificate file holds no key (HAProxy: the
	 * file name with ".key" appended); written NULL: none.
	 */
	struct tl_file_ref key_sidecar;
};

struct tl_cert_list {
	struct tl_value v; /* the whole list inherits as one (nginx) */
	struct tl_cert_pair *pairs;
	size_t n;
	size_t cap;         /* grows by doubling: a level may hold thousands */
	size_t ncert, nkey; /* certificates and keys named so far (nginx pairs the Nth of each) */
};

/* A server-specific raw OpenSSL configuration command (ssl_conf_command, SSLOpenSSLConfCmd). */
struct tl_conf_command {
	const char *name;
	const char *value; /* a file or directory mapped like a certificate path */
	struct tl_loc loc;
	const char *written;       /* the value as in the config */
	struct tl_loc written_loc; /* the value's argument */
};

struct tl_conf_commands {
	struct tl_value v;
	struct tl_conf_command *items;
	size_t n;
	size_t cap;
};

/*
 * Everything that shapes a TLS handshake of a site. Every member is a
 * typed setting starting with struct tl_value, so inheritance can be done
 * generically over a field table (see tl_tls_fields).
 */
struct tl_tls {
	/*
	 * TLS switched on or off by the site's own settings (httpd
	 * SSLEngine); UNSET where the server has no such switch (nginx: the
	 * listen line decides).
	 */
	struct tl_flag engine;
	struct tl_cert_list certs;
	struct tl_protocols protocols;
	struct tl_str ciphers;        /* TLS <= 1.2 cipher string */
	struct tl_str ciphersuites;   /* TLS 1.3 suites (from conf commands or a directive) */
	struct tl_str groups;         /* ECDH curves / groups list */
	struct tl_path dhparam;       /* DH parameters file */
	struct tl_path password_file; /* passphrases for encrypted keys, one a line */
	/* A program the server asks for passphrases (httpd SSLPassPhraseDialog exec:), never run.
	 */
	struct tl_str passphrase_program;
	struct tl_flag options[TL_OPT_COUNT]; /* as directives set them (enum tl_tls_option) */
	struct tl_str session_ticket_key;
	struct tl_session_cache session_cache;
	struct tl_flag stapling;
	struct tl_flag stapling_verify;
	struct tl_str stapling_file;
	struct tl_str
		stapling_cache; /* where stapled responses are kept (httpd SSLStaplingCache) */
	struct tl_str trusted_certificate;
	struct tl_str client_certificate;
	struct tl_client_auth_setting verify_client;
	struct tl_flag early_data;
	struct tl_flag reject_handshake;
	struct tl_conf_commands conf_commands;
	struct tl_count verify_depth;
	struct tl_str crl;
	struct tl_str ocsp; /* client certificate OCSP: off, on, leaf */
	struct tl_str ocsp_responder;
	struct tl_str ocsp_cache;
	struct tl_str stapling_responder;
	struct tl_seconds session_timeout;
	struct tl_str buffer_size;
	struct tl_flag certificate_compression;
	struct tl_str certificate_cache;
	struct tl_str ech_file; /* Encrypted ClientHello keys */
	struct tl_str alpn;     /* protocols offered in ALPN (nginx stream) */
	struct tl_str handshake_timeout;
};

/*
 * A member of a settings struct whose members all start with struct
 * tl_value: name, offset and size, so inheritance can be generic.
 */
struct tl_field {
	const char *name;
	size_t offset;
	size_t size;
};
extern const struct tl_field tl_tls_fields[];
extern const size_t tl_tls_nfields;

/*
 * Fills every member of CHILD that is unset from PARENT; what was set in
 * the parent becomes inherited in the child, defaults stay defaults.
 */
void tl_inherit_fields(void *child, const void *parent, const struct tl_field *fields, size_t n);
void tl_tls_inherit(struct tl_tls *child, const struct tl_tls *parent);

enum tl_site_mode {
	TL_SITE_HTTP,
	TL_SITE_STREAM, /* TCP proxying (nginx stream {}, HAProxy mode tcp) */
};

/* How a site's name matches the names clients send, whatever server wrote it. */
enum tl_name_kind {
	TL_NAME_EXACT,          /* www.example.com */
	TL_NAME_WILDCARD_LEFT,  /* *.example.com, any depth below (nginx) */
	TL_NAME_WILDCARD_RIGHT, /* www.example.* (nginx) */
	TL_NAME_DOT,            /* .example.com = example.com + *.example.com (nginx) */
	TL_NAME_REGEX,          /* ~^www\d+\.example\.com$ (nginx, PCRE) */
	TL_NAME_EMPTY,          /* "" (requests without a Host) */
	TL_NAME_NONE,           /* written to match no name a client sends (nginx "_") */
	TL_NAME_HOSTNAME,       /* the machine's own name, known only where it runs ($hostname) */
	TL_NAME_WILDCARD_ONE,   /* *.example.com, exactly one label (HAProxy, RFC 6125) */
	TL_NAME_GLOB,           /* * and ? anywhere, '*' across dots too (httpd ServerAlias) */
};

struct tl_name {
	const char *name; /* as written, without a leading ~ for regexes; lower case */
	enum tl_name_kind kind;
	bool negated; /* "!name": the site is not chosen for it (HAProxy crt-list filters) */
	struct tl_loc loc;
	/* pcre2_code * for TL_NAME_REGEX and TL_NAME_GLOB (tl_name_compile_glob); arena-freed. */
	void *regex;
	/*
	 * Taken from the site's own certificate (HAProxy indexes every
	 * certificate by its names): it selects the site, but holding the
	 * certificate to it would prove nothing.
	 */
	bool from_certificate;
};

/* How a socket chooses the site of a handshake from the SNI name. */
enum tl_select_rule {
	/*
	 * nginx (ngx_http_find_virtual_server): an exact name, else the
	 * longest leading wildcard (*.x, .x), else the longest trailing one
	 * (x.*), else the first matching regex, else the default site.
	 */
	TL_SELECT_BEST_MATCH,
	/* httpd: the first site in config order with a matching name, else the default (first). */
	TL_SELECT_FIRST_MATCH,
	/*
	 * HAProxy: the site whose certificate (or crt-list filter) names the
	 * SNI name exactly, else the one whose one-label wildcard covers it,
	 * skipping sites that exclude the name ("!name"), else the default.
	 */
	TL_SELECT_CERT_NAMES,
};

/* The ways a TLS setting can be wrong that a server reacts to when it starts. */
enum tl_fault {
	TL_FAULT_CERTIFICATE, /* a certificate file missing or unloadable */
	TL_FAULT_KEY,         /* a key missing, unloadable, locked or not the certificate's */
	/* The key is not the certificate's: TL_FAULT_KEY's consequence with the server's words. */
	TL_FAULT_KEY_MISMATCH,
	TL_FAULT_CIPHERS,        /* a cipher string or suite list that enables nothing */
	TL_FAULT_GROUPS,         /* a group list naming a group the library does not know */
	TL_FAULT_DH_FILE,        /* a DH parameters file missing or without parameters */
	TL_FAULT_DH_TOO_SMALL,   /* DH parameters below the library's security level */
	TL_FAULT_NO_CERTIFICATE, /* the default site of a TLS socket has no certificate */
	/* Another site of a TLS socket has none (nginx starts: it serves the default's). */
	TL_FAULT_NO_CERTIFICATE_NAMED,
	/*
	 * Another site has none where the default site has none either but
	 * rejects handshakes (nginx ssl_reject_handshake: it then checks every
	 * server of the address, and refuses to start).
	 */
	TL_FAULT_NO_CERTIFICATE_BESIDE_REJECTING,
	/* A chain file that holds no certificate (httpd starts and sends no chain). */
	TL_FAULT_CHAIN_EMPTY,
	/* A chain file with a malformed PEM block or a certificate that does not decode. */
	TL_FAULT_CHAIN_MALFORMED,
	/* Stapling on without a stapling cache; NULL: the server needs none (nginx). */
	TL_FAULT_STAPLING_NO_CACHE,
	/* An OpenSSL configuration command OpenSSL refuses (name or value). */
	TL_FAULT_CONF_COMMAND,
	/* A password file that cannot be read or has a line too long (nginx reads it at once). */
	TL_FAULT_PASSWORD_FILE,
	/*
	 * The site's own protocol setting enables no version at all (httpd
	 * "SSLProtocol -all"); not raw commands that narrow it to nothing.
	 */
	TL_FAULT_NO_PROTOCOLS,
	/* A certificate, key or other file read at start-up is a FIFO. */
	TL_FAULT_FILE_FIFO,
	TL_FAULT_COUNT,
};

/*
 * What a server does, as data that checks build their messages and
 * decisions from, so that a check says the right thing for every server.
 * Lowering points each site at its server's facts.
 */
struct tl_server_facts {
	const char *name; /* "nginx" */
	/* What the server does at start-up for each fault ("refuses to start"); NULL: it starts. */
	const char *on_fault[TL_FAULT_COUNT];
	/* DHE is offered without configured DH parameters (built-in groups). */
	bool dh_builtin;
	/*
	 * What the server does with stapling on for a certificate it cannot
	 * staple for (no OCSP responder URL in it and none configured, or its
	 * issuer not found); NULL: not modelled for this server.
	 */
	const char *stapling_unusable;
	/*
	 * The server resolves the OCSP responder's host once at start-up unless
	 * a resolver is configured (nginx "resolver").
	 */
	bool stapling_resolver;
	/* What the server says when two sites on one address give one name, or NULL. */
	const char *duplicate_name_warning;
	/* Several certificates for one name are chosen among by key type (HAProxy): no duplicate.
	 */
	bool names_shared_by_key_type;
	/*
	 * What a Strict-Transport-Security header without "always" misses, for
	 * a message (httpd: redirects and errors); NULL: nothing worth saying.
	 */
	const char *header_without_always;
	/*
	 * The cipher string (and its @SECLEVEL) is set before the certificates
	 * are loaded (nginx, httpd), so a lowered level lets weak certificates
	 * load; false: they load at the library's default level (HAProxy).
	 */
	bool seclevel_before_certificates;
	/* The group-list value that means "the library's own list" ("auto"), or NULL. */
	const char *groups_auto;
	/*
	 * Password files, one passphrase a line: the line length the server
	 * refuses (0: no limit); nginx reads the file when it reads the
	 * directive, so TL_FAULT_PASSWORD_FILE says what a bad one does.
	 */
	size_t password_line_max;
	/*
	 * Each TLS option as the server leaves it when no directive sets it
	 * (on), and whether the server sets it again on every connection,
	 * after any OpenSSL command, so that no configuration changes it
	 * (forced).
	 */
	struct tl_option_fact {
		bool on;
		bool forced;
	} options[TL_OPT_COUNT];
	/*
	 * What a handshake keeps of the socket's default site after SNI
	 * selected another (beside the socket's protocols_from_default).
	 */
	struct tl_default_site_facts {
		/* The versions, when the selected site sets none (httpd: unless an SSLProtocol
		 * applies). */
		bool protocols_if_unset;
		/* The key exchange groups (httpd: SSL_set_SSL_CTX keeps the first context's). */
		bool groups;
		/* The options it sets stay on (httpd: SSL_set_options only adds). */
		bool options;
	} from_default;
};

/* What the server does at start-up for FAULT ("refuses to start"), or NULL when it starts. */
const char *tl_fault_consequence(const struct tl_server_facts *facts, enum tl_fault fault);
/* The same for a message: "starts, and handshakes that need it fail" when it starts. */
const char *tl_fault_text(const struct tl_server_facts *facts, enum tl_fault fault);
/*
 * tl_fault_text for a file that could not be read because of ERR (an
 * errno or fsutil.h's TL_EFIFO): a FIFO blocks a server that opens it as
 * a file, which is not a refusal, and a file over tlslint's size limit
 * (EFBIG) is one the server may load.
 */
const char *tl_file_fault_text(const struct tl_server_facts *facts, enum tl_fault fault, int err);

struct tl_socket;
struct tl_site;

struct tl_listener {
	struct tl_loc loc; /* the listen directive */
	const char *addr;  /* "*", "127.0.0.1", "[::1]", "unix:/path" */
	unsigned port;
	unsigned last_port; /* a range "8000-8010" (nginx); else == port */
	bool ssl;           /* this line asks for TLS */
	bool default_server;
	bool http2;
	bool quic;
	bool ipv6;
	/* An IPv6 wildcard that takes IPv4 connections too (nginx ipv6only=off). */
	bool dual_stack;
	/* Socket options (nginx backlog=, reuseport, …): one listen per address may set them. */
	bool socket_options;
	bool implicit; /* no listen directive: the server default */
	struct tl_site *site;
	struct tl_socket *socket;
};

/*
 * Which connections an address takes (src/topology.c): one family, or
 * both (a dual-stack IPv6 wildcard, httpd's "*"); a host name the server
 * resolves at start-up; a Unix socket.
 */
enum tl_addr_family {
	TL_FAMILY_IPV4,
	TL_FAMILY_IPV6,
	TL_FAMILY_ANY,
	TL_FAMILY_NAME,
	TL_FAMILY_UNIX,
};

/*
 * One address:port (and transport) with the sites listening on it: what a
 * connection reaches. A socket on a specific address takes every
 * connection to that address away from the wildcard socket of the same
 * port (the kernel, and nginx's and httpd's own dispatch by local
 * address, prefer the exact address), with its own default site.
 */
struct tl_socket {
	enum tl_server_kind server;
	enum tl_site_mode mode;
	const char *addr; /* canonical: "*" for the wildcard, "[…]" for IPv6 */
	unsigned port;
	enum tl_addr_family family;
	bool wildcard; /* the any-address of its family */
	/*
	 * Set by tl_topology_link: for a specific address, the wildcard socket
	 * of the same port and transport whose connections to this address it
	 * takes (NULL: none).
	 */
	struct tl_socket *wildcard_socket;
	/*
	 * Other sockets bound to the very same address and port (HAProxy:
	 * two bind lines, SO_REUSEPORT): the kernel hands each connection to
	 * one of the group at random.
	 */
	struct tl_ptrvec same_address; /* struct tl_socket * */
	bool quic;                     /* UDP with QUIC (TLS 1.3 inside), not TCP */
	bool tls;                      /* TLS is a property of the socket in nginx */
	/*
	 * The protocol versions come from the default site, whatever site SNI
	 * selects (nginx before 1.29.2: OpenSSL picks the version before the
	 * server name callback runs). TLS 1.3 suites likewise.
	 */
	bool protocols_from_default;
	enum tl_select_rule select; /* how a handshake's SNI name picks a site */
	/*
	 * A name no site matches (or no name) gets no site: the handshake
	 * fails with unrecognized_name (HAProxy strict-sni).
	 */
	bool strict_names;
	struct tl_site *default_site;
	struct tl_ptrvec sites;     /* struct tl_site *, in config order */
	struct tl_ptrvec listeners; /* struct tl_listener * */
	/*
	 * Host names the configuration routes on (HAProxy use_backend ACLs on
	 * the SNI or Host): clients send them, so each is added to the site
	 * the socket selects for it once certificate names are known
	 * (tl_resolve_certificate_names).
	 */
	struct tl_ptrvec routed_names; /* struct tl_name * */
};

/*
 * A response header as configured at a level, for HSTS. When none
 * applies, v is UNSET and its loc is where one belongs (the block whose
 * directive would add it), or the line that dropped one inherited from
 * above, with v.note saying how.
 */
struct tl_header {
	struct tl_value v;
	const char *value;
	bool always; /* on every response, errors included (nginx/httpd "always") */
};

/* A location (nginx), <Location> (Apache) — what differs per request path. */
struct tl_location {
	const char *path; /* as written, e.g. "/", "~ \\.php$" */
	struct tl_loc loc;
	struct tl_header hsts; /* effective Strict-Transport-Security */
};

/* How the server talks TLS to backends; inherited like tl_tls. */
struct tl_upstream_tls {
	struct tl_flag enabled; /* TLS switched on (nginx stream proxy_ssl; http: https:// URLs) */
	struct tl_flag verify;
	struct tl_flag server_name; /* send SNI */
	struct tl_str name;         /* proxy_ssl_name */
	struct tl_str trusted_certificate;
	struct tl_protocols protocols;
	struct tl_str ciphers;
	struct tl_str certificate; /* client certificate */
	struct tl_str certificate_key;
	struct tl_str password_file;
	struct tl_str crl;
	struct tl_count verify_depth;
	struct tl_flag session_reuse;
	struct tl_conf_commands conf_commands;
};
extern const struct tl_field tl_upstream_tls_fields[];
extern const size_t tl_upstream_tls_nfields;

/* TLS from the server to a backend (nginx proxy_pass https://…). */
struct tl_upstream {
	struct tl_loc loc; /* proxy_pass */
	const char *url;
	const char *host; /* host part of the URL */
	struct tl_upstream_tls tls;
};

/*
 * A site's TLS settings as the server ends up with them: after the raw
 * OpenSSL commands it applies last (SSL_CONF: Protocol, MinProtocol,
 * MaxProtocol, CipherString, Ciphersuites, Groups/Curves, the last one
 * wins), each value pointing at the line that set it. Filled by
 * tl_effective_tls() (effective.h).
 */
struct tl_effective {
	/*
	 * The site whose protocol versions and TLS 1.3 suites a client of
	 * this site gets: the default site of its first TLS socket when that
	 * socket takes them from there (protocols_from_default), else itself.
	 */
	const struct tl_site *governing;
	/* The site whose TLS 1.3 suites apply: the governing one where versions come along (nginx).
	 */
	const struct tl_site *suites_from;
	struct tl_protocols protocols;
	/*
	 * The versions the site's own "Protocol" commands switch off. They are
	 * options (SSL_OP_NO_TLSv1_3…), so a server that adds the selected
	 * site's options after SNI (facts from_default.options: httpd) drops
	 * them even where the versions come from the default site; where set
	 * is the last such command.
	 */
	unsigned protocols_off;
	struct tl_loc protocols_off_loc;
	struct tl_str ciphers;      /* TLS <= 1.2 cipher string */
	struct tl_str ciphersuites; /* TLS 1.3 suites */
	struct tl_str groups;       /* key exchange groups */
	/* Each option after directives, server facts and "Options" commands (enum tl_tls_option).
	 */
	struct tl_flag options[TL_OPT_COUNT];
};

struct tl_site {
	/*
	 * The server builds no TLS context for this site, so it never reads
	 * its certificates, keys or other TLS files (nginx stream before
	 * 1.25.5 without "listen … ssl"): certificate checks skip it.
	 */
	bool tls_unread;
	/*
	 * The server builds a TLS context for this site at start-up even
	 * though no listener serves TLS with it (nginx: an http server with a
	 * certificate), so the settings it cannot set stop it all the same.
	 */
	bool tls_context;
	enum tl_server_kind server;
	const struct tl_server_facts *facts; /* what its server does */
	enum tl_site_mode mode;
	struct tl_loc loc;          /* the block that defines it (server, VirtualHost, bind) */
	const char *label;          /* "www.example.com:443" — for messages */
	struct tl_ptrvec names;     /* struct tl_name * */
	struct tl_ptrvec listeners; /* struct tl_listener * */
	struct tl_tls tls;
	struct tl_header hsts;      /* at the site level */
	struct tl_ptrvec locations; /* struct tl_location * */
	struct tl_ptrvec upstreams; /* struct tl_upstream * */
	struct tl_str resolver;
	struct tl_flag
		http2; /* HTTP/2 for the site (nginx "http2 on;"); listeners may add it too */
	struct tl_value legacy_ssl_on; /* nginx "ssl on;" (SET here, INHERITED from http) */
	/*
	 * The site answers the names of its certificate (HAProxy without a
	 * crt-list filter): added to names from the certificate when it is read.
	 */
	bool names_from_certificate;
	/* The server replaces the session ticket keys as they age (nginx 1.23.2+ shared cache). */
	bool ticket_keys_rotated;
	struct tl_effective eff; /* what clients get (tl_effective_tls) */
};

struct tl_model {
	struct tl_arena *arena;
	struct tl_ptrvec sites;   /* struct tl_site * */
	struct tl_ptrvec sockets; /* struct tl_socket * */
	size_t nfiles;            /* config files read */
	/*
	 * When every wildcard include of a config matched nothing, the first
	 * of them as the server would look for it (else NULL): the likely
	 * reason a run found no site, such as a --root one level off.
	 */
	const char *unmatched_include;
	struct tl_loc unmatched_include_loc;
};

void tl_model_init(struct tl_model *model, struct tl_arena *arena);

/* True when the site is served over TLS on at least one of its sockets. */
bool tl_site_is_tls(const struct tl_site *site);

/*
 * True when the server sets SITE's TLS settings up at start-up: a TLS
 * site, or one with a context of its own (tls_context); settings it
 * cannot set stop the server either way.
 */
bool tl_site_has_context(const struct tl_site *site);

#endif
