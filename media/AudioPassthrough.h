#pragma once

#include "AudioTranscoder.h"

#include <QString>
#include <memory>

namespace cg {

class MediaWriter;

/// The audio of an export: every audio stream of the source, trimmed to the exported range and
/// shifted with it so it stays in sync with the video. Packets are copied unchanged where the output
/// container takes the codec (avformat_query_codec), otherwise the stream goes through an
/// AudioTranscoder. Reads the source with a demuxer of its own, in file order, as far as the export
/// has come (writeUntil), so the muxer can interleave audio and video without holding much.
/// Private to media/.
class AudioPassthrough
{
public:
    /// Opens `input` and adds one output stream per audio stream to `writer` (before its header).
    /// Throws InputError when the file cannot be read or a stream can neither be copied nor decoded.
    AudioPassthrough(const QString& input, MediaWriter& writer, const TimeRange& range);
    ~AudioPassthrough();
    AudioPassthrough(const AudioPassthrough&) = delete;
    AudioPassthrough& operator=(const AudioPassthrough&) = delete;

    int streamCount() const;
    /// Write the audio up to `time` (output time, in the range's time base) and a little beyond.
    void writeUntil(qint64 time);
    /// Write the rest of the range and drain the transcoders.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
