#include "nearest.h"

#include <ctype.h>
#include <string.h>

size_t
tl_edit_distance(const char *a, const char *b, bool ignore_case, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[64];

	if (la >= sizeof(row) / sizeof(row[0]) || lb >= sizeof(row) / sizeof(row[0]) ||
	    (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			int ca = ignore_case ? tolower((unsigned char)a[i - 1]) : a[i - 1];
			int cb = ignore_case ? tolower((unsigned char)b[j - 1]) : b[j - 1];
			size_t cost = diag + (ca != cb);

			if (up + 1 < cost)
				cost = up + 1;
			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			row[j] = cost;
			diag = up;
			if (cost < best)
				best = cost;
		}
		/* Every later row is at least this row's minimum. */
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}
