#include "MediaInfo.h"

#include "Error.h"
#include "FrameConverter.h"
#include "MediaError.h"
#include "PacketIndex.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace cg {

namespace ffmpeg {

namespace {

QString latin1OrEmpty(const char* text)
{
    return text ? QString::fromLatin1(text) : QString();
}

QString orUnknown(const char* text)
{
    return text ? QString::fromLatin1(text) : QStringLiteral("unknown");
}

/// "%d" or "%04d" in the file name: an image sequence for FFmpeg's image2 demuxer.
const QRegularExpression& sequencePattern()
{
    static const QRegularExpression pattern(QStringLiteral("%0?(\\d*)d"));
    return pattern;
}

struct SequenceInfo
{
    bool isSequence = false;
    int startNumber = 0;
};

/// Whether `path` names an image sequence ("shot_%04d.dpx") rather than a file, and the lowest frame
/// number present (image2 only looks for a first file within 5 numbers of 0 by itself; VFX
/// sequences start at 1001). A file that exists under the literal name is that file.
SequenceInfo sequenceInfo(const QString& path)
{
    SequenceInfo result;
    const QFileInfo info(path);
    if (info.exists())
        return result;
    const QString name = info.fileName();
    const QRegularExpressionMatch match = sequencePattern().match(name);
    if (!match.hasMatch() || name.indexOf(QLatin1Char('%'), match.capturedEnd()) >= 0)
        return result;
    const QString digits = match.captured(1);
    const int width = digits.isEmpty() ? 0 : digits.toInt();
    const QString numberPattern = width > 0 && name.at(match.capturedStart() + 1) == QLatin1Char('0')
                                      ? QStringLiteral("(\\d{%1,})").arg(width)
                                      : QStringLiteral("(\\d+)");
    const QRegularExpression filePattern(
        QStringLiteral("^") + QRegularExpression::escape(name.left(match.capturedStart())) + numberPattern +
        QRegularExpression::escape(name.mid(match.capturedEnd())) + QStringLiteral("$"));
    qint64 lowest = std::numeric_limits<qint64>::max();
    const QStringList entries = info.dir().entryList(QDir::Files);
    for (const QString& entry : entries) {
        const QRegularExpressionMatch fileMatch = filePattern.match(entry);
        if (fileMatch.hasMatch())
            lowest = std::min(lowest, fileMatch.captured(1).toLongLong());
    }
    if (lowest == std::numeric_limits<qint64>::max() || lowest > std::numeric_limits<int>::max())
        failRead(path, QStringLiteral("no files match the image sequence pattern"));
    result.isSequence = true;
    result.startNumber = int(lowest);
    return result;
}

InputFormatContextPtr openDemuxer(const QString& path, const SequenceInfo& sequence)
{
    // The explicit "file:" protocol keeps a name like "a:b.mov" from being taken as a protocol.
    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(path).absoluteFilePath());
    AVDictionary* options = nullptr;
    const AVInputFormat* format = nullptr;
    if (sequence.isSequence) {
        format = av_find_input_format("image2");
        av_dict_set(&options, "pattern_type", "sequence", 0);
        av_dict_set_int(&options, "start_number", sequence.startNumber, 0);
    } else {
        // A single image's name is taken literally ("shot%03d.png" is that one file).
        av_dict_set(&options, "pattern_type", "none", 0);
    }
    AVFormatContext* raw = nullptr;
    const int error = avformat_open_input(&raw, url.constData(), format, &options);
    av_dict_free(&options);
    if (error < 0) // avformat_open_input frees the context on failure
        failRead(path, describeError(error));
    InputFormatContextPtr context(raw);
    const int infoError = avformat_find_stream_info(context.get(), nullptr);
    if (infoError < 0)
        failRead(path, describeError(infoError));
    return context;
}

void checkFile(const QString& path, const SequenceInfo& sequence)
{
    // Checked before FFmpeg sees the file: a FIFO or device would block the reader, and FFmpeg's
    // messages for missing or empty files are vaguer than these.
    if (sequence.isSequence)
        return;
    const QFileInfo info(path);
    if (!info.exists())
        failRead(path, QStringLiteral("no such file"));
    if (!info.isFile())
        failRead(path, QStringLiteral("not a regular file"));
    if (info.size() == 0)
        failRead(path, QStringLiteral("the file is empty"));
}

int findVideoStream(const QString& path, AVFormatContext* format)
{
    int best = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    // Cover art (an MP3's or M4A's picture) is a video stream of one picture, not the video.
    if (best >= 0 && (format->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
        best = -1;
        for (unsigned i = 0; i < format->nb_streams; ++i) {
            const AVStream* stream = format->streams[i];
            if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
                !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
                best = int(i);
                break;
            }
        }
    }
    if (best < 0)
        failRead(path, QStringLiteral("the file holds no video stream"));
    return best;
}

double seconds(int64_t duration, AVRational timeBase)
{
    return duration == AV_NOPTS_VALUE || duration <= 0 ? 0.0 : double(duration) * av_q2d(timeBase);
}

Rational rationalOf(AVRational value)
{
    return {value.num, value.den};
}

VideoStreamInfo describeVideo(const AVStream& stream, const PacketIndex& index, int rotation)
{
    const AVCodecParameters& parameters = *stream.codecpar;
    VideoStreamInfo video;
    video.streamIndex = stream.index;
    video.codec = QString::fromLatin1(avcodec_get_name(parameters.codec_id));
    video.profile = latin1OrEmpty(avcodec_profile_name(parameters.codec_id, parameters.profile));
    const auto pixelFormat = AVPixelFormat(parameters.format);
    video.pixelFormat = orUnknown(av_get_pix_fmt_name(pixelFormat));
    const bool turned = rotation == 90 || rotation == 270;
    video.width = turned ? parameters.height : parameters.width;
    video.height = turned ? parameters.width : parameters.height;
    video.bitDepth = pixelFormat != AV_PIX_FMT_NONE ? bitDepthOf(pixelFormat)
                                                    : std::max(8, parameters.bits_per_raw_sample);
    AVRational rate = stream.avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = stream.r_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = AVRational{0, 1};
    video.frameRate = rationalOf(rate);
    video.timeBase = rationalOf(stream.time_base);
    video.frameCount = index.frameCount();
    if (index.order() == PacketIndex::Order::Timestamps && index.frameCount() > 0)
        video.duration = seconds(index.endPts() - index.firstPts(), stream.time_base);
    if (video.duration <= 0.0)
        video.duration = seconds(stream.duration, stream.time_base);
    if (video.duration <= 0.0 && rate.num > 0)
        video.duration = double(index.frameCount()) / av_q2d(rate);
    video.colorMatrix = orUnknown(av_color_space_name(parameters.color_space));
    video.colorRange = orUnknown(av_color_range_name(parameters.color_range));
    video.colorPrimaries = orUnknown(av_color_primaries_name(parameters.color_primaries));
    video.colorTransfer = orUnknown(av_color_transfer_name(parameters.color_trc));
    video.decodeMatrix = orUnknown(av_color_space_name(effectiveMatrix(
        parameters.color_space, pixelFormat, parameters.width, parameters.height, UntaggedMatrix::BySize)));
    video.decodeRange =
        effectiveFullRange(parameters.color_range, pixelFormat) ? QStringLiteral("pc") : QStringLiteral("tv");
    video.rotation = rotation;
    const AVCodecDescriptor* descriptor = avcodec_descriptor_get(parameters.codec_id);
    video.intraOnly = (descriptor && (descriptor->props & AV_CODEC_PROP_INTRA_ONLY)) ||
                      (index.packetCount() > 0 && index.allKey());
    return video;
}

int rotationOf(const AVStream& stream)
{
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return 0;
    return rotationFromDisplayMatrix(reinterpret_cast<const int32_t*>(matrix));
}

} // namespace

// ---- PacketIndex --------------------------------------------------------------------------------

void PacketIndex::add(const AVPacket& packet)
{
    IndexedPacket entry;
    entry.pts = packet.pts;
    entry.dts = packet.dts;
    entry.pos = packet.pos;
    entry.duration = packet.duration;
    entry.key = packet.flags & AV_PKT_FLAG_KEY;
    entry.discard = packet.flags & AV_PKT_FLAG_DISCARD;
    if (m_codec == AV_CODEC_ID_MPEG1VIDEO || m_codec == AV_CODEC_ID_MPEG2VIDEO) {
        // picture_start_code 00 00 01 00, then temporal_reference (10 bits) and
        // picture_coding_type (3 bits: 1 I, 2 P, 3 B, 4 D); ISO/IEC 13818-2 6.2.3.
        static constexpr char kTypes[] = {0, 'I', 'P', 'B', 'D', 0, 0, 0};
        const uint8_t* data = packet.data;
        for (int i = 0; i + 5 < packet.size; ++i) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && data[i + 3] == 0) {
                entry.pictureType = kTypes[(data[i + 5] >> 3) & 7];
                break;
            }
        }
    } else if (m_codec == AV_CODEC_ID_MPEG4) {
        // vop_start_code 00 00 01 B6, then vop_coding_type (2 bits: I, P, B, S(GMC)); ISO/IEC
        // 14496-2 6.2.5. Two VOPs in one packet is DivX's "packed bitstream", whose packets are
        // already in display order: not described by types (counted from the start instead).
        static constexpr char kTypes[] = {'I', 'P', 'B', 'S'};
        const uint8_t* data = packet.data;
        int vops = 0;
        for (int i = 0; i + 4 < packet.size; ++i) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && data[i + 3] == 0xB6) {
                if (vops++ == 0)
                    entry.pictureType = kTypes[data[i + 4] >> 6];
                i += 3;
            }
        }
        if (vops > 1)
            entry.pictureType = 0;
    }
    m_packets.push_back(entry);
}

bool PacketIndex::reconstructMpegOrder(const std::vector<int>& shown)
{
    // MPEG-1/2 (and MPEG-4 Part 2) display process: a B picture is shown at once, an I or P picture
    // when the next I or P picture arrives (or at the end). `shown`: shown packets in decode order.
    std::vector<int> order;
    order.reserve(shown.size());
    int pending = -1;
    for (int number : shown) {
        switch (m_packets[size_t(number)].pictureType) {
        case 'B':
            order.push_back(number);
            break;
        case 'I':
        case 'P':
        case 'S':
        case 'D':
            if (pending >= 0)
                order.push_back(pending);
            pending = number;
            break;
        default:
            return false;
        }
    }
    if (pending >= 0)
        order.push_back(pending);
    m_frameToPacket = std::move(order);
    return true;
}

int64_t PacketIndex::valueOf(const IndexedPacket& packet, Field field)
{
    switch (field) {
    case Field::Pos:
        return packet.pos;
    case Field::Dts:
        return packet.dts;
    case Field::Pts:
        return packet.pts;
    case Field::None:
        break;
    }
    return AV_NOPTS_VALUE;
}

void PacketIndex::finish(bool reorders)
{
    const int count = int(m_packets.size());
    std::vector<int> shown;
    shown.reserve(size_t(count));
    bool allPts = true;
    m_allKey = true;
    for (int n = 0; n < count; ++n) {
        const IndexedPacket& packet = m_packets[size_t(n)];
        if (packet.key)
            m_keyPackets.push_back(n);
        if (packet.discard)
            continue;
        shown.push_back(n);
        allPts = allPts && packet.pts != AV_NOPTS_VALUE;
        m_allKey = m_allKey && packet.key;
    }
    m_frameCount = qint64(shown.size());

    if (allPts) {
        std::stable_sort(shown.begin(), shown.end(), [this](int a, int b) {
            return m_packets[size_t(a)].pts < m_packets[size_t(b)].pts;
        });
        const bool distinct = std::adjacent_find(shown.begin(), shown.end(), [this](int a, int b) {
                                  return m_packets[size_t(a)].pts == m_packets[size_t(b)].pts;
                              }) == shown.end();
        if (distinct)
            m_order = Order::Timestamps;
        else
            std::sort(shown.begin(), shown.end());
    }
    if (m_order == Order::Timestamps || !reorders)
        m_frameToPacket = shown;
    else if (reconstructMpegOrder(shown))
        m_order = Order::PictureTypes;
    else
        m_order = Order::CountFromStart;

    if (m_order != Order::CountFromStart) {
        m_packetToFrame.assign(size_t(count), -1);
        for (size_t frame = 0; frame < m_frameToPacket.size(); ++frame)
            m_packetToFrame[size_t(m_frameToPacket[frame])] = qint64(frame);
    } else {
        m_frameToPacket.clear();
    }
    if (m_order == Order::Timestamps && !shown.empty()) {
        const IndexedPacket& first = m_packets[size_t(m_frameToPacket.front())];
        const IndexedPacket& last = m_packets[size_t(m_frameToPacket.back())];
        m_firstPts = first.pts;
        m_endPts = last.pts + std::max<int64_t>(last.duration, 0);
    }

    // Recognise packets after a seek by the first field that tells every packet apart.
    for (Field field : {Field::Pos, Field::Dts, Field::Pts}) {
        std::unordered_map<int64_t, int> lookup;
        lookup.reserve(size_t(count));
        bool usable = true;
        for (int n = 0; n < count && usable; ++n) {
            const int64_t value = valueOf(m_packets[size_t(n)], field);
            usable = value != AV_NOPTS_VALUE && (field != Field::Pos || value >= 0) &&
                     lookup.emplace(value, n).second;
        }
        if (usable) {
            m_field = field;
            m_lookup = std::move(lookup);
            break;
        }
    }
}

int PacketIndex::find(const AVPacket& packet) const
{
    if (m_field == Field::None)
        return -1;
    IndexedPacket probe;
    probe.pos = packet.pos;
    probe.dts = packet.dts;
    probe.pts = packet.pts;
    const auto found = m_lookup.find(valueOf(probe, m_field));
    if (found == m_lookup.end() || !matches(packet, found->second))
        return -1;
    return found->second;
}

bool PacketIndex::matches(const AVPacket& packet, int number) const
{
    if (number < 0 || number >= packetCount())
        return false;
    const IndexedPacket& entry = m_packets[size_t(number)];
    const auto same = [](int64_t a, int64_t b, int64_t unknown) {
        return a == unknown || b == unknown || a == b;
    };
    return same(entry.pos, packet.pos, -1) && same(entry.dts, packet.dts, AV_NOPTS_VALUE) &&
           same(entry.pts, packet.pts, AV_NOPTS_VALUE);
}

// ---- opening ------------------------------------------------------------------------------------

InputFormatContextPtr reopenDemuxer(const QString& path)
{
    installQuietLog();
    return openDemuxer(path, sequenceInfo(path));
}

OpenMedia openMedia(const QString& path)
{
    installQuietLog();
    clearLastLogMessage();

    const SequenceInfo sequence = sequenceInfo(path);
    checkFile(path, sequence);

    OpenMedia media;
    media.format = openDemuxer(path, sequence);
    AVFormatContext* format = media.format.get();
    media.videoStream = findVideoStream(path, format);
    AVStream* video = format->streams[media.videoStream];
    media.index = PacketIndex(video->codecpar->codec_id);

    // One pass over the file without decoding. Other streams are discarded so demuxers that can
    // skip their data (MP4, MKV) do not read it.
    for (unsigned i = 0; i < format->nb_streams; ++i)
        if (int(i) != media.videoStream)
            format->streams[i]->discard = AVDISCARD_ALL;
    PacketPtr packet = makePacket();
    for (;;) {
        const int error = av_read_frame(format, packet.get());
        if (error < 0)
            break; // end of file, or a damaged tail: the index holds what could be read
        if (packet->stream_index == media.videoStream && packet->size > 0)
            media.index.add(*packet);
        av_packet_unref(packet.get());
    }
    const AVCodecDescriptor* descriptor = avcodec_descriptor_get(video->codecpar->codec_id);
    const bool intraOnly = descriptor && (descriptor->props & AV_CODEC_PROP_INTRA_ONLY);
    const bool mayReorder = !descriptor || (descriptor->props & AV_CODEC_PROP_REORDER);
    media.index.finish(!intraOnly && mayReorder && video->codecpar->video_delay > 0);
    if (media.index.frameCount() == 0)
        failRead(path, QStringLiteral("the video stream holds no frames"));

    MediaInfo& info = media.info;
    info.path = QFileInfo(path).absoluteFilePath();
    info.container = QString::fromLatin1(format->iformat->name);
    info.video = describeVideo(*video, media.index, rotationOf(*video));
    info.duration = format->duration != AV_NOPTS_VALUE && format->duration > 0
                        ? double(format->duration) / AV_TIME_BASE
                        : info.video->duration;
    const QString container = info.container;
    const bool imageDemuxer =
        container == QLatin1String("image2") || container.endsWith(QLatin1String("_pipe"));
    info.isStill = imageDemuxer && !sequence.isSequence && info.video->frameCount == 1;
    if (info.isStill) {
        info.duration = 0.0;
        info.video->duration = 0.0;
    }

    for (unsigned i = 0; i < format->nb_streams; ++i) {
        const AVStream* stream = format->streams[i];
        if (stream->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
            continue;
        AudioStreamInfo audio;
        audio.streamIndex = int(i);
        audio.codec = QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id));
        audio.sampleRate = stream->codecpar->sample_rate;
        audio.channels = stream->codecpar->ch_layout.nb_channels;
        audio.duration = seconds(stream->duration, stream->time_base);
        if (audio.duration <= 0.0)
            audio.duration = info.duration;
        info.audio.push_back(audio);
    }
    return media;
}

} // namespace ffmpeg

MediaInfo probeMedia(const QString& path)
{
    return ffmpeg::openMedia(path).info;
}

QJsonObject mediaInfoToJson(const MediaInfo& info)
{
    QJsonObject json{{"path", info.path},
                     {"container", info.container},
                     {"kind", info.isStill ? "image" : "video"},
                     {"duration", info.duration}};
    if (info.video) {
        const VideoStreamInfo& v = *info.video;
        const auto rational = [](const Rational& r) { return QStringLiteral("%1/%2").arg(r.num).arg(r.den); };
        json.insert("width", v.width);
        json.insert("height", v.height);
        json.insert("bitDepth", v.bitDepth);
        json.insert("frames", v.frameCount);
        json.insert("fps", v.frameRate.value());
        json.insert("video", QJsonObject{{"streamIndex", v.streamIndex},
                                         {"codec", v.codec},
                                         {"profile", v.profile},
                                         {"pixelFormat", v.pixelFormat},
                                         {"width", v.width},
                                         {"height", v.height},
                                         {"bitDepth", v.bitDepth},
                                         {"frameRate", rational(v.frameRate)},
                                         {"fps", v.frameRate.value()},
                                         {"timeBase", rational(v.timeBase)},
                                         {"frames", v.frameCount},
                                         {"duration", v.duration},
                                         {"colorMatrix", v.colorMatrix},
                                         {"colorRange", v.colorRange},
                                         {"colorPrimaries", v.colorPrimaries},
                                         {"colorTransfer", v.colorTransfer},
                                         {"decodeMatrix", v.decodeMatrix},
                                         {"decodeRange", v.decodeRange},
                                         {"rotation", v.rotation},
                                         {"intraOnly", v.intraOnly}});
    }
    QJsonArray audio;
    for (const AudioStreamInfo& a : info.audio)
        audio.append(QJsonObject{{"streamIndex", a.streamIndex},
                                 {"codec", a.codec},
                                 {"sampleRate", a.sampleRate},
                                 {"channels", a.channels},
                                 {"duration", a.duration}});
    json.insert("audio", audio);
    return json;
}

} // namespace cg
