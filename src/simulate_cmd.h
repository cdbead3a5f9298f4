/*
 * 'tlslint simulate [OPTIONS] PATH…' (issue 13, docs/simulate.md): the
 * offline handshake of every client profile with every TLS site, as a
 * table per site (text) or one array (JSON, a stable schema), and
 * 'tlslint simulate --list-clients'.
 */
#ifndef TL_SIMULATE_CMD_H
#define TL_SIMULATE_CMD_H

#include <stdio.h>

#include "options.h"
#include "run.h"
#include "sim/profile.h"

/*
 * The profiles opts->clients names ("all" or NULL, "current", "legacy",
 * or ids), in an array from ARENA; *N is their count.
 */
const struct tl_client_profile *const *tl_simulate_clients(struct tl_arena *arena, const char *spec,
							   size_t *n);

/*
 * Simulates the clients of opts->clients against RUN's model (linted
 * already) and writes the result to OUT. Returns the exit status: 1 when
 * a client of opts->require_clients fails on some site, else 0.
 */
int tl_simulate_run(struct tl_run *run, FILE *out);

/* 'simulate --list-clients': every profile with its id, era and source. Returns 0. */
int tl_list_clients_write(FILE *out, enum tl_format format);

#endif
