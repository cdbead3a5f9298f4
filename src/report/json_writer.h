/*
 * A streaming JSON writer shared by the json and sarif reports (and
 * --list-checks --format json), so that string escaping and layout exist
 * once. The layout is that of Python's json.dumps(indent=2,
 * ensure_ascii=False) plus a final newline: two-space indent, one member
 * or element per line, "key": value, empty containers as {} and [].
 * Being a well-known layout, any tool can reproduce it byte for byte.
 */
#ifndef TL_JSON_WRITER_H
#define TL_JSON_WRITER_H

#include <stdbool.h>
#include <stdio.h>

struct tl_json {
	FILE *out;
	unsigned depth;
	bool has_items; /* the innermost open container has a member already */
	bool after_key; /* the next value completes a "key": pair */
};

void tl_json_init(struct tl_json *json, FILE *out);

void tl_json_object_begin(struct tl_json *json);
void tl_json_object_end(struct tl_json *json);
void tl_json_array_begin(struct tl_json *json);
void tl_json_array_end(struct tl_json *json);

/* The key of the next object member; the value follows with any value call. */
void tl_json_key(struct tl_json *json, const char *key);

/* A string value; NULL writes null. */
void tl_json_string(struct tl_json *json, const char *s);
void tl_json_uint(struct tl_json *json, unsigned long long v);
void tl_json_null(struct tl_json *json);
void tl_json_bool(struct tl_json *json, bool v);

/* "KEY": value, the common case of tl_json_key followed by a value. */
void tl_json_member_string(struct tl_json *json, const char *key, const char *value);
void tl_json_member_uint(struct tl_json *json, const char *key, unsigned long long value);

/* Ends the document with a newline. */
void tl_json_finish(struct tl_json *json);

/*
 * Writes S as a quoted JSON string. Control characters are escaped (\n,
 * \t, \r, \b, \f, others as \u00XX); bytes that are not valid UTF-8 become
 * U+FFFD, one per maximal invalid subsequence as Unicode recommends, so the
 * output is always valid JSON whatever a config file contained.
 */
void tl_json_write_string(FILE *out, const char *s);

#endif
