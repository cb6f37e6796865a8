#pragma once
/// Heap allocations (operator new) made by this process so far.
unsigned long long allocation_count() noexcept;
