/*
 * What OpenSSL's SSL_CONF says of one configuration command (nginx
 * ssl_conf_command and proxy_ssl_conf_command, httpd SSLOpenSSLConfCmd),
 * asked of a fresh context as the server would hand it over.
 */
#ifndef TL_SSL_CONF_H
#define TL_SSL_CONF_H

#include <stdbool.h>

/*
 * NULL when OpenSSL takes NAME VALUE on a server context (CLIENT: on the
 * context towards a backend, which nginx flags as both), else its reason,
 * a static string ("unknown cmd name", "bad value", or OpenSSL's own).
 * Commands that name a file or directory are never run and count as taken:
 * the server resolves them against its prefix, and tlslint does not open
 * them here.
 */
const char *tl_ssl_conf_refusal(const char *name, const char *value, bool client);

#endif
