#!/usr/bin/env python3
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
"""Instructions per call in slack_bench's callgrind.out.* files: the collected Ir over the calls
to SSL_write (one per request). Says which process a file is (sdk, baseline, mock) by the
functions in it. Usage: bench/callgrind_per_call.py DIR/callgrind.out.*"""
import re
import sys

for path in sys.argv[1:]:
    names, kind, total, calls, callee = {}, "?", 0, 0, ""
    with open(path, errors="replace") as f:
        for line in f:
            m = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?", line)  # names are compressed: (id) name, then (id)
            if m:
                if m.group(3):
                    names[m.group(2)] = m.group(3)
                name = names.get(m.group(2), "")
                if "baseline_state" in name:
                    kind = "baseline"
                elif "sdk_state" in name:
                    kind = "sdk"
                elif "slack::mock" in name and kind == "?":
                    kind = "mock"
                if m.group(1) == "cfn":
                    callee = name
            elif line.startswith("calls=") and callee == "SSL_write":
                calls += int(line.split("=")[1].split()[0])
            elif line.startswith(("totals:", "summary:")):
                total = int(line.split()[1])
    per_call = total / calls if calls else 0
    print(f"{path}\t{kind}\tIr {total}\tSSL_write {calls}\tper call {per_call:.0f}")
