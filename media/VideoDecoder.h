#pragma once

#include "Image.h"
#include "MediaInfo.h"

#include <QString>
#include <memory>

namespace cg {

/// Decodes one video stream (or still image, or image sequence) to RGB with the stream's own YUV
/// matrix, range, bit depth and rotation. Frame-accurate: frame(N) returns exactly the N-th frame in
/// presentation order, for intra-only and long-GOP streams with B-frames, from any position, forwards
/// and backwards. Not thread-safe: one decoder per thread (FrameSource shares one across threads).
class VideoDecoder
{
public:
    enum class Depth
    {
        Auto,
        Rgb8,
        Rgb16
    }; ///< Auto: Rgb16 for sources deeper than 8 bits, else Rgb8

    /// Throws InputError when the file cannot be opened or has no decodable video.
    explicit VideoDecoder(const QString& path, Depth depth = Depth::Auto);
    ~VideoDecoder();
    VideoDecoder(VideoDecoder&&) noexcept;
    VideoDecoder& operator=(VideoDecoder&&) noexcept;

    const MediaInfo& info() const;
    qint64 frameCount() const;
    PixelFormat outputFormat() const;

    /// Exactly frame `index` (0-based). Throws InputError when out of range or undecodable.
    Image frame(qint64 index);
    /// The frame after the last one returned (the fast path for export and playback); false at the end.
    /// `image`'s memory is reused when it already has the frame's size and format.
    bool readNext(Image& image);
    /// Index of the frame readNext() returns next.
    qint64 nextIndex() const;
    /// Presentation time of frame `index` in units of info().video->timeBase, counted from the first
    /// frame (variable frame rate clips keep their timing); INT64_MIN when out of range.
    qint64 timestamp(qint64 index) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
