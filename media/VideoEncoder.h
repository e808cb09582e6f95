#pragma once

#include "Exporter.h"
#include "MediaInfo.h"
#include "YuvFormat.h"

#include <memory>

struct AVFrame;

namespace cg {

class MediaWriter;

/// The video encoder of an export: libx264 (H.264, yuv420p) or prores_ks (ProRes 422 LT/422/422 HQ in
/// yuv422p10le, 4444 in yuv444p10le, vendor "apl0"), with the source's size, frame rate and time
/// base, and BT.709 (or, for BT.2020 sources, BT.2020) colour tags in limited range. Adds its stream
/// to the writer (before the header is written) and writes its packets there; each packet gets the
/// timestamp and duration of the frame it came from, so variable frame rates survive. Private to media/.
class VideoEncoder
{
public:
    /// Encodes pictures of `width` x `height` (as decoded: upright). Throws InputError when the encoder
    /// is missing or refuses the settings (e.g. an odd size for 4:2:0).
    VideoEncoder(MediaWriter& writer, const ExportSettings& settings, const VideoStreamInfo& source,
                 int width, int height);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    /// The layout and colour encoding of the frames encode() takes.
    const YuvFormat& yuvFormat() const;
    int width() const;
    int height() const;

    /// Encode one frame (in yuvFormat(), width() x height()); `pts` and `duration` in the source's
    /// time base, `pts` relative to the start of the export.
    void encode(AVFrame* frame, qint64 pts, qint64 duration);
    /// Drain the encoder's delayed frames (B-frames, look-ahead, frame threads) into the file.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
