#pragma once

#include "Image.h"
#include "MediaInfo.h"

#include <QString>

#include <memory>
#include <mutex>

namespace cg {

class FrameSource;

/// The pictures of one clip, whatever it is: a video (through a FrameSource: decoder, frame cache and
/// read-ahead) or a still image (one frame). Shared between the GUI thread and workers; every
/// function is thread-safe. Opening probes the file and prepares the decoder, but decodes nothing.
class ClipMedia
{
public:
    /// Throws InputError naming the file when it is missing, unreadable or has no picture.
    explicit ClipMedia(const QString& path);
    ~ClipMedia();
    ClipMedia(const ClipMedia&) = delete;
    ClipMedia& operator=(const ClipMedia&) = delete;

    const QString& path() const { return m_path; }
    const MediaInfo& info() const { return m_info; }
    bool isStill() const { return m_isStill; }
    bool isVideo() const { return !isStill(); }
    qint64 frameCount() const;
    /// Frames per second; 0 for stills.
    double frameRate() const;
    Rational frameRateRational() const;
    int width() const;
    int height() const;
    /// Bits per component of the source (8, 10, 12, 16).
    int bitDepth() const;

    /// Frame `index` at full resolution (clamped to the clip); decodes when it is not cached, so call
    /// it from a worker thread. Throws InputError for undecodable frames.
    Image frame(qint64 index) const;
    /// Start decoding frames [first, first + count) in the background (no-op for stills).
    void prefetch(qint64 first, int count) const;
    bool isCached(qint64 index) const;

private:
    QString m_path;
    MediaInfo m_info;
    std::unique_ptr<FrameSource> m_source; ///< video
    bool m_isStill = false;
    /// A still is decoded on first use (on a worker), not when the clip is opened.
    mutable std::once_flag m_stillDecoded;
    mutable std::shared_ptr<const Image> m_still;
    mutable QString m_stillError;
};

} // namespace cg
