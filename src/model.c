/* Model helpers: the generic inheritance of TLS settings. */
#include "model.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "fsutil.h"

#define FIELD(m)                                                                                   \
	{                                                                                          \
#m, offsetof(struct tl_tls, m), sizeof(((struct tl_tls *)0)->m)                    \
	}
#define UFIELD(m)                                                                                  \
	{                                                                                          \
#m, offsetof(struct tl_upstream_tls, m), sizeof(((struct tl_upstream_tls *)0)->m)  \
	}

const struct tl_field tl_tls_fields[] = {
	FIELD(engine),
	FIELD(certs),
	FIELD(protocols),
	FIELD(ciphers),
	FIELD(ciphersuites),
	FIELD(groups),
	FIELD(dhparam),
	FIELD(password_file),
	FIELD(passphrase_program),
	FIELD(options[TL_OPT_SERVER_PREFERENCE]),
	FIELD(options[TL_OPT_PRIORITIZE_CHACHA]),
	FIELD(options[TL_OPT_SESSION_TICKETS]),
	FIELD(options[TL_OPT_COMPRESSION]),
	FIELD(options[TL_OPT_CLIENT_RENEGOTIATION]),
	FIELD(options[TL_OPT_UNSAFE_LEGACY_RENEGOTIATION]),
	FIELD(session_ticket_key),
	FIELD(session_cache),
	FIELD(stapling),
	FIELD(stapling_verify),
	FIELD(stapling_file),
	FIELD(stapling_cache),
	FIELD(trusted_certificate),
	FIELD(client_certificate),
	FIELD(verify_client),
	FIELD(early_data),
	FIELD(reject_handshake),
	FIELD(conf_commands),
	FIELD(verify_depth),
	FIELD(crl),
	FIELD(ocsp),
	FIELD(ocsp_responder),
	FIELD(ocsp_cache),
	FIELD(stapling_responder),
	FIELD(session_timeout),
	FIELD(buffer_size),
	FIELD(certificate_compression),
	FIELD(certificate_cache),
	FIELD(ech_file),
	FIELD(alpn),
	FIELD(handshake_timeout),
};

const size_t tl_tls_nfields = sizeof(tl_tls_fields) / sizeof(tl_tls_fields[0]);

const struct tl_field tl_upstream_tls_fields[] = {
	UFIELD(enabled),
	UFIELD(verify),
	UFIELD(server_name),
	UFIELD(name),
	UFIELD(trusted_certificate),
	UFIELD(protocols),
	UFIELD(ciphers),
	UFIELD(certificate),
	UFIELD(certificate_key),
	UFIELD(password_file),
	UFIELD(crl),
	UFIELD(verify_depth),
	UFIELD(session_reuse),
	UFIELD(conf_commands),
};

const size_t tl_upstream_tls_nfields =
	sizeof(tl_upstream_tls_fields) / sizeof(tl_upstream_tls_fields[0]);

void
tl_tls_inherit(struct tl_tls *child, const struct tl_tls *parent)
{
	tl_inherit_fields(child, parent, tl_tls_fields, tl_tls_nfields);
}

void
tl_inherit_fields(void *child, const void *parent, const struct tl_field *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct tl_field *f = &fields[i];
		struct tl_value *cv = (struct tl_value *)((char *)child + f->offset);
		const struct tl_value *pv =
			(const struct tl_value *)((const char *)parent + f->offset);

		if (cv->origin != TL_ORIGIN_UNSET || pv->origin == TL_ORIGIN_UNSET)
			continue;
		memcpy(cv, pv, f->size);
		/* A default stays a default; anything set above is inherited here. */
		if (cv->origin == TL_ORIGIN_SET)
			cv->origin = TL_ORIGIN_INHERITED;
	}
}

void
tl_model_init(struct tl_model *model, struct tl_arena *arena)
{
	memset(model, 0, sizeof(*model));
	model->arena = arena;
}

bool
tl_site_is_tls(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *l = site->listeners.items[i];

		if (l->socket != NULL && l->socket->tls)
			return true;
	}
	return site->legacy_ssl_on.origin != TL_ORIGIN_UNSET;
}

bool
tl_site_has_context(const struct tl_site *site)
{
	return tl_site_is_tls(site) || site->tls_context;
}

/* One table of protocol version names for every server's syntax and the policies. */
static const struct {
	const char *name;
	unsigned bit;
} protocol_names[] = {
	{"SSLv2", TL_PROTO_SSLv2},     {"SSLv3", TL_PROTO_SSLv3},     {"TLSv1", TL_PROTO_TLSv1},
	{"TLSv1.1", TL_PROTO_TLSv1_1}, {"TLSv1.2", TL_PROTO_TLSv1_2}, {"TLSv1.3", TL_PROTO_TLSv1_3},
};

#define NPROTOCOLS (sizeof(protocol_names) / sizeof(protocol_names[0]))

const char *
tl_protocol_name(unsigned bit)
{
	for (size_t i = 0; i < NPROTOCOLS; i++)
		if (protocol_names[i].bit == bit)
			return protocol_names[i].name;
	return NULL;
}

unsigned
tl_protocol_bit(const char *s, size_t len)
{
	for (size_t i = 0; i < NPROTOCOLS; i++)
		if (strlen(protocol_names[i].name) == len &&
		    strncasecmp(protocol_names[i].name, s, len) == 0)
			return protocol_names[i].bit;
	return 0;
}

unsigned
tl_protocol_mask(const char *list)
{
	unsigned mask = 0;

	while (*list) {
		size_t len;

		list += strspn(list, " ");
		len = strcspn(list, " ");
		mask |= tl_protocol_bit(list, len);
		list += len;
	}
	return mask;
}

const char *
tl_fault_consequence(const struct tl_server_facts *facts, enum tl_fault fault)
{
	return facts != NULL ? facts->on_fault[fault] : NULL;
}

const char *
tl_fault_text(const struct tl_server_facts *facts, enum tl_fault fault)
{
	const char *what = tl_fault_consequence(facts, fault);

	return what != NULL ? what : "starts, and handshakes that need it fail";
}

const char *
tl_file_fault_text(const struct tl_server_facts *facts, enum tl_fault fault, int err)
{
	if (err == TL_EFIFO && tl_fault_consequence(facts, TL_FAULT_FILE_FIFO) != NULL)
		return tl_fault_consequence(facts, TL_FAULT_FILE_FIFO);
	/* Over tlslint's size limit: what the server makes of it is not known. */
	if (err == EFBIG)
		return "may still load it: tlslint cannot tell, check the file by hand";
	return tl_fault_text(facts, fault);
}
