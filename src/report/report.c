/* Choosing the writer for a format, and the helpers all writers use. */
#include "report.h"

#include <errno.h>
#include <stdio.h>

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
		tl_report_gcc(out, diag);
		break;
	case TL_FORMAT_JSON:
		tl_report_json(out, diag, info);
		break;
	case TL_FORMAT_SARIF:
		tl_report_sarif(out, diag);
		break;
	case TL_FORMAT_MARKDOWN:
		tl_report_markdown(out, diag, info);
		break;
	default:
		return -EINVAL;
	}
	return tl_report_status(out);
}
