// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/askers.hpp"

#include "cli/report.hpp"

#include <slack/api_errc.hpp>
#include <slack/store/store_errc.hpp>
#include <slack/web/auth.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <random>

namespace asio = boost::asio;

namespace soak::rotation {

askers::askers(slack::web::client& client, slack::install::token_provider& tokens,
               const std::vector<soak_installation>& installations, asker_options options, replica_summary& tally)
    : client_(client), tokens_(tokens), installations_(installations), options_(options), tally_(tally)
{
}

void askers::start(const asio::any_io_executor& executor)
{
    for (std::size_t n = 0; n < options_.askers; ++n)
        asio::co_spawn(executor, ask_loop(n), asio::detached);
}

asio::awaitable<void> askers::ask_loop(std::size_t number)
{
    std::mt19937_64 random(options_.seed * 1000 + number);
    asio::steady_timer pause(co_await asio::this_coro::executor);
    while (!stopping_) {
        const std::size_t index = std::uniform_int_distribution<std::size_t>(0, installations_.size() - 1)(random);
        const std::vector<slack::store::installation_key> keys = installations_[index].keys();
        slack::store::installation_key key =
            keys[std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(random)];
        // A bot token is the installation's whoever asks: a user id must change nothing.
        if (std::uniform_int_distribution<int>(0, 3)(random) == 0)
            key.user_id = "U0SOAKASKER" + std::to_string(number);
        co_await ask_once(index, key);
        pause.expires_after(
            std::chrono::milliseconds(std::uniform_int_distribution<long long>(0, options_.max_pause.count())(random)));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    ++finished_;
}

asio::awaitable<void> askers::ask_once(std::size_t installation, const slack::store::installation_key& key)
{
    auto token = co_await tokens_.token(key);
    ++tally_.asked;
    if (!token) {
        const std::string name = slack::cli::error_name(token.error(), {});
        ++tally_.errors[name];
        if (token.error() == slack::store_errc::reinstall_required)
            ++tally_.reinstall_required[installation];
        co_return;
    }
    ++tally_.served;
    const auto handed_out = std::chrono::steady_clock::now();
    auto who = co_await slack::web::auth(client_).test({.token = *token, .rate_key = key.team_id});
    if (who) {
        ++tally_.checked;
        tally_.users[installation].insert(std::string(who->user_id()));
        co_return;
    }
    const boost::system::error_code error = who.error();
    if (error == slack::api_errc::token_revoked || error == slack::api_errc::token_expired ||
        error == slack::api_errc::invalid_auth) {
        const auto late =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - handed_out);
        tally_.add_bad_token({.installation = installation,
                              .error = slack::cli::error_name(error, {}),
                              .checked_after_ms = static_cast<long long>(late.count())});
        tokens_.invalidate(key);  // as an app would: the next ask re-reads the store
        co_return;
    }
    ++tally_.unchecked[slack::cli::error_name(error, {})];
}

}  // namespace soak::rotation
