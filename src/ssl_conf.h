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
 * Commands that open something (tl_ssl_conf_opens) are never run and count
 * as taken: the server resolves them against its prefix, and tlslint does
 * not open them here.
 */
const char *tl_ssl_conf_refusal(const char *name, const char *value, bool client);

/*
 * True when SSL_CONF_cmd would open what the value of command NAME names:
 * a file, a directory, or a store URI (VerifyCAStore, ChainCAStore, which
 * OpenSSL 3 loads through OSSL_STORE). Such a value is a path in the
 * server's filesystem, so it must never reach OpenSSL on this machine:
 * under --root that would read outside the root. Decided by the type
 * OpenSSL gives the command, not by a list of names, so a command a later
 * OpenSSL adds is covered too. Unknown names open nothing.
 */
bool tl_ssl_conf_opens(const char *name, bool client);

#endif
