// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A PostgreSQL database of the test's own, on the server that scripts/test starts and names in
// SLACK_TEST_POSTGRES: created by the fixture, dropped after it. open() gives a new store client
// of it, so a test can play two replicas. Without SLACK_TEST_POSTGRES the fixture fails the
// test: these tests are never skipped silently.
#include <slack/store/postgresql_store.hpp>

#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;

namespace slack::test {

/// A query's rows as text, NULL as nullopt.
using raw_rows = std::vector<std::vector<std::optional<std::string>>>;

/// A blocking libpq connection, for what a test checks behind the store's back.
class raw_connection {
public:
    explicit raw_connection(const std::string& conninfo);
    ~raw_connection();
    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;

    /// Throws std::runtime_error when the statement fails.
    raw_rows query(const std::string& sql, const std::vector<std::string>& parameters = {});

private:
    pg_conn* connection_;
};

/// The server's connection string from SLACK_TEST_POSTGRES, with `database` instead of its own.
std::string conninfo_for(const std::string& server, const std::string& database);

struct postgresql_fixture {
    postgresql_fixture();
    ~postgresql_fixture();

    boost::asio::io_context io;

    /// A new store client of this fixture's database, with the default options().
    std::unique_ptr<slack::store::installation_store> open();
    std::unique_ptr<slack::store::installation_store> open(slack::store::postgresql_options options);
    /// Options naming this fixture's database, with timeouts short enough for tests.
    slack::store::postgresql_options options() const;

    /// A raw connection to this fixture's database (opened on first use).
    raw_connection& raw();

    std::string server;    // SLACK_TEST_POSTGRES
    std::string database;  // slack_test_...
    std::string conninfo;  // the server, this database

private:
    std::unique_ptr<raw_connection> raw_;
};

}  // namespace slack::test
