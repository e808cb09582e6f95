#include "YuvConverter.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "ParallelFor.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <thread>
#include <vector>

namespace cg {

using namespace cg::ffmpeg;

struct YuvConverter::Impl
{
    struct Band
    {
        int top = 0;
        int height = 0;
        SwsContextPtr context;
    };
    std::vector<Band> bands;
    int chromaShiftY = 0;
    PixelFormat source = PixelFormat::Rgb8;
};

YuvConverter::YuvConverter(int width, int height, PixelFormat source, const YuvFormat& format)
    : d(std::make_unique<Impl>())
{
    if (source == PixelFormat::RgbF32)
        throw InputError(QStringLiteral("cannot encode float RGB frames directly; convert them to 16 bits"));
    d->source = source;
    d->chromaShiftY = format.chromaShiftY;
    const AVPixelFormat input = source == PixelFormat::Rgb8 ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGB48;
    const AVPixelFormat output = AVPixelFormat(format.pixelFormat);
    const int swsColorSpace = format.colorSpace == AVCOL_SPC_BT2020_NCL ? SWS_CS_BT2020 : SWS_CS_ITU709;

    // Bands of whole chroma rows, so the vertical 4:2:0 filter never needs a row of the next band.
    const int step = 1 << format.chromaShiftY;
    const int rows = (height + step - 1) / step;
    const int count = std::clamp(rows / 32, 1, int(std::max(1u, std::thread::hardware_concurrency())));
    for (int i = 0; i < count; ++i) {
        Impl::Band band;
        band.top = std::min(height, rows * i / count * step);
        const int bottom = std::min(height, rows * (i + 1) / count * step);
        band.height = bottom - band.top;
        // No scaling happens: the filter only matters for chroma subsampling. ACCURATE_RND rounds
        // instead of truncating in the matrix maths.
        band.context.reset(sws_getContext(width, band.height, input, width, band.height, output,
                                          SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
        if (!band.context)
            throw InputError(QStringLiteral("cannot convert RGB to %1 for the encoder")
                                 .arg(QString::fromLatin1(av_get_pix_fmt_name(output))));
        // RGB in: full range, no matrix; Y'CbCr out: the format's matrix, limited range (BT.709-6 4.6).
        const int* coefficients = sws_getCoefficients(swsColorSpace);
        sws_setColorspaceDetails(band.context.get(), coefficients, 1, coefficients, 0, 0, 1 << 16, 1 << 16);
        d->bands.push_back(std::move(band));
    }
}

YuvConverter::~YuvConverter() = default;

void YuvConverter::convert(const Image& rgb, AVFrame* frame)
{
    const int stride = int(rgb.rowBytes());
    parallelFor(
        int(d->bands.size()),
        [&](int begin, int end) {
            for (int i = begin; i < end; ++i) {
                const Impl::Band& band = d->bands[size_t(i)];
                const int chromaTop = band.top >> d->chromaShiftY;
                const uint8_t* source[1] = {rgb.bits() + size_t(band.top) * rgb.rowBytes()};
                uint8_t* target[3] = {frame->data[0] + ptrdiff_t(band.top) * frame->linesize[0],
                                      frame->data[1] + ptrdiff_t(chromaTop) * frame->linesize[1],
                                      frame->data[2] + ptrdiff_t(chromaTop) * frame->linesize[2]};
                sws_scale(band.context.get(), source, &stride, 0, band.height, target, frame->linesize);
            }
        },
        1);
}

} // namespace cg
