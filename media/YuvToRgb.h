#pragma once

// Planar Y'CbCr (8-bit or 10-bit; 4:2:0, 4:2:2, 4:4:4) to interleaved RGB (Rgb8 or Rgb16) in fixed
// point, for the formats that decoded video nearly always has (H.264/HEVC/ProRes/DNxHR). Replaces
// swscale's exact (ACCURATE_RND | BITEXACT) path for them, which is half as fast as decoding itself.
// Free of libav* headers: the tests feed it planes of their own.
//
// Equations (ITU-R BT.601-7, BT.709-6, BT.2020-2 non-constant luminance), with Kg = 1 - Kr - Kb:
//   R = Y + 2(1-Kr) Cr,  B = Y + 2(1-Kb) Cb,  G = Y - 2 Kb (1-Kb) / Kg Cb - 2 Kr (1-Kr) / Kg Cr
// where, for n-bit samples, limited range: Y = (Y' - 16*2^(n-8)) / (219*2^(n-8)),
// C = (C' - 2^(n-1)) / (224*2^(n-8)); full range: Y = Y' / (2^n - 1), C = (C' - 2^(n-1)) / (2^n - 1)
// (the full-range scale is the one swscale and the tests use). Output: round(clamp(v, 0, 1) * max).
//
// Chroma siting: centre-sited (between the two luma samples it covers, horizontally and
// vertically), which is what swscale assumes when it is not told otherwise (its default chroma
// position, get_local_pos() in libswscale/utils.c), and what FrameConverter's swscale path did.
// Upsampling is bilinear like that path's SWS_BILINEAR: output luma sample x takes 3/4 of the chroma
// sample it lies in and 1/4 of the neighbour on its side (x/2 - 1/4 in chroma coordinates), edges
// repeated. Vertically the same for 4:2:0. The weights are exact in sixteenths, so interpolated
// chroma is carried exactly (x16) into the matrix.
// For odd widths/heights swscale scales chroma by (w+1)/2 : w rather than 1:2, so its chroma drifts
// up to a quarter sample across a row (visible only at sharp colour edges); this code keeps 1:2.

#include "Image.h"

#include <cstddef>
#include <cstdint>

namespace cg {

enum class YuvMatrix
{
    Bt601,
    Bt709,
    Bt2020
};
enum class ChromaSubsampling
{
    Yuv420,
    Yuv422,
    Yuv444
};

/// A borrowed planar picture: Y', Cb, Cr planes. 10-bit samples are host-endian uint16 holding the
/// value in the low bits (yuv4xxp10le); higher bits are ignored.
struct YuvPlanes
{
    const uint8_t* data[3] = {};
    ptrdiff_t stride[3] = {}; ///< bytes from one row to the next (may be negative)
    int width = 0;
    int height = 0;
    int bits = 8; ///< 8 or 10
    ChromaSubsampling subsampling = ChromaSubsampling::Yuv420;
};

class YuvToRgb
{
public:
    enum class Path
    {
        Best,
        Scalar,
        Avx2
    };

    /// `sourceBits` 8 or 10; `output` Rgb8 or Rgb16 (anything else is taken as Rgb16).
    YuvToRgb(YuvMatrix matrix, bool fullRange, int sourceBits, PixelFormat output);

    /// Converts the whole picture into `out` (reallocated unless it already has the size and
    /// format), spread over the cores by row bands.
    void convert(const YuvPlanes& planes, Image& out, Path path = Path::Best) const;
    /// Rows [yBegin, yEnd) of `out`, which must already have the picture's size and the output format.
    void convertRows(const YuvPlanes& planes, Image& out, int yBegin, int yEnd, Path path) const;

    /// AVX2 available on this CPU (the Best path uses it then).
    static bool cpuHasAvx2();

    /// Fixed-point constants. Interpolated chroma is carried as c16 = 16 * C' - 16 * 2^(n-1), luma
    /// as y = Y' - offset. Each coefficient k is split as k * 2^(shift + 8) = hi * 256 + lo
    /// (0 <= lo < 256) so that 16-bit output keeps 2^-(shift+9) of precision in 32-bit lanes:
    ///   v = (sum(x * hi) + bias + (sum(x * lo) >> 8)) >> shift,  out = clamp(v, 0, max).
    /// The lo terms are left out (lo = 0) for 8-bit output, whose shift is large enough alone.
    struct Constants
    {
        int shift = 0;
        int32_t bias = 0; ///< 2^(shift-1): round half up
        int32_t lumaOffset = 0;
        int32_t chromaOffset16 = 0;
        int32_t sampleMask = 0;
        int32_t maxOut = 0;
        bool split = false;
        // hi and lo parts of the luma, Cr->R, Cb->G, Cr->G and Cb->B coefficients (G ones negative).
        int32_t yHi = 0, rvHi = 0, guHi = 0, gvHi = 0, buHi = 0;
        int32_t yLo = 0, rvLo = 0, guLo = 0, gvLo = 0, buLo = 0;
    };
    const Constants& constants() const { return m_k; }

private:
    Constants m_k;
    int m_bits = 8;
    PixelFormat m_output = PixelFormat::Rgb8;
};

namespace yuvdetail {

// The row kernels behind YuvToRgb::convertRows; the AVX2 ones (YuvToRgbAvx2.cpp) give the same
// bits as the scalar ones (integer arithmetic) and hand row ends to them.

/// Interpolated chroma of output row y (c16 values) into u16/v16 (width entries).
void chromaRowScalar(const YuvPlanes& planes, const YuvToRgb::Constants& k, int y, int16_t* u16, int16_t* v16,
                     int16_t* scratch);
void chromaRowAvx2(const YuvPlanes& planes, const YuvToRgb::Constants& k, int y, int16_t* u16, int16_t* v16,
                   int16_t* scratch);
/// Pixels [xBegin, width) of one row: luma row (uint8_t, or uint16_t when luma16) + interpolated
/// chroma -> interleaved RGB (uint8_t, or uint16_t when out16).
void matrixRowScalar(const YuvToRgb::Constants& k, const void* luma, bool luma16, const int16_t* u16,
                     const int16_t* v16, void* out, bool out16, int xBegin, int width);
void matrixRowAvx2(const YuvToRgb::Constants& k, const void* luma, bool luma16, const int16_t* u16,
                   const int16_t* v16, void* out, bool out16, int width);

} // namespace yuvdetail

} // namespace cg
