#pragma once

#include <QString>
#include <memory>

struct AVFormatContext;
struct AVPacket;
struct AVRational;
struct AVStream;

namespace cg {

/// The output file of an export: an FFmpeg muxer writing to a temporary file in the output's folder
/// (".NAME.part-XXXXXX.EXT"), renamed over the output only when the trailer and the close succeeded,
/// so a reader never sees a half-written file and an old file of that name survives a failed export.
/// The destructor removes the temporary file unless commit() succeeded: every error path, an
/// exception or a cancel, leaves nothing behind. Write errors (full disk, file size limit, I/O error)
/// throw InputError naming the output. Private to media/ (libav* types are only forward-declared).
class MediaWriter
{
public:
    /// `formatName` is FFmpeg's muxer name ("mp4", "mov", "matroska"). Throws InputError when the folder does not
    /// exist or is not writable.
    MediaWriter(const QString& output, const char* formatName);
    ~MediaWriter();
    MediaWriter(const MediaWriter&) = delete;
    MediaWriter& operator=(const MediaWriter&) = delete;

    AVFormatContext* format() const;
    /// Whether the container can hold the codec (FFmpeg's avformat_query_codec, normal compliance).
    bool accepts(int codecId) const;
    /// A new stream; set its codec parameters and time base before writeHeader().
    AVStream* addStream();
    /// Writes the header; MP4 and MOV get +faststart (the index at the front, for players and the web).
    void writeHeader();
    /// Rescales the packet's timestamps from `timeBase` to its stream's and writes it interleaved
    /// (the packet is consumed).
    void write(AVPacket* packet, const AVRational& timeBase);
    /// Trailer, close, rename over the output; throws InputError when any of them fails.
    void commit();

    QString outputPath() const;
    QString temporaryPath() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
