#pragma once

#include <QString>

namespace cg::TorchRuntime {

/// LibTorch's version, e.g. "1.13.1".
QString version();

/// LibTorch on Debian 12 starts with one intra-op thread whatever the core count (ENVIRONMENT.md):
/// set it explicitly. `requested` <= 0 means OMP_NUM_THREADS when set, else every hardware thread.
/// Returns the thread count now in effect.
int configureThreads(int requested = 0);

} // namespace cg::TorchRuntime
