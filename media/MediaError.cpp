#include "MediaError.h"

#include "Error.h"
#include "FfmpegPtr.h"

#include <QFileInfo>

namespace cg::ffmpeg {

void failRead(const QString& path, const QString& reason)
{
    throw InputError(QStringLiteral("cannot read %1: %2").arg(QFileInfo(path).fileName(), reason));
}

void failWrite(const QString& path, const QString& reason)
{
    throw InputError(QStringLiteral("cannot write %1: %2").arg(QFileInfo(path).fileName(), reason));
}

QString describeError(int error)
{
    QString reason = QString::fromStdString(errorString(error));
    const std::string detail = lastLogMessage();
    if (!detail.empty() && QString::fromStdString(detail) != reason) // never say the same thing twice
        reason += QStringLiteral(" (%1)").arg(QString::fromStdString(detail));
    return reason;
}

} // namespace cg::ffmpeg
