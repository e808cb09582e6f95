#pragma once

#include "Image.h"

#include <array>
#include <cstdint>
#include <vector>

namespace cg {

/// Data behind the video scopes, computed from an image (usually a subsampled preview frame).
/// Values are counts; a scope widget maps them to brightness. Luma is BT.709 Y' of code values.
struct ScopeData
{
    static constexpr int kHistogramBins = 256;
    static constexpr int kWaveformLevels = 256; ///< vertical resolution of waveform / parade
    static constexpr int kVectorscopeSize = 256; ///< Cb/Cr plane, centre = neutral

    std::array<uint32_t, kHistogramBins> lumaHistogram{};
    std::array<std::array<uint32_t, kHistogramBins>, 3> rgbHistogram{};

    int waveformColumns = 0; ///< one column per bucket of image columns
    /// waveformColumns * kWaveformLevels counts, column-major by level: [column * levels + level],
    /// level 0 = black.
    std::vector<uint32_t> lumaWaveform;
    /// Same layout, one per channel (R, G, B): the RGB parade and the RGB overlay waveform.
    std::array<std::vector<uint32_t>, 3> rgbWaveform;

    /// kVectorscopeSize^2 counts, [v * size + u], u = Cb, v = Cr (BT.709), both scaled so that
    /// +-0.5 spans the plane; v = 0 is the top (Cr = +0.5).
    std::vector<uint32_t> vectorscope;

    uint64_t samples = 0; ///< number of pixels that went in
};

struct ScopeOptions
{
    int maxWidth = 512;       ///< subsample the image to at most this width (and proportional height)
    int waveformColumns = 256;///< horizontal buckets of the waveform and each parade channel
    bool operator==(const ScopeOptions&) const = default;
};

/// Compute every scope in one pass over a subsampled view of the image. Thread-safe, no shared state.
ScopeData computeScopes(const Image& image, const ScopeOptions& options = {});

} // namespace cg
