/* Finding severities, ordered, and their names in output and config. */
#ifndef TL_SEVERITY_H
#define TL_SEVERITY_H

#include <stdbool.h>

enum tl_severity {
	TL_SEV_INFO = 0,
	TL_SEV_WARNING = 1,
	TL_SEV_ERROR = 2,
	TL_SEV_NEVER = 3, /* only as a --fail-on threshold */
};

const char *tl_severity_name(enum tl_severity sev);
/* Returns 0 and sets *sev, or -1 for an unknown name. NEVER is accepted only if allow_never. */
int tl_severity_parse(const char *name, bool allow_never, enum tl_severity *sev);

#endif
