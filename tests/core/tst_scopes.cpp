#include "ColorMath.h"
#include "Image.h"
#include "Scopes.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace cg;

namespace {

constexpr int kLevels = ScopeData::kWaveformLevels;
constexpr int kVector = ScopeData::kVectorscopeSize;

Image uniform8(int width, int height, int r, int g, int b)
{
    Image image(width, height, PixelFormat::Rgb8);
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        image.bits()[3 * i] = uint8_t(r);
        image.bits()[3 * i + 1] = uint8_t(g);
        image.bits()[3 * i + 2] = uint8_t(b);
    }
    return image;
}

template <typename Container> uint64_t total(const Container& counts)
{
    return std::accumulate(counts.begin(), counts.end(), uint64_t(0));
}

/// Where the vectorscope puts a colour, computed here from BT.709 (Cb = (B'-Y')/1.8556,
/// Cr = (R'-Y')/1.5748), +-0.5 spanning the 256 bins and Cr = +0.5 on the top row.
QPoint vectorscopeBin(double r, double g, double b)
{
    const double y = ColorMath::luma709({r, g, b});
    const double cb = (b - y) / 1.8556;
    const double cr = (r - y) / 1.5748;
    return {int(std::lround((cb + 0.5) * (kVector - 1))), int(std::lround((0.5 - cr) * (kVector - 1)))};
}

uint32_t waveformAt(const std::vector<uint32_t>& waveform, int column, int level)
{
    return waveform[size_t(column) * kLevels + size_t(level)];
}

} // namespace

class TestScopes : public QObject
{
    Q_OBJECT

private slots:
    void nullImageGivesZeroSamples();
    void sampleCountEqualsSubsampledPixelCount_data();
    void sampleCountEqualsSubsampledPixelCount();
    void everyScopeCountsEverySample();
    void uniformGrayLandsInOneHistogramBin();
    void uniformGrayLandsOnOneWaveformLevelPerColumn();
    void uniformGrayLandsInVectorscopeCentre();
    void pureRedLandsOnRedTarget();
    void pureRedIsAbsentFromGreenAndBlueTopLevels();
    void horizontalRampGivesDiagonalWaveform();
    void waveformColumnsFollowImageColumns();
    void sixteenBitAndFloatMatchEightBit();
    void floatValuesOutsideRangeAreClamped();
};

void TestScopes::nullImageGivesZeroSamples()
{
    const ScopeData data = computeScopes(Image());
    QCOMPARE(data.samples, uint64_t(0));
    QCOMPARE(total(data.lumaHistogram), uint64_t(0));
    for (const auto& h : data.rgbHistogram)
        QCOMPARE(total(h), uint64_t(0));
    QCOMPARE(total(data.lumaWaveform), uint64_t(0));
    QCOMPARE(total(data.vectorscope), uint64_t(0));
    QCOMPARE(size_t(data.waveformColumns) * kLevels, data.lumaWaveform.size());
    // A zero-width image is null too.
    QCOMPARE(computeScopes(Image(0, 10, PixelFormat::RgbF32)).samples, uint64_t(0));
}

void TestScopes::sampleCountEqualsSubsampledPixelCount_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("maxWidth");
    QTest::addColumn<int>("expectedWidth");
    QTest::addColumn<int>("expectedHeight");
    QTest::newRow("1080p to 512") << 1920 << 1080 << 512 << 512 << 288;
    QTest::newRow("720p to 512") << 1280 << 720 << 512 << 512 << 288;
    QTest::newRow("DCI 4K to 512") << 4096 << 2160 << 512 << 512 << 270;
    QTest::newRow("narrower than limit") << 300 << 200 << 512 << 300 << 200;
    QTest::newRow("exactly the limit") << 512 << 100 << 512 << 512 << 100;
    QTest::newRow("one row") << 2000 << 1 << 512 << 512 << 1;
    QTest::newRow("tall strip") << 1000 << 3 << 100 << 100 << 1;
}

void TestScopes::sampleCountEqualsSubsampledPixelCount()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, maxWidth);
    QFETCH(int, expectedWidth);
    QFETCH(int, expectedHeight);
    ScopeOptions options;
    options.maxWidth = maxWidth;
    const ScopeData data = computeScopes(uniform8(width, height, 10, 20, 30), options);
    QCOMPARE(data.samples, uint64_t(expectedWidth) * uint64_t(expectedHeight));
    QCOMPARE(total(data.lumaHistogram), data.samples);
}

void TestScopes::everyScopeCountsEverySample()
{
    Image image(640, 360, PixelFormat::Rgb8);
    QRandomGenerator rng(7);
    for (size_t i = 0; i < image.byteCount(); ++i)
        image.bits()[i] = uint8_t(rng.bounded(256));
    const ScopeData data = computeScopes(image);
    QCOMPARE(data.samples, uint64_t(512) * 288);
    QCOMPARE(total(data.lumaHistogram), data.samples);
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(total(data.rgbHistogram[size_t(c)]), data.samples);
        QCOMPARE(total(data.rgbWaveform[size_t(c)]), data.samples);
        QCOMPARE(data.rgbWaveform[size_t(c)].size(), size_t(data.waveformColumns) * kLevels);
    }
    QCOMPARE(total(data.lumaWaveform), data.samples);
    QCOMPARE(data.vectorscope.size(), size_t(kVector) * kVector);
    QCOMPARE(total(data.vectorscope), data.samples);
    // Noise spreads over most levels.
    int used = 0;
    for (uint32_t count : data.rgbHistogram[0])
        used += count > 0;
    QVERIFY(used > 250);
}

void TestScopes::uniformGrayLandsInOneHistogramBin()
{
    const ScopeData data = computeScopes(uniform8(800, 450, 100, 100, 100));
    QVERIFY(data.samples > 0);
    QCOMPARE(uint64_t(data.lumaHistogram[100]), data.samples);
    for (int c = 0; c < 3; ++c)
        QCOMPARE(uint64_t(data.rgbHistogram[size_t(c)][100]), data.samples);
}

void TestScopes::uniformGrayLandsOnOneWaveformLevelPerColumn()
{
    const ScopeData data = computeScopes(uniform8(800, 450, 200, 200, 200));
    QCOMPARE(data.waveformColumns, 256);
    for (int column = 0; column < data.waveformColumns; ++column) {
        uint64_t inColumn = 0;
        for (int level = 0; level < kLevels; ++level)
            inColumn += waveformAt(data.lumaWaveform, column, level);
        QVERIFY(inColumn > 0);
        QCOMPARE(uint64_t(waveformAt(data.lumaWaveform, column, 200)), inColumn);
        for (int c = 0; c < 3; ++c)
            QCOMPARE(uint64_t(waveformAt(data.rgbWaveform[size_t(c)], column, 200)), inColumn);
    }
}

void TestScopes::uniformGrayLandsInVectorscopeCentre()
{
    for (int value : {0, 1, 77, 128, 254, 255}) {
        const ScopeData data = computeScopes(uniform8(64, 64, value, value, value));
        // Cb = Cr = 0 is the middle of the plane: bin 127.5 rounded up.
        const QPoint centre(kVector / 2, kVector / 2);
        QCOMPARE(uint64_t(data.vectorscope[size_t(centre.y()) * kVector + size_t(centre.x())]), data.samples);
    }
}

void TestScopes::pureRedLandsOnRedTarget()
{
    // BT.709 red: Y' = 0.2126, Cb = -0.2126 / 1.8556 = -0.1146, Cr = 0.7874 / 1.5748 = +0.5.
    const QPoint red = vectorscopeBin(1, 0, 0);
    QCOMPARE(red, QPoint(98, 0));
    const ScopeData data = computeScopes(uniform8(320, 180, 255, 0, 0));
    QCOMPARE(uint64_t(data.vectorscope[size_t(red.y()) * kVector + size_t(red.x())]), data.samples);
    // Red's luma is 0.2126 -> level 54.
    QCOMPARE(uint64_t(data.lumaHistogram[54]), data.samples);

    // The other primaries and secondaries land on their own targets.
    const int colours[][3] = {{0, 255, 0}, {0, 0, 255}, {0, 255, 255}, {255, 0, 255}, {255, 255, 0}};
    for (const auto& c : colours) {
        const QPoint target = vectorscopeBin(c[0] / 255.0, c[1] / 255.0, c[2] / 255.0);
        const ScopeData d = computeScopes(uniform8(32, 32, c[0], c[1], c[2]));
        QCOMPARE(uint64_t(d.vectorscope[size_t(target.y()) * kVector + size_t(target.x())]), d.samples);
    }
}

void TestScopes::pureRedIsAbsentFromGreenAndBlueTopLevels()
{
    const ScopeData data = computeScopes(uniform8(320, 180, 255, 0, 0));
    for (int column = 0; column < data.waveformColumns; ++column) {
        uint64_t red = 0;
        for (int level = 1; level < kLevels; ++level) {
            QCOMPARE(waveformAt(data.rgbWaveform[1], column, level), 0u);
            QCOMPARE(waveformAt(data.rgbWaveform[2], column, level), 0u);
            red += waveformAt(data.rgbWaveform[0], column, level);
        }
        QVERIFY(red > 0);
        QCOMPARE(uint64_t(waveformAt(data.rgbWaveform[0], column, 255)), red);
    }
    QCOMPARE(uint64_t(data.rgbHistogram[0][255]), data.samples);
    QCOMPARE(uint64_t(data.rgbHistogram[1][0]), data.samples);
    QCOMPARE(uint64_t(data.rgbHistogram[2][0]), data.samples);
}

void TestScopes::horizontalRampGivesDiagonalWaveform()
{
    // 256 columns of gray 0..255: waveform column c holds level c only.
    Image ramp(256, 32, PixelFormat::Rgb8);
    for (int y = 0; y < ramp.height(); ++y)
        for (int x = 0; x < ramp.width(); ++x)
            for (int c = 0; c < 3; ++c)
                ramp.row<uint8_t>(y)[3 * x + c] = uint8_t(x);
    const ScopeData data = computeScopes(ramp);
    QCOMPARE(data.waveformColumns, 256);
    for (int column = 0; column < 256; ++column)
        QCOMPARE(waveformAt(data.lumaWaveform, column, column), 32u);

    // A 1920-wide 16-bit ramp subsampled to 512 columns still rises one level per column, give or take
    // the level a bucket straddles.
    Image wide(1920, 1080, PixelFormat::Rgb16);
    for (int y = 0; y < wide.height(); ++y)
        for (int x = 0; x < wide.width(); ++x)
            for (int c = 0; c < 3; ++c)
                wide.row<uint16_t>(y)[3 * x + c] = uint16_t(std::lround(x * 65535.0 / 1919.0));
    const ScopeData wideData = computeScopes(wide);
    for (int column = 0; column < wideData.waveformColumns; ++column) {
        int lowest = kLevels;
        int highest = -1;
        for (int level = 0; level < kLevels; ++level)
            if (waveformAt(wideData.lumaWaveform, column, level) > 0) {
                lowest = std::min(lowest, level);
                highest = std::max(highest, level);
            }
        QVERIFY2(lowest >= column - 1 && highest <= column + 1,
                 qPrintable(QString("column %1 spans %2..%3").arg(column).arg(lowest).arg(highest)));
    }
}

void TestScopes::waveformColumnsFollowImageColumns()
{
    ScopeOptions options;
    options.waveformColumns = 64;
    QCOMPARE(computeScopes(uniform8(1920, 1080, 1, 2, 3), options).waveformColumns, 64);
    // An image narrower than the requested columns gets one column per image column, none empty.
    const ScopeData narrow = computeScopes(uniform8(40, 30, 1, 2, 3));
    QCOMPARE(narrow.waveformColumns, 40);
    QCOMPARE(narrow.lumaWaveform.size(), size_t(40) * kLevels);
}

void TestScopes::sixteenBitAndFloatMatchEightBit()
{
    // Random 8-bit colours, and the same colours as 16-bit (c * 257) and float (c / 255).
    Image image8(700, 300, PixelFormat::Rgb8);
    QRandomGenerator rng(42);
    for (size_t i = 0; i < image8.byteCount(); ++i)
        image8.bits()[i] = uint8_t(rng.bounded(256));
    const Image image16 = image8.converted(PixelFormat::Rgb16);
    const Image imageF = image8.converted(PixelFormat::RgbF32);
    QCOMPARE(image16.row<uint16_t>(0)[0], uint16_t(image8.row<uint8_t>(0)[0] * 257));

    const ScopeData d8 = computeScopes(image8);
    for (const Image* other : {&image16, &imageF}) {
        const ScopeData d = computeScopes(*other);
        QCOMPARE(d.samples, d8.samples);
        QVERIFY(d.lumaHistogram == d8.lumaHistogram);
        QVERIFY(d.rgbHistogram == d8.rgbHistogram);
        QCOMPARE(d.waveformColumns, d8.waveformColumns);
        QVERIFY(d.lumaWaveform == d8.lumaWaveform);
        QVERIFY(d.rgbWaveform == d8.rgbWaveform);
        QVERIFY(d.vectorscope == d8.vectorscope);
    }
}

void TestScopes::floatValuesOutsideRangeAreClamped()
{
    Image hot(64, 16, PixelFormat::RgbF32);
    for (size_t i = 0; i < hot.pixelCount(); ++i) {
        float* p = reinterpret_cast<float*>(hot.bits()) + 3 * i;
        p[0] = 3.5f;          // superwhite
        p[1] = -0.25f;        // below black
        p[2] = std::nanf(""); // garbage must not crash or land outside the arrays
    }
    const ScopeData d = computeScopes(hot);
    const ScopeData expected = computeScopes(uniform8(64, 16, 255, 0, 0));
    QVERIFY(d.rgbHistogram == expected.rgbHistogram);
    QVERIFY(d.lumaHistogram == expected.lumaHistogram);
    QVERIFY(d.vectorscope == expected.vectorscope);
}


QTEST_GUILESS_MAIN(TestScopes)
#include "tst_scopes.moc"
