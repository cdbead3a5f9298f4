/*
 * The two halves of the profile table, for src/sim/profiles.c only: the
 * current clients (profiles_current.c, generated at build time from
 * testdata/clients/hello/ by gen_current_profiles.py) and the legacy ones
 * (profiles_legacy.c, written from published parameters).
 */
#ifndef TL_SIM_PROFILES_TABLES_H
#define TL_SIM_PROFILES_TABLES_H

#include <stddef.h>

#include "profile.h"

extern const struct tl_client_profile *const tl_current_profiles[];
extern const size_t tl_current_profile_count;

extern const struct tl_client_profile *const tl_legacy_profiles[];
extern const size_t tl_legacy_profile_count;

#endif
