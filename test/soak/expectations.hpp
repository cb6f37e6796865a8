// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The allowed outcomes of each fault kind, and how many requests carrying its code the mock
// may have seen for each: the soak's definition of "correct".
#include "outcome.hpp"
#include "plan.hpp"

#include <slack/diagnostics.hpp>

#include <optional>
#include <string>

namespace soak {

/// What diagnostics::underlying must be for an outcome.
enum class underlying_rule : std::uint8_t { any, peer_close, cancelled };

struct expectation {
    fault kind;
    outcome result;
    unsigned min_exchanges;  ///< requests with the call's code, not counting 429s of a window it ran into
    unsigned max_exchanges;
    underlying_rule underlying = underlying_rule::any;
    bool budget_refusal = false;  ///< a retry the policy wanted, refused because the retry budget was empty
};

/// The row for (kind, result), or nullopt: that outcome is a violation for that kind.
std::optional<expectation> expected(fault kind, outcome result);

/// Empty when `diag` satisfies `rule`, else what is wrong.
std::string check_underlying(underlying_rule rule, const slack::diagnostics& diag);

}  // namespace soak
