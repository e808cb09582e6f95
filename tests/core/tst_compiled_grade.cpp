#include "CompiledGrade.h"
#include "GradeProgram.h"
#include "RandomImage.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace cg;

Q_DECLARE_METATYPE(cg::Grade)

namespace {

Grade typicalGrade()
{
    Grade g;
    g.exposure = 0.4;
    g.temperature = 25;
    g.tint = -10;
    g.lift = {0.03, {0.01, 0.0, -0.02}};
    g.gamma = {1.1, {1.0, 1.05, 0.95}};
    g.gain = {1.1, {1.05, 1.0, 0.92}};
    g.offset = {-0.01, {0.0, 0.005, 0.0}};
    g.contrast = 1.2;
    g.saturation = 1.3;
    g.curves.master = {{0, 0}, {0.25, 0.2}, {0.75, 0.82}, {1, 1}};
    g.curves.blue = {{0, 0.02}, {1, 0.97}};
    return g;
}

Grade strongGammaGrade()
{
    Grade g;
    g.gamma = {1.6, {1.0, 0.7, 1.2}}; // steep near black: the shaper must carry it
    g.gain.master = 1.4;              // values above 1 before the curves
    g.contrast = 0.8;
    g.saturation = 0.6;
    return g;
}

Grade sCurveGrade()
{
    Grade g;
    g.curves.master = {{0, 0}, {0.3, 0.22}, {0.7, 0.8}, {1, 1}};
    g.curves.red = {{0, 0}, {0.5, 0.56}, {1, 1}};
    g.curves.green = {{0, 0.03}, {0.6, 0.58}, {1, 0.98}};
    g.lift.master = -0.05;
    return g;
}

std::vector<Rgb> denseColours()
{
    std::vector<Rgb> colours;
    const int steps = 41;
    for (int b = 0; b < steps; ++b)
        for (int g = 0; g < steps; ++g)
            for (int r = 0; r < steps; ++r)
                colours.push_back({r / double(steps - 1), g / double(steps - 1), b / double(steps - 1)});
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int i = 0; i < 30000; ++i)
        colours.push_back({u(rng), u(rng), u(rng)});
    // Near black and near white, where power functions are steepest.
    for (int i = 0; i < 5000; ++i)
        colours.push_back({u(rng) * 0.02, u(rng) * 0.02, u(rng) * 0.02});
    return colours;
}

double maxError(const Grade& grade, int lutSize)
{
    const CompiledGrade compiled(grade, lutSize);
    const GradeProgram exact(grade);
    double worst = 0.0;
    for (const Rgb& colour : denseColours()) {
        const Rgb a = compiled.apply(colour);
        const Rgb b = exact.apply(colour);
        for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(std::clamp(a[c], 0.0, 1.0) - std::clamp(b[c], 0.0, 1.0)));
    }
    return worst;
}

} // namespace

class CompiledGradeTest : public QObject
{
    Q_OBJECT

private slots:
    void lutAgreesWithExactPathWithin1Over1023_data()
    {
        QTest::addColumn<Grade>("grade");
        QTest::newRow("identity") << Grade{};
        QTest::newRow("typical") << typicalGrade();
        QTest::newRow("strong gamma") << strongGammaGrade();
        QTest::newRow("s-curve") << sCurveGrade();
    }
    void lutAgreesWithExactPathWithin1Over1023()
    {
        QFETCH(Grade, grade);
        const double worst = maxError(grade, CompiledGrade::kDefaultSize);
        qInfo("max |LUT - exact| = %.6f (%.3f / 1023)", worst, worst * 1023);
        QVERIFY(worst <= 1.0 / 1023);
    }

    void exportSizeIsAtLeastAsAccurate()
    {
        QVERIFY(maxError(typicalGrade(), CompiledGrade::kExportSize) <=
                maxError(typicalGrade(), CompiledGrade::kDefaultSize) + 1e-7);
    }

    void eightBitImageMatchesPerColourPath()
    {
        const CompiledGrade compiled(typicalGrade());
        const Image source = randomImage(PixelFormat::Rgb8, 97, 31, 3);
        const Image graded = compiled.applied(source);
        int worst = 0;
        for (int y = 0; y < source.height(); ++y)
            for (int x = 0; x < source.width(); ++x) {
                const Rgb expected = compiled.apply(Rgb{source.sample(x, y, 0), source.sample(x, y, 1), source.sample(x, y, 2)});
                for (int c = 0; c < 3; ++c) {
                    const int want = int(std::lround(std::clamp(expected[c], 0.0, 1.0) * 255));
                    worst = std::max(worst, std::abs(want - int(graded.row<uint8_t>(y)[x * 3 + c])));
                }
            }
        QVERIFY2(worst <= 1, qPrintable(QString("worst %1 code values").arg(worst)));
    }

    void sixteenBitImageAgreesWithExactRender()
    {
        const Grade grade = strongGammaGrade();
        const Image source = randomImage(PixelFormat::Rgb16, 64, 64, 5);
        const Image fast = CompiledGrade(grade).applied(source);
        const Image exact = renderExact(grade, source);
        double worst = 0;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, double(std::abs(fast.sample(x, y, c) - exact.sample(x, y, c))));
        QVERIFY2(worst <= 1.0 / 1023, qPrintable(QString::number(worst * 1023)));
    }

    void floatImageAgreesWithExactRender()
    {
        const Grade grade = typicalGrade();
        Image source = randomImage(PixelFormat::RgbF32, 40, 40, 9);
        source.setSample(0, 0, 0, 1.7f);  // out of range: clamped on the way in
        source.setSample(1, 0, 1, -0.3f);
        const Image fast = CompiledGrade(grade).applied(source);
        const Image exact = renderExact(grade, source);
        double worst = 0;
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 40; ++x)
                for (int c = 0; c < 3; ++c) {
                    const double a = std::clamp(double(fast.sample(x, y, c)), 0.0, 1.0);
                    const double b = std::clamp(double(exact.sample(x, y, c)), 0.0, 1.0);
                    worst = std::max(worst, std::abs(a - b));
                }
        QVERIFY(worst <= 1.0 / 1023);
    }

    void fullTableGivesTheSamePixelsAsTetrahedralPath()
    {
        CompiledGrade compiled(sCurveGrade());
        const Image source = randomImage(PixelFormat::Rgb8, 300, 200, 11);
        const Image tetrahedral = compiled.applied(source);
        compiled.buildFullTable8();
        QVERIFY(compiled.hasFullTable8());
        QCOMPARE(compiled.applied(source), tetrahedral);
    }

    void identityGradeLeavesImagesUntouched()
    {
        const Image source = randomImage(PixelFormat::Rgb16, 50, 20, 13);
        QCOMPARE(CompiledGrade(Grade{}).applied(source), source);
    }

    void bakedCubeSamplesTheExactGradeOnItsLattice()
    {
        const Grade grade = typicalGrade();
        const CompiledGrade compiled(grade);
        const Lut3D cube = compiled.bakeCube(17);
        QCOMPARE(cube.size, 17);
        const GradeProgram exact(grade);
        for (int b = 0; b < 17; b += 4)
            for (int g = 0; g < 17; g += 3)
                for (int r = 0; r < 17; r += 5) {
                    const Rgb want = exact.apply({r / 16.0, g / 16.0, b / 16.0});
                    const Rgb got = cube.at(r, g, b);
                    for (int c = 0; c < 3; ++c)
                        QVERIFY(std::abs(want[c] - got[c]) < 1e-6);
                }
        QCOMPARE(CompiledGrade(Grade{}).bakeCube(9), Lut3D::identity(9));
    }
};

QTEST_GUILESS_MAIN(CompiledGradeTest)
#include "tst_compiled_grade.moc"
