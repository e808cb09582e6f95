#include "ColorMath.h"
#include "Image.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <stdexcept>

using namespace cg;
using namespace cg::ColorMath;

namespace {

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

QByteArray describe(Lab lab)
{
    return QByteArray("(") + QByteArray::number(lab.l, 'f', 6) + ", " + QByteArray::number(lab.a, 'f', 6) +
           ", " + QByteArray::number(lab.b, 'f', 6) + ")";
}

Image filled(int width, int height, PixelFormat format, const std::function<Rgb(int, int)>& colour)
{
    Image image(width, height, format);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const Rgb c = colour(x, y);
            for (int ch = 0; ch < 3; ++ch)
                image.setSample(x, y, ch, float(c[ch]));
        }
    return image;
}

Image uniform(int width, int height, PixelFormat format, Rgb colour)
{
    return filled(width, height, format, [colour](int, int) { return colour; });
}

} // namespace

class TestColorMath : public QObject
{
    Q_OBJECT

private slots:
    // --- transfer functions -------------------------------------------------------------------------
    void srgbDecodesKnownPoints();
    void srgbSegmentsMeetAtTheirThresholds();
    void bt709EncodesKnownPoints();
    void bt709SegmentsMeetAtTheirThresholds();
    void bt1886IsPurePower();
    void transferFunctionsAreInversePairs_data();
    void transferFunctionsAreInversePairs();
    void transferFunctionsAreMonotone();

    // --- XYZ and Lab --------------------------------------------------------------------------------
    void xyzOfSrgbWhiteIsD65White();
    void xyzOfPrimariesMatchesIecMatrix();
    void xyzLuminanceRowIsBt709LumaWeights();
    void xyzRoundTripKeepsValues();
    void labOfWhiteIsHundredNeutral();
    void labOfBlackIsZero();
    void labOfGraysIsNeutral();
    void labOfKnownSrgbColours_data();
    void labOfKnownSrgbColours();
    void labRoundTripKeepsValues();

    // --- colour differences -------------------------------------------------------------------------
    void deltaE76IsEuclideanDistance_data();
    void deltaE76IsEuclideanDistance();
    void deltaE2000MatchesSharmaTable_data();
    void deltaE2000MatchesSharmaTable();
    void deltaE2000IsZeroForEqualColours();

    // --- image metrics ------------------------------------------------------------------------------
    void meanDeltaEOfEqualImagesIsZero();
    void meanDeltaEAveragesPerPixelDifferences();
    void meanDeltaEIsTheSameForEveryPixelFormat();
    void meanDeltaERejectsImagesOfDifferentSize();
    void psnrOfEqualImagesIsInfinite();
    void psnrOfOneCodeValueDifferenceIs48Db();
    void psnrReadsDeeperFormatsAsEightBit();
    void psnrRejectsImagesOfDifferentSize();
    void colourfulnessOfGrayIsZero();
    void colourfulnessOfUniformRedIsKnown();
    void colourfulnessGrowsWithSaturation();
};

// ---------------------------------------------------------------------------------------------------

void TestColorMath::srgbDecodesKnownPoints()
{
    QCOMPARE(srgbToLinear(0.0), 0.0);
    QVERIFY(near(srgbToLinear(1.0), 1.0, 1e-12));
    // ((0.5 + 0.055) / 1.055)^2.4 = 0.214041...
    QVERIFY(near(srgbToLinear(0.5), 0.214041, 1e-6));
    QVERIFY(near(srgbFromLinear(0.214041140), 0.5, 1e-6));
    // Linear toe: slope 12.92 up to 0.04045 (IEC 61966-2-1).
    QVERIFY(near(srgbToLinear(0.02), 0.02 / 12.92, 1e-15));
    QVERIFY(near(srgbFromLinear(0.001), 0.01292, 1e-15));
    // 18 % gray encodes to about 46 % (code value 118 of 255).
    QVERIFY(near(srgbFromLinear(0.18), 0.461356, 1e-5));
}

void TestColorMath::srgbSegmentsMeetAtTheirThresholds()
{
    // 0.04045 encoded <-> 0.0031308 linear: both pieces of each curve agree there.
    QVERIFY(near(srgbToLinear(0.04045), 0.0031308, 1e-7));
    QVERIFY(near(srgbToLinear(0.04045 + 1e-12), 0.0031308, 1e-7));
    QVERIFY(near(srgbFromLinear(0.0031308), 0.04045, 1e-6));
    QVERIFY(near(srgbFromLinear(0.0031308 + 1e-12), 0.04045, 1e-6));
}

void TestColorMath::bt709EncodesKnownPoints()
{
    QCOMPARE(bt709FromLinear(0.0), 0.0);
    QVERIFY(near(bt709FromLinear(1.0), 1.0, 1e-12));
    QVERIFY(near(bt709FromLinear(0.01), 0.045, 1e-12)); // 4.5 L on the toe
    // 1.099 * 0.5^0.45 - 0.099 = 0.7055 (BT.709 item 1.2)
    QVERIFY(near(bt709FromLinear(0.5), 0.7055, 2e-4));
    QVERIFY(near(bt709FromLinear(0.18), 0.4090, 2e-4));
    QVERIFY(near(bt709ToLinear(0.7055), 0.5, 3e-4));
}

void TestColorMath::bt709SegmentsMeetAtTheirThresholds()
{
    // BT.709 quotes the knee as L = 0.018, V = 0.081; the exact continuous curve knees at 0.01805.
    QVERIFY(near(bt709FromLinear(0.018), 0.081, 1e-4));
    const double below = bt709FromLinear(0.0180539685108 - 1e-12);
    const double above = bt709FromLinear(0.0180539685108 + 1e-12);
    QVERIFY(near(below, above, 1e-9));
    QVERIFY(near(bt709ToLinear(0.0812428583 - 1e-12), bt709ToLinear(0.0812428583 + 1e-12), 1e-9));
}

void TestColorMath::bt1886IsPurePower()
{
    QCOMPARE(bt1886ToLinear(0.0), 0.0);
    QVERIFY(near(bt1886ToLinear(1.0), 1.0, 1e-15));
    QVERIFY(near(bt1886ToLinear(0.5), std::pow(0.5, 2.4), 1e-15));
    QVERIFY(near(bt1886ToLinear(0.5), 0.189465, 1e-6));
    QVERIFY(near(bt1886FromLinear(0.189465), 0.5, 1e-6));
}

void TestColorMath::transferFunctionsAreInversePairs_data()
{
    QTest::addColumn<int>("curve");
    QTest::newRow("sRGB") << 0;
    QTest::newRow("BT.709") << 1;
    QTest::newRow("BT.1886") << 2;
}

void TestColorMath::transferFunctionsAreInversePairs()
{
    QFETCH(int, curve);
    using Fn = double (*)(double);
    const Fn toLinear[] = {srgbToLinear, bt709ToLinear, bt1886ToLinear};
    const Fn fromLinear[] = {srgbFromLinear, bt709FromLinear, bt1886FromLinear};
    // 0..1 densely (both sides of every knee), plus float headroom below 0 and above 1.
    for (int i = -200; i <= 1200; ++i) {
        const double v = i / 1000.0;
        const double decoded = fromLinear[curve](toLinear[curve](v));
        const double encoded = toLinear[curve](fromLinear[curve](v));
        if (!near(decoded, v, 1e-12) || !near(encoded, v, 1e-12))
            QFAIL(qPrintable(QString("round trip of %1 gives %2 / %3").arg(v).arg(decoded).arg(encoded)));
    }
}

void TestColorMath::transferFunctionsAreMonotone()
{
    using Fn = double (*)(double);
    const Fn all[] = {srgbToLinear,    srgbFromLinear, bt709ToLinear,
                      bt709FromLinear, bt1886ToLinear, bt1886FromLinear};
    for (const Fn fn : all) {
        double previous = fn(-0.1);
        for (int i = -99; i <= 1100; ++i) {
            const double value = fn(i / 1000.0);
            QVERIFY(value > previous);
            previous = value;
        }
    }
}

// ---------------------------------------------------------------------------------------------------

void TestColorMath::xyzOfSrgbWhiteIsD65White()
{
    const Xyz white = linearRgbToXyz({1, 1, 1});
    QVERIFY(near(white.x, 0.95047, 1e-12));
    QVERIFY(near(white.y, 1.0, 1e-12));
    QVERIFY(near(white.z, 1.08883, 1e-12));
}

void TestColorMath::xyzOfPrimariesMatchesIecMatrix()
{
    // IEC 61966-2-1 matrix columns, to its four published decimals.
    const double iec[3][3] = {{0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}};
    for (int c = 0; c < 3; ++c) {
        Rgb primary;
        primary[c] = 1.0;
        const Xyz xyz = linearRgbToXyz(primary);
        QVERIFY2(near(xyz.x, iec[0][c], 2e-4), qPrintable(QString::number(xyz.x)));
        QVERIFY2(near(xyz.y, iec[1][c], 2e-4), qPrintable(QString::number(xyz.y)));
        QVERIFY2(near(xyz.z, iec[2][c], 2e-4), qPrintable(QString::number(xyz.z)));
        // Chromaticity of each primary is the BT.709 one.
        const double sum = xyz.x + xyz.y + xyz.z;
        const double xy[3][2] = {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}};
        QVERIFY(near(xyz.x / sum, xy[c][0], 1e-12));
        QVERIFY(near(xyz.y / sum, xy[c][1], 1e-12));
    }
}

void TestColorMath::xyzLuminanceRowIsBt709LumaWeights()
{
    QVERIFY(near(linearRgbToXyz({1, 0, 0}).y, kLumaR, 1e-4));
    QVERIFY(near(linearRgbToXyz({0, 1, 0}).y, kLumaG, 1e-4));
    QVERIFY(near(linearRgbToXyz({0, 0, 1}).y, kLumaB, 1e-4));
    QVERIFY(near(luma709({1, 1, 1}), 1.0, 1e-12));
}

void TestColorMath::xyzRoundTripKeepsValues()
{
    for (double r = -0.2; r <= 1.3; r += 0.1)
        for (double g = -0.2; g <= 1.3; g += 0.1)
            for (double b = -0.2; b <= 1.3; b += 0.1) {
                const Rgb back = xyzToLinearRgb(linearRgbToXyz({r, g, b}));
                QVERIFY(near(back.r, r, 1e-12) && near(back.g, g, 1e-12) && near(back.b, b, 1e-12));
            }
}

void TestColorMath::labOfWhiteIsHundredNeutral()
{
    const Lab white = srgbToLab({1, 1, 1});
    QVERIFY2(near(white.l, 100.0, 1e-9), describe(white));
    QVERIFY2(near(white.a, 0.0, 1e-9), describe(white));
    QVERIFY2(near(white.b, 0.0, 1e-9), describe(white));
    const Lab d65 = xyzToLab({0.95047, 1.0, 1.08883});
    QVERIFY(near(d65.l, 100.0, 1e-12) && near(d65.a, 0.0, 1e-12) && near(d65.b, 0.0, 1e-12));
}

void TestColorMath::labOfBlackIsZero()
{
    const Lab black = srgbToLab({0, 0, 0});
    QVERIFY2(near(black.l, 0.0, 1e-12) && near(black.a, 0.0, 1e-12) && near(black.b, 0.0, 1e-12),
             describe(black));
}

void TestColorMath::labOfGraysIsNeutral()
{
    for (int code = 0; code <= 255; ++code) {
        const Lab gray = srgbToLab({code / 255.0, code / 255.0, code / 255.0});
        QVERIFY2(near(gray.a, 0.0, 1e-9) && near(gray.b, 0.0, 1e-9), describe(gray));
        // L* = 116 Y^(1/3) - 16 with Y the decoded code value (CIE 15).
        const double y = srgbToLinear(code / 255.0);
        const double expected = y > 216.0 / 24389.0 ? 116.0 * std::cbrt(y) - 16.0 : 24389.0 / 27.0 * y;
        QVERIFY(near(gray.l, expected, 1e-9));
    }
    // sRGB middle gray #777777 is L* = 50 (a well-known design value: 119 of 255).
    QVERIFY(near(srgbToLab({119 / 255.0, 119 / 255.0, 119 / 255.0}).l, 50.0, 0.1));
}

void TestColorMath::labOfKnownSrgbColours_data()
{
    // Published sRGB (D65) Lab values, e.g. those of Bruce Lindbloom's calculator and CSS Color 4.
    QTest::addColumn<double>("r");
    QTest::addColumn<double>("g");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("l");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("bb");
    QTest::newRow("red") << 1.0 << 0.0 << 0.0 << 53.24 << 80.09 << 67.20;
    QTest::newRow("green") << 0.0 << 1.0 << 0.0 << 87.73 << -86.18 << 83.18;
    QTest::newRow("blue") << 0.0 << 0.0 << 1.0 << 32.30 << 79.19 << -107.86;
    QTest::newRow("#808080") << 128 / 255.0 << 128 / 255.0 << 128 / 255.0 << 53.59 << 0.0 << 0.0;
}

void TestColorMath::labOfKnownSrgbColours()
{
    QFETCH(double, r);
    QFETCH(double, g);
    QFETCH(double, b);
    QFETCH(double, l);
    QFETCH(double, a);
    QFETCH(double, bb);
    const Lab lab = srgbToLab({r, g, b});
    QVERIFY2(near(lab.l, l, 0.05) && near(lab.a, a, 0.1) && near(lab.b, bb, 0.1), describe(lab));
}

void TestColorMath::labRoundTripKeepsValues()
{
    for (int r = 0; r <= 255; r += 15)
        for (int g = 0; g <= 255; g += 15)
            for (int b = 0; b <= 255; b += 15) {
                const Rgb srgb{r / 255.0, g / 255.0, b / 255.0};
                const Rgb back = labToSrgb(srgbToLab(srgb));
                QVERIFY(near(back.r, srgb.r, 1e-9) && near(back.g, srgb.g, 1e-9) &&
                        near(back.b, srgb.b, 1e-9));
            }
    // Lab -> XYZ -> Lab, including the linear segment of f near black.
    for (double l = 0.5; l <= 100.0; l += 9.5)
        for (double a = -80.0; a <= 80.0; a += 20.0)
            for (double b = -80.0; b <= 80.0; b += 20.0) {
                const Lab back = xyzToLab(labToXyz({l, a, b}));
                QVERIFY(near(back.l, l, 1e-9) && near(back.a, a, 1e-9) && near(back.b, b, 1e-9));
            }
}

// ---------------------------------------------------------------------------------------------------

void TestColorMath::deltaE76IsEuclideanDistance_data()
{
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    QTest::newRow("same") << 50.0 << 10.0 << -10.0 << 50.0 << 10.0 << -10.0 << 0.0;
    QTest::newRow("3-4-5 in a, b") << 50.0 << 0.0 << 0.0 << 50.0 << 3.0 << 4.0 << 5.0;
    QTest::newRow("1-2-2 in L, a, b") << 40.0 << 1.0 << 1.0 << 41.0 << 3.0 << -1.0 << 3.0;
    QTest::newRow("black to white") << 0.0 << 0.0 << 0.0 << 100.0 << 0.0 << 0.0 << 100.0;
    // Sharma pair 1: sqrt(2.6772^2 + 2.9734^2)
    QTest::newRow("Sharma pair 1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 4.001063;
}

void TestColorMath::deltaE76IsEuclideanDistance()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    QVERIFY(near(deltaE76({l1, a1, b1}, {l2, a2, b2}), expected, 1e-6));
    QVERIFY(near(deltaE76({l2, a2, b2}, {l1, a1, b1}), expected, 1e-6));
}

void TestColorMath::deltaE2000MatchesSharmaTable_data()
{
    // G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
    // Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1), 2005, Table 1:
    // all 34 pairs, expected CIEDE2000 to four decimals.
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    const double table[34][7] = {
        {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
        {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
        {50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
        {50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
        {50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
        {50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
        {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
        {50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
        {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
        {50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
        {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
        {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
        {61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
        {35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
        {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
        {36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
        {90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
        {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
        {6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
        {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
    };
    for (int i = 0; i < 34; ++i) {
        const double* p = table[i];
        QTest::addRow("pair %d", i + 1) << p[0] << p[1] << p[2] << p[3] << p[4] << p[5] << p[6];
    }
}

void TestColorMath::deltaE2000MatchesSharmaTable()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    const double forward = deltaE2000({l1, a1, b1}, {l2, a2, b2});
    const double backward = deltaE2000({l2, a2, b2}, {l1, a1, b1});
    // The table is rounded to four decimals: a correct formula lands within half a unit of the last one.
    QVERIFY2(near(forward, expected, 0.5e-4 + 1e-12), qPrintable(QString::number(forward, 'f', 6)));
    QVERIFY2(near(backward, expected, 0.5e-4 + 1e-12), qPrintable(QString::number(backward, 'f', 6)));
}

void TestColorMath::deltaE2000IsZeroForEqualColours()
{
    const Lab colours[] = {{0, 0, 0}, {50, 0, 0}, {50, 2.5, 0}, {73, 25, -18}, {100, 0, 0}, {30, -40, 60}};
    for (const Lab& c : colours)
        QCOMPARE(deltaE2000(c, c), 0.0);
}

// ---------------------------------------------------------------------------------------------------

void TestColorMath::meanDeltaEOfEqualImagesIsZero()
{
    const Image a = filled(17, 9, PixelFormat::Rgb8, [](int x, int y) {
        return Rgb{x / 16.0, y / 8.0, (x + y) / 24.0};
    });
    QCOMPARE(meanDeltaE76(a, a), 0.0);
    QCOMPARE(meanDeltaE2000(a, a), 0.0);
}

void TestColorMath::meanDeltaEAveragesPerPixelDifferences()
{
    // Left half identical, right half red against orange: the mean is half the one-pixel difference.
    const Rgb red{1, 0, 0};
    const Rgb orange{1, 128 / 255.0, 0};
    const Image a = uniform(8, 4, PixelFormat::Rgb8, red);
    const Image b = filled(8, 4, PixelFormat::Rgb8, [&](int x, int) { return x < 4 ? red : orange; });
    const Lab labRed = srgbToLab(red);
    const Lab labOrange = srgbToLab(orange);
    QVERIFY(near(meanDeltaE76(a, b), 0.5 * deltaE76(labRed, labOrange), 1e-9));
    QVERIFY(near(meanDeltaE2000(a, b), 0.5 * deltaE2000(labRed, labOrange), 1e-9));
    // And the difference is not trivial: red to orange is far beyond a just-noticeable difference.
    QVERIFY(deltaE76(labRed, labOrange) > 20.0);
    QVERIFY(deltaE2000(labRed, labOrange) > 10.0);
}

void TestColorMath::meanDeltaEIsTheSameForEveryPixelFormat()
{
    const auto colourA = [](int x, int y) { return Rgb{x / 15.0, y / 7.0, 0.25}; };
    const auto colourB = [](int x, int y) { return Rgb{y / 7.0, 0.5, x / 15.0}; };
    const Image a8 = filled(16, 8, PixelFormat::Rgb8, colourA);
    const Image b8 = filled(16, 8, PixelFormat::Rgb8, colourB);
    const double de76 = meanDeltaE76(a8, b8);
    const double de00 = meanDeltaE2000(a8, b8);
    QVERIFY(de76 > 1.0);
    for (const PixelFormat format : {PixelFormat::Rgb16, PixelFormat::RgbF32}) {
        const Image a = a8.converted(format);
        const Image b = b8.converted(format);
        QVERIFY(near(meanDeltaE76(a, b), de76, 1e-5));
        QVERIFY(near(meanDeltaE2000(a, b), de00, 1e-5));
        QVERIFY(near(meanDeltaE2000(a8, b), de00, 1e-5)); // mixed formats compare colours too
    }
}

void TestColorMath::meanDeltaERejectsImagesOfDifferentSize()
{
    const Image a(4, 4, PixelFormat::Rgb8);
    const Image b(4, 5, PixelFormat::Rgb8);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanDeltaE76(a, b));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanDeltaE2000(a, b));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanDeltaE2000(a, Image()));
}

void TestColorMath::psnrOfEqualImagesIsInfinite()
{
    const Image a = filled(10, 10, PixelFormat::Rgb8, [](int x, int y) {
        return Rgb{x / 9.0, y / 9.0, 0.5};
    });
    const double psnr = psnr8(a, a);
    QVERIFY(std::isinf(psnr) && psnr > 0);
}

void TestColorMath::psnrOfOneCodeValueDifferenceIs48Db()
{
    // Every sample one code value apart: MSE = 1, PSNR = 20 log10(255) = 48.1308 dB.
    Image a(12, 7, PixelFormat::Rgb8);
    Image b(12, 7, PixelFormat::Rgb8);
    for (size_t i = 0; i < a.byteCount(); ++i) {
        a.bits()[i] = uint8_t(1 + i % 200);
        b.bits()[i] = uint8_t(int(a.bits()[i]) + (i % 2 ? 1 : -1)); // alternate the sign of the error
    }
    QVERIFY(near(psnr8(a, b), 48.1308, 1e-4));
    // Four code values apart: MSE = 16, 12.04 dB less.
    for (size_t i = 0; i < a.byteCount(); ++i)
        b.bits()[i] = uint8_t(a.bits()[i] + 4);
    QVERIFY(near(psnr8(a, b), 48.1308 - 10.0 * std::log10(16.0), 1e-4));
}

void TestColorMath::psnrReadsDeeperFormatsAsEightBit()
{
    Image a(6, 6, PixelFormat::Rgb8);
    Image b(6, 6, PixelFormat::Rgb8);
    for (size_t i = 0; i < a.byteCount(); ++i) {
        a.bits()[i] = uint8_t(i * 7 % 250);
        b.bits()[i] = uint8_t(a.bits()[i] + 1);
    }
    QVERIFY(near(psnr8(a.converted(PixelFormat::Rgb16), b.converted(PixelFormat::RgbF32)), 48.1308, 1e-4));
}

void TestColorMath::psnrRejectsImagesOfDifferentSize()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             psnr8(Image(3, 3, PixelFormat::Rgb8), Image(4, 3, PixelFormat::Rgb8)));
}

void TestColorMath::colourfulnessOfGrayIsZero()
{
    const Image gray = uniform(20, 10, PixelFormat::Rgb8, {0.5, 0.5, 0.5});
    QCOMPARE(colourfulness(gray), 0.0);
    // Achromatic contrast is not colour: black and white stripes are still 0.
    const Image stripes = filled(20, 10, PixelFormat::Rgb8, [](int x, int) {
        const double v = x % 2 ? 1.0 : 0.0;
        return Rgb{v, v, v};
    });
    QCOMPARE(colourfulness(stripes), 0.0);
}

void TestColorMath::colourfulnessOfUniformRedIsKnown()
{
    // rg = 255, yb = 127.5 at every pixel: no spread, so M = 0.3 * sqrt(255^2 + 127.5^2) = 85.5296.
    const Image red = uniform(8, 8, PixelFormat::Rgb8, {1, 0, 0});
    QVERIFY(near(colourfulness(red), 0.3 * std::hypot(255.0, 127.5), 1e-9));
    QVERIFY(near(colourfulness(red), 85.5296, 1e-4));
    // Half red, half green: means cancel in rg, spread is 255 in rg: M = sqrt(255^2 + 0) + 0.3 * 127.5.
    const Image redGreen = filled(8, 8, PixelFormat::Rgb8, [](int x, int) {
        return x < 4 ? Rgb{1, 0, 0} : Rgb{0, 1, 0};
    });
    QVERIFY(near(colourfulness(redGreen), 255.0 + 0.3 * 127.5, 1e-9));
}

void TestColorMath::colourfulnessGrowsWithSaturation()
{
    // The same hue pattern at rising saturation: colourfulness rises every step.
    double previous = -1.0;
    for (int step = 0; step <= 4; ++step) {
        const double s = step / 4.0;
        const Image image = filled(16, 16, PixelFormat::Rgb8, [s](int x, int y) {
            const Rgb hue = (x + y) % 3 == 0 ? Rgb{1, 0.2, 0.1}
                                             : ((x + y) % 3 == 1 ? Rgb{0.1, 0.8, 0.3} : Rgb{0.2, 0.3, 1.0});
            const Rgb gray{0.5, 0.5, 0.5};
            return gray + (hue - gray) * s;
        });
        const double m = colourfulness(image);
        if (step == 0)
            QVERIFY(near(m, 0.0, 1e-9));
        QVERIFY2(m > previous, qPrintable(QString("step %1: %2 after %3").arg(step).arg(m).arg(previous)));
        previous = m;
    }
}

QTEST_GUILESS_MAIN(TestColorMath)
#include "tst_color_math.moc"
