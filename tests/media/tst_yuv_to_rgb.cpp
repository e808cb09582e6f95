// YuvToRgb against the BT.601/709/2020 equations computed in double precision with the chroma
// siting YuvToRgb.h documents, and its AVX2 path against its scalar path.

#include "YuvToRgb.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>

using namespace cg;

namespace {

/// A random planar picture that owns its samples; rows padded by a few samples.
struct Picture
{
    std::vector<uint8_t> bytes[3];
    YuvPlanes planes;
};

int chromaWidthOf(ChromaSubsampling s, int width)
{
    return s == ChromaSubsampling::Yuv444 ? width : (width + 1) / 2;
}

int chromaHeightOf(ChromaSubsampling s, int height)
{
    return s == ChromaSubsampling::Yuv420 ? (height + 1) / 2 : height;
}

Picture randomPicture(int width, int height, int bits, ChromaSubsampling s, quint32 seed)
{
    QRandomGenerator random(seed);
    Picture picture;
    picture.planes.width = width;
    picture.planes.height = height;
    picture.planes.bits = bits;
    picture.planes.subsampling = s;
    const int bytesPerSample = bits > 8 ? 2 : 1;
    for (int p = 0; p < 3; ++p) {
        const int w = p == 0 ? width : chromaWidthOf(s, width);
        const int h = p == 0 ? height : chromaHeightOf(s, height);
        const int stride = (w + 5) * bytesPerSample;
        picture.bytes[p].resize(size_t(stride) * size_t(h));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                // Extremes often (0 and 2^n - 1 reach the clamps), random values otherwise.
                const quint32 roll = random.bounded(10u);
                int value = roll == 0 ? 0 : roll == 1 ? (1 << bits) - 1 : int(random.bounded(1u << bits));
                uint8_t* at =
                    picture.bytes[p].data() + size_t(y) * size_t(stride) + size_t(x * bytesPerSample);
                if (bits == 8) {
                    *at = uint8_t(value);
                } else {
                    const auto sample = uint16_t(value);
                    std::memcpy(at, &sample, 2);
                }
            }
        picture.planes.data[p] = picture.bytes[p].data();
        picture.planes.stride[p] = stride;
    }
    return picture;
}

int sampleOf(const YuvPlanes& planes, int plane, int x, int y)
{
    const uint8_t* line = planes.data[plane] + ptrdiff_t(y) * planes.stride[plane];
    if (planes.bits == 8)
        return line[x];
    uint16_t value = 0;
    std::memcpy(&value, line + 2 * x, 2);
    return value & ((1 << planes.bits) - 1);
}

/// Linear interpolation of a chroma plane at chroma coordinates (cx, cy), edges repeated.
double chromaAt(const YuvPlanes& planes, int plane, double cx, double cy)
{
    const int cw = chromaWidthOf(planes.subsampling, planes.width);
    const int ch = chromaHeightOf(planes.subsampling, planes.height);
    const auto axis = [](double position, int size, int& a, int& b, double& t) {
        position = std::clamp(position, 0.0, double(size - 1));
        a = int(std::floor(position));
        b = std::min(a + 1, size - 1);
        t = position - a;
    };
    int x0, x1, y0, y1;
    double tx, ty;
    axis(cx, cw, x0, x1, tx);
    axis(cy, ch, y0, y1, ty);
    const auto at = [&](int x, int y) { return double(sampleOf(planes, plane, x, y)); };
    return (1 - ty) * ((1 - tx) * at(x0, y0) + tx * at(x1, y0)) +
           ty * ((1 - tx) * at(x0, y1) + tx * at(x1, y1));
}

/// The exact RGB (in output code values, unrounded) of pixel (x, y): centre-sited chroma, so luma
/// sample x lies at chroma x/2 - 1/4 when subsampled; ITU-R equations; clamped.
std::array<double, 3> exactRgb(const YuvPlanes& planes, YuvMatrix matrix, bool full, double maxOut, int x,
                               int y)
{
    const bool h = planes.subsampling != ChromaSubsampling::Yuv444;
    const bool v = planes.subsampling == ChromaSubsampling::Yuv420;
    const double cx = h ? x / 2.0 - 0.25 : x;
    const double cy = v ? y / 2.0 - 0.25 : y;
    const int n = planes.bits;
    const double step = double(1 << (n - 8));
    const double mid = double(1 << (n - 1));
    const double luma = sampleOf(planes, 0, x, y);
    const double cb = chromaAt(planes, 1, cx, cy);
    const double cr = chromaAt(planes, 2, cx, cy);
    const double Y = full ? luma / ((1 << n) - 1.0) : (luma - 16 * step) / (219 * step);
    const double Cb = full ? (cb - mid) / ((1 << n) - 1.0) : (cb - mid) / (224 * step);
    const double Cr = full ? (cr - mid) / ((1 << n) - 1.0) : (cr - mid) / (224 * step);
    const double kr = matrix == YuvMatrix::Bt709 ? 0.2126 : matrix == YuvMatrix::Bt2020 ? 0.2627 : 0.299;
    const double kb = matrix == YuvMatrix::Bt709 ? 0.0722 : matrix == YuvMatrix::Bt2020 ? 0.0593 : 0.114;
    const double r = Y + 2 * (1 - kr) * Cr;
    const double b = Y + 2 * (1 - kb) * Cb;
    const double g = (Y - kr * r - kb * b) / (1 - kr - kb);
    return {std::clamp(r, 0.0, 1.0) * maxOut, std::clamp(g, 0.0, 1.0) * maxOut,
            std::clamp(b, 0.0, 1.0) * maxOut};
}

double sampleValue(const Image& image, int x, int y, int c)
{
    return image.format() == PixelFormat::Rgb16 ? image.row<uint16_t>(y)[3 * x + c]
                                                : image.row<uint8_t>(y)[3 * x + c];
}

struct Config
{
    YuvMatrix matrix;
    bool full;
    int bits;
    ChromaSubsampling subsampling;
    PixelFormat output;
};

std::vector<Config> allConfigs()
{
    std::vector<Config> configs;
    for (YuvMatrix m : {YuvMatrix::Bt601, YuvMatrix::Bt709, YuvMatrix::Bt2020})
        for (bool full : {false, true})
            for (int bits : {8, 10})
                for (auto s :
                     {ChromaSubsampling::Yuv420, ChromaSubsampling::Yuv422, ChromaSubsampling::Yuv444})
                    for (PixelFormat out : {PixelFormat::Rgb8, PixelFormat::Rgb16})
                        configs.push_back({m, full, bits, s, out});
    return configs;
}

QString nameOf(const Config& c, int width, int height)
{
    return QStringLiteral("matrix %1 %2 %3-bit %4 -> %5, %6x%7")
        .arg(int(c.matrix))
        .arg(c.full ? "full" : "limited")
        .arg(c.bits)
        .arg(c.subsampling == ChromaSubsampling::Yuv420   ? "4:2:0"
             : c.subsampling == ChromaSubsampling::Yuv422 ? "4:2:2"
                                                          : "4:4:4")
        .arg(c.output == PixelFormat::Rgb8 ? "Rgb8" : "Rgb16")
        .arg(width)
        .arg(height);
}

// Odd and even sizes, narrower and wider than the AVX2 blocks (16 pixels, 16 chroma samples).
const std::vector<std::pair<int, int>> kSizes{{1, 1}, {2, 3}, {15, 5}, {33, 7}, {71, 9}, {96, 4}};

} // namespace

class TestYuvToRgb : public QObject
{
    Q_OBJECT

private slots:
    void resultsAreTheEquationsCorrectlyRounded()
    {
        // Fixed point keeps 2^-11 (8-bit output) or ~2^-8 (16-bit) of a code value: the result is
        // round(exact) except where exact lies that close to a half; never more than 1/2 + 1/64 off.
        quint32 seed = 1;
        for (const Config& c : allConfigs())
            for (const auto& [width, height] : kSizes) {
                const Picture picture = randomPicture(width, height, c.bits, c.subsampling, seed++);
                const YuvToRgb converter(c.matrix, c.full, c.bits, c.output);
                Image image;
                converter.convert(picture.planes, image, YuvToRgb::Path::Scalar);
                QCOMPARE(image.format(), c.output);
                const double maxOut = c.output == PixelFormat::Rgb8 ? 255.0 : 65535.0;
                double worst = 0.0;
                for (int y = 0; y < height; ++y)
                    for (int x = 0; x < width; ++x) {
                        const auto exact = exactRgb(picture.planes, c.matrix, c.full, maxOut, x, y);
                        for (int ch = 0; ch < 3; ++ch)
                            worst =
                                std::max(worst, std::abs(sampleValue(image, x, y, ch) - exact[size_t(ch)]));
                    }
                QVERIFY2(worst <= 0.5 + 1.0 / 64.0,
                         qPrintable(nameOf(c, width, height) + QStringLiteral(": off by %1").arg(worst)));
            }
    }

    void avx2AndScalarGiveTheSameBits()
    {
        if (!YuvToRgb::cpuHasAvx2())
            QSKIP("this CPU has no AVX2");
        quint32 seed = 1000;
        for (const Config& c : allConfigs())
            for (const auto& [width, height] : kSizes) {
                const Picture picture = randomPicture(width, height, c.bits, c.subsampling, seed++);
                const YuvToRgb converter(c.matrix, c.full, c.bits, c.output);
                Image scalar;
                Image avx2;
                converter.convert(picture.planes, scalar, YuvToRgb::Path::Scalar);
                converter.convert(picture.planes, avx2, YuvToRgb::Path::Avx2);
                QVERIFY2(scalar == avx2, qPrintable(nameOf(c, width, height)));
            }
    }

    void wideFramesGiveTheSameBitsOnBothPathsAndInBands()
    {
        // 1080p-like rows (many whole AVX2 blocks plus a tail), converted in parallel bands.
        for (auto s : {ChromaSubsampling::Yuv420, ChromaSubsampling::Yuv422, ChromaSubsampling::Yuv444})
            for (int bits : {8, 10}) {
                const Picture picture = randomPicture(1921, 67, bits, s, quint32(7 + bits));
                const YuvToRgb converter(YuvMatrix::Bt709, false, bits,
                                         bits == 8 ? PixelFormat::Rgb8 : PixelFormat::Rgb16);
                Image rows(1921, 67, bits == 8 ? PixelFormat::Rgb8 : PixelFormat::Rgb16);
                converter.convertRows(picture.planes, rows, 0, 67, YuvToRgb::Path::Scalar);
                Image best;
                converter.convert(picture.planes, best);
                QVERIFY(rows == best);
            }
    }

    void bitsAboveTheSampleDepthAreIgnored()
    {
        for (auto s : {ChromaSubsampling::Yuv420, ChromaSubsampling::Yuv444}) {
            const Picture clean = randomPicture(37, 5, 10, s, 99);
            Picture dirty = clean;
            QRandomGenerator random(3);
            for (int p = 0; p < 3; ++p) {
                // Random bits above bit 9 in every sample (the high byte of each little-endian pair).
                for (size_t i = 1; i < dirty.bytes[p].size(); i += 2)
                    dirty.bytes[p][i] = uint8_t(dirty.bytes[p][i] | (random.bounded(64u) << 2));
                dirty.planes.data[p] = dirty.bytes[p].data();
            }
            QVERIFY(clean.bytes[0] != dirty.bytes[0]);
            const YuvToRgb converter(YuvMatrix::Bt2020, true, 10, PixelFormat::Rgb16);
            for (auto path : {YuvToRgb::Path::Scalar, YuvToRgb::Path::Best}) {
                Image a;
                Image b;
                converter.convert(clean.planes, a, path);
                converter.convert(dirty.planes, b, path);
                QVERIFY(a == b);
            }
        }
    }

    void whiteBlackAndGreyAreExact()
    {
        // Limited-range 10-bit white (940, 512, 512) is 65535; black (64) is 0; full-range mid grey
        // 8-bit (128) is 128 (255 * 128/255).
        for (auto out : {PixelFormat::Rgb8, PixelFormat::Rgb16}) {
            const int top = out == PixelFormat::Rgb8 ? 255 : 65535;
            Picture picture = randomPicture(20, 2, 10, ChromaSubsampling::Yuv422, 5);
            for (int p = 0; p < 3; ++p)
                for (size_t i = 0; i + 1 < picture.bytes[p].size(); i += 2) {
                    const uint16_t value = p == 0 ? (i / 2 % 2 ? 940 : 64) : 512;
                    std::memcpy(picture.bytes[p].data() + i, &value, 2);
                }
            Image image;
            YuvToRgb(YuvMatrix::Bt709, false, 10, out).convert(picture.planes, image);
            for (int c = 0; c < 3; ++c) {
                QCOMPARE(sampleValue(image, 0, 0, c), 0.0);
                QCOMPARE(sampleValue(image, 1, 0, c), double(top));
            }
        }
        Picture grey = randomPicture(3, 3, 8, ChromaSubsampling::Yuv420, 6);
        for (auto& plane : grey.bytes)
            std::fill(plane.begin(), plane.end(), uint8_t(128));
        Image image;
        YuvToRgb(YuvMatrix::Bt601, true, 8, PixelFormat::Rgb8).convert(grey.planes, image);
        for (int c = 0; c < 3; ++c)
            QCOMPARE(sampleValue(image, 2, 2, c), 128.0);
    }
};

QTEST_GUILESS_MAIN(TestYuvToRgb)
#include "tst_yuv_to_rgb.moc"
