#include "AudioPassthrough.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "MediaError.h"
#include "MediaWriter.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <vector>

namespace cg {

using namespace cg::ffmpeg;

struct AudioPassthrough::Impl
{
    struct Stream
    {
        const AVStream* source = nullptr;
        AVStream* output = nullptr;                  ///< when copied
        std::unique_ptr<AudioTranscoder> transcoder; ///< when re-encoded
        int64_t start = 0;                           ///< the range, in the source stream's time base
        int64_t end = 0;
        bool done = false; ///< a packet past the range was seen
    };

    QString inputName;
    MediaWriter* writer = nullptr;
    InputFormatContextPtr format;
    std::vector<Stream> streams;
    std::vector<int> streamOfIndex; ///< source stream index -> position in `streams`, or -1
    AVRational rangeBase{1, 1};
    int64_t rangeStart = 0;
    PacketPtr packet;
    bool endOfFile = false;

    bool allDone() const
    {
        for (const Stream& stream : streams)
            if (!stream.done)
                return false;
        return true;
    }

    /// Read and route one packet; returns its time (output time, range time base) or nothing.
    std::optional<int64_t> readOne()
    {
        const int error = av_read_frame(format.get(), packet.get());
        if (error == AVERROR_EOF || (error < 0 && format->pb && avio_feof(format->pb))) {
            endOfFile = true;
            return std::nullopt;
        }
        if (error < 0)
            throw InputError(QStringLiteral("cannot read %1: %2").arg(inputName, describeError(error)));
        std::optional<int64_t> time;
        const int position = packet->stream_index < int(streamOfIndex.size())
                                 ? streamOfIndex[size_t(packet->stream_index)]
                                 : -1;
        if (position >= 0) {
            Stream& stream = streams[size_t(position)];
            const int64_t timestamp = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (timestamp != AV_NOPTS_VALUE) {
                time = av_rescale_q(timestamp, stream.source->time_base, rangeBase) - rangeStart;
                if (timestamp >= stream.end)
                    stream.done = true;
            }
            route(stream, timestamp);
        }
        av_packet_unref(packet.get());
        return time;
    }

    void route(Stream& stream, int64_t timestamp)
    {
        if (stream.transcoder) {
            // The decoder needs the packets just before the range too (codec delay, overlapped
            // transforms); it trims to the sample itself.
            if (timestamp == AV_NOPTS_VALUE || timestamp < stream.end)
                stream.transcoder->push(packet.get());
            return;
        }
        if (timestamp == AV_NOPTS_VALUE)
            return;
        // Whole packets that overlap the range; the muxer keeps a packet that starts a little
        // before 0 with an edit list, so the range starts in sync.
        const int64_t duration = std::max<int64_t>(packet->duration, 0);
        const bool priming = (packet->flags & AV_PKT_FLAG_DISCARD) && timestamp < stream.start;
        if ((timestamp + duration <= stream.start && !priming) || timestamp >= stream.end)
            return;
        if (priming && timestamp + duration <= stream.start - duration)
            return;
        if (packet->pts != AV_NOPTS_VALUE)
            packet->pts -= stream.start;
        if (packet->dts != AV_NOPTS_VALUE)
            packet->dts -= stream.start;
        packet->stream_index = stream.output->index;
        packet->pos = -1;
        writer->write(packet.get(), stream.source->time_base);
    }
};

AudioPassthrough::AudioPassthrough(const QString& input, MediaWriter& writer, const TimeRange& range)
    : d(std::make_unique<Impl>())
{
    installQuietLog();
    clearLastLogMessage();
    d->inputName = QFileInfo(input).fileName();
    d->writer = &writer;
    d->packet = makePacket();
    d->rangeBase = AVRational{range.timeBase.num, range.timeBase.den};
    d->rangeStart = range.start;

    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(input).absoluteFilePath());
    AVFormatContext* raw = nullptr;
    int error = avformat_open_input(&raw, url.constData(), nullptr, nullptr);
    if (error < 0)
        throw InputError(QStringLiteral("cannot read %1: %2").arg(d->inputName, describeError(error)));
    d->format.reset(raw);
    if (d->format->nb_streams == 0 || (d->format->ctx_flags & AVFMTCTX_NOHEADER)) {
        error = avformat_find_stream_info(d->format.get(), nullptr);
        if (error < 0)
            throw InputError(QStringLiteral("cannot read %1: %2").arg(d->inputName, describeError(error)));
    }

    d->streamOfIndex.assign(d->format->nb_streams, -1);
    d->streams.reserve(d->format->nb_streams);
    for (unsigned i = 0; i < d->format->nb_streams; ++i) {
        AVStream* source = d->format->streams[i];
        if (source->codecpar->codec_type != AVMEDIA_TYPE_AUDIO ||
            source->codecpar->codec_id == AV_CODEC_ID_NONE) {
            source->discard = AVDISCARD_ALL;
            continue;
        }
        Impl::Stream stream;
        stream.source = source;
        stream.start = av_rescale_q(range.start, d->rangeBase, source->time_base);
        stream.end = av_rescale_q(range.end, d->rangeBase, source->time_base);
        if (writer.accepts(source->codecpar->codec_id)) {
            stream.output = writer.addStream();
            error = avcodec_parameters_copy(stream.output->codecpar, source->codecpar);
            if (error < 0)
                throw std::bad_alloc();
            // The source container's tag may mean nothing in ours: let the muxer choose.
            stream.output->codecpar->codec_tag = 0;
            stream.output->time_base = source->time_base;
            av_dict_copy(&stream.output->metadata, source->metadata, 0);
            stream.output->disposition = source->disposition;
        } else {
            stream.transcoder = std::make_unique<AudioTranscoder>(source, writer, range);
        }
        d->streamOfIndex[i] = int(d->streams.size());
        d->streams.push_back(std::move(stream));
    }
}

AudioPassthrough::~AudioPassthrough() = default;

int AudioPassthrough::streamCount() const
{
    return int(d->streams.size());
}

void AudioPassthrough::writeUntil(qint64 time)
{
    // Half a second ahead of the video keeps the muxer's interleaving queue short.
    const int64_t ahead = av_rescale_q(1, AVRational{1, 2}, d->rangeBase);
    while (!d->endOfFile && !d->allDone()) {
        const std::optional<int64_t> read = d->readOne();
        if (read && *read > time + ahead)
            break;
    }
}

void AudioPassthrough::finish()
{
    while (!d->endOfFile && !d->allDone())
        d->readOne();
    for (Impl::Stream& stream : d->streams)
        if (stream.transcoder)
            stream.transcoder->finish();
}

} // namespace cg
