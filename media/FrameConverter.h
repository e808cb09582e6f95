#pragma once

// The one path from a decoded AVFrame to a cg::Image (interleaved RGB, 8 or 16 bit), shared by
// StillImage and VideoDecoder so stills and video frames get the same matrix, range and rounding.
// Private to media/: it includes libav* headers through FfmpegPtr.h.

#include "FfmpegPtr.h"
#include "Image.h"

#include <QString>

namespace cg::ffmpeg {

/// swscale flags for exact conversions between RGB and YUV of the same size: no scaling happens, so
/// the filter only matters for chroma resampling (4:2:0, 4:2:2), where bilinear is the usual choice
/// (point would repeat chroma samples, bicubic ring). ACCURATE_RND and BITEXACT avoid the
/// approximate SIMD paths; FULL_CHR_H_INT interpolates chroma for every output pixel.
inline constexpr int kExactSwsFlags = SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_BITEXACT;

/// What to assume when a YUV stream does not say which matrix it uses.
enum class UntaggedMatrix
{
    /// BT.601, always: JFIF (ITU-T T.871) for JPEG, and swscale's own default.
    Bt601,
    /// By picture size, as players do (mpv, VLC, browsers): BT.709 for HD (width >= 1280 or
    /// height > 576), BT.601 for SD. JPEG-family pixel formats (yuvj*) stay BT.601 (JFIF).
    /// swscale alone would take BT.601 for every untagged stream, which tints untagged HD
    /// camera footage (most of it is BT.709, the HD production standard, ITU-R BT.709-6).
    BySize,
};

/// Bits per component of a pixel format (the largest component), 8 when unknown.
int bitDepthOf(AVPixelFormat format);
/// True when the format carries more than 8 bits per component (palette formats never do).
bool isDeepFormat(AVPixelFormat format);
/// True for formats swscale reads as RGB/GBR or palette (no YUV matrix involved).
bool isRgbFormat(AVPixelFormat format);

/// The YUV matrix a frame of `format` and size is decoded with: its tag, or the convention above.
AVColorSpace effectiveMatrix(AVColorSpace tagged, AVPixelFormat format, int width, int height,
                             UntaggedMatrix rule);
/// Whether a frame's samples are full range (0..2^n-1, "pc") rather than limited ("tv", 16..235
/// scaled): its tag; untagged JPEG (yuvj*) and gray formats are full range, other YUV limited.
bool effectiveFullRange(AVColorRange tagged, AVPixelFormat format);

/// Degrees clockwise that turn a stream with this display matrix (AV_PKT_DATA_DISPLAYMATRIX side
/// data) upright: 0, 90, 180 or 270. av_display_rotation_get() gives the counter-clockwise angle.
int rotationFromDisplayMatrix(const int32_t* matrix);

/// `image` turned clockwise by 90, 180 or 270 degrees (other values: unchanged).
Image rotatedClockwise(Image image, int degrees);

/// Converts frames to RGB with swscale, keeping its context between frames of the same layout (a
/// new context per 1080p frame would cost more than the conversion). Not thread-safe.
class FrameConverter
{
public:
    /// `path` only names the file in error messages.
    explicit FrameConverter(QString path, UntaggedMatrix untagged = UntaggedMatrix::Bt601);

    /// The frame as `format` (Rgb8 or Rgb16), turned `rotation` degrees clockwise. Throws
    /// InputError ("cannot read clip.mov: unsupported pixel format ...").
    Image convert(const AVFrame& frame, PixelFormat format, int rotation = 0);
    /// The same into `out`, reusing its memory when it already has the result's size and format
    /// (playback and export: no 6 MB allocation and page faults per 1080p frame).
    void convert(const AVFrame& frame, PixelFormat format, int rotation, Image& out);

    /// Rgb16 for deep sources, Rgb8 otherwise (StillImage's and VideoDecoder's Auto depth).
    static PixelFormat naturalFormat(AVPixelFormat source);

private:
    struct Key
    {
        int width = 0;
        int height = 0;
        int source = -1;
        int target = -1;
        int matrix = -1;
        bool fullRange = false;
        bool operator==(const Key&) const = default;
    };

    QString m_path;
    UntaggedMatrix m_untagged;
    Key m_key;
    SwsContextPtr m_sws;
    FramePtr m_buffer; ///< padded output: swscale's SIMD paths may write past a row's end
};

} // namespace cg::ffmpeg
