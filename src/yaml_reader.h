/*
 * Strict YAML reading for tlslint's own files (.tlslint.yaml, policies):
 * libyaml events walked against a schema, every problem an error
 * "FILE:LINE:COL: message" at the node. Events rather than a loaded
 * document: libyaml's document loader recurses once per nesting level
 * with no limit, while a schema walk stops at the first node of a type
 * the schema does not allow, which bounds nesting for free.
 */
#ifndef TL_YAML_READER_H
#define TL_YAML_READER_H

#include <stdbool.h>
#include <yaml.h>

#include "arena.h"

struct tl_yaml {
	struct tl_arena *arena;
	const char *path;
	const char *dir; /* PATH's directory; NULL when PATH has no '/' */
	const unsigned char *text;
	size_t len;
	yaml_parser_t parser;
	yaml_event_t event; /* the current event, valid when have_event */
	bool have_event;
	bool parser_ready;
	const char **error;
};

/* Keys already seen in one mapping, to reject duplicates. */
struct tl_yaml_keys {
	struct tl_ptrvec names; /* const char * */
	struct tl_ptrvec lines; /* 1-based line, cast to a pointer-sized integer */
};

/*
 * Reads PATH (at most MAX bytes) and prepares the parser. Returns 0, or
 * -1 with *error set ("PATH: cannot read: …"). Always pair with tl_yaml_close.
 */
int tl_yaml_open(struct tl_yaml *y, struct tl_arena *arena, const char *path, size_t max,
		 const char **error);
void tl_yaml_close(struct tl_yaml *y);

/*
 * The whole stream: nothing (empty, comments only, a null document) or
 * one document holding a mapping, whose keys LOAD_TOP(CTX) reads after
 * the mapping's start event (up to and including its end event).
 */
int tl_yaml_stream(struct tl_yaml *y, int (*load_top)(void *ctx), void *ctx);

/* Sets *error to "PATH:LINE:COL: message" at MARK and returns -1. */
int tl_yaml_fail(struct tl_yaml *y, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Advances to the next event (aliases are refused). Returns 0 or -1. */
int tl_yaml_next(struct tl_yaml *y);

bool tl_yaml_is_null(const yaml_event_t *ev);
/* "a mapping", "a sequence", "null", "a string": for "expected X, got Y". */
const char *tl_yaml_node_kind(const yaml_event_t *ev);
/* The current scalar event's value. */
const char *tl_yaml_scalar(const struct tl_yaml *y);

/* The next node must be a non-empty string; *out is a copy in the arena. */
int tl_yaml_expect_string(struct tl_yaml *y, const char *what, const char **out);
/* The next node must be a mapping (its start event is consumed). */
int tl_yaml_expect_mapping(struct tl_yaml *y, const char *what);
/*
 * Reads the key of the next pair of a mapping. Returns 1 with *key and
 * *mark set, 0 at the end of the mapping, -1 on error (duplicate keys too).
 */
int tl_yaml_next_key(struct tl_yaml *y, struct tl_yaml_keys *seen, const char *where,
		     const char **key, yaml_mark_t *mark);

/* A path written in the file, relative to the file's directory. */
const char *tl_yaml_resolve(struct tl_yaml *y, const char *path);

#endif
