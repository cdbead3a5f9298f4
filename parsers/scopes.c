/*
 * Registering the levels of a config tree (see scopes.h). Every directive
 * at an outer level is registered with that level's label, and every
 * site's block as a site: a finding's place is then labelled by the
 * innermost stretch holding it. A site's own directives need no entry of
 * their own, since the block holds them; a file included inside a site
 * has none and counts as no outer level, which is what it is. Directives
 * at an outer level are registered one by one rather than as the whole
 * block because a block's children may come from included files.
 */
#include "scopes.h"

#include <string.h>
#include <strings.h>

/* What a directive opens: nothing new (NULL, *site false), a site, or an outer level. */
static const char *
classify(struct tl_arena *arena, enum tl_server_kind server, const struct tl_directive *d,
	 unsigned depth, bool *site)
{
	*site = false;
	if (!d->block)
		return NULL;
	switch (server) {
	case TL_SERVER_NGINX:
		if (strcmp(d->name, "server") == 0)
			*site = true;
		else if (strcmp(d->name, "http") == 0)
			return "http {}";
		else if (strcmp(d->name, "stream") == 0)
			return "stream {}";
		return NULL;
	case TL_SERVER_APACHE:
		if (strcasecmp(d->name, "VirtualHost") == 0)
			*site = true;
		return NULL;
	case TL_SERVER_HAPROXY:
		/* Sections: a bind line may carry many sites (one per certificate). */
		if (depth == 0)
			return d->nargs > 0
				       ? tl_arena_printf(arena, "%s %s", d->name, d->args[0].text)
				       : d->name;
		return NULL;
	default:
		return NULL;
	}
}

static void
walk(struct tl_diag *diag, struct tl_arena *arena, enum tl_server_kind server,
     const struct tl_directive *d, const char *label, unsigned depth)
{
	/* The parsers bound nesting; this only keeps a broken tree from recursing forever. */
	if (depth > 256)
		return;
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];
		bool site;
		const char *opens = classify(arena, server, c, depth, &site);
		const char *inner = opens != NULL ? opens : label;

		if (site) {
			tl_diag_scope(diag, c->loc.src, c->loc.off, c->end, NULL);
			continue;
		}
		if (inner != NULL)
			tl_diag_scope(diag, c->loc.src, c->loc.off, c->end, inner);
		walk(diag, arena, server, c, inner, depth + 1);
	}
}

void
tl_scopes_collect(struct tl_diag *diag, struct tl_arena *arena, enum tl_server_kind server,
		  const struct tl_tree *tree)
{
	/* httpd's main server config is the outer level of its <VirtualHost>s. */
	walk(diag, arena, server, &tree->root, server == TL_SERVER_APACHE ? "server config" : NULL,
	     0);
}
