#pragma once

#include <QString>

namespace cg {
/// The FFmpeg library versions in use, e.g. "libavcodec 59.37.100, libavformat 59.27.100, ...".
QString ffmpegVersion();
} // namespace cg
