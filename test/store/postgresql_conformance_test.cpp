// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// postgresql_store against the conformance suite, on a database of the test's own
// (postgresql_fixture: needs the server scripts/test starts, SLACK_TEST_POSTGRES).
#include "store/conformance.hpp"
#include "store/postgresql_fixture.hpp"

namespace {

struct postgresql_conformance_fixture : slack::test::postgresql_fixture {
    static constexpr bool supports_encryption = true;

    std::unique_ptr<slack::store::installation_store> open(std::optional<slack::store::token_key> key = {},
                                                           std::vector<slack::store::token_key> previous = {})
    {
        slack::store::postgresql_options with_key = options();
        with_key.encryption_key = std::move(key);
        with_key.previous_keys = std::move(previous);
        return postgresql_fixture::open(std::move(with_key));
    }
    std::vector<std::string> sql(const std::string& statement)
    {
        std::vector<std::string> out;
        for (const auto& row : raw().query(statement))
            for (const auto& value : row)
                out.push_back(value.value_or(""));
        return out;
    }
};

}  // namespace

SLACK_STORE_CONFORMANCE(postgresql_store_conformance, postgresql_conformance_fixture)
