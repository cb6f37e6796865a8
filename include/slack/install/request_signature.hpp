// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Slack's request signatures (Events API, interactivity, slash commands): X-Slack-Signature is
/// "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body)).
#include <boost/system/error_code.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace slack::install {

/// How far a request's timestamp may be from now, either way (Slack suggests five minutes).
inline constexpr std::chrono::seconds default_signature_window = std::chrono::minutes(5);

/// Checks a request Slack signed. `body` is the raw body, exactly as received. Errors
/// (slack::install_errc), in this order: secret_too_short (empty secret); signature_missing (a
/// header empty or absent); signature_stale (timestamp not decimal seconds, or more than
/// `window` from `now`); signature_mismatch (compared in constant time).
boost::system::error_code verify_request_signature(
    std::string_view signing_secret, std::string_view timestamp_header, std::string_view body,
    std::string_view signature_header, std::chrono::system_clock::time_point now = std::chrono::system_clock::now(),
    std::chrono::seconds window = default_signature_window);

/// The X-Slack-Signature value Slack would send: for tests and the mock server.
std::string sign_request(std::string_view signing_secret, std::string_view timestamp, std::string_view body);

}  // namespace slack::install
