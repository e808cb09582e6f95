#include "StillImage.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "FrameConverter.h"
#include "MediaError.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cstring>
#include <optional>

namespace cg::StillImage {

namespace {

using namespace cg::ffmpeg;

// A video file that yields no picture after this many packets of its stream is given up on, so a
// damaged stream cannot keep the reader busy for its whole length.
constexpr int kMaxPacketsWithoutPicture = 256;

QString nameOf(const QString& path)
{
    return QFileInfo(path).fileName();
}

QString pixelFormatName(AVPixelFormat format)
{
    const char* name = av_get_pix_fmt_name(format);
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

/// Opens the file with FFmpeg's demuxers. The image2 demuxer is told not to read "%d" or glob
/// patterns from the name, so "shot%03d.png" is that one file; the explicit "file:" protocol keeps a
/// name like "a:b.png" from being taken as a protocol.
InputFormatContextPtr openInput(const QString& path)
{
    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(path).absoluteFilePath());
    AVDictionary* options = nullptr;
    av_dict_set(&options, "pattern_type", "none", 0);
    AVFormatContext* raw = nullptr;
    const int error = avformat_open_input(&raw, url.constData(), nullptr, &options);
    av_dict_free(&options);
    if (error < 0) // avformat_open_input frees the context on failure
        failRead(path, describeError(error));
    return InputFormatContextPtr(raw);
}

/// Decodes the first picture of the best video stream.
FramePtr decodeFirstPicture(const QString& path, AVFormatContext* format)
{
    // Formats without a header (MPEG-TS, ...) only discover their streams while reading.
    if (format->nb_streams == 0 || (format->ctx_flags & AVFMTCTX_NOHEADER)) {
        const int error = avformat_find_stream_info(format, nullptr);
        if (error < 0)
            failRead(path, describeError(error));
    }

    const int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (streamIndex == AVERROR_STREAM_NOT_FOUND)
        failRead(path, QStringLiteral("the file holds no image or video stream"));
    if (streamIndex < 0)
        failRead(path, describeError(streamIndex));
    const AVStream* stream = format->streams[streamIndex];
    const AVCodec* decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!decoder)
        failRead(path, QStringLiteral("no decoder for %1 images")
                           .arg(QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id))));

    CodecContextPtr codec = makeCodecContext(decoder);
    int error = avcodec_parameters_to_context(codec.get(), stream->codecpar);
    if (error < 0)
        failRead(path, describeError(error));
    // One picture: slice threads can help (EXR, DPX, ProRes); frame threads only add latency.
    codec->thread_type = FF_THREAD_SLICE;
    codec->thread_count = 0;
    // A damaged still must fail, not come back with black bands: FFmpeg's JPEG decoder conceals
    // errors (a file cut in half decodes "fine", its lower half black) unless told to EXPLODE.
    // Only there: the TIFF decoder, for one, then rejects files with tags it does not know.
    if (decoder->id == AV_CODEC_ID_MJPEG)
        codec->err_recognition |= AV_EF_EXPLODE;
    error = avcodec_open2(codec.get(), decoder, nullptr);
    if (error < 0)
        failRead(path, describeError(error));

    PacketPtr packet = makePacket();
    FramePtr frame = makeFrame();
    int lastError = 0;
    int packets = 0;
    bool draining = false;
    for (;;) {
        if (!draining) {
            error = av_read_frame(format, packet.get());
            if (error < 0) {
                // End of file (or a read error): flush the decoder for pictures it still holds.
                if (error != AVERROR_EOF)
                    lastError = error;
                draining = true;
                avcodec_send_packet(codec.get(), nullptr);
            } else if (packet->stream_index == streamIndex) {
                ++packets;
                error = avcodec_send_packet(codec.get(), packet.get());
                av_packet_unref(packet.get());
                if (error < 0 && error != AVERROR(EAGAIN))
                    lastError = error;
            } else {
                av_packet_unref(packet.get());
                continue;
            }
        }
        // Every decoded picture is taken after each packet, so send_packet never sees EAGAIN.
        error = avcodec_receive_frame(codec.get(), frame.get());
        if (error == 0) {
            if (frame->flags & AV_FRAME_FLAG_CORRUPT) {
                lastError = AVERROR_INVALIDDATA;
                av_frame_unref(frame.get());
                continue;
            }
            return frame;
        }
        if (error != AVERROR(EAGAIN) && error != AVERROR_EOF)
            lastError = error;
        if (draining)
            break; // after a flush, anything but a picture means there is none left
        if (packets >= kMaxPacketsWithoutPicture)
            failRead(path, QStringLiteral("no picture in the first %1 packets").arg(packets));
    }
    if (lastError < 0)
        failRead(path, describeError(lastError));
    const std::string detail = lastLogMessage();
    failRead(path,
             QStringLiteral("the file holds no picture") +
                 (detail.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(detail))));
}

struct EncoderChoice
{
    AVCodecID codec;
    AVPixelFormat pixelFormat;
};

EncoderChoice encoderFor(FileType type, bool sixteenBit)
{
    switch (type) {
    case FileType::Png:
        return {AV_CODEC_ID_PNG, sixteenBit ? AV_PIX_FMT_RGB48BE : AV_PIX_FMT_RGB24};
    case FileType::Tiff:
        return {AV_CODEC_ID_TIFF, sixteenBit ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24};
    case FileType::Jpeg:
        return {AV_CODEC_ID_MJPEG, AV_PIX_FMT_YUVJ444P};
    }
    return {AV_CODEC_ID_NONE, AV_PIX_FMT_NONE};
}

FramePtr allocateFrame(int width, int height, AVPixelFormat format)
{
    FramePtr frame = makeFrame();
    frame->format = format;
    frame->width = width;
    frame->height = height;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        throw std::bad_alloc();
    return frame;
}

/// The image (Rgb8 or Rgb16) in an AVFrame of the encoder's pixel format.
FramePtr frameForEncoder(const QString& path, const Image& image, AVPixelFormat encoderFormat)
{
    const AVPixelFormat imageFormat =
        image.format() == PixelFormat::Rgb8 ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGB48;
    FramePtr rgb = allocateFrame(image.width(), image.height(), imageFormat);
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(rgb->data[0] + ptrdiff_t(y) * rgb->linesize[0], image.row<uint8_t>(y), image.rowBytes());
    if (imageFormat == encoderFormat)
        return rgb;

    SwsContextPtr sws(sws_getContext(image.width(), image.height(), imageFormat, image.width(),
                                     image.height(), encoderFormat, kExactSwsFlags, nullptr, nullptr, nullptr));
    if (!sws)
        failWrite(path, QStringLiteral("no conversion to %1").arg(pixelFormatName(encoderFormat)));
    if (encoderFormat == AV_PIX_FMT_YUVJ444P) {
        // JFIF: BT.601 matrix, full range (ITU-T T.871).
        const int* bt601 = sws_getCoefficients(SWS_CS_ITU601);
        sws_setColorspaceDetails(sws.get(), bt601, 1, bt601, 1, 0, 1 << 16, 1 << 16);
    }
    FramePtr out = allocateFrame(image.width(), image.height(), encoderFormat);
    const int error =
        sws_scale(sws.get(), rgb->data, rgb->linesize, 0, image.height(), out->data, out->linesize);
    if (error < 0)
        failWrite(path, describeError(error));
    return out;
}

QByteArray encode(const QString& path, const Image& image, FileType type)
{
    const EncoderChoice choice = encoderFor(type, image.format() == PixelFormat::Rgb16);
    const AVCodec* encoder = avcodec_find_encoder(choice.codec);
    if (!encoder)
        failWrite(path, QStringLiteral("this FFmpeg has no %1 encoder")
                            .arg(QString::fromLatin1(avcodec_get_name(choice.codec))));

    CodecContextPtr codec = makeCodecContext(encoder);
    codec->width = image.width();
    codec->height = image.height();
    codec->pix_fmt = choice.pixelFormat;
    codec->time_base = AVRational{1, 25}; // required by avcodec_open2, meaningless for one picture
    codec->thread_count = 1;
    switch (type) {
    case FileType::Png:
        // Paeth prediction compresses photographs far better than FFmpeg's default of none.
        av_opt_set(codec->priv_data, "pred", "paeth", 0);
        break;
    case FileType::Tiff:
        // Deflate (Adobe, compression 8) instead of the default PackBits, which barely compresses photos.
        av_opt_set(codec->priv_data, "compression_algo", "deflate", 0);
        break;
    case FileType::Jpeg:
        // Fixed quantiser 2 (FFmpeg's -q:v 2): high quality, as a grading tool's stills should be.
        codec->color_range = AVCOL_RANGE_JPEG;
        codec->colorspace = AVCOL_SPC_BT470BG;
        codec->flags |= AV_CODEC_FLAG_QSCALE;
        codec->global_quality = 2 * FF_QP2LAMBDA;
        break;
    }
    int error = avcodec_open2(codec.get(), encoder, nullptr);
    if (error < 0)
        failWrite(path, describeError(error));

    FramePtr frame = frameForEncoder(path, image, choice.pixelFormat);
    frame->pts = 0;
    if (type == FileType::Jpeg) {
        frame->quality = codec->global_quality;
        frame->color_range = AVCOL_RANGE_JPEG;
    }

    error = avcodec_send_frame(codec.get(), frame.get());
    if (error >= 0)
        error = avcodec_send_frame(codec.get(), nullptr);
    if (error < 0)
        failWrite(path, describeError(error));

    QByteArray bytes;
    PacketPtr packet = makePacket();
    for (;;) {
        error = avcodec_receive_packet(codec.get(), packet.get());
        if (error == AVERROR_EOF)
            break;
        if (error < 0)
            failWrite(path, describeError(error));
        bytes.append(reinterpret_cast<const char*>(packet->data), packet->size);
        av_packet_unref(packet.get());
    }
    if (bytes.isEmpty())
        failWrite(path, QStringLiteral("the encoder produced no data"));
    return bytes;
}

} // namespace

Image read(const QString& path)
{
    installQuietLog();
    clearLastLogMessage();

    // Checked before FFmpeg sees the file: a FIFO or device would block the reader, and FFmpeg's
    // messages for missing or empty files are vaguer than these.
    const QFileInfo info(path);
    if (!info.exists())
        failRead(path, QStringLiteral("no such file"));
    if (!info.isFile())
        failRead(path, QStringLiteral("not a regular file"));
    if (info.size() == 0)
        failRead(path, QStringLiteral("the file is empty"));

    InputFormatContextPtr format = openInput(path);
    FramePtr frame = decodeFirstPicture(path, format.get());
    // The conversion VideoDecoder uses too; untagged YUV stills are BT.601 (JFIF, ITU-T T.871).
    FrameConverter converter(path, UntaggedMatrix::Bt601);
    return converter.convert(*frame, FrameConverter::naturalFormat(AVPixelFormat(frame->format)));
}

FileType fileTypeForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return FileType::Png;
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return FileType::Jpeg;
    if (suffix == QLatin1String("tif") || suffix == QLatin1String("tiff"))
        return FileType::Tiff;
    throw InputError(
        QStringLiteral("%1: unknown still image type \"%2\" (expected .png, .jpg, .jpeg, .tif or .tiff)")
            .arg(nameOf(path), suffix.isEmpty() ? QStringLiteral("no extension") : "." + suffix));
}

void write(const QString& path, const Image& image)
{
    FileType type;
    try {
        type = fileTypeForPath(path);
    } catch (const InputError& error) {
        throw InputError(QStringLiteral("cannot write %1").arg(error.message()));
    }
    if (image.isNull())
        failWrite(path, QStringLiteral("the image is empty"));

    installQuietLog();
    clearLastLogMessage();

    // Float images keep their precision as 16-bit (values clamped to 0..1); JPEG is 8-bit by design.
    std::optional<Image> convertedImage;
    if (image.format() == PixelFormat::RgbF32)
        convertedImage = image.converted(PixelFormat::Rgb16);
    const Image& source = convertedImage ? *convertedImage : image;

    const QByteArray bytes = encode(path, source, type);

    // QSaveFile writes a temporary file next to the target and renames it on commit(); if anything
    // fails before that, its destructor removes the temporary file, so no partial image is left.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        failWrite(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        failWrite(path, reason);
    }
    if (!file.commit())
        failWrite(path, file.errorString());
}

} // namespace cg::StillImage
