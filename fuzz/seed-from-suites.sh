#!/usr/bin/env bash
# Seeds local fuzz runs from the protocol conformance suites, at run time: the request and
# response bodies of $AWSO_PROTOCOL_TESTS (default ../shared/protocol-tests, relative to the
# project root) become files of fuzz/corpus/<target>/, which git ignores. Nothing of the
# suites is ever committed: the committed seeds (fuzz/seeds/) are the project's own data.
#
#   fuzz/seed-from-suites.sh
#   cargo +nightly fuzz run json_decode fuzz/corpus/json_decode fuzz/seeds/json_decode
#
# Responses are written in the protocol targets' framing (status line, headers, empty line,
# body; see fuzz/src/http_input.rs); bodies alone go to json_decode and xml_decode.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
suites="${AWSO_PROTOCOL_TESTS:-$fuzz_dir/../../shared/protocol-tests}"
if [ ! -d "$suites/output" ]; then
  echo "no protocol suites at $suites (set AWSO_PROTOCOL_TESTS)" >&2
  exit 1
fi
corpus="$fuzz_dir/corpus"
python3 - "$suites" "$corpus" <<'PY'
import hashlib, json, os, sys

suites, corpus = sys.argv[1], sys.argv[2]
RESPONSE_TARGET = {
    "rest-json": "rest_json_response", "json": "aws_json_response",
    "rest-xml": "rest_xml_response", "query": "aws_query_response", "ec2": "ec2_query_response",
}
BODY_TARGET = {"rest-json": "json_decode", "json": "json_decode", "rest-xml": "xml_decode",
               "query": "xml_decode", "ec2": "xml_decode"}
written = {}

def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    os.makedirs(os.path.join(corpus, target), exist_ok=True)
    name = "suite-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data)
    written.setdefault(target, set()).add(name)

def framed(response):
    lines = [str(response.get("status_code", 200))]
    for name, value in (response.get("headers") or {}).items():
        lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n\n" + (response.get("body") or "")

for kind in ("output", "input"):
    directory = os.path.join(suites, kind)
    for file in sorted(os.listdir(directory)):
        if not file.endswith(".json") or "cbor" in file:
            continue
        with open(os.path.join(directory, file), encoding="utf-8") as f:
            groups = json.load(f)
        for group in groups:
            protocol = group.get("metadata", {}).get("protocol")
            if protocol not in RESPONSE_TARGET:
                continue
            for case in group.get("cases", []):
                if kind == "output" and "response" in case:
                    write(RESPONSE_TARGET[protocol], framed(case["response"]))
                    body = case["response"].get("body")
                else:
                    body = (case.get("serialized") or {}).get("body")
                    if protocol in ("query", "ec2"):
                        body = None  # form bodies: no decoder reads them
                if body:
                    write(BODY_TARGET[protocol], body)

for target, names in sorted(written.items()):
    print(f"{target}: {len(names)} suite inputs in {os.path.join(corpus, target)}")
PY
