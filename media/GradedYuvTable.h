#pragma once

#include "CompiledGrade.h"
#include "Image.h"
#include "YuvFormat.h"

#include <cstdint>
#include <memory>

struct AVFrame;

namespace cg {

/// For 8-bit sources: the grade and the RGB -> Y'CbCr conversion fused into one table over all 256^3
/// inputs, so each pixel of an export costs one 32-bit gather instead of a grade pass plus a
/// conversion pass over the frame (grading becomes nearly free next to the encoder, DESIGN.md §6).
///
/// The graded colours come from CompiledGrade::apply on an image holding every 8-bit colour: the same
/// evaluation the viewer uses, bit for bit. Each entry then holds the graded colour in the target
/// encoding: Y' rounded to the output depth, Cb and Cr with extra fraction bits so that the chroma
/// subsampling filter rounds only once. Subsampled chroma is the mean of each 2 (4:2:2) or 2x2 (4:2:0)
/// block, chroma sited between the luma samples: what libswscale produces from RGB (and so what the
/// YuvConverter path gives) and what it, and so our decoder, assumes when it reads the file back.
/// Private to media/. 64 MiB; building it grades 16.7 M colours (about as much work as 8 frames of 1080p).
class GradedYuvTable
{
public:
    enum class Path
    {
        Best, ///< AVX2 where the CPU has it
        Scalar,
        Avx2 ///< taken as Scalar on a CPU without AVX2
    };

    GradedYuvTable(const CompiledGrade& grade, const YuvFormat& format);

    /// Grade `rgb` (Rgb8) and write it into `frame` (allocated in the table's YuvFormat, same size).
    /// Every path gives the same bits (integer arithmetic only).
    void convert(const Image& rgb, AVFrame* frame, Path path = Path::Best) const;

    /// AVX2 available on this CPU (the Best path uses it then).
    static bool cpuHasAvx2();

    /// Whether building the table pays for itself over `pixels` pixels of video.
    static bool worthwhile(double pixels) { return pixels >= 4.0 * 16777216.0; }

private:
    template <typename Sample> void convertRows(const Image& rgb, AVFrame* frame, bool avx2) const;

    YuvFormat m_format;
    int m_lumaBits = 8;
    int m_chromaBits = 12;
    int m_fractionBits = 4;
    struct FreeDeleter
    {
        void operator()(uint32_t* table) const;
    };
    /// 2^24 entries, index (b << 16) | (g << 8) | r; every one written, so not cleared first.
    std::unique_ptr<uint32_t[], FreeDeleter> m_table;
};

namespace gradedyuvdetail {

/// The layout of the table's entries and of the chroma filter, for the row kernels.
struct RowLayout
{
    int lumaBits = 8;
    uint32_t lumaMask = 0xff;
    uint32_t chromaMask = 0xfff;
    int crShift = 20;
    int shiftX = 1; ///< 0 (4:4:4) or 1 (4:2:2, 4:2:0)
    int shiftY = 0; ///< 1 (4:2:0): each chroma sample also sums the second row's entries
    int totalShift = 0;
    uint32_t rounding = 0;
    bool out16 = false; ///< 16-bit samples (10-bit output), else 8-bit
};

// The AVX2 row kernels (GradedYuvTableAvx2.cpp): the same integer arithmetic as the scalar loops in
// GradedYuvTable.cpp, so the same bits. Each does a prefix of the row and returns where the scalar
// code takes over.

/// Table entries of pixels [0, n) of an RGB8 row into `entries` and their luma into `luma`.
int gatherRowAvx2(const uint32_t* table, const uint8_t* rgb, int width, uint32_t* entries, void* luma,
                  const RowLayout& layout);
/// Chroma samples [0, n) of one chroma row from the entries of its luma row `e0`, and for 4:2:0 of
/// the row below `e1` (e0 again for an odd last row).
int chromaRowAvx2(const uint32_t* e0, const uint32_t* e1, int width, void* cb, void* cr,
                  const RowLayout& layout);

} // namespace gradedyuvdetail

} // namespace cg
