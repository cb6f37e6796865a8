// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/client_errc.hpp>

#include <string>

namespace slack {
namespace {

struct client_entry {
    const char* name;
    const char* message;
};

// Indexed by client_errc value; keep in the enum's order.
constexpr client_entry client_table[] = {
    {"success", "success"},
    {"invalid_json", "the response body is not valid JSON"},
    {"unexpected_shape", "the response JSON does not have the documented shape"},
    {"body_too_large", "the response body is larger than the configured limit"},
    {"http_status", "HTTP error status without a Slack response body"},
    {"insecure_url", "the API URL uses plain http:// and insecure HTTP is not allowed"},
    {"invalid_url", "the API URL is not a valid http(s) URL"},
    {"invalid_argument", "a required parameter is missing or malformed"},
    {"timeout", "the call's deadline passed"},
    {"attempt_timeout", "an attempt took longer than the attempt timeout"},
    {"outcome_unknown", "the request was sent but the response was lost; it may have been processed"},
    {"code_probably_consumed",
     "a retry was told its single-use credential (a code, a refresh token or a token) is already spent, after an "
     "attempt whose answer was lost: that attempt most likely spent it"},
    {"connection_closed", "the server closed the connection before answering"},
    {"bad_response", "the HTTP response could not be read"},
    {"invalid_proxy_url", "the proxy URL is not http://[user:password@]host[:port]"},
    {"unsupported_proxy_scheme", "the proxy URL's scheme is not http (the only kind of proxy supported)"},
    {"proxy_failed", "the proxy could not be reached or closed the connection before the tunnel was up"},
    {"proxy_authentication_required", "the proxy requires credentials, or refused those given"},
    {"proxy_refused", "the proxy refused to open a tunnel to the API host"},
};
constexpr int client_table_size = static_cast<int>(sizeof(client_table) / sizeof(client_table[0]));

class client_category_impl final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "slack.client"; }
    std::string message(int value) const override
    {
        if (value > 0 && value < client_table_size)
            return client_table[value].message;
        return "unknown slack.client error";
    }
};

}  // namespace

const boost::system::error_category& client_category() noexcept
{
    static const client_category_impl instance;
    return instance;
}

const char* to_string(client_errc e) noexcept
{
    const int value = static_cast<int>(e);
    return value > 0 && value < client_table_size ? client_table[value].name : "unknown";
}

}  // namespace slack
