#include "FfmpegVersion.h"

#include <QStringList>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

namespace cg {

namespace {
QString versionText(const char* name, unsigned version)
{
    return QStringLiteral("%1 %2.%3.%4").arg(QLatin1String(name)).arg(version >> 16).arg((version >> 8) & 0xff).arg(version & 0xff);
}
} // namespace

QString ffmpegVersion()
{
    return QStringList{versionText("libavcodec", avcodec_version()), versionText("libavformat", avformat_version()),
                       versionText("libavutil", avutil_version()), versionText("libswscale", swscale_version())}
        .join(QStringLiteral(", "));
}

} // namespace cg
