/* X.509 names and dates as messages show them (RFC 2253 names, YYYY-MM-DD dates). */
#ifndef TL_X509FMT_H
#define TL_X509FMT_H

#include <openssl/x509.h>
#include <time.h>

#include "arena.h"

/* "CN=www.example.com" style subject of CERT, and any X509 name in that style. */
const char *tl_cert_subject(struct tl_arena *arena, X509 *cert);
const char *tl_x509_name(struct tl_arena *arena, const X509_NAME *name);

/* An ASN1_TIME as a time_t (UTC; 0 when unreadable), and a time_t as "YYYY-MM-DD". */
time_t tl_asn1_time(const ASN1_TIME *t);
const char *tl_date(struct tl_arena *arena, time_t t);

#endif
