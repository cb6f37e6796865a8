// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The behaviour every installation store promises (the contract in installation_store.hpp),
// written once and run against each backend. In a backend's test file:
//
//   struct my_fixture {
//       static constexpr bool supports_encryption = true;  // optional, false when absent
//       boost::asio::io_context io;
//       // A NEW client of this fixture's own fresh, empty database, as a second replica would
//       // open; with a token key when the backend seals tokens (open(std::nullopt): none), and
//       // older keys still read. A backend that seals is a resealable_store.
//       std::unique_ptr<slack::store::installation_store> open(std::optional<slack::store::token_key> = {},
//                                                              std::vector<slack::store::token_key> = {});
//       // Only with supports_encryption: runs SQL on the database behind the store's back (one
//       // statement; the tables are the SQL backends' own), yielding every value of every row.
//       std::vector<std::string> sql(const std::string& statement);
//   };
//   SLACK_STORE_CONFORMANCE(my_store_conformance, my_fixture)
//
// The cases' bodies are compiled once, in conformance.cpp, against the `backend` view below.
#include <slack/store/installation_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slack::store::conformance {

using store_ptr = std::unique_ptr<installation_store>;

/// A fixture as the cases see it.
struct backend {
    boost::asio::io_context& io;
    std::function<store_ptr()> open;
    /// The current key, and older keys. Empty: no encryption.
    std::function<store_ptr(std::optional<token_key>, std::vector<token_key>)> open_with_key;
    /// SQL on the database behind the store's back. Empty: no encryption.
    std::function<std::vector<std::string>(const std::string&)> sql;
};

/// Every io_context run by the suite ends by this, done or not.
inline constexpr std::chrono::seconds deadline{10};

/// Runs `io` until `done()`. False when the deadline passed first, or when io ran out of work
/// first: an operation in flight must keep its handler's executor busy.
template <class Done>
bool run_until(boost::asio::io_context& io, Done done)
{
    io.restart();
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done())
        if (io.run_one_until(until) == 0)
            return false;
    return true;
}

/// What a deferred store operation yields: store_result<T>.
template <class Operation>
struct outcome_of;
template <class T, class... Rest>
struct outcome_of<boost::asio::deferred_async_operation<store_signature<T>, Rest...>> {
    using type = store_result<T>;
};

/// Runs a deferred store operation (`store.find(key)`) to its end; not ending by the deadline is a
/// failed requirement.
template <class Operation>
typename outcome_of<Operation>::type wait(boost::asio::io_context& io, Operation operation)
{
    using outcome = typename outcome_of<Operation>::type;
    std::optional<outcome> out;
    std::move(operation)([&out](outcome r) { out.emplace(std::move(r)); });
    BOOST_REQUIRE_MESSAGE(run_until(io, [&] { return out.has_value(); }), "the operation did not complete in time");
    return std::move(*out);
}

/// The error an operation failed with; no error when it succeeded. `BOOST_TEST(error_of(r) == e)`
/// prints both sides.
template <class T>
boost::system::error_code error_of(const store_result<T>& outcome)
{
    return outcome.has_value() ? boost::system::error_code() : outcome.error();
}

template <class Fixture>
constexpr bool supports_encryption = [] {
    if constexpr (requires { Fixture::supports_encryption; })
        return Fixture::supports_encryption;
    return false;
}();

template <class Fixture>
backend backend_of(Fixture& fixture)
{
    backend b{fixture.io, [&fixture] { return fixture.open(); }, {}, {}};
    if constexpr (supports_encryption<Fixture>) {
        b.open_with_key = [&fixture](std::optional<token_key> key, std::vector<token_key> previous) {
            return fixture.open(std::move(key), std::move(previous));
        };
        b.sql = [&fixture](const std::string& statement) { return fixture.sql(statement); };
    }
    return b;
}

// The cases every backend passes.
#define SLACK_STORE_CONFORMANCE_CASES(X)                   \
    X(round_trip_of_every_field)                           \
    X(round_trip_without_expiry_user_or_webhook)           \
    X(round_trip_of_a_user_token_alone)                    \
    X(round_trip_of_an_enterprise_install)                 \
    X(times_are_kept_to_the_millisecond)                   \
    X(a_missing_key_finds_nothing)                         \
    X(invalid_keys_are_refused)                            \
    X(a_team_falls_back_to_its_enterprise_install)         \
    X(user_grants_are_found_by_user)                       \
    X(saving_again_replaces_and_gives_new_revisions)       \
    X(remove_takes_exactly_what_the_key_names)             \
    X(remove_all_takes_a_team)                             \
    X(remove_all_takes_an_enterprise)                      \
    X(replace_grant_is_a_compare_and_swap)                 \
    X(a_refresh_from_before_a_reinstall_loses_the_swap)    \
    X(replace_grant_of_a_user_grant)                       \
    X(replace_grant_of_what_is_not_there)                  \
    X(a_grant_marked_for_reinstall_keeps_its_reason)       \
    X(racing_replace_grant_has_one_winner)                 \
    X(a_lease_is_exclusive_until_released)                 \
    X(a_lease_belongs_to_its_grant)                        \
    X(expired_leases_and_nonces_stop_blocking)             \
    X(a_nonce_is_consumed_once)                            \
    X(list_pages_through_every_installation_in_key_order)  \
    X(listed_installations_are_as_find_gives_them)         \
    X(list_refuses_bad_page_sizes)                         \
    X(a_second_client_sees_the_first_clients_writes)       \
    X(completion_is_on_the_handlers_executor_never_inline) \
    X(operations_take_any_completion_token)

// The cases of a backend that seals tokens (supports_encryption).
#define SLACK_STORE_ENCRYPTION_CASES(X)                                 \
    X(sealed_tokens_round_trip)                                         \
    X(a_wrong_key_cannot_open_sealed_tokens)                            \
    X(sealed_tokens_need_a_key)                                         \
    X(a_token_in_the_clear_is_refused_with_a_key)                       \
    X(an_older_sealed_pair_does_not_open_in_a_newer_row)                \
    X(tokens_sealed_before_key_ids_still_read)                          \
    X(rotated_keys_read_old_rows_and_seal_new_writes_under_the_new_key) \
    X(reseal_moves_every_grant_to_the_current_key)                      \
    X(reseal_seals_tokens_in_the_clear_only_when_asked)

#define SLACK_STORE_CONFORMANCE_DECLARE(name) void name(const backend& b);
SLACK_STORE_CONFORMANCE_CASES(SLACK_STORE_CONFORMANCE_DECLARE)
SLACK_STORE_ENCRYPTION_CASES(SLACK_STORE_CONFORMANCE_DECLARE)
#undef SLACK_STORE_CONFORMANCE_DECLARE

}  // namespace slack::store::conformance

#define SLACK_STORE_CONFORMANCE_CASE(name) \
    BOOST_AUTO_TEST_CASE(name) { ::slack::store::conformance::name(::slack::store::conformance::backend_of(*this)); }

// Disabled (reported as skipped) for a fixture without supports_encryption; run by name anyway
// (--run_test names it, which enables it), it passes without checking anything.
#define SLACK_STORE_ENCRYPTION_CASE(name)                                                                              \
    BOOST_AUTO_TEST_CASE(                                                                                              \
        name, *::boost::unit_test::enable_if<::slack::store::conformance::supports_encryption<conformance_fixture>>()) \
    {                                                                                                                  \
        if (::slack::store::conformance::supports_encryption<conformance_fixture>)                                     \
            ::slack::store::conformance::name(::slack::store::conformance::backend_of(*this));                         \
        else                                                                                                           \
            BOOST_TEST_MESSAGE("the backend does not seal tokens");                                                    \
    }

/// Defines the test suite `suite_name` of every conformance case, each on a fresh `Fixture`.
#define SLACK_STORE_CONFORMANCE(suite_name, Fixture)            \
    BOOST_FIXTURE_TEST_SUITE(suite_name, Fixture)               \
    using conformance_fixture = Fixture;                        \
    SLACK_STORE_CONFORMANCE_CASES(SLACK_STORE_CONFORMANCE_CASE) \
    SLACK_STORE_ENCRYPTION_CASES(SLACK_STORE_ENCRYPTION_CASE)   \
    BOOST_AUTO_TEST_SUITE_END()
