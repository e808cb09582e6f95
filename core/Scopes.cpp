#include "Scopes.h"

#include "ColorMath.h"

#include <algorithm>
#include <limits>

namespace cg {

namespace {

constexpr int kLevels = ScopeData::kWaveformLevels;
constexpr int kVector = ScopeData::kVectorscopeSize;
static_assert(ScopeData::kHistogramBins == kLevels, "histogram bins and waveform levels share one mapping");

// BT.709 Y'CbCr (Rec. ITU-R BT.709-6, item 3.2-3.3): Cb = (B' - Y') / 1.8556, Cr = (R' - Y') / 1.5748.
// B' - Y' is written as kR (B' - R') + kG (B' - G') (because kB = 1 - kR - kG), and R' - Y' likewise,
// so a neutral pixel gives exactly Cb = Cr = 0 and lands in the centre bin with no rounding jitter.
constexpr float kR = float(ColorMath::kLumaR);
constexpr float kG = float(ColorMath::kLumaG);
constexpr float kB = float(ColorMath::kLumaB);
constexpr float kCbScale = float(1.0 / 1.8556);
constexpr float kCrScale = float(1.0 / 1.5748);

/// Normalised value of every code value, as the correctly rounded float c / max, and the level it
/// falls on. For 16-bit code c * 257 this is the same float as 8-bit c / 255, so the scopes of an
/// 8-bit frame and of its 16-bit or float copy are identical.
template <int MaxCode> struct CodeTable
{
    float values[MaxCode + 1];
    uint8_t levels[MaxCode + 1];
    CodeTable()
    {
        for (int i = 0; i <= MaxCode; ++i) {
            values[i] = float(i) / float(MaxCode);
            levels[i] = uint8_t(int(values[i] * float(kLevels - 1) + 0.5f));
        }
    }
};
static_assert(kLevels == 256, "channel levels are stored as bytes");

template <int MaxCode> const CodeTable<MaxCode>& codeTable()
{
    static const CodeTable<MaxCode> table; // static storage, built once on first use (thread-safe)
    return table;
}

/// Clamp to 0..1; NaN goes to 0 (the comparisons are false for it).
inline float clamp01(float v)
{
    return v > 0.0f ? (v < 1.0f ? v : 1.0f) : 0.0f;
}

/// 0..1 -> nearest of kLevels levels. The argument is already clamped, so the result is in range.
inline int level(float v)
{
    return int(v * float(kLevels - 1) + 0.5f);
}

/// -0.5..0.5 -> nearest of kVector bins, clamped (Cr of pure red is 0.5 give or take one ulp).
inline int chromaBin(float c)
{
    return int(clamp01(c + 0.5f) * float(kVector - 1) + 0.5f);
}

/// One pixel, read as clamped normalised R'G'B' plus the level of each channel.
struct Pixel
{
    float r, g, b;
    int lr, lg, lb;
};

template <typename T> struct IntegerReader
{
    const CodeTable<std::numeric_limits<T>::max()>& table = codeTable<std::numeric_limits<T>::max()>();
    Pixel operator()(const T* p) const
    {
        return {table.values[p[0]], table.values[p[1]], table.values[p[2]],
                table.levels[p[0]], table.levels[p[1]], table.levels[p[2]]};
    }
};

struct FloatReader
{
    Pixel operator()(const float* p) const
    {
        const float r = clamp01(p[0]);
        const float g = clamp01(p[1]);
        const float b = clamp01(p[2]);
        return {r, g, b, level(r), level(g), level(b)};
    }
};

/// The hot loop: waveforms and vectorscope only; the histograms are the waveforms summed over columns.
template <typename T, typename Reader>
void accumulate(const Image& image, int subH, const std::vector<int>& sourceOffset,
                const std::vector<int>& bucket, ScopeData& d)
{
    const Reader read;
    uint32_t* lumaWave = d.lumaWaveform.data();
    uint32_t* redWave = d.rgbWaveform[0].data();
    uint32_t* greenWave = d.rgbWaveform[1].data();
    uint32_t* blueWave = d.rgbWaveform[2].data();
    uint32_t* vector = d.vectorscope.data();
    const int subW = int(sourceOffset.size());
    const int height = image.height();
    for (int j = 0; j < subH; ++j) {
        const int sy = int((int64_t(2 * j + 1) * height) / (2 * int64_t(subH)));
        const T* row = image.row<T>(sy);
        for (int i = 0; i < subW; ++i) {
            const Pixel px = read(row + sourceOffset[size_t(i)]);
            const float y = kR * px.r + kG * px.g + kB * px.b;
            const float cb = (kR * (px.b - px.r) + kG * (px.b - px.g)) * kCbScale;
            const float cr = (kG * (px.r - px.g) + kB * (px.r - px.b)) * kCrScale;
            const size_t base = size_t(bucket[size_t(i)]) * kLevels;
            ++lumaWave[base + size_t(level(clamp01(y)))];
            ++redWave[base + size_t(px.lr)];
            ++greenWave[base + size_t(px.lg)];
            ++blueWave[base + size_t(px.lb)];
            // v = 0 is the top of the plane, Cr = +0.5.
            ++vector[size_t(chromaBin(-cr)) * kVector + size_t(chromaBin(cb))];
        }
    }
}

void sumColumns(const std::vector<uint32_t>& waveform, int columns,
                std::array<uint32_t, ScopeData::kHistogramBins>& histogram)
{
    for (int c = 0; c < columns; ++c) {
        const uint32_t* column = waveform.data() + size_t(c) * kLevels;
        for (int l = 0; l < kLevels; ++l)
            histogram[size_t(l)] += column[l];
    }
}

} // namespace

ScopeData computeScopes(const Image& image, const ScopeOptions& options)
{
    // The vectorscope plane has a fixed size, so it is always there; a null image has no columns,
    // hence empty waveforms (waveformColumns = 0) and zero samples.
    ScopeData d;
    d.vectorscope.assign(size_t(kVector) * kVector, 0);
    if (image.isNull())
        return d;

    // Nearest-neighbour subsampling: subW = min(width, maxWidth) columns, and as many rows as keep
    // the aspect ratio (at least one). Source x of output column i is the pixel under the centre of
    // that column, likewise for rows. maxWidth <= 0 means no limit. There are never more waveform
    // buckets than columns, so no bucket is left empty.
    const int width = image.width();
    const int height = image.height();
    const int subW = options.maxWidth > 0 ? std::min(width, options.maxWidth) : width;
    const int subH = std::clamp(int((int64_t(height) * subW + width / 2) / width), 1, height);
    const int columns = std::clamp(options.waveformColumns, 1, subW);

    d.waveformColumns = columns;
    d.lumaWaveform.assign(size_t(columns) * kLevels, 0);
    for (auto& w : d.rgbWaveform)
        w.assign(size_t(columns) * kLevels, 0);
    d.samples = uint64_t(subW) * uint64_t(subH);

    // Per output column: offset of the source pixel's first sample, and its waveform bucket.
    std::vector<int> sourceOffset(static_cast<size_t>(subW));
    std::vector<int> bucket(static_cast<size_t>(subW));
    for (int i = 0; i < subW; ++i) {
        sourceOffset[size_t(i)] = int((int64_t(2 * i + 1) * width) / (2 * int64_t(subW))) * 3;
        bucket[size_t(i)] = int(int64_t(i) * columns / subW);
    }

    switch (image.format()) {
    case PixelFormat::Rgb8:
        accumulate<uint8_t, IntegerReader<uint8_t>>(image, subH, sourceOffset, bucket, d);
        break;
    case PixelFormat::Rgb16:
        accumulate<uint16_t, IntegerReader<uint16_t>>(image, subH, sourceOffset, bucket, d);
        break;
    case PixelFormat::RgbF32:
        accumulate<float, FloatReader>(image, subH, sourceOffset, bucket, d);
        break;
    }
    sumColumns(d.lumaWaveform, columns, d.lumaHistogram);
    for (int c = 0; c < 3; ++c)
        sumColumns(d.rgbWaveform[size_t(c)], columns, d.rgbHistogram[size_t(c)]);
    return d;
}

} // namespace cg
