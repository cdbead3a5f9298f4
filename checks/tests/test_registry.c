/*
 * The catalogue must stay sorted by name (lookups search it) and indexed
 * by id, and every check the registry runs must be in it.
 */
#include <string.h>

#include "../../src/tests/unit.h"
#include "../registry.h"

int
main(void)
{
	size_t n;
	const struct tl_check_info *all = tl_catalogue(&n);
	size_t runners = 0;

	CHECK_INT(n, TL_CHECK_COUNT);
	for (size_t i = 0; i < n; i++) {
		CHECK_INT(all[i].id, i);
		CHECK(tl_check_info(all[i].id) == &all[i]);
		CHECK(tl_check_by_name(all[i].name) == &all[i]);
		CHECK(all[i].summary != NULL && all[i].summary[0] != '\0');
		CHECK(all[i].family != NULL);
		if (i > 0)
			CHECK(strcmp(all[i - 1].name, all[i].name) < 0);
		runners += tl_check_runner(all[i].id) != NULL;
	}
	/* Only parsing, lowering and suppression report these six; every other check has a
	 * function. */
	CHECK_INT(runners, n - 6);
	CHECK(tl_check_runner(TL_CK_DIRECTIVE_OVERRIDDEN) == NULL);
	CHECK(tl_check_runner(TL_CK_PARSE_ERROR) == NULL);
	CHECK(tl_check_runner(TL_CK_SUPPRESSION_INVALID) == NULL);
	CHECK(tl_check_by_name("no-such-check") == NULL);
	return tl_unit_result();
}
