#pragma once

#include <QString>

namespace cg::cli {

/// A time on the command line: seconds ("12.5"), a clock time ("00:01:02.5", "1:02") or a frame
/// number ("300f"). Returns seconds, or the frame index when `isFrame` is set. Throws InputError.
struct TimeArgument
{
    double seconds = 0.0;
    qint64 frame = -1; ///< >= 0 when given as a frame number
};
TimeArgument parseTimeArgument(const QString& option, const QString& text);

/// The first frame at or after a time (for --start) and the last frame before it (for --end).
qint64 firstFrameAt(const TimeArgument& time, double fps);
qint64 lastFrameBefore(const TimeArgument& time, double fps);

} // namespace cg::cli
