#include "FrameSource.h"

#include "Error.h"
#include "VideoDecoder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace cg {

struct FrameSource::Impl
{
    // Lock order: decoderMutex before cacheMutex (the worker holds the decoder while it inserts).
    VideoDecoder decoder;
    std::mutex decoderMutex;

    const size_t limit;
    mutable std::mutex cacheMutex;
    std::list<std::pair<qint64, Image>> lru; ///< most recently used first
    std::unordered_map<qint64, std::list<std::pair<qint64, Image>>::iterator> byIndex;
    size_t bytes = 0;

    // Read-ahead request, guarded by requestMutex.
    std::mutex requestMutex;
    std::condition_variable wake;
    qint64 requestFirst = 0;
    qint64 requestCount = 0;
    quint64 generation = 0; ///< bumped by every prefetch(): the worker drops an older request
    bool stopping = false;
    std::atomic_int foreground{0}; ///< callers waiting in frame(): the worker yields the decoder to them
    std::thread worker;

    Impl(const QString& path, size_t cacheBytes) : decoder(path), limit(cacheBytes)
    {
        worker = std::thread([this] { run(); });
    }

    ~Impl()
    {
        {
            std::lock_guard lock(requestMutex);
            stopping = true;
        }
        wake.notify_all();
        worker.join();
    }

    bool lookup(qint64 index, Image* out)
    {
        std::lock_guard lock(cacheMutex);
        const auto found = byIndex.find(index);
        if (found == byIndex.end())
            return false;
        lru.splice(lru.begin(), lru, found->second);
        if (out)
            *out = found->second->second;
        return true;
    }

    void insert(qint64 index, const Image& image)
    {
        const size_t size = image.byteCount();
        if (size > limit)
            return; // a frame larger than the whole cache is not kept
        std::lock_guard lock(cacheMutex);
        if (byIndex.count(index))
            return;
        while (bytes + size > limit && !lru.empty()) {
            bytes -= lru.back().second.byteCount();
            byIndex.erase(lru.back().first);
            lru.pop_back();
        }
        lru.emplace_front(index, image);
        byIndex[index] = lru.begin();
        bytes += size;
    }

    Image frame(qint64 index)
    {
        Image image;
        if (lookup(index, &image))
            return image;
        ++foreground;
        struct Release
        {
            Impl* impl;
            ~Release()
            {
                {
                    // Under the worker's mutex, so the worker cannot miss the wake-up between
                    // testing `foreground` and going to sleep.
                    std::lock_guard lock(impl->requestMutex);
                    --impl->foreground;
                }
                impl->wake.notify_all();
            }
        } release{this};
        std::lock_guard lock(decoderMutex);
        if (lookup(index, &image)) // the worker may have decoded it meanwhile
            return image;
        image = decoder.frame(index);
        insert(index, image);
        return image;
    }

    /// The background thread: decodes the requested range in order, one frame per decoder lock,
    /// so a caller of frame() waits for at most one frame.
    void run()
    {
        for (;;) {
            qint64 first = 0;
            qint64 count = 0;
            quint64 request = 0;
            {
                std::unique_lock lock(requestMutex);
                wake.wait(lock, [this] { return stopping || requestCount > 0; });
                if (stopping)
                    return;
                first = requestFirst;
                count = requestCount;
                request = generation;
                requestCount = 0;
            }
            for (qint64 index = first; index < first + count; ++index) {
                {
                    std::unique_lock lock(requestMutex);
                    wake.wait(lock, [this] { return stopping || foreground.load() == 0; });
                    if (stopping)
                        return;
                    if (generation != request)
                        break; // a newer request replaces this one
                }
                if (lookup(index, nullptr))
                    continue;
                std::lock_guard lock(decoderMutex);
                try {
                    insert(index, decoder.frame(index));
                } catch (const std::exception&) {
                    break; // a frame that cannot be decoded ends the read-ahead; frame() reports it
                }
            }
        }
    }
};

FrameSource::FrameSource(const QString& path, size_t cacheBytes) : d(std::make_unique<Impl>(path, cacheBytes))
{
}

FrameSource::~FrameSource() = default;

const MediaInfo& FrameSource::info() const
{
    return d->decoder.info(); // immutable after construction: no lock needed
}

qint64 FrameSource::frameCount() const
{
    return d->decoder.frameCount();
}

Image FrameSource::frame(qint64 index)
{
    return d->frame(index);
}

void FrameSource::prefetch(qint64 first, int count)
{
    const qint64 total = d->decoder.frameCount();
    first = std::clamp<qint64>(first, 0, total);
    qint64 end = std::clamp<qint64>(first + std::max(count, 0), first, total);
    // Read-ahead beyond what the cache holds would evict its own first frames: clamp it.
    const VideoStreamInfo& video = *d->decoder.info().video;
    const size_t frameBytes = size_t(std::max(video.width, 1)) * size_t(std::max(video.height, 1)) * 3 *
                              size_t(bytesPerSample(d->decoder.outputFormat()));
    end = std::min<qint64>(end, first + qint64(d->limit / frameBytes));
    {
        std::lock_guard lock(d->requestMutex);
        ++d->generation;
        d->requestFirst = first;
        d->requestCount = end - first;
    }
    d->wake.notify_all();
}

bool FrameSource::isCached(qint64 index) const
{
    std::lock_guard lock(d->cacheMutex);
    return d->byIndex.count(index) > 0;
}

size_t FrameSource::cachedBytes() const
{
    std::lock_guard lock(d->cacheMutex);
    return d->bytes;
}

} // namespace cg
