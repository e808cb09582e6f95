#pragma once

#include <QString>

namespace cg::ffmpeg {

/// "cannot read NAME: reason" as an InputError (NAME is the file name without its folder).
[[noreturn]] void failRead(const QString& path, const QString& reason);
/// "cannot write NAME: reason" as an InputError.
[[noreturn]] void failWrite(const QString& path, const QString& reason);
/// FFmpeg's error code in words, with the last message a library logged on this thread when it says
/// more ("Invalid data found when processing input (png: inflate returned error -3)").
QString describeError(int error);

} // namespace cg::ffmpeg
