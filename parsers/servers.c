/*
 * The server table and detection. Detection by content uses PCRE2 over the
 * first bytes of the file: a sites-enabled/ file named "example.com" is
 * nginx because it has "server {", an httpd include because it has
 * "<VirtualHost", HAProxy because it has "frontend" sections.
 */
#include "servers.h"

#include <pcre2.h>
#include <string.h>

static const struct tl_server *const table[] = {
	&tl_nginx_server,
	&tl_apache_server,
	&tl_haproxy_server,
};

#define NSERVERS (sizeof(table) / sizeof(table[0]))

const struct tl_server *const *
tl_servers(size_t *count)
{
	*count = NSERVERS;
	return table;
}

const struct tl_server *
tl_server_of(enum tl_server_kind kind)
{
	for (size_t i = 0; i < NSERVERS; i++)
		if (table[i]->kind == kind)
			return table[i];
	return NULL;
}

static bool
name_matches(const struct tl_server *s, const char *base)
{
	size_t n = strlen(base);

	for (const char *const *p = s->file_names; p && *p; p++)
		if (strcmp(base, *p) == 0)
			return true;
	for (const char *const *p = s->file_suffixes; p && *p; p++) {
		size_t k = strlen(*p);

		if (n >= k && strcmp(base + n - k, *p) == 0)
			return true;
	}
	return false;
}

/* How many lines of HEAD match the server's content pattern. */
static unsigned
content_score(const struct tl_server *s, const char *head, size_t len)
{
	pcre2_code *re;
	pcre2_match_data *md;
	unsigned score = 0;
	PCRE2_SIZE at = 0;
	PCRE2_SIZE erroff;
	int err;

	if (s->content_pattern == NULL || len == 0)
		return 0;
	re = pcre2_compile((PCRE2_SPTR)s->content_pattern, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE,
			   &err, &erroff, NULL);
	if (re == NULL)
		return 0;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	while (md != NULL && at < len &&
	       pcre2_match(re, (PCRE2_SPTR)head, len, at, 0, md, NULL) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

		score++;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return score;
}

const struct tl_server *
tl_server_detect(const char *path, const char *head, size_t len)
{
	const char *base = strrchr(path, '/');
	const struct tl_server *best = &tl_nginx_server;
	unsigned best_score = 0;

	base = base ? base + 1 : path;
	for (size_t i = 0; i < NSERVERS; i++)
		if (name_matches(table[i], base))
			return table[i];
	for (size_t i = 0; i < NSERVERS; i++) {
		unsigned score = content_score(table[i], head, len);

		if (score > best_score) {
			best = table[i];
			best_score = score;
		}
	}
	return best;
}
