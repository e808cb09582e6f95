#include "ProgressReporter.h"

#include <cstdio>
#include <unistd.h>

namespace cg::cli {

ProgressReporter::ProgressReporter() : m_terminal(isatty(fileno(stderr)) != 0)
{
    m_sinceLastLine.start();
}

void ProgressReporter::report(const ExportProgress& progress)
{
    // The first report at once (so a farm sees the job has started), then a line a second or so.
    const bool last = progress.framesDone == progress.framesTotal;
    if (!last && m_reported && m_sinceLastLine.elapsed() < (m_terminal ? 200 : 1000))
        return;
    m_sinceLastLine.restart();
    m_reported = true;
    const double percent = progress.framesTotal > 0 ? 100.0 * double(progress.framesDone) / double(progress.framesTotal) : 0.0;
    std::fprintf(stderr, "%sframe %lld/%lld (%.0f %%), %.1f s elapsed, about %.0f s left%s",
                 m_terminal ? "\r" : "", static_cast<long long>(progress.framesDone),
                 static_cast<long long>(progress.framesTotal), percent, progress.secondsElapsed, progress.secondsLeft,
                 m_terminal ? "\033[K" : "\n");
    std::fflush(stderr);
    m_pending = m_terminal;
}

void ProgressReporter::finish()
{
    if (m_pending)
        std::fputc('\n', stderr);
    m_pending = false;
}

} // namespace cg::cli
