#include "ssl_conf.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

static const unsigned conf_flags = SSL_CONF_FLAG_FILE | SSL_CONF_FLAG_SERVER |
				   SSL_CONF_FLAG_CERTIFICATE | SSL_CONF_FLAG_SHOW_ERRORS;

/* Only a string value (or none) is the command's own; every other type names something. */
static bool
type_opens(int type)
{
	return type != SSL_CONF_TYPE_UNKNOWN && type != SSL_CONF_TYPE_STRING &&
	       type != SSL_CONF_TYPE_NONE;
}

bool
tl_ssl_conf_opens(const char *name, bool client)
{
	SSL_CONF_CTX *cctx = SSL_CONF_CTX_new();
	int type;

	/* Without a context to ask, the safe answer: it might. */
	if (cctx == NULL)
		return true;
	SSL_CONF_CTX_set_flags(cctx, client ? conf_flags | SSL_CONF_FLAG_CLIENT : conf_flags);
	type = SSL_CONF_cmd_value_type(cctx, name);
	SSL_CONF_CTX_free(cctx);
	return type_opens(type);
}

const char *
tl_ssl_conf_refusal(const char *name, const char *value, bool client)
{
	SSL_CTX *ctx = SSL_CTX_new(client ? TLS_client_method() : TLS_server_method());
	SSL_CONF_CTX *cctx = SSL_CONF_CTX_new();
	const char *why = NULL;
	int type, rc;

	if (ctx == NULL || cctx == NULL)
		goto done;
	SSL_CONF_CTX_set_flags(cctx, client ? conf_flags | SSL_CONF_FLAG_CLIENT : conf_flags);
	SSL_CONF_CTX_set_ssl_ctx(cctx, ctx);
	type = SSL_CONF_cmd_value_type(cctx, name);
	if (type_opens(type))
		goto done;
	ERR_clear_error();
	rc = SSL_CONF_cmd(cctx, name, value);
	if (rc == -2) {
		why = "unknown cmd name";
	} else if (rc <= 0) {
		/* OpenSSL's reason strings are static. */
		const char *reason = ERR_reason_error_string(ERR_peek_last_error());

		why = reason != NULL ? reason : "bad value";
	}
done:
	ERR_clear_error();
	SSL_CONF_CTX_free(cctx);
	SSL_CTX_free(ctx);
	return why;
}
