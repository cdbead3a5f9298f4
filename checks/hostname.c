/*
 * RFC 6125 host name matching and subjectAltName extraction for the name
 * checks. See hostname.h for the rules; the comments below say where they
 * come from when a rule is not obvious.
 */
#include "hostname.h"

#include <arpa/inet.h>
#include <openssl/x509v3.h>
#include <stdint.h>
#include <string.h>

/* Length without one trailing dot: "example.com." and "example.com" are one name. */
static size_t
trimmed_len(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[n - 1] == '.' ? n - 1 : n;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
equal_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return false;
	return true;
}

/*
 * A name clients can send or certificates can hold: printable ASCII only
 * (U-labels must be in their xn-- form), no empty label, no '*'.
 */
static bool
plain_name(const char *s, size_t n)
{
	size_t label = 0;

	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || c == '*')
			return false;
		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
		} else
			label++;
	}
	return label > 0;
}

bool
tl_hostname_equal(const char *a, const char *b)
{
	size_t an = trimmed_len(a), bn = trimmed_len(b);

	return an == bn && an > 0 && equal_nocase(a, b, an);
}

bool
tl_hostname_match(const char *pattern, const char *host)
{
	size_t pn = trimmed_len(pattern), hn = trimmed_len(host);
	const char *dot;

	if (!plain_name(host, hn))
		return false;
	if (pn >= 2 && pattern[0] == '*' && pattern[1] == '.') {
		const char *suffix = pattern + 1; /* ".example.com" */
		size_t sn = pn - 1;

		/*
		 * At least two labels after the wildcard, as OpenSSL requires:
		 * "*.com" would cover a whole top-level domain.
		 */
		if (!plain_name(suffix + 1, sn - 1) || memchr(suffix + 1, '.', sn - 1) == NULL)
			return false;
		/* Exactly one label: the host's first label, non-empty, then the suffix. */
		dot = memchr(host, '.', hn);
		if (dot == NULL || dot == host)
			return false;
		return (size_t)(host + hn - dot) == sn && equal_nocase(dot, suffix, sn);
	}
	/* Any other '*' is a partial wildcard or worse, which modern clients never match. */
	if (!plain_name(pattern, pn))
		return false;
	return pn == hn && equal_nocase(pattern, host, pn);
}

int
tl_hostname_ip(const char *host, unsigned char out[16])
{
	char buf[64];
	size_t n = strlen(host);

	if (inet_pton(AF_INET, host, out) == 1)
		return 4;
	if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof(buf)) {
		memcpy(buf, host + 1, n - 2);
		buf[n - 2] = '\0';
		host = buf;
	}
	if (inet_pton(AF_INET6, host, out) == 1)
		return 16;
	return 0;
}

bool
tl_hostname_is_ascii(const char *name)
{
	for (; *name; name++)
		if ((unsigned char)*name >= 0x80)
			return false;
	return true;
}

/* ---- Punycode (RFC 3492 §6.3, the reference encoder) ---- */

enum { BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, MAX_LABEL = 63 };

static uint32_t
adapt(uint32_t delta, uint32_t numpoints, bool first)
{
	uint32_t k = 0;

	delta = first ? delta / DAMP : delta / 2;
	delta += delta / numpoints;
	while (delta > ((BASE - TMIN) * TMAX) / 2) {
		delta /= BASE - TMIN;
		k += BASE;
	}
	return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
}

static char
digit(uint32_t d)
{
	return (char)(d < 26 ? 'a' + d : '0' + d - 26);
}

/* Decodes one UTF-8 sequence at *P into *CP; false when malformed. */
static bool
utf8_next(const unsigned char **p, const unsigned char *end, uint32_t *cp)
{
	const unsigned char *s = *p;
	int extra;
	uint32_t c = *s++;

	if (c < 0x80)
		extra = 0;
	else if ((c & 0xe0) == 0xc0)
		extra = 1, c &= 0x1f;
	else if ((c & 0xf0) == 0xe0)
		extra = 2, c &= 0x0f;
	else if ((c & 0xf8) == 0xf0)
		extra = 3, c &= 0x07;
	else
		return false;
	if (end - s < extra)
		return false;
	for (int i = 0; i < extra; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return false;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are not characters. */
	if ((extra == 1 && c < 0x80) || (extra == 2 && c < 0x800) || (extra == 3 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return false;
	*p = s + extra;
	*cp = c;
	return true;
}

/* Appends the A-label of the UTF-8 label [S, END) to OUT; false on bad input or overflow. */
static bool
encode_label(const unsigned char *s, const unsigned char *end, char *out, size_t size, size_t *pos)
{
	uint32_t cps[MAX_LABEL + 1], n = 0x80, delta = 0, bias = 72, h, b = 0, len = 0;
	size_t o = *pos;
	bool ascii = true;

#define PUT(ch)                                                                                    \
	do {                                                                                       \
		if (o + 1 >= size)                                                                 \
			return false;                                                              \
		out[o++] = (ch);                                                                   \
	} while (0)

	while (s < end) {
		if (len > MAX_LABEL || !utf8_next(&s, end, &cps[len]))
			return false;
		if (cps[len] >= 0x80)
			ascii = false;
		else
			cps[len] = (uint32_t)lower((int)cps[len]);
		len++;
	}
	if (!ascii) {
		PUT('x');
		PUT('n');
		PUT('-');
		PUT('-');
	}
	for (uint32_t i = 0; i < len; i++)
		if (cps[i] < 0x80) {
			PUT((char)cps[i]);
			b++;
		}
	if (ascii) {
		*pos = o;
		return true;
	}
	if (b > 0)
		PUT('-');
	for (h = b; h < len; n++, delta++) {
		uint32_t m = UINT32_MAX;

		for (uint32_t i = 0; i < len; i++)
			if (cps[i] >= n && cps[i] < m)
				m = cps[i];
		delta += (m - n) * (h + 1);
		n = m;
		for (uint32_t i = 0; i < len; i++) {
			uint32_t q = delta;

			if (cps[i] < n)
				delta++;
			if (cps[i] != n)
				continue;
			q = delta;
			for (uint32_t k = BASE;; k += BASE) {
				uint32_t t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;

				if (q < t)
					break;
				PUT(digit(t + (q - t) % (BASE - t)));
				q = (q - t) / (BASE - t);
			}
			PUT(digit(q));
			bias = adapt(delta, h + 1, h == b);
			delta = 0;
			h++;
		}
	}
#undef PUT
	*pos = o;
	return true;
}

char *
tl_hostname_to_alabel(const char *name, char *buf, size_t size)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t pos = 0;

	if (size == 0)
		return NULL;
	for (;;) {
		const unsigned char *dot = (const unsigned char *)strchr((const char *)s, '.');
		const unsigned char *end = dot ? dot : s + strlen((const char *)s);

		if (!encode_label(s, end, buf, size, &pos))
			return NULL;
		if (dot == NULL)
			break;
		if (pos + 1 >= size)
			return NULL;
		buf[pos++] = '.';
		s = dot + 1;
	}
	buf[pos] = '\0';
	return buf;
}

/* ---- subjectAltName ---- */

const struct tl_san *
tl_cert_sans(struct tl_arena *arena, X509 *cert, size_t *n, bool *has_ext)
{
	GENERAL_NAMES *gens = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
	struct tl_san *sans;
	size_t count = 0;

	*n = 0;
	*has_ext = gens != NULL;
	if (gens == NULL)
		return NULL;
	sans = tl_arena_calloc(arena, (size_t)sk_GENERAL_NAME_num(gens) + 1, sizeof(*sans));
	for (int i = 0; i < sk_GENERAL_NAME_num(gens); i++) {
		const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);
		struct tl_san *san = &sans[count];

		if (g->type == GEN_DNS) {
			const char *data = (const char *)ASN1_STRING_get0_data(g->d.dNSName);
			int len = ASN1_STRING_length(g->d.dNSName);

			/* An embedded NUL would make "evil.com\0.example.com" look like a name. */
			if (len <= 0 || memchr(data, '\0', (size_t)len) != NULL)
				continue;
			san->text = tl_arena_strndup(arena, data, (size_t)len);
			count++;
		} else if (g->type == GEN_IPADD) {
			int len = ASN1_STRING_length(g->d.iPAddress);
			char text[INET6_ADDRSTRLEN];

			if (len != 4 && len != 16)
				continue;
			memcpy(san->addr, ASN1_STRING_get0_data(g->d.iPAddress), (size_t)len);
			san->addrlen = len;
			san->ip = true;
			if (inet_ntop(len == 4 ? AF_INET : AF_INET6, san->addr, text,
				      sizeof(text)) == NULL)
				continue;
			san->text = tl_arena_strdup(arena, text);
			count++;
		}
	}
	GENERAL_NAMES_free(gens);
	*n = count;
	return sans;
}

bool
tl_sans_cover(const struct tl_san *sans, size_t n, const char *host)
{
	unsigned char addr[16];
	int alen = tl_hostname_ip(host, addr);

	for (size_t i = 0; i < n; i++) {
		if (alen != 0) {
			if (sans[i].ip && sans[i].addrlen == alen &&
			    memcmp(sans[i].addr, addr, alen) == 0)
				return true;
		} else if (!sans[i].ip && tl_hostname_match(sans[i].text, host))
			return true;
	}
	return false;
}

const char *
tl_sans_text(struct tl_arena *arena, const struct tl_san *sans, size_t n, size_t max)
{
	const char *s = "";

	if (n == 0)
		return "no DNS or IP names";
	for (size_t i = 0; i < n && i < max; i++)
		s = tl_arena_printf(arena, "%s%s%s:%s", s, i ? ", " : "", sans[i].ip ? "IP" : "DNS",
				    sans[i].text);
	if (n > max)
		s = tl_arena_printf(arena, "%s and %zu more", s, n - max);
	return s;
}
