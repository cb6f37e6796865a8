// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How slack-oauth names errors and chooses exit statuses.
#include <slack/diagnostics.hpp>
#include <slack/web/call_event.hpp>

#include <boost/system/error_code.hpp>

#include <string>

namespace slack::cli {

enum exit_status : int {
    exit_success = 0,
    exit_slack_error = 1,  ///< Slack answered ok:false, or the store refused (not found...).
    exit_usage = 2,
    exit_transport = 3,        ///< Transport, TLS, HTTP or protocol failure.
    exit_outcome_unknown = 4,  ///< The request may have been processed.
};

/// The exact Slack error string for API errors (also unknown ones), else the error's name.
std::string error_name(const boost::system::error_code& ec, const slack::diagnostics& diag);
exit_status exit_status_for(const boost::system::error_code& ec);
/// "error: NAME: MESSAGE" plus the details worth a line of their own.
std::string error_line(const boost::system::error_code& ec, const slack::diagnostics& diag);
/// One line for --verbose; never contains a secret (events carry none).
std::string describe(const slack::web::call_event& event);

}  // namespace slack::cli
