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
    GradedYuvTable(const CompiledGrade& grade, const YuvFormat& format);

    /// Grade `rgb` (Rgb8) and write it into `frame` (allocated in the table's YuvFormat, same size).
    void convert(const Image& rgb, AVFrame* frame) const;

    /// Whether building the table pays for itself over `pixels` pixels of video.
    static bool worthwhile(double pixels) { return pixels >= 4.0 * 16777216.0; }

private:
    template <typename Sample> void convertRows(const Image& rgb, AVFrame* frame) const;

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

} // namespace cg
