#!/usr/bin/env python3
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
"""Writes the seed corpora under test/fuzz/corpus/ (committed; rerun when the inputs below or
Slack's examples change). Usage: make_corpus.py [path/to/shared/slack/methods.json]"""
import base64
import json
import pathlib
import shutil
import sys

here = pathlib.Path(__file__).resolve().parent
methods_json = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / "shared" / "slack" / "methods.json"
corpus = here / "corpus"


def write(target, name, data):
    path = corpus / target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# --- reply: responses as the server sends them -------------------------------------------
ok_body = '{"ok":true,"access_token":"xoxp-1-2-3","scope":"bot","team_id":"T1","team_name":"N"}'
limited = '{"ok":false,"error":"ratelimited"}'


def response(status_line, headers, body=""):
    head = "".join(f"{h}\r\n" for h in headers)
    return f"HTTP/1.1 {status_line}\r\n{head}\r\n{body}"


def chunked(body, size):
    parts = [body[i:i + size] for i in range(0, len(body), size)]
    return "".join(f"{len(p):x}\r\n{p}\r\n" for p in parts) + "0\r\n\r\n"


json_type = "Content-Type: application/json; charset=utf-8"
write("reply", "200-length", response("200 OK", [json_type, f"Content-Length: {len(ok_body)}"], ok_body))
write("reply", "200-chunked", response("200 OK", [json_type, "Transfer-Encoding: chunked"], chunked(ok_body, 16)))
write("reply", "200-chunked-ext-trailer",
      response("200 OK", ["Transfer-Encoding: chunked", "Trailer: Retry-After"],
               f"{len(ok_body):x};name=value\r\n{ok_body}\r\n0\r\nRetry-After: 1\r\n\r\n"))
write("reply", "429-delta", response("429 Too Many Requests",
                                     [json_type, "Retry-After: 30", f"Content-Length: {len(limited)}"], limited))
write("reply", "429-date", response("429 Too Many Requests",
                                    ["Retry-After: Wed, 21 Oct 2026 07:28:00 GMT", f"Content-Length: {len(limited)}"],
                                    limited))
write("reply", "429-date-past", response("429 Too Many Requests",
                                         ["Retry-After: Sun, 06 Nov 1994 08:49:37 GMT", "Content-Length: 0"]))
write("reply", "103-then-200", response("103 Early Hints", ["Link: </style.css>; rel=preload"]) +
      response("200 OK", [f"Content-Length: {len(ok_body)}"], ok_body))
write("reply", "100-then-429", response("100 Continue", []) +
      response("429 Too Many Requests", ["Retry-After: 5", "Content-Length: 0"]))
write("reply", "503-html-until-close",
      response("503 Service Unavailable", ["Content-Type: text/html", "Connection: close"],
               "<html><body>Slack is having trouble</body></html>"))
write("reply", "204", response("204 No Content", ["Connection: keep-alive"]))
write("reply", "http10-until-close", f"HTTP/1.0 200 OK\r\n\r\n{ok_body}")
write("reply", "200-then-extra", response("200 OK", [f"Content-Length: {len(ok_body)}"], ok_body) + "HTTP/1.1 200")
write("reply", "retry-after-delta", "120")
write("reply", "retry-after-date", "Sun, 06 Nov 1994 08:49:37 GMT")

# --- body: a status selector ('0' = 200, '6' = 429, '7' = 500), then the body -------------
methods = json.loads(methods_json.read_text())["methods"]
for method, facts in methods.items():
    examples = {"ok": facts.get("example_ok"), "error": facts.get("example_error")}
    for name, example in (facts.get("examples_docs_all") or {}).items():
        examples[f"docs-{name}"] = example
        if isinstance(example, dict) and "ok" not in example:  # the docs often leave "ok" out
            examples[f"docs-{name}-ok"] = {"ok": not name.startswith("error"), **example}
    for name, example in examples.items():
        if example is not None:
            write("body", f"{method}-{name}", "0" + compact(example))
write("body", "429-ratelimited", "6" + limited)
write("body", "500-html", "7<html><body>oops</body></html>")
write("body", "200-empty", "0")
write("body", "escaped", "0" + r'{"ok":true,"access_token":"xoxp-1\u002d2","team_name":"Caf\u00e9 \"T\"",'
      r'"team_id":"T1","incoming_webhook":{"url":"https:\/\/hooks.slack.com\/T1","channel":"#c"},'
      r'"bot":{"bot_user_id":"U1","bot_access_token":"xoxb-\u0031"}}')
write("body", "repeated-keys", "0" + '{"ok":true,"access_token":"x","bot":{"bot_user_id":"U1"},"bot":null,'
      '"team_id":"T1","team_id":null,"team_name":7,"team_name":"N","ok":true}')
write("body", "wrong-types", "0" + '{"ok":true,"access_token":42,"team_id":"T1","scope":["a"],"enterprise_id":false}')
write("body", "warnings", "0" + '{"ok":true,"access_token":"x","warning":"superfluous_charset,other",'
      '"response_metadata":{"warnings":["superfluous_charset"],"messages":["[WARN] a",1]}}')
write("body", "missing-scope", "0" + '{"ok":false,"error":"missing_scope","needed":"a","provided":"b,c"}')
write("body", "latin1", b'0{"ok":true,"access_token":"xoxp-1","team_name":"Caf\xe9","team_id":"T1"}')
write("body", "not-object", "0" + '["ok",true]')
write("body", "truncated", "0" + '{"ok":true,"access_token":"xoxp-trunc')
write("body", "numbers-deep", "0" + '{"ok":false,"error":"x","a":[[[{"b":-1.5e300}]]],"n":18446744073709551616}')

# --- form: a separator byte, then key, value, key, value... -------------------------------
write("form", "access-params", "|client_id|1111111111.2222222222|client_secret|mock-client-secret-0123456789"
      "|code|4724469134.abc|redirect_uri|https://example.com/cb?x=1&y=2#f")
write("form", "reserved", "|a b+c%d&e=f|:/?#[]@!$&'()*,;=|~-._|")
write("form", "utf8", "\t\u00e9\u00e8 \u2603\tv\u00e4lue\tk\t")
write("form", "empty", "||")
write("form", "binary", b"\x00\x00\xff\x01\x7f\x00%zz%\x00+")

# --- mock: authorization '\n' content type '\n' body --------------------------------------
basic = "Basic " + base64.b64encode(b"1111111111.2222222222:mock-client-secret-0123456789").decode()
form = "application/x-www-form-urlencoded"
magic = ["reusable", "error-invalid_code", "payload-minimal", "payload-escaped", "payload-repeated",
         "payload-latin1", "warning", "ratelimit-2-1", "ratelimitdate-1-2", "ratelimitbare", "status-502-1",
         "unavailable-1", "delay-5", "chunked", "cut", "close", "malformed", "wrongtype", "notobject", "html",
         "oversized-64"]
for m in magic:
    write("mock", f"magic-{m}", f"{basic}\n{form}\ncode=mock-{m}")
write("mock", "credentials-in-body", f"\n{form}; charset=utf-8\n"
      "client_id=1111111111.2222222222&client_secret=mock-client-secret-0123456789&code=mock-payload&redirect_uri=x")
write("mock", "unknown-code", f"{basic}\n{form}\ncode=4724469134.00&code=again")
write("mock", "bad-basic", f"Basic !!!!\n{form}\ncode=mock-reusable")
write("mock", "basic-padding", "Basic " + base64.b64encode(b"a:b").decode() + f"\n{form}\ncode=x")
write("mock", "json-type", f"{basic}\napplication/json\n{{\"code\":\"x\"}}")
write("mock", "no-type", f"{basic}\n\ncode=x")
write("mock", "bad-form", f"{basic}\n{form}\ncode=%zz&a")
