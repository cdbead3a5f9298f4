/*
 * Internal to HAProxy lowering: the state shared by the keyword table
 * (haproxy_keywords.c) and the walk over sections, bind and server lines
 * (haproxy_lower.c).
 */
#ifndef TL_HAPROXY_LOWER_INT_H
#define TL_HAPROXY_LOWER_INT_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/certstore.h"
#include "../src/fsroot.h"
#include "haproxy.h"
#include "lower.h"

/*
 * Where a keyword may appear: a section's own lines, or the words of a
 * bind line, a server / default-server line, a crt-list entry's [options].
 */
enum {
	HP_GLOBAL = 1u << 0,
	HP_DEFAULTS = 1u << 1,
	HP_FRONTEND = 1u << 2, /* frontend, and listen */
	HP_BACKEND = 1u << 3,  /* backend, and listen */
	HP_BIND = 1u << 4,
	HP_SERVER = 1u << 5,
	HP_CRTLIST = 1u << 6,
};

#define HP_PROXY (HP_DEFAULTS | HP_FRONTEND | HP_BACKEND)

/* The structs a keyword row fills. */
enum {
	HP_TARGET_TLS = 1, /* struct tl_tls of a bind line or crt-list entry */
	HP_TARGET_SSL,     /* struct hp_ssl itself */
	HP_TARGET_UP,      /* struct tl_upstream_tls of a server line */
	HP_TARGET_SERVER,  /* struct hp_server itself */
	HP_TARGET_GLOBAL,  /* struct hp_global */
	HP_TARGET_PROXY,   /* struct hp_proxy */
	HP_NTARGETS,
};

/*
 * Protocol versions as HAProxy's options say them (ssl_sock_prepare_ctx):
 * ssl-min-ver / ssl-max-ver (force-* sets both), and the no-* switches,
 * which HAProxy ignores once a min or max is given.
 */
struct hp_versions {
	struct tl_protocols min, max; /* one bit each; UNSET: not given */
	struct tl_protocols no;       /* the versions no-* switches off */
};

/* Where certificates come from on a bind line, in order: the first is the default. */
enum hp_crt_kind {
	HP_CRT,         /* crt FILE-or-DIRECTORY */
	HP_CRT_LIST,    /* crt-list FILE */
	HP_CRT_DEFAULT, /* default-crt FILE (3.0): a crt that is also the default */
};

struct hp_crt {
	enum hp_crt_kind kind;
	const struct tl_arg *arg;
	struct tl_loc keyword;
};

/* The SSL settings of a bind line or a crt-list entry (or global's ssl-default-bind-*). */
struct hp_ssl {
	struct tl_tls tls;
	struct hp_versions versions;
	struct tl_flag ssl;        /* "ssl" on the bind line */
	struct tl_flag strict_sni; /* no certificate for an unknown name: the handshake fails */
	struct tl_ptrvec crts;     /* struct hp_crt * */
	struct tl_flag generate_certificates; /* certificates made on the fly for unknown names */
	struct tl_str ca_sign_file;           /* the CA (and key) that signs them */
	struct tl_str ocsp_update;            /* a crt-list line's ocsp-update on | off (2.8) */
	struct tl_str ca_verify_file;         /* CAs to verify with, not named to clients */
	/* ecdhe: the group list when no "curves" applies (SSL_CTX_set1_curves_list too). */
	struct tl_str ecdhe;
	bool groups_from_ecdhe; /* tls.groups is that ecdhe value */
};

/* A server or default-server line's TLS. */
struct hp_server {
	struct tl_upstream_tls up;
	struct hp_versions versions;
	struct tl_str verify;       /* none | required */
	struct tl_str ciphersuites; /* TLS 1.3 suites (not in struct tl_upstream_tls) */
	struct tl_flag check_ssl;   /* check-ssl: health checks over TLS, with the same context */
};

/* The global section's settings that bind and server lines start from. */
struct hp_global {
	struct hp_ssl bind;      /* ssl-default-bind-* */
	struct hp_server server; /* ssl-default-server-* */
	struct tl_str crt_base;
	struct tl_str ca_base;
	struct tl_str server_verify;      /* ssl-server-verify none | required */
	struct tl_path dhparam;           /* ssl-dh-param-file */
	struct tl_count default_dh;       /* tune.ssl.default-dh-param */
	struct tl_count security_level;   /* ssl-security-level (3.0) */
	struct tl_str issuers_chain_path; /* chains for certificate files without one */
	struct tl_str provider_path;      /* ssl-provider-path: where provider modules are */
	struct tl_ptrvec providers;       /* const char *: the ssl-provider names loaded */
	/* ssl-load-extra-files: the files HAProxy looks for beside a certificate (HP_GF_*). */
	unsigned extra_files;
	struct tl_flag extra_del_ext; /* ssl-load-extra-del-ext: "x.crt" has its key in "x.key" */
};

/* ssl-load-extra-files words (SSL_GF_* of include/haproxy/ssl_sock-t.h); the default is all. */
enum {
	HP_GF_BUNDLE = 1u << 0, /* "crt x.pem" with no x.pem: x.pem.dsa, .ecdsa, .rsa */
	HP_GF_SCTL = 1u << 1,
	HP_GF_OCSP = 1u << 2,
	HP_GF_ISSUER = 1u << 3,
	HP_GF_KEY = 1u << 4, /* a certificate without its key: the key in FILE.key */
	HP_GF_ALL = HP_GF_BUNDLE | HP_GF_SCTL | HP_GF_OCSP | HP_GF_ISSUER | HP_GF_KEY,
};

/* A proxy section's own settings (mode). */
struct hp_proxy {
	struct tl_str mode;
};

struct hp_lower {
	struct tl_lower_env *env;
	struct tl_fs *fs;
	struct tl_sources *sources; /* crt-list files are read into it */
	const struct tl_tree *tree;
	struct tl_model *model;
	struct tl_lower engine; /* engine.server points back here */
	struct hp_global global;
	const char *default_note;
	struct tl_loc defaults_loc; /* where a default is reported: the global section */
	/* Files HAProxy loads while reading the config (server crt), through the fs layer. */
	struct tl_certstore *files;
};

extern const struct tl_keyword_table tl_haproxy_keywords;
extern const struct tl_server_words tl_haproxy_words;

/*
 * Applies the section line D at level CTX (HP_GLOBAL, …); false when the
 * table does not know it (HAProxy keywords tlslint does not model).
 */
bool tl_hp_apply_line(struct hp_lower *l, unsigned ctx, void *const *targets,
		      const struct tl_directive *d);

/*
 * Applies the words of a bind or server line from index FIRST (or a
 * crt-list entry's options) at level CTX: each keyword with as many
 * arguments as it takes. An unknown keyword is reported in HAProxy's
 * words (WHAT names the line: "bind ':443'") and the rest of the line is
 * still read.
 */
void tl_hp_apply_words(struct hp_lower *l, unsigned ctx, void *const *targets,
		       const struct tl_arg *words, size_t n, const char *what);

/* HAProxy's words for keyword NAME given an empty or no argument, or NULL (a generic one). */
const char *tl_hp_empty_arg_message(const char *name);

/* A path written in the config, joined to BASE (crt-base, ca-base) unless absolute. */
const char *tl_hp_join(struct hp_lower *l, const char *base, const char *written);

#endif
