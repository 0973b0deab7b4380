#!/usr/bin/env python3
"""The differential oracle's driver: botocore on one side, awso's dynamic mode on the other.

For every installed botocore service and every operation it makes seeded random cases:
inputs (serialized by ``botocore.serialize``), outputs written as the service would send
them and error responses (parsed by ``botocore.parsers``), sends each to the awso probe
(the ``differential`` test binary, one JSON line per case) and compares: method, path, query
pairs, headers, bodies (JSON as trees, XML as element trees, forms as pair multisets),
parsed outputs and error code, message and members.

Differences explained in ``known.json`` (botocore off the spec, or a documented choice) are
counted apart; the rest fail, grouped by cause with one example each.  Deterministic: the
seed of a case is a hash of service, operation and case number.

Usage: oracle.py --probe PATH [--mode dynamic|static] [--cases N] [--services a,b]
                 [--report FILE] [--fatal all|none|PROTO,PROTO]
The mode names the probe: ``dynamic`` (the ``differential`` test, models loaded at run
time) or ``static`` (``e2e``'s ``differential_static``, generated code compiled in, for the
services it has); a static line reads ``differential static <protocol> ...``.
The fatal protocols default to the ones listed in known.json's ``fatal``; the environment
variable AWSO_DIFFERENTIAL_FATAL overrides both.
"""

import argparse
import base64
import datetime
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import zlib
from collections import defaultdict
from email.utils import format_datetime
from urllib.parse import unquote, unquote_plus, urlsplit

import xml.etree.ElementTree as ET

import botocore.parsers
import botocore.serialize
import botocore.session
from botocore.awsrequest import HeadersDict, create_request_object, prepare_request_dict
from botocore.model import ServiceModel

HERE = os.path.dirname(os.path.abspath(__file__))
SUPPORTED = ["rest-json", "json", "rest-xml", "query", "ec2"]
# Headers that belong to the transport, not the protocol.
TRANSPORT_HEADERS = {"content-length", "host", "user-agent", "transfer-encoding"}
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def protocol_label(metadata):
    protocol = metadata["protocol"]
    if protocol == "json":
        return "awsJson" + metadata.get("jsonVersion", "1.0").replace(".", "_")
    return {"rest-json": "restJson1", "rest-xml": "restXml", "query": "awsQuery",
            "ec2": "ec2Query"}[protocol]


def choose_protocol(metadata):
    """The first protocol of `protocols` that awso speaks, else `protocol`."""
    for protocol in metadata.get("protocols", []):
        if protocol in SUPPORTED:
            return protocol
    return metadata.get("protocol")


# ---------------------------------------------------------------- value generation

ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
NASTY = [" ", "/", "&", "+", "~", "%", "]]>", "\r", "=", "?", "#", "<", '"', "'", ";",
         "é", "日本", "😀", "%2F", "\t"]
HEADER_SAFE = ALNUM + "-_.~/+=:@ "


class Generator:
    """Random values of botocore shapes; `tags` records the features a case holds."""

    def __init__(self, rng, output=False):
        self.rng = rng
        self.output = output
        self.tags = set()

    def string(self, where="body", nonempty=False):
        rng = self.rng
        if where in ("header", "hostLabel"):
            alphabet = ALNUM if where == "hostLabel" else HEADER_SAFE
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
            return text.strip() or "x"
        parts = []
        for _ in range(rng.randint(1 if nonempty else 0, 6)):
            if rng.random() < 0.3:
                part = rng.choice(NASTY)
                if part == "\r":
                    self.tags.add("cr")
                parts.append(part)
            else:
                parts.append("".join(rng.choice(ALNUM) for _ in range(rng.randint(1, 4))))
        return "".join(parts)

    def timestamp(self):
        secs = self.rng.randint(946684800, 1893456000)
        millis = self.rng.choice([0, 0, self.rng.randint(1, 999)])
        return EPOCH + datetime.timedelta(seconds=secs, milliseconds=millis)

    def value(self, shape, depth=0, where="body"):
        rng = self.rng
        kind = shape.type_name
        if kind == "structure":
            return self.structure(shape, depth)
        if kind == "list":
            count = rng.choice([0, 1, 2, 3]) if depth < 4 else 0
            item_where = "header" if where == "header" else "body"
            return [self.value(shape.member, depth + 1, item_where) for _ in range(count)]
        if kind == "map":
            count = rng.choice([0, 1, 2]) if depth < 4 else 0
            result = {}
            for _ in range(count):
                key = self.value(shape.key, depth + 1, "mapkey")
                result[key] = self.value(shape.value, depth + 1,
                                         "header" if where == "headers" else "body")
            return result
        if kind in ("string", "character"):
            if shape.enum:
                return rng.choice(shape.enum)
            if where == "mapkey":
                return "".join(rng.choice(ALNUM.lower()) for _ in range(rng.randint(1, 6)))
            if shape.serialization.get("jsonvalue") and where == "header":
                return {"k": self.string("header")}
            return self.string(where, nonempty=where in ("uri", "header"))
        if kind == "boolean":
            return rng.random() < 0.5
        if kind in ("integer", "long", "short", "byte"):
            bound = {"byte": 127, "short": 32767, "integer": 2**31 - 1, "long": 2**53}[kind]
            return rng.choice([0, 1, -1, rng.randint(-bound, bound), bound])
        if kind in ("float", "double"):
            return rng.choice([0.0, 1.5, -2.25, 1234.5, 3.0, 0.125])
        if kind == "timestamp":
            return self.timestamp()
        if kind == "blob":
            if rng.random() < 0.3:
                self.tags.add("binary")
                return bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 8)))
            return self.string().encode("utf-8")
        if kind == "document" or shape.metadata.get("document"):
            return rng.choice([{"a": [1, "x", True, None]}, "text", 3, [], {}])
        raise ValueError(f"no generator for {kind}")

    def structure(self, shape, depth):
        rng = self.rng
        if shape.metadata.get("document"):
            return rng.choice([{"a": [1, "x", True]}, "text", 3])
        members = shape.members
        required = set(shape.required_members)
        if shape.metadata.get("union"):
            names = [n for n, m in members.items() if not is_event_stream(m)]
            chosen = {rng.choice(names)} if names else set()
        else:
            chosen = set()
            for name, member in members.items():
                if is_event_stream(member):
                    continue
                keep = name in required or member.metadata.get("idempotencyToken")
                if keep or (depth < 4 and rng.random() < 0.6):
                    chosen.add(name)
        result = {}
        for name in members:
            if name not in chosen:
                continue
            member = members[name]
            location = member.serialization.get("location", "body")
            if member.serialization.get("hostLabel"):
                location = "hostLabel"
            if self.output and location == "statusCode":
                result[name] = rng.choice([200, 201, 202])
                continue
            result[name] = self.value(member, depth + 1, location)
        return result


def is_event_stream(shape):
    return shape.type_name == "structure" and shape.serialization.get("eventstream")


def has_event_stream(shape):
    return shape is not None and any(is_event_stream(m) for m in shape.members.values())


# ---------------------------------------------------------------- neutral params for awso


def to_params(value):
    """botocore params as the probe reads them: blobs base64, timestamps epoch seconds."""
    if isinstance(value, dict):
        return {k: to_params(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_params(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return (value - EPOCH).total_seconds()
    if hasattr(value, "read"):
        return base64.b64encode(value.read()).decode()
    return value


def typed_params(shape, value):
    """`to_params`, except that jsonvalue strings (given as objects) become JSON text."""
    if shape is None or value is None:
        return to_params(value)
    if shape.type_name == "structure" and isinstance(value, dict):
        return {k: typed_params(shape.members.get(k), v) for k, v in value.items()}
    if shape.type_name == "list" and isinstance(value, list):
        return [typed_params(shape.member, v) for v in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: typed_params(shape.value, v) for k, v in value.items()}
    if shape.type_name == "string" and not isinstance(value, str):
        return json.dumps(value, separators=(",", ":"))
    return to_params(value)


# ---------------------------------------------------------------- responses as services send them


def header_text(shape, value, default_format="rfc822"):
    kind = shape.type_name
    if kind == "list":
        return ",".join(header_text(shape.member, v, default_format) for v in value)
    if kind == "timestamp":
        return format_time(value, shape.serialization.get("timestampFormat", default_format))
    if kind == "string" and shape.serialization.get("jsonvalue"):
        return base64.b64encode(json.dumps(value).encode()).decode()
    return scalar_text(shape, value)


def scalar_text(shape, value):
    kind = shape.type_name
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "blob":
        return base64.b64encode(value).decode()
    if kind == "timestamp":
        return format_time(value, shape.serialization.get("timestampFormat", "iso8601"))
    return str(value)


def format_time(value, fmt):
    if fmt == "unixTimestamp":
        secs = (value - EPOCH).total_seconds()
        return str(int(secs)) if secs == int(secs) else f"{secs:.3f}"
    if fmt == "rfc822":
        return format_datetime(value.replace(microsecond=0), usegmt=True)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


def json_tree(shape, value, protocol):
    kind = shape.type_name
    if kind == "structure" and not shape.metadata.get("document"):
        tree = {}
        for name, member in shape.members.items():
            if name in value and "location" not in member.serialization:
                key = member.serialization.get("name", name)
                tree[key] = json_tree(member, value[name], protocol)
        return tree
    if kind == "list":
        return [json_tree(shape.member, v, protocol) for v in value]
    if kind == "map":
        return {k: json_tree(shape.value, v, protocol) for k, v in value.items()}
    if kind == "blob":
        return base64.b64encode(value).decode()
    if kind == "timestamp":
        fmt = shape.serialization.get("timestampFormat", "unixTimestamp")
        if fmt == "unixTimestamp":
            return (value - EPOCH).total_seconds()
        return format_time(value, fmt)
    return value


def member_key(member, name):
    """The element name botocore reads a structure member from."""
    if member.type_name == "list" and member.serialization.get("flattened"):
        inner = member.member.serialization.get("name")
        if inner is not None:
            return inner
    return member.serialization.get("name", name)


def xml_children(parent, shape, value):
    for name, member in shape.members.items():
        if name not in value or "location" in member.serialization:
            continue
        key = member_key(member, name)
        if member.serialization.get("xmlAttribute"):
            if key.startswith("xsi:"):
                parent.set("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            parent.set(key, scalar_text(member, value[name]))
        elif member.type_name in ("list", "map") and member.serialization.get("flattened"):
            xml_flattened(parent, key, member, value[name])
        else:
            parent.append(xml_element(key, member, value[name]))


def xml_flattened(parent, key, shape, value):
    if shape.type_name == "list":
        for item in value:
            parent.append(xml_element(key, shape.member, item))
        return
    for k, v in value.items():
        entry = ET.SubElement(parent, key)
        entry.append(xml_element(shape.key.serialization.get("name", "key"), shape.key, k))
        entry.append(xml_element(shape.value.serialization.get("name", "value"), shape.value, v))


def xml_element(name, shape, value):
    element = ET.Element(name)
    kind = shape.type_name
    if kind == "structure":
        xml_children(element, shape, value)
    elif kind == "list":
        item_name = shape.member.serialization.get("name", "member")
        for item in value:
            element.append(xml_element(item_name, shape.member, item))
    elif kind == "map":
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        for k, v in value.items():
            entry = ET.SubElement(element, "entry")
            entry.append(xml_element(key_name, shape.key, k))
            entry.append(xml_element(value_name, shape.value, v))
    else:
        element.text = scalar_text(shape, value)
    return element


def xml_bytes(element):
    return ET.tostring(element, encoding="utf-8", xml_declaration=False)


def write_rest_head(shape, value, headers):
    status = 200
    for name, member in shape.members.items():
        if name not in value:
            continue
        location = member.serialization.get("location")
        key = member.serialization.get("name", name)
        if location == "header":
            if member.type_name == "list" and not value[name]:
                continue
            headers.append((key, header_text(member, value[name])))
        elif location == "headers":
            for k, v in value[name].items():
                headers.append((key + k, str(v)))
        elif location == "statusCode":
            status = value[name]
    return status


def write_output(protocol, operation, shape, value, rng):
    """The HTTP response (status, headers, body) a service sends for output `value`."""
    headers = []
    if shape is None and protocol not in ("query", "ec2"):
        return 200, headers, b""
    if shape is None:
        value = {}
    if protocol in ("query", "ec2"):
        ns = "https://example.com/doc/%s/" % operation.service_model.api_version
        root = ET.Element(operation.name + "Response", {"xmlns": ns})
        wrapper = shape.serialization.get("resultWrapper") if shape is not None else None
        if protocol == "ec2":
            ET.SubElement(root, "requestId").text = "req-1"
            if shape is not None:
                xml_children(root, shape, value)
        elif shape is not None:
            inner = ET.SubElement(root, wrapper) if wrapper else root
            xml_children(inner, shape, value)
            meta = ET.SubElement(root, "ResponseMetadata")
            ET.SubElement(meta, "RequestId").text = "req-1"
        headers.append(("Content-Type", "text/xml"))
        return 200, headers, xml_bytes(root)
    if protocol == "json":
        headers.append(("Content-Type", "application/x-amz-json-1.1"))
        return 200, headers, json.dumps(json_tree(shape, value, protocol)).encode()
    status = write_rest_head(shape, value, headers)
    payload = shape.serialization.get("payload")
    if payload:
        member = shape.members[payload]
        if payload not in value:
            return status, headers, b""
        if member.type_name == "blob":
            return status, headers, value[payload]
        if member.type_name == "string":
            return status, headers, value[payload].encode()
        if protocol == "rest-json":
            return status, headers, json.dumps(json_tree(member, value[payload], protocol)).encode()
        name = member.serialization.get("name", member.name)
        return status, headers, xml_bytes(xml_element(name, member, value[payload]))
    if protocol == "rest-json":
        return status, headers, json.dumps(json_tree(shape, value, protocol)).encode()
    root = ET.Element(operation.name + "Result")
    xml_children(root, shape, value)
    body = xml_bytes(root) if len(root) or root.attrib else b""
    return status, headers, body


def message_case(shape, key):
    """How the error's message relates to its shape, for grouping differences."""
    if shape is None:
        return "unknown code"
    names = [n for n in shape.members if n.lower() == "message"]
    if not names:
        return "modeled, no message member"
    return "message member " + ("as sent" if key in names else f"{names[0]}, sent as {key}")


def error_code(shape):
    return shape.metadata.get("error", {}).get("code", shape.name)


def write_error(protocol, operation, rng, tags):
    """A random error response: a modeled code (with its members) or an unknown one, in
    one of the protocol's envelopes. Returns (status, headers, body, error shape or None)."""
    errors = [e for e in operation.error_shapes]
    shape = rng.choice(errors) if errors and rng.random() < 0.75 else None
    gen = Generator(rng, output=True)
    members = gen.structure(shape, 2) if shape is not None else {}
    for name, member in (shape.members.items() if shape else []):
        if "location" in member.serialization:
            members.pop(name, None)
    code = error_code(shape) if shape is not None else "SomethingUnmodeled"
    xml = protocol not in ("json", "rest-json")
    message_key = "Message" if xml else rng.choice(["message", "Message"])
    tags.add("case:" + message_case(shape, message_key))
    status = shape.metadata.get("error", {}).get("httpStatusCode", 400) if shape else 400
    message = "went wrong: " + gen.string("header")
    headers = [("x-amzn-requestid", "req-1")]
    if shape is not None and any(m.serialization.get("name", n).lower() == "code"
                                 for n, m in shape.members.items()):
        tags.add("code-member")
    if shape is not None and error_code(shape) != shape.name:
        tags.add("query-error-code")
    if protocol in ("json", "rest-json"):
        body = json_tree(shape, members, protocol) if shape is not None else {}
        body = {k: v for k, v in body.items() if k.lower() != "message"}
        envelope = rng.choice(["type", "namespaced-type", "header"] +
                              (["code-field"] if protocol == "rest-json" else []) +
                              (["bodiless"] if protocol == "rest-json" else []))
        tags.add("envelope=" + envelope)
        if envelope == "bodiless":
            return 404, headers, b"", None
        if envelope == "header":
            headers.append(("x-amzn-errortype", code + ":http://internal.amazon.com/"))
        elif envelope == "code-field":
            body["code"] = code
        else:
            prefix = "com.amazonaws.example#" if envelope == "namespaced-type" else ""
            body["__type"] = prefix + (shape.name if shape is not None else code)
        if shape is not None and operation.service_model.metadata.get("awsQueryCompatible"):
            if rng.random() < 0.5:
                headers.append(("x-amzn-query-error", code + ";Sender"))
        body[message_key] = message
        return status, headers, json.dumps(body).encode(), shape
    envelope = rng.choice(["wrapped", "bare", "bodiless"] if protocol == "rest-xml" else ["wrapped"])
    tags.add("envelope=" + envelope)
    if envelope == "bodiless":
        return 404, headers, b"", None
    error = ET.Element("Error")
    if protocol != "ec2":
        ET.SubElement(error, "Type").text = "Sender"
    ET.SubElement(error, "Code").text = code
    ET.SubElement(error, "Message").text = message
    if shape is not None:
        member_shape = {k: v for k, v in members.items()
                        if k.lower() != "message" and k.lower() != "code"}
        xml_children(error, shape, member_shape)
        members = member_shape
    if protocol == "ec2":
        root = ET.Element("Response")
        ET.SubElement(root, "Errors").append(error)
        ET.SubElement(root, "RequestID").text = "req-1"
    elif envelope == "bare":
        root = error
        ET.SubElement(root, "RequestId").text = "req-1"
    else:
        root = ET.Element("ErrorResponse")
        root.append(error)
        ET.SubElement(root, "RequestId").text = "req-1"
    return status, headers, xml_bytes(root), shape


# ---------------------------------------------------------------- comparison


def close(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
    return a == b


def compare_trees(a, b, path, diffs):
    """Structural differences of two JSON-like trees (a: botocore, b: awso)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in b:
                diffs.append(f"{path}.{key}: awso lacks it (botocore {short(a[key])})")
            elif key not in a:
                diffs.append(f"{path}.{key}: botocore lacks it (awso {short(b[key])})")
            else:
                compare_trees(a[key], b[key], f"{path}.{key}", diffs)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append(f"{path}: botocore {len(a)} items, awso {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            compare_trees(x, y, f"{path}[{i}]", diffs)
    elif not close(a, b):
        diffs.append(f"{path}: botocore {short(a)}, awso {short(b)}")


def short(value):
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) < 80 else text[:77] + "..."


def xml_tree(data):
    root = ET.fromstring(data)

    def walk(element):
        tree = {"tag": element.tag, "attrib": dict(element.attrib),
                "text": (element.text or "") if len(element) == 0 else ""}
        tree["children"] = [walk(child) for child in element]
        return tree

    return walk(root)


def query_pairs(text, form=False):
    """Name-value pairs; a form body (not a URL query) also reads `+` as a space."""
    decode = unquote_plus if form else unquote
    pairs = []
    for part in text.split("&"):
        if part:
            key, _, value = part.partition("=")
            pairs.append((decode(key), decode(value)))
    return sorted(pairs)


def compare_pairs(a, b, what, diffs):
    if a == b:
        return
    only_a = [p for p in a if p not in b]
    only_b = [p for p in b if p not in a]
    theirs = dict(only_b)
    for key, value in only_a[:3]:
        if key in theirs:
            diffs.append(f"{what} {key}: botocore {short(value)}, awso {short(theirs.pop(key))}")
        else:
            diffs.append(f"{what} {key}: botocore {short(value)}, awso lacks it")
    for key, value in list(theirs.items())[:3]:
        diffs.append(f"{what} {key}: awso {short(value)}, botocore lacks it")
    if not only_a and not only_b:
        diffs.append(f"{what}: same pairs, different counts")


def media_type(value):
    parts = [p.strip() for p in (value or "").split(";")]
    params = sorted(p.lower() for p in parts[1:] if p and p.lower() != "charset=utf-8")
    return ";".join([parts[0].lower()] + params)


def compare_bodies(protocol, content_type, a, b, diffs):
    if a == b:
        return
    try:
        if protocol in ("query", "ec2") and "x-www-form-urlencoded" in content_type:
            compare_pairs(query_pairs(a.decode(), True), query_pairs(b.decode(), True), "form",
                          diffs)
            return
        if a and b and protocol in ("json", "rest-json") and (
                "json" in content_type or a[:1] == b[:1] == b"{"):
            compare_trees(json.loads(a), json.loads(b), "body", diffs)
            return
        if a and b and protocol == "rest-xml" and "xml" in content_type.lower() or (
                a.startswith(b"<") and b.startswith(b"<")):
            before = len(diffs)
            compare_trees(xml_tree(a), xml_tree(b), "xml", diffs)
            if len(diffs) == before and a != b:
                pass
            return
    except (ValueError, ET.ParseError) as e:
        diffs.append(f"body: cannot compare ({type(e).__name__}: {e})")
        return
    diffs.append(f"body bytes: botocore {short(a[:60].decode('utf-8', 'replace'))}, "
                 f"awso {short(b[:60].decode('utf-8', 'replace'))}")


def compare_request(protocol, mine, theirs):
    diffs = []
    if mine["method"] != theirs["method"]:
        diffs.append(f"method: botocore {mine['method']}, awso {theirs['method']}")
    path, _, query = theirs["target"].partition("?")
    if mine["path"] != path:
        diffs.append(f"path: botocore {mine['path']!r}, awso {path!r}")
    compare_pairs(query_pairs(mine["query"]), query_pairs(query), "query", diffs)
    a = {k.lower(): v for k, v in mine["headers"] if k.lower() not in TRANSPORT_HEADERS}
    b = {}
    for k, v in theirs["headers"]:
        if k.lower() not in TRANSPORT_HEADERS:
            b[k.lower()] = b[k.lower()] + ", " + v if k.lower() in b else v
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name), b.get(name)
        if name == "content-type" and x is not None and y is not None:
            x, y = media_type(x), media_type(y)
        if x != y:
            diffs.append(f"header {name}: botocore {short(x)}, awso {short(y)}")
    body = base64.b64decode(theirs["body"])
    compare_bodies(protocol, (a.get("content-type") or b.get("content-type") or ""),
                   mine["body"], body, diffs)
    return diffs


def normalize_parsed(value, shape=None):
    """botocore's parsed output as neutral params; a blob botocore gave as text (a payload
    it decoded as UTF-8) is its bytes again."""
    kind = shape.type_name if shape is not None else None
    if isinstance(value, dict):
        members = shape.members if kind == "structure" else {}
        inner = shape.value if kind == "map" else None
        return {k: normalize_parsed(v, members.get(k, inner)) for k, v in value.items()
                if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [normalize_parsed(v, shape.member if kind == "list" else None) for v in value]
    if kind == "blob" and isinstance(value, str):
        value = value.encode("utf-8")
    return to_params(value)


# ---------------------------------------------------------------- the probe


class Probe:
    def __init__(self, path):
        env = dict(os.environ, AWSO_DIFFERENTIAL_PROBE="1")
        self.process = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=env, bufsize=1 << 20)

    def ask_all(self, cases):
        """Sends every case (from a thread, so neither pipe can fill up) and reads the
        answers in order."""
        def write():
            for case in cases:
                self.process.stdin.write(json.dumps(case).encode() + b"\n")
            self.process.stdin.flush()

        writer = threading.Thread(target=write)
        writer.start()
        answers = []
        for _ in cases:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the probe ended early")
            answers.append(json.loads(line))
        writer.join()
        return answers


# ---------------------------------------------------------------- cases


def seed_of(*parts):
    return zlib.crc32("/".join(map(str, parts)).encode())


def botocore_request(protocol, operation, params):
    serializer = botocore.serialize.create_serializer(protocol, include_validation=False)
    request = serializer.serialize_to_request(params, operation)
    prepare_request_dict(request, endpoint_url="https://example.com")
    prepared = create_request_object(request).prepare()
    url = urlsplit(prepared.url)
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    elif hasattr(body, "read"):
        body = body.read()
    return {"method": prepared.method, "path": url.path or "/", "query": url.query,
            "headers": list(prepared.headers.items()), "body": body}


class Oracle:
    def __init__(self, args):
        self.args = args
        self.session = botocore.session.get_session()
        self.probe = Probe(args.probe)
        self.counts = defaultdict(lambda: [0, 0, 0])  # passed, failed, known
        self.skipped = defaultdict(int)
        self.groups = {}
        with open(os.path.join(HERE, "known.json")) as f:
            self.known_file = json.load(f)
        self.known = [dict(k, regex=re.compile(k["pattern"])) for k in self.known_file["known"]]
        self.known_hits = defaultdict(int)

    def run(self):
        names = self.session.get_available_services()
        if self.args.services:
            names = [n for n in names if n in self.args.services.split(",")]
        for name in names:
            self.service(name)

    def service(self, name):
        data = self.session.get_service_data(name)
        protocol = choose_protocol(data["metadata"])
        if protocol not in SUPPORTED:
            self.skipped[f"{name}: protocol {protocol}"] += 1
            return
        data = dict(data, metadata=dict(data["metadata"], protocol=protocol))
        data["metadata"].pop("protocols", None)
        model = ServiceModel(data, name)
        label = protocol_label(data["metadata"])
        load = {"op": "load", "service": name}
        if self.args.mode == "dynamic":  # the static probe has its models compiled in
            load["model"] = data
        loaded = self.probe.ask_all([load])[0]
        if "failure" in loaded:
            self.record(label, "requests", name, "-", [f"model: {loaded['failure']}"], set())
            return
        cases, checks = [], []
        for op_name in model.operation_names:
            operation = model.operation_model(op_name)
            for i in range(self.args.cases):
                self.request_case(name, label, protocol, operation, i, cases, checks)
                self.response_case(name, label, protocol, operation, i, cases, checks)
                self.error_case(name, label, protocol, operation, i, cases, checks)
        for answer, check in zip(self.probe.ask_all(cases), checks):
            check(answer)

    def request_case(self, name, label, protocol, operation, i, cases, checks):
        if has_event_stream(operation.input_shape):
            self.skipped["requests: event stream input"] += 1
            return
        gen = Generator(random.Random(seed_of(name, operation.name, "in", i)))
        params = gen.structure(operation.input_shape, 0) if operation.input_shape else {}
        try:
            mine = botocore_request(protocol, operation, params)
        except Exception as e:  # botocore refuses the input: not a comparison
            self.skipped[f"requests: botocore raised {type(e).__name__}"] += 1
            return
        cases.append({"op": "request", "service": name, "operation": operation.name,
                      "params": typed_params(operation.input_shape, params)})

        def check(answer):
            if "failure" in answer:
                diffs = [f"awso failed: {answer['failure']}"]
            else:
                diffs = compare_request(protocol, mine, answer)
            self.record(label, "requests", name, operation.name, diffs, gen.tags)

        checks.append(check)

    def response_case(self, name, label, protocol, operation, i, cases, checks):
        if has_event_stream(operation.output_shape):
            self.skipped["responses: event stream output"] += 1
            return
        rng = random.Random(seed_of(name, operation.name, "out", i))
        gen = Generator(rng, output=True)
        shape = operation.output_shape
        value = gen.structure(shape, 0) if shape is not None else {}
        status, headers, body = write_output(protocol, operation, shape, value, rng)
        payload = shape.serialization.get("payload") if shape is not None else None
        if not body and not (payload and shape.members[payload].serialization.get("streaming")):
            # A streaming blob is still there when empty (a 0-byte object); other payloads
            # are absent.
            gen.tags.add("empty-body")
        self.parse_case(name, label, protocol, operation, "responses", status, headers, body,
                        gen.tags, cases, checks, None)

    def error_case(self, name, label, protocol, operation, i, cases, checks):
        rng = random.Random(seed_of(name, operation.name, "err", i))
        tags = set()
        status, headers, body, shape = write_error(protocol, operation, rng, tags)
        self.parse_case(name, label, protocol, operation, "errors", status, headers, body,
                        tags, cases, checks, shape)

    def parse_case(self, name, label, protocol, operation, kind, status, headers, body, tags,
                   cases, checks, error_shape):
        parser = botocore.parsers.create_parser(protocol)
        response = {"status_code": status, "headers": HeadersDict(headers), "body": body,
                    "context": {"operation_name": operation.name}}
        try:
            parsed = parser.parse(response, operation.output_shape)
            if status >= 300:
                code = parsed.get("Error", {}).get("Code")
                shape = operation.service_model.shape_for_error_code(code) if code else None
                if shape is not None:
                    parsed.update(parser.parse(response, shape))
        except Exception as e:
            if isinstance(e, UnicodeDecodeError) and "binary" in tags:
                # botocore decodes a blob payload as UTF-8: the known difference says so.
                if self.explained(label, kind, "botocore raised UnicodeDecodeError", tags):
                    self.counts[(label, kind)][2] += 1
                    return
            self.skipped[f"{kind}: botocore raised {type(e).__name__}"] += 1
            return
        metadata = parsed.get("ResponseMetadata", {}) if isinstance(parsed, dict) else {}
        parsed = normalize_parsed(parsed, error_shape if status >= 300 else operation.output_shape)
        cases.append({"op": "response", "service": name, "operation": operation.name,
                      "status": status, "headers": [list(h) for h in headers],
                      "body": base64.b64encode(body).decode()})

        def check(answer):
            diffs = []
            if "failure" in answer:
                diffs.append(f"awso failed: {answer['failure']}")
            elif "decode_error" in answer:
                diffs.append(f"awso decode error: {answer['decode_error']}")
            elif status < 300:
                if "error" in answer:
                    diffs.append(f"awso gave the error {answer['error']['code']}")
                else:
                    compare_trees(parsed, answer["output"], "output", diffs)
            elif "output" in answer:
                diffs.append("awso gave an output for an error response")
            else:
                self.compare_error(parsed, metadata, answer["error"], diffs)
            self.record(label, kind, name, operation.name, diffs, tags)

        checks.append(check)

    def compare_error(self, parsed, metadata, error, diffs):
        expected = parsed.pop("Error", {})
        # Every error, modeled or not, carries the answer's request id and status.
        if metadata.get("RequestId") != error.get("request_id"):
            diffs.append(f"error request id: botocore {short(metadata.get('RequestId'))}, "
                         f"awso {short(error.get('request_id'))}")
        if metadata.get("HTTPStatusCode", error.get("status")) != error.get("status"):
            diffs.append(f"error status: botocore {metadata.get('HTTPStatusCode')}, "
                         f"awso {error.get('status')}")
        if expected.get("Code", "") != error["code"]:
            diffs.append(f"error code: botocore {short(expected.get('Code'))}, "
                         f"awso {short(error['code'])}")
        if expected.get("Message", "") != error["message"]:
            diffs.append(f"error message: botocore {short(expected.get('Message'))}, "
                         f"awso {short(error['message'])}")
        if parsed and not error["modeled"]:
            diffs.append("error: botocore read it as a modeled error, awso as unknown")
        elif error["modeled"]:
            members = {k: v for k, v in error["members"].items()}
            compare_trees(parsed, members, "error", diffs)

    def record(self, label, kind, service, operation, diffs, tags):
        counts = self.counts[(label, kind)]
        if not diffs:
            counts[0] += 1
            return
        unexplained = [d for d in diffs if not self.explained(label, kind, d, tags)]
        if not unexplained:
            counts[2] += 1
            return
        counts[1] += 1
        first = unexplained[0]
        wanted = "case:" if first.startswith("error message") else "envelope="
        context = sorted(t for t in tags if t.startswith(wanted))
        cause = f"{label} {kind}: {group_key(unexplained[0])}"
        if context:
            cause += f" [{', '.join(context)}]"
        group = self.groups.setdefault(cause, {"count": 0, "example": None})
        group["count"] += 1
        if group["example"] is None:
            group["example"] = f"{service}.{operation}: " + " | ".join(unexplained[:4])

    def explained(self, label, kind, diff, tags):
        for entry in self.known:
            if entry.get("protocols") and label not in entry["protocols"]:
                continue
            if entry.get("kind") and entry["kind"] != kind:
                continue
            if entry.get("tag") and entry["tag"] not in tags:
                continue
            if entry["regex"].search(diff):
                self.known_hits[entry["id"]] += 1
                return True
        return False


def group_key(diff):
    """A difference with its specifics (paths, names, values) taken out."""
    key = re.sub(r"^(output|error|body|xml)(\.[^:]*)?:", lambda m: path_kind(m.group(0)), diff)
    key = re.sub(r"^(header|query|form) [^:]+:", r"\1 _:", key)
    key = re.sub(r'"(?:[^"\\]|\\.)*"', '"…"', key)
    key = re.sub(r"\((botocore|awso) (.).*\)$", lambda m: f"({m.group(1)} {kind_of(m.group(2))})", key)
    key = re.sub(r"-?\b\d+(\.\d+)?\b", "N", key)
    return key[:200]


def path_kind(path):
    last = path.rstrip(":").split(".")[-1]
    head = path.split(".")[0].rstrip(":")
    if last in ("tag", "text", "attrib") or head in ("xml",):
        return f"{head} …{last if last in ('tag', 'text', 'attrib') else ''}:"
    return f"{head} member:"


def kind_of(first):
    return {"[": "list", "{": "structure", '"': "text", "t": "boolean", "f": "boolean",
            "n": "null"}.get(first, "number")


def self_check(known_file):
    """The comparison must see the differences it exists to see, and every known entry must
    say why; a failure here is a broken oracle, not a difference."""
    for entry in known_file["known"]:
        extra = set(entry) - {"id", "protocols", "kind", "tag", "pattern", "reason"}
        if extra or not entry.get("reason") or not entry.get("pattern"):
            raise SystemExit(f"known.json: entry {entry.get('id')} needs id, pattern and reason"
                             f" and nothing else (has {sorted(entry)})")
        re.compile(entry["pattern"])
    mine = {"method": "PUT", "path": "/a%20b", "query": "x=1&y=2", "body": b"<A><B>1</B></A>",
            "headers": [("Content-Type", "application/xml")]}
    theirs = {"method": "PUT", "target": "/a%20b?y=2&x=1", "body": base64.b64encode(mine["body"]).decode(),
              "headers": [["content-type", "application/xml"]]}
    assert compare_request("rest-xml", mine, theirs) == [], "equal requests differ"
    for change in ({"method": "POST"}, {"target": "/a+b?y=2&x=1"}, {"target": "/a%20b?x=1"},
                   {"body": base64.b64encode(b"<A><B>2</B></A>").decode()},
                   {"headers": [["content-type", "text/xml"]]}):
        assert compare_request("rest-xml", mine, dict(theirs, **change)), f"missed {change}"
    diffs = []
    compare_trees({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "y"}]}, "output", diffs)
    assert diffs, "missed a nested difference"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", required=True)
    parser.add_argument("--mode", choices=["dynamic", "static"], default="dynamic")
    parser.add_argument("--cases", type=int, default=int(os.environ.get("AWSO_DIFFERENTIAL_CASES", "1")))
    parser.add_argument("--services", default=os.environ.get("AWSO_DIFFERENTIAL_SERVICES"))
    parser.add_argument("--report", default=os.environ.get("AWSO_DIFFERENTIAL_REPORT"))
    parser.add_argument("--fatal", default=os.environ.get("AWSO_DIFFERENTIAL_FATAL"))
    args = parser.parse_args()
    start = time.time()
    oracle = Oracle(args)
    self_check(oracle.known_file)
    oracle.run()
    lines = []
    total = [0, 0, 0]
    name = "differential static" if args.mode == "static" else "differential"
    for (label, kind), (passed, failed, known) in sorted(oracle.counts.items()):
        lines.append(f"{name} {label} {kind}: {passed} passed, {failed} failed, {known} known")
        total = [total[0] + passed, total[1] + failed, total[2] + known]
    lines.append(f"{name} total: {total[0]} passed, {total[1]} failed, {total[2]} known"
                 f" ({time.time() - start:.0f} s)")
    for reason, count in sorted(oracle.skipped.items()):
        lines.append(f"{name} skipped: {count} cases: {reason}")
    for entry in oracle.known_file["known"]:
        lines.append(f"{name} known {entry['id']}: {oracle.known_hits[entry['id']]} differences")
    groups = sorted(oracle.groups.items(), key=lambda kv: -kv[1]["count"])
    detail = [f"{g['count']:6}  {cause}\n        e.g. {g['example']}" for cause, g in groups]
    print("\n".join(lines))
    if detail:
        print(f"differential: {len(groups)} groups of unexplained differences:")
        print("\n".join(detail[:60]))
    if args.report:
        with open(args.report, "w") as f:
            f.write("\n".join(lines + detail) + "\n")
    fatal = args.fatal if args.fatal is not None else ",".join(oracle.known_file["fatal"])
    failing = {label for (label, _), (_, failed, _) in oracle.counts.items() if failed}
    fatal_set = failing if fatal == "all" else set() if fatal in ("", "none") else set(fatal.split(",")) & failing
    if fatal_set:
        print(f"differential: unexplained differences in fatal protocols: {sorted(fatal_set)}")
        return 1
    if failing:
        print(f"differential: unexplained differences (not fatal here): {sorted(failing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
