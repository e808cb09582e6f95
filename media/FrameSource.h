#pragma once

#include "Image.h"
#include "MediaInfo.h"

#include <QString>
#include <memory>

namespace cg {

/// Frames of one clip for the viewer: a thread-safe front of VideoDecoder with an LRU frame cache
/// (bounded in bytes) and read-ahead on a background thread, so scrubbing and playback do not decode
/// the same frame twice and playback finds the next frames ready.
class FrameSource
{
public:
    explicit FrameSource(const QString& path, size_t cacheBytes = size_t(512) << 20);
    ~FrameSource();

    const MediaInfo& info() const;
    qint64 frameCount() const;

    /// Frame `index`, from the cache or decoded now (blocking the caller, not the GUI: call it from a
    /// worker). Throws InputError like VideoDecoder::frame.
    Image frame(qint64 index);
    /// Ask the background thread to decode frames [first, first + count) into the cache. Cancels an
    /// earlier read-ahead that has not finished. Returns at once.
    void prefetch(qint64 first, int count);
    bool isCached(qint64 index) const;
    size_t cachedBytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
