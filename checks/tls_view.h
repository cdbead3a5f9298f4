/*
 * What a site really negotiates, as opposed to what its own directives
 * say, read off the effective-TLS pass (src/effective.h): the protocol
 * versions after raw OpenSSL commands and after the server's rule for
 * which site's settings apply on a shared address:port.
 */
#ifndef TL_TLS_VIEW_H
#define TL_TLS_VIEW_H

#include "model.h"

struct tl_site_protocols {
	unsigned mask; /* TL_PROTO_* bits a client can negotiate */
	/* The setting to change: the protocols value, or the command that changed it. */
	const struct tl_value *from;
	struct tl_loc loc;
	/* Set when the site's own setting is ignored in favour of the default site's. */
	const struct tl_site *taken_from;
};

/*
 * The site whose protocol versions and TLS 1.3 suites a client of SITE
 * gets: the default site of its first TLS socket when the socket takes
 * them from there (protocols_from_default), else SITE itself.
 */
const struct tl_site *tl_site_governing(const struct tl_site *site);

/* The protocols SITE negotiates (on the first TLS socket it listens on). */
struct tl_site_protocols tl_site_protocols(const struct tl_site *site);

struct tl_check_ctx;

/*
 * The OpenSSL security level SITE's cipher directive leaves: its
 * @SECLEVEL=N, else Debian's default (2); *FROM_STRING says which. nginx
 * and httpd apply that string before their DH parameters, so it governs
 * those too; raw configuration commands come after them and do not
 * (implemented with the cipher cache, in ciphers.c).
 */
int tl_site_security_level(struct tl_check_ctx *ctx, const struct tl_site *site, bool *from_string);

/*
 * The security level SITE's certificates are loaded at: the cipher
 * string's where the server sets it first (facts), else the default.
 */
int tl_site_certificate_level(struct tl_check_ctx *ctx, const struct tl_site *site,
			      bool *from_string);

/* The security bits OpenSSL's level LEVEL asks of keys and signatures (0, 80, 112, …). */
int tl_level_security_bits(int level);
/* The smallest DH group OpenSSL accepts at LEVEL (0, 1024, 2048, …). */
int tl_level_dh_bits(int level);

/* "TLSv1, TLSv1.1" for MASK, in the arena. */
const char *tl_protocols_string(struct tl_arena *arena, unsigned mask);

#endif
