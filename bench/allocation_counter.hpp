// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// Heap allocations (operator new) made by this process so far.
unsigned long long allocation_count() noexcept;
