// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// BOOST_TEST(a == b) prints both sides on failure: these print the SDK's error enums by name.
#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/install/install_errc.hpp>
#include <slack/store/store_errc.hpp>

#include <ostream>

namespace slack {
inline std::ostream& operator<<(std::ostream& os, api_errc e) { return os << to_string(e); }
inline std::ostream& operator<<(std::ostream& os, client_errc e) { return os << to_string(e); }
inline std::ostream& operator<<(std::ostream& os, store_errc e) { return os << to_string(e); }
inline std::ostream& operator<<(std::ostream& os, install_errc e) { return os << to_string(e); }
}  // namespace slack
