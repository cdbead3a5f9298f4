/*
 * The lowering engine every server shares. A server contributes a table of
 * keywords — rows of name, the levels it may appear at (the server's own
 * context bits), the versions that have it, its arity, the struct and
 * member it fills, a setter and a one-line description — and the words
 * its own error messages use. The engine finds a directive's row for the
 * level it is at and the targeted version, reports what the server would
 * refuse (directive-invalid, directive-unsupported), and calls the
 * setter. Setters are an open set: the engine has the common ones
 * (strings, on/off flags, enumerations, paths), a server adds its own
 * (nginx's protocol list and certificate/key pairing, …).
 */
#ifndef TL_LOWER_H
#define TL_LOWER_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "../src/arena.h"
#include "../src/diag.h"
#include "../src/model.h"
#include "../src/options.h"
#include "../checks/cipher_string.h"
#include "tree.h"

struct tl_fs;

struct tl_keyword;
struct tl_lower;

/* Fills FIELD (the row's member of one of the scope's structs) from directive D. */
typedef void tl_keyword_set_fn(struct tl_lower *l, const struct tl_keyword *kw,
			       const struct tl_directive *d, void *field);
/* Fills FIELD from the server's default VALUE (as it would be written in a config). */
typedef void tl_keyword_default_fn(struct tl_lower *l, const struct tl_keyword *kw,
				   const char *value, void *field);

struct tl_setter {
	tl_keyword_set_fn *set;
	tl_keyword_default_fn *set_default; /* NULL: the setting has no default value */
};

/* What every server's lowering gets from the run. */
struct tl_lower_env {
	struct tl_arena *arena;
	struct tl_diag *diag;      /* directive-invalid findings */
	struct tl_version version; /* the targeted server */
	/*
	 * For the files a server reads while it reads its configuration
	 * (under --root); NULL: such files are not looked at (unit tests).
	 */
	struct tl_fs *fs;
	/*
	 * One evaluation per distinct cipher string (10,000 proxied locations
	 * with the default string cost one); made on first use, NULL until.
	 */
	struct tl_cipher_cache *ciphers;
};

/*
 * tl_cipher_string_eval() through ENV's cache: *OUT points into it and
 * must not be changed.
 */
int tl_lower_cipher_eval(struct tl_lower_env *env, const char *str, unsigned flags,
			 const struct tl_cipher_list **out, const char **error);

/* The common setters. */
extern const struct tl_setter tl_set_none; /* checked, not kept */
extern const struct tl_setter tl_set_str;  /* struct tl_str: the arguments, space-separated */
extern const struct tl_setter tl_set_flag; /* struct tl_flag: on | off (any case) */
/* tl_set_flag's default, for a server's own flag setters. */
tl_keyword_default_fn tl_default_flag;
extern const struct tl_setter tl_set_enum; /* struct tl_str: one of kw->values */
extern const struct tl_setter tl_set_path; /* struct tl_path: joined to the prefix */

/* Directives that take any number of arguments. */
#define TL_MANY_ARGS UINT_MAX
/* The target index of rows that fill nothing. */
#define TL_NO_TARGET 0

struct tl_keyword {
	const char *name;
	unsigned ctx;            /* the levels where it may appear (the server's bits) */
	struct tl_version since; /* first version that has it here ({0}: always) */
	struct tl_version until; /* first version that no longer has it ({0}: still there) */
	const struct tl_setter *setter;
	unsigned target; /* which struct of the level it fills (index, TL_NO_TARGET) */
	size_t offset;   /* the member in it */
	unsigned min_args;
	unsigned max_args;
	const char *const *values; /* the accepted values of tl_set_enum and flags */
	const char *doc;           /* what it sets, in one line */
	/* The module that provides it, when the server loads modules (httpd "ssl_module"). */
	const char *module;
};

struct tl_keyword_table {
	const struct tl_keyword *rows; /* sorted by name, a name's rows together */
	size_t n;
	bool ignore_case; /* httpd directive names, unlike nginx's, ignore case */
};

/* How a server words what it refuses (its own messages, so findings read like them). */
struct tl_server_words {
	const char *server;      /* "nginx" */
	const char *unknown;     /* "unknown directive" */
	const char *not_allowed; /* "directive is not allowed here" */
	bool refuses_duplicates; /* a single-value directive set twice at one level stops it */
	/*
	 * printf formats taking the directive's name, for a directive at a
	 * level that never allows it, with a wrong number of arguments, and
	 * of a module that is not loaded; NULL: nginx's wording.
	 */
	const char *bad_level_fmt;
	const char *bad_arity_fmt;
	const char *no_module_fmt;
	/* A flag that is neither on nor off, taking the directive's name; NULL: nginx's words. */
	const char *bad_flag_fmt;
	/* The wrong-arity message for KW when the server words it by arity; NULL: bad_arity_fmt. */
	const char *(*arity_message)(struct tl_arena *arena, const struct tl_keyword *kw);
	/*
	 * The message for D, whose rows start at ROW, at a level CTX none of
	 * them allows, when the server words it by where D is; NULL:
	 * bad_level_fmt.
	 */
	const char *(*level_message)(struct tl_arena *arena, const struct tl_keyword *row,
				     unsigned ctx, const struct tl_directive *d);
	/*
	 * Name prefixes of the server's TLS directives (nginx "ssl_", httpd
	 * "SSL"), NULL-ended: a directive that starts with one and is not in
	 * the table is a typo the server refuses, reported with unknown_fmt
	 * (taking the name) and the nearest name of the table. Other unknown
	 * directives belong to modules tlslint does not judge.
	 */
	const char *const *tls_prefixes;
	const char *unknown_fmt;
};

/* One lowering: what the engine and the setters need, and the server's own state. */
struct tl_lower {
	struct tl_arena *arena;
	struct tl_diag *diag;
	struct tl_version version; /* the targeted server */
	const struct tl_server_words *words;
	const char *prefix; /* relative paths are joined to it (the server's prefix as deployed) */
	void *server;       /* the server's lowering state, for its own setters */
	/* Whether a row's module is loaded (NULL: no modules, every row applies). */
	bool (*has_module)(const struct tl_lower *l, const char *module);
};

/*
 * Applies directive D at level CTX: its row's setter fills the member of
 * TARGETS[row->target]. Returns false when the table does not know D
 * (lowering ignores it); true otherwise, also when D was refused (the
 * finding is made).
 */
bool tl_keyword_apply(struct tl_lower *l, const struct tl_keyword_table *t, unsigned ctx,
		      void *const *targets, const struct tl_directive *d);

/*
 * For directives a server lowers by hand (nginx listen, server_name):
 * true when the table does not know D or the targeted server accepts it at
 * level CTX with its number of arguments; else the finding is made.
 */
bool tl_keyword_allowed(struct tl_lower *l, const struct tl_keyword_table *t, unsigned ctx,
			const struct tl_directive *d);

/* The server's default value of a row in the targeted version, or NULL (it has none). */
typedef const char *tl_default_fn(const struct tl_keyword *kw, struct tl_version version);

/*
 * SETTINGS (the struct of index TARGET) filled with every default that
 * DEFAULT_OF knows for rows filling that struct, each origin DEFAULT with
 * NOTE ("the nginx 1.30 default").
 */
void tl_keyword_defaults(struct tl_lower *l, const struct tl_keyword_table *t, unsigned target,
			 void *settings, tl_default_fn *default_of, const char *note);

/* Copies DEFAULTS into every member of SETTINGS still unset; a default points at SITE_LOC. */
void tl_fill_defaults(void *settings, const void *defaults, const struct tl_field *fields, size_t n,
		      struct tl_loc site_loc);

/* directive-invalid at LOC, for the lowering's server. */
struct tl_finding *tl_lower_invalid(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* directive-unsupported: what the targeted version lacks, in the server's words. */
struct tl_finding *tl_lower_unsupported(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* directive-overridden at LOC: a later word or directive silently cancels an earlier one. */
struct tl_finding *tl_lower_overridden(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* directive-deprecated at LOC: the server accepts it, but its documentation retires it. */
struct tl_finding *tl_lower_deprecated(struct tl_lower *l, struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "invalid value 'X' in 'NAME' directive", at D's first argument. */
struct tl_finding *tl_lower_invalid_value(struct tl_lower *l, const struct tl_directive *d);

/*
 * The name of T nearest to NAME (at most two edits away) among the rows
 * allowed at a level of CTX (0: any), for a "did you mean", or NULL.
 */
const char *tl_keyword_nearest(const struct tl_keyword_table *t, const char *name, unsigned ctx);

/* The rows named NAME (*N of them, together from the one returned), or NULL. */
const struct tl_keyword *tl_keyword_rows(const struct tl_keyword_table *t, const char *name,
					 size_t *n);

/* The value of a setting set by D at this level. */
struct tl_value tl_value_set(const struct tl_directive *d);

/* True, and a finding, when V is already set at this level and the server refuses that. */
bool tl_lower_duplicate(struct tl_lower *l, const struct tl_value *v, const struct tl_directive *d);

/* The index of the first row out of order in T, or -1 (for tests). */
int tl_keyword_table_unsorted(const struct tl_keyword_table *t);

#endif
