// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How a store's operation completes: as every operation's immediate answer (complete_posted),
// never inside the initiating call, on the handler's associated executor (else the store's).
#include <slack/store/installation_store.hpp>

#include "detail/start_operation.hpp"

namespace slack::store::detail {

template <class T, class Value>
void complete(const boost::asio::any_io_executor& fallback, store_handler<T>& handler, Value&& value)
{
    slack::detail::complete_posted(fallback, std::move(handler), store_result<T>(std::forward<Value>(value)));
}

}  // namespace slack::store::detail
