#include "ParallelFor.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace cg {

void parallelFor(int count, const std::function<void(int, int)>& body, int minChunk)
{
    if (count <= 0)
        return;
    const int hardware = int(std::max(1u, std::thread::hardware_concurrency()));
    const int chunks = std::clamp(count / std::max(1, minChunk), 1, hardware);
    if (chunks == 1) {
        body(0, count);
        return;
    }
    // Spawning a thread costs ~20 us, negligible next to a frame (milliseconds), and keeps the
    // function free of shared pool state.
    std::vector<std::thread> workers;
    workers.reserve(size_t(chunks - 1));
    for (int i = 1; i < chunks; ++i) {
        const int begin = int(int64_t(count) * i / chunks);
        const int end = int(int64_t(count) * (i + 1) / chunks);
        workers.emplace_back([&body, begin, end] { body(begin, end); });
    }
    body(0, int(int64_t(count) / chunks));
    for (std::thread& worker : workers)
        worker.join();
}

} // namespace cg
