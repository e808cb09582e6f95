#pragma once

#include "MediaInfo.h"

#include <memory>

struct AVPacket;
struct AVStream;

namespace cg {

class MediaWriter;

/// A span [start, end) of the source's timeline, in `timeBase` units: the exported range. Output
/// time 0 is `start`.
struct TimeRange
{
    qint64 start = 0;
    qint64 end = 0;
    Rational timeBase;
};

/// One audio stream decoded, trimmed to the exported range to the sample, converted with
/// libswresample and encoded again, for a container that cannot hold the source's codec (PCM or
/// Opus in MP4, ...): AAC for MP4, PCM (16 or 24 bit) for MOV. Output timestamps count the samples
/// written, so the stream stays in sync with the video. Private to media/.
class AudioTranscoder
{
public:
    /// Adds the output stream to `writer` (before its header is written). Throws InputError when
    /// there is no decoder for the source or the encoder refuses it.
    AudioTranscoder(const AVStream* source, MediaWriter& writer, const TimeRange& range);
    ~AudioTranscoder();
    AudioTranscoder(const AudioTranscoder&) = delete;
    AudioTranscoder& operator=(const AudioTranscoder&) = delete;

    /// A packet of the source stream, in its time base.
    void push(const AVPacket* packet);
    /// Drain decoder, resampler and encoder into the file.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
