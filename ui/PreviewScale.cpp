#include "PreviewScale.h"

#include "ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

namespace cg {
namespace {

/// Footprint [begin, end) in source pixels of each output pixel along one axis.
std::vector<int> footprintEdges(int sourceSize, int targetSize)
{
    std::vector<int> edges(size_t(targetSize) + 1);
    for (int i = 0; i <= targetSize; ++i)
        edges[size_t(i)] = int((int64_t(i) * sourceSize) / targetSize);
    return edges;
}

template <typename Sample, typename Accumulator>
void boxDownscale(const Image& src, Image& dst, const std::vector<int>& xs, const std::vector<int>& ys)
{
    parallelFor(
        dst.height(),
        [&](int begin, int end) {
            std::vector<Accumulator> sums(size_t(dst.width()) * 3);
            for (int oy = begin; oy < end; ++oy) {
                std::fill(sums.begin(), sums.end(), Accumulator(0));
                const int y0 = ys[size_t(oy)], y1 = ys[size_t(oy) + 1];
                for (int y = y0; y < y1; ++y) {
                    const Sample* in = src.row<Sample>(y);
                    for (int ox = 0; ox < dst.width(); ++ox) {
                        Accumulator* s = &sums[size_t(ox) * 3];
                        for (int x = xs[size_t(ox)]; x < xs[size_t(ox) + 1]; ++x) {
                            s[0] += in[x * 3 + 0];
                            s[1] += in[x * 3 + 1];
                            s[2] += in[x * 3 + 2];
                        }
                    }
                }
                Sample* out = dst.row<Sample>(oy);
                for (int ox = 0; ox < dst.width(); ++ox) {
                    const int64_t count = int64_t(xs[size_t(ox) + 1] - xs[size_t(ox)]) * int64_t(y1 - y0);
                    for (int c = 0; c < 3; ++c) {
                        const Accumulator sum = sums[size_t(ox) * 3 + size_t(c)];
                        if constexpr (std::is_floating_point_v<Sample>) {
                            out[ox * 3 + c] = Sample(double(sum) / double(count));
                        } else {
                            // Round half up in integers: the same as lround(sum / count) for sums >= 0,
                            // without a division in floating point per sample.
                            out[ox * 3 + c] = Sample((int64_t(sum) * 2 + count) / (2 * count));
                        }
                    }
                }
            }
        },
        4);
}

/// The common case of an exact halving of 8-bit video (1080p -> 540p, 2160p -> 1080p): each output
/// sample the rounded mean of a 2 x 2 block, the same numbers boxDownscale gives, several times faster.
void halve8(const Image& src, Image& dst)
{
    parallelFor(
        dst.height(),
        [&](int begin, int end) {
            for (int oy = begin; oy < end; ++oy) {
                const uint8_t* a = src.row<uint8_t>(2 * oy);
                const uint8_t* b = src.row<uint8_t>(2 * oy + 1);
                uint8_t* out = dst.row<uint8_t>(oy);
                for (int ox = 0; ox < dst.width(); ++ox, a += 6, b += 6, out += 3)
                    for (int c = 0; c < 3; ++c)
                        out[c] = uint8_t((unsigned(a[c]) + a[c + 3] + b[c] + b[c + 3] + 2) >> 2);
            }
        },
        8);
}

} // namespace

int previewWidthFor(int sourceWidth, int neededWidth, int maxWidth)
{
    if (sourceWidth <= 0)
        return 0;
    // Whole steps of 160 pixels, so resizing the window does not re-render at every pixel.
    const int rounded =
        std::clamp(((std::max(neededWidth, 1) + 159) / 160) * 160, 320, std::max(320, maxWidth));
    // Exactly half the source when that is about as wide: the fast 2 x 2 path, and no resampling blur.
    const int half = sourceWidth / 2;
    const int width = sourceWidth % 2 == 0 && half >= neededWidth && half <= rounded + 160 && half <= maxWidth
                          ? half
                          : rounded;
    return std::min(sourceWidth, width);
}

Image makePreview(const Image& source, int maxWidth)
{
    if (source.isNull() || source.width() <= maxWidth || maxWidth <= 0)
        return source;
    const int width = maxWidth;
    const int height = std::max(1, int(std::lround(double(source.height()) * width / source.width())));
    Image preview(width, height, source.format());
    if (source.format() == PixelFormat::Rgb8 && source.width() == 2 * width &&
        source.height() == 2 * height) {
        halve8(source, preview);
        return preview;
    }
    const std::vector<int> xs = footprintEdges(source.width(), width);
    const std::vector<int> ys = footprintEdges(source.height(), height);
    switch (source.format()) {
    case PixelFormat::Rgb8:
        boxDownscale<uint8_t, uint32_t>(source, preview, xs, ys);
        break;
    case PixelFormat::Rgb16:
        boxDownscale<uint16_t, uint64_t>(source, preview, xs, ys);
        break;
    case PixelFormat::RgbF32:
        boxDownscale<float, double>(source, preview, xs, ys);
        break;
    }
    return preview;
}

} // namespace cg
