#pragma once

#include "CompiledGrade.h"

#include <QString>
#include <atomic>
#include <functional>
#include <stdexcept>

namespace cg {

enum class ExportCodec { H264, ProResLT, ProRes, ProResHQ, ProRes4444 };

/// Parse "h264", "prores-lt", "prores", "prores-hq", "prores-4444" (the CLI's --codec values).
ExportCodec exportCodecFromName(const QString& name); // throws InputError
QString exportCodecName(ExportCodec codec);

struct ExportSettings
{
    ExportCodec codec = ExportCodec::H264;
    int crf = 18;                     ///< libx264 constant rate factor
    QString preset = "medium";        ///< libx264 preset
    qint64 firstFrame = 0;            ///< inclusive
    qint64 lastFrame = -1;            ///< inclusive; -1 = the clip's last frame
    bool includeAudio = true;
    bool operator==(const ExportSettings&) const = default;
};

struct ExportProgress
{
    qint64 framesDone = 0;
    qint64 framesTotal = 0;
    double secondsElapsed = 0.0;
    double secondsLeft = 0.0; ///< estimate
};

/// Thrown when an export was cancelled; nothing is left on disk.
class ExportCancelled : public std::runtime_error
{
public:
    ExportCancelled() : std::runtime_error("export cancelled") {}
};

/// Grade every frame of `input` with `grade` (the same CompiledGrade the viewer uses) and encode it:
/// H.264 (libx264, yuv420p, BT.709 tagged) in .mp4, .mov or .mkv, or ProRes (prores_ks, 422 LT/422/
/// 422 HQ in yuv422p10le, 4444 in yuv444p10le, vendor apl0) in .mov. Keeps frame count, frame
/// timestamps (so variable frame rates), frame rate, time base, size and colour tags; audio is copied
/// where the container allows, else re-encoded (AAC; PCM in .mov), trimmed to the exported range and
/// in sync.
/// Decode, grade and encode run concurrently on their own threads. Writes a temporary file next to
/// `output` and renames it only when complete. `progress` is called from a worker thread; setting
/// `*cancel` stops the export (ExportCancelled) and removes the temporary file. Throws InputError for
/// unreadable input, unwritable output, output == input, a full disk.
void exportVideo(const QString& input, const QString& output, const CompiledGrade& grade,
                 const ExportSettings& settings, const std::function<void(const ExportProgress&)>& progress = {},
                 const std::atomic_bool* cancel = nullptr);

} // namespace cg
