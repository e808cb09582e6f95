#pragma once

#include "Exporter.h"

#include <QElapsedTimer>

namespace cg::cli {

/// Export progress on stderr (DESIGN.md §5): a line a second or so, or one updating line on a terminal.
class ProgressReporter
{
public:
    ProgressReporter();
    void report(const ExportProgress& progress);
    void finish();

private:
    QElapsedTimer m_sinceLastLine;
    bool m_terminal = false;
    bool m_pending = false;
    bool m_reported = false;
};

} // namespace cg::cli
