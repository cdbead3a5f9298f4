"""Strict parser for a captured TLS ClientHello (the raw records a client sent first).

Shared by capture.py, which writes the summary into each .json, and check_hellos.py, which
parses every committed .bin again and compares. Stdlib only. Code points are written as
"0x1301"; a GREASE value (RFC 8701: 0x0a0a, 0x1a1a, ... 0xfafa) is kept where it was sent,
written "grease:0x1a1a", so the order stays what the client sent and no consumer mistakes it
for a real code point.
"""

EXTENSION_NAMES = {
    0: "server_name",
    1: "max_fragment_length",
    5: "status_request",
    10: "supported_groups",
    11: "ec_point_formats",
    13: "signature_algorithms",
    14: "use_srtp",
    15: "heartbeat",
    16: "application_layer_protocol_negotiation",
    17: "status_request_v2",
    18: "signed_certificate_timestamp",
    21: "padding",
    22: "encrypt_then_mac",
    23: "extended_master_secret",
    27: "compress_certificate",
    28: "record_size_limit",
    34: "delegated_credential",
    35: "session_ticket",
    41: "pre_shared_key",
    42: "early_data",
    43: "supported_versions",
    44: "cookie",
    45: "psk_key_exchange_modes",
    49: "post_handshake_auth",
    50: "signature_algorithms_cert",
    51: "key_share",
    0x4469: "application_settings_old",
    0xCA34: "trust_anchors",
    0x44CD: "application_settings",
    0xFE0D: "encrypted_client_hello",
    0xFF01: "renegotiation_info",
}


class HelloError(ValueError):
    """The bytes are not exactly one complete ClientHello."""


def is_grease(value):
    return (value & 0x0F0F) == 0x0A0A and (value >> 8) == (value & 0xFF)


def code(value, width=4):
    text = "0x%0*x" % (width, value)
    return "grease:" + text if width == 4 and is_grease(value) else text


class Reader:
    def __init__(self, data, what):
        self.data = data
        self.pos = 0
        self.what = what

    def left(self):
        return len(self.data) - self.pos

    def take(self, n):
        if n > self.left():
            raise HelloError("%s: %d bytes needed, %d left" % (self.what, n, self.left()))
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u8(self):
        return self.take(1)[0]

    def u16(self):
        return int.from_bytes(self.take(2), "big")

    def u24(self):
        return int.from_bytes(self.take(3), "big")

    def vec(self, length_bytes, what):
        n = int.from_bytes(self.take(length_bytes), "big")
        if n > self.left():
            raise HelloError("%s: length %d, only %d bytes left" % (what, n, self.left()))
        return Reader(self.take(n), what)

    def end(self):
        if self.left():
            raise HelloError("%s: %d trailing bytes" % (self.what, self.left()))


def u16_list(reader):
    if reader.left() % 2:
        raise HelloError("%s: odd length %d" % (reader.what, reader.left()))
    out = []
    while reader.left():
        out.append(code(reader.u16()))
    return out


def split_records(data):
    """Returns (record_versions, handshake_bytes). Needs handshake records only, and exactly
    as many as the one ClientHello takes: nothing may follow the message."""
    reader = Reader(data, "records")
    versions = []
    handshake = b""
    while reader.left():
        content_type = reader.u8()
        version = reader.u16()
        body = reader.vec(2, "record %d" % len(versions)).data
        if content_type != 22:
            raise HelloError("record %d: content type %d, not handshake (22)" % (len(versions), content_type))
        if not body:
            raise HelloError("record %d: empty handshake record" % len(versions))
        versions.append(code(version))
        handshake += body
        if len(handshake) >= 4:
            total = 4 + int.from_bytes(handshake[1:4], "big")
            if len(handshake) > total:
                raise HelloError("bytes after the ClientHello message in record %d" % (len(versions) - 1))
            if len(handshake) == total and reader.left():
                raise HelloError("%d bytes after the record that ends the ClientHello" % reader.left())
    return versions, handshake


def needed(data):
    """For the capture: how many more bytes the records so far need before the ClientHello is
    complete (0 when it is), or None when they do not look like a TLS handshake."""
    pos = 0
    handshake = b""
    while True:
        if len(data) - pos < 5:
            return 5 - (len(data) - pos)
        if data[pos] != 22:
            return None
        n = int.from_bytes(data[pos + 3 : pos + 5], "big")
        if len(data) - pos - 5 < n:
            return n - (len(data) - pos - 5)
        handshake += data[pos + 5 : pos + 5 + n]
        pos += 5 + n
        if len(handshake) >= 4 and len(handshake) >= 4 + int.from_bytes(handshake[1:4], "big"):
            return 0


def parse_extension(ext_type, body, summary):
    """Fills summary from one extension's body; each known body is parsed to its end."""
    if ext_type == 0:
        names = body.vec(2, "server_name list")
        while names.left():
            name_type = names.u8()
            name = names.vec(2, "server_name").data
            if name_type == 0:
                summary["sni"] = name.decode("ascii", "replace")
        body.end()
    elif ext_type == 10:
        summary["supported_groups"] = u16_list(body.vec(2, "supported_groups"))
        body.end()
    elif ext_type == 11:
        formats = body.vec(1, "ec_point_formats")
        summary["ec_point_formats"] = [code(b, 2) for b in formats.data]
        body.end()
    elif ext_type == 13:
        summary["signature_algorithms"] = u16_list(body.vec(2, "signature_algorithms"))
        body.end()
    elif ext_type == 50:
        summary["signature_algorithms_cert"] = u16_list(body.vec(2, "signature_algorithms_cert"))
        body.end()
    elif ext_type == 16:
        protocols = body.vec(2, "alpn")
        summary["alpn"] = []
        while protocols.left():
            summary["alpn"].append(protocols.vec(1, "alpn protocol").data.decode("ascii", "replace"))
        body.end()
    elif ext_type == 43:
        summary["supported_versions"] = u16_list(body.vec(1, "supported_versions"))
        body.end()
    elif ext_type == 45:
        modes = body.vec(1, "psk_key_exchange_modes")
        summary["psk_key_exchange_modes"] = [code(b, 2) for b in modes.data]
        body.end()
    elif ext_type == 51:
        shares = body.vec(2, "key_share")
        summary["key_shares"] = []
        while shares.left():
            group = shares.u16()
            key = shares.vec(2, "key_exchange")
            summary["key_shares"].append({"group": code(group), "length": key.left()})
        body.end()
    elif ext_type == 27:
        algorithms = body.vec(1, "compress_certificate")
        summary["compress_certificate"] = u16_list(algorithms)
        body.end()
    elif ext_type == 28:
        summary["record_size_limit"] = body.u16()
        body.end()


def parse(data):
    """The summary of one ClientHello given as its raw records; raises HelloError unless the
    bytes are exactly one complete ClientHello."""
    record_versions, handshake = split_records(data)
    if len(handshake) < 4:
        raise HelloError("records end inside the handshake header")
    message = Reader(handshake, "handshake")
    if message.u8() != 1:
        raise HelloError("handshake type %d, not ClientHello (1)" % handshake[0])
    hello = message.vec(3, "ClientHello")
    message.end()
    summary = {
        "records": len(record_versions),
        "record_versions": record_versions,
        "handshake_length": hello.left(),
    }
    summary["legacy_version"] = code(hello.u16())
    hello.take(32)
    summary["session_id_length"] = hello.vec(1, "session_id").left()
    summary["cipher_suites"] = u16_list(hello.vec(2, "cipher_suites"))
    summary["compression_methods"] = [code(b, 2) for b in hello.vec(1, "compression_methods").data]
    summary["sni"] = None
    for key in ("supported_versions", "supported_groups", "signature_algorithms", "alpn"):
        summary[key] = None
    summary["key_shares"] = None
    extensions = []
    if hello.left():
        block = hello.vec(2, "extensions")
        seen = set()
        while block.left():
            ext_type = block.u16()
            body = block.vec(2, "extension %s" % code(ext_type))
            if ext_type in seen:
                raise HelloError("extension %s sent twice" % code(ext_type))
            seen.add(ext_type)
            name = "GREASE" if is_grease(ext_type) else EXTENSION_NAMES.get(ext_type, "unknown")
            extensions.append({"type": code(ext_type), "name": name, "length": body.left()})
            parse_extension(ext_type, body, summary)
    hello.end()
    summary["sni_present"] = summary["sni"] is not None
    summary["key_share_groups"] = None if summary["key_shares"] is None else [k["group"] for k in summary["key_shares"]]
    summary["extensions"] = extensions
    summary["grease"] = any(
        isinstance(v, str) and v.startswith("grease:")
        for key in ("cipher_suites", "supported_versions", "supported_groups", "key_share_groups")
        for v in (summary[key] or [])
    ) or any(e["name"] == "GREASE" for e in extensions)
    return summary
