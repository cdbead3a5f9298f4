/*
 * Apache httpd and HAProxy in the server table: recognised, so that their
 * configs are named and refused clearly, until their front ends exist
 * (issues 9 and 10).
 */
#include <errno.h>

#include "servers.h"

static int
not_yet(const struct tl_server_env *env, const char *path, const char *text, size_t len)
{
	(void)env;
	(void)path;
	(void)text;
	(void)len;
	return -EPROTONOSUPPORT;
}

static const char *const apache_names[] = {"apache2.conf", "httpd.conf", NULL};
static const char *const apache_locations[] = {"/etc/apache2/apache2.conf",
					       "/etc/httpd/conf/httpd.conf", NULL};

const struct tl_server tl_apache_server = {
	.kind = TL_SERVER_APACHE,
	.name = "apache",
	.file_names = apache_names,
	.usual_locations = apache_locations,
	/* Sections in angle brackets, and httpd's one-directive-a-line core directives. */
	.content_pattern =
		"(?i)^\\s*</?(?:VirtualHost|IfModule|IfDefine|Directory|Location|Files)\\b"
		"|^\\s*(?:Listen|ServerRoot|LoadModule|SSLEngine|SSLCertificateFile|"
		"DocumentRoot|IncludeOptional)\\s+[^;{}\\n]*$",
	.lint = not_yet,
};

static const char *const haproxy_names[] = {"haproxy.cfg", NULL};
static const char *const haproxy_suffixes[] = {".cfg", NULL};
static const char *const haproxy_locations[] = {"/etc/haproxy/haproxy.cfg", NULL};

const struct tl_server tl_haproxy_server = {
	.kind = TL_SERVER_HAPROXY,
	.name = "haproxy",
	.file_names = haproxy_names,
	.file_suffixes = haproxy_suffixes,
	.usual_locations = haproxy_locations,
	/* Section headers on their own, and bind/backend routing lines. */
	.content_pattern = "^\\s*(?:global|defaults|frontend|backend|listen|resolvers|peers)"
			   "(?:[ \\t]+\\S+)*[ \\t]*$"
			   "|^\\s*(?:bind|default_backend|use_backend)\\s+\\S",
	.lint = not_yet,
};
