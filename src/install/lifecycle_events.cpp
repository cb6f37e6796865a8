// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The lifecycle handler's coroutine: signature, body, single use, then the store.
// Store operations are started in statements of their own (deferred), then awaited: g++ 12
// miscompiles by-value arguments with destructors that live across a co_await.
#include <slack/install/lifecycle_events.hpp>

#include "detail/start_operation.hpp"
#include "install/cancelled.hpp"
#include "install/replay_window.hpp"
#include "install/signature_timestamp.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <openssl/crypto.h>

#include <stdexcept>
#include <variant>
#include <vector>

namespace slack::install {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

using detail::cancelled;

lifecycle_result fail(error_code ec) { return {boost::system::in_place_error, ec}; }

// The store's key of the workspace (or, org-wide, the enterprise) an event names.
store::installation_key key_of(const std::string& enterprise_id, const std::string& team_id, bool org_wide,
                               const std::string& user_id = {})
{
    return {enterprise_id, org_wide ? std::string() : team_id, user_id};
}

// Runs a store removal the caller started (deferred, a local of its frame), unless cancelled,
// adding the rows it deleted to `removed`.
template <class Removal>
asio::awaitable<error_code> await_removal(Removal& removal, std::size_t& removed)
{
    if (co_await cancelled())
        co_return asio::error::operation_aborted;
    const store::store_result<std::size_t> count = co_await std::move(removal)(asio::use_awaitable);
    if (!count)
        co_return count.error();
    removed += *count;
    co_return error_code();
}

// Removes what `event` says is gone, adding the rows deleted to `removed`.
asio::awaitable<error_code> apply(store::installation_store& store, const lifecycle_event& event, std::size_t& removed)
{
    std::vector<store::installation_key> removals;  // store.remove of each
    store::installation_key whole{};                // store.remove_all of this, if named
    bool remove_all = false;
    if (const auto* uninstalled = std::get_if<app_uninstalled_event>(&event)) {
        whole = key_of(uninstalled->enterprise_id, uninstalled->team_id, uninstalled->is_enterprise_install);
        remove_all = true;
    } else if (const auto* revoked = std::get_if<tokens_revoked_event>(&event)) {
        for (const std::string& user : revoked->user_ids)
            removals.push_back(key_of(revoked->enterprise_id, revoked->team_id, revoked->is_enterprise_install, user));
        if (!revoked->bot_ids.empty())
            removals.push_back(key_of(revoked->enterprise_id, revoked->team_id, revoked->is_enterprise_install));
    }
    if (remove_all) {
        auto operation = store.remove_all(whole);
        if (const error_code failed = co_await await_removal(operation, removed))
            co_return failed;
    }
    for (const store::installation_key& key : removals) {
        auto operation = store.remove(key);
        if (const error_code failed = co_await await_removal(operation, removed))
            co_return failed;
    }
    co_return error_code();
}

struct event_settings {
    store::installation_store& store;
    const std::string& signing_secret;
    std::chrono::seconds window;
};

asio::awaitable<lifecycle_result> handle_event(event_settings settings, std::string timestamp, std::string signature,
                                               std::string body)
{
    co_await asio::this_coro::throw_if_cancelled(false);
    if (const error_code refused = verify_request_signature(settings.signing_secret, timestamp, body, signature,
                                                            std::chrono::system_clock::now(), settings.window))
        co_return fail(refused);
    boost::system::result<lifecycle_event> event = parse_event(body);
    if (!event)
        co_return fail(event.error());

    // The signature is "v0=" + hex: unique per timestamp and body, and useless once the window
    // has surely closed (replay_window.hpp).
    const std::int64_t sent = detail::parse_signature_timestamp(timestamp).value();  // verified above
    const store::time_point expires_at = detail::remember_until(sent, settings.window);
    if (co_await cancelled())
        co_return fail(asio::error::operation_aborted);
    auto consume = settings.store.consume_nonce("event:" + signature.substr(3), expires_at);
    const store::store_result<bool> first = co_await std::move(consume)(asio::use_awaitable);
    if (!first)
        co_return fail(first.error());
    if (!*first)
        co_return fail(install_errc::event_replayed);

    lifecycle_outcome outcome;
    outcome.event = std::move(*event);
    if (const auto* check = std::get_if<url_verification_event>(&outcome.event))
        outcome.response_body = check->challenge;
    if (const error_code failed = co_await apply(settings.store, outcome.event, outcome.removed))
        co_return fail(failed);
    co_return outcome;
}

}  // namespace

lifecycle_events::lifecycle_events(asio::any_io_executor executor, store::installation_store& store,
                                   std::string signing_secret, std::chrono::seconds window)
    : executor_(std::move(executor)), store_(store), signing_secret_(std::move(signing_secret)), window_(window)
{
    if (signing_secret_.empty())
        throw std::invalid_argument("lifecycle_events: the signing secret is empty");
}

lifecycle_events::~lifecycle_events() { OPENSSL_cleanse(signing_secret_.data(), signing_secret_.size()); }

void lifecycle_events::start(std::string timestamp, std::string signature, std::string body,
                             asio::any_completion_handler<lifecycle_signature> handler)
{
    // Errors are codes; an exception (allocation) leaves through io_context::run() like any handler's.
    slack::detail::start_operation(
        executor_,
        handle_event({store_, signing_secret_, window_}, std::move(timestamp), std::move(signature), std::move(body)),
        std::move(handler));
}

}  // namespace slack::install
