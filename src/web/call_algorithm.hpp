// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The decisions of one Web API call, without I/O: the rate-limit gate, the retry policy and
// budget, the sticky "an earlier outcome is unknown", the single-use credential rules, the
// naming of timeouts and cancellation. Values go in (the clock, the cancellation state, what the
// last step gave); one action comes out (wait at the gate, ask the limiter, wait for the pace,
// send, sleep, done). run_call (call.cpp)
// does the I/O around it; the unit tests drive it with a fake clock.
#include "web/envelope.hpp"
#include "web/rate_gate.hpp"
#include "web/transport.hpp"

#include <slack/diagnostics.hpp>
#include <slack/web/client_options.hpp>
#include <slack/web/method_traits.hpp>
#include <slack/web/rate_limiter.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace slack::web::detail {

/// What the algorithm asks the I/O loop to do next.
struct call_action {
    enum class kind { wait_gate, acquire, wait_pace, send, sleep, done };
    kind what = kind::done;
    /// wait_gate, wait_pace, sleep: wake up then (or on cancellation). acquire: the `latest` to
    /// ask client_options::limiter for.
    clock::time_point until{};
    unsigned attempt = 0;                  ///< send: the attempt's number (1-based).
    clock::time_point attempt_deadline{};  ///< send: when the attempt times out.
    boost::system::error_code error{};     ///< done: how the call ends (empty: success).
    /// Any kind: first tell client_options::limiter that a 429 blocked the key this long.
    std::optional<std::chrono::milliseconds> block_for{};
};

/// What the I/O loop tells the algorithm at each step.
struct call_input {
    clock::time_point now{};
    bool cancelled = false;  ///< The caller asked the call to stop.
    /// After wait_gate or sleep: the timer's error (operation_aborted when cancelled).
    boost::system::error_code wait_error{};
    /// After send: what the attempt gave (null otherwise).
    const attempt_outcome* outcome = nullptr;
    /// After acquire: the limiter's answer (an error: the attempt goes unpaced).
    const boost::system::result<rate_grant>* grant = nullptr;
};

/// The request's values the decisions depend on.
struct call_setup {
    std::string_view method;  ///< For events and messages.
    bool idempotent = false;
    spend_rule spends{};
    /// The client cannot make calls (its options are unusable): the call fails with this at once.
    boost::system::error_code refused{};
    const char* refused_why = nullptr;  ///< ...and this in diagnostics::client_message.
};

/// What the calls of one client share and change (touched only where the client runs).
struct call_shared {
    const client_options& options;
    double& retry_tokens;  ///< The client-wide retry budget.
    rate_gate& gate;       ///< This method's (and subject's) gate.
    /// Uniform in [0, 1): the client's random source, drawn for each policy question (the policy's `attempt_info::random`).
    double (*random)(void* context);
    void* random_context;
};

class call_algorithm {
public:
    /// `diag` is written by this class only (Slack's words excepted: the parse writes those).
    call_algorithm(const call_setup& setup, const call_shared& shared, slack::diagnostics& diag) noexcept
        : setup_(setup), shared_(shared), diag_(diag)
    {
    }

    /// The next action, given what the previous one gave. The first call takes only `now` and
    /// `cancelled`. After `done`, must not be called again.
    call_action next(const call_input& in);

private:
    enum class state { start, after_gate, after_acquire, after_pace, after_send, after_sleep };

    /// After a wait before sending (the gate, the pace): how the call ends if the wait failed, was
    /// cancelled or ran into the deadline; nullopt when the call goes on.
    std::optional<call_action> wait_ended(const call_input& in);
    call_action to_gate_or_send(const call_input& in);
    call_action acquire_or_send(const call_input& in);
    call_action on_grant(const call_input& in, const boost::system::result<rate_grant>& grant);
    call_action send(const call_input& in);
    call_action on_outcome(const call_input& in, const attempt_outcome& outcome);
    call_action fail(unsigned attempt, boost::system::error_code ec, std::string_view reason = {});
    retry_decision ask_policy(attempt_info& info) const;
    void emit(call_event::kind what, unsigned attempt, boost::system::error_code error = {}, unsigned status = 0,
              std::chrono::milliseconds delay = std::chrono::milliseconds(0), std::string_view reason = {}) const;
    void lost(boost::system::error_code cause, const char* message);

    const call_setup& setup_;
    call_shared shared_;
    slack::diagnostics& diag_;
    state state_ = state::start;
    clock::time_point deadline_{};
    unsigned attempt_ = 1;
    unsigned announced_ = 0;                              // the last attempt reported as started
    unsigned acquired_ = 0;                               // the last attempt the limiter was asked for
    std::optional<std::chrono::milliseconds> block_for_;  // a 429's Retry-After, for the limiter
    unsigned last_status_ = 0;                            // of the last answer
    // Set once an attempt may have been processed without our knowing its answer (and the call
    // went on): from then on, every way the call can fail says so.
    bool earlier_outcome_unknown_ = false;
    boost::system::error_code retried_error_;  // the error of the attempt being retried
};

}  // namespace slack::web::detail
