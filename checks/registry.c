/*
 * The check registry: which function runs each check of the catalogue
 * (src/catalogue.h). A row ties an id to its run function; ids without a
 * row are findings of parsing and lowering. Checks see only the check
 * context (src/check_ctx.h) and add findings; they never print.
 */
#include "registry.h"

#include "checks.h"

static tl_check_fn *const runs[TL_CHECK_COUNT] = {
	[TL_CK_CERT_EKU] = tl_check_cert_eku,
	[TL_CK_CERT_EXPIRED] = tl_check_cert_expired,
	[TL_CK_CERT_EXPIRING] = tl_check_cert_expiring,
	[TL_CK_CERT_HOSTNAME_MISMATCH] = tl_check_cert_hostname_mismatch,
	[TL_CK_CERT_IS_CA] = tl_check_cert_is_ca,
	[TL_CK_CERT_LIFETIME] = tl_check_cert_lifetime,
	[TL_CK_CERT_MISSING] = tl_check_cert_missing,
	[TL_CK_CERT_MUST_STAPLE] = tl_check_cert_must_staple,
	[TL_CK_CERT_NO_SAN] = tl_check_cert_no_san,
	[TL_CK_CERT_NOT_YET_VALID] = tl_check_cert_not_yet_valid,
	[TL_CK_CERT_SELF_SIGNED] = tl_check_cert_self_signed,
	[TL_CK_CERT_TYPE] = tl_check_cert_type,
	[TL_CK_CERT_UNPARSABLE] = tl_check_cert_unparsable,
	[TL_CK_CERT_WEAK_KEY] = tl_check_cert_weak_key,
	[TL_CK_CERT_WEAK_SIGNATURE] = tl_check_cert_weak_signature,
	[TL_CK_CHAIN_CONTAINS_ROOT] = tl_check_chain_contains_root,
	[TL_CK_CHAIN_EXPIRED] = tl_check_chain_expired,
	[TL_CK_CHAIN_EXTRA_CERT] = tl_check_chain_extra_cert,
	[TL_CK_CHAIN_INCOMPLETE] = tl_check_chain_incomplete,
	[TL_CK_CHAIN_ORDER] = tl_check_chain_order,
	[TL_CK_CHAIN_UNTRUSTED] = tl_check_chain_untrusted,
	[TL_CK_CIPHER_INSECURE] = tl_check_cipher_insecure,
	[TL_CK_CIPHER_INVALID] = tl_check_cipher_invalid,
	[TL_CK_CIPHER_KEY_MISMATCH] = tl_check_cipher_key_mismatch,
	[TL_CK_CIPHER_NO_PFS] = tl_check_cipher_no_pfs,
	[TL_CK_CIPHER_NONE_FOR_PROTOCOL] = tl_check_cipher_none_for_protocol,
	[TL_CK_CIPHER_WEAK] = tl_check_cipher_weak,
	[TL_CK_CLIENT_UNSUPPORTED] = tl_check_client_unsupported,
	[TL_CK_COMPRESSION_ENABLED] = tl_check_compression_enabled,
	[TL_CK_HSTS_MISSING] = tl_check_hsts_missing,
	[TL_CK_HSTS_SHORT] = tl_check_hsts_short,
	[TL_CK_CURVE_WEAK] = tl_check_curve_weak,
	[TL_CK_DH_WEAK] = tl_check_dh_weak,
	/* Most directive-invalid findings come from lowering; this reads the files directives name.
	 */
	[TL_CK_DIRECTIVE_INVALID] = tl_check_directive_invalid,
	[TL_CK_HTTP2_CIPHER_BLOCKLIST] = tl_check_http2_cipher_blocklist,
	[TL_CK_KEY_ENCRYPTED] = tl_check_key_encrypted,
	[TL_CK_KEY_MISMATCH] = tl_check_key_mismatch,
	[TL_CK_KEY_MISSING] = tl_check_key_missing,
	[TL_CK_KEY_PERMISSIONS] = tl_check_key_permissions,
	[TL_CK_KEY_UNPARSABLE] = tl_check_key_unparsable,
	[TL_CK_LISTEN_SSL_MISSING] = tl_check_listen_ssl_missing,
	[TL_CK_OCSP_STAPLING_BROKEN] = tl_check_ocsp_stapling_broken,
	[TL_CK_PROTO_LEGACY] = tl_check_proto_legacy,
	[TL_CK_PROTO_NO_MODERN] = tl_check_proto_no_modern,
	[TL_CK_PROTO_NONE] = tl_check_proto_none,
	[TL_CK_PROTO_TLS13_MISSING] = tl_check_proto_tls13_missing,
	[TL_CK_RENEGOTIATION_INSECURE] = tl_check_renegotiation_insecure,
	[TL_CK_SSL_NO_CERTIFICATE] = tl_check_ssl_no_certificate,
	[TL_CK_UPSTREAM_NO_VERIFY] = tl_check_upstream_no_verify,
	[TL_CK_UPSTREAM_NO_SNI] = tl_check_upstream_no_sni,
	[TL_CK_SNI_DUPLICATE_NAME] = tl_check_sni_duplicate_name,
	[TL_CK_SNI_IGNORED_SETTING] = tl_check_sni_ignored_setting,
	[TL_CK_SESSION_TICKETS] = tl_check_session_tickets,
	[TL_CK_EARLY_DATA] = tl_check_early_data,
};

tl_check_fn *
tl_check_runner(enum tl_check_id id)
{
	return runs[id];
}
