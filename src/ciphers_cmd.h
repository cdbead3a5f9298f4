/* 'tlslint ciphers STRING': what an OpenSSL cipher string really enables (SPEC §6). */
#ifndef TL_CIPHERS_CMD_H
#define TL_CIPHERS_CMD_H

#include <stdio.h>

#include "arena.h"
#include "options.h"

/*
 * Evaluates opts->cipher_string and writes the suites to OUT (or
 * opts->output) as text or JSON; problems go to ERR. Returns the exit
 * status: 0, or 2 when the string matches nothing or is refused.
 */
int tl_ciphers_run(struct tl_arena *arena, const struct tl_options *opts, FILE *out, FILE *err);

#endif
