#include "FrameConverter.h"

#include "Error.h"
#include "ParallelFor.h"
#include "YuvToRgb.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <QFileInfo>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <optional>
#include <utility>

namespace cg::ffmpeg {

namespace {

bool isYuvj(AVPixelFormat format)
{
    return format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P ||
           format == AV_PIX_FMT_YUVJ440P || format == AV_PIX_FMT_YUVJ411P;
}

bool isGray(const AVPixFmtDescriptor& description)
{
    return !(description.flags & (AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_RGB)) &&
           description.nb_components <= 2;
}

/// swscale's contrast (16.16 fixed point) that makes its YUV -> RGB48 conversion reach 65535 at
/// white. Measured against the BT.601/709/2020 equations (tests/media/tst_video_decoder.cpp):
/// limited range is expanded by 255/219 (luma) and 255/224 (chroma) even for 16-bit output, where
/// 65535/(219*256) and 65535/(224*256) are right, so white lands on 0xFF00 (off by 257/256); full
/// range n-bit samples are shifted up without filling the low bits, so white lands on
/// (2^n - 1) << (16 - n). Contrast scales luma and chroma alike, which corrects both.
int sixteenBitContrast(bool fullRange, int sourceBits)
{
    if (!fullRange)
        return (1 << 16) * 257 / 256;
    if (sourceBits <= 0 || sourceBits >= 16)
        return 1 << 16;
    const double white = double((1 << sourceBits) - 1) * double(1 << (16 - sourceBits));
    return int(std::lround(65536.0 * 65535.0 / white));
}

// Planar 16-bit R, G, B rows to interleaved RGB. __restrict: the output does not overlap the planes,
// which lets the compiler vectorise (a uint8_t store may otherwise alias anything).
void interleave16(const uint16_t* __restrict r, const uint16_t* __restrict g, const uint16_t* __restrict b,
                  uint16_t* __restrict out, int width)
{
    for (int x = 0; x < width; ++x) {
        out[3 * x] = r[x];
        out[3 * x + 1] = g[x];
        out[3 * x + 2] = b[x];
    }
}

// The same rounded to 8 bits: round(v * 255 / 65535) = round(v / 257) = (v + 128) / 257, exactly for
// 16-bit v, and (x * 65281) >> 24 equals x / 257 for every x <= 65663 (checked for all of them).
void interleave8(const uint16_t* __restrict r, const uint16_t* __restrict g, const uint16_t* __restrict b,
                 uint8_t* __restrict out, int width)
{
    for (int x = 0; x < width; ++x) {
        out[3 * x] = uint8_t(((uint32_t(r[x]) + 128) * 65281u) >> 24);
        out[3 * x + 1] = uint8_t(((uint32_t(g[x]) + 128) * 65281u) >> 24);
        out[3 * x + 2] = uint8_t(((uint32_t(b[x]) + 128) * 65281u) >> 24);
    }
}

/// The planar YUV layouts YuvToRgb converts (nearly all decoded video), or nothing.
std::optional<std::pair<ChromaSubsampling, int>> fastLayout(AVPixelFormat format)
{
    switch (format) {
    case AV_PIX_FMT_YUV420P:
    case AV_PIX_FMT_YUVJ420P:
        return std::pair{ChromaSubsampling::Yuv420, 8};
    case AV_PIX_FMT_YUV422P:
    case AV_PIX_FMT_YUVJ422P:
        return std::pair{ChromaSubsampling::Yuv422, 8};
    case AV_PIX_FMT_YUV444P:
    case AV_PIX_FMT_YUVJ444P:
        return std::pair{ChromaSubsampling::Yuv444, 8};
    // The 10-bit formats are host-endian uint16 on little-endian hosts only.
    case AV_PIX_FMT_YUV420P10LE:
        return std::pair{ChromaSubsampling::Yuv420, 10};
    case AV_PIX_FMT_YUV422P10LE:
        return std::pair{ChromaSubsampling::Yuv422, 10};
    case AV_PIX_FMT_YUV444P10LE:
        return std::pair{ChromaSubsampling::Yuv444, 10};
    default:
        return std::nullopt;
    }
}

/// The matrices YuvToRgb knows, or nothing (FCC, SMPTE 240M, YCgCo, BT.2020 CL... stay with swscale).
std::optional<YuvMatrix> fastMatrix(AVColorSpace matrix)
{
    switch (matrix) {
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        return YuvMatrix::Bt601;
    case AVCOL_SPC_BT709:
        return YuvMatrix::Bt709;
    case AVCOL_SPC_BT2020_NCL:
        return YuvMatrix::Bt2020;
    default:
        return std::nullopt;
    }
}

QString pixelFormatName(AVPixelFormat format)
{
    const char* name = av_get_pix_fmt_name(format);
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

} // namespace

int bitDepthOf(AVPixelFormat format)
{
    const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(format);
    if (!description)
        return 8;
    int depth = 0;
    for (int c = 0; c < description->nb_components; ++c)
        depth = std::max(depth, description->comp[c].depth);
    return depth > 0 ? depth : 8;
}

bool isDeepFormat(AVPixelFormat format)
{
    const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(format);
    return description && !(description->flags & AV_PIX_FMT_FLAG_PAL) && bitDepthOf(format) > 8;
}

bool isRgbFormat(AVPixelFormat format)
{
    const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(format);
    return description && (description->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL));
}

AVColorSpace effectiveMatrix(AVColorSpace tagged, AVPixelFormat format, int width, int height,
                             UntaggedMatrix rule)
{
    if (isRgbFormat(format))
        return AVCOL_SPC_RGB;
    // "reserved" and "unspecified" both mean the stream does not say.
    if (tagged != AVCOL_SPC_UNSPECIFIED && tagged != AVCOL_SPC_RESERVED && tagged != AVCOL_SPC_RGB &&
        tagged < AVCOL_SPC_NB)
        return tagged;
    if (rule == UntaggedMatrix::BySize && !isYuvj(format) && (width >= 1280 || height > 576))
        return AVCOL_SPC_BT709;
    return AVCOL_SPC_SMPTE170M; // BT.601 (525 and 625 lines share the matrix)
}

bool effectiveFullRange(AVColorRange tagged, AVPixelFormat format)
{
    if (tagged == AVCOL_RANGE_JPEG)
        return true;
    if (tagged == AVCOL_RANGE_MPEG)
        return false;
    const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(format);
    if (description && (description->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)))
        return true;
    // Untagged gray pictures are PNG/TIFF/DPX-style full-range luminance; JPEG is full range by
    // definition (JFIF, ITU-T T.871); untagged video YUV is limited range (BT.601/709 code ranges).
    return isYuvj(format) || (description && isGray(*description));
}

int rotationFromDisplayMatrix(const int32_t* matrix)
{
    if (!matrix)
        return 0;
    const double counterClockwise = av_display_rotation_get(matrix);
    if (std::isnan(counterClockwise))
        return 0;
    // Snap to the nearest quarter turn: the display matrix of a phone clip holds exact multiples of 90.
    const int quarter = int(std::lround(-counterClockwise / 90.0));
    return ((quarter % 4) + 4) % 4 * 90;
}

Image rotatedClockwise(Image image, int degrees)
{
    degrees = ((degrees % 360) + 360) % 360;
    if (image.isNull() || (degrees != 90 && degrees != 180 && degrees != 270))
        return image;
    const int width = image.width();
    const int height = image.height();
    const size_t pixelBytes = size_t(3 * bytesPerSample(image.format()));
    Image out(degrees == 180 ? width : height, degrees == 180 ? height : width, image.format());
    for (int y = 0; y < height; ++y) {
        const uint8_t* in = image.row<uint8_t>(y);
        for (int x = 0; x < width; ++x) {
            // Clockwise by 90: source (x, y) lands at (height-1-y, x); by 270: at (y, width-1-x).
            int outX = 0;
            int outY = 0;
            if (degrees == 90) {
                outX = height - 1 - y;
                outY = x;
            } else if (degrees == 180) {
                outX = width - 1 - x;
                outY = height - 1 - y;
            } else {
                outX = y;
                outY = width - 1 - x;
            }
            std::memcpy(out.row<uint8_t>(outY) + size_t(outX) * pixelBytes, in + size_t(x) * pixelBytes,
                        pixelBytes);
        }
    }
    return out;
}

FrameConverter::FrameConverter(QString path, UntaggedMatrix untagged)
    : m_path(std::move(path)), m_untagged(untagged)
{
}

PixelFormat FrameConverter::naturalFormat(AVPixelFormat source)
{
    return isDeepFormat(source) ? PixelFormat::Rgb16 : PixelFormat::Rgb8;
}

Image FrameConverter::convert(const AVFrame& frame, PixelFormat format, int rotation)
{
    Image image;
    convert(frame, format, rotation, image);
    return image;
}

void FrameConverter::convert(const AVFrame& frame, PixelFormat format, int rotation, Image& result)
{
    const auto fail = [this](const QString& reason) {
        throw InputError(QStringLiteral("cannot read %1: %2").arg(QFileInfo(m_path).fileName(), reason));
    };
    const auto sourceFormat = AVPixelFormat(frame.format);
    const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(sourceFormat);
    if (!description || frame.width <= 0 || frame.height <= 0 || !frame.data[0])
        fail(QStringLiteral("the decoder returned no usable picture"));
    if (description->flags & (AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BITSTREAM))
        fail(QStringLiteral("unsupported pixel format %1").arg(pixelFormatName(sourceFormat)));
    if (format == PixelFormat::RgbF32)
        format = PixelFormat::Rgb16;

    // Converted in place when upright, else into a scratch image that is then turned into `result`.
    const bool turned = rotation % 360 != 0;
    Image scratch;
    Image& image = turned ? scratch : result;
    if (image.width() != frame.width || image.height() != frame.height || image.format() != format)
        image = Image(frame.width, frame.height, format);
    const auto finish = [&] {
        if (turned)
            result = rotatedClockwise(std::move(scratch), rotation);
    };
    const bool yuv = !isRgbFormat(sourceFormat); // YUV or gray: the matrix and range matter
    // YUV goes to planar 16-bit GBR and is interleaved (and for Rgb8 rounded) here: swscale's
    // planar GBR output always interpolates chroma for every pixel and has SIMD paths, while its
    // packed RGB24/RGB48 output with full chroma interpolation runs in C, 3x to 20x slower
    // (1080p 4:2:0: 3 ms against 24 ms for RGB24 and 99 ms for 10-bit to RGB48, measured here).
    // RGB sources go straight to packed RGB. AV_PIX_FMT_RGB48 and GBRP16 are host-endian aliases;
    // RGB48 is Image's layout for Rgb16.
    const AVPixelFormat targetFormat = yuv                            ? AV_PIX_FMT_GBRP16
                                       : format == PixelFormat::Rgb16 ? AV_PIX_FMT_RGB48
                                                                      : AV_PIX_FMT_RGB24;

    if (sourceFormat == AV_PIX_FMT_RGB48BE && targetFormat == AV_PIX_FMT_RGB48) {
        // 16-bit PNG, the common deep still: a byte swap, done here to spare swscale's extra pass.
        for (int y = 0; y < image.height(); ++y) {
            const uint8_t* in = frame.data[0] + ptrdiff_t(y) * frame.linesize[0];
            uint16_t* out = image.row<uint16_t>(y);
            for (int i = 0; i < image.width() * 3; ++i)
                out[i] = uint16_t(in[2 * i] << 8 | in[2 * i + 1]);
        }
        return finish();
    }
    if (sourceFormat == targetFormat) {
        for (int y = 0; y < image.height(); ++y)
            std::memcpy(image.row<uint8_t>(y), frame.data[0] + ptrdiff_t(y) * frame.linesize[0],
                        image.rowBytes());
        return finish();
    }

    const AVColorSpace matrix =
        effectiveMatrix(frame.colorspace, sourceFormat, frame.width, frame.height, m_untagged);
    const bool fullRange = effectiveFullRange(frame.color_range, sourceFormat);
    const auto layout = fastLayout(sourceFormat);
    const auto fast = fastMatrix(matrix);
    if (layout && fast && std::endian::native == std::endian::little) {
        // Fixed point with AVX2 (YuvToRgb.h): 1080p 4:2:0 in 1 ms per core against ~5.5 ms for
        // swscale's exact path plus interleaving; within one code value of it on even sizes.
        YuvPlanes planes;
        for (int p = 0; p < 3; ++p) {
            planes.data[p] = frame.data[p];
            planes.stride[p] = frame.linesize[p];
        }
        planes.width = frame.width;
        planes.height = frame.height;
        planes.subsampling = layout->first;
        planes.bits = layout->second;
        YuvToRgb(*fast, fullRange, layout->second, format).convert(planes, image);
        return finish();
    }
    const Key key{frame.width, frame.height, sourceFormat, targetFormat, matrix, fullRange};
    if (!m_sws || !(key == m_key)) {
        m_sws.reset(sws_getContext(frame.width, frame.height, sourceFormat, frame.width, frame.height,
                                   targetFormat, kExactSwsFlags, nullptr, nullptr, nullptr));
        if (!m_sws)
            fail(QStringLiteral("unsupported pixel format %1").arg(pixelFormatName(sourceFormat)));
        if (yuv) {
            // The stream's own matrix (BT.601/709/2020, sws_getCoefficients takes AVColorSpace
            // values) and range; the RGB side is full range.
            const int* coefficients = sws_getCoefficients(matrix);
            sws_setColorspaceDetails(m_sws.get(), coefficients, fullRange ? 1 : 0, coefficients, 1, 0,
                                     sixteenBitContrast(fullRange, bitDepthOf(sourceFormat)), 1 << 16);
        }
        m_key = key;
        m_buffer.reset();
    }
    if (!m_buffer) {
        m_buffer = makeFrame();
        m_buffer->format = targetFormat;
        m_buffer->width = frame.width;
        m_buffer->height = frame.height;
        if (av_frame_get_buffer(m_buffer.get(), 0) < 0)
            throw std::bad_alloc();
    }
    const int error = sws_scale(m_sws.get(), frame.data, frame.linesize, 0, frame.height, m_buffer->data,
                                m_buffer->linesize);
    if (error < 0)
        fail(QString::fromStdString(errorString(error)));

    const AVFrame& out = *m_buffer;
    if (!yuv) {
        for (int y = 0; y < image.height(); ++y)
            std::memcpy(image.row<uint8_t>(y), out.data[0] + ptrdiff_t(y) * out.linesize[0],
                        image.rowBytes());
        return finish();
    }
    const int width = image.width();
    const auto interleave = [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            // Planar GBR: plane 0 is G, 1 is B, 2 is R.
            const auto* g = reinterpret_cast<const uint16_t*>(out.data[0] + ptrdiff_t(y) * out.linesize[0]);
            const auto* b = reinterpret_cast<const uint16_t*>(out.data[1] + ptrdiff_t(y) * out.linesize[1]);
            const auto* r = reinterpret_cast<const uint16_t*>(out.data[2] + ptrdiff_t(y) * out.linesize[2]);
            if (format == PixelFormat::Rgb16)
                interleave16(r, g, b, image.row<uint16_t>(y), width);
            else
                interleave8(r, g, b, image.row<uint8_t>(y), width);
        }
    };
    // Interleaving a 1080p frame takes ~2.5 ms: worth spreading over the cores.
    parallelFor(image.height(), interleave, 128);
    return finish();
}

} // namespace cg::ffmpeg
