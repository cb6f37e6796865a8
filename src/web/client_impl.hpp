#pragma once
// The state one client shares between its calls: options, endpoint, pool, rate-limit gates
// and the retry budget. Everything here is touched only on `executor` (a strand when thread_safe).
#include "web/connection_pool.hpp"
#include "web/transport.hpp"

#include <slack/web/client.hpp>

#include <map>
#include <memory>
#include <random>
#include <string>

namespace slack::web::detail {

class client_impl {
public:
    client_impl(boost::asio::any_io_executor executor, std::shared_ptr<boost::asio::ssl::context> tls,
                client_options options);
    ~client_impl();  ///< Wipes the cached credentials.
    client_impl(const client_impl&) = delete;
    client_impl& operator=(const client_impl&) = delete;

    executor_type executor;
    client_options options;
    boost::system::error_code endpoint_error;  ///< Why api_url cannot be used (set while parsing `endpoint`).
    api_endpoint endpoint;
    connection_pool pool;

    /// Per method: no request before this time (Slack limits per method, workspace and app).
    std::map<std::string, clock::time_point, std::less<>> rate_gates;
    /// The method's gate, made on first use. Gates already open are dropped when there are many
    /// (client.call() takes any method name).
    std::map<std::string, clock::time_point, std::less<>>::iterator rate_gate(std::string_view method);
    double retry_tokens;  ///< Client-wide retry budget.

    double random();  ///< Uniform in [0, 1).

    /// The Basic Authorization header for these credentials, computed once while they stay the
    /// same and shared by the calls that use it (wiped when the last one lets go).
    std::shared_ptr<const std::string> basic_authorization(std::string_view client_id, std::string_view client_secret);
    /// The same for a bearer token.
    std::shared_ptr<const std::string> bearer_authorization(std::string_view token);

private:
    void wipe_credentials();

    std::minstd_rand generator_;
    std::string authorization_id_, authorization_secret_;  // what authorization_header_ was made of
    std::shared_ptr<const std::string> authorization_header_;
    std::string bearer_token_;  // what bearer_header_ was made of
    std::shared_ptr<const std::string> bearer_header_;
};

}  // namespace slack::web::detail
