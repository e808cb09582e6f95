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
                    const double count = double(xs[size_t(ox) + 1] - xs[size_t(ox)]) * double(y1 - y0);
                    for (int c = 0; c < 3; ++c) {
                        const double mean = double(sums[size_t(ox) * 3 + size_t(c)]) / count;
                        if constexpr (std::is_floating_point_v<Sample>)
                            out[ox * 3 + c] = Sample(mean);
                        else
                            out[ox * 3 + c] = Sample(std::lround(mean));
                    }
                }
            }
        },
        4);
}

} // namespace

Image makePreview(const Image& source, int maxWidth)
{
    if (source.isNull() || source.width() <= maxWidth || maxWidth <= 0)
        return source;
    const int width = maxWidth;
    const int height = std::max(1, int(std::lround(double(source.height()) * width / source.width())));
    Image preview(width, height, source.format());
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
