// The AVX2 + FMA variant of GradeKernel: eight pixels at a time, the tetrahedron chosen without
// branches. Only the functions defined below the target
// pragma are compiled for AVX2 (not the inline functions of the headers included above it, which
// the linker may share with other files), and they run only when the CPU has AVX2 and FMA
// (GradeKernel::cpuHasAvx2).
#include "GradeKernel.h"

#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>

#pragma GCC push_options
#pragma GCC target("avx2,fma")

namespace cg {

namespace {

struct Constants
{
    __m256i offset1, offset2, diagonal, maxIndex;
    __m256i stride[3];
};

/// Lattice positions of eight pixels -> eight graded colours (R, G, B vectors).
inline void interpolate8(const GradeKernel& kernel, const Constants& k, __m256 position[3], __m256 out[3])
{
    __m256 f[3];
    __m256i base = _mm256_setzero_si256();
    for (int c = 0; c < 3; ++c) {
        const __m256i index = _mm256_min_epi32(_mm256_cvttps_epi32(position[c]), k.maxIndex);
        f[c] = _mm256_sub_ps(position[c], _mm256_cvtepi32_ps(index));
        base = _mm256_add_epi32(base, _mm256_mullo_epi32(index, k.stride[c]));
    }
    // The case index of TetrahedralCases.h: (fr > fg) << 2 | (fg > fb) << 1 | (fr > fb).
    const __m256i rg = _mm256_castps_si256(_mm256_cmp_ps(f[0], f[1], _CMP_GT_OQ));
    const __m256i gb = _mm256_castps_si256(_mm256_cmp_ps(f[1], f[2], _CMP_GT_OQ));
    const __m256i rb = _mm256_castps_si256(_mm256_cmp_ps(f[0], f[2], _CMP_GT_OQ));
    const __m256i caseIndex = _mm256_or_si256(
        _mm256_or_si256(_mm256_and_si256(rg, _mm256_set1_epi32(4)), _mm256_and_si256(gb, _mm256_set1_epi32(2))),
        _mm256_and_si256(rb, _mm256_set1_epi32(1)));
    const __m256i v1 = _mm256_add_epi32(base, _mm256_permutevar8x32_epi32(k.offset1, caseIndex));
    const __m256i v2 = _mm256_add_epi32(base, _mm256_permutevar8x32_epi32(k.offset2, caseIndex));
    const __m256i v3 = _mm256_add_epi32(base, k.diagonal);
    // Sorting three fractions needs no case table: max, min, and the rest.
    const __m256 fMax = _mm256_max_ps(_mm256_max_ps(f[0], f[1]), f[2]);
    const __m256 fMin = _mm256_min_ps(_mm256_min_ps(f[0], f[1]), f[2]);
    const __m256 fMid = _mm256_sub_ps(_mm256_sub_ps(_mm256_add_ps(_mm256_add_ps(f[0], f[1]), f[2]), fMax), fMin);
    const __m256 w0 = _mm256_sub_ps(_mm256_set1_ps(1.0f), fMax);
    const __m256 w1 = _mm256_sub_ps(fMax, fMid);
    const __m256 w2 = _mm256_sub_ps(fMid, fMin);
    // Each vertex is one 16-byte load of RGBX (gathers are slow on CPUs with the Downfall
    // microcode fix): pixels j and j + 4 share a register, so that a 4x4 transpose per 128-bit lane
    // gives R, G and B in pixel order.
    alignas(32) int32_t vertex[4][8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(vertex[0]), base);
    _mm256_store_si256(reinterpret_cast<__m256i*>(vertex[1]), v1);
    _mm256_store_si256(reinterpret_cast<__m256i*>(vertex[2]), v2);
    _mm256_store_si256(reinterpret_cast<__m256i*>(vertex[3]), v3);
    const __m256 weight[4] = {w0, w1, w2, fMin};
    const float* lattice = kernel.lattice.data();
    __m256 rgbx[4];
    for (int j = 0; j < 4; ++j) {
        const __m256i pair = _mm256_setr_epi32(j, j, j, j, j + 4, j + 4, j + 4, j + 4);
        __m256 acc = _mm256_setzero_ps();
        for (int v = 0; v < 4; ++v) {
            const __m256 corner = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_loadu_ps(lattice + vertex[v][j])),
                                                       _mm_loadu_ps(lattice + vertex[v][j + 4]), 1);
            acc = _mm256_fmadd_ps(corner, _mm256_permutevar8x32_ps(weight[v], pair), acc);
        }
        rgbx[j] = acc;
    }
    const __m256 t0 = _mm256_unpacklo_ps(rgbx[0], rgbx[1]); // r0 r1 g0 g1 | r4 r5 g4 g5
    const __m256 t1 = _mm256_unpacklo_ps(rgbx[2], rgbx[3]); // r2 r3 g2 g3 | r6 r7 g6 g7
    const __m256 t2 = _mm256_unpackhi_ps(rgbx[0], rgbx[1]); // b0 b1 x  x  | b4 b5 x  x
    const __m256 t3 = _mm256_unpackhi_ps(rgbx[2], rgbx[3]); // b2 b3 x  x  | b6 b7 x  x
    out[0] = _mm256_shuffle_ps(t0, t1, _MM_SHUFFLE(1, 0, 1, 0));
    out[1] = _mm256_shuffle_ps(t0, t1, _MM_SHUFFLE(3, 2, 3, 2));
    out[2] = _mm256_shuffle_ps(t2, t3, _MM_SHUFFLE(1, 0, 1, 0));
    for (int c = 0; c < 3; ++c) {
        if (kernel.hasOutputCurves) {
            const __m256 t = _mm256_min_ps(
                _mm256_max_ps(_mm256_mul_ps(_mm256_sub_ps(out[c], _mm256_set1_ps(kernel.curveMin[c])),
                                            _mm256_set1_ps(kernel.curveScale[c])),
                              _mm256_setzero_ps()),
                _mm256_set1_ps(float(GradeKernel::kCurveSize - 1)));
            const __m256i i = _mm256_min_epi32(_mm256_cvttps_epi32(t), _mm256_set1_epi32(GradeKernel::kCurveSize - 2));
            const __m256 w = _mm256_sub_ps(t, _mm256_cvtepi32_ps(i));
            const float* table = kernel.curve[c].data();
            alignas(32) int32_t index[8];
            alignas(32) float a[8], b[8];
            _mm256_store_si256(reinterpret_cast<__m256i*>(index), i);
            for (int lane = 0; lane < 8; ++lane) {
                a[lane] = table[index[lane]];
                b[lane] = table[index[lane] + 1];
            }
            const __m256 va = _mm256_load_ps(a);
            out[c] = _mm256_fmadd_ps(_mm256_sub_ps(_mm256_load_ps(b), va), w, va);
        }
    }
}

inline __m256i toCodes(__m256 v, float maxCode)
{
    const __m256 clamped = _mm256_min_ps(_mm256_max_ps(v, _mm256_setzero_ps()), _mm256_set1_ps(1.0f));
    return _mm256_cvttps_epi32(_mm256_fmadd_ps(clamped, _mm256_set1_ps(maxCode), _mm256_set1_ps(0.5f)));
}

template <typename Sample>
void gradeRow(const GradeKernel& kernel, const Constants& k, Sample* p, int width, const std::vector<float>* shaper)
{
    alignas(32) float positions[3][8];
    alignas(32) int32_t results[3][8];
    const float* table[3] = {shaper[0].data(), shaper[1].data(), shaper[2].data()};
    for (int x = 0; x + 8 <= width; x += 8, p += 24) {
        // Plain loads beat gathers for the shaper too (see interpolate8).
        for (int i = 0; i < 8; ++i)
            for (int c = 0; c < 3; ++c)
                positions[c][i] = table[c][p[3 * i + c]];
        __m256 position[3], out[3];
        for (int c = 0; c < 3; ++c)
            position[c] = _mm256_load_ps(positions[c]);
        interpolate8(kernel, k, position, out);
        for (int c = 0; c < 3; ++c)
            _mm256_store_si256(reinterpret_cast<__m256i*>(results[c]),
                               toCodes(out[c], float(sizeof(Sample) == 1 ? 255 : 65535)));
        for (int i = 0; i < 8; ++i)
            for (int c = 0; c < 3; ++c)
                p[3 * i + c] = Sample(results[c][i]);
    }
}

void gradeRowFloat(const GradeKernel& kernel, const Constants& k, float* p, int width)
{
    alignas(32) float values[3][8];
    alignas(32) int32_t codes[3][8];
    alignas(32) float positions[3][8];
    alignas(32) float results[3][8];
    for (int x = 0; x + 8 <= width; x += 8, p += 24) {
        for (int i = 0; i < 8; ++i)
            for (int c = 0; c < 3; ++c)
                values[c][i] = std::isnan(p[3 * i + c]) ? 0.0f : p[3 * i + c];
        for (int c = 0; c < 3; ++c)
            _mm256_store_si256(reinterpret_cast<__m256i*>(codes[c]), toCodes(_mm256_load_ps(values[c]), 65535.0f));
        for (int i = 0; i < 8; ++i)
            for (int c = 0; c < 3; ++c)
                positions[c][i] = kernel.shaper16[c][size_t(codes[c][i])];
        __m256 position[3], out[3];
        for (int c = 0; c < 3; ++c)
            position[c] = _mm256_load_ps(positions[c]);
        interpolate8(kernel, k, position, out);
        for (int c = 0; c < 3; ++c)
            _mm256_store_ps(results[c], out[c]);
        for (int i = 0; i < 8; ++i)
            for (int c = 0; c < 3; ++c)
                p[3 * i + c] = results[c][i];
    }
}

} // namespace

void GradeKernel::applyRowsAvx2(Image& image, int yBegin, int yEnd) const
{
    Constants k;
    k.offset1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(offset1));
    k.offset2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(offset2));
    k.diagonal = _mm256_set1_epi32(int(diagonal));
    k.maxIndex = _mm256_set1_epi32(size - 2);
    for (int c = 0; c < 3; ++c)
        k.stride[c] = _mm256_set1_epi32(int(stride[c]));
    const int width = image.width();
    const int vectorWidth = width / 8 * 8;
    for (int y = yBegin; y < yEnd; ++y) {
        switch (image.format()) {
        case PixelFormat::Rgb8: gradeRow(*this, k, image.row<uint8_t>(y), width, shaper8); break;
        case PixelFormat::Rgb16: gradeRow(*this, k, image.row<uint16_t>(y), width, shaper16); break;
        case PixelFormat::RgbF32: gradeRowFloat(*this, k, image.row<float>(y), width); break;
        }
    }
    if (vectorWidth < width) // the last few pixels of each row
        for (int y = yBegin; y < yEnd; ++y)
            applySpanScalar(image, y, vectorWidth, width);
}

} // namespace cg

#pragma GCC pop_options

#else

namespace cg {
void GradeKernel::applyRowsAvx2(Image& image, int yBegin, int yEnd) const
{
    applyRowsScalar(image, yBegin, yEnd);
}
} // namespace cg

#endif
