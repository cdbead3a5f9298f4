/*
 * Older clients that cannot be captured here (issue 13, item 3): each is
 * its published parameters (versions, cipher suites in the client's
 * order, groups, signature algorithms, the extensions it sends) as our
 * own tables of IANA code points, and hello_build.c encodes a ClientHello
 * from them. Every profile names where its facts come from; where the
 * public record is thin the source says so, and says what was
 * reconstructed. Not modelled for any of them: GREASE, the exact
 * extension order and padding, extensions that do not change a server's
 * choice (NPN, SCT, channel id, heartbeat), more than one ec_point_format,
 * and TLS 1.3 drafts (a client whose only TLS 1.3 was a draft is a
 * TLS 1.2 client here). docs/design.md, "Legacy client profiles".
 */
#include "profiles_tables.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define SUITES(a) .suites = (a), .nsuites = N(a)
#define GROUPS(a) .groups = (a), .ngroups = N(a)
#define SIGALGS(a) .sigalgs = (a), .nsigalgs = N(a)
#define VERSIONS(a) .versions = (a), .nversions = N(a)
#define SHARES(a) .key_shares = (a), .nkey_shares = N(a)

/* ---- shared lists ---- */

/* OpenSSL 1.0.x's default elliptic_curves (t1_lib.c eccurves_default): all 25 named curves. */
static const uint16_t curves_openssl10[] = {
	0x000e, 0x000d, 0x0019, 0x000b, 0x000c, 0x0018, 0x0009, 0x000a, 0x0016,
	0x0017, 0x0008, 0x0006, 0x0007, 0x0014, 0x0015, 0x0004, 0x0005, 0x0012,
	0x0013, 0x0001, 0x0002, 0x0003, 0x000f, 0x0010, 0x0011,
};
/* OpenSSL 1.0.1/1.0.2's tls12_sigalgs: SHA-512 down to SHA-1, each with RSA, DSA, ECDSA. */
static const uint16_t sigalgs_openssl10[] = {
	0x0601, 0x0602, 0x0603, 0x0501, 0x0502, 0x0503, 0x0401, 0x0402,
	0x0403, 0x0301, 0x0302, 0x0303, 0x0201, 0x0202, 0x0203,
};
static const uint16_t p256_p384_p521[] = {0x0017, 0x0018, 0x0019};
static const uint16_t x25519_p256_p384[] = {0x001d, 0x0017, 0x0018};
static const uint16_t p256_p384[] = {0x0017, 0x0018};
static const uint16_t x25519[] = {0x001d};
static const uint16_t tls13_down_to_10[] = {0x0304, 0x0303, 0x0302, 0x0301};
/* BoringSSL before RSA-PSS (2015-2016): SHA-512 to SHA-1, RSA and ECDSA. */
static const uint16_t sigalgs_boringssl2015[] = {
	0x0601, 0x0603, 0x0501, 0x0503, 0x0401, 0x0403, 0x0301, 0x0303, 0x0201, 0x0203,
};
/* BoringSSL with RSA-PSS (2017 on): ECDSA P-256 first, PSS beside each PKCS#1 hash. */
static const uint16_t sigalgs_boringssl2017[] = {
	0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201,
};

/* ---- Android ---- */

/*
 * Android 4.4 (API 19): libcore's NativeCrypto of KitKat, read for this
 * table in CyanogenMod's android_libcore, branch cm-11.0 (Android 4.4):
 * getDefaultProtocols() is SSLv3 and TLSv1, so the hello says TLS 1.0;
 * getDefaultCipherSuites() in its order, RC4-MD5 and RC4-SHA first, the
 * export suites last, then the renegotiation SCSV. OpenSSL 1.0.1
 * underneath: its curve list (recalled). Session tickets: Android's
 * HttpsURLConnection (OkHttp) turns them on (recalled).
 */
static const uint16_t android44_suites[] = {
	0x0004, 0x0005, 0x002f, 0x0035, 0xc002, 0xc004, 0xc005, 0xc00c, 0xc00e,
	0xc00f, 0xc007, 0xc009, 0xc00a, 0xc011, 0xc013, 0xc014, 0x0033, 0x0039,
	0x0032, 0x0038, 0x000a, 0xc003, 0xc00d, 0xc008, 0xc012, 0x0016, 0x0013,
	0x0009, 0x0015, 0x0012, 0x0003, 0x0008, 0x0014, 0x0011, 0x00ff,
};
static const struct tl_hello_params android44 = {
	.record_version = 0x0301,
	.legacy_version = 0x0301,
	SUITES(android44_suites),
	GROUPS(curves_openssl10),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
};

/*
 * Android 5.0 (API 21): Conscrypt's NativeCrypto.DEFAULT_X509_CIPHER_SUITES
 * and DEFAULT_PROTOCOLS (TLS 1.0 to 1.2), read for this table in
 * CyanogenMod's android_external_conscrypt, branch cm-12.0 (Android 5.0):
 * AES-GCM first, 128 before 256, RC4 still last but one. Lollipop's
 * Conscrypt still links OpenSSL (external/openssl), so the renegotiation
 * SCSV rather than the extension, and OpenSSL 1.0.1's signature
 * algorithms; the curves (P-256, P-384, P-521) are recalled.
 */
static const uint16_t android50_suites[] = {
	0xc02b, 0xc02c, 0xc02f, 0xc030, 0x009e, 0x009f, 0xc009, 0xc00a, 0xc013, 0xc014, 0x0033,
	0x0039, 0x0032, 0x0038, 0xc007, 0xc011, 0x009c, 0x009d, 0x002f, 0x0035, 0x0005, 0x00ff,
};
static const struct tl_hello_params android50 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(android50_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_openssl10),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
};

/*
 * Android 7.x (API 24/25): Conscrypt's NativeCrypto.DEFAULT_X509_CIPHER_SUITES
 * (the list used when EVP_has_aes_hardware() is true), read for this table
 * in the API 25 framework (com/android/org/conscrypt/NativeCrypto) and, the
 * same, in CyanogenMod's android_external_conscrypt, branch staging/cm-14.0
 * (Android 7.0).
 * The SSLSocket table enables ChaCha20 from 24 and DHE until 25, so API 24
 * has the same set; BoringSSL underneath (X25519 first, the
 * renegotiation_info and extended_master_secret extensions).
 */
static const uint16_t android70_suites[] = {
	0xc02b, 0xc02c, 0xcca9, 0xc02f, 0xc030, 0xcca8, 0x009e, 0x009f, 0xc009,
	0xc00a, 0xc013, 0xc014, 0x0033, 0x0039, 0x009c, 0x009d, 0x002f, 0x0035,
};
static const struct tl_hello_params android70 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(android70_suites),
	GROUPS(x25519_p256_p384),
	SIGALGS(sigalgs_boringssl2015),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
};

/*
 * Android 6.0 (API 23): the API 25 list above without what the SSLSocket
 * table enables only from 24 (ChaCha20-Poly1305); BoringSSL of 2015
 * (P-256, P-384, P-521; no X25519). Derived, not captured.
 */
static const uint16_t android60_suites[] = {
	0xc02b, 0xc02c, 0xc02f, 0xc030, 0x009e, 0x009f, 0xc009, 0xc00a,
	0xc013, 0xc014, 0x0033, 0x0039, 0x009c, 0x009d, 0x002f, 0x0035,
};
static const struct tl_hello_params android60 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(android60_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_boringssl2015),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
};

/*
 * Android 8.x and 9 (API 26-28): the API 25 list without the DHE suites,
 * which the SSLSocket table enables only up to 25; BoringSSL of 2017-2018
 * (RSA-PSS signature algorithms). TLS 1.3 only from Android 10.
 */
static const uint16_t android81_suites[] = {
	0xc02b, 0xc02c, 0xcca9, 0xc02f, 0xc030, 0xcca8, 0xc009,
	0xc00a, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035,
};
static const struct tl_hello_params android81 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(android81_suites),
	GROUPS(x25519_p256_p384),
	SIGALGS(sigalgs_boringssl2017),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
};

/*
 * Android 10 (API 29): TLS 1.3 enabled by default (SSLSocket table:
 * TLSv1.3 29+; the TLS_AES_* and TLS_CHACHA20_POLY1305_SHA256 suites
 * 29+), before the API 26-28 TLS 1.2 list; BoringSSL sends one X25519
 * key share. Order of the three TLS 1.3 suites as BoringSSL fixes it
 * (AES-128-GCM, AES-256-GCM, ChaCha20); not checked against a capture.
 */
static const uint16_t android10_suites[] = {
	0x1301, 0x1302, 0x1303, 0xc02b, 0xc02c, 0xcca9, 0xc02f, 0xc030, 0xcca8,
	0xc009, 0xc00a, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035,
};
static const struct tl_hello_params android10 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(android10_suites),
	GROUPS(x25519_p256_p384),
	SIGALGS(sigalgs_boringssl2017),
	VERSIONS(tls13_down_to_10),
	SHARES(x25519),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
};

/* ---- Windows (Schannel): Internet Explorer and Edge ---- */

/*
 * IE 8 on Windows XP SP3: Schannel of XP speaks SSL 3.0 and TLS 1.0, sends
 * no extensions at all (so no server_name: XP's Schannel has no SNI) and
 * offers its default list in the order of Microsoft's "TLS Cipher Suites"
 * page for Windows Server 2003 and Windows XP (MicrosoftDocs/win32
 * desktop-src/SecAuthN/tls-cipher-suites.md, read for this table): RC4 and
 * 3DES first, then DES and the export suites; the two NULL suites at its
 * end are left out, as Schannel offers them only when asked to.
 */
static const uint16_t ie8_xp_suites[] = {
	0x0004, 0x0005, 0x000a, 0x0013, 0x0009, 0x0012, 0x0064, 0x0062, 0x0063, 0x0003, 0x0006,
};
static const struct tl_hello_params ie8_xp = {
	.record_version = 0x0301,
	.legacy_version = 0x0301,
	SUITES(ie8_xp_suites),
};

/*
 * IE 11 on Windows 7 and 8.1: Schannel's default priority lists of
 * Microsoft Learn, "TLS Cipher Suites in Windows 7" (after update 3042058)
 * and "... in Windows 8.1" (after update 2919355), identical, read for
 * this table (MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-
 * in-windows-7.md and -8-1.md): no ECDHE-RSA with AES-GCM on either (a
 * known gap of Windows before 10). The _P256/_P384 variants of the pages
 * are one code point each. The pages end with RC4-SHA and RC4-MD5, left
 * out: IE 11 stopped offering RC4 with Microsoft's 2016 update (Security
 * Advisory 2868725), recalled, not read here.
 * Curves P-256 and P-384; the signature algorithms as Schannel of that
 * era sends them. Windows 8.1 adds ALPN (h2 in IE 11 on 8.1).
 * Extensions from the Schannel documentation, not a capture.
 */
static const uint16_t ie11_suites[] = {
	0xc028, 0xc027, 0xc014, 0xc013, 0x009f, 0x009e, 0x0039, 0x0033, 0x009d,
	0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0xc02c, 0xc02b, 0xc024, 0xc023,
	0xc00a, 0xc009, 0x006a, 0x0040, 0x0038, 0x0032, 0x000a, 0x0013,
};
static const uint16_t sigalgs_schannel61[] = {
	0x0401, 0x0501, 0x0201, 0x0403, 0x0503, 0x0203, 0x0202, 0x0601, 0x0603,
};
static const struct tl_hello_params ie11_win7 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(ie11_suites),
	GROUPS(p256_p384),
	SIGALGS(sigalgs_schannel61),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.status_request = true,
};
static const struct tl_hello_params ie11_win81 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(ie11_suites),
	GROUPS(p256_p384),
	SIGALGS(sigalgs_schannel61),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.status_request = true,
	.session_ticket = true,
	.alpn_h2 = true,
};

/*
 * Edge 18 (EdgeHTML) on Windows 10 1809: Schannel's default list of
 * Microsoft Learn, "TLS Cipher Suites in Windows 10 v1809" (MicrosoftDocs/
 * win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1809.md,
 * read for this table; the NULL suites it lists are offered only when
 * asked for); TLS 1.2 at most (Schannel has TLS 1.3 only from Windows 11);
 * X25519 first (Windows 10 1607 and later). Extensions and signature
 * algorithms as recalled, not captured.
 */
static const uint16_t edge18_suites[] = {
	0xc02c, 0xc02b, 0xc030, 0xc02f, 0x009f, 0x009e, 0xc024, 0xc023, 0xc028, 0xc027, 0xc00a,
	0xc009, 0xc014, 0xc013, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x000a,
};
static const uint16_t sigalgs_schannel10[] = {
	0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0201,
	0x0403, 0x0503, 0x0203, 0x0202, 0x0601, 0x0603,
};
static const struct tl_hello_params edge18 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(edge18_suites),
	GROUPS(x25519_p256_p384),
	SIGALGS(sigalgs_schannel10),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
	.status_request = true,
	.alpn_h2 = true,
};

/* ---- Apple (Secure Transport): Safari ---- */

/*
 * Safari 9 on iOS 9, Safari 10 on macOS 10.12, Safari 12 on iOS 12:
 * Apple publishes no cipher list for Secure Transport. These are the
 * lists as public scans of those releases recorded them (ECDHE-ECDSA
 * before ECDHE-RSA, AES-256 before AES-128, 3DES last; ChaCha20 from
 * iOS 10/macOS 10.12); the source is thin and not checked against a
 * capture. iOS 12 had TLS 1.3 only as a disabled draft: TLS 1.2 here.
 */
static const uint16_t safari9_suites[] = {
	0xc02c, 0xc02b, 0xc024, 0xc023, 0xc00a, 0xc009, 0xc030, 0xc02f, 0xc028, 0xc027, 0xc014,
	0xc013, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0xc008, 0xc012, 0x000a,
};
static const uint16_t safari10_suites[] = {
	0xc02c, 0xc02b, 0xc024, 0xc023, 0xc00a, 0xc009, 0xcca9, 0xc030,
	0xc02f, 0xc028, 0xc027, 0xc014, 0xc013, 0xcca8, 0x009d, 0x009c,
	0x003d, 0x003c, 0x0035, 0x002f, 0xc008, 0xc012, 0x000a,
};
static const uint16_t sigalgs_apple2015[] = {
	0x0401, 0x0201, 0x0501, 0x0601, 0x0403, 0x0203, 0x0503, 0x0603,
};
static const uint16_t sigalgs_apple2018[] = {
	0x0403, 0x0804, 0x0401, 0x0503, 0x0203, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201,
};
static const uint16_t x25519_p256_p384_p521[] = {0x001d, 0x0017, 0x0018, 0x0019};
static const struct tl_hello_params safari9 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(safari9_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_apple2015),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.status_request = true,
	.alpn_h2 = true,
};
static const struct tl_hello_params safari10 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(safari10_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_apple2015),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.status_request = true,
	.extended_master_secret = true,
	.alpn_h2 = true,
};
static const struct tl_hello_params safari12 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(safari10_suites),
	GROUPS(x25519_p256_p384_p521),
	SIGALGS(sigalgs_apple2018),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.status_request = true,
	.extended_master_secret = true,
	.alpn_h2 = true,
};

/* ---- Java (SunJSSE) ---- */

/*
 * Java 7u25: JDK 7 enables TLS 1.1/1.2 on the server side only, so a
 * client says TLS 1.0 (Oracle, "JDK 7 ... SunJSSE Provider" and the JDK 8
 * release notes on TLS 1.2 becoming the client default). Suites in the
 * default order of Oracle's "Java Cryptography Architecture Oracle
 * Providers Documentation for JDK 7" (SunJSSE table; AES-128 first, the
 * static ECDH suites among them, RC4 before 3DES, the SCSV last). Java 7
 * sends server_name and a long elliptic_curves list, no session ticket.
 */
static const uint16_t java7_suites[] = {
	0xc009, 0xc013, 0x002f, 0xc004, 0xc00e, 0x0033, 0x0032, 0xc007, 0xc011, 0x0005, 0xc002,
	0xc00c, 0x0004, 0xc008, 0xc012, 0x000a, 0xc003, 0xc00d, 0x0016, 0x0013, 0x00ff,
};
static const uint16_t curves_java7[] = {
	0x0017, 0x0001, 0x0003, 0x0013, 0x0015, 0x0006, 0x0007, 0x0009, 0x000a,
	0x0018, 0x000b, 0x000c, 0x0019, 0x000d, 0x000e, 0x000f, 0x0010, 0x0011,
	0x0002, 0x0012, 0x0004, 0x0005, 0x0014, 0x0008, 0x0016,
};
static const struct tl_hello_params java7 = {
	.record_version = 0x0301,
	.legacy_version = 0x0301,
	SUITES(java7_suites),
	GROUPS(curves_java7),
	.sni = true,
	.ec_point_formats = true,
};

/*
 * Java 8u161: TLS 1.2 by default, the unlimited crypto policy by default
 * from 8u161 (so AES-256 suites first); suites in the priority order of
 * the default-enabled table of OpenJDK 8's sun/security/ssl/CipherSuite.java
 * (read for this table: CBC with SHA-2 before AES-GCM, "we decrease the
 * priority of cipher suites in GCM mode", RC4 no longer enabled), the
 * same order as Oracle's JDK 8 SunJSSE documentation; the default groups
 * of jdk.tls.namedGroups, the signature algorithms of SunJSSE 8, and
 * extended_master_secret (8u161 has it, JDK-8148421).
 */
static const uint16_t java8_suites[] = {
	0xc024, 0xc028, 0x003d, 0xc026, 0xc02a, 0x006b, 0x006a, 0xc00a, 0xc014, 0x0035,
	0xc005, 0xc00f, 0x0039, 0x0038, 0xc023, 0xc027, 0x003c, 0xc025, 0xc029, 0x0067,
	0x0040, 0xc009, 0xc013, 0x002f, 0xc004, 0xc00e, 0x0033, 0x0032, 0xc02c, 0xc02b,
	0xc030, 0x009d, 0xc02e, 0xc032, 0x009f, 0x00a3, 0xc02f, 0x009c, 0xc02d, 0xc031,
	0x009e, 0x00a2, 0xc008, 0xc012, 0x000a, 0xc003, 0xc00d, 0x0016, 0x0013, 0x00ff,
};
static const uint16_t groups_java8[] = {
	0x0017, 0x0018, 0x0019, 0x0009, 0x000a, 0x000b, 0x000c, 0x000d, 0x000e, 0x0016,
};
static const uint16_t sigalgs_java8[] = {
	0x0603, 0x0601, 0x0503, 0x0501, 0x0403, 0x0401, 0x0303,
	0x0301, 0x0302, 0x0203, 0x0201, 0x0202, 0x0402,
};
static const struct tl_hello_params java8 = {
	.record_version = 0x0303,
	.legacy_version = 0x0303,
	SUITES(java8_suites),
	GROUPS(groups_java8),
	SIGALGS(sigalgs_java8),
	.sni = true,
	.ec_point_formats = true,
	.extended_master_secret = true,
};

/*
 * Java 11 (11.0.x updates): TLS 1.3 and 1.2 (JEP 332). Suites in the order
 * of the default-enabled part of the CipherSuite enum of the OpenJDK 11-13
 * line (read in jdk13u-dev's sun/security/ssl/CipherSuite.java): TLS 1.3
 * first, forward-secret AEAD, CBC, the static ECDH suites, then static
 * RSA; its 3DES entries are not sent, since jdk.tls.disabledAlgorithms
 * disables 3DES_EDE_CBC. ChaCha20 arrived in JDK 12 and 11 updates
 * (recalled). Named groups of JEP 324 (X25519 first, its key share) and
 * the FFDHE groups; status_request (client stapling is on by default from
 * JDK 9). No session_ticket (JDK 13 added it). Groups, signature
 * algorithms and extensions recalled and compared with the captured Java
 * 17, not captured from Java 11.
 */
static const uint16_t java11_suites[] = {
	0x1302, 0x1301, 0x1303, 0xc02c, 0xc02b, 0xcca9, 0xc030, 0xcca8, 0xc02f, 0x009f,
	0xccaa, 0x00a3, 0x009e, 0x00a2, 0xc024, 0xc028, 0xc023, 0xc027, 0x006b, 0x006a,
	0x0067, 0x0040, 0xc02e, 0xc032, 0xc02d, 0xc031, 0xc026, 0xc02a, 0xc025, 0xc029,
	0xc00a, 0xc014, 0xc009, 0xc013, 0x0039, 0x0038, 0x0033, 0x0032, 0xc005, 0xc00f,
	0xc004, 0xc00e, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x00ff,
};
static const uint16_t groups_java11[] = {
	0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0009, 0x000a, 0x000b, 0x000c,
	0x000d, 0x000e, 0x0016, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104,
};
static const uint16_t sigalgs_java11[] = {
	0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0401,
	0x0501, 0x0601, 0x0402, 0x0303, 0x0301, 0x0302, 0x0203, 0x0201, 0x0202,
};
static const uint16_t tls13_12[] = {0x0304, 0x0303};
static const struct tl_hello_params java11 = {
	.record_version = 0x0303,
	.legacy_version = 0x0303,
	SUITES(java11_suites),
	GROUPS(groups_java11),
	SIGALGS(sigalgs_java11),
	VERSIONS(tls13_12),
	SHARES(x25519),
	.sni = true,
	.ec_point_formats = true,
	.extended_master_secret = true,
	.status_request = true,
};

/* ---- OpenSSL (s_client and programs using SSLv23_client_method defaults) ---- */

/*
 * OpenSSL 1.0.1: the default list "ALL:!aNULL:!eNULL:!SSLv2" in
 * ssl_create_cipher_list's strength order, ECDHE before DHE before static
 * within each, SRP and PSK left out as ssl_cipher_list_to_bytes does
 * without their callbacks; TLS 1.2 since 1.0.1. Reconstructed by hand
 * from the 1.0.1 sources' rules (ssl/ssl_ciph.c, ssl/s3_lib.c, t1_lib.c)
 * and checked against the captured 1.0.2zl hello below, which has the
 * same shape; 1.0.1 differs in counting 3DES at 168 bits (before the
 * 128-bit suites), in still enabling the export and single-DES suites,
 * and in its curve list. Not captured: a 1.0.1k source tree would not
 * build with this machine's compiler.
 */
static const uint16_t openssl101_suites[] = {
	0xc030, 0xc02c, 0xc028, 0xc024, 0xc014, 0xc00a, 0x00a3, 0x009f, 0x006b, 0x006a, 0x0039,
	0x0038, 0x0088, 0x0087, 0xc032, 0xc02e, 0xc02a, 0xc026, 0xc00f, 0xc005, 0x009d, 0x003d,
	0x0035, 0x0084, 0xc012, 0xc008, 0x0016, 0x0013, 0xc00d, 0xc003, 0x000a, 0xc02f, 0xc02b,
	0xc027, 0xc023, 0xc013, 0xc009, 0x00a2, 0x009e, 0x0067, 0x0040, 0x0033, 0x0032, 0x009a,
	0x0099, 0x0045, 0x0044, 0xc031, 0xc02d, 0xc029, 0xc025, 0xc00e, 0xc004, 0x009c, 0x003c,
	0x002f, 0x0096, 0x0041, 0x0007, 0xc011, 0xc007, 0xc00c, 0xc002, 0x0005, 0x0004, 0x0015,
	0x0012, 0x0009, 0x0014, 0x0011, 0x0008, 0x0006, 0x0003, 0x00ff,
};
static const struct tl_hello_params openssl101 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(openssl101_suites),
	GROUPS(curves_openssl10),
	SIGALGS(sigalgs_openssl10),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
};

/*
 * OpenSSL 1.0.2: the hello `openssl s_client -servername` of OpenSSL
 * 1.0.2zl (the last 1.0.2 release; source github.com/alsyundawy/
 * openssl-1.0.2, built here with `./config no-shared no-asm`) sent to a
 * capture listener on 2026-12-02, written down as parameters: DEFAULT in
 * its strength order, 3DES counted at 112 bits and so after RC4, the
 * renegotiation SCSV last. Left out: the two GOST suites (0x0080, 0x0081)
 * of that static build, which a distribution's OpenSSL offers only with
 * the gost engine loaded; the heartbeat extension; two of its three
 * ec_point_formats. The 1.0.2 curve list (brainpool added).
 */
static const uint16_t openssl102_suites[] = {
	0xc030, 0xc02c, 0xc028, 0xc024, 0xc014, 0xc00a, 0x00a3, 0x009f, 0x006b, 0x006a, 0x0039,
	0x0038, 0x0088, 0x0087, 0xc032, 0xc02e, 0xc02a, 0xc026, 0xc00f, 0xc005, 0x009d, 0x003d,
	0x0035, 0x0084, 0xc02f, 0xc02b, 0xc027, 0xc023, 0xc013, 0xc009, 0x00a2, 0x009e, 0x0067,
	0x0040, 0x0033, 0x0032, 0x009a, 0x0099, 0x0045, 0x0044, 0xc031, 0xc02d, 0xc029, 0xc025,
	0xc00e, 0xc004, 0x009c, 0x003c, 0x002f, 0x0096, 0x0041, 0x0007, 0xc011, 0xc007, 0xc00c,
	0xc002, 0x0005, 0x0004, 0xc012, 0xc008, 0x0016, 0x0013, 0xc00d, 0xc003, 0x000a, 0x00ff,
};
static const uint16_t curves_openssl102[] = {
	0x0017, 0x0019, 0x001c, 0x001b, 0x0018, 0x001a, 0x0016,
	0x000e, 0x000d, 0x000b, 0x000c, 0x0009, 0x000a,
};
static const struct tl_hello_params openssl102 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(openssl102_suites),
	GROUPS(curves_openssl102),
	SIGALGS(sigalgs_openssl10),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
};

/*
 * OpenSSL 1.1.0 and 1.1.1: DEFAULT "ALL:!COMPLEMENTOFDEFAULT:!eNULL" with
 * the preference rules 1.1.0 introduced (ECDHE first, AEAD first, then
 * by strength), which give the TLS 1.2 part of the captured OpenSSL 3.0
 * hello exactly (testdata/clients/hello/openssl-3.0-linux.json); 1.1.1
 * puts its TLS 1.3 suites in front and sends one X25519 key share.
 * Groups: 1.1.0 X25519, P-256, P-521, P-384; 1.1.1 adds X448 (t1_lib.c
 * eccurves_default). Signature algorithms: 1.1.0's tls12_sigalgs; 1.1.1's
 * tls12_sigalgs with Ed25519/Ed448 and RSA-PSS.
 */
static const uint16_t openssl110_suites[] = {
	0xc02c, 0xc030, 0x009f, 0xcca9, 0xcca8, 0xccaa, 0xc02b, 0xc02f, 0x009e, 0xc024,
	0xc028, 0x006b, 0xc023, 0xc027, 0x0067, 0xc00a, 0xc014, 0x0039, 0xc009, 0xc013,
	0x0033, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x00ff,
};
static const uint16_t openssl111_suites[] = {
	0x1302, 0x1303, 0x1301, 0xc02c, 0xc030, 0x009f, 0xcca9, 0xcca8, 0xccaa, 0xc02b, 0xc02f,
	0x009e, 0xc024, 0xc028, 0x006b, 0xc023, 0xc027, 0x0067, 0xc00a, 0xc014, 0x0039, 0xc009,
	0xc013, 0x0033, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x00ff,
};
static const uint16_t groups_openssl110[] = {0x001d, 0x0017, 0x0019, 0x0018};
static const uint16_t groups_openssl111[] = {0x001d, 0x0017, 0x001e, 0x0019, 0x0018};
static const uint16_t sigalgs_openssl111[] = {
	0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080a, 0x080b,
	0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0303, 0x0203,
	0x0301, 0x0201, 0x0302, 0x0202, 0x0402, 0x0502, 0x0602,
};
static const struct tl_hello_params openssl110 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(openssl110_suites),
	GROUPS(groups_openssl110),
	SIGALGS(sigalgs_openssl10),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
	.extended_master_secret = true,
};
static const struct tl_hello_params openssl111 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(openssl111_suites),
	GROUPS(groups_openssl111),
	SIGALGS(sigalgs_openssl111),
	VERSIONS(tls13_down_to_10),
	SHARES(x25519),
	.sni = true,
	.ec_point_formats = true,
	.session_ticket = true,
	.extended_master_secret = true,
};

/* ---- Firefox and Chrome of the past ---- */

/*
 * Firefox 47 (NSS 3.23, 2016): the suites of NSS's default client order
 * as Firefox enabled them (security.ssl3.* prefs of that release: AES-GCM
 * and ChaCha20 first, AES-256-GCM new in 47, DHE and 3DES still on),
 * P-256/P-384/P-521, NSS's signature algorithms of the time. Taken from
 * Firefox's all.js of 47 and NSS's ssl3con.c ordering as recalled, not
 * from a capture.
 */
static const uint16_t firefox47_suites[] = {
	0xc02b, 0xc02f, 0xcca9, 0xcca8, 0xc02c, 0xc030, 0xc00a, 0xc009,
	0xc013, 0xc014, 0x0033, 0x0039, 0x002f, 0x0035, 0x000a,
};
static const uint16_t sigalgs_nss2016[] = {
	0x0401, 0x0501, 0x0601, 0x0201, 0x0403, 0x0503, 0x0603, 0x0203, 0x0402, 0x0202,
};
static const struct tl_hello_params firefox47 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(firefox47_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_nss2016),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
	.status_request = true,
	.alpn_h2 = true,
};

/*
 * Chrome 49, the last for Windows XP (2016): BoringSSL's client list of
 * early 2016 (AES-128-GCM first, ChaCha20 under both its draft code points
 * 0xcc13/0xcc14 and no RFC 7905 ones yet, DHE-RSA-AES-128-GCM, then CBC
 * and 3DES), P-256/P-384/P-521 (X25519 from Chrome 50). Chrome brings its
 * own TLS stack, so XP's Schannel limits (no SNI) do not apply. The
 * public record is thin: reconstructed from Chromium release notes and
 * BoringSSL history as recalled, not from a capture.
 */
static const uint16_t chrome49_suites[] = {
	0xc02b, 0xc02f, 0x009e, 0xcc14, 0xcc13, 0xc00a, 0xc009, 0xc013,
	0xc014, 0x0033, 0x0039, 0x009c, 0x002f, 0x0035, 0x000a,
};
static const struct tl_hello_params chrome49 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(chrome49_suites),
	GROUPS(p256_p384_p521),
	SIGALGS(sigalgs_boringssl2015),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
	.status_request = true,
	.alpn_h2 = true,
};

/*
 * Chrome 70 on Windows 10 (2018): the first Chrome with final TLS 1.3
 * (RFC 8446, version 0x0304; earlier ones sent drafts); BoringSSL's list
 * of the time (the TLS 1.3 suites, then ECDHE AES-GCM and ChaCha20, CBC,
 * static RSA, 3DES), one X25519 key share. GREASE values are not
 * reproduced. From Chromium's and BoringSSL's sources of 2018 as
 * recalled, not from a capture.
 */
static const uint16_t chrome70_suites[] = {
	0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9,
	0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035, 0x000a,
};
static const struct tl_hello_params chrome70 = {
	.record_version = 0x0301,
	.legacy_version = 0x0303,
	SUITES(chrome70_suites),
	GROUPS(x25519_p256_p384),
	SIGALGS(sigalgs_boringssl2017),
	VERSIONS(tls13_down_to_10),
	SHARES(x25519),
	.sni = true,
	.ec_point_formats = true,
	.renegotiation_info = true,
	.extended_master_secret = true,
	.session_ticket = true,
	.status_request = true,
	.alpn_h2 = true,
};

/* ---- the profiles ---- */

#define LEGACY(var, id_, family_, name_, params_, source_)                                         \
	static const struct tl_client_profile var = {                                              \
		.id = id_,                                                                         \
		.family = family_,                                                                 \
		.name = name_,                                                                     \
		.era = TL_CLIENT_LEGACY,                                                           \
		.source = source_,                                                                 \
		.params = &params_,                                                                \
	}

#define SRC_ANDROID_DOC "developer.android.com javax.net.ssl.SSLSocket (protocol and cipher tables)"

LEGACY(p_android44, "android-4.4", "android", "Android 4.4 (KitKat)", android44,
       "libcore NativeCrypto.java of Android 4.4 (CyanogenMod android_libcore cm-11.0), "
       "read; " SRC_ANDROID_DOC);
LEGACY(p_android50, "android-5.0", "android", "Android 5.0 (Lollipop)", android50,
       "Conscrypt NativeCrypto.java of Android 5.0 (CyanogenMod android_external_conscrypt "
       "cm-12.0), read; " SRC_ANDROID_DOC);
LEGACY(p_android60, "android-6.0", "android", "Android 6.0 (Marshmallow)", android60,
       SRC_ANDROID_DOC "; the API 25 Conscrypt list less ChaCha20 (enabled from API 24)");
LEGACY(p_android70, "android-7.0", "android", "Android 7.0 (Nougat)", android70,
       "Conscrypt NativeCrypto.DEFAULT_X509_CIPHER_SUITES of Android 7.0/7.1 (API 25 framework, "
       "CyanogenMod cm-14.0), read");
LEGACY(p_android81, "android-8.1", "android", "Android 8.1 (Oreo)", android81,
       SRC_ANDROID_DOC "; the API 25 Conscrypt list less DHE (enabled to API 25)");
LEGACY(p_android9, "android-9", "android", "Android 9 (Pie)", android81,
       SRC_ANDROID_DOC "; the API 25 Conscrypt list less DHE (enabled to API 25)");
LEGACY(p_android10, "android-10", "android", "Android 10", android10,
       SRC_ANDROID_DOC " (TLSv1.3 29+); the Android 9 list behind the TLS 1.3 suites");
LEGACY(p_ie8_xp, "ie-8-winxp", "ie", "Internet Explorer 8 on Windows XP", ie8_xp,
       "Microsoft, TLS Cipher Suites (Windows Server 2003 and XP, default order; MicrosoftDocs/"
       "win32 tls-cipher-suites.md); XP's Schannel sends no extensions");
LEGACY(p_ie11_win7, "ie-11-win7", "ie", "Internet Explorer 11 on Windows 7", ie11_win7,
       "Microsoft Learn, TLS Cipher Suites in Windows 7 (after update 3042058, RC4 left out); "
       "extensions from Schannel docs, not captured");
LEGACY(p_ie11_win81, "ie-11-win81", "ie", "Internet Explorer 11 on Windows 8.1", ie11_win81,
       "Microsoft Learn, TLS Cipher Suites in Windows 8.1 (RC4 left out); extensions from "
       "Schannel docs, not captured");
LEGACY(p_edge18, "edge-18-win10", "edge", "Edge 18 (EdgeHTML) on Windows 10 1809", edge18,
       "Microsoft Learn, TLS Cipher Suites in Windows 10 v1809; extensions from Schannel docs");
LEGACY(p_safari9, "safari-9-ios9", "safari", "Safari 9 on iOS 9", safari9,
       "public scans of iOS 9 Secure Transport (Apple publishes no list): thin, not captured");
LEGACY(p_safari10, "safari-10-macos", "safari", "Safari 10 on macOS 10.12", safari10,
       "public scans of macOS 10.12 Secure Transport (Apple publishes no list): thin, not "
       "captured");
LEGACY(p_safari12, "safari-12-ios12", "safari", "Safari 12 on iOS 12", safari12,
       "public scans of iOS 12 Secure Transport (Apple publishes no list): thin, not captured");
LEGACY(p_java7, "java-7u25", "java", "Java 7u25 (SunJSSE)", java7,
       "Oracle, Java Cryptography Architecture Oracle Providers Documentation for JDK 7 "
       "(SunJSSE default order); TLS 1.0 client default");
LEGACY(p_java8, "java-8u161", "java", "Java 8u161 (SunJSSE)", java8,
       "OpenJDK 8 sun/security/ssl/CipherSuite.java default-enabled order (read) and Oracle's "
       "JDK 8 SunJSSE docs; groups, sigalgs recalled");
LEGACY(p_java11, "java-11", "java", "Java 11 (SunJSSE)", java11,
       "OpenJDK 11-13 sun/security/ssl/CipherSuite.java enum order (read in jdk13u-dev), JEP "
       "332/324; rest recalled");
LEGACY(p_openssl101, "openssl-1.0.1", "openssl", "OpenSSL 1.0.1 client defaults", openssl101,
       "OpenSSL 1.0.1 ssl/ssl_ciph.c, ssl/s3_lib.c, ssl/t1_lib.c (rules applied by hand, not "
       "captured)");
LEGACY(p_openssl102, "openssl-1.0.2", "openssl", "OpenSSL 1.0.2 client defaults", openssl102,
       "s_client of OpenSSL 1.0.2zl built here from source and captured (GOST, heartbeat left "
       "out)");
LEGACY(p_openssl110, "openssl-1.1.0", "openssl", "OpenSSL 1.1.0 client defaults", openssl110,
       "OpenSSL 1.1.0 ssl/ssl_ciph.c and t1_lib.c; TLS 1.2 list equal to the captured OpenSSL "
       "3.0's");
LEGACY(p_openssl111, "openssl-1.1.1", "openssl", "OpenSSL 1.1.1 client defaults", openssl111,
       "OpenSSL 1.1.1 ssl/ssl_ciph.c and t1_lib.c; suites equal to the captured OpenSSL 3.0's");
LEGACY(p_firefox47, "firefox-47", "firefox", "Firefox 47", firefox47,
       "Firefox 47 all.js security.ssl3 prefs and NSS 3.23 ssl3con.c order, recalled, not "
       "captured");
LEGACY(p_chrome49, "chrome-49-winxp", "chrome", "Chrome 49 on Windows XP", chrome49,
       "Chromium 49 / BoringSSL of early 2016, recalled: thin, not captured");
LEGACY(p_chrome70, "chrome-70-win10", "chrome", "Chrome 70 on Windows 10", chrome70,
       "Chromium 70 / BoringSSL of 2018 (final TLS 1.3), recalled, not captured");

const struct tl_client_profile *const tl_legacy_profiles[] = {
	&p_android44,  &p_android50,  &p_android60,  &p_android70,  &p_android81, &p_android9,
	&p_android10,  &p_ie8_xp,     &p_ie11_win7,  &p_ie11_win81, &p_edge18,    &p_safari9,
	&p_safari10,   &p_safari12,   &p_java7,      &p_java8,      &p_java11,    &p_openssl101,
	&p_openssl102, &p_openssl110, &p_openssl111, &p_firefox47,  &p_chrome49,  &p_chrome70,
};
const size_t tl_legacy_profile_count = N(tl_legacy_profiles);
