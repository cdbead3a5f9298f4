#!/usr/bin/env python3
"""Regenerates checks/cipher_suites_data.c, tlslint's table of TLS cipher suites.

Sources (facts, restated as data):
  * the suites OpenSSL 3.0 ships (ssl/s3_lib.c ssl3_ciphers and tls13_ciphers),
    dumped from the linked libssl by /tmp-style probe into a pipe-separated file
    (scripts/cipher-suites-openssl30.txt, committed): id, names, kx, auth,
    cipher, digest, minimum protocol, bits, and alias membership for the
    strength classes (LOW MEDIUM HIGH FIPS COMPLEMENTOFDEFAULT);
  * the suites older releases named and 3.0 dropped or cannot run without the
    legacy provider (OpenSSL_1_0_2u and OpenSSL_1_1_1w ssl/s3_lib.c, and
    include/openssl/tls1.h / ssl3.h for the IANA names): 3DES, RC4, IDEA,
    SEED, single DES, EXPORT, static DH and static ECDH, GOST.

Usage: scripts/gen-cipher-suites.py > checks/cipher_suites_data.c
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

KX = {'KxECDHE': 'KECDHE', 'KxDHE': 'KDHE', 'KxRSA': 'KRSA', 'KxPSK': 'KPSK',
      'KxRSA_PSK': 'KRSAPSK', 'KxDHE-PSK': 'KDHEPSK', 'KxECDHE-PSK': 'KECDHEPSK',
      'KxSRP': 'KSRP', 'KxANY': 'KANY'}
AU = {'AuthRSA': 'ARSA', 'AuthECDSA': 'AECDSA', 'AuthDSS': 'ADSS', 'AuthNULL': 'ANULL',
      'AuthPSK': 'APSK', 'AuthSRP': 'ASRP', 'AuthANY': 'AANY'}
MAC = {'UNDEF': 'AEAD', 'SHA1': 'SHA1', 'SHA256': 'SHA256', 'SHA384': 'SHA384', 'MD5': 'MD5'}
PROTO = {'SSLv3': 'SSL3', 'TLSv1.0': 'TLS1', 'TLSv1.2': 'TLS1_2', 'TLSv1.3': 'TLS1_3'}


def enc_of(cipher, name):
    if cipher == 'UNDEF':
        return 'ENULL'
    if cipher == 'ChaCha20-Poly1305':
        return 'CHACHA20'
    size = '256' if '256' in cipher else '128'
    if cipher.startswith('id-aes') and cipher.endswith('GCM'):
        return 'AES%sGCM' % size
    if cipher.startswith('id-aes') and cipher.endswith('CCM'):
        return 'AES%sCCM8' % size if name.endswith('CCM8') else 'AES%sCCM' % size
    if cipher.startswith('ARIA'):
        return 'ARIA%sGCM' % size
    if cipher.startswith('AES'):
        return 'AES' + size
    if cipher.startswith('CAMELLIA'):
        return 'CAMELLIA' + size
    raise SystemExit('unknown cipher ' + cipher)


# name, IANA name, code point, kx, auth, enc, mac, min protocol, bits, alg bits, strength
LEGACY = []


def leg(name, std, cp, kx, au, enc, mac, proto, bits, alg, strength):
    LEGACY.append((name, std, 0x03000000 | cp, kx, au, enc, mac, proto, bits, alg,
                   strength + '|NOT_DEFAULT'))


# Triple DES (1.0.2, 1.1.1; this libssl build has none).
for name, std, cp, kx, au, proto in [
        ('DES-CBC3-SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 0x0A, 'KRSA', 'ARSA', 'SSL3'),
        ('DH-DSS-DES-CBC3-SHA', 'TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA', 0x0D, 'KDH_DSS', 'ADH', 'SSL3'),
        ('DH-RSA-DES-CBC3-SHA', 'TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA', 0x10, 'KDH_RSA', 'ADH', 'SSL3'),
        ('DHE-DSS-DES-CBC3-SHA', 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 0x13, 'KDHE', 'ADSS', 'SSL3'),
        ('DHE-RSA-DES-CBC3-SHA', 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', 0x16, 'KDHE', 'ARSA', 'SSL3'),
        ('ADH-DES-CBC3-SHA', 'TLS_DH_anon_WITH_3DES_EDE_CBC_SHA', 0x1B, 'KDHE', 'ANULL', 'SSL3'),
        ('PSK-3DES-EDE-CBC-SHA', 'TLS_PSK_WITH_3DES_EDE_CBC_SHA', 0x8B, 'KPSK', 'APSK', 'SSL3'),
        ('DHE-PSK-3DES-EDE-CBC-SHA', 'TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA', 0x8F, 'KDHEPSK', 'APSK', 'SSL3'),
        ('RSA-PSK-3DES-EDE-CBC-SHA', 'TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA', 0x93, 'KRSAPSK', 'ARSA', 'SSL3'),
        ('ECDH-ECDSA-DES-CBC3-SHA', 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA', 0xC003, 'KECDH_ECDSA', 'AECDH', 'TLS1'),
        ('ECDHE-ECDSA-DES-CBC3-SHA', 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 0xC008, 'KECDHE', 'AECDSA', 'TLS1'),
        ('ECDH-RSA-DES-CBC3-SHA', 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA', 0xC00D, 'KECDH_RSA', 'AECDH', 'TLS1'),
        ('ECDHE-RSA-DES-CBC3-SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 0xC012, 'KECDHE', 'ARSA', 'TLS1'),
        ('AECDH-DES-CBC3-SHA', 'TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA', 0xC017, 'KECDHE', 'ANULL', 'TLS1'),
        ('SRP-3DES-EDE-CBC-SHA', 'TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA', 0xC01A, 'KSRP', 'ASRP', 'SSL3'),
        ('SRP-RSA-3DES-EDE-CBC-SHA', 'TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA', 0xC01B, 'KSRP', 'ARSA', 'SSL3'),
        ('SRP-DSS-3DES-EDE-CBC-SHA', 'TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA', 0xC01C, 'KSRP', 'ADSS', 'SSL3'),
        ('ECDHE-PSK-3DES-EDE-CBC-SHA', 'TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA', 0xC034, 'KECDHEPSK', 'APSK', 'TLS1')]:
    leg(name, std, cp, kx, au, 'TRIPLEDES', 'SHA1', proto, 112, 168, 'MEDIUM|FIPS')

# RC4 (1.0.2; 1.1.x with enable-weak-ssl-ciphers).
for name, std, cp, kx, au, mac, proto in [
        ('RC4-MD5', 'TLS_RSA_WITH_RC4_128_MD5', 0x04, 'KRSA', 'ARSA', 'MD5', 'SSL3'),
        ('RC4-SHA', 'TLS_RSA_WITH_RC4_128_SHA', 0x05, 'KRSA', 'ARSA', 'SHA1', 'SSL3'),
        ('ADH-RC4-MD5', 'TLS_DH_anon_WITH_RC4_128_MD5', 0x18, 'KDHE', 'ANULL', 'MD5', 'SSL3'),
        ('PSK-RC4-SHA', 'TLS_PSK_WITH_RC4_128_SHA', 0x8A, 'KPSK', 'APSK', 'SHA1', 'SSL3'),
        ('DHE-PSK-RC4-SHA', 'TLS_DHE_PSK_WITH_RC4_128_SHA', 0x8E, 'KDHEPSK', 'APSK', 'SHA1', 'SSL3'),
        ('RSA-PSK-RC4-SHA', 'TLS_RSA_PSK_WITH_RC4_128_SHA', 0x92, 'KRSAPSK', 'ARSA', 'SHA1', 'SSL3'),
        ('ECDH-ECDSA-RC4-SHA', 'TLS_ECDH_ECDSA_WITH_RC4_128_SHA', 0xC002, 'KECDH_ECDSA', 'AECDH', 'SHA1', 'TLS1'),
        ('ECDHE-ECDSA-RC4-SHA', 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 0xC007, 'KECDHE', 'AECDSA', 'SHA1', 'TLS1'),
        ('ECDH-RSA-RC4-SHA', 'TLS_ECDH_RSA_WITH_RC4_128_SHA', 0xC00C, 'KECDH_RSA', 'AECDH', 'SHA1', 'TLS1'),
        ('ECDHE-RSA-RC4-SHA', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 0xC011, 'KECDHE', 'ARSA', 'SHA1', 'TLS1'),
        ('AECDH-RC4-SHA', 'TLS_ECDH_anon_WITH_RC4_128_SHA', 0xC016, 'KECDHE', 'ANULL', 'SHA1', 'TLS1'),
        ('ECDHE-PSK-RC4-SHA', 'TLS_ECDHE_PSK_WITH_RC4_128_SHA', 0xC033, 'KECDHEPSK', 'APSK', 'SHA1', 'TLS1')]:
    leg(name, std, cp, kx, au, 'RC4', mac, proto, 128, 128, 'MEDIUM')

# IDEA and SEED (1.0.2, 1.1.x; legacy provider in 3.0).
leg('IDEA-CBC-SHA', 'TLS_RSA_WITH_IDEA_CBC_SHA', 0x07, 'KRSA', 'ARSA', 'IDEA', 'SHA1', 'SSL3', 128, 128, 'MEDIUM')
for name, std, cp, kx, au in [
        ('SEED-SHA', 'TLS_RSA_WITH_SEED_CBC_SHA', 0x96, 'KRSA', 'ARSA'),
        ('DH-DSS-SEED-SHA', 'TLS_DH_DSS_WITH_SEED_CBC_SHA', 0x97, 'KDH_DSS', 'ADH'),
        ('DH-RSA-SEED-SHA', 'TLS_DH_RSA_WITH_SEED_CBC_SHA', 0x98, 'KDH_RSA', 'ADH'),
        ('DHE-DSS-SEED-SHA', 'TLS_DHE_DSS_WITH_SEED_CBC_SHA', 0x99, 'KDHE', 'ADSS'),
        ('DHE-RSA-SEED-SHA', 'TLS_DHE_RSA_WITH_SEED_CBC_SHA', 0x9A, 'KDHE', 'ARSA'),
        ('ADH-SEED-SHA', 'TLS_DH_anon_WITH_SEED_CBC_SHA', 0x9B, 'KDHE', 'ANULL')]:
    leg(name, std, cp, kx, au, 'SEED', 'SHA1', 'SSL3', 128, 128, 'MEDIUM')

# Single DES (1.0.2 LOW).
for name, std, cp, kx, au in [
        ('DES-CBC-SHA', 'TLS_RSA_WITH_DES_CBC_SHA', 0x09, 'KRSA', 'ARSA'),
        ('DH-DSS-DES-CBC-SHA', 'TLS_DH_DSS_WITH_DES_CBC_SHA', 0x0C, 'KDH_DSS', 'ADH'),
        ('DH-RSA-DES-CBC-SHA', 'TLS_DH_RSA_WITH_DES_CBC_SHA', 0x0F, 'KDH_RSA', 'ADH'),
        ('EDH-DSS-DES-CBC-SHA', 'TLS_DHE_DSS_WITH_DES_CBC_SHA', 0x12, 'KDHE', 'ADSS'),
        ('EDH-RSA-DES-CBC-SHA', 'TLS_DHE_RSA_WITH_DES_CBC_SHA', 0x15, 'KDHE', 'ARSA'),
        ('ADH-DES-CBC-SHA', 'TLS_DH_anon_WITH_DES_CBC_SHA', 0x1A, 'KDHE', 'ANULL')]:
    leg(name, std, cp, kx, au, 'DES', 'SHA1', 'SSL3', 56, 56, 'LOW')

# EXPORT (1.0.2): 40-bit keys.
for name, std, cp, kx, au, enc, mac, alg in [
        ('EXP-RC4-MD5', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', 0x03, 'KRSA', 'ARSA', 'RC4', 'MD5', 128),
        ('EXP-RC2-CBC-MD5', 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', 0x06, 'KRSA', 'ARSA', 'RC2', 'MD5', 128),
        ('EXP-DES-CBC-SHA', 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', 0x08, 'KRSA', 'ARSA', 'DES', 'SHA1', 56),
        ('EXP-DH-DSS-DES-CBC-SHA', 'TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA', 0x0B, 'KDH_DSS', 'ADH', 'DES', 'SHA1', 56),
        ('EXP-DH-RSA-DES-CBC-SHA', 'TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA', 0x0E, 'KDH_RSA', 'ADH', 'DES', 'SHA1', 56),
        ('EXP-EDH-DSS-DES-CBC-SHA', 'TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA', 0x11, 'KDHE', 'ADSS', 'DES', 'SHA1', 56),
        ('EXP-EDH-RSA-DES-CBC-SHA', 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', 0x14, 'KDHE', 'ARSA', 'DES', 'SHA1', 56),
        ('EXP-ADH-RC4-MD5', 'TLS_DH_anon_EXPORT_WITH_RC4_40_MD5', 0x17, 'KDHE', 'ANULL', 'RC4', 'MD5', 128),
        ('EXP-ADH-DES-CBC-SHA', 'TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA', 0x19, 'KDHE', 'ANULL', 'DES', 'SHA1', 56)]:
    leg(name, std, cp, kx, au, enc, mac, 'SSL3', 40, alg, 'EXPORT')

# Static DH (1.0.2): the server certificate carries the DH key.
for name, std, cp, kx, enc, mac, proto, bits in [
        ('DH-DSS-AES128-SHA', 'TLS_DH_DSS_WITH_AES_128_CBC_SHA', 0x30, 'KDH_DSS', 'AES128', 'SHA1', 'SSL3', 128),
        ('DH-RSA-AES128-SHA', 'TLS_DH_RSA_WITH_AES_128_CBC_SHA', 0x31, 'KDH_RSA', 'AES128', 'SHA1', 'SSL3', 128),
        ('DH-DSS-AES256-SHA', 'TLS_DH_DSS_WITH_AES_256_CBC_SHA', 0x36, 'KDH_DSS', 'AES256', 'SHA1', 'SSL3', 256),
        ('DH-RSA-AES256-SHA', 'TLS_DH_RSA_WITH_AES_256_CBC_SHA', 0x37, 'KDH_RSA', 'AES256', 'SHA1', 'SSL3', 256),
        ('DH-DSS-AES128-SHA256', 'TLS_DH_DSS_WITH_AES_128_CBC_SHA256', 0x3E, 'KDH_DSS', 'AES128', 'SHA256', 'TLS1_2', 128),
        ('DH-RSA-AES128-SHA256', 'TLS_DH_RSA_WITH_AES_128_CBC_SHA256', 0x3F, 'KDH_RSA', 'AES128', 'SHA256', 'TLS1_2', 128),
        ('DH-DSS-CAMELLIA128-SHA', 'TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA', 0x42, 'KDH_DSS', 'CAMELLIA128', 'SHA1', 'SSL3', 128),
        ('DH-RSA-CAMELLIA128-SHA', 'TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA', 0x43, 'KDH_RSA', 'CAMELLIA128', 'SHA1', 'SSL3', 128),
        ('DH-DSS-AES256-SHA256', 'TLS_DH_DSS_WITH_AES_256_CBC_SHA256', 0x68, 'KDH_DSS', 'AES256', 'SHA256', 'TLS1_2', 256),
        ('DH-RSA-AES256-SHA256', 'TLS_DH_RSA_WITH_AES_256_CBC_SHA256', 0x69, 'KDH_RSA', 'AES256', 'SHA256', 'TLS1_2', 256),
        ('DH-DSS-CAMELLIA256-SHA', 'TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA', 0x85, 'KDH_DSS', 'CAMELLIA256', 'SHA1', 'SSL3', 256),
        ('DH-RSA-CAMELLIA256-SHA', 'TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA', 0x86, 'KDH_RSA', 'CAMELLIA256', 'SHA1', 'SSL3', 256),
        ('DH-RSA-AES128-GCM-SHA256', 'TLS_DH_RSA_WITH_AES_128_GCM_SHA256', 0xA0, 'KDH_RSA', 'AES128GCM', 'AEAD', 'TLS1_2', 128),
        ('DH-RSA-AES256-GCM-SHA384', 'TLS_DH_RSA_WITH_AES_256_GCM_SHA384', 0xA1, 'KDH_RSA', 'AES256GCM', 'AEAD', 'TLS1_2', 256),
        ('DH-DSS-AES128-GCM-SHA256', 'TLS_DH_DSS_WITH_AES_128_GCM_SHA256', 0xA4, 'KDH_DSS', 'AES128GCM', 'AEAD', 'TLS1_2', 128),
        ('DH-DSS-AES256-GCM-SHA384', 'TLS_DH_DSS_WITH_AES_256_GCM_SHA384', 0xA5, 'KDH_DSS', 'AES256GCM', 'AEAD', 'TLS1_2', 256)]:
    leg(name, std, cp, kx, 'ADH', enc, mac, proto, bits, bits,
        'HIGH' if 'CAMELLIA' in enc else 'HIGH|FIPS')

# Static ECDH (1.0.2).
for name, std, cp, kx, enc, mac, proto, bits in [
        ('ECDH-ECDSA-NULL-SHA', 'TLS_ECDH_ECDSA_WITH_NULL_SHA', 0xC001, 'KECDH_ECDSA', 'ENULL', 'SHA1', 'TLS1', 0),
        ('ECDH-ECDSA-AES128-SHA', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 0xC004, 'KECDH_ECDSA', 'AES128', 'SHA1', 'TLS1', 128),
        ('ECDH-ECDSA-AES256-SHA', 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA', 0xC005, 'KECDH_ECDSA', 'AES256', 'SHA1', 'TLS1', 256),
        ('ECDH-RSA-NULL-SHA', 'TLS_ECDH_RSA_WITH_NULL_SHA', 0xC00B, 'KECDH_RSA', 'ENULL', 'SHA1', 'TLS1', 0),
        ('ECDH-RSA-AES128-SHA', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 0xC00E, 'KECDH_RSA', 'AES128', 'SHA1', 'TLS1', 128),
        ('ECDH-RSA-AES256-SHA', 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA', 0xC00F, 'KECDH_RSA', 'AES256', 'SHA1', 'TLS1', 256),
        ('ECDH-ECDSA-AES128-SHA256', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256', 0xC025, 'KECDH_ECDSA', 'AES128', 'SHA256', 'TLS1_2', 128),
        ('ECDH-ECDSA-AES256-SHA384', 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384', 0xC026, 'KECDH_ECDSA', 'AES256', 'SHA384', 'TLS1_2', 256),
        ('ECDH-RSA-AES128-SHA256', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', 0xC029, 'KECDH_RSA', 'AES128', 'SHA256', 'TLS1_2', 128),
        ('ECDH-RSA-AES256-SHA384', 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384', 0xC02A, 'KECDH_RSA', 'AES256', 'SHA384', 'TLS1_2', 256),
        ('ECDH-ECDSA-AES128-GCM-SHA256', 'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 0xC02D, 'KECDH_ECDSA', 'AES128GCM', 'AEAD', 'TLS1_2', 128),
        ('ECDH-ECDSA-AES256-GCM-SHA384', 'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384', 0xC02E, 'KECDH_ECDSA', 'AES256GCM', 'AEAD', 'TLS1_2', 256),
        ('ECDH-RSA-AES128-GCM-SHA256', 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256', 0xC031, 'KECDH_RSA', 'AES128GCM', 'AEAD', 'TLS1_2', 128),
        ('ECDH-RSA-AES256-GCM-SHA384', 'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384', 0xC032, 'KECDH_RSA', 'AES256GCM', 'AEAD', 'TLS1_2', 256)]:
    leg(name, std, cp, kx, 'AECDH', enc, mac, proto, bits, bits,
        'STRONG_NONE' if enc == 'ENULL' else 'HIGH|FIPS')

# GOST (1.0.2 and 1.1.x with the gost engine).
leg('GOST2001-GOST89-GOST89', 'TLS_GOSTR341001_WITH_28147_CNT_IMIT', 0x81, 'KGOST', 'AGOST01', 'GOST89', 'GOST89MAC', 'TLS1', 256, 256, 'HIGH')
leg('GOST2001-NULL-GOST94', 'TLS_GOSTR341001_WITH_NULL_GOSTR3411', 0x83, 'KGOST', 'AGOST01', 'ENULL', 'GOST94', 'TLS1', 0, 0, 'STRONG_NONE')
leg('GOST2012-GOST8912-GOST8912', 'TLS_GOSTR341112_256_WITH_28147_CNT_IMIT', 0xFF85, 'KGOST', 'AGOST01|AGOST12', 'GOST8912', 'GOST89MAC12', 'TLS1', 256, 256, 'HIGH')
leg('GOST2012-NULL-GOST12', 'TLS_GOSTR341112_256_WITH_NULL_GOSTR3411', 0xFF87, 'KGOST', 'AGOST01|AGOST12', 'ENULL', 'GOST12_256', 'TLS1', 0, 0, 'STRONG_NONE')


def flags(expr, prefix):
    def one(f):
        if prefix in ('K', 'A'):
            f = f[1:]
        if f == 'ENULL':
            f = 'NULL'
        return 'TL_%s_%s' % (prefix, f)
    return ' | '.join(one(f) for f in expr.split('|'))


def main():
    rows = []
    with open(os.path.join(HERE, 'cipher-suites-openssl30.txt')) as f:
        for line in f:
            p = line.rstrip('\n').split('|')
            cid, name, std, kx, au, ciph, dig, ver, bits, alg = p[:10]
            low, med, high, fips, notdef = p[11][:5]
            enc = enc_of(ciph, name)
            st = []
            if low == '1':
                st.append('LOW')
            if med == '1':
                st.append('MEDIUM')
            if high == '1':
                st.append('HIGH')
            if enc == 'ENULL':
                st.append('STRONG_NONE')
            if fips == '1':
                st.append('FIPS')
            if notdef == '1' and ver != 'TLSv1.3':
                st.append('NOT_DEFAULT')
            if ver == 'TLSv1.3':
                st = ['HIGH', 'FIPS'] if 'CHACHA' not in name else ['HIGH']
            rows.append((name, std, int(cid, 16), KX[kx], AU[au], enc, MAC[dig],
                         PROTO[ver], int(bits), int(alg), '|'.join(st), True))
    for r in LEGACY:
        rows.append(r + (False,))
    rows.sort(key=lambda r: r[2])
    out = sys.stdout
    out.write('/*\n * Generated by scripts/gen-cipher-suites.py; edit the generator, not this file.\n'
              ' * Every TLS cipher suite OpenSSL 1.0.2 to 3.x has named, sorted by code point.\n'
              ' * See cipher_suites.h for the meaning of the columns and the sources.\n */\n')
    out.write('#include "cipher_suites.h"\n\n')
    out.write('const struct tl_cipher_suite tl_cipher_suites[] = {\n')
    for (name, std, cid, kx, au, enc, mac, proto, bits, alg, st, in30) in rows:
        out.write('\t{"%s", "%s", 0x%08x, %s, %s, %s, %s, %s, %d, %d, %s, %s},\n' % (
            name, std, cid, flags(kx, 'K'), flags(au, 'A'), flags(enc, 'E'),
            flags(mac, 'M'), 'TL_CS_' + proto, bits, alg, flags(st, 'S'),
            'true' if in30 else 'false'))
    out.write('};\n\nconst size_t tl_cipher_suites_count = sizeof(tl_cipher_suites) / '
              'sizeof(tl_cipher_suites[0]);\n')


main()
