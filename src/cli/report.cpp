// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/report.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>
#include <slack/store/store_errc.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

namespace slack::cli {

std::string error_name(const boost::system::error_code& ec, const slack::diagnostics& diag)
{
    namespace error = boost::asio::error;
    if (ec.category() == api_category())
        return diag.error.empty() ? std::string(to_string(static_cast<api_errc>(ec.value()))) : diag.error;
    if (ec.category() == client_category())
        return std::string(to_string(static_cast<client_errc>(ec.value())));
    if (ec.category() == store_category())
        return std::string(to_string(static_cast<store_errc>(ec.value())));
    if (ec == error::connection_refused)
        return "connection_refused";
    if (ec == error::connection_reset)
        return "connection_reset";
    if (ec == error::host_not_found)
        return "host_not_found";
    if (ec == error::timed_out)
        return "timed_out";
    if (ec == error::operation_aborted)
        return "operation_aborted";
    if (ec == error::eof)
        return "eof";
    if (ec.category() == boost::asio::error::get_ssl_category() ||
        ec.category() == boost::asio::ssl::error::get_stream_category())
        return "tls_error";
    return std::string(ec.category().name()) + ":" + std::to_string(ec.value());
}

exit_status exit_status_for(const boost::system::error_code& ec)
{
    if (!ec)
        return exit_success;
    if (ec == condition::outcome_unknown && ec.category() == client_category())
        return exit_outcome_unknown;
    if (ec.category() == api_category())
        return exit_slack_error;
    if (ec == store_errc::unavailable)  // the database cannot be reached: like a transport failure
        return exit_transport;
    if (ec.category() == store_category())  // the store said no: not found, not rotating, wrong key...
        return exit_slack_error;
    if (ec == client_errc::invalid_argument)
        return exit_usage;
    return exit_transport;
}

std::string error_line(const boost::system::error_code& ec, const slack::diagnostics& diag)
{
    std::string line = "error: " + error_name(ec, diag) + ": " + ec.message();
    if (!diag.client_message.empty())
        line += " (" + diag.client_message + ")";
    if (diag.http_status)
        line += " [HTTP " + std::to_string(diag.http_status) + "]";
    if (diag.retry_after)
        line += " [Retry-After " + std::to_string(diag.retry_after->count()) + " s]";
    if (diag.underlying)
        line += " [after: " + error_name(diag.underlying, {}) + ": " + diag.underlying.message() + "]";
    if (!diag.needed.empty())
        line += " [needed: " + diag.needed + "; provided: " + diag.provided + "]";
    return line;
}

std::string describe(const slack::web::call_event& event)
{
    std::string line = std::string(event.method) + " " + std::string(to_string(event.what));
    if (event.attempt)
        line += " attempt=" + std::to_string(event.attempt);
    if (event.error)
        line += " error=" + error_name(event.error, {});
    if (event.http_status)
        line += " http=" + std::to_string(event.http_status);
    if (event.delay.count() > 0 || event.what == slack::web::call_event::kind::retry_scheduled)
        line += " delay_ms=" + std::to_string(event.delay.count());
    if (!event.reason.empty())
        line += " reason=\"" + std::string(event.reason) + "\"";
    return line;
}

}  // namespace slack::cli
