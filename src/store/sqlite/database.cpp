// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/database.hpp"

#include "store/sqlite/schema.hpp"

namespace slack::store::sqlite {

database::open_file::open_file(const sqlite_options& options)
    : link(options.path, options.busy_timeout), statements(link.handle())
{
    migrate(link, statements);
}

database::database(sqlite_options options)
    : options_(std::move(options)), keys_(options_.encryption_key, options_.previous_keys)
{
}
database::~database() = default;

void database::open()
{
    if (!open_)
        open_ = std::make_unique<open_file>(options_);  // migrated, so at this version
    else
        check_version(open_->statements);
}

}  // namespace slack::store::sqlite
