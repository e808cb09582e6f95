#include "GradedYuvTable.h"

#include "ParallelFor.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <vector>

namespace cg {

GradedYuvTable::GradedYuvTable(const CompiledGrade& grade, const YuvFormat& format) : m_format(format)
{
    m_lumaBits = format.bitDepth;
    m_chromaBits = (32 - m_lumaBits) / 2; // 12 for 8-bit output, 11 for 10-bit
    m_fractionBits = m_chromaBits - format.bitDepth;

    // Every 8-bit colour once, in table order, graded by the one grade path.
    Image colours(4096, 4096, PixelFormat::Rgb8);
    parallelFor(4096, [&](int yBegin, int yEnd) {
        for (int y = yBegin; y < yEnd; ++y) {
            uint8_t* p = colours.row<uint8_t>(y);
            for (uint32_t i = uint32_t(y) << 12, end = i + 4096; i < end; ++i, p += 3) {
                p[0] = uint8_t(i);
                p[1] = uint8_t(i >> 8);
                p[2] = uint8_t(i >> 16);
            }
        }
    });
    grade.apply(colours);

    // Y'CbCr from R'G'B' (ITU-R BT.709-6 items 3.2-3.3 / BT.2020-2 table 4):
    //   Y' = Kr R' + Kg G' + Kb B',  Cb = (B' - Y') / (2 (1 - Kb)),  Cr = (R' - Y') / (2 (1 - Kr)),
    // quantised to limited range (BT.709-6 item 4.6): Y' = (219 Y' + 16) 2^(n-8), C = (224 C + 128) 2^(n-8).
    // Each component is linear in R', G', B', so it is the sum of three per-channel terms, tabulated in
    // 16.16 fixed point (errors below 2^-15 of a code value, far under the rounding step).
    const double kr = format.kr, kb = format.kb, kg = 1.0 - kr - kb;
    const double depthScale = std::ldexp(1.0, format.bitDepth - 8);
    const double chromaScale = depthScale * std::ldexp(1.0, m_fractionBits);
    const double weights[3][3] = {
        {219.0 * kr * depthScale, 219.0 * kg * depthScale, 219.0 * kb * depthScale},
        {-224.0 * kr / (2.0 * (1.0 - kb)) * chromaScale, -224.0 * kg / (2.0 * (1.0 - kb)) * chromaScale,
         224.0 * (1.0 - kb) / (2.0 * (1.0 - kb)) * chromaScale},
        {224.0 * (1.0 - kr) / (2.0 * (1.0 - kr)) * chromaScale,
         -224.0 * kg / (2.0 * (1.0 - kr)) * chromaScale, -224.0 * kb / (2.0 * (1.0 - kr)) * chromaScale}};
    const double offsets[3] = {16.0 * depthScale, 128.0 * chromaScale, 128.0 * chromaScale};
    std::vector<int32_t> terms(3 * 3 * 256); // [component][channel][code value]
    for (int k = 0; k < 3; ++k)
        for (int c = 0; c < 3; ++c)
            for (int v = 0; v < 256; ++v)
                terms[size_t((k * 3 + c) * 256 + v)] = int32_t(
                    std::lround(std::ldexp(weights[k][c] * v / 255.0 + (c == 0 ? offsets[k] : 0.0), 16)));
    const int32_t maxima[3] = {(1 << m_lumaBits) - 1, (1 << m_chromaBits) - 1, (1 << m_chromaBits) - 1};
    const int lumaBits = m_lumaBits, chromaBits = m_chromaBits;
    // 64 MiB gathered at random: with 4 KiB pages nearly every lookup misses the TLB. Aligned to and
    // advised for 2 MiB pages (Linux transparent huge pages), the gather runs markedly faster.
    constexpr size_t kHugePage = size_t(2) << 20;
    constexpr size_t kBytes = (size_t(1) << 24) * sizeof(uint32_t);
    m_table.reset(static_cast<uint32_t*>(std::aligned_alloc(kHugePage, kBytes)));
    if (!m_table)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(m_table.get(), kBytes, MADV_HUGEPAGE);
#endif
    uint32_t* table = m_table.get();
    parallelFor(4096, [&](int yBegin, int yEnd) {
        for (int y = yBegin; y < yEnd; ++y) {
            const uint8_t* p = colours.row<uint8_t>(y);
            uint32_t* out = table + (size_t(y) << 12);
            for (int x = 0; x < 4096; ++x, p += 3) {
                uint32_t q[3];
                for (int k = 0; k < 3; ++k) {
                    const int32_t* t = terms.data() + k * 3 * 256;
                    const int32_t v = (t[p[0]] + t[256 + p[1]] + t[512 + p[2]] + (1 << 15)) >> 16;
                    q[k] = uint32_t(std::clamp(v, 0, maxima[k]));
                }
                const uint32_t yq = q[0], cbq = q[1], crq = q[2];
                out[x] = yq | (cbq << lumaBits) | (crq << (lumaBits + chromaBits));
            }
        }
    });
}

void GradedYuvTable::FreeDeleter::operator()(uint32_t* table) const
{
    std::free(table);
}

void GradedYuvTable::convert(const Image& rgb, AVFrame* frame, Path path) const
{
    const bool avx2 = path != Path::Scalar && cpuHasAvx2();
    if (m_format.bitDepth > 8)
        convertRows<uint16_t>(rgb, frame, avx2);
    else
        convertRows<uint8_t>(rgb, frame, avx2);
}

bool GradedYuvTable::cpuHasAvx2()
{
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool available = __builtin_cpu_supports("avx2");
    return available;
#else
    return false;
#endif
}

template <typename Sample> void GradedYuvTable::convertRows(const Image& rgb, AVFrame* frame, bool avx2) const
{
    const int width = rgb.width();
    const int height = rgb.height();
    const int shiftX = m_format.chromaShiftX;
    const int shiftY = m_format.chromaShiftY;
    const int chromaWidth = (width + (1 << shiftX) - 1) >> shiftX;
    const int chromaHeight = (height + (1 << shiftY) - 1) >> shiftY;
    gradedyuvdetail::RowLayout layout;
    layout.lumaBits = m_lumaBits;
    layout.lumaMask = (1u << m_lumaBits) - 1;
    layout.chromaMask = (1u << m_chromaBits) - 1;
    layout.crShift = m_lumaBits + m_chromaBits;
    layout.shiftX = shiftX;
    layout.shiftY = shiftY;
    // Box filter over each chroma block: 2^(shiftX + shiftY) samples.
    layout.totalShift = shiftX + shiftY + m_fractionBits;
    layout.rounding = layout.totalShift > 0 ? 1u << (layout.totalShift - 1) : 0u;
    layout.out16 = sizeof(Sample) == 2;
    const int lumaBits = layout.lumaBits;
    const uint32_t lumaMask = layout.lumaMask;
    const uint32_t chromaMask = layout.chromaMask;
    const int crShift = layout.crShift;
    const int totalShift = layout.totalShift;
    const uint32_t rounding = layout.rounding;
    const uint32_t* table = m_table.get();
    // The AVX2 kernels exist for x86-64 builds only (GradedYuvTableAvx2.cpp); cpuHasAvx2 says false
    // elsewhere, so they are never called there.
    const bool vector = avx2 && shiftX <= 1;

    parallelFor(
        chromaHeight,
        [&](int begin, int end) {
            std::vector<uint32_t> entries(size_t(width) * 2);
            for (int cy = begin; cy < end; ++cy) {
                const int rows = shiftY ? std::min(2, height - (cy << shiftY)) : 1;
                for (int r = 0; r < rows; ++r) {
                    const int y = (cy << shiftY) + r;
                    const uint8_t* p = rgb.row<uint8_t>(y);
                    uint32_t* e = entries.data() + size_t(r) * size_t(width);
                    Sample* luma =
                        reinterpret_cast<Sample*>(frame->data[0] + ptrdiff_t(y) * frame->linesize[0]);
                    const int done =
                        vector ? gradedyuvdetail::gatherRowAvx2(table, p, width, e, luma, layout) : 0;
                    p += 3 * size_t(done);
                    for (int x = done; x < width; ++x, p += 3) {
                        const uint32_t v = table[(uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0]];
                        e[x] = v;
                        luma[x] = Sample(v & lumaMask);
                    }
                }
                // An odd last row of 4:2:0 pairs with itself.
                const uint32_t* e0 = entries.data();
                const uint32_t* e1 = rows == 2 ? e0 + width : e0;
                Sample* cbRow =
                    reinterpret_cast<Sample*>(frame->data[1] + ptrdiff_t(cy) * frame->linesize[1]);
                Sample* crRow =
                    reinterpret_cast<Sample*>(frame->data[2] + ptrdiff_t(cy) * frame->linesize[2]);
                const auto cb = [&](uint32_t v) { return (v >> lumaBits) & chromaMask; };
                const auto cr = [&](uint32_t v) { return v >> crShift; };
                const int chromaDone =
                    vector ? gradedyuvdetail::chromaRowAvx2(e0, e1, width, cbRow, crRow, layout) : 0;
                for (int cx = chromaDone; cx < chromaWidth; ++cx) {
                    // An odd last column pairs with itself too.
                    const int x0 = cx << shiftX;
                    const int x1 = std::min(x0 + shiftX, width - 1);
                    uint32_t sumCb = cb(e0[x0]), sumCr = cr(e0[x0]);
                    if (shiftX) {
                        sumCb += cb(e0[x1]);
                        sumCr += cr(e0[x1]);
                    }
                    if (shiftY) {
                        sumCb += cb(e1[x0]);
                        sumCr += cr(e1[x0]);
                        if (shiftX) {
                            sumCb += cb(e1[x1]);
                            sumCr += cr(e1[x1]);
                        }
                    }
                    cbRow[cx] = Sample((sumCb + rounding) >> totalShift);
                    crRow[cx] = Sample((sumCr + rounding) >> totalShift);
                }
            }
        },
        8);
}

} // namespace cg
