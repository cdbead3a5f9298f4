/*
 * The server's answer to one ClientHello, decided by the real OpenSSL
 * (issue 13, item 1): the hello's bytes go through a memory BIO into
 * SSL_accept on a server SSL_CTX, which writes its first flight and then
 * waits for the client (SSL_ERROR_WANT_READ). That flight is plaintext up
 * to the ServerHello in TLS 1.3 and up to ServerHelloDone in TLS 1.2, so
 * the negotiated version (supported_versions for TLS 1.3), the suite and
 * the key-exchange group (key_share, or the ServerKeyExchange curve) are
 * read from the bytes: OpenSSL 3.0's SSL object does not report them
 * before the handshake completes. A refusal is an alert record and
 * OpenSSL's reason.
 */
#ifndef TL_SIM_FIRST_FLIGHT_H
#define TL_SIM_FIRST_FLIGHT_H

#include <stdbool.h>
#include <stddef.h>

#include <openssl/ssl.h>

struct tl_first_flight {
	bool answered;     /* a ServerHello (or HelloRetryRequest) was written */
	bool retry;        /* HelloRetryRequest: the client's key shares fit no group */
	unsigned version;  /* 0x0303 TLS 1.2, 0x0304 TLS 1.3, … */
	unsigned suite;    /* IANA code point */
	unsigned group;    /* key-exchange group (IANA), 0 when none was sent */
	int alert;         /* the alert description the server sent, or -1 */
	char reason[128];  /* OpenSSL's reason for a refusal, "" when it answered */
	X509 *certificate; /* the certificate chosen, owned by its SSL_CTX; NULL if none */
};

/*
 * Feeds HELLO (TLS records holding one ClientHello, LEN bytes) to a new
 * server SSL of CTX and fills *OUT. Returns 0, or -1 when the SSL object
 * could not be made (out of memory) or the server's output is not TLS.
 */
int tl_first_flight(SSL_CTX *ctx, const unsigned char *hello, size_t len,
		    struct tl_first_flight *out);

#endif
