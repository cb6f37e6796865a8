// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// BOOST_ASSERT for the libFuzzer build (BOOST_ENABLE_ASSERT_HANDLER): Boost's assertions stay on
// with NDEBUG and abort like a crash, except one known to be wrong in Boost 1.81.
#include <boost/assert.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace boost {

void assertion_failed_msg(const char* expr, const char* msg, const char* function, const char* file, long line)
{
    // Beast's chunk parser asserts n >= 5 when the last chunk "0\r\n" was seen and fewer than two
    // more bytes arrive; the code after it handles that (need_more). Fixed upstream in
    // boostorg/beast#2861; with NDEBUG, as the library ships, nothing happens.
    if (std::string_view(file).ends_with("boost/beast/http/impl/basic_parser.ipp") &&
        std::string_view(expr) == "n >= 5")
        return;
    std::fprintf(stderr, "%s:%ld: %s: Boost assertion failed: %s%s%s\n", file, line, function, expr, msg ? ": " : "",
                 msg ? msg : "");
    std::abort();
}

void assertion_failed(const char* expr, const char* function, const char* file, long line)
{
    assertion_failed_msg(expr, nullptr, function, file, line);
}

}  // namespace boost
