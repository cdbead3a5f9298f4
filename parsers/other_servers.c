/*
 * HAProxy in the server table: recognised, so that its configs are named
 * and refused clearly, until its front end exists (issue 10).
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
