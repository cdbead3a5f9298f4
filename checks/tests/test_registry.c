/* The registry must stay sorted (tl_check_find searches it) and well-formed. */
#include <string.h>

#include "../../src/tests/unit.h"
#include "../registry.h"

int
main(void)
{
	size_t n;
	const struct tl_check *checks = tl_checks(&n);

	CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		CHECK(tl_check_find(checks[i].id) == &checks[i]);
		CHECK(checks[i].summary != NULL && checks[i].summary[0] != '\0');
		CHECK(checks[i].family != NULL);
		if (i > 0)
			CHECK(strcmp(checks[i - 1].id, checks[i].id) < 0);
	}
	CHECK(tl_check_find("no-such-check") == NULL);
	return tl_unit_result();
}
