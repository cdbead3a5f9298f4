/*
 * Option defaults, server names, version numbers, and the merge of the
 * command line over .tlslint.yaml. Parsing lives in src/cli/; this file has
 * no I/O so that every later stage can use it.
 */
#include "options.h"

#include <ctype.h>
#include <string.h>

static const char *const server_names[TL_SERVER_COUNT] = {
	[TL_SERVER_AUTO] = "auto",
	[TL_SERVER_NGINX] = "nginx",
	[TL_SERVER_APACHE] = "apache",
	[TL_SERVER_HAPROXY] = "haproxy",
};

const char *
tl_server_name(enum tl_server_kind kind)
{
	if ((unsigned)kind >= TL_SERVER_COUNT)
		return "auto";
	return server_names[kind];
}

/* Only the three real servers: "auto" is the absence of a choice, not a value to type. */
int
tl_server_parse(const char *name, enum tl_server_kind *kind)
{
	for (int i = TL_SERVER_AUTO + 1; i < TL_SERVER_COUNT; i++) {
		if (strcmp(name, server_names[i]) == 0) {
			*kind = (enum tl_server_kind)i;
			return 0;
		}
	}
	return -1;
}

int
tl_version_cmp(struct tl_version a, struct tl_version b)
{
	if (a.major != b.major)
		return a.major < b.major ? -1 : 1;
	if (a.minor != b.minor)
		return a.minor < b.minor ? -1 : 1;
	if (a.patch != b.patch)
		return a.patch < b.patch ? -1 : 1;
	return 0;
}

/*
 * No server has a version component anywhere near this; the cap keeps the
 * arithmetic far from overflow and rejects nonsense like 1.99999999999.
 */
#define VERSION_PART_MAX 99999u

int
tl_version_parse(const char *s, struct tl_version *v)
{
	unsigned parts[3] = {0, 0, 0};
	int n = 0;

	for (;;) {
		unsigned value = 0;

		if (!isdigit((unsigned char)*s))
			return -1;
		while (isdigit((unsigned char)*s)) {
			value = value * 10 + (unsigned)(*s - '0');
			if (value > VERSION_PART_MAX)
				return -1;
			s++;
		}
		parts[n++] = value;
		if (*s == '\0')
			break;
		if (*s != '.' || n == 3)
			return -1;
		s++;
	}
	v->major = parts[0];
	v->minor = parts[1];
	v->patch = parts[2];
	return 0;
}

void
tl_options_init(struct tl_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->mode = TL_MODE_LINT;
	opts->format = TL_FORMAT_TEXT;
	opts->profile = "intermediate";
	opts->fail_on = TL_SEV_WARNING;
	opts->color = TL_COLOR_AUTO;
	opts->expiry_warning_days = 30;
	opts->server = TL_SERVER_AUTO;
}

static void
vec_append(struct tl_arena *arena, struct tl_ptrvec *dst, const struct tl_ptrvec *src)
{
	for (size_t i = 0; i < src->len; i++)
		tl_ptrvec_push(arena, dst, src->items[i]);
}

/* OUT = A minus the ids in DROP, then every id of B not yet in OUT. */
static struct tl_ptrvec
ids_combine(struct tl_arena *arena, const struct tl_ptrvec *a, const struct tl_ptrvec *drop,
	    const struct tl_ptrvec *b)
{
	struct tl_ptrvec out = {0};

	for (size_t i = 0; i < a->len; i++)
		if (!tl_strvec_contains(drop, a->items[i]) &&
		    !tl_strvec_contains(&out, a->items[i]))
			tl_ptrvec_push(arena, &out, a->items[i]);
	for (size_t i = 0; i < b->len; i++)
		if (!tl_strvec_contains(&out, b->items[i]))
			tl_ptrvec_push(arena, &out, b->items[i]);
	return out;
}

void
tl_options_merge(struct tl_options *dst, const struct tl_options *file_opts, struct tl_arena *arena)
{
	const struct tl_options *f = file_opts;
	unsigned take = f->set_mask & ~dst->set_mask;
	struct tl_ptrvec enable, disable;
	struct tl_ptrvec list = {0};

	if (take & TL_SET_FORMAT)
		dst->format = f->format;
	if (take & TL_SET_OUTPUT)
		dst->output = f->output;
	if (take & TL_SET_PROFILE)
		dst->profile = f->profile;
	if (take & TL_SET_POLICY)
		dst->policy_file = f->policy_file;
	if (take & TL_SET_ROOT)
		dst->root = f->root;
	if (take & TL_SET_CA_FILE)
		dst->ca_file = f->ca_file;
	if (take & TL_SET_CA_PATH)
		dst->ca_path = f->ca_path;
	if (take & TL_SET_FAIL_ON)
		dst->fail_on = f->fail_on;
	if (take & TL_SET_COLOR)
		dst->color = f->color;
	if (take & TL_SET_EXPIRY)
		dst->expiry_warning_days = f->expiry_warning_days;
	if (take & TL_SET_SERVER)
		dst->server = f->server;
	dst->set_mask |= f->set_mask;

	/* Targets: per server, the command line wins. */
	for (int i = 0; i < TL_SERVER_COUNT; i++) {
		if (f->target_set[i] && !dst->target_set[i]) {
			dst->target_set[i] = true;
			dst->target[i] = f->target[i];
		}
	}

	/*
	 * Enable/disable: the last word on an id wins, and the command line
	 * speaks after the file. Each source already keeps its own two lists
	 * disjoint (the CLI parser lets a later --enable cancel an earlier
	 * --disable and vice versa; the config file rejects an id in both),
	 * so the result is: file.enable minus cli.disable, plus cli.enable;
	 * file.disable minus cli.enable, plus cli.disable. The merged lists
	 * are disjoint too, so consumers need not care about order.
	 */
	enable = ids_combine(arena, &f->enable, &dst->disable, &dst->enable);
	disable = ids_combine(arena, &f->disable, &dst->enable, &dst->disable);
	dst->enable = enable;
	dst->disable = disable;

	/* Entries and severity overrides exist only in the file. */
	if (dst->entries.len == 0)
		dst->entries = f->entries;
	if (dst->severity_overrides.len == 0)
		dst->severity_overrides = f->severity_overrides;

	/* Other lists: file first, command line after. */
	vec_append(arena, &list, &f->defines);
	vec_append(arena, &list, &dst->defines);
	dst->defines = list;
	memset(&list, 0, sizeof(list));
	vec_append(arena, &list, &f->env);
	vec_append(arena, &list, &dst->env);
	dst->env = list;
	dst->env_set = dst->env_set || f->env_set;
	memset(&list, 0, sizeof(list));
	vec_append(arena, &list, &f->require_clients);
	vec_append(arena, &list, &dst->require_clients);
	dst->require_clients = list;
}
