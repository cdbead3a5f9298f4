#include "explain_cmd.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "check_pages.h"

static int
by_id(const void *key, const void *row)
{
	return strcmp(key, ((const struct tl_check_page *)row)->id);
}

const char *
tl_check_page(const char *id)
{
	const struct tl_check_page *p =
		bsearch(id, tl_check_pages, tl_check_pages_count, sizeof(tl_check_pages[0]), by_id);

	return p ? p->text : NULL;
}

int
tl_explain_run(const char *id, FILE *out, FILE *err)
{
	const char *page = tl_check_page(id);

	if (page == NULL) {
		const char *near = tl_check_nearest(id);

		fprintf(err, "tlslint: unknown check '%s'\n", id);
		if (near != NULL)
			fprintf(err, "hint: did you mean '%s'?\n", near);
		else
			fprintf(err, "hint: 'tlslint --list-checks' lists them\n");
		return 2;
	}
	return fputs(page, out) < 0 || fflush(out) != 0 ? 2 : 0;
}
