/*
 * A bounds-checked reader of TLS bytes (records, handshake messages,
 * extensions): every read past the end sets bad and yields zero, so a
 * parser checks once at the end instead of at every field. Shared by the
 * readers of the server's first flight, of a ClientHello's offer and of
 * a captured hello being rebuilt.
 */
#ifndef TL_SIM_TLS_READER_H
#define TL_SIM_TLS_READER_H

#include <stdbool.h>
#include <stddef.h>

struct tl_tls_reader {
	const unsigned char *p;
	size_t n;
	bool bad;
};

/* The next BYTES (at most 4) bytes as a big-endian number. */
static inline unsigned long
tl_tls_get(struct tl_tls_reader *r, size_t bytes)
{
	unsigned long v = 0;

	if (r->bad || r->n < bytes) {
		r->bad = true;
		return 0;
	}
	for (size_t i = 0; i < bytes; i++)
		v = v << 8 | r->p[i];
	r->p += bytes;
	r->n -= bytes;
	return v;
}

/* The next LEN bytes as a reader of their own. */
static inline struct tl_tls_reader
tl_tls_sub(struct tl_tls_reader *r, size_t len)
{
	struct tl_tls_reader s = {r->p, len, false};

	if (r->bad || r->n < len) {
		r->bad = true;
		s.n = 0;
		s.bad = true;
		return s;
	}
	r->p += len;
	r->n -= len;
	return s;
}

#endif
