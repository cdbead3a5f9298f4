/*
 * Host name matching as TLS clients do it (RFC 6125 §6.4), written out
 * instead of calling X509_check_host so the rules are visible and tested
 * case by case (checks/tests/test_hostname.c also compares the two):
 * DNS names compare case-insensitively in ASCII with one trailing dot
 * ignored; a wildcard is only the whole left-most label and stands for
 * exactly one label, never the apex, never partial ("w*.example.com"),
 * never at or above the second level ("*.com"); IP addresses match only
 * iPAddress entries, byte for byte; the subject CN is never consulted.
 */
#ifndef TL_HOSTNAME_H
#define TL_HOSTNAME_H

#include <openssl/x509.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* True when the dNSName PATTERN (from a certificate) matches the host name HOST. */
bool tl_hostname_match(const char *pattern, const char *host);

/* True when A and B are the same DNS name: ASCII case and one trailing dot ignored. */
bool tl_hostname_equal(const char *a, const char *b);

/*
 * Parses HOST as an IPv4 or IPv6 literal (brackets around IPv6 allowed):
 * returns 4 or 16 with the address in OUT, or 0 when HOST is not an address.
 */
int tl_hostname_ip(const char *host, unsigned char out[16]);

/* True when every byte of NAME is ASCII (a U-label name has UTF-8 bytes). */
bool tl_hostname_is_ascii(const char *name);

/*
 * The A-label form of a UTF-8 name ("bücher.example" → "xn--bcher-kva.example",
 * RFC 3492 Punycode per label; ASCII lowercased, no Unicode case mapping or
 * normalisation). Returns BUF, or NULL when NAME is not valid UTF-8 or the
 * result does not fit in SIZE bytes.
 */
char *tl_hostname_to_alabel(const char *name, char *buf, size_t size);

/* One subjectAltName entry a client can match: a dNSName or an iPAddress. */
struct tl_san {
	bool ip;
	const char *text; /* dNSName as in the certificate, or the address as text */
	unsigned char addr[16];
	int addrlen; /* 4 or 16 for addresses */
};

/*
 * The dNSName and iPAddress entries of CERT in certificate order, in an
 * array from ARENA; *N is their count. *HAS_EXT is false when CERT has no
 * subjectAltName extension at all. Entries with NUL bytes are left out.
 */
const struct tl_san *tl_cert_sans(struct tl_arena *arena, X509 *cert, size_t *n, bool *has_ext);

/* True when one of SANS covers HOST: IP literals against addresses, names against dNSNames. */
bool tl_sans_cover(const struct tl_san *sans, size_t n, const char *host);

/* "DNS:www.example.test, DNS:example.test, IP:127.0.0.1", at most MAX entries, then "…". */
const char *tl_sans_text(struct tl_arena *arena, const struct tl_san *sans, size_t n, size_t max);

#endif
