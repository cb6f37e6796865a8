#!/usr/bin/env python3
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
"""Self Ir per call by part (OpenSSL, malloc, a file of src/web, Boost.JSON, Beast, Asio...),
SDK against baseline, from callgrind_annotate. The SDK's extra cost first.
Usage: bench/callgrind_by_part.py SDK_FILE SDK_CALLS BASELINE_FILE BASELINE_CALLS
(the calls: bench/callgrind_per_call.py's SSL_write counts)."""
import collections
import re
import subprocess
import sys


def part(location, library):
    if "libssl" in library or "libcrypto" in library:
        return "TLS (OpenSSL)"
    if any(word in location for word in ("malloc", "operator new", "operator delete", "allocation_counter")):
        return "malloc/free/new"
    if "libc.so" in library:
        return "libc other (memcpy, strcmp, mutex)"
    if m := re.search(r"(?:^|/)(src/web/[\w/]+\.[ch]pp|include/slack/[\w/]+\.hpp)", location):
        return m.group(1)
    for prefix in ("boost/json", "boost/beast/http", "boost/beast", "boost/asio/ssl", "boost/asio", "boost/url"):
        if prefix in location:
            return prefix
    if location.startswith("bench/") or "/bench/" in location:
        return "bench"
    if "/c++/" in location:
        return "libstdc++ headers (inlined)"
    return "other"


def parts(path):
    out = subprocess.run(["callgrind_annotate", "--auto=no", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    sums = collections.Counter()
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*?)(?: \[([^\[\]]*)\])?$", line)
        if m and "PROGRAM TOTALS" not in line:
            sums[part(m.group(2), m.group(3) or "")] += int(m.group(1).replace(",", ""))
    return sums


sdk, sdk_calls = parts(sys.argv[1]), int(sys.argv[2])
base, base_calls = parts(sys.argv[3]), int(sys.argv[4])
rows = [(k, sdk[k] / sdk_calls, base[k] / base_calls) for k in set(sdk) | set(base)]
print(f"{'part':40} {'sdk':>8} {'baseline':>8} {'diff':>8}")
for name, s, b in sorted(rows, key=lambda r: r[2] - r[1]):
    if abs(s) >= 50 or abs(b) >= 50:
        print(f"{name:40} {s:8.0f} {b:8.0f} {s - b:+8.0f}")
print(f"{'total':40} {sum(sdk.values()) / sdk_calls:8.0f} {sum(base.values()) / base_calls:8.0f}")
