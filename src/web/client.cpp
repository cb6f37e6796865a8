// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/client_impl.hpp"

#include "web/call.hpp"
#include "web/form.hpp"
#include "web/proxy.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/strand.hpp>
#include <boost/url/parse.hpp>

#include <openssl/crypto.h>

#include <stdexcept>

namespace slack::web {
namespace detail {
namespace {

// Gates are pruned once there are this many (and then whenever their number doubles).
constexpr std::size_t min_gates_before_pruning = 256;

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
    endpoint.authority = std::string(url->encoded_host()) + ':' + endpoint.port;
    endpoint.path_prefix = url->encoded_path();
    if (endpoint.path_prefix.empty() || endpoint.path_prefix.back() != '/')
        endpoint.path_prefix += '/';
    // Both go into every request's header: Boost.URL refuses such bytes, and so do we, whatever it does.
    if (!detail::is_header_token(endpoint.host_header) || !detail::is_header_token(endpoint.path_prefix))
        error = client_errc::invalid_url;
    return endpoint;
}

}  // namespace

client_impl::client_impl(boost::asio::any_io_executor executor_in, std::shared_ptr<boost::asio::ssl::context> tls,
                         client_options opts)
    : executor(opts.thread_safe ? executor_type(boost::asio::make_strand(executor_in)) : executor_in),
      options(std::move(opts)),
      endpoint(parse_endpoint(options, options_error)),
      pool(executor, std::move(tls), endpoint, choose_proxy(options, endpoint, options_error, options_problem),
           options),
      retry_tokens(options.budget.capacity),
      prune_at_(min_gates_before_pruning),
      generator_(std::random_device{}())
{
    if (!options_error && options.max_connections == 0) {
        options_error = client_errc::invalid_argument;
        options_problem = "client_options::max_connections is 0: no call could ever be sent";
    }
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

std::shared_ptr<rate_gate> client_impl::gate_for(std::string_view method, std::string_view subject)
{
    std::string key;
    key.reserve(method.size() + 1 + subject.size());
    key.append(method).append(1, '\n').append(subject);
    if (auto found = rate_gates_.find(key); found != rate_gates_.end())
        return found->second;
    if (rate_gates_.size() >= prune_at_) {
        // Drop the gates that are open and held by no call; a held one may still be closed by its
        // call's 429. Pruning again only after the map doubles keeps it amortized O(1) per gate.
        const clock::time_point now = clock::now();
        std::erase_if(rate_gates_,
                      [&](const auto& entry) { return entry.second.use_count() == 1 && entry.second->open_at <= now; });
        prune_at_ = std::max(min_gates_before_pruning, 2 * rate_gates_.size());
    }
    return rate_gates_.emplace(std::move(key), std::make_shared<rate_gate>()).first->second;
}

std::string client_impl::rate_subject(const api_request& request) const
{
    if (!request.rate_key.empty())
        return std::string("key:").append(request.rate_key);
    switch (request.credentials()) {
    case api_request::credentials_kind::bearer: {
        // A SipHash under a key of this client's: tells tokens apart, reveals nothing.
        const crypto::fingerprint::value mac = fingerprint_.of(request.bearer_token());
        return std::string("token:").append(mac.begin(), mac.end());
    }
    case api_request::credentials_kind::basic: return std::string("app:").append(request.client_id());
    case api_request::credentials_kind::none: break;
    }
    return std::string("app:").append(request.form_client_id);
}

std::string client_impl::limiter_subject(const api_request& request) const
{
    if (request.credentials() != api_request::credentials_kind::bearer)
        return rate_subject(request);
    const auto digest = shared_digest_.sign(request.bearer_token());
    const std::string_view half(reinterpret_cast<const char*>(digest.data()), 16);  // 128 bits tell tokens apart
    return std::string("token:").append(crypto::hex(half));
}

client_impl::~client_impl()
{
    wipe_credentials();
    OPENSSL_cleanse(bearer_token_.data(), bearer_token_.size());
    OPENSSL_cleanse(options.proxy.data(), options.proxy.size());  // may hold the proxy's password
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

std::shared_ptr<detail::client_impl> detail::share(client_impl* impl)
{
    if (!impl)  // a programming error, not a call's outcome: like using any moved-from object
        throw std::logic_error("slack::web: an operation on a family object made from a moved-from client");
    return impl->shared_from_this();
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
    case call_event::kind::pacing_wait: return "pacing_wait";
    }
    return "unknown";
}

}  // namespace slack::web
