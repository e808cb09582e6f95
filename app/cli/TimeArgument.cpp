#include "TimeArgument.h"

#include "Error.h"

#include <QStringList>
#include <cmath>

namespace cg::cli {

TimeArgument parseTimeArgument(const QString& option, const QString& text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    TimeArgument time;
    if (trimmed.endsWith('f')) {
        time.frame = trimmed.chopped(1).toLongLong(&ok);
        if (!ok || time.frame < 0)
            throw InputError(QStringLiteral("--%1: \"%2\" is not a frame number (like 300f)").arg(option, text));
        return time;
    }
    const QStringList parts = trimmed.split(':');
    if (parts.size() > 3)
        throw InputError(QStringLiteral("--%1: \"%2\" is not a time (seconds, or HH:MM:SS.sss)").arg(option, text));
    double seconds = 0.0;
    for (const QString& part : parts) {
        const double value = part.toDouble(&ok);
        if (!ok || value < 0 || !std::isfinite(value))
            throw InputError(QStringLiteral("--%1: \"%2\" is not a time (seconds, or HH:MM:SS.sss)").arg(option, text));
        seconds = seconds * 60.0 + value;
    }
    time.seconds = seconds;
    return time;
}

qint64 firstFrameAt(const TimeArgument& time, double fps)
{
    if (time.frame >= 0)
        return time.frame;
    // A small tolerance so that "2.0" at 25 fps is frame 50, not 51 after rounding noise.
    return qint64(std::ceil(time.seconds * fps - 1e-6));
}

qint64 lastFrameBefore(const TimeArgument& time, double fps)
{
    if (time.frame >= 0)
        return time.frame;
    return qint64(std::ceil(time.seconds * fps - 1e-6)) - 1;
}

} // namespace cg::cli
