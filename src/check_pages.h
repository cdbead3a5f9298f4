/*
 * The check pages of docs/checks/, compiled in (scripts/embed-pages.py),
 * for `tlslint explain ID`.
 */
#ifndef TL_CHECK_PAGES_H
#define TL_CHECK_PAGES_H

#include <stddef.h>

struct tl_check_page {
	const char *id;   /* "cert-expired" */
	const char *text; /* the Markdown page */
};

/* Sorted by id. */
extern const struct tl_check_page tl_check_pages[];
extern const size_t tl_check_pages_count;

/* The page of check ID, or NULL (src/report/report.c). */
const char *tl_check_page(const char *id);

#endif
