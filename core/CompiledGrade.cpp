#include "CompiledGrade.h"

#include "ColorPipeline.h"
#include "GradeProgram.h"
#include "ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cg {

namespace {

/// Tetrahedral interpolation on a float RGB lattice, the same six-way split (and tie handling) as
/// Lut3D::apply, so the fast path and the reference agree bit for bit up to float rounding.
/// `dr`, `dg`, `db` are the float strides of one lattice step along R, G and B.
inline void tetrahedral(const float* c000, float fr, float fg, float fb, uint32_t dr, uint32_t dg, uint32_t db,
                        float* out)
{
    uint32_t o1, o2;
    float w0, w1, w2, w3;
    if (fr > fg) {
        if (fg > fb) {
            o1 = dr, o2 = dr + dg, w0 = 1 - fr, w1 = fr - fg, w2 = fg - fb, w3 = fb;
        } else if (fr > fb) {
            o1 = dr, o2 = dr + db, w0 = 1 - fr, w1 = fr - fb, w2 = fb - fg, w3 = fg;
        } else {
            o1 = db, o2 = dr + db, w0 = 1 - fb, w1 = fb - fr, w2 = fr - fg, w3 = fg;
        }
    } else if (fb > fg) {
        o1 = db, o2 = dg + db, w0 = 1 - fb, w1 = fb - fg, w2 = fg - fr, w3 = fr;
    } else if (fb > fr) {
        o1 = dg, o2 = dg + db, w0 = 1 - fg, w1 = fg - fb, w2 = fb - fr, w3 = fr;
    } else {
        o1 = dg, o2 = dr + dg, w0 = 1 - fg, w1 = fg - fr, w2 = fr - fb, w3 = fb;
    }
    const float* c1 = c000 + o1;
    const float* c2 = c000 + o2;
    const float* c111 = c000 + dr + dg + db;
    out[0] = w0 * c000[0] + w1 * c1[0] + w2 * c2[0] + w3 * c111[0];
    out[1] = w0 * c000[1] + w1 * c1[1] + w2 * c2[1] + w3 * c111[1];
    out[2] = w0 * c000[2] + w1 * c1[2] + w2 * c2[2] + w3 * c111[2];
}

template <typename Sample> inline Sample toCode(float v)
{
    constexpr float maxCode = float(std::numeric_limits<Sample>::max());
    return Sample(std::clamp(v, 0.0f, 1.0f) * maxCode + 0.5f);
}

Rgb clamp01(Rgb v)
{
    for (int c = 0; c < 3; ++c)
        v[c] = std::clamp(v[c], 0.0, 1.0);
    return v;
}

} // namespace

CompiledGrade::CompiledGrade() : CompiledGrade(Grade{}) {}

CompiledGrade::CompiledGrade(const Grade& grade, int lutSize, std::shared_ptr<const ColorPipeline> pipeline)
    : m_grade(grade), m_program(std::make_shared<GradeProgram>(grade)), m_pipeline(std::move(pipeline))
{
    if (m_pipeline && m_pipeline->isIdentity())
        m_pipeline.reset();
    m_separable = !m_pipeline;
    m_identity = m_separable && grade.isIdentity();

    m_hasOutputCurves = m_separable && m_program->hasCurves() && !m_program->hasLook();
    const int n = std::clamp(lutSize, 2, 256);
    m_lut = Lut3D::identity(n);
    if (m_separable) {
        // The primaries are monotone per channel, so the lattice only needs to span their image of 0..1.
        for (int c = 0; c < 3; ++c) {
            const double a = m_program->primary(c, 0.0), b = m_program->primary(c, 1.0);
            m_lut.domainMin[c] = std::min(a, b);
            m_lut.domainMax[c] = std::max(std::max(a, b), std::min(a, b) + 1e-6);
        }
    }
    const Rgb lo = m_lut.domainMin, hi = m_lut.domainMax;
    parallelFor(n, [&](int bBegin, int bEnd) {
        for (int b = bBegin; b < bEnd; ++b)
            for (int g = 0; g < n; ++g)
                for (int r = 0; r < n; ++r) {
                    const Rgb t{double(r) / (n - 1), double(g) / (n - 1), double(b) / (n - 1)};
                    const Rgb p{lo.r + t.r * (hi.r - lo.r), lo.g + t.g * (hi.g - lo.g), lo.b + t.b * (hi.b - lo.b)};
                    if (!m_separable)
                        m_lut.set(r, g, b, evaluateExact(p));
                    else if (m_hasOutputCurves)
                        m_lut.set(r, g, b, m_program->saturate(p));
                    else
                        m_lut.set(r, g, b, m_program->secondaries(p));
                }
    }, 1);
    if (m_hasOutputCurves)
        buildOutputCurves();
    buildShaper(m_shaper8, 256);
    buildShaper(m_shaper16, 65536);
}

void CompiledGrade::buildOutputCurves()
{
    for (int c = 0; c < 3; ++c) {
        // Tetrahedral output is a convex combination of lattice values: their range is all the
        // curve table has to cover.
        float lo = m_lut.values[size_t(c)], hi = lo;
        for (size_t i = size_t(c); i < m_lut.values.size(); i += 3) {
            lo = std::min(lo, m_lut.values[i]);
            hi = std::max(hi, m_lut.values[i]);
        }
        hi = std::max(hi, lo + 1e-6f);
        OutputCurve& curve = m_outputCurves[c];
        curve.values.resize(kOutputCurveSize);
        curve.minimum = lo;
        curve.scale = float(kOutputCurveSize - 1) / (hi - lo);
        for (int i = 0; i < kOutputCurveSize; ++i)
            curve.values[size_t(i)] = float(m_program->curve(c, lo + (hi - lo) * double(i) / (kOutputCurveSize - 1)));
    }
}

inline void CompiledGrade::finishColour(float* rgb) const
{
    if (!m_hasOutputCurves)
        return;
    for (int c = 0; c < 3; ++c) {
        const OutputCurve& curve = m_outputCurves[c];
        const float t = std::clamp((rgb[c] - curve.minimum) * curve.scale, 0.0f, float(kOutputCurveSize - 1));
        const int i = std::min(int(t), kOutputCurveSize - 2);
        const float f = t - float(i);
        rgb[c] = curve.values[size_t(i)] + f * (curve.values[size_t(i) + 1] - curve.values[size_t(i)]);
    }
}

Rgb CompiledGrade::evaluateExact(Rgb in) const
{
    in = clamp01(in);
    if (!m_pipeline)
        return m_program->apply(in);
    return m_pipeline->toDisplay(m_program->apply(m_pipeline->toWorking(in)));
}

void CompiledGrade::buildShaper(std::vector<ShaperEntry> (&shaper)[3], int codeCount) const
{
    const int n = m_lut.size;
    const uint32_t stride[3] = {3u, 3u * uint32_t(n), 3u * uint32_t(n) * uint32_t(n)};
    for (int c = 0; c < 3; ++c) {
        shaper[c].resize(size_t(codeCount));
        const double lo = m_lut.domainMin[c], span = m_lut.domainMax[c] - lo;
        for (int code = 0; code < codeCount; ++code) {
            const double x = double(code) / (codeCount - 1);
            const double y = m_separable ? m_program->primary(c, x) : x;
            const double pos = std::clamp((y - lo) / span, 0.0, 1.0) * (n - 1);
            const int i = std::min(int(pos), n - 2);
            shaper[c][size_t(code)] = {uint32_t(i) * stride[c], float(pos - i)};
        }
    }
}

Rgb CompiledGrade::apply(Rgb in) const
{
    in = clamp01(in);
    const Rgb v = m_lut.apply(m_separable ? m_program->primaries(in) : in);
    float rgb[3] = {float(v.r), float(v.g), float(v.b)};
    finishColour(rgb);
    return {rgb[0], rgb[1], rgb[2]};
}

template <typename Sample>
void CompiledGrade::applyTetrahedral(Image& image, const std::vector<ShaperEntry> (&shaper)[3]) const
{
    const uint32_t n = uint32_t(m_lut.size);
    const uint32_t dr = 3, dg = 3 * n, db = 3 * n * n;
    const float* lut = m_lut.values.data();
    const ShaperEntry* sr = shaper[0].data();
    const ShaperEntry* sg = shaper[1].data();
    const ShaperEntry* sb = shaper[2].data();
    const int width = image.width();
    parallelFor(image.height(), [&](int yBegin, int yEnd) {
        for (int y = yBegin; y < yEnd; ++y) {
            Sample* p = image.row<Sample>(y);
            for (int x = 0; x < width; ++x, p += 3) {
                const ShaperEntry& er = sr[p[0]];
                const ShaperEntry& eg = sg[p[1]];
                const ShaperEntry& eb = sb[p[2]];
                float out[3];
                tetrahedral(lut + er.offset + eg.offset + eb.offset, er.fraction, eg.fraction, eb.fraction, dr, dg,
                            db, out);
                finishColour(out);
                p[0] = toCode<Sample>(out[0]);
                p[1] = toCode<Sample>(out[1]);
                p[2] = toCode<Sample>(out[2]);
            }
        }
    });
}

void CompiledGrade::applyFloat(Image& image) const
{
    // Float frames are quantised to 16 bits on the way into the shaper: 1/131070 is far below the
    // 1/1023 the LUT itself is held to, and it keeps one shaper for both deep formats.
    const uint32_t n = uint32_t(m_lut.size);
    const uint32_t dr = 3, dg = 3 * n, db = 3 * n * n;
    const int width = image.width();
    parallelFor(image.height(), [&](int yBegin, int yEnd) {
        for (int y = yBegin; y < yEnd; ++y) {
            float* p = image.row<float>(y);
            for (int x = 0; x < width; ++x, p += 3) {
                const ShaperEntry* e[3];
                for (int c = 0; c < 3; ++c) {
                    const float v = std::isnan(p[c]) ? 0.0f : std::clamp(p[c], 0.0f, 1.0f);
                    e[c] = &m_shaper16[c][size_t(v * 65535.0f + 0.5f)];
                }
                tetrahedral(m_lut.values.data() + e[0]->offset + e[1]->offset + e[2]->offset, e[0]->fraction,
                            e[1]->fraction, e[2]->fraction, dr, dg, db, p);
                finishColour(p);
            }
        }
    });
}

void CompiledGrade::buildFullTable8()
{
    if (!m_full8.empty())
        return;
    // 256^3 RGB entries: the graded colour of every 8-bit input, computed with the same tetrahedral
    // path, so the table gives exactly the pixels applyTetrahedral<uint8_t> would.
    m_full8.resize(size_t(256) * 256 * 256 * 3);
    const uint32_t n = uint32_t(m_lut.size);
    const uint32_t dr = 3, dg = 3 * n, db = 3 * n * n;
    parallelFor(256, [&](int bBegin, int bEnd) {
        for (int b = bBegin; b < bEnd; ++b) {
            const ShaperEntry& eb = m_shaper8[2][size_t(b)];
            for (int g = 0; g < 256; ++g) {
                const ShaperEntry& eg = m_shaper8[1][size_t(g)];
                uint8_t* out = &m_full8[((size_t(b) << 16) | (size_t(g) << 8)) * 3];
                for (int r = 0; r < 256; ++r, out += 3) {
                    const ShaperEntry& er = m_shaper8[0][size_t(r)];
                    float v[3];
                    tetrahedral(m_lut.values.data() + er.offset + eg.offset + eb.offset, er.fraction, eg.fraction,
                                eb.fraction, dr, dg, db, v);
                    finishColour(v);
                    out[0] = toCode<uint8_t>(v[0]);
                    out[1] = toCode<uint8_t>(v[1]);
                    out[2] = toCode<uint8_t>(v[2]);
                }
            }
        }
    }, 1);
}

void CompiledGrade::applyFullTable8(Image& image) const
{
    const uint8_t* table = m_full8.data();
    const size_t count = image.pixelCount();
    uint8_t* base = image.bits();
    parallelFor(int((count + 4095) / 4096), [&](int chunkBegin, int chunkEnd) {
        uint8_t* p = base + size_t(chunkBegin) * 4096 * 3;
        uint8_t* end = base + std::min(count, size_t(chunkEnd) * 4096) * 3;
        for (; p != end; p += 3) {
            const uint8_t* t = table + ((size_t(p[2]) << 16) | (size_t(p[1]) << 8) | p[0]) * 3;
            p[0] = t[0];
            p[1] = t[1];
            p[2] = t[2];
        }
    }, 1);
}

void CompiledGrade::apply(Image& image) const
{
    if (m_identity || image.isNull())
        return;
    switch (image.format()) {
    case PixelFormat::Rgb8:
        if (!m_full8.empty())
            applyFullTable8(image);
        else
            applyTetrahedral<uint8_t>(image, m_shaper8);
        break;
    case PixelFormat::Rgb16: applyTetrahedral<uint16_t>(image, m_shaper16); break;
    case PixelFormat::RgbF32: applyFloat(image); break;
    }
}

Image CompiledGrade::applied(const Image& image) const
{
    Image out = image;
    apply(out);
    return out;
}

Lut3D CompiledGrade::bakeCube(int size) const
{
    Lut3D cube = Lut3D::identity(std::clamp(size, 2, 256));
    const int n = cube.size;
    parallelFor(n, [&](int bBegin, int bEnd) {
        for (int b = bBegin; b < bEnd; ++b)
            for (int g = 0; g < n; ++g)
                for (int r = 0; r < n; ++r)
                    cube.set(r, g, b, evaluateExact(cube.at(r, g, b)));
    }, 1);
    return cube;
}

} // namespace cg
