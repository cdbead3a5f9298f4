/* `tlslint explain ID`: a check's documentation page, offline (like `rustc --explain`). */
#ifndef TL_EXPLAIN_CMD_H
#define TL_EXPLAIN_CMD_H

#include <stdio.h>

/* Prints the page of check ID to OUT; 0, or 2 with a message on ERR for an unknown id. */
int tl_explain_run(const char *id, FILE *out, FILE *err);

#endif
