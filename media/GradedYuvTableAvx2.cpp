// The AVX2 variant of GradedYuvTable's row loops: 8 table gathers at a time (vpgatherdd), luma and
// the chroma box filter on 8 samples at a time, the same integer arithmetic as the scalar loops (so
// the same bits); row ends go to the scalar code. Only the functions below the target pragma are
// compiled for AVX2, and they run only when the CPU has it (GradedYuvTable::cpuHasAvx2).
#include "GradedYuvTable.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

namespace cg::gradedyuvdetail {

#pragma GCC push_options
#pragma GCC target("avx2")

namespace {

/// 8 luma (or chroma) values of 32 bits, all below 2^16, stored as 8 samples of 8 or 16 bits.
inline void store8(__m256i values, void* out, bool out16)
{
    // packus works within 128-bit lanes: [v0..v3, 0 0 0 0 | v4..v7, 0 0 0 0]; gather lanes' low halves.
    const __m256i words = _mm256_permute4x64_epi64(_mm256_packus_epi32(values, _mm256_setzero_si256()), 0xd8);
    const __m128i low = _mm256_castsi256_si128(words);
    if (out16)
        _mm_storeu_si128(static_cast<__m128i*>(out), low);
    else
        _mm_storel_epi64(static_cast<__m128i*>(out), _mm_packus_epi16(low, low));
}

inline __m256i load8(const uint32_t* p)
{
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

/// The fields of 8 entries: Cb (`shift` lumaBits, masked) or Cr (`shift` crShift, the top bits).
inline __m256i field(__m256i entries, __m128i shift, __m256i mask)
{
    return _mm256_and_si256(_mm256_srl_epi32(entries, shift), mask);
}

/// (sum + rounding) >> totalShift, stored as samples [cx, cx + 8) of `out`.
inline void finish8(__m256i sum, const RowLayout& layout, void* out, int cx)
{
    const __m256i rounded = _mm256_add_epi32(sum, _mm256_set1_epi32(int(layout.rounding)));
    const size_t sampleBytes = layout.out16 ? 2 : 1;
    store8(_mm256_srl_epi32(rounded, _mm_cvtsi32_si128(layout.totalShift)),
           static_cast<uint8_t*>(out) + sampleBytes * size_t(cx), layout.out16);
}

} // namespace

int gatherRowAvx2(const uint32_t* table, const uint8_t* rgb, int width, uint32_t* entries, void* luma,
                  const RowLayout& layout)
{
    // The table index of a pixel is its three bytes read as a little-endian number (r | g << 8 |
    // b << 16). Pixels 0-3 come from bytes 0-11 of the first 16-byte load, pixels 4-7 from bytes
    // 4-15 of a load at byte 8, so nothing past the 24 bytes of the 8 pixels is read.
    const __m256i spread = _mm256_setr_epi8(0, 1, 2, -128, 3, 4, 5, -128, 6, 7, 8, -128, 9, 10, 11, -128, //
                                            4, 5, 6, -128, 7, 8, 9, -128, 10, 11, 12, -128, 13, 14, 15, -128);
    const __m256i lumaMask = _mm256_set1_epi32(int(layout.lumaMask));
    const int count = width & ~7;
    const size_t sampleBytes = layout.out16 ? 2 : 1;
    for (int x = 0; x < count; x += 8, rgb += 24) {
        const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rgb));
        const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rgb + 8));
        const __m256i index = _mm256_shuffle_epi8(_mm256_set_m128i(high, low), spread);
        const __m256i v = _mm256_i32gather_epi32(reinterpret_cast<const int*>(table), index, 4);
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(entries + x), v);
        store8(_mm256_and_si256(v, lumaMask), static_cast<uint8_t*>(luma) + sampleBytes * size_t(x),
               layout.out16);
    }
    return count;
}

int chromaRowAvx2(const uint32_t* e0, const uint32_t* e1, int width, void* cb, void* cr,
                  const RowLayout& layout)
{
    const __m256i chromaMask = _mm256_set1_epi32(int(layout.chromaMask));
    const __m256i all = _mm256_set1_epi32(-1); // Cr is the top field: nothing to mask
    const __m128i lumaBits = _mm_cvtsi32_si128(layout.lumaBits);
    const __m128i crShift = _mm_cvtsi32_si128(layout.crShift);

    if (layout.shiftX == 0) { // 4:4:4: one entry a sample (4:4:0 does not occur: shiftY is 0 here)
        const int count = width & ~7;
        for (int cx = 0; cx < count; cx += 8) {
            const __m256i a = load8(e0 + cx);
            __m256i sumCb = field(a, lumaBits, chromaMask), sumCr = field(a, crShift, all);
            if (layout.shiftY) {
                const __m256i b = load8(e1 + cx);
                sumCb = _mm256_add_epi32(sumCb, field(b, lumaBits, chromaMask));
                sumCr = _mm256_add_epi32(sumCr, field(b, crShift, all));
            }
            finish8(sumCb, layout, cb, cx);
            finish8(sumCr, layout, cr, cx);
        }
        return count;
    }

    // 2:1 horizontally: 8 chroma samples from 16 entries, only whole pairs (an odd last column is
    // left to the scalar code, which pairs it with itself).
    const int count = (width / 2) & ~7;
    for (int cx = 0; cx < count; cx += 8) {
        const uint32_t* p0 = e0 + 2 * size_t(cx);
        const __m256i a0 = load8(p0), b0 = load8(p0 + 8);
        __m256i cbA = field(a0, lumaBits, chromaMask), cbB = field(b0, lumaBits, chromaMask);
        __m256i crA = field(a0, crShift, all), crB = field(b0, crShift, all);
        if (layout.shiftY) {
            const uint32_t* p1 = e1 + 2 * size_t(cx);
            const __m256i a1 = load8(p1), b1 = load8(p1 + 8);
            cbA = _mm256_add_epi32(cbA, field(a1, lumaBits, chromaMask));
            cbB = _mm256_add_epi32(cbB, field(b1, lumaBits, chromaMask));
            crA = _mm256_add_epi32(crA, field(a1, crShift, all));
            crB = _mm256_add_epi32(crB, field(b1, crShift, all));
        }
        // hadd sums neighbours within 128-bit lanes: [a01 a23 b01 b23 | a45 a67 b45 b67]; the 64-bit
        // permute puts the pairs back in order.
        const __m256i sumCb = _mm256_permute4x64_epi64(_mm256_hadd_epi32(cbA, cbB), 0xd8);
        const __m256i sumCr = _mm256_permute4x64_epi64(_mm256_hadd_epi32(crA, crB), 0xd8);
        finish8(sumCb, layout, cb, cx);
        finish8(sumCr, layout, cr, cx);
    }
    return count;
}

#pragma GCC pop_options

} // namespace cg::gradedyuvdetail

#else

namespace cg::gradedyuvdetail {

// Never called: GradedYuvTable::cpuHasAvx2 is false on these builds.
int gatherRowAvx2(const uint32_t*, const uint8_t*, int, uint32_t*, void*, const RowLayout&)
{
    return 0;
}
int chromaRowAvx2(const uint32_t*, const uint32_t*, int, void*, void*, const RowLayout&)
{
    return 0;
}

} // namespace cg::gradedyuvdetail

#endif
