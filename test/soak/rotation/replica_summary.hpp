// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What a replica tells the driver when it ends: counts, user ids and names, never a token.
// One "name [key] value" line each, ending with "end", so that a summary cut short (a replica
// killed or hung) is seen as such.
#include <cstddef>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace soak::rotation {

/// auth.test refused a token the provider had handed out.
struct bad_token {
    std::size_t installation = 0;
    std::string error;               ///< token_revoked, token_expired, invalid_auth
    long long checked_after_ms = 0;  ///< from token()'s completion to auth.test's
};

struct replica_summary {
    std::size_t asked = 0;                                  ///< token() calls completed
    std::size_t served = 0;                                 ///< ... that yielded a token
    std::size_t checked = 0;                                ///< ... whose token auth.test accepted
    std::map<std::string, std::size_t> errors;              ///< token() errors by name
    std::map<std::size_t, std::size_t> reinstall_required;  ///< token() said reinstall_required, by installation
    std::map<std::string, std::size_t> unchecked;  ///< auth.test failed for another reason (transport...), by name
    std::vector<bad_token> bad_tokens;             ///< the first few
    std::size_t bad_token_count = 0;
    std::map<std::size_t, std::set<std::string>> users;  ///< user ids auth.test named, by installation
    std::map<std::string, std::size_t> stats;            ///< token_provider_stats, by member name
    std::map<std::string, std::size_t> events;           ///< token events, by kind
    long long stop_ms = -1;                              ///< from the stop request to the summary
    bool complete = false;                               ///< the "end" line was there

    void add_bad_token(bad_token bad);
};

void write_summary(std::ostream& out, const replica_summary& summary);
replica_summary read_summary(std::istream& in);

}  // namespace soak::rotation
