/* The files of one configuration: see conf_files.h. */
#include "conf_files.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"

/* A file already read, so that repeated includes share one source. */
struct tl_conf_file_entry {
	const char *key; /* where it is on this machine */
	struct tl_source *src;
};

void
tl_conf_files_init(struct tl_conf_files *cf, struct tl_parse_env *env, struct tl_tree *tree,
		   const char *server)
{
	memset(cf, 0, sizeof(*cf));
	cf->env = env;
	cf->tree = tree;
	cf->server = server;
	tl_strmap_init(&cf->cache, env->arena);
	tl_strmap_init(&cf->identity, env->arena);
	tl_strmap_init(&cf->pem_reported, env->arena);
}

struct tl_finding *
tl_conf_finding(struct tl_conf_files *cf, enum tl_check_id check, struct tl_loc loc,
		const char *fmt, ...)
{
	struct tl_finding *f;
	va_list ap;

	va_start(ap, fmt);
	f = tl_diag_vadd(cf->env->diag, check, loc, fmt, ap);
	va_end(ap);
	f->server = cf->server;
	return f;
}

static void
identity_key(char *buf, size_t size, const struct stat *st)
{
	snprintf(buf, size, "%jx:%jx", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
}

static void
remember(struct tl_conf_files *cf, const char *host, const struct stat *st, struct tl_source *src)
{
	struct tl_conf_file_entry *c = tl_arena_alloc(cf->env->arena, sizeof(*c));
	char id[64];

	c->key = host;
	c->src = src;
	tl_strmap_put(&cf->cache, host, c);
	identity_key(id, sizeof(id), st);
	tl_strmap_put(&cf->identity, id, c);
}

/* The source already read from the same file as ST, under another name. */
static struct tl_source *
same_file(struct tl_conf_files *cf, const struct stat *st)
{
	char id[64];
	struct tl_conf_file_entry *c;

	identity_key(id, sizeof(id), st);
	c = tl_strmap_get(&cf->identity, id);
	return c ? c->src : NULL;
}

int
tl_conf_files_entry(struct tl_conf_files *cf, const char *path, struct tl_source **out)
{
	struct tl_parse_env *env = cf->env;
	struct tl_source *src;
	const char *host;
	struct stat st;
	char *text;
	size_t len;
	int rc;

	/* Under --root, from its place there: a link the repository put there stays inside. */
	rc = tl_fs_read_entry(env->fs, path, env->limits.max_file_size, &text, &len, &host, &st);
	if (rc < 0)
		return rc;
	src = tl_sources_add(env->sources, path, host, text, len);
	/* Remembered so that an include of the entry itself is seen as a cycle. */
	remember(cf, host, &st, src);
	tl_conf_files_entry_source(cf, src);
	*out = src;
	return 0;
}

void
tl_conf_files_entry_source(struct tl_conf_files *cf, struct tl_source *src)
{
	cf->tree->nfiles++;
	cf->nparses = 1;
	cf->total = src->len;
}

int
tl_conf_files_entry_text(struct tl_conf_files *cf, const char *name, const char *text, size_t len,
			 struct tl_source **src)
{
	char *copy;

	if (len > cf->env->limits.max_file_size)
		return -EFBIG;
	copy = tl_arena_alloc(cf->env->arena, len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	*src = tl_sources_add(cf->env->sources, name, NULL, copy, len);
	tl_conf_files_entry_source(cf, *src);
	return 0;
}

/* A limit on how many files or parses was reached: the finding once per parse; false. */
static bool
count_limit(struct tl_conf_files *cf, struct tl_loc inc, const char *fmt, size_t limit)
{
	if (!cf->files_reported)
		tl_conf_finding(cf, TL_CK_PARSE_ERROR, inc, fmt, limit);
	cf->files_reported = true;
	return false;
}

/* The checks every include passes before a file is read. */
static bool
allowed(struct tl_conf_files *cf, const struct tl_conf_frame *at, struct tl_loc inc,
	const struct tl_source *src)
{
	const struct tl_parse_limits *lim = &cf->env->limits;

	if (at->include_depth + 1 > lim->max_include_depth) {
		tl_conf_finding(cf, TL_CK_PARSE_ERROR, inc,
				"includes nested too deeply (more than %u levels, tlslint's limit)",
				lim->max_include_depth);
		return false;
	}
	for (const struct tl_conf_frame *c = at; src != NULL && c != NULL; c = c->up) {
		if (c->src == src) {
			tl_conf_finding(cf, TL_CK_PARSE_ERROR, inc,
					"include cycle: '%s' is already being read", src->path);
			return false;
		}
	}
	if (src == NULL && cf->tree->nfiles + 1 > lim->max_files)
		return count_limit(cf, inc,
				   "too many config files to read (more than %zu, tlslint's limit)",
				   lim->max_files);
	if (cf->nparses + 1 > lim->max_parses)
		return count_limit(
			cf, inc,
			"includes parsed more than %zu times in all (tlslint's limit): the "
			"rest was not read",
			lim->max_parses);
	return true;
}

/* Counts LEN bytes against the total size; false (and the finding once) when over it. */
static bool
count(struct tl_conf_files *cf, struct tl_loc inc, size_t len)
{
	size_t max = cf->env->limits.max_total_size;

	if (len > max || cf->total > max - len) {
		if (!cf->total_reported)
			tl_conf_finding(cf, TL_CK_PARSE_ERROR, inc,
					"config files larger than %zu bytes in total, tlslint's "
					"limit; the rest was not read",
					max);
		cf->total_reported = true;
		return false;
	}
	cf->total += len;
	cf->nparses++;
	return true;
}

bool
tl_conf_files_admit(struct tl_conf_files *cf, const struct tl_conf_frame *at, struct tl_loc inc,
		    const struct tl_source *known, size_t len)
{
	return allowed(cf, at, inc, known) && count(cf, inc, len);
}

/* Says where a server path was looked for when that differs from the path itself. */
static void
relate_host(struct tl_conf_files *cf, struct tl_finding *f, const char *path, const char *host)
{
	if (host != NULL && strcmp(host, path) != 0)
		tl_finding_relate(cf->env->diag, f, host, (struct tl_loc){0},
				  "read from this path on this machine");
}

struct tl_source *
tl_conf_files_include(struct tl_conf_files *cf, const struct tl_conf_frame *at, struct tl_loc inc,
		      const char *path, bool missing_ok)
{
	struct tl_parse_env *env = cf->env;
	struct tl_source *src = NULL;
	const char *host = NULL;
	struct tl_conf_file_entry *c;
	struct tl_finding *f;
	struct stat st;
	char *text;
	size_t len;
	int rc;

	if (tl_fs_resolve(env->fs, path, &host) == 0) {
		c = tl_strmap_get(&cf->cache, host);
		if (c != NULL)
			src = c->src;
	}
	if (!allowed(cf, at, inc, src))
		return NULL;
	if (src == NULL) {
		rc = tl_fs_read(env->fs, path, env->limits.max_file_size, &text, &len, &host, &st);
		if (rc == -EFBIG) {
			f = tl_conf_finding(
				cf, TL_CK_PARSE_ERROR, inc,
				"config file '%s' is larger than tlslint's limit of %zu "
				"bytes; it was not read",
				path, env->limits.max_file_size);
			relate_host(cf, f, path, host);
			return NULL;
		}
		if (rc == -ENOENT || rc == -ENOTDIR) {
			if (missing_ok)
				return NULL;
			f = tl_conf_finding(cf, TL_CK_INCLUDE_MISSING, inc,
					    "include file '%s' not found", path);
			relate_host(cf, f, path, host);
			return NULL;
		}
		if (rc < 0) {
			f = tl_conf_finding(cf, TL_CK_INCLUDE_MISSING, inc,
					    "cannot read include file '%s': %s", path,
					    tl_file_error(-rc));
			relate_host(cf, f, path, host);
			return NULL;
		}
		src = same_file(cf, &st);
		if (src != NULL) {
			/* The same file reached by another name: a cycle if it is open. */
			if (!allowed(cf, at, inc, src))
				return NULL;
		} else {
			src = tl_sources_add(env->sources, host, host, text, len);
			cf->tree->nfiles++;
		}
		remember(cf, host, &st, src);
	}
	return count(cf, inc, src->len) ? src : NULL;
}

/* What the PEM label LABEL (up to its closing dashes) is, for a finding. */
static const char *
pem_what(const char *label, size_t len)
{
	static const struct {
		const char *word, *what;
	} kinds[] = {
		{"PRIVATE KEY", "a private key"},
		{"CERTIFICATE", "a certificate"},
		{"PARAMETERS", "key parameters"},
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (memmem(label, len, kinds[i].word, strlen(kinds[i].word)) != NULL)
			return kinds[i].what;
	return "a PEM block";
}

bool
tl_conf_files_pem_at(struct tl_conf_files *cf, const struct tl_source *src, size_t off)
{
	static const char armour[] = "-----BEGIN ";
	const char *text = src->text, *at = text + off;
	const char *label = at + sizeof(armour) - 1, *line = at, *eol, *close;
	const char *what;
	struct tl_finding *f;
	struct tl_loc loc;

	if (src->len - off < sizeof(armour) - 1 || memcmp(at, armour, sizeof(armour) - 1) != 0)
		return false;
	while (line > text && (line[-1] == ' ' || line[-1] == '\t'))
		line--;
	if (line > text && line[-1] != '\n')
		return false; /* not at the start of a line: a word of the config */
	eol = memchr(label, '\n', src->len - (size_t)(label - text));
	eol = eol != NULL ? eol : text + src->len;
	close = memmem(label, (size_t)(eol - label), "-----", 5);
	if (close == NULL)
		return false;
	if (tl_strmap_get(&cf->pem_reported, src->path) != NULL)
		return true;
	tl_strmap_put(&cf->pem_reported, src->path, (void *)src->path);
	loc = tl_loc_make(src, off, (size_t)(close + 5 - at));
	what = pem_what(label, (size_t)(close - label));
	f = tl_conf_finding(
		cf, TL_CK_PARSE_ERROR, loc,
		"%s in a config file, from this line on: the server refuses to start "
		"on it; tlslint read the file only up to here%s",
		what, strcmp(what, "a private key") == 0 ? " and prints none of the key" : "");
	f->fix = "take the PEM block out of the config from {line} on: a key or a certificate "
		 "belongs in a file of its own that only the certificate and key directives "
		 "name; a private key that was committed to a config repository is exposed, so "
		 "replace it";
	return true;
}

size_t
tl_conf_files_config_len(struct tl_conf_files *cf, const struct tl_source *src)
{
	const char *text = src->text, *at = text;

	while ((at = memmem(at, src->len - (size_t)(at - text), "-----BEGIN ", 11)) != NULL) {
		size_t off = (size_t)(at - text);

		if (tl_conf_files_pem_at(cf, src, off)) {
			while (off > 0 && (text[off - 1] == ' ' || text[off - 1] == '\t'))
				off--;
			return off;
		}
		at += 11;
	}
	return src->len;
}
