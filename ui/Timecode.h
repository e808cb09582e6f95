#pragma once

#include <QString>

namespace cg {

/// SMPTE-style timecode for frame numbers (SMPTE ST 12-1 layout HH:MM:SS:FF, non-drop-frame: the
/// frame field counts to the nominal integer rate, so 29.97 fps counts 30 frames per second).
namespace Timecode {

/// The nominal integer rate of a frame rate (23.976 -> 24, 29.97 -> 30); at least 1.
int nominalRate(double fps);
/// "01:02:03:04" for `frame` at `fps`; "--:--:--:--" for fps <= 0 (stills).
QString fromFrame(qint64 frame, double fps);
/// The frame of a timecode "HH:MM:SS:FF" (or fewer fields, "SS:FF"); -1 when it does not parse.
qint64 toFrame(const QString& timecode, double fps);

} // namespace Timecode
} // namespace cg
