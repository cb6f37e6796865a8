// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Invariant checks for the fuzz targets: unlike assert they stay on with NDEBUG, and they abort,
// which libFuzzer and the replay runner both report as a crash.
#include <cstdio>
#include <cstdlib>

namespace slack_fuzz {

[[noreturn]] inline void check_failed(const char* condition, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, condition);
    std::abort();
}

}  // namespace slack_fuzz

#define FUZZ_CHECK(condition) \
    ((condition) ? static_cast<void>(0) : ::slack_fuzz::check_failed(#condition, __FILE__, __LINE__))
