#include "YuvToRgb.h"

#include "ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cg {

namespace {

/// Chroma samples per row and chroma rows of a picture.
int chromaWidth(const YuvPlanes& planes)
{
    return planes.subsampling == ChromaSubsampling::Yuv444 ? planes.width : (planes.width + 1) / 2;
}

int chromaHeight(const YuvPlanes& planes)
{
    return planes.subsampling == ChromaSubsampling::Yuv420 ? (planes.height + 1) / 2 : planes.height;
}

int32_t sampleAt(const YuvPlanes& planes, int plane, int row, int x, int32_t mask)
{
    const uint8_t* line = planes.data[plane] + ptrdiff_t(row) * planes.stride[plane];
    if (planes.bits == 8)
        return line[x];
    return int32_t(reinterpret_cast<const uint16_t*>(line)[x]) & mask;
}

} // namespace

YuvToRgb::YuvToRgb(YuvMatrix matrix, bool fullRange, int sourceBits, PixelFormat output)
    : m_bits(sourceBits == 10 ? 10 : 8),
      m_output(output == PixelFormat::Rgb8 ? PixelFormat::Rgb8 : PixelFormat::Rgb16)
{
    // Kr, Kb: BT.601-7 (also SMPTE 170M and BT.470 B/G), BT.709-6 table 3, BT.2020-2 table 4.
    const double kr = matrix == YuvMatrix::Bt709 ? 0.2126 : matrix == YuvMatrix::Bt2020 ? 0.2627 : 0.299;
    const double kb = matrix == YuvMatrix::Bt709 ? 0.0722 : matrix == YuvMatrix::Bt2020 ? 0.0593 : 0.114;
    const double kg = 1.0 - kr - kb;
    const int n = m_bits;
    const bool out16 = m_output == PixelFormat::Rgb16;
    const double maxOut = out16 ? 65535.0 : 255.0;
    const double step = double(1 << (n - 8));
    const double lumaScale = fullRange ? maxOut / ((1 << n) - 1.0) : maxOut / (219.0 * step);
    // Per unit of c16 (sixteenths of a chroma code value).
    const double chromaScale = (fullRange ? maxOut / ((1 << n) - 1.0) : maxOut / (224.0 * step)) / 16.0;
    const double rv = 2.0 * (1.0 - kr) * chromaScale;
    const double bu = 2.0 * (1.0 - kb) * chromaScale;
    const double gu = -2.0 * kb * (1.0 - kb) / kg * chromaScale;
    const double gv = -2.0 * kr * (1.0 - kr) / kg * chromaScale;

    // The largest shift for which no sum leaves 32 bits: |y| <= 2^n, |c16| <= 8 * 2^n.
    const double bound =
        lumaScale * (1 << n) + 8.0 * (1 << n) * std::max({std::abs(rv), bu, std::abs(gu) + std::abs(gv)});
    int shift = 24;
    while (shift > 1 && (bound + 1.0) * std::ldexp(1.0, shift) + 65536.0 >= 2147483648.0)
        --shift;
    m_k.shift = shift;
    m_k.bias = int32_t(1) << (shift - 1);
    m_k.lumaOffset = fullRange ? 0 : 16 << (n - 8);
    m_k.chromaOffset16 = 16 << (n - 1);
    m_k.sampleMask = (1 << n) - 1;
    m_k.maxOut = int32_t(maxOut);
    // 8-bit output: a shift near 21 leaves coefficient errors of 2^-22 per unit, at most 2^-11 of a
    // code value in all. 16-bit output only gets a shift near 13 (2^-14 per unit of c16, up to half
    // a code value per term), so the coefficients carry 8 more bits in the lo parts.
    m_k.split = out16;
    const auto setCoefficient = [&](double value, int32_t& hi, int32_t& lo) {
        if (!m_k.split) {
            hi = int32_t(std::lround(std::ldexp(value, shift)));
            lo = 0;
            return;
        }
        const long long whole = std::llround(std::ldexp(value, shift + 8));
        hi = int32_t(whole >> 8); // floor, so that 0 <= lo < 256
        lo = int32_t(whole - (static_cast<long long>(hi) << 8));
    };
    setCoefficient(lumaScale, m_k.yHi, m_k.yLo);
    setCoefficient(rv, m_k.rvHi, m_k.rvLo);
    setCoefficient(gu, m_k.guHi, m_k.guLo);
    setCoefficient(gv, m_k.gvHi, m_k.gvLo);
    setCoefficient(bu, m_k.buHi, m_k.buLo);
}

bool YuvToRgb::cpuHasAvx2()
{
#if defined(__x86_64__)
    static const bool available = __builtin_cpu_supports("avx2");
    return available;
#else
    return false;
#endif
}

void YuvToRgb::convert(const YuvPlanes& planes, Image& out, Path path) const
{
    if (out.width() != planes.width || out.height() != planes.height || out.format() != m_output)
        out = Image(planes.width, planes.height, m_output);
    // 1080p 4:2:0 takes 1 ms (AVX2) to 11 ms (scalar) on one core here: worth the bands.
    parallelFor(
        planes.height, [&](int begin, int end) { convertRows(planes, out, begin, end, path); }, 32);
}

void YuvToRgb::convertRows(const YuvPlanes& planes, Image& out, int yBegin, int yEnd, Path path) const
{
    const bool avx2 = path != Path::Scalar && cpuHasAvx2();
    const bool out16 = m_output == PixelFormat::Rgb16;
    const bool luma16 = planes.bits != 8;
    // Room for the AVX2 kernels' whole blocks (32 chroma values at a time) past the row's end.
    std::vector<int16_t> u(size_t(planes.width) + 64);
    std::vector<int16_t> v(size_t(planes.width) + 64);
    std::vector<int16_t> scratch(size_t(chromaWidth(planes)) + 64);
    for (int y = yBegin; y < yEnd; ++y) {
        const uint8_t* luma = planes.data[0] + ptrdiff_t(y) * planes.stride[0];
        void* row =
            out16 ? static_cast<void*>(out.row<uint16_t>(y)) : static_cast<void*>(out.row<uint8_t>(y));
        if (avx2) {
            yuvdetail::chromaRowAvx2(planes, m_k, y, u.data(), v.data(), scratch.data());
            yuvdetail::matrixRowAvx2(m_k, luma, luma16, u.data(), v.data(), row, out16, planes.width);
        } else {
            yuvdetail::chromaRowScalar(planes, m_k, y, u.data(), v.data(), scratch.data());
            yuvdetail::matrixRowScalar(m_k, luma, luma16, u.data(), v.data(), row, out16, 0, planes.width);
        }
    }
}

namespace yuvdetail {

void chromaRowScalar(const YuvPlanes& planes, const YuvToRgb::Constants& k, int y, int16_t* u16, int16_t* v16,
                     int16_t* scratch)
{
    const int width = planes.width;
    const int cw = chromaWidth(planes);
    const int ch = chromaHeight(planes);
    for (int plane = 1; plane <= 2; ++plane) {
        int16_t* out = plane == 1 ? u16 : v16;
        if (planes.subsampling == ChromaSubsampling::Yuv444) {
            for (int x = 0; x < width; ++x)
                out[x] = int16_t(16 * sampleAt(planes, plane, y, x, k.sampleMask) - k.chromaOffset16);
            continue;
        }
        // Vertical: x4, into scratch[1..cw] with the edge samples repeated at 0 and cw + 1.
        if (planes.subsampling == ChromaSubsampling::Yuv420) {
            // Luma row y sits at chroma row y/2 - 1/4: 3/4 of the row it lies in, 1/4 of the next
            // one on its side.
            const int near = y >> 1;
            const int far = (y & 1) ? std::min(near + 1, ch - 1) : std::max(near - 1, 0);
            for (int x = 0; x < cw; ++x)
                scratch[x + 1] = int16_t(3 * sampleAt(planes, plane, near, x, k.sampleMask) +
                                         sampleAt(planes, plane, far, x, k.sampleMask));
        } else {
            for (int x = 0; x < cw; ++x)
                scratch[x + 1] = int16_t(4 * sampleAt(planes, plane, y, x, k.sampleMask));
        }
        scratch[0] = scratch[1];
        scratch[cw + 1] = scratch[cw];
        // Horizontal, the same weights: x4 again, so c16 is 16 x chroma.
        for (int x = 0; x < width; ++x) {
            const int c = (x >> 1) + 1;
            const int side = (x & 1) ? c + 1 : c - 1;
            out[x] = int16_t(3 * scratch[c] + scratch[side] - k.chromaOffset16);
        }
    }
}

void matrixRowScalar(const YuvToRgb::Constants& k, const void* luma, bool luma16, const int16_t* u16,
                     const int16_t* v16, void* out, bool out16, int xBegin, int width)
{
    for (int x = xBegin; x < width; ++x) {
        const int32_t y = (luma16 ? int32_t(static_cast<const uint16_t*>(luma)[x]) & k.sampleMask
                                  : int32_t(static_cast<const uint8_t*>(luma)[x])) -
                          k.lumaOffset;
        const int32_t u = u16[x];
        const int32_t v = v16[x];
        const int32_t yy = y * k.yHi + k.bias;
        int32_t rgb[3] = {yy + v * k.rvHi, yy + u * k.guHi + v * k.gvHi, yy + u * k.buHi};
        if (k.split) {
            const int32_t yl = y * k.yLo;
            rgb[0] += (yl + v * k.rvLo) >> 8;
            rgb[1] += (yl + u * k.guLo + v * k.gvLo) >> 8;
            rgb[2] += (yl + u * k.buLo) >> 8;
        }
        for (int c = 0; c < 3; ++c) {
            const int32_t value = std::clamp(rgb[c] >> k.shift, 0, k.maxOut);
            if (out16)
                static_cast<uint16_t*>(out)[3 * x + c] = uint16_t(value);
            else
                static_cast<uint8_t*>(out)[3 * x + c] = uint8_t(value);
        }
    }
}

#if !defined(__x86_64__)
void chromaRowAvx2(const YuvPlanes& planes, const YuvToRgb::Constants& k, int y, int16_t* u16, int16_t* v16,
                   int16_t* scratch)
{
    chromaRowScalar(planes, k, y, u16, v16, scratch);
}

void matrixRowAvx2(const YuvToRgb::Constants& k, const void* luma, bool luma16, const int16_t* u16,
                   const int16_t* v16, void* out, bool out16, int width)
{
    matrixRowScalar(k, luma, luma16, u16, v16, out, out16, 0, width);
}
#endif

} // namespace yuvdetail

} // namespace cg
