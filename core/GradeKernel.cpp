#include "GradeKernel.h"

#include "TetrahedralCases.h"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cg {

namespace {

template <typename Sample> inline Sample toCode(float v)
{
    constexpr float maxCode = float(std::numeric_limits<Sample>::max());
    return Sample(std::clamp(v, 0.0f, 1.0f) * maxCode + 0.5f);
}

inline uint32_t code16(float v)
{
    return uint32_t((std::isnan(v) ? 0.0f : std::clamp(v, 0.0f, 1.0f)) * 65535.0f + 0.5f);
}

} // namespace

bool GradeKernel::cpuHasAvx2()
{
#if defined(__x86_64__) || defined(__i386__)
    static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return available;
#else
    return false;
#endif
}

void GradeKernel::applyRows(Image& image, int yBegin, int yEnd) const
{
    if (cpuHasAvx2())
        applyRowsAvx2(image, yBegin, yEnd);
    else
        applyRowsScalar(image, yBegin, yEnd);
}

void GradeKernel::interpolate(float positionR, float positionG, float positionB, float* out) const
{
    const float position[3] = {positionR, positionG, positionB};
    uint32_t base = 0;
    float f[3];
    for (int c = 0; c < 3; ++c) {
        const int i = std::min(int(position[c]), size - 2);
        f[c] = position[c] - float(i);
        base += uint32_t(i) * stride[c];
    }
    const int k = tetrahedral::caseIndex(f[0], f[1], f[2]);
    const tetrahedral::Order order = tetrahedral::kOrders[k];
    const float fMax = f[order.max], fMid = f[order.mid], fMin = f[order.min];
    const float* c0 = lattice.data() + base;
    const float* c1 = c0 + offset1[k];
    const float* c2 = c0 + offset2[k];
    const float* c3 = c0 + diagonal;
#if defined(__SSE2__)
    __m128 acc = _mm_mul_ps(_mm_loadu_ps(c0), _mm_set1_ps(1.0f - fMax));
    acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(c1), _mm_set1_ps(fMax - fMid)));
    acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(c2), _mm_set1_ps(fMid - fMin)));
    acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(c3), _mm_set1_ps(fMin)));
    alignas(16) float rgbx[4];
    _mm_store_ps(rgbx, acc);
#else
    float rgbx[4];
    for (int c = 0; c < 4; ++c)
        rgbx[c] = c0[c] * (1.0f - fMax) + c1[c] * (fMax - fMid) + c2[c] * (fMid - fMin) + c3[c] * fMin;
#endif
    for (int c = 0; c < 3; ++c) {
        float v = rgbx[c];
        if (hasOutputCurves) {
            const float t = std::clamp((v - curveMin[c]) * curveScale[c], 0.0f, float(kCurveSize - 1));
            const int i = std::min(int(t), kCurveSize - 2);
            const float w = t - float(i);
            v = curve[c][size_t(i)] + w * (curve[c][size_t(i) + 1] - curve[c][size_t(i)]);
        }
        out[c] = v;
    }
}

void GradeKernel::applyRowsScalar(Image& image, int yBegin, int yEnd) const
{
    for (int y = yBegin; y < yEnd; ++y)
        applySpanScalar(image, y, 0, image.width());
}

void GradeKernel::applySpanScalar(Image& image, int y, int xBegin, int xEnd) const
{
    float out[3];
    switch (image.format()) {
    case PixelFormat::Rgb8:
        for (uint8_t *p = image.row<uint8_t>(y) + 3 * xBegin, *end = image.row<uint8_t>(y) + 3 * xEnd; p != end; p += 3) {
            interpolate(shaper8[0][p[0]], shaper8[1][p[1]], shaper8[2][p[2]], out);
            p[0] = toCode<uint8_t>(out[0]), p[1] = toCode<uint8_t>(out[1]), p[2] = toCode<uint8_t>(out[2]);
        }
        break;
    case PixelFormat::Rgb16:
        for (uint16_t *p = image.row<uint16_t>(y) + 3 * xBegin, *end = image.row<uint16_t>(y) + 3 * xEnd; p != end; p += 3) {
            interpolate(shaper16[0][p[0]], shaper16[1][p[1]], shaper16[2][p[2]], out);
            p[0] = toCode<uint16_t>(out[0]), p[1] = toCode<uint16_t>(out[1]), p[2] = toCode<uint16_t>(out[2]);
        }
        break;
    case PixelFormat::RgbF32:
        // Float frames are quantised to 16 bits on the way into the shaper: 1/131070 is far below
        // the 1/1023 the LUT itself is held to, and one shaper serves both deep formats.
        for (float *p = image.row<float>(y) + 3 * xBegin, *end = image.row<float>(y) + 3 * xEnd; p != end; p += 3) {
            interpolate(shaper16[0][code16(p[0])], shaper16[1][code16(p[1])], shaper16[2][code16(p[2])], out);
            p[0] = out[0], p[1] = out[1], p[2] = out[2];
        }
        break;
    }
}

} // namespace cg
