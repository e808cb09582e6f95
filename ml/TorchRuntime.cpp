#include "TorchRuntime.h"

// Qt's `slots` keyword collides with an identifier in torch headers (ENVIRONMENT.md).
#undef slots
#include <ATen/Parallel.h>
#include <torch/version.h>
#define slots Q_SLOTS

#include <QByteArray>
#include <thread>

namespace cg::TorchRuntime {

QString version()
{
    return QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH);
}

int configureThreads(int requested)
{
    int threads = requested;
    if (threads <= 0) {
        bool ok = false;
        threads = qEnvironmentVariableIntValue("OMP_NUM_THREADS", &ok);
        if (!ok || threads <= 0)
            threads = int(std::max(1u, std::thread::hardware_concurrency()));
    }
    at::set_num_threads(threads);
    return at::get_num_threads();
}

} // namespace cg::TorchRuntime
