#include "Timecode.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cg::Timecode {

int nominalRate(double fps)
{
    return std::max(1, int(std::lround(fps)));
}

QString fromFrame(qint64 frame, double fps)
{
    if (fps <= 0.0)
        return QStringLiteral("--:--:--:--");
    const qint64 rate = nominalRate(fps);
    const qint64 f = std::max<qint64>(0, frame);
    const qint64 seconds = f / rate;
    return QStringLiteral("%1:%2:%3:%4")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(f % rate, 2, 10, QLatin1Char('0'));
}

qint64 toFrame(const QString& timecode, double fps)
{
    const QStringList fields = timecode.trimmed().split(QRegularExpression(QStringLiteral("[:;.]")));
    if (fields.isEmpty() || fields.size() > 4)
        return -1;
    const qint64 rate = nominalRate(fps);
    const qint64 unit[4] = {3600 * rate, 60 * rate, rate, 1};
    qint64 frame = 0;
    const int offset = 4 - int(fields.size());
    for (int i = 0; i < fields.size(); ++i) {
        bool ok = false;
        const qint64 value = fields[i].toLongLong(&ok);
        if (!ok || value < 0)
            return -1;
        frame += value * unit[offset + i];
    }
    return frame;
}

} // namespace cg::Timecode
