#include "explain_cmd.h"

#include "catalogue.h"
#include "check_pages.h"

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
