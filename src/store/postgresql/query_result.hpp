// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What one statement gave back (libpq's PGresult, owned), and reading its cells as the store's
// types. A cell that does not read as its column's type is corrupt_row.
#include <slack/store/installation.hpp>

#include <boost/system/result.hpp>

#include <libpq-fe.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace slack::store::postgresql {

class query_result {
public:
    query_result() = default;
    explicit query_result(PGresult* result) noexcept : result_(result) {}

    int rows() const noexcept;
    /// Rows an INSERT, UPDATE or DELETE touched.
    std::size_t affected() const noexcept;

    bool is_null(int row, int column) const noexcept;
    /// "" for NULL.
    std::string_view text(int row, int column) const noexcept;
    boost::system::result<std::int64_t> integer(int row, int column) const;
    boost::system::result<std::optional<std::int64_t>> optional_integer(int row, int column) const;
    boost::system::result<bool> boolean(int row, int column) const;
    /// A unix-milliseconds column, or nullopt for NULL.
    boost::system::result<std::optional<time_point>> time(int row, int column) const;

private:
    struct clear {
        void operator()(PGresult* r) const noexcept { PQclear(r); }
    };
    std::unique_ptr<PGresult, clear> result_;
};

}  // namespace slack::store::postgresql
