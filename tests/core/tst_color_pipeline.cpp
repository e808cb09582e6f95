#include "ColorPipeline.h"
#include "CubeFile.h"
#include "Error.h"
#include "Lut3D.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace cg;

namespace {

constexpr double kPi = 3.14159265358979323846;

double maxChannelDifference(Rgb a, Rgb b)
{
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

/// A smooth, clearly non-identity 3D LUT: a channel cross-talk plus low-frequency waves, in [0, 1].
Lut3D randomSmoothLut(int size, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> amplitude(-0.06, 0.06);
    std::uniform_real_distribution<double> phase(0.0, 2.0 * kPi);
    double a[3][3], p[3][3];
    for (int c = 0; c < 3; ++c)
        for (int k = 0; k < 3; ++k) {
            a[c][k] = amplitude(rng);
            p[c][k] = phase(rng);
        }
    Lut3D lut = Lut3D::identity(size);
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r) {
                const Rgb in = lut.at(r, g, b);
                Rgb out;
                for (int c = 0; c < 3; ++c) {
                    double v = 0.85 * in[c] + 0.05 * in[(c + 1) % 3] + 0.05;
                    for (int k = 0; k < 3; ++k)
                        v += a[c][k] * std::sin(kPi * (k + 1) * in[k] + p[c][k]);
                    out[c] = std::clamp(v, 0.0, 1.0);
                }
                lut.set(r, g, b, out);
            }
    return lut;
}

/// Gradients in the top half and random colours in the bottom half, so both smooth ramps and every
/// corner of the LUT lattice are exercised.
Image testImage(int width, int height, PixelFormat format, unsigned seed)
{
    Image image(width, height, format);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            if (y < height / 2) {
                image.setSample(x, y, 0, float(x) / float(width - 1));
                image.setSample(x, y, 1, float(y) / float(height / 2 - 1));
                image.setSample(x, y, 2, float((x + y) % width) / float(width - 1));
            } else {
                for (int c = 0; c < 3; ++c)
                    image.setSample(x, y, c, unit(rng));
            }
        }
    return image;
}

/// The largest difference, in code values of the image's own format, between OCIO's apply of a cube
/// file and Lut3D::apply (our reference) rounded to the same format.
double maxCodeValueDifference(const Image& original, const Image& viaOcio, const Lut3D& lut)
{
    const double scale = original.format() == PixelFormat::Rgb8    ? 255.0
                         : original.format() == PixelFormat::Rgb16 ? 65535.0
                                                                   : 1.0;
    Image ours = original;
    double worst = 0.0;
    for (int y = 0; y < original.height(); ++y)
        for (int x = 0; x < original.width(); ++x) {
            const Rgb in{original.sample(x, y, 0), original.sample(x, y, 1), original.sample(x, y, 2)};
            const Rgb out = lut.apply(in);
            for (int c = 0; c < 3; ++c) {
                ours.setSample(x, y, c, float(out[c]));
                // Integer formats compare whole code values (sample() divides by 255 or 65535).
                const double difference =
                    std::abs(double(ours.sample(x, y, c)) - viaOcio.sample(x, y, c)) * scale;
                worst = std::max(worst, scale > 1.0 ? std::round(difference) : difference);
            }
        }
    return worst;
}

void writeCube(const QString& path, const Lut3D& lut)
{
    CubeLut cube;
    cube.title = QStringLiteral("tst_color_pipeline");
    cube.lut3d = lut;
    CubeFile::write(path, cube);
}

} // namespace

class TestColorPipeline : public QObject
{
    Q_OBJECT

private slots:
    void defaultPipelineIsExactlyTheIdentity();
    void explicitDefaultNamesAreAlsoTheIdentity();
    void builtinConfigOffersTheDocumentedChoices();
    void everyListedColorSpaceLoads();
    void roundTripThroughAcescctReturnsTheColour();
    void logC3MiddleGreyMapsToEighteenPercentLinear();
    void displaysEncodeWithTheirOwnCurves();
    void unknownColorSpaceThrowsInputErrorListingChoices();
    void unknownDisplayOrViewThrowsInputError();
    void unreadableConfigThrowsInputError();
    void configFileOnDiskLoads();
    void cubeLookViaOcioMatchesOwnLutApply16Bit();
    void cubeLookViaOcioMatchesOwnLutApply8Bit();
    void cubeLookViaOcioMatchesOwnLutApplyFloat();
    void rewrittenCubeFileIsReadAgain();
    void missingCubeFileThrowsInputError();
};

void TestColorPipeline::defaultPipelineIsExactlyTheIdentity()
{
    const ColorPipeline pipeline;
    QVERIFY(pipeline.isIdentity());
    QCOMPARE(pipeline.options(), ColorPipelineOptions{});
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> unit(-0.1, 1.1);
    for (int i = 0; i < 1000; ++i) {
        const Rgb c{unit(rng), unit(rng), unit(rng)};
        QCOMPARE(pipeline.toWorking(c), c); // bit for bit, doubles included
        QCOMPARE(pipeline.toDisplay(c), c);
    }
}

void TestColorPipeline::explicitDefaultNamesAreAlsoTheIdentity()
{
    ColorPipelineOptions options;
    options.inputSpace = QStringLiteral("Rec.709");
    options.workingSpace = QStringLiteral("Rec.709");
    options.display = QStringLiteral("Rec.709 (BT.1886)");
    options.view = QStringLiteral("Standard");
    QVERIFY(ColorPipeline(options).isIdentity());

    // ...and a real conversion is not.
    options.workingSpace = QStringLiteral("ACEScct");
    const ColorPipeline managed(options);
    QVERIFY(!managed.isIdentity());
    QVERIFY(maxChannelDifference(managed.toWorking({0.5, 0.5, 0.5}), {0.5, 0.5, 0.5}) > 0.01);
}

void TestColorPipeline::builtinConfigOffersTheDocumentedChoices()
{
    const ColorPipeline pipeline;
    const QStringList spaces = pipeline.colorSpaces();
    for (const char* name : {"Rec.709", "sRGB", "Linear Rec.709", "ACEScg", "ACEScct", "ACES2065-1",
                             "ARRI LogC3 (AWG)", "Sony S-Log3 (S-Gamut3.Cine)", "Panasonic V-Log (V-Gamut)",
                             "Canon Log 2 (Cinema Gamut)", "RED Log3G10 (RWG)", "Raw"})
        QVERIFY2(spaces.contains(QLatin1String(name)), name);
    QCOMPARE(pipeline.displays().value(0), QStringLiteral("Rec.709 (BT.1886)")); // the default display
    QVERIFY(pipeline.displays().contains(QStringLiteral("sRGB")));
    for (const QString& display : pipeline.displays())
        QCOMPARE(pipeline.views(display).value(0), QStringLiteral("Standard"));
    QVERIFY(pipeline.views(QStringLiteral("no such display")).isEmpty());
    QVERIFY(ColorPipeline::builtinConfigText().startsWith("ocio_profile_version: 2"));
}

void TestColorPipeline::everyListedColorSpaceLoads()
{
    const QStringList spaces = ColorPipeline().colorSpaces();
    QVERIFY(spaces.size() >= 12);
    for (const QString& space : spaces) {
        for (const QString& display : ColorPipeline().displays()) {
            for (const QString& view : ColorPipeline().views(display)) {
                ColorPipelineOptions options;
                options.inputSpace = space;
                options.workingSpace = QStringLiteral("ACEScct");
                options.display = display;
                options.view = view;
                const ColorPipeline pipeline(options);
                const Rgb shown = pipeline.toDisplay(pipeline.toWorking({0.4, 0.4, 0.4}));
                for (int c = 0; c < 3; ++c)
                    QVERIFY2(std::isfinite(shown[c]), qPrintable(space + QLatin1String(" / ") + view));
            }
        }
    }
}

void TestColorPipeline::roundTripThroughAcescctReturnsTheColour()
{
    ColorPipelineOptions options;
    options.inputSpace = QStringLiteral("Rec.709");
    options.workingSpace = QStringLiteral("ACEScct"); // display: Rec.709 (BT.1886) / Standard
    const ColorPipeline pipeline(options);
    // Channels from 0.01 up: at exactly 0 in a saturated colour, float32 matrix round-off (~1e-8 in
    // linear light) meets the infinite slope of BT.1886's inverse 1/2.4 power and gives ~1e-3.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> unit(0.01, 1.0);
    double worst = 0.0;
    for (int i = 0; i < 2000; ++i) {
        const Rgb c{unit(rng), unit(rng), unit(rng)};
        worst = std::max(worst, maxChannelDifference(pipeline.toDisplay(pipeline.toWorking(c)), c));
    }
    for (double v : {0.0, 0.001, 0.18, 0.5, 1.0}) // neutrals, black included, survive exactly enough
        worst = std::max(worst,
                         maxChannelDifference(pipeline.toDisplay(pipeline.toWorking({v, v, v})), {v, v, v}));
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
}

void TestColorPipeline::logC3MiddleGreyMapsToEighteenPercentLinear()
{
    // ARRI LogC3 EI 800: 18 % grey encodes as 0.391007 (ARRI, "ALEXA Log C Curve", 2017).
    for (const char* working : {"Linear Rec.709", "ACEScg", "ACES2065-1"}) {
        ColorPipelineOptions options;
        options.inputSpace = QStringLiteral("ARRI LogC3 (AWG)");
        options.workingSpace = QLatin1String(working);
        const Rgb linear = ColorPipeline(options).toWorking({0.391007, 0.391007, 0.391007});
        QVERIFY2(maxChannelDifference(linear, {0.18, 0.18, 0.18}) < 1e-3, working);
    }
}

void TestColorPipeline::displaysEncodeWithTheirOwnCurves()
{
    // From scene-linear 18 % grey: BT.1886 inverse EOTF 0.18^(1/2.4) = 0.4894; sRGB (IEC 61966-2-1)
    // 1.055 * 0.18^(1/2.4) - 0.055 = 0.4614.
    ColorPipelineOptions options;
    options.workingSpace = QStringLiteral("Linear Rec.709");
    const double rec709 = std::pow(0.18, 1.0 / 2.4);
    QVERIFY(maxChannelDifference(ColorPipeline(options).toDisplay({0.18, 0.18, 0.18}),
                                 {rec709, rec709, rec709}) < 1e-5);
    options.display = QStringLiteral("sRGB");
    const double srgb = 1.055 * std::pow(0.18, 1.0 / 2.4) - 0.055;
    QVERIFY(maxChannelDifference(ColorPipeline(options).toDisplay({0.18, 0.18, 0.18}), {srgb, srgb, srgb}) <
            1e-5);
    // The ACES view tone-maps: 18 % grey lands well below the straight conversion (ACES 1.0 RRT+ODT ~0.39).
    options.view = QStringLiteral("ACES 1.0 SDR-video");
    const Rgb aces = ColorPipeline(options).toDisplay({0.18, 0.18, 0.18});
    QVERIFY2(aces.g > 0.3 && aces.g < 0.45, qPrintable(QString::number(aces.g)));
}

void TestColorPipeline::unknownColorSpaceThrowsInputErrorListingChoices()
{
    ColorPipelineOptions options;
    options.inputSpace = QStringLiteral("Kodak Vision3 5219");
    try {
        ColorPipeline pipeline(options);
        QFAIL("an unknown input space was accepted");
    } catch (const InputError& e) {
        QVERIFY2(e.message().contains(QLatin1String("Kodak Vision3 5219")), e.what());
        QVERIFY2(e.message().contains(QLatin1String("ACEScct")), e.what());
        QVERIFY2(e.message().contains(QLatin1String("ARRI LogC3 (AWG)")), e.what());
        QVERIFY(!e.message().contains(QLatin1Char('\n')));
    }
    options = {};
    options.workingSpace = QStringLiteral("ACEScct2");
    QVERIFY_THROWS_EXCEPTION(InputError, ColorPipeline{options});
}

void TestColorPipeline::unknownDisplayOrViewThrowsInputError()
{
    ColorPipelineOptions options;
    options.display = QStringLiteral("DCI-P3");
    try {
        ColorPipeline pipeline(options);
        QFAIL("an unknown display was accepted");
    } catch (const InputError& e) {
        QVERIFY2(e.message().contains(QLatin1String("Rec.709 (BT.1886)")), e.what());
    }
    options.display = QStringLiteral("sRGB");
    options.view = QStringLiteral("Filmic");
    try {
        ColorPipeline pipeline(options);
        QFAIL("an unknown view was accepted");
    } catch (const InputError& e) {
        QVERIFY2(e.message().contains(QLatin1String("Standard")), e.what());
    }
}

void TestColorPipeline::unreadableConfigThrowsInputError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ColorPipelineOptions options;
    options.configPath = dir.filePath(QStringLiteral("missing.ocio"));
    try {
        ColorPipeline pipeline(options);
        QFAIL("a missing config was accepted");
    } catch (const InputError& e) {
        QVERIFY2(e.message().contains(QLatin1String("missing.ocio")), e.what());
    }

    options.configPath = dir.filePath(QStringLiteral("broken.ocio"));
    QFile broken(options.configPath);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("ocio_profile_version: 2\ncolorspaces:\n  - !<ColorSpace> {name: [unclosed\n");
    broken.close();
    QVERIFY_THROWS_EXCEPTION(InputError, ColorPipeline{options});

    // Well-formed YAML that is not a valid config (a role pointing nowhere).
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("ocio_profile_version: 2\nroles:\n  default: nowhere\ncolorspaces:\n"
                 "  - !<ColorSpace> {name: a}\ndisplays:\n  d:\n    - !<View> {name: v, colorspace: a}\n");
    broken.close();
    QVERIFY_THROWS_EXCEPTION(InputError, ColorPipeline{options});
}

void TestColorPipeline::configFileOnDiskLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ColorPipelineOptions options;
    options.configPath = dir.filePath(QStringLiteral("config.ocio"));
    QFile file(options.configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ColorPipeline::builtinConfigText());
    file.close();
    QVERIFY(ColorPipeline(options).isIdentity());
    options.inputSpace = QStringLiteral("Sony S-Log3 (S-Gamut3.Cine)");
    QVERIFY(!ColorPipeline(options).isIdentity());
}

void TestColorPipeline::cubeLookViaOcioMatchesOwnLutApply16Bit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("look.cube"));
    const Lut3D lut = randomSmoothLut(33, 1);
    writeCube(path, lut);
    const Image original = testImage(256, 192, PixelFormat::Rgb16, 2);
    Image viaOcio = original;
    ColorPipeline::applyFileTransform(path, viaOcio);
    QVERIFY(viaOcio != original);
    const double worst = maxCodeValueDifference(original, viaOcio, lut);
    QVERIFY2(worst < 65535.0 / 1023.0, qPrintable(QString::number(worst)));
}

void TestColorPipeline::cubeLookViaOcioMatchesOwnLutApply8Bit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("look.cube"));
    const Lut3D lut = randomSmoothLut(33, 3);
    writeCube(path, lut);
    const Image original = testImage(256, 192, PixelFormat::Rgb8, 4);
    Image viaOcio = original;
    ColorPipeline::applyFileTransform(path, viaOcio);
    const double worst = maxCodeValueDifference(original, viaOcio, lut);
    QVERIFY2(worst <= 1.0, qPrintable(QString::number(worst)));
}

void TestColorPipeline::cubeLookViaOcioMatchesOwnLutApplyFloat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("look.cube"));
    const Lut3D lut = randomSmoothLut(17, 5);
    writeCube(path, lut);
    const Image original = testImage(128, 96, PixelFormat::RgbF32, 6);
    Image viaOcio = original;
    ColorPipeline::applyFileTransform(path, viaOcio);
    const double worst = maxCodeValueDifference(original, viaOcio, lut);
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
}

void TestColorPipeline::rewrittenCubeFileIsReadAgain()
{
    // OCIO caches files by path; a look re-exported under the same name must still be the new one.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("look.cube"));
    const Image original = testImage(64, 64, PixelFormat::Rgb16, 8);
    for (unsigned seed : {21u, 22u}) {
        const Lut3D lut = randomSmoothLut(9, seed);
        writeCube(path, lut);
        Image viaOcio = original;
        ColorPipeline::applyFileTransform(path, viaOcio);
        QVERIFY(maxCodeValueDifference(original, viaOcio, lut) < 65535.0 / 1023.0);
    }
}

void TestColorPipeline::missingCubeFileThrowsInputError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Image image = testImage(8, 8, PixelFormat::Rgb8, 9);
    QVERIFY_THROWS_EXCEPTION(
        InputError, ColorPipeline::applyFileTransform(dir.filePath(QStringLiteral("none.cube")), image));
    const QString garbage = dir.filePath(QStringLiteral("garbage.cube"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("LUT_3D_SIZE 2\n0 0 0\nnot numbers\n");
    file.close();
    QVERIFY_THROWS_EXCEPTION(InputError, ColorPipeline::applyFileTransform(garbage, image));
}

QTEST_GUILESS_MAIN(TestColorPipeline)
#include "tst_color_pipeline.moc"
