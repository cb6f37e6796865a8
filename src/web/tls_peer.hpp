// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What a TLS client expects of the server before its handshake, for Slack's connections and
// Redis's alike: SNI, peer verification, and the certificate's name or address checked.
#include <boost/system/error_code.hpp>

#include <openssl/types.h>

#include <string>

namespace slack::web::detail {

/// Sets, on `handle` before its handshake: SNI for a host name (never an address: RFC 6066),
/// peer verification, and OpenSSL's own check of `host` (a name or an IP address) against the
/// certificate, so that a mismatch is a verify error like any other. An OpenSSL error (in the
/// SSL category) when one cannot be set.
boost::system::error_code expect_peer(SSL* handle, const std::string& host);

}  // namespace slack::web::detail
