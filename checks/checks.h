/* Run functions of the checks, one per registry row. */
#ifndef TL_CHECKS_H
#define TL_CHECKS_H

struct tl_check_ctx;

void tl_check_cert_eku(struct tl_check_ctx *ctx);
void tl_check_cert_expired(struct tl_check_ctx *ctx);
void tl_check_cert_expiring(struct tl_check_ctx *ctx);
void tl_check_cert_hostname_mismatch(struct tl_check_ctx *ctx);
void tl_check_cert_is_ca(struct tl_check_ctx *ctx);
void tl_check_cert_lifetime(struct tl_check_ctx *ctx);
void tl_check_cert_missing(struct tl_check_ctx *ctx);
void tl_check_cert_must_staple(struct tl_check_ctx *ctx);
void tl_check_cert_no_san(struct tl_check_ctx *ctx);
void tl_check_cert_not_yet_valid(struct tl_check_ctx *ctx);
void tl_check_cert_self_signed(struct tl_check_ctx *ctx);
void tl_check_cert_type(struct tl_check_ctx *ctx);
void tl_check_cert_unparsable(struct tl_check_ctx *ctx);
void tl_check_cert_weak_key(struct tl_check_ctx *ctx);
void tl_check_cert_weak_signature(struct tl_check_ctx *ctx);
void tl_check_chain_contains_root(struct tl_check_ctx *ctx);
void tl_check_chain_expired(struct tl_check_ctx *ctx);
void tl_check_chain_extra_cert(struct tl_check_ctx *ctx);
void tl_check_chain_incomplete(struct tl_check_ctx *ctx);
void tl_check_chain_order(struct tl_check_ctx *ctx);
void tl_check_chain_untrusted(struct tl_check_ctx *ctx);
void tl_check_cipher_insecure(struct tl_check_ctx *ctx);
void tl_check_cipher_invalid(struct tl_check_ctx *ctx);
void tl_check_cipher_key_mismatch(struct tl_check_ctx *ctx);
void tl_check_cipher_no_pfs(struct tl_check_ctx *ctx);
void tl_check_cipher_none_for_protocol(struct tl_check_ctx *ctx);
void tl_check_cipher_weak(struct tl_check_ctx *ctx);
void tl_check_compression_enabled(struct tl_check_ctx *ctx);
void tl_check_hsts_missing(struct tl_check_ctx *ctx);
void tl_check_hsts_short(struct tl_check_ctx *ctx);
/* The OpenSSL commands of directive-invalid (conf_commands.c), run by its runner. */
void tl_check_conf_commands(struct tl_check_ctx *ctx);
void tl_check_curve_weak(struct tl_check_ctx *ctx);
void tl_check_dh_weak(struct tl_check_ctx *ctx);
void tl_check_directive_invalid(struct tl_check_ctx *ctx);
void tl_check_http2_cipher_blocklist(struct tl_check_ctx *ctx);
void tl_check_key_encrypted(struct tl_check_ctx *ctx);
void tl_check_key_mismatch(struct tl_check_ctx *ctx);
void tl_check_key_missing(struct tl_check_ctx *ctx);
void tl_check_key_permissions(struct tl_check_ctx *ctx);
void tl_check_key_unparsable(struct tl_check_ctx *ctx);
void tl_check_listen_ssl_missing(struct tl_check_ctx *ctx);
void tl_check_ocsp_stapling_broken(struct tl_check_ctx *ctx);
void tl_check_proto_legacy(struct tl_check_ctx *ctx);
void tl_check_proto_no_modern(struct tl_check_ctx *ctx);
void tl_check_proto_none(struct tl_check_ctx *ctx);
void tl_check_proto_tls13_missing(struct tl_check_ctx *ctx);
void tl_check_renegotiation_insecure(struct tl_check_ctx *ctx);
void tl_check_ssl_no_certificate(struct tl_check_ctx *ctx);
void tl_check_upstream_no_verify(struct tl_check_ctx *ctx);
void tl_check_upstream_no_sni(struct tl_check_ctx *ctx);
void tl_check_sni_duplicate_name(struct tl_check_ctx *ctx);
void tl_check_sni_ignored_setting(struct tl_check_ctx *ctx);
void tl_check_session_tickets(struct tl_check_ctx *ctx);
void tl_check_early_data(struct tl_check_ctx *ctx);
void tl_check_client_unsupported(struct tl_check_ctx *ctx);

#endif
