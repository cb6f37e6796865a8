// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/final_check.hpp"

#include "cli/report.hpp"

#include <slack/store/store_errc.hpp>
#include <slack/web/auth.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace soak::rotation {

namespace {

// The keys callers ask by, and for an org-wide install its enterprise alone as well.
std::vector<slack::store::installation_key> every_key(const soak_installation& i)
{
    std::vector<slack::store::installation_key> keys = i.keys();
    if (i.org_wide)
        keys.push_back({.enterprise_id = i.enterprise_id, .team_id = {}, .user_id = {}});
    return keys;
}

// Each key's token is checked at once: a rotation between two keys' asks is fine (the token then
// differs), a token of another installation is not (auth.test names another user).
asio::awaitable<installation_outcome> check_one(slack::web::client& client, slack::store::installation_store& store,
                                                slack::install::token_provider& tokens, const soak_installation& i)
{
    installation_outcome outcome;
    const std::vector<slack::store::installation_key> keys = every_key(i);
    const std::string workspace = i.label();  // named: no temporary with a destructor inside co_await (g++ 12)
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const slack::store::installation_key& key = keys[k];
        const std::string asked = key.enterprise_id + "/" + key.team_id;
        auto token = co_await tokens.token(key);
        if (!token && token.error() == slack::store_errc::reinstall_required && k == 0) {
            auto row = co_await store.find(key);
            if (!row || !*row || !(*row)->bot || (*row)->bot->reinstall_reason.empty()) {
                outcome.problem = "token() said reinstall_required but the row holds no reason";
                co_return outcome;
            }
            outcome.marked = true;
            outcome.reason = (*row)->bot->reinstall_reason;
            outcome.lost_refresh_token = (*row)->bot->refresh_token;
            co_return outcome;
        }
        if (!token) {
            outcome.problem = "token() by " + asked + ": " + slack::cli::error_name(token.error(), {});
            co_return outcome;
        }
        auto who = co_await slack::web::auth(client).test({.token = *token, .rate_key = workspace});
        if (!who) {
            outcome.problem =
                "auth.test refused the token asked by " + asked + ": " + slack::cli::error_name(who.error(), {});
            co_return outcome;
        }
        if (k == 0) {
            outcome.user_id = std::string(who->user_id());
        } else if (who->user_id() != outcome.user_id) {
            outcome.problem = "the token asked by " + asked + " is another installation's: it is one grant";
            co_return outcome;
        }
    }
    outcome.usable = true;
    co_return outcome;
}

asio::awaitable<void> check_into(slack::web::client& client, slack::store::installation_store& store,
                                 slack::install::token_provider& tokens, const soak_installation& i,
                                 installation_outcome& outcome, std::size_t& done)
{
    outcome = co_await check_one(client, store, tokens, i);
    ++done;
}

}  // namespace

// All at once: many need a refresh, each answered refresh_delay late.
asio::awaitable<std::vector<installation_outcome>> check_installations(
    slack::web::client& client, slack::store::installation_store& store, slack::install::token_provider& tokens,
    const std::vector<soak_installation>& installations)
{
    const auto executor = co_await asio::this_coro::executor;
    std::vector<installation_outcome> outcomes(installations.size());
    std::size_t done = 0;
    for (std::size_t n = 0; n < installations.size(); ++n)
        asio::co_spawn(executor, check_into(client, store, tokens, installations[n], outcomes[n], done),
                       asio::detached);
    asio::steady_timer poll(executor);
    while (done < installations.size()) {
        poll.expires_after(std::chrono::milliseconds(10));
        co_await poll.async_wait(asio::use_awaitable);
    }
    co_return outcomes;
}

}  // namespace soak::rotation
