/*
 * What a ClientHello offers, read back from its bytes: the versions, the
 * suites and the groups, for explaining a refusal ("no suite in common")
 * and for the suites the linked OpenSSL cannot run (simulate.c).
 */
#ifndef TL_SIM_HELLO_OFFER_H
#define TL_SIM_HELLO_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TL_OFFER_MAX 128

struct tl_hello_offer {
	uint16_t legacy_version;
	uint16_t versions[16]; /* supported_versions; none: legacy_version alone */
	size_t nversions;
	uint16_t suites[TL_OFFER_MAX]; /* in the client's order, GREASE left out */
	size_t nsuites;
	uint16_t groups[32]; /* supported_groups, GREASE left out */
	size_t ngroups;
};

/* Reads the ClientHello in the records HELLO (LEN bytes). False when it does not parse. */
bool tl_hello_offer_read(const unsigned char *hello, size_t len, struct tl_hello_offer *out);

/* True when the client offers version V (0x0303 …): in supported_versions, else up to legacy. */
bool tl_hello_offer_version(const struct tl_hello_offer *o, unsigned v);

#endif
