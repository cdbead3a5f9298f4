/*
 * Lookups and derived classes over the cipher-suite table
 * (cipher_suites_data.c), and the one question tlslint asks the linked
 * libssl about it: which of these suites does this build still have.
 */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <string.h>

#include "cipher_suites.h"

unsigned
tl_cipher_suite_classes(const struct tl_cipher_suite *s)
{
	unsigned c = 0;

	if (s->min_proto == TL_CS_TLS1_3)
		return TL_CC_TLS13 | TL_CC_AEAD | TL_CC_PFS;
	if (s->enc & TL_E_NULL)
		c |= TL_CC_NULL;
	if (s->auth & TL_A_NULL)
		c |= TL_CC_ANON;
	if (s->strength & TL_S_EXPORT)
		c |= TL_CC_EXPORT;
	if (s->enc & TL_E_DES)
		c |= TL_CC_DES;
	if (s->enc & TL_E_RC2)
		c |= TL_CC_RC2;
	if (s->enc & TL_E_RC4)
		c |= TL_CC_RC4;
	if (s->enc & TL_E_TRIPLEDES)
		c |= TL_CC_3DES;
	if (s->enc & TL_E_IDEA)
		c |= TL_CC_IDEA;
	if (s->enc & TL_E_SEED)
		c |= TL_CC_SEED;
	if (s->enc & TL_E_CAMELLIA)
		c |= TL_CC_CAMELLIA;
	if (s->enc & TL_E_ARIA)
		c |= TL_CC_ARIA;
	if (s->mkey & TL_K_ALL_PSK)
		c |= TL_CC_PSK;
	if (s->mkey & TL_K_SRP)
		c |= TL_CC_SRP;
	if (s->enc & TL_E_CBC)
		c |= TL_CC_CBC;
	if (s->mac & TL_M_SHA1)
		c |= TL_CC_SHA1;
	if (s->mac & TL_M_MD5)
		c |= TL_CC_MD5;
	if (s->mac & TL_M_AEAD)
		c |= TL_CC_AEAD;
	if (s->mkey & TL_K_GOST)
		c |= TL_CC_GOST;
	/* Anonymous suites are ephemeral but unauthenticated: no secrecy worth the name. */
	if ((s->mkey & TL_K_EPHEMERAL) && !(s->auth & TL_A_NULL))
		c |= TL_CC_PFS;
	if (c & (TL_CC_NULL | TL_CC_ANON | TL_CC_EXPORT | TL_CC_DES | TL_CC_RC2 | TL_CC_RC4 |
		 TL_CC_3DES | TL_CC_IDEA | TL_CC_MD5))
		c |= TL_CC_INSECURE;
	return c;
}

const struct tl_cipher_suite *
tl_cipher_suite_by_name(const char *name)
{
	for (size_t i = 0; i < tl_cipher_suites_count; i++) {
		const struct tl_cipher_suite *s = &tl_cipher_suites[i];

		if (strcmp(s->name, name) == 0 || strcmp(s->iana, name) == 0)
			return s;
	}
	return NULL;
}

const struct tl_cipher_suite *
tl_cipher_suite_by_id(uint32_t id)
{
	size_t lo = 0, hi = tl_cipher_suites_count;

	/* The table is sorted by id. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl_cipher_suites[mid].id == id)
			return &tl_cipher_suites[mid];
		if (tl_cipher_suites[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool
tl_cipher_suite_linked(const struct tl_cipher_suite *suite)
{
	static bool known[512];
	static bool asked;

	if (!asked) {
		SSL_CTX *ctx = SSL_CTX_new(TLS_method());
		STACK_OF(SSL_CIPHER) * sk;

		asked = true;
		if (ctx != NULL &&
		    SSL_CTX_set_cipher_list(ctx, "ALL:COMPLEMENTOFALL:@SECLEVEL=0")) {
			sk = SSL_CTX_get_ciphers(ctx);
			for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
				const struct tl_cipher_suite *s = tl_cipher_suite_by_id(
					SSL_CIPHER_get_id(sk_SSL_CIPHER_value(sk, i)));

				if (s != NULL)
					known[s - tl_cipher_suites] = true;
			}
		}
		SSL_CTX_free(ctx);
		ERR_clear_error();
	}
	return known[suite - tl_cipher_suites];
}

bool
tl_cipher_suite_seclevel_ok(const struct tl_cipher_suite *s, int level)
{
	static const int min_bits[] = {0, 80, 112, 128, 192, 256};

	if (level <= 0)
		return true;
	if (level > 5)
		level = 5;
	if (s->strength_bits < min_bits[level])
		return false;
	if (level >= 2 && (s->enc & TL_E_RC4))
		return false;
	if (level >= 3 && s->min_proto != TL_CS_TLS1_3 &&
	    !(s->mkey & (TL_K_DHE | TL_K_ECDHE | TL_K_DHEPSK | TL_K_ECDHEPSK)))
		return false;
	return true;
}

const char *
tl_cipher_proto_name(int min_proto)
{
	switch (min_proto) {
	case TL_CS_SSL3:
		return "SSLv3";
	case TL_CS_TLS1:
		return "TLSv1";
	case TL_CS_TLS1_2:
		return "TLSv1.2";
	case TL_CS_TLS1_3:
		return "TLSv1.3";
	}
	return "unknown";
}

struct bit_name {
	uint32_t bit;
	const char *name;
};

static const char *
bit_name(const struct bit_name *t, uint32_t bits)
{
	for (; t->name != NULL; t++)
		if (t->bit == bits)
			return t->name;
	return "unknown";
}

const char *
tl_cipher_kx_name(const struct tl_cipher_suite *s)
{
	static const struct bit_name t[] = {
		{TL_K_RSA, "RSA"},
		{TL_K_DHE, "DH"},
		{TL_K_ECDHE, "ECDH"},
		{TL_K_PSK, "PSK"},
		{TL_K_RSAPSK, "RSAPSK"},
		{TL_K_ECDHEPSK, "ECDHEPSK"},
		{TL_K_DHEPSK, "DHEPSK"},
		{TL_K_SRP, "SRP"},
		{TL_K_GOST, "GOST"},
		{TL_K_DH_RSA, "DH/RSA"},
		{TL_K_DH_DSS, "DH/DSS"},
		{TL_K_ECDH_RSA, "ECDH/RSA"},
		{TL_K_ECDH_ECDSA, "ECDH/ECDSA"},
		{TL_K_ANY, "any"},
		{0, NULL},
	};

	return bit_name(t, s->mkey);
}

const char *
tl_cipher_auth_name(const struct tl_cipher_suite *s)
{
	static const struct bit_name t[] = {
		{TL_A_RSA, "RSA"},
		{TL_A_DSS, "DSS"},
		{TL_A_NULL, "None"},
		{TL_A_ECDSA, "ECDSA"},
		{TL_A_PSK, "PSK"},
		{TL_A_GOST01, "GOST01"},
		{TL_A_GOST01 | TL_A_GOST12, "GOST12"},
		{TL_A_SRP, "SRP"},
		{TL_A_DH, "DH"},
		{TL_A_ECDH, "ECDH"},
		{TL_A_ANY, "any"},
		{0, NULL},
	};

	return bit_name(t, s->auth);
}

const char *
tl_cipher_enc_name(const struct tl_cipher_suite *s)
{
	static const struct bit_name t[] = {
		{TL_E_DES, "DES"},
		{TL_E_TRIPLEDES, "3DES"},
		{TL_E_RC4, "RC4"},
		{TL_E_RC2, "RC2"},
		{TL_E_IDEA, "IDEA"},
		{TL_E_NULL, "None"},
		{TL_E_AES128, "AES"},
		{TL_E_AES256, "AES"},
		{TL_E_CAMELLIA128, "Camellia"},
		{TL_E_CAMELLIA256, "Camellia"},
		{TL_E_GOST89, "GOST89"},
		{TL_E_SEED, "SEED"},
		{TL_E_AES128GCM, "AESGCM"},
		{TL_E_AES256GCM, "AESGCM"},
		{TL_E_AES128CCM, "AESCCM"},
		{TL_E_AES256CCM, "AESCCM"},
		{TL_E_AES128CCM8, "AESCCM8"},
		{TL_E_AES256CCM8, "AESCCM8"},
		{TL_E_GOST8912, "GOST89"},
		{TL_E_CHACHA20, "CHACHA20/POLY1305"},
		{TL_E_ARIA128GCM, "ARIAGCM"},
		{TL_E_ARIA256GCM, "ARIAGCM"},
		{0, NULL},
	};

	return bit_name(t, s->enc);
}

const char *
tl_cipher_mac_name(const struct tl_cipher_suite *s)
{
	static const struct bit_name t[] = {
		{TL_M_MD5, "MD5"},
		{TL_M_SHA1, "SHA1"},
		{TL_M_GOST94, "GOST94"},
		{TL_M_GOST89MAC, "GOST89"},
		{TL_M_SHA256, "SHA256"},
		{TL_M_SHA384, "SHA384"},
		{TL_M_AEAD, "AEAD"},
		{TL_M_GOST12_256, "GOST2012"},
		{TL_M_GOST89MAC12, "GOST89"},
		{0, NULL},
	};

	return bit_name(t, s->mac);
}

bool
tl_cipher_suites13_any_known(const char *list)
{
	for (const char *p = list; *p != '\0';) {
		size_t len = strcspn(p, ":");
		char name[64];

		if (len < sizeof(name)) {
			const struct tl_cipher_suite *cs;

			memcpy(name, p, len);
			name[len] = '\0';
			cs = tl_cipher_suite_by_name(name);
			if (cs != NULL && cs->min_proto == TL_CS_TLS1_3)
				return true;
		}
		p += len + (p[len] == ':');
	}
	return list[0] == '\0';
}
