/*
 * The check catalogue: every finding tlslint can report, as data. Parsers,
 * lowering and checks name a finding by its id, so its default severity
 * is known when it is made; the CLI, the config file and the reports read
 * names, families and summaries here. Which code runs a check is the
 * registry's business (checks/registry.c), not the catalogue's: findings
 * of parsing and lowering have no run function.
 */
#ifndef TL_CATALOGUE_H
#define TL_CATALOGUE_H

#include <stddef.h>

#include "severity.h"

/* In the order of the names, so that the table indexed by id is sorted too. */
enum tl_check_id {
	TL_CK_CERT_EKU,
	TL_CK_CERT_EXPIRED,
	TL_CK_CERT_EXPIRING,
	TL_CK_CERT_HOSTNAME_MISMATCH,
	TL_CK_CERT_IS_CA,
	TL_CK_CERT_LIFETIME,
	TL_CK_CERT_MISSING,
	TL_CK_CERT_MUST_STAPLE,
	TL_CK_CERT_NO_SAN,
	TL_CK_CERT_NOT_YET_VALID,
	TL_CK_CERT_SELF_SIGNED,
	TL_CK_CERT_TYPE,
	TL_CK_CERT_UNPARSABLE,
	TL_CK_CERT_WEAK_KEY,
	TL_CK_CERT_WEAK_SIGNATURE,
	TL_CK_CHAIN_CONTAINS_ROOT,
	TL_CK_CHAIN_EXPIRED,
	TL_CK_CHAIN_EXTRA_CERT,
	TL_CK_CHAIN_INCOMPLETE,
	TL_CK_CHAIN_ORDER,
	TL_CK_CHAIN_UNTRUSTED,
	TL_CK_CIPHER_INSECURE,
	TL_CK_CIPHER_INVALID,
	TL_CK_CIPHER_KEY_MISMATCH,
	TL_CK_CIPHER_NO_PFS,
	TL_CK_CIPHER_NONE_FOR_PROTOCOL,
	TL_CK_CIPHER_WEAK,
	TL_CK_CLIENT_UNSUPPORTED,
	TL_CK_COMPRESSION_ENABLED,
	TL_CK_CURVE_WEAK,
	TL_CK_DH_WEAK,
	TL_CK_DIRECTIVE_DEPRECATED,
	TL_CK_DIRECTIVE_INVALID,
	TL_CK_DIRECTIVE_OVERRIDDEN,
	TL_CK_DIRECTIVE_UNSUPPORTED,
	TL_CK_EARLY_DATA,
	TL_CK_HSTS_MISSING,
	TL_CK_HSTS_SHORT,
	TL_CK_HTTP2_CIPHER_BLOCKLIST,
	TL_CK_INCLUDE_MISSING,
	TL_CK_KEY_ENCRYPTED,
	TL_CK_KEY_MISMATCH,
	TL_CK_KEY_MISSING,
	TL_CK_KEY_PERMISSIONS,
	TL_CK_KEY_UNPARSABLE,
	TL_CK_LISTEN_SSL_MISSING,
	TL_CK_OCSP_STAPLING_BROKEN,
	TL_CK_PARSE_ERROR,
	TL_CK_PROTO_LEGACY,
	TL_CK_PROTO_NO_MODERN,
	TL_CK_PROTO_NONE,
	TL_CK_PROTO_TLS13_MISSING,
	TL_CK_RENEGOTIATION_INSECURE,
	TL_CK_SESSION_TICKETS,
	TL_CK_SNI_DUPLICATE_NAME,
	TL_CK_SNI_IGNORED_SETTING,
	TL_CK_SSL_NO_CERTIFICATE,
	TL_CK_SUPPRESSION_INVALID,
	TL_CK_UPSTREAM_NO_SNI,
	TL_CK_UPSTREAM_NO_VERIFY,
	TL_CHECK_COUNT,
};

struct tl_check_info {
	enum tl_check_id id;
	const char *name;          /* "cert-expired": stable, in output and config */
	enum tl_severity severity; /* default; profile and config may change it */
	const char *family;        /* "input", "certificates", … as in SPEC §5 */
	const char *summary;       /* one line, what it fires on */
};

/* The whole catalogue, sorted by name (and by id). */
const struct tl_check_info *tl_catalogue(size_t *count);
const struct tl_check_info *tl_check_info(enum tl_check_id id);
/* Binary search by name; NULL if unknown. */
const struct tl_check_info *tl_check_by_name(const char *name);
/* The check whose name is nearest to a mistyped NAME, for "did you mean"; NULL if none is. */
const char *tl_check_nearest(const char *name);

#endif
