#include "FrameTimeline.h"

#include "Error.h"
#include "FfmpegPtr.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cg {

using namespace cg::ffmpeg;

qint64 FrameTimeline::start(qint64 index) const
{
    if (index < 0)
        return starts.empty() ? 0 : starts.front() + index * frameDuration;
    if (index < qint64(starts.size()))
        return starts[size_t(index)];
    return end + (index - qint64(starts.size())) * frameDuration;
}

qint64 FrameTimeline::endOf(qint64 index) const
{
    if (index + 1 < qint64(starts.size()))
        return starts[size_t(index + 1)];
    if (index + 1 == qint64(starts.size()))
        return end;
    return start(index) + frameDuration;
}

FrameTimeline readFrameTimeline(const QString& path, const VideoStreamInfo& video)
{
    installQuietLog();
    clearLastLogMessage();
    const QString name = QFileInfo(path).fileName();
    const auto fail = [&](int error) {
        QString reason = QString::fromStdString(errorString(error));
        if (!lastLogMessage().empty())
            reason += QStringLiteral(" (%1)").arg(QString::fromStdString(lastLogMessage()));
        return InputError(QStringLiteral("cannot read %1: %2").arg(name, reason));
    };

    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(path).absoluteFilePath());
    AVDictionary* options = nullptr;
    av_dict_set(&options, "pattern_type", "none", 0);
    AVFormatContext* raw = nullptr;
    int error = avformat_open_input(&raw, url.constData(), nullptr, &options);
    av_dict_free(&options);
    if (error < 0)
        throw fail(error);
    InputFormatContextPtr format(raw);
    if (format->nb_streams == 0 || (format->ctx_flags & AVFMTCTX_NOHEADER)) {
        error = avformat_find_stream_info(format.get(), nullptr);
        if (error < 0)
            throw fail(error);
    }
    const int streamIndex = video.streamIndex;
    if (streamIndex < 0 || streamIndex >= int(format->nb_streams))
        throw InputError(
            QStringLiteral("cannot read %1: its video stream #%2 is missing").arg(name).arg(streamIndex));
    for (unsigned i = 0; i < format->nb_streams; ++i)
        format->streams[i]->discard = int(i) == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    const AVStream* stream = format->streams[streamIndex];

    FrameTimeline timeline;
    timeline.timeBase = {stream->time_base.num, stream->time_base.den};
    // The average frame duration in stream ticks, from the stated frame rate.
    AVRational rate = stream->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = stream->r_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = AVRational{video.frameRate.num, video.frameRate.den};
    if (rate.num <= 0 || rate.den <= 0)
        rate = AVRational{25, 1};
    timeline.frameDuration = std::max<qint64>(1, av_rescale_q(1, av_inv_q(rate), stream->time_base));

    bool missing = false;
    qint64 lastStart = AV_NOPTS_VALUE, lastDuration = 0;
    PacketPtr packet = makePacket();
    for (;;) {
        error = av_read_frame(format.get(), packet.get());
        if (error == AVERROR_EOF)
            break;
        if (error < 0)
            throw fail(error);
        // Packets the demuxer marks for discarding (outside an edit list) yield no frame.
        if (packet->stream_index == streamIndex && !(packet->flags & AV_PKT_FLAG_DISCARD)) {
            const qint64 start = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (start == AV_NOPTS_VALUE)
                missing = true;
            timeline.starts.push_back(start);
            if (start != AV_NOPTS_VALUE && (lastStart == AV_NOPTS_VALUE || start >= lastStart)) {
                lastStart = start;
                lastDuration = packet->duration;
            }
        }
        av_packet_unref(packet.get());
    }

    if (missing) {
        for (size_t i = 0; i < timeline.starts.size(); ++i)
            timeline.starts[i] = qint64(i) * timeline.frameDuration;
        timeline.end = qint64(timeline.starts.size()) * timeline.frameDuration;
        return timeline;
    }
    std::sort(timeline.starts.begin(), timeline.starts.end());
    if (!timeline.starts.empty())
        timeline.end = timeline.starts.back() + (lastDuration > 0 ? lastDuration : timeline.frameDuration);
    return timeline;
}

} // namespace cg
