/* The strict YAML reader shared by .tlslint.yaml and policy files. */
#include "yaml_reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "fsutil.h"

int
tl_yaml_fail(struct tl_yaml *y, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = tl_arena_vprintf(y->arena, fmt, ap);
	va_end(ap);
	*y->error = tl_arena_printf(y->arena, "%s:%zu:%zu: %s", y->path, mark.line + 1,
				    mark.column + 1, msg);
	return -1;
}

/* libyaml reports reader errors (bad UTF-8, control characters) as a byte offset only. */
static yaml_mark_t
mark_of_offset(const struct tl_yaml *y, size_t offset)
{
	yaml_mark_t mark = {offset, 0, 0};

	for (size_t i = 0; i < offset && i < y->len; i++) {
		if (y->text[i] == '\n') {
			mark.line++;
			mark.column = 0;
		} else if ((y->text[i] & 0xc0) != 0x80) {
			mark.column++; /* count characters, not UTF-8 continuation bytes */
		}
	}
	return mark;
}

/* Advances to the next event; aliases are refused, the schema has no use for them. */
int
tl_yaml_next(struct tl_yaml *y)
{
	if (y->have_event)
		yaml_event_delete(&y->event);
	y->have_event = false;
	if (!yaml_parser_parse(&y->parser, &y->event)) {
		yaml_mark_t mark = y->parser.problem_mark;
		const char *problem = y->parser.problem ? y->parser.problem : "unknown error";

		if (y->parser.error == YAML_READER_ERROR)
			mark = mark_of_offset(y, y->parser.problem_offset);
		return tl_yaml_fail(y, mark, "syntax error: %s", problem);
	}
	y->have_event = true;
	if (y->event.type == YAML_ALIAS_EVENT)
		return tl_yaml_fail(y, y->event.start_mark, "YAML aliases are not supported here");
	return 0;
}

bool
tl_yaml_is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->type != YAML_SCALAR_EVENT || !ev->data.scalar.plain_implicit)
		return false;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

const char *
tl_yaml_node_kind(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_SCALAR_EVENT:
		return tl_yaml_is_null(ev) ? "null" : "a string";
	default:
		return "nothing";
	}
}

const char *
tl_yaml_scalar(const struct tl_yaml *y)
{
	return (const char *)y->event.data.scalar.value;
}

/* Reads the next node, which must be a non-empty string; returns it in the arena. */
int
tl_yaml_expect_string(struct tl_yaml *y, const char *what, const char **out)
{
	if (tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&y->event))
		return tl_yaml_fail(y, y->event.start_mark, "expected a string for '%s', got %s",
				    what, tl_yaml_node_kind(&y->event));
	if (*tl_yaml_scalar(y) == '\0')
		return tl_yaml_fail(y, y->event.start_mark, "empty string for '%s'", what);
	*out = tl_arena_strdup(y->arena, tl_yaml_scalar(y));
	return 0;
}

/* Relative paths in the file mean: relative to the file's directory. */
const char *
tl_yaml_resolve(struct tl_yaml *y, const char *p)
{
	return tl_path_join(y->arena, y->dir != NULL ? y->dir : ".", p);
}

/*
 * Reads the key of the next pair of a mapping. Returns 1 with *key set,
 * 0 at the end of the mapping, -1 on error.
 */
int
tl_yaml_next_key(struct tl_yaml *y, struct tl_yaml_keys *seen, const char *where, const char **key,
		 yaml_mark_t *mark)
{
	if (tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type == YAML_MAPPING_END_EVENT)
		return 0;
	if (y->event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&y->event))
		return tl_yaml_fail(y, y->event.start_mark, "expected a key in %s, got %s", where,
				    tl_yaml_node_kind(&y->event));
	*key = tl_arena_strdup(y->arena, tl_yaml_scalar(y));
	*mark = y->event.start_mark;
	for (size_t i = 0; i < seen->names.len; i++)
		if (strcmp(seen->names.items[i], *key) == 0)
			return tl_yaml_fail(y, *mark, "duplicate key '%s' (first on line %zu)",
					    *key, (size_t)(uintptr_t)seen->lines.items[i]);
	tl_ptrvec_push(y->arena, &seen->names, (void *)*key);
	tl_ptrvec_push(y->arena, &seen->lines, (void *)(uintptr_t)(mark->line + 1));
	return 1;
}

int
tl_yaml_expect_mapping(struct tl_yaml *y, const char *what)
{
	if (tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type != YAML_MAPPING_START_EVENT)
		return tl_yaml_fail(y, y->event.start_mark, "expected a mapping for '%s', got %s",
				    what, tl_yaml_node_kind(&y->event));
	return 0;
}

/* The stream: nothing at all (empty or comments only), or one document holding a mapping. */
int
tl_yaml_stream(struct tl_yaml *y, int (*load_top)(void *ctx), void *ctx)
{
	/* STREAM-START, then a document or the end. */
	if (tl_yaml_next(y) < 0 || tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type == YAML_STREAM_END_EVENT)
		return 0;
	if (tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type == YAML_MAPPING_START_EVENT) {
		if (load_top(ctx) < 0)
			return -1;
	} else if (!tl_yaml_is_null(&y->event)) {
		return tl_yaml_fail(y, y->event.start_mark,
				    "expected a mapping of settings at the top level, got %s",
				    tl_yaml_node_kind(&y->event));
	}
	/* DOCUMENT-END, then the end of the stream. */
	if (tl_yaml_next(y) < 0 || tl_yaml_next(y) < 0)
		return -1;
	if (y->event.type != YAML_STREAM_END_EVENT)
		return tl_yaml_fail(y, y->event.start_mark, "more than one YAML document");
	return 0;
}

static int
read_file(struct tl_yaml *y, size_t max)
{
	char *text;
	int rc = tl_read_file(y->arena, y->path, max, &text, &y->len);

	if (rc == -EFBIG) {
		*y->error = tl_arena_printf(y->arena, "%s: file too large (limit %zu bytes)",
					    y->path, max);
		return -1;
	}
	if (rc < 0) {
		*y->error = tl_arena_printf(y->arena, "%s: cannot read: %s", y->path,
					    tl_file_error(-rc));
		return -1;
	}
	y->text = (unsigned char *)text;
	return 0;
}

int
tl_yaml_open(struct tl_yaml *y, struct tl_arena *arena, const char *path, size_t max,
	     const char **error)
{
	const char *slash = strrchr(path, '/');

	memset(y, 0, sizeof(*y));
	*error = NULL;
	y->arena = arena;
	y->path = path;
	y->error = error;
	if (slash == path)
		y->dir = "/";
	else if (slash != NULL)
		y->dir = tl_arena_strndup(arena, path, (size_t)(slash - path));
	if (read_file(y, max) < 0)
		return -1;
	if (!yaml_parser_initialize(&y->parser)) {
		*error = tl_arena_printf(arena, "%s: out of memory", path);
		return -1;
	}
	y->parser_ready = true;
	yaml_parser_set_input_string(&y->parser, y->text, y->len);
	return 0;
}

void
tl_yaml_close(struct tl_yaml *y)
{
	if (y->have_event)
		yaml_event_delete(&y->event);
	y->have_event = false;
	if (y->parser_ready)
		yaml_parser_delete(&y->parser);
	y->parser_ready = false;
}
