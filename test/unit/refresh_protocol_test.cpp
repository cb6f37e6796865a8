// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The token provider's decisions without a store or a server: what a grant calls for, each path of
// one refresh (lease, re-read, send, re-send, write, mark) and each ending of a pair's write,
// driven with scripted answers and a fixed clock.
#include "install/refresh_protocol.hpp"

#include "install/grant_cache.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/store/store_errc.hpp>

#include "printing.hpp"

#include <boost/test/unit_test.hpp>

using namespace std::chrono_literals;
using boost::system::error_code;
using boost::system::result;
using slack::api_errc;
using slack::client_errc;
using slack::store_errc;
using slack::install::token_event;
using slack::install::token_provider_stats;
using slack::store::token_grant;
namespace detail = slack::install::detail;
using detail::next_step;
using detail::pair_write;
using detail::refresh_protocol;
using step = refresh_protocol::step;

BOOST_TEST_DONT_PRINT_LOG_VALUE(pair_write::step)

namespace {

const detail::wall_clock::time_point now = detail::wall_clock::time_point(std::chrono::seconds(1'800'000'000));
const detail::steady_clock::time_point steady_start{};
const detail::grant_judge judge{2h};

token_grant grant(std::string token, std::string refresh, std::chrono::seconds expires_in, std::int64_t revision = 7)
{
    token_grant g;
    g.token = std::move(token);
    g.refresh_token = std::move(refresh);
    g.expires_at = now + expires_in;
    g.revision = revision;
    return g;
}

const token_grant expiring = grant("xoxe.xoxb-old", "xoxe-1-old", 10min);
const token_grant fresh_pair = grant("xoxe.xoxb-new", "xoxe-1-new", 12h, 0);
const token_grant newer_pair = grant("xoxe.xoxb-other", "xoxe-1-other", 12h, 8);

refresh_protocol protocol(const token_grant& first = expiring, std::string rejected = {})
{
    return refresh_protocol(first, std::move(rejected), judge, steady_start + 90s);
}

// Runs a protocol to the point where it holds the lease and has sent the refresh once.
step sent_once(refresh_protocol& p)
{
    BOOST_TEST(p.start(now).what == step::take_lease);
    BOOST_TEST(p.on_lease(true, steady_start).what == step::read);
    const step s = p.on_read(expiring, now);
    BOOST_TEST(s.what == step::send);
    BOOST_TEST(s.counter == &token_provider_stats::refreshes);
    BOOST_TEST(!p.resending());
    return s;
}

result<bool> store_failure() { return {boost::system::in_place_error, store_errc::unavailable}; }

result<token_grant> lost() { return error_code(client_errc::outcome_unknown); }

}  // namespace

BOOST_AUTO_TEST_SUITE(refresh_protocol_tests)

BOOST_AUTO_TEST_CASE(what_a_stored_grant_calls_for)
{
    BOOST_TEST((step_for(grant("t", "r", 3h), {}, judge, now) == next_step::serve));
    BOOST_TEST((step_for(grant("t", "r", 2h), {}, judge, now) == next_step::refresh));   // within the margin
    BOOST_TEST((step_for(grant("t", "r", 3h), "t", judge, now) == next_step::refresh));  // a call rejected it
    BOOST_TEST((step_for(grant("t", "", 1h), {}, judge, now) == next_step::not_rotating));
    token_grant long_lived = grant("t", "", 0s);
    long_lived.expires_at.reset();
    BOOST_TEST((step_for(long_lived, {}, judge, now) == next_step::serve));
    BOOST_TEST((step_for(long_lived, "t", judge, now) == next_step::serve));  // nothing better to hand out
    token_grant marked = grant("t", "r", 3h);
    marked.reinstall_reason = "gone";
    BOOST_TEST((step_for(marked, {}, judge, now) == next_step::reinstall_required));
}

BOOST_AUTO_TEST_CASE(what_a_lookup_does_with_the_row_and_what_this_process_holds)
{
    using detail::lookup_step;
    detail::cached_grant held;
    BOOST_TEST((step_for_lookup(held, grant("row", "r", 5h), judge, now) == lookup_step::serve));
    BOOST_TEST((step_for_lookup(held, expiring, judge, now) == lookup_step::refresh));
    // A pair this process wrote late is newer than the row.
    held.token = "xoxe.xoxb-pending";
    held.expires_at = now + 12h;
    BOOST_TEST((step_for_lookup(held, expiring, judge, now) == lookup_step::held));
    held.rejected = held.token;  // until a call rejects it
    BOOST_TEST((step_for_lookup(held, expiring, judge, now) == lookup_step::refresh));
    // A refresh token this process lost is never sent again, even before its mark is stored.
    held.lost_refresh_token = expiring.refresh_token;
    BOOST_TEST((step_for_lookup(held, expiring, judge, now) == lookup_step::reinstall_required));
    BOOST_TEST((step_for_lookup(held, newer_pair, judge, now) == lookup_step::serve));  // a new install
    BOOST_TEST((step_for_lookup(held, grant("t", "", 1h), judge, now) == lookup_step::not_rotating));
}

BOOST_AUTO_TEST_CASE(a_valid_row_is_served_without_a_lease)
{
    const token_grant valid = grant("xoxe.xoxb-valid", "xoxe-1-r", 5h);
    refresh_protocol p = protocol(valid);
    const step s = p.start(now);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST(p.outcome()->token == "xoxe.xoxb-valid");
    BOOST_TEST(!p.lease_held());
}

BOOST_AUTO_TEST_CASE(a_marked_row_fails_and_says_so)
{
    token_grant marked = expiring;
    marked.reinstall_reason = "lost";
    refresh_protocol p = protocol(marked);
    const step s = p.start(now);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST((s.event == token_event::kind::reinstall_required));
    BOOST_TEST(p.outcome().error() == store_errc::reinstall_required);
}

BOOST_AUTO_TEST_CASE(a_busy_lease_is_polled_reading_the_row_until_the_wait_limit)
{
    refresh_protocol p = protocol();
    BOOST_TEST(p.start(now).what == step::take_lease);
    step s = p.on_lease(false, steady_start + 1s);
    BOOST_TEST(s.what == step::pause);
    BOOST_TEST(s.counter == &token_provider_stats::lease_waits);
    BOOST_TEST(p.on_paused().what == step::read);
    BOOST_TEST(p.on_read(expiring, now).what == step::take_lease);  // still to refresh: ask again
    s = p.on_lease(false, steady_start + 90s);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST(p.outcome().error() == store_errc::refresh_busy);
    BOOST_TEST(!p.lease_held());
}

BOOST_AUTO_TEST_CASE(a_pair_another_process_wrote_while_we_waited_is_served)
{
    refresh_protocol p = protocol();
    p.start(now);
    p.on_lease(false, steady_start);
    p.on_paused();
    BOOST_TEST(p.on_read(newer_pair, now).what == step::done);
    BOOST_TEST(p.outcome()->token == newer_pair.token);
}

BOOST_AUTO_TEST_CASE(the_row_is_read_again_under_the_lease)
{
    refresh_protocol p = protocol();
    p.start(now);
    BOOST_TEST(p.on_lease(true, steady_start).what == step::read);
    BOOST_TEST(p.lease_held());
    BOOST_TEST(p.on_read(newer_pair, now).what == step::done);  // refreshed between our read and the lease
    BOOST_TEST(p.outcome()->token == newer_pair.token);
}

BOOST_AUTO_TEST_CASE(store_errors_end_the_refresh)
{
    refresh_protocol leasing = protocol();
    leasing.start(now);
    BOOST_TEST(leasing.on_lease(store_failure(), steady_start).what == step::done);
    BOOST_TEST(leasing.outcome().error() == store_errc::unavailable);

    refresh_protocol reading = protocol();
    reading.start(now);
    reading.on_lease(true, steady_start);
    BOOST_TEST(reading.on_read(error_code(store_errc::not_found), now).what == step::done);
    BOOST_TEST(reading.outcome().error() == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(a_refreshed_pair_is_written_and_served)
{
    refresh_protocol p = protocol();
    sent_once(p);
    BOOST_TEST(p.on_sent(fresh_pair).what == step::write);
    BOOST_TEST(p.fresh().token == fresh_pair.token);
    const step s = p.on_written(pair_write::step::written, std::nullopt, {}, now);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST((s.event == token_event::kind::refreshed));
    BOOST_TEST(p.outcome()->token == fresh_pair.token);
    BOOST_TEST(!p.pending_write());
}

BOOST_AUTO_TEST_CASE(a_lost_answer_is_sent_once_more_at_once)
{
    refresh_protocol p = protocol();
    sent_once(p);
    const step s = p.on_sent(lost());
    BOOST_TEST(s.what == step::send);
    BOOST_TEST((s.event == token_event::kind::refresh_answer_lost));
    BOOST_TEST(s.counter == &token_provider_stats::resends);
    BOOST_TEST(p.resending());
    BOOST_TEST(p.stored().refresh_token == expiring.refresh_token);  // the same refresh token
    BOOST_TEST(p.on_sent(fresh_pair).what == step::write);
}

BOOST_AUTO_TEST_CASE(a_second_lost_answer_marks_the_grant_and_never_sends_a_third)
{
    refresh_protocol p = protocol();
    sent_once(p);
    p.on_sent(lost());
    BOOST_TEST(p.on_sent(lost()).what == step::mark);
    BOOST_TEST(p.marked().refresh_token == expiring.refresh_token);
    BOOST_TEST(p.marked().reinstall_reason.find("lost twice") != std::string::npos);
    const step s = p.on_marked(true);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST((s.event == token_event::kind::marked_for_reinstall));
    BOOST_TEST(s.counter == &token_provider_stats::marked_for_reinstall);
    BOOST_TEST(p.outcome().error() == store_errc::reinstall_required);
}

BOOST_AUTO_TEST_CASE(a_refused_resend_marks_the_grant)
{
    refresh_protocol p = protocol();
    sent_once(p);
    p.on_sent(lost());
    BOOST_TEST(p.on_sent(error_code(api_errc::invalid_refresh_token)).what == step::mark);
    BOOST_TEST(p.marked().reinstall_reason.find("re-send was refused") != std::string::npos);
    p.on_marked(true);
    BOOST_TEST(p.outcome().error() == store_errc::reinstall_required);
}

BOOST_AUTO_TEST_CASE(other_errors_end_the_refresh_without_a_mark)
{
    // A first invalid_refresh_token included: the row may be repaired, and the next token() tries again.
    for (const error_code ec : {error_code(api_errc::invalid_refresh_token), error_code(api_errc::ratelimited),
                                error_code(api_errc::invalid_client_id), error_code(client_errc::timeout)}) {
        refresh_protocol p = protocol();
        sent_once(p);
        const step s = p.on_sent(ec);
        BOOST_TEST(s.what == step::done);
        BOOST_TEST(p.outcome().error() == ec);
    }
}

BOOST_AUTO_TEST_CASE(a_mark_that_loses_its_swap_yields_to_the_pair_written_meanwhile)
{
    refresh_protocol served = protocol();
    sent_once(served);
    served.on_sent(lost());
    served.on_sent(lost());
    BOOST_TEST(served.on_marked(false).what == step::read);
    BOOST_TEST(served.on_read(newer_pair, now).what == step::done);
    BOOST_TEST(served.outcome()->token == newer_pair.token);

    refresh_protocol still_marked = protocol();
    sent_once(still_marked);
    still_marked.on_sent(lost());
    still_marked.on_sent(lost());
    still_marked.on_marked(false);
    token_grant marked = expiring;
    marked.reinstall_reason = "someone else's mark";
    const step s = still_marked.on_read(marked, now);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST(!s.event);
    BOOST_TEST(still_marked.outcome().error() == store_errc::reinstall_required);
}

BOOST_AUTO_TEST_CASE(a_mark_the_store_refuses_is_kept_writing)
{
    refresh_protocol p = protocol();
    sent_once(p);
    p.on_sent(lost());
    p.on_sent(lost());
    const step s = p.on_marked(store_failure());
    BOOST_TEST(s.what == step::done);
    BOOST_TEST((s.event == token_event::kind::write_failed));
    BOOST_TEST(s.counter == &token_provider_stats::pending_writes);
    BOOST_TEST(p.pending_write() == &p.marked());
    BOOST_TEST(p.pending_error() == store_errc::unavailable);
    BOOST_TEST(p.outcome().error() == store_errc::reinstall_required);
}

BOOST_AUTO_TEST_CASE(a_pair_the_store_refuses_is_served_and_kept_writing)
{
    refresh_protocol p = protocol();
    sent_once(p);
    p.on_sent(fresh_pair);
    const step s = p.on_written(pair_write::step::failed, std::nullopt, store_errc::unavailable, now);
    BOOST_TEST(s.what == step::done);
    BOOST_TEST((s.event == token_event::kind::write_failed));
    BOOST_TEST(p.pending_write() == &p.fresh());
    BOOST_TEST(p.outcome()->token == fresh_pair.token);
}

BOOST_AUTO_TEST_CASE(a_superseded_pair_yields_to_a_usable_newer_one)
{
    refresh_protocol newer = protocol();
    sent_once(newer);
    newer.on_sent(fresh_pair);
    step s = newer.on_written(pair_write::step::superseded, newer_pair, {}, now);
    BOOST_TEST((s.event == token_event::kind::pair_superseded));
    BOOST_TEST(s.counter == &token_provider_stats::lost_swaps);
    BOOST_TEST(newer.outcome()->token == newer_pair.token);

    refresh_protocol ours = protocol();  // the newer one is about to expire: ours is valid too
    sent_once(ours);
    ours.on_sent(fresh_pair);
    ours.on_written(pair_write::step::superseded, grant("xoxe.xoxb-short", "xoxe-1-s", 1min), {}, now);
    BOOST_TEST(ours.outcome()->token == fresh_pair.token);

    refresh_protocol gone = protocol();  // uninstalled meanwhile
    sent_once(gone);
    gone.on_sent(fresh_pair);
    gone.on_written(pair_write::step::superseded, std::nullopt, {}, now);
    BOOST_TEST(gone.outcome().error() == store_errc::not_found);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pair_write_tests)

BOOST_AUTO_TEST_CASE(a_swap_that_succeeds_is_written)
{
    pair_write w(expiring, fresh_pair);
    BOOST_TEST(w.start() == pair_write::step::swap);
    BOOST_TEST(w.expected() == expiring.revision);
    BOOST_TEST(w.on_swapped(true) == pair_write::step::written);
}

BOOST_AUTO_TEST_CASE(a_refused_swap_reads_the_row_and_decides)
{
    pair_write ours(expiring, fresh_pair);  // our own earlier write, whose answer was lost
    BOOST_TEST(ours.on_swapped(false) == pair_write::step::read);
    BOOST_TEST(ours.on_read(grant("x", fresh_pair.refresh_token, 12h, 9)) == pair_write::step::written);

    pair_write superseded(expiring, fresh_pair);
    superseded.on_swapped(false);
    BOOST_TEST(superseded.on_read(newer_pair) == pair_write::step::superseded);
    BOOST_TEST(superseded.newer()->token == newer_pair.token);

    pair_write uninstalled(expiring, fresh_pair);
    uninstalled.on_swapped(false);
    BOOST_TEST(uninstalled.on_read(error_code(store_errc::not_found)) == pair_write::step::superseded);
    BOOST_TEST(!uninstalled.newer());

    pair_write failing(expiring, fresh_pair);
    failing.on_swapped(false);
    BOOST_TEST(failing.on_read(error_code(store_errc::unavailable)) == pair_write::step::failed);
    BOOST_TEST(failing.error() == store_errc::unavailable);
}

BOOST_AUTO_TEST_CASE(the_same_pair_under_a_new_revision_is_replaced_three_times_at_most)
{
    pair_write w(expiring, fresh_pair);
    for (std::int64_t revision = 8; revision < 10; ++revision) {
        BOOST_TEST(w.on_swapped(false) == pair_write::step::read);
        token_grant marked = expiring;
        marked.revision = revision;
        BOOST_TEST(w.on_read(marked) == pair_write::step::swap);
        BOOST_TEST(w.expected() == revision);
    }
    w.on_swapped(false);
    BOOST_TEST(w.on_read(expiring) == pair_write::step::failed);
    BOOST_TEST(w.error() == store_errc::query_failed);
}

BOOST_AUTO_TEST_CASE(a_store_error_fails_the_write)
{
    pair_write w(expiring, fresh_pair);
    BOOST_TEST(w.on_swapped(store_failure()) == pair_write::step::failed);
    BOOST_TEST(w.error() == store_errc::unavailable);
}

BOOST_AUTO_TEST_SUITE_END()
