#include "CompiledGrade.h"

#include "ColorPipeline.h"
#include "GradeKernel.h"
#include "GradeProgram.h"
#include "ParallelFor.h"
#include "TetrahedralCases.h"

#include <algorithm>
#include <cmath>

namespace cg {

namespace {

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
    buildKernel();
}

void CompiledGrade::buildKernel()
{
    auto kernel = std::make_shared<GradeKernel>();
    const int n = m_lut.size;
    const uint32_t un = uint32_t(n);
    kernel->size = n;
    kernel->stride[0] = 4u;
    kernel->stride[1] = 4u * un;
    kernel->stride[2] = 4u * un * un;
    kernel->lattice.assign(m_lut.values.size() / 3 * 4, 0.0f);
    for (size_t i = 0, count = m_lut.values.size() / 3; i < count; ++i)
        for (size_t c = 0; c < 3; ++c)
            kernel->lattice[i * 4 + c] = m_lut.values[i * 3 + c];
    for (int k = 0; k < 8; ++k) {
        const tetrahedral::Order order = tetrahedral::kOrders[k];
        kernel->offset1[k] = kernel->stride[order.max];
        kernel->offset2[k] = kernel->stride[order.max] + kernel->stride[order.mid];
    }
    kernel->diagonal = kernel->stride[0] + kernel->stride[1] + kernel->stride[2];

    // Input shaper: where each code value lands on the lattice, exact per code value.
    for (int c = 0; c < 3; ++c) {
        const double lo = m_lut.domainMin[c], span = m_lut.domainMax[c] - lo;
        auto position = [&](double x) {
            const double y = m_separable ? m_program->primary(c, x) : x;
            return float(std::clamp((y - lo) / span, 0.0, 1.0) * (n - 1));
        };
        kernel->shaper8[c].resize(256);
        for (int code = 0; code < 256; ++code)
            kernel->shaper8[c][size_t(code)] = position(code / 255.0);
        kernel->shaper16[c].resize(65536);
        for (int code = 0; code < 65536; ++code)
            kernel->shaper16[c][size_t(code)] = position(code / 65535.0);
    }

    // Output curves over the range of the lattice values (tetrahedral output is a convex combination
    // of them, so that range is all a table has to cover).
    kernel->hasOutputCurves = m_hasOutputCurves;
    if (m_hasOutputCurves)
        for (int c = 0; c < 3; ++c) {
            float lo = m_lut.values[size_t(c)], hi = lo;
            for (size_t i = size_t(c); i < m_lut.values.size(); i += 3) {
                lo = std::min(lo, m_lut.values[i]);
                hi = std::max(hi, m_lut.values[i]);
            }
            hi = std::max(hi, lo + 1e-6f);
            kernel->curve[c].resize(GradeKernel::kCurveSize);
            kernel->curveMin[c] = lo;
            kernel->curveScale[c] = float(GradeKernel::kCurveSize - 1) / (hi - lo);
            for (int i = 0; i < GradeKernel::kCurveSize; ++i)
                kernel->curve[c][size_t(i)] =
                    float(m_program->curve(c, lo + (hi - lo) * double(i) / (GradeKernel::kCurveSize - 1)));
        }
    m_kernel = std::move(kernel);
}

Rgb CompiledGrade::evaluateExact(Rgb in) const
{
    in = clamp01(in);
    if (!m_pipeline)
        return m_program->apply(in);
    return m_pipeline->toDisplay(m_program->apply(m_pipeline->toWorking(in)));
}

Rgb CompiledGrade::apply(Rgb in) const
{
    in = clamp01(in);
    const Rgb y = m_separable ? m_program->primaries(in) : in;
    float position[3];
    for (int c = 0; c < 3; ++c)
        position[c] = float(std::clamp((y[c] - m_lut.domainMin[c]) / (m_lut.domainMax[c] - m_lut.domainMin[c]), 0.0, 1.0) *
                            (m_lut.size - 1));
    float out[3];
    m_kernel->interpolate(position[0], position[1], position[2], out);
    return {out[0], out[1], out[2]};
}

void CompiledGrade::buildFullTable8()
{
    if (m_full8)
        return;
    // 256^3 RGB entries: the graded colour of every 8-bit input, made by the same kernel that grades
    // frames (an "image" of all 8-bit colours), so the table gives exactly the pixels it would.
    auto table = std::make_shared<std::vector<uint8_t>>(size_t(256) * 256 * 256 * 3);
    parallelFor(256, [&](int bBegin, int bEnd) {
        Image slice(256, 256, PixelFormat::Rgb8);
        for (int b = bBegin; b < bEnd; ++b) {
            for (int g = 0; g < 256; ++g) {
                uint8_t* p = slice.row<uint8_t>(g);
                for (int r = 0; r < 256; ++r, p += 3)
                    p[0] = uint8_t(r), p[1] = uint8_t(g), p[2] = uint8_t(b);
            }
            m_kernel->applyRows(slice, 0, 256);
            std::copy(slice.bits(), slice.bits() + slice.byteCount(), table->data() + size_t(b) * 256 * 256 * 3);
        }
    }, 1);
    m_full8 = std::move(table);
}

void CompiledGrade::apply(Image& image) const
{
    if (m_identity || image.isNull())
        return;
    if (image.format() == PixelFormat::Rgb8 && m_full8) {
        const uint8_t* table = m_full8->data();
        const size_t count = image.pixelCount();
        uint8_t* base = image.bits();
        constexpr size_t kChunk = 16384;
        parallelFor(int((count + kChunk - 1) / kChunk), [&](int chunkBegin, int chunkEnd) {
            uint8_t* p = base + size_t(chunkBegin) * kChunk * 3;
            uint8_t* end = base + std::min(count, size_t(chunkEnd) * kChunk) * 3;
            for (; p != end; p += 3) {
                const uint8_t* t = table + ((size_t(p[2]) << 16) | (size_t(p[1]) << 8) | p[0]) * 3;
                p[0] = t[0], p[1] = t[1], p[2] = t[2];
            }
        }, 1);
        return;
    }
    parallelFor(image.height(), [&](int yBegin, int yEnd) { m_kernel->applyRows(image, yBegin, yEnd); });
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
