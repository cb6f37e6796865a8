// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The token provider's decisions, without I/O: what a stored grant calls for, what one refresh
// does next (lease, re-read, send, re-send, write, mark), and how one write of a new pair ends.
// Inputs are values (a row read, a lease answer, Slack's answer, a swap's answer, the clock);
// outputs are the next step. token_provider.cpp runs the I/O around them; the unit tests drive
// them with scripted answers and a fake clock.
#include <slack/install/token_event.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/store/installation.hpp>

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace slack::install::detail {

using wall_clock = std::chrono::system_clock;
using steady_clock = std::chrono::steady_clock;

/// What the provider keeps of a grant to judge a token: valid for longer than the margin, and not
/// the token a call rejected.
struct grant_judge {
    std::chrono::seconds refresh_margin{};
    bool usable(const std::string& token, const std::optional<store::time_point>& expires_at,
                const std::string& rejected, wall_clock::time_point now) const;
};

/// What a stored grant calls for.
enum class next_step { serve, refresh, not_rotating, reinstall_required };
next_step step_for(const store::token_grant& grant, const std::string& rejected, const grant_judge& judge,
                   wall_clock::time_point now);

struct cached_grant;

/// What a lookup does with the row it read, given what this process holds of the grant.
enum class lookup_step {
    held,                ///< answer the token this process holds (newer than the row while its write is pending)
    serve,               ///< answer the row's token, and remember it
    refresh,             ///< join or start the grant's refresh
    not_rotating,        ///< expired, and nothing to refresh it with
    reinstall_required,  ///< marked, or its refresh token lost here (the mark not stored yet)
};
lookup_step step_for_lookup(const cached_grant& held, const store::token_grant& row, const grant_judge& judge,
                            wall_clock::time_point now);

/// One write of a new pair `fresh` over `stored` (the pair its refresh token came from): a
/// compare-and-swap on the stored revision, then, when another write came first, a re-read that
/// decides whether that write was ours (its answer lost), a newer pair (superseded), or a change
/// of the same pair (a mark): then swap again over its revision, three times at most.
class pair_write {
public:
    enum class step { swap, read, written, superseded, failed };

    /// Both pairs are referred to, not copied: they must outlive the write.
    pair_write(const store::token_grant& stored, const store::token_grant& fresh) : stored_(stored), fresh_(fresh) {}
    pair_write(store::token_grant&&, const store::token_grant&) = delete;
    pair_write(const store::token_grant&, store::token_grant&&) = delete;

    step start() { return step::swap; }
    step on_swapped(const boost::system::result<bool>& swapped);
    /// The row's grant as read after a refused swap; store_errc::not_found: uninstalled meanwhile.
    step on_read(boost::system::result<store::token_grant> now);

    const store::token_grant& fresh() const { return fresh_; }     ///< The pair to write.
    std::int64_t expected() const { return expected_; }            ///< The revision to swap over.
    std::optional<store::token_grant>& newer() { return newer_; }  ///< superseded: the pair stored instead, if any.
    boost::system::error_code error() const { return error_; }     ///< failed: why.

private:
    const store::token_grant& stored_;
    const store::token_grant& fresh_;
    std::int64_t expected_ = stored_.revision;
    int swaps_ = 0;
    std::optional<store::token_grant> newer_;
    boost::system::error_code error_;
};

/// One grant's refresh across processes, from the row the lookup read to the token its callers get.
/// Each step names the I/O to run; the matching on_...() takes its outcome and answers the next.
class refresh_protocol {
public:
    struct step {
        enum kind {
            take_lease,  ///< try_lease(): on_lease
            pause,       ///< another process holds the lease: wait lease_poll, then on_paused
            read,        ///< read the row again: on_read
            send,        ///< oauth.v2.access with refresh_token(): on_sent (a re-send clears diagnostics)
            write,       ///< write the new pair (pair_write over stored() and fresh()): on_written
            mark,        ///< swap marked() over stored()'s revision: on_marked
            done,        ///< outcome(); if pending_write(), that write goes on in the background
        } what = take_lease;
        /// To report with this step, if any.
        std::optional<token_event::kind> event{};
        boost::system::error_code event_error{};
        /// The statistic this step adds one to, if any.
        std::size_t token_provider_stats::*counter = nullptr;
    };

    refresh_protocol(store::token_grant first, std::string rejected, grant_judge judge,
                     steady_clock::time_point give_up_at)
        : row_(std::move(first)), rejected_(std::move(rejected)), judge_(judge), give_up_at_(give_up_at)
    {
    }

    // pending_write() points into the object itself: never copied.
    refresh_protocol(const refresh_protocol&) = delete;
    refresh_protocol& operator=(const refresh_protocol&) = delete;

    step start(wall_clock::time_point now) { return judge_row(now, false); }
    step on_lease(const boost::system::result<bool>& held, steady_clock::time_point now);
    step on_paused() { return {step::read}; }
    step on_read(boost::system::result<store::token_grant> row, wall_clock::time_point now);
    /// Slack's answer to the refresh, made a grant (grant_from_refresh), or its error.
    step on_sent(boost::system::result<store::token_grant> fresh);
    step on_written(pair_write::step how, std::optional<store::token_grant> newer, boost::system::error_code error,
                    wall_clock::time_point now);
    step on_marked(const boost::system::result<bool>& swapped);

    bool lease_held() const { return lease_held_; }
    const store::token_grant& stored() const { return row_; }   ///< The pair refreshed from.
    const store::token_grant& fresh() const { return fresh_; }  ///< The pair Slack sent.
    const store::token_grant& marked() const { return marked_; }
    bool resending() const { return sends_ > 1; }
    /// done: the token its callers get, or the error.
    const boost::system::result<store::token_grant>& outcome() const { return outcome_; }
    /// done: a pair (or a mark) Slack's answer made necessary that the store refused: keep writing it.
    const store::token_grant* pending_write() const { return pending_; }
    boost::system::error_code pending_error() const { return pending_error_; }

private:
    step judge_row(wall_clock::time_point now, bool under_lease);
    step finish(boost::system::result<store::token_grant> outcome);
    step finish(boost::system::result<store::token_grant> outcome, step s);
    step keep_writing(const store::token_grant& what, boost::system::error_code why, step s);

    store::token_grant row_;
    std::string rejected_;
    grant_judge judge_;
    steady_clock::time_point give_up_at_;
    bool lease_held_ = false;
    bool rereading_after_mark_ = false;
    int sends_ = 0;
    store::token_grant fresh_;
    store::token_grant marked_;
    boost::system::error_code mark_error_;  // why the refresh token is gone
    boost::system::result<store::token_grant> outcome_{boost::system::error_code()};
    const store::token_grant* pending_ = nullptr;
    boost::system::error_code pending_error_;
};

}  // namespace slack::install::detail
