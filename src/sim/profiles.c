/*
 * The one list of client profiles: the captured current clients first,
 * then the legacy ones built from parameters, each half in id order, so
 * `simulate` prints them in an order that does not depend on how the
 * tables were written.
 */
#include "profile.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "profiles_tables.h"

#define MAX_PROFILES 256

static const struct tl_client_profile *all[MAX_PROFILES];
static size_t nall;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int
by_id(const void *a, const void *b)
{
	const struct tl_client_profile *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static void
append_sorted(const struct tl_client_profile *const *list, size_t n)
{
	size_t start = nall;

	for (size_t i = 0; i < n && nall < MAX_PROFILES; i++)
		all[nall++] = list[i];
	qsort(all + start, nall - start, sizeof(all[0]), by_id);
}

static void
build(void)
{
	append_sorted(tl_current_profiles, tl_current_profile_count);
	append_sorted(tl_legacy_profiles, tl_legacy_profile_count);
}

const struct tl_client_profile *const *
tl_client_profiles(size_t *n)
{
	pthread_once(&once, build);
	*n = nall;
	return all;
}

const struct tl_client_profile *
tl_client_profile_find(const char *id)
{
	size_t n;
	const struct tl_client_profile *const *list = tl_client_profiles(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i]->id, id) == 0)
			return list[i];
	return NULL;
}
