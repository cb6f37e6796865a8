// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The shapes g++ 12 miscompiles (a braced temporary with a destructor inside co_await), which
// the headers refuse at compile time. CMake compiles this file once per REFUSE_* macro and
// expects the compiler's error to name the fix; without a macro it compiles the fixes, which
// are what the messages say to write. Each refused line compiled before the headers refused it.
#include <slack/install/token_provider.hpp>
#include <slack/store/installation_store.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <string>

namespace asio = boost::asio;
namespace store = slack::store;

asio::awaitable<void> save(store::installation_store& store)
{
#if defined(REFUSE_SAVE_TEMPORARY)
    co_await store.save(store::installation{.team_id = "T1", .user_id = "U1"});
#elif defined(REFUSE_SAVE_BRACED)
    co_await store.save({.team_id = "T1", .user_id = "U1"});
#elif defined(REFUSE_SAVE_USE_AWAITABLE)
    co_await store.save(store::installation{.team_id = "T1", .user_id = "U1"}, asio::use_awaitable);
#else
    store::installation i{.team_id = "T1", .user_id = "U1"};
    co_await store.save(i);
    co_await store.save(i, asio::use_awaitable);
    store.save(store::installation{.team_id = "T1"}, [](store::store_result<void>) {});  // no co_await: moved in
#endif
}

asio::awaitable<void> find(store::installation_store& store)
{
#if defined(REFUSE_FIND_KEY_TEMPORARY)
    co_await store.find(store::installation_key{.enterprise_id = "E1", .team_id = "T1"});
#else
    store::installation_key key{.enterprise_id = "E1", .team_id = "T1"};
    co_await store.find(key);
    co_await store.find({.enterprise_id = "E1", .team_id = "T1"});
#endif
}

asio::awaitable<void> replace_grant(store::installation_store& store)
{
    const store::installation_key key{.team_id = "T1"};
#if defined(REFUSE_REPLACE_GRANT_TEMPORARY)
    co_await store.replace_grant(key, store::grant_kind::bot, 1, store::token_grant{.token = "xoxb-1"});
#else
    store::token_grant grant{.token = "xoxb-1"};
    co_await store.replace_grant(key, store::grant_kind::bot, 1, grant);
#endif
}

asio::awaitable<void> token(slack::install::token_provider& tokens)
{
#if defined(REFUSE_TOKEN_KEY_TEMPORARY)
    co_await tokens.token(store::installation_key{.team_id = "T1"});
#else
    store::installation_key key{.team_id = "T1"};
    co_await tokens.token(key);
    co_await tokens.token({.team_id = "T1"});
#endif
}
