#include "web/client_impl.hpp"

#include "web/form.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/strand.hpp>
#include <boost/url/parse.hpp>

#include <openssl/crypto.h>

namespace slack::web {
namespace detail {
namespace {

// A header that wipes itself when the last call using it lets go.
std::shared_ptr<const std::string> wiping_header(std::string value)
{
    return std::shared_ptr<const std::string>(new std::string(std::move(value)), [](const std::string* header) {
        OPENSSL_cleanse(const_cast<char*>(header->data()), header->size());
        delete header;
    });
}

// Parses client_options::api_url into where connections go; sets `error` when it cannot be used.
api_endpoint parse_endpoint(const client_options& options, boost::system::error_code& error)
{
    api_endpoint endpoint;
    auto url = boost::urls::parse_absolute_uri(options.api_url);
    if (!url || !url->has_authority() || url->host().empty()) {
        error = client_errc::invalid_url;
        return endpoint;
    }
    if (url->scheme_id() == boost::urls::scheme::https) {
        endpoint.tls = true;
    } else if (url->scheme_id() == boost::urls::scheme::http) {
        endpoint.tls = false;
        if (!options.allow_insecure_http)
            error = client_errc::insecure_url;
    } else {
        error = client_errc::invalid_url;
    }
    endpoint.host = url->host_address();  // IPv6 without brackets: what the resolver wants
    endpoint.port = url->has_port() ? std::string(url->port()) : (endpoint.tls ? "443" : "80");
    // Host: host and port only, never userinfo from the URL.
    endpoint.host_header = std::string(url->encoded_host_and_port());
    endpoint.path_prefix = url->encoded_path();
    if (endpoint.path_prefix.empty() || endpoint.path_prefix.back() != '/')
        endpoint.path_prefix += '/';
    return endpoint;
}

}  // namespace

client_impl::client_impl(boost::asio::any_io_executor executor_in, std::shared_ptr<boost::asio::ssl::context> tls,
                         client_options opts)
    : executor(opts.thread_safe ? executor_type(boost::asio::make_strand(executor_in)) : executor_in),
      options(std::move(opts)),
      endpoint(parse_endpoint(options, endpoint_error)),
      pool(executor, std::move(tls), endpoint, options),
      retry_tokens(options.budget.capacity),
      generator_(std::random_device{}())
{
}

std::shared_ptr<const std::string> client_impl::basic_authorization(std::string_view client_id,
                                                                   std::string_view client_secret)
{
    if (!authorization_header_ || client_id != authorization_id_ || client_secret != authorization_secret_) {
        authorization_header_ = wiping_header(detail::basic_authorization(client_id, client_secret));
        wipe_credentials();
        authorization_id_ = client_id;
        authorization_secret_ = client_secret;
    }
    return authorization_header_;
}

std::shared_ptr<const std::string> client_impl::bearer_authorization(std::string_view token)
{
    if (!bearer_header_ || token != bearer_token_) {
        bearer_header_ = wiping_header(detail::bearer_authorization(token));
        OPENSSL_cleanse(bearer_token_.data(), bearer_token_.size());
        bearer_token_.clear();
        bearer_token_.reserve(token.size());
        bearer_token_ = token;
    }
    return bearer_header_;
}

std::map<std::string, clock::time_point, std::less<>>::iterator client_impl::rate_gate(std::string_view method)
{
    if (auto found = rate_gates.find(method); found != rate_gates.end())
        return found;
    constexpr std::size_t many = 256;
    if (rate_gates.size() >= many) {
        const clock::time_point now = clock::now();
        std::erase_if(rate_gates, [&](const auto& gate) { return gate.second <= now; });
    }
    return rate_gates.emplace(std::string(method), clock::time_point{}).first;
}

client_impl::~client_impl()
{
    wipe_credentials();
    OPENSSL_cleanse(bearer_token_.data(), bearer_token_.size());
}

void client_impl::wipe_credentials()
{
    // Assignment reuses the buffer when it is big enough: wipe before, so no old byte survives.
    OPENSSL_cleanse(authorization_id_.data(), authorization_id_.size());
    OPENSSL_cleanse(authorization_secret_.data(), authorization_secret_.size());
    authorization_id_.clear();
    authorization_secret_.clear();
}

double client_impl::random()
{
    if (options.random)
        return options.random();
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator_);
}

}  // namespace detail

client::client(executor_type executor, boost::asio::ssl::context&& tls, client_options options)
    : client(std::move(executor), std::make_shared<boost::asio::ssl::context>(std::move(tls)), std::move(options))
{
}

client::client(executor_type executor, std::shared_ptr<boost::asio::ssl::context> tls, client_options options)
    : impl_(std::make_shared<detail::client_impl>(std::move(executor), std::move(tls), std::move(options)))
{
}

client::client(client&&) noexcept = default;
client& client::operator=(client&&) noexcept = default;
client::~client() = default;

client::executor_type client::get_executor() const noexcept { return impl_->executor; }
const client_options& client::options() const noexcept { return impl_->options; }
pool_stats client::stats() const { return impl_->pool.stats(); }
void client::close_idle() { impl_->pool.close_idle(); }

std::string_view to_string(call_event::kind k) noexcept
{
    switch (k) {
    case call_event::kind::attempt_started: return "attempt_started";
    case call_event::kind::attempt_failed: return "attempt_failed";
    case call_event::kind::retry_scheduled: return "retry_scheduled";
    case call_event::kind::rate_limit_wait: return "rate_limit_wait";
    case call_event::kind::succeeded: return "succeeded";
    case call_event::kind::failed: return "failed";
    }
    return "unknown";
}

}  // namespace slack::web
