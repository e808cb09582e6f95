#pragma once

#include <functional>

namespace cg {

/// Run body(begin, end) over [0, count) split into contiguous chunks, one per hardware thread, and
/// wait for all of them. Small ranges run on the calling thread.
void parallelFor(int count, const std::function<void(int begin, int end)>& body, int minChunk = 16);

} // namespace cg
