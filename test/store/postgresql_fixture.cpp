// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql_fixture.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace slack::test {
namespace {

// A libpq keyword value, quoted as a connection string wants it.
std::string quoted(const char* value)
{
    std::string out = "'";
    for (const char* c = value; *c; ++c) {
        if (*c == '\'' || *c == '\\')
            out += '\\';
        out += *c;
    }
    return out + "'";
}

std::string unique_database_name()
{
    std::random_device entropy;
    std::uniform_int_distribution<unsigned long long> digits;
    return "slack_test_" + std::to_string(digits(entropy));
}

std::string server_from_environment()
{
    const char* server = std::getenv("SLACK_TEST_POSTGRES");
    if (!server || !*server)
        throw std::runtime_error(
            "SLACK_TEST_POSTGRES is not set: run the PostgreSQL tests through scripts/test, "
            "which starts a PostgreSQL server (scripts/postgres) and sets it");
    return server;
}

}  // namespace

raw_connection::raw_connection(const std::string& conninfo) : connection_(PQconnectdb(conninfo.c_str()))
{
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection_);
        PQfinish(connection_);
        throw std::runtime_error("cannot connect to the test server: " + message);
    }
    PQsetNoticeReceiver(
        connection_, [](void*, const PGresult*) {}, nullptr);
}

raw_connection::~raw_connection() { PQfinish(connection_); }

raw_rows raw_connection::query(const std::string& sql, const std::vector<std::string>& parameters)
{
    std::vector<const char*> values;
    for (const auto& p : parameters)
        values.push_back(p.c_str());
    std::unique_ptr<PGresult, void (*)(PGresult*)> result(
        PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                     nullptr, 0),
        PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error("test query failed: " + sql + ": " + PQresultErrorMessage(result.get()));
    raw_rows rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(result.get()); ++c)
            row.push_back(PQgetisnull(result.get(), r, c) ? std::nullopt
                                                          : std::optional<std::string>(PQgetvalue(result.get(), r, c)));
    }
    return rows;
}

std::string conninfo_for(const std::string& server, const std::string& database)
{
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> options(PQconninfoParse(server.c_str(), &error),
                                                                           PQconninfoFree);
    if (!options) {
        std::string message = error ? error : "out of memory";
        PQfreemem(error);
        throw std::runtime_error("SLACK_TEST_POSTGRES is not a connection string: " + message);
    }
    std::string out;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (o->val && std::string_view(o->keyword) != "dbname")
            out += std::string(o->keyword) + "=" + quoted(o->val) + " ";
    return out + "dbname=" + quoted(database.c_str());
}

postgresql_fixture::postgresql_fixture()
    : server(server_from_environment()), database(unique_database_name()), conninfo(conninfo_for(server, database))
{
    raw_connection admin(server);
    admin.query("CREATE DATABASE " + database);  // a name made above, not from input
}

postgresql_fixture::~postgresql_fixture()
{
    raw_.reset();
    try {
        raw_connection admin(server);
        admin.query("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The server went away: nothing to clean up on it.
    }
}

slack::store::postgresql_options postgresql_fixture::options() const
{
    slack::store::postgresql_options o;
    o.connection = conninfo;
    o.pool_size = 4;
    o.connect_timeout = std::chrono::milliseconds(5000);
    o.query_timeout = std::chrono::milliseconds(5000);
    return o;
}

std::unique_ptr<slack::store::installation_store> postgresql_fixture::open() { return open(options()); }

std::unique_ptr<slack::store::installation_store> postgresql_fixture::open(slack::store::postgresql_options o)
{
    return std::make_unique<slack::store::postgresql_store>(io.get_executor(), std::move(o));
}

raw_connection& postgresql_fixture::raw()
{
    if (!raw_)
        raw_ = std::make_unique<raw_connection>(conninfo);
    return *raw_;
}

}  // namespace slack::test
