// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The query Slack's authorize page sends the browser back with: `code` and `state` after an
/// approval, `error` (and `state`) after a refusal.
#include <slack/install/install_errc.hpp>

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace slack::install {

/// What Slack's redirect to the app carries in its query string.
struct redirect_query {
    std::string code;   ///< Single use, valid 10 minutes: exchange it with oauth.v2.access once the state is verified.
    std::string state;  ///< As sent on the authorize URL: verify it with state_signer::verify.
    std::string error;  ///< e.g. "access_denied"; empty after an approval.
};

/// Decodes `query` (the request target's part after '?'; a leading '?' is skipped). Values are
/// percent-decoded and '+' reads as a space; the first of repeated keys counts. Error:
/// install_errc::code_missing when it has neither a code nor an error, or is not a query string.
boost::system::result<redirect_query> parse_redirect_query(std::string_view query);

/// What a query's `error` means: install_errc::access_denied (the user declined),
/// install_errc::authorize_failed (another error), or no error when it carries none.
boost::system::error_code authorize_error(const redirect_query& query) noexcept;

}  // namespace slack::install
