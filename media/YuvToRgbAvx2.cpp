// The AVX2 variant of YuvToRgb's row kernels: 16 chroma values or 16 pixels at a time, the same
// integer arithmetic as the scalar kernels (so the same bits); row ends go to the scalar code. Only
// the functions below the target pragma are compiled for AVX2, and they run only when the CPU has it
// (YuvToRgb::cpuHasAvx2).
#include "YuvToRgb.h"

#include <algorithm>
#include <array>

#if defined(__x86_64__)
#include <immintrin.h>

namespace cg::yuvdetail {

namespace {

/// pshufb masks that interleave three registers of 16 bytes (R, G, B) into 48 bytes of RGB:
/// mask[channel][register][byte] names the source byte, or 0x80 for zero.
/// `sampleBytes` 1: 16 pixels of 8 bits; 2: 8 pixels of 16 bits.
constexpr std::array<std::array<std::array<int8_t, 16>, 3>, 3> interleaveMasks(int sampleBytes)
{
    std::array<std::array<std::array<int8_t, 16>, 3>, 3> masks{};
    for (int reg = 0; reg < 3; ++reg)
        for (int i = 0; i < 16; ++i) {
            const int byte = 16 * reg + i;
            const int element = byte / sampleBytes;
            const int pixel = element / 3;
            const int channel = element % 3;
            for (int c = 0; c < 3; ++c)
                masks[size_t(c)][size_t(reg)][size_t(i)] =
                    c == channel ? int8_t(sampleBytes * pixel + byte % sampleBytes) : int8_t(-128);
        }
    return masks;
}

constexpr auto kMasks8 = interleaveMasks(1);
constexpr auto kMasks16 = interleaveMasks(2);

} // namespace

} // namespace cg::yuvdetail

#pragma GCC push_options
#pragma GCC target("avx2")

namespace cg::yuvdetail {

namespace {

/// 16 samples of a row from x as 16-bit lanes.
inline __m256i load16(const uint8_t* line, bool sixteen, int x, __m256i mask)
{
    if (!sixteen)
        return _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(line + x)));
    return _mm256_and_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(reinterpret_cast<const uint16_t*>(line) + x)),
        mask);
}

inline void store48(uint8_t* out, __m128i r, __m128i g, __m128i b,
                    const std::array<std::array<std::array<int8_t, 16>, 3>, 3>& masks)
{
    for (size_t reg = 0; reg < 3; ++reg) {
        const auto mask = [&](size_t c) {
            return _mm_loadu_si128(reinterpret_cast<const __m128i*>(masks[c][reg].data()));
        };
        const __m128i v =
            _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(r, mask(0)), _mm_shuffle_epi8(g, mask(1))),
                         _mm_shuffle_epi8(b, mask(2)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * reg), v);
    }
}

struct Vectors
{
    __m256i lumaOffset, bias, yHi, rvHi, guHi, gvHi, buHi, yLo, rvLo, guLo, gvLo, buLo;
    __m128i shift;
};

/// Eight pixels (32-bit lanes): luma, c16 Cb, c16 Cr -> R, G, B before clamping.
inline void pixels8(const Vectors& k, bool split, __m256i y, __m256i u, __m256i v, __m256i rgb[3])
{
    y = _mm256_sub_epi32(y, k.lumaOffset);
    const __m256i yy = _mm256_add_epi32(_mm256_mullo_epi32(y, k.yHi), k.bias);
    __m256i r = _mm256_add_epi32(yy, _mm256_mullo_epi32(v, k.rvHi));
    __m256i g =
        _mm256_add_epi32(_mm256_add_epi32(yy, _mm256_mullo_epi32(u, k.guHi)), _mm256_mullo_epi32(v, k.gvHi));
    __m256i b = _mm256_add_epi32(yy, _mm256_mullo_epi32(u, k.buHi));
    if (split) {
        const __m256i yl = _mm256_mullo_epi32(y, k.yLo);
        r = _mm256_add_epi32(r, _mm256_srai_epi32(_mm256_add_epi32(yl, _mm256_mullo_epi32(v, k.rvLo)), 8));
        g = _mm256_add_epi32(
            g, _mm256_srai_epi32(_mm256_add_epi32(_mm256_add_epi32(yl, _mm256_mullo_epi32(u, k.guLo)),
                                                  _mm256_mullo_epi32(v, k.gvLo)),
                                 8));
        b = _mm256_add_epi32(b, _mm256_srai_epi32(_mm256_add_epi32(yl, _mm256_mullo_epi32(u, k.buLo)), 8));
    }
    rgb[0] = _mm256_sra_epi32(r, k.shift);
    rgb[1] = _mm256_sra_epi32(g, k.shift);
    rgb[2] = _mm256_sra_epi32(b, k.shift);
}

} // namespace

void chromaRowAvx2(const YuvPlanes& planes, const YuvToRgb::Constants& k, int y, int16_t* u16, int16_t* v16,
                   int16_t* scratch)
{
    const int width = planes.width;
    const bool sixteen = planes.bits != 8;
    const __m256i mask = _mm256_set1_epi16(int16_t(k.sampleMask));
    const __m256i offset = _mm256_set1_epi16(int16_t(k.chromaOffset16));
    const int16_t offset16 = int16_t(k.chromaOffset16);
    const auto sample = [&](const uint8_t* line, int x) {
        return sixteen ? int32_t(reinterpret_cast<const uint16_t*>(line)[x]) & k.sampleMask
                       : int32_t(line[x]);
    };
    for (int plane = 1; plane <= 2; ++plane) {
        int16_t* out = plane == 1 ? u16 : v16;
        const auto lineOf = [&](int row) {
            return planes.data[plane] + ptrdiff_t(row) * planes.stride[plane];
        };
        if (planes.subsampling == ChromaSubsampling::Yuv444) {
            const uint8_t* line = lineOf(y);
            int x = 0;
            for (; x + 16 <= width; x += 16)
                _mm256_storeu_si256(
                    reinterpret_cast<__m256i*>(out + x),
                    _mm256_sub_epi16(_mm256_slli_epi16(load16(line, sixteen, x, mask), 4), offset));
            for (; x < width; ++x)
                out[x] = int16_t(16 * sample(line, x) - offset16);
            continue;
        }
        const int cw = (width + 1) / 2;
        int c = 0;
        if (planes.subsampling == ChromaSubsampling::Yuv420) {
            const int ch = (planes.height + 1) / 2;
            const int near = y >> 1;
            const uint8_t* nearLine = lineOf(near);
            const uint8_t* farLine = lineOf((y & 1) ? std::min(near + 1, ch - 1) : std::max(near - 1, 0));
            for (; c + 16 <= cw; c += 16) {
                const __m256i a = load16(nearLine, sixteen, c, mask);
                const __m256i b = load16(farLine, sixteen, c, mask);
                _mm256_storeu_si256(reinterpret_cast<__m256i*>(scratch + c + 1),
                                    _mm256_add_epi16(_mm256_add_epi16(_mm256_slli_epi16(a, 1), a), b));
            }
            for (; c < cw; ++c)
                scratch[c + 1] = int16_t(3 * sample(nearLine, c) + sample(farLine, c));
        } else {
            const uint8_t* line = lineOf(y);
            for (; c + 16 <= cw; c += 16)
                _mm256_storeu_si256(reinterpret_cast<__m256i*>(scratch + c + 1),
                                    _mm256_slli_epi16(load16(line, sixteen, c, mask), 2));
            for (; c < cw; ++c)
                scratch[c + 1] = int16_t(4 * sample(line, c));
        }
        scratch[0] = scratch[1];
        scratch[cw + 1] = scratch[cw];
        c = 0;
        for (; c + 16 <= cw; c += 16) {
            const __m256i centre = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scratch + c + 1));
            const __m256i left = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scratch + c));
            const __m256i right = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scratch + c + 2));
            const __m256i three =
                _mm256_sub_epi16(_mm256_add_epi16(_mm256_slli_epi16(centre, 1), centre), offset);
            const __m256i even = _mm256_add_epi16(three, left);
            const __m256i odd = _mm256_add_epi16(three, right);
            const __m256i lo = _mm256_unpacklo_epi16(even, odd); // pixels 0-7 | 16-23
            const __m256i hi = _mm256_unpackhi_epi16(even, odd); // pixels 8-15 | 24-31
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 2 * c),
                                _mm256_permute2x128_si256(lo, hi, 0x20));
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 2 * c + 16),
                                _mm256_permute2x128_si256(lo, hi, 0x31));
        }
        for (int x = 2 * c; x < width; ++x) {
            const int centre = (x >> 1) + 1;
            const int side = (x & 1) ? centre + 1 : centre - 1;
            out[x] = int16_t(3 * scratch[centre] + scratch[side] - offset16);
        }
    }
}

void matrixRowAvx2(const YuvToRgb::Constants& k, const void* luma, bool luma16, const int16_t* u16,
                   const int16_t* v16, void* out, bool out16, int width)
{
    Vectors kv;
    kv.lumaOffset = _mm256_set1_epi32(k.lumaOffset);
    kv.bias = _mm256_set1_epi32(k.bias);
    kv.yHi = _mm256_set1_epi32(k.yHi);
    kv.rvHi = _mm256_set1_epi32(k.rvHi);
    kv.guHi = _mm256_set1_epi32(k.guHi);
    kv.gvHi = _mm256_set1_epi32(k.gvHi);
    kv.buHi = _mm256_set1_epi32(k.buHi);
    kv.yLo = _mm256_set1_epi32(k.yLo);
    kv.rvLo = _mm256_set1_epi32(k.rvLo);
    kv.guLo = _mm256_set1_epi32(k.guLo);
    kv.gvLo = _mm256_set1_epi32(k.gvLo);
    kv.buLo = _mm256_set1_epi32(k.buLo);
    kv.shift = _mm_cvtsi32_si128(k.shift);
    const __m256i mask = _mm256_set1_epi16(int16_t(k.sampleMask));
    int x = 0;
    for (; x + 16 <= width; x += 16) {
        const __m256i y16 = load16(static_cast<const uint8_t*>(luma), luma16, x, mask);
        const __m256i u = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(u16 + x));
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v16 + x));
        __m256i lo[3];
        __m256i hi[3];
        pixels8(kv, k.split, _mm256_cvtepu16_epi32(_mm256_castsi256_si128(y16)),
                _mm256_cvtepi16_epi32(_mm256_castsi256_si128(u)),
                _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v)), lo);
        pixels8(kv, k.split, _mm256_cvtepu16_epi32(_mm256_extracti128_si256(y16, 1)),
                _mm256_cvtepi16_epi32(_mm256_extracti128_si256(u, 1)),
                _mm256_cvtepi16_epi32(_mm256_extracti128_si256(v, 1)), hi);
        __m256i packed[3];
        if (out16) {
            // Unsigned saturation is the clamp to 0..65535; the pack works per 128-bit lane.
            for (int c = 0; c < 3; ++c)
                packed[c] = _mm256_permute4x64_epi64(_mm256_packus_epi32(lo[c], hi[c]), 0xD8);
            uint8_t* o = static_cast<uint8_t*>(out) + size_t(x) * 6;
            store48(o, _mm256_castsi256_si128(packed[0]), _mm256_castsi256_si128(packed[1]),
                    _mm256_castsi256_si128(packed[2]), kMasks16);
            store48(o + 48, _mm256_extracti128_si256(packed[0], 1), _mm256_extracti128_si256(packed[1], 1),
                    _mm256_extracti128_si256(packed[2], 1), kMasks16);
        } else {
            // Signed then unsigned saturation: the clamp to 0..255 (values stay within +-2^10).
            __m128i bytes[3];
            for (int c = 0; c < 3; ++c) {
                packed[c] = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo[c], hi[c]), 0xD8);
                bytes[c] = _mm_packus_epi16(_mm256_castsi256_si128(packed[c]),
                                            _mm256_extracti128_si256(packed[c], 1));
            }
            store48(static_cast<uint8_t*>(out) + size_t(x) * 3, bytes[0], bytes[1], bytes[2], kMasks8);
        }
    }
    matrixRowScalar(k, luma, luma16, u16, v16, out, out16, x, width);
}

} // namespace cg::yuvdetail

#pragma GCC pop_options

#endif
