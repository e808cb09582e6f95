#include "VideoEncoder.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "MediaError.h"
#include "MediaWriter.h"

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <QFileInfo>

#include <unordered_map>

namespace cg {

using namespace cg::ffmpeg;

namespace {

/// A tag the source states (by FFmpeg name), or the fallback when it is missing or meaningless.
int sourceTagOr(const QString& name, int (*fromName)(const char*), int fallback)
{
    if (name.isEmpty())
        return fallback;
    const int value = fromName(name.toLatin1().constData());
    // 0 and 3 are "reserved", 2 is "unspecified" for primaries and transfer alike (ITU-T H.273).
    if (value < 0 || value == 0 || value == 2 || value == 3)
        return fallback;
    return value;
}

/// ProRes profile numbers of prores_ks ("profile" option), as FFmpeg and Apple's FourCCs count them:
/// apco 0 (Proxy), apcs 1 (LT), apcn 2 (422), apch 3 (HQ), ap4h 4 (4444).
const char* proresProfileName(ExportCodec codec)
{
    switch (codec) {
    case ExportCodec::ProResLT:
        return "lt";
    case ExportCodec::ProRes:
        return "standard";
    case ExportCodec::ProResHQ:
        return "hq";
    case ExportCodec::ProRes4444:
        return "4444";
    case ExportCodec::H264:
        break;
    }
    return nullptr;
}

} // namespace

struct VideoEncoder::Impl
{
    MediaWriter* writer = nullptr;
    QString outputName;
    CodecContextPtr codec;
    AVStream* stream = nullptr;
    YuvFormat yuv;
    PacketPtr packet;
    /// Durations of the frames in the encoder, by timestamp: encoders with delay (B-frames, frame
    /// threads) do not carry them to their packets, and the muxer needs them for the last frame.
    std::unordered_map<int64_t, int64_t> durations;

    void drain()
    {
        for (;;) {
            const int error = avcodec_receive_packet(codec.get(), packet.get());
            if (error == AVERROR(EAGAIN) || error == AVERROR_EOF)
                return;
            if (error < 0)
                throw InputError(QStringLiteral("cannot write %1: the encoder failed (%2)")
                                     .arg(outputName, describeError(error)));
            const auto found = durations.find(packet->pts);
            if (found != durations.end()) {
                packet->duration = found->second;
                durations.erase(found);
            }
            packet->stream_index = stream->index;
            writer->write(packet.get(), codec->time_base);
            av_packet_unref(packet.get());
        }
    }
};

VideoEncoder::VideoEncoder(MediaWriter& writer, const ExportSettings& settings, const VideoStreamInfo& source,
                           int width, int height)
    : d(std::make_unique<Impl>())
{
    installQuietLog();
    clearLastLogMessage();
    d->writer = &writer;
    d->outputName = QFileInfo(writer.outputPath()).fileName();
    d->packet = makePacket();

    const bool h264 = settings.codec == ExportCodec::H264;
    const char* encoderName = h264 ? "libx264" : "prores_ks";
    const AVCodec* encoder = avcodec_find_encoder_by_name(encoderName);
    if (!encoder)
        throw InputError(QStringLiteral("cannot write %1: this FFmpeg has no %2 encoder")
                             .arg(d->outputName, QString::fromLatin1(encoderName)));

    YuvFormat& yuv = d->yuv;
    if (h264) {
        yuv.pixelFormat = AV_PIX_FMT_YUV420P;
        yuv.bitDepth = 8;
        yuv.chromaShiftX = yuv.chromaShiftY = 1;
        if (width % 2 != 0 || height % 2 != 0)
            throw InputError(QStringLiteral("cannot write %1: H.264 in 4:2:0 needs an even width and height, "
                                            "the source is %2x%3; use a ProRes codec")
                                 .arg(d->outputName)
                                 .arg(width)
                                 .arg(height));
    } else {
        const bool full = settings.codec == ExportCodec::ProRes4444;
        yuv.pixelFormat = full ? AV_PIX_FMT_YUV444P10LE : AV_PIX_FMT_YUV422P10LE;
        yuv.bitDepth = 10;
        yuv.chromaShiftX = full ? 0 : 1;
        yuv.chromaShiftY = 0;
    }
    // The matrix is ours (we convert RGB to Y'CbCr): BT.709, or BT.2020 for BT.2020 sources so that
    // a wide-gamut deliverable keeps its usual encoding. Primaries and transfer describe the pictures,
    // which the grade keeps in the source's display code values: they carry over, BT.709 when unknown.
    const bool bt2020 = source.colorMatrix.startsWith(QLatin1String("bt2020"));
    yuv.colorSpace = bt2020 ? AVCOL_SPC_BT2020_NCL : AVCOL_SPC_BT709;
    yuv.kr = bt2020 ? 0.2627 : 0.2126; // ITU-R BT.2020-2 table 4 / BT.709-6 item 3.2
    yuv.kb = bt2020 ? 0.0593 : 0.0722;

    CodecContextPtr& codec = d->codec;
    codec = makeCodecContext(encoder);
    codec->width = width;
    codec->height = height;
    codec->pix_fmt = AVPixelFormat(yuv.pixelFormat);
    codec->sample_aspect_ratio = AVRational{1, 1};
    codec->time_base = AVRational{source.timeBase.num, source.timeBase.den};
    if (codec->time_base.num <= 0 || codec->time_base.den <= 0)
        codec->time_base = AVRational{source.frameRate.den, source.frameRate.num};
    if (codec->time_base.num <= 0 || codec->time_base.den <= 0)
        codec->time_base = AVRational{1, 25};
    if (source.frameRate.num > 0 && source.frameRate.den > 0)
        codec->framerate = AVRational{source.frameRate.num, source.frameRate.den};
    codec->color_range = AVCOL_RANGE_MPEG;
    codec->colorspace = AVColorSpace(yuv.colorSpace);
    codec->color_primaries =
        AVColorPrimaries(sourceTagOr(source.colorPrimaries, av_color_primaries_from_name, AVCOL_PRI_BT709));
    codec->color_trc = AVColorTransferCharacteristic(
        sourceTagOr(source.colorTransfer, av_color_transfer_from_name, AVCOL_TRC_BT709));
    // Chroma siting stays unstated: the converters average each chroma block (centred siting, as
    // libswscale produces and reads it), not the cosited samples the H.264 default and ProRes imply.
    // Let the encoders use every core: x264 its own frame threads, prores_ks frame and slice threads.
    codec->thread_count = 0;
    codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    if (writer.format()->oformat->flags & AVFMT_GLOBALHEADER)
        codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

    AVDictionary* options = nullptr;
    if (h264) {
        if (settings.crf < 0 || settings.crf > 51)
            throw InputError(QStringLiteral("cannot write %1: CRF %2 is outside 0..51")
                                 .arg(d->outputName)
                                 .arg(settings.crf));
        av_dict_set(&options, "preset", settings.preset.toLatin1().constData(), 0);
        av_dict_set_int(&options, "crf", settings.crf, 0);
    } else {
        av_dict_set(&options, "profile", proresProfileName(settings.codec), 0);
        // Apple's vendor code: some players and NLEs only take ProRes that claims to come from Apple.
        av_dict_set(&options, "vendor", "apl0", 0);
    }
    const int error = avcodec_open2(codec.get(), encoder, &options);
    av_dict_free(&options);
    if (error < 0) {
        if (h264 && error == AVERROR(EINVAL) && lastLogMessage().find("preset") != std::string::npos)
            throw InputError(QStringLiteral("cannot write %1: unknown x264 preset \"%2\"")
                                 .arg(d->outputName, settings.preset));
        throw InputError(QStringLiteral("cannot write %1: cannot open the %2 encoder (%3)")
                             .arg(d->outputName, QString::fromLatin1(encoderName), describeError(error)));
    }

    d->stream = writer.addStream();
    const int copied = avcodec_parameters_from_context(d->stream->codecpar, codec.get());
    if (copied < 0)
        throw std::bad_alloc();
    d->stream->time_base = codec->time_base;
    d->stream->avg_frame_rate = codec->framerate;
    d->stream->r_frame_rate = codec->framerate;
}

VideoEncoder::~VideoEncoder() = default;

const YuvFormat& VideoEncoder::yuvFormat() const
{
    return d->yuv;
}

int VideoEncoder::width() const
{
    return d->codec->width;
}

int VideoEncoder::height() const
{
    return d->codec->height;
}

void VideoEncoder::encode(AVFrame* frame, qint64 pts, qint64 duration)
{
    clearLastLogMessage();
    frame->pts = pts;
    frame->pict_type = AV_PICTURE_TYPE_NONE;
    d->durations[pts] = duration;
    int error = avcodec_send_frame(d->codec.get(), frame);
    if (error == AVERROR(EAGAIN)) { // the encoder's output is full: take it, then send again
        d->drain();
        error = avcodec_send_frame(d->codec.get(), frame);
    }
    if (error < 0)
        throw InputError(
            QStringLiteral("cannot write %1: the encoder failed (%2)").arg(d->outputName, describeError(error)));
    d->drain();
}

void VideoEncoder::finish()
{
    clearLastLogMessage();
    const int error = avcodec_send_frame(d->codec.get(), nullptr);
    if (error < 0 && error != AVERROR_EOF)
        throw InputError(
            QStringLiteral("cannot write %1: the encoder failed (%2)").arg(d->outputName, describeError(error)));
    d->drain();
}

} // namespace cg
