/* Choosing the writer for a format, and the helpers all writers use. */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../check_pages.h"
#include "report_internal.h"

void
tl_place_of(const struct tl_loc *loc, struct tl_place *place)
{
	size_t start;
	size_t end;

	tl_loc_linecol(loc, &place->line, &place->col);
	place->text = tl_source_line(loc->src, place->line, &place->text_len);
	/* An offset past the end of its line (or of the file) is shown at the line end. */
	start = place->col - 1;
	if (start > place->text_len)
		start = place->text_len;
	end = start + loc->len;
	if (end > place->text_len)
		end = place->text_len;
	place->span = end - start;
}

const char *
tl_check_docs_path(const char *id, char *buf, size_t size)
{
	snprintf(buf, size, "docs/checks/%s.md", id);
	return buf;
}

size_t
tl_utf8_code_points(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

size_t
tl_report_width(FILE *out)
{
	const char *columns = getenv("COLUMNS");
	struct winsize ws;

	/* COLUMNS wins, as for ls and man: it is how a user or a script asks for a width. */
	if (columns != NULL && columns[0] >= '0' && columns[0] <= '9') {
		char *end;
		unsigned long n = strtoul(columns, &end, 10);

		if (*end == '\0' && n > 0)
			return n < TL_MIN_WIDTH ? TL_MIN_WIDTH : n > 10000 ? 10000 : (size_t)n;
	}
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < TL_MIN_WIDTH ? TL_MIN_WIDTH : ws.ws_col;
	return 0;
}

static int
page_by_id(const void *key, const void *row)
{
	return strcmp(key, ((const struct tl_check_page *)row)->id);
}

const char *
tl_check_page(const char *id)
{
	const struct tl_check_page *p = bsearch(id, tl_check_pages, tl_check_pages_count,
						sizeof(tl_check_pages[0]), page_by_id);

	return p ? p->text : NULL;
}

int
tl_report_status(FILE *out)
{
	/* Buffered output may fail only at the flush (a full disk), so flush before asking. */
	if (fflush(out) != 0 || ferror(out))
		return errno != 0 ? -errno : -EIO;
	return 0;
}

int
tl_report_write(FILE *out, enum tl_format format, const struct tl_diag *diag,
		const struct tl_report_info *info)
{
	errno = 0;
	switch (format) {
	case TL_FORMAT_TEXT:
		tl_report_text(out, diag, info);
		break;
	case TL_FORMAT_GCC:
		tl_report_gcc(out, diag, info);
		break;
	case TL_FORMAT_JSON:
		tl_report_json(out, diag, info);
		break;
	case TL_FORMAT_SARIF:
		tl_report_sarif(out, diag, info);
		break;
	case TL_FORMAT_MARKDOWN:
		tl_report_markdown(out, diag, info);
		break;
	default:
		return -EINVAL;
	}
	return tl_report_status(out);
}
