// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The GCRA rule of src/web/rate/gcra.hpp on a fake clock: a pure function, no timers.
#include "web/rate/gcra.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <limits>

namespace {

using namespace std::chrono_literals;
using slack::web::rate_pace;
using slack::web::detail::gcra;
using slack::web::detail::gcra_block;
using slack::web::detail::gcra_decision;
using slack::web::detail::gcra_state;
using time_point = std::chrono::steady_clock::time_point;

const time_point t0 = time_point{} + 1000s;
const time_point never = time_point::max();

// Asks for one request at `now` and keeps the new state, as a limiter does.
gcra_decision ask(gcra_state& state, rate_pace pace, time_point now, time_point latest = never)
{
    const gcra_decision d = gcra(state, pace, now, latest);
    state = d.state;
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gcra_rule)

BOOST_AUTO_TEST_CASE(steady_pace_spaces_requests_by_the_interval)
{
    gcra_state s;
    const rate_pace pace{.per_minute = 60, .burst = 1};
    for (int i = 0; i < 5; ++i) {
        const auto d = ask(s, pace, t0);
        BOOST_TEST(d.reserved);
        BOOST_TEST((d.send_at == t0 + i * 1s));
    }
}

BOOST_AUTO_TEST_CASE(burst_after_a_quiet_spell_then_the_pace)
{
    gcra_state s;
    const rate_pace pace{.per_minute = 20, .burst = 3};  // one every 3 s, three at once
    for (int i = 0; i < 3; ++i)
        BOOST_TEST((ask(s, pace, t0).send_at == t0));
    BOOST_TEST((ask(s, pace, t0).send_at == t0 + 3s));
    BOOST_TEST((ask(s, pace, t0).send_at == t0 + 6s));
    // Quiet for a minute: the allowance is full again, three go at once, no more.
    const time_point later = t0 + 60s;
    for (int i = 0; i < 3; ++i)
        BOOST_TEST((ask(s, pace, later).send_at == later));
    BOOST_TEST((ask(s, pace, later).send_at == later + 3s));
}

BOOST_AUTO_TEST_CASE(a_request_past_latest_is_refused_without_reserving)
{
    gcra_state s;
    const rate_pace pace{.per_minute = 60, .burst = 1};
    BOOST_TEST(ask(s, pace, t0).reserved);
    const gcra_state before = s;
    const auto refused = ask(s, pace, t0, t0 + 500ms);
    BOOST_TEST(!refused.reserved);
    BOOST_TEST((refused.send_at == t0 + 1s));  // says when it could have gone
    BOOST_TEST((s.tat == before.tat));
    // The refusal took nothing: the next request gets the place it would have had.
    const auto next = ask(s, pace, t0, t0 + 1s);
    BOOST_TEST(next.reserved);
    BOOST_TEST((next.send_at == t0 + 1s));
}

BOOST_AUTO_TEST_CASE(blocked_until_holds_every_request_back)
{
    gcra_state s;
    const rate_pace pace{.per_minute = 60, .burst = 5};
    s = gcra_block(s, t0, 30s);
    BOOST_TEST((ask(s, pace, t0).send_at == t0 + 30s));
    // A shorter block later does not shorten the longer one.
    s = gcra_block(s, t0 + 1s, 2s);
    BOOST_TEST((s.blocked_until == t0 + 30s));
    // The burst is still there once the block ends (the one before took its first place).
    BOOST_TEST((ask(s, pace, t0 + 30s).send_at == t0 + 30s));
    // A request refused because of the block reserves nothing either.
    s = gcra_block(s, t0 + 30s, 10s);
    BOOST_TEST(!ask(s, pace, t0 + 30s, t0 + 35s).reserved);
    // A negative Retry-After blocks nothing.
    gcra_state fresh;
    BOOST_TEST((gcra_block(fresh, t0, -5s).blocked_until == t0));
}

// Figures at the edges (a request a century, a burst of billions) neither overflow nor wrap.
BOOST_AUTO_TEST_CASE(extreme_figures_stay_in_range)
{
    gcra_state s;
    const rate_pace slow{.per_minute = 1e-9, .burst = 1};
    BOOST_TEST((ask(s, slow, t0).send_at == t0));
    BOOST_TEST((ask(s, slow, t0).send_at == t0 + 24h));  // at most a day apart
    gcra_state b;
    const rate_pace bursty{.per_minute = 1e-3, .burst = std::numeric_limits<unsigned>::max()};
    const auto first = ask(b, bursty, t0);
    BOOST_TEST(first.reserved);
    BOOST_TEST((first.send_at == t0));
    BOOST_TEST((first.state.tat > t0));
}

BOOST_AUTO_TEST_CASE(per_minute_zero_is_unpaced)
{
    gcra_state s;
    for (const double figure : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
        const rate_pace pace{.per_minute = figure, .burst = 1};
        for (int i = 0; i < 100; ++i) {
            const auto d = ask(s, pace, t0, t0);
            BOOST_TEST(d.reserved);
            BOOST_TEST((d.send_at == t0));
        }
    }
    // ...but a 429 still holds it back.
    s = gcra_block(s, t0, 1s);
    BOOST_TEST((ask(s, rate_pace{}, t0).send_at == t0 + 1s));
}

BOOST_AUTO_TEST_SUITE_END()
