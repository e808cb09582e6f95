#include "ColorMath.h"
#include "GradeProgram.h"
#include "Image.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace cg;

class GradeProgramTest : public QObject
{
    Q_OBJECT

private slots:
    void identityGradeLeavesColoursUnchanged()
    {
        const GradeProgram program{Grade{}};
        std::mt19937 rng(1);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int i = 0; i < 1000; ++i) {
            const Rgb in{u(rng), u(rng), u(rng)};
            const Rgb out = program.apply(in);
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(out[c] - in[c]) < 1e-12);
        }
    }

    void exposureOneStopDoublesLinearLight()
    {
        Grade grade;
        grade.exposure = 1.0;
        const GradeProgram program(grade);
        for (double x : {0.1, 0.3, 0.5}) {
            const double out = program.primary(1, x);
            QVERIFY(std::abs(ColorMath::bt1886ToLinear(out) - 2.0 * ColorMath::bt1886ToLinear(x)) < 1e-9);
        }
    }

    void whiteBalanceKeepsNeutralLuminanceAndShiftsHue()
    {
        const Rgb warm = GradeProgram::whiteBalanceLinearGains(50, 0);
        QVERIFY(std::abs(ColorMath::luma709(warm) - 1.0) < 1e-12);
        QVERIFY(warm.r > 1.0 && warm.b < 1.0);
        const Rgb magenta = GradeProgram::whiteBalanceLinearGains(0, 60);
        QVERIFY(magenta.g < magenta.r && magenta.g < magenta.b);
        const Rgb neutral = GradeProgram::whiteBalanceLinearGains(0, 0);
        QCOMPARE(neutral, (Rgb{1, 1, 1}));
    }

    void liftRaisesBlackAndKeepsWhite()
    {
        Grade grade;
        grade.lift.master = 0.1;
        const GradeProgram program(grade);
        QVERIFY(std::abs(program.primary(0, 0.0) - 0.1) < 1e-12);
        QVERIFY(std::abs(program.primary(0, 1.0) - 1.0) < 1e-12);
    }

    void gainScalesWhiteAndKeepsBlack()
    {
        Grade grade;
        grade.gain.rgb.r = 0.8;
        const GradeProgram program(grade);
        QVERIFY(std::abs(program.primary(0, 1.0) - 0.8) < 1e-12);
        QVERIFY(std::abs(program.primary(0, 0.0)) < 1e-12);
        QVERIFY(std::abs(program.primary(1, 1.0) - 1.0) < 1e-12);
    }

    void offsetShiftsEverything()
    {
        Grade grade;
        grade.offset.rgb.b = 0.05;
        const GradeProgram program(grade);
        QVERIFY(std::abs(program.primary(2, 0.5) - 0.55) < 1e-12);
    }

    void gammaAboveOneBrightensMidtonesAndKeepsEnds()
    {
        Grade grade;
        grade.gamma.master = 1.25;
        const GradeProgram program(grade);
        QVERIFY(std::abs(program.primary(1, 0.5) - std::pow(0.5, 1 / 1.25)) < 1e-12);
        QVERIFY(program.primary(1, 0.5) > 0.5);
        QVERIFY(std::abs(program.primary(1, 0.0)) < 1e-12);
        QVERIFY(std::abs(program.primary(1, 1.0) - 1.0) < 1e-12);
    }

    void contrastPivotsAroundPivot()
    {
        Grade grade;
        grade.contrast = 1.5;
        grade.pivot = 0.4;
        const GradeProgram program(grade);
        QVERIFY(std::abs(program.primary(0, 0.4) - 0.4) < 1e-12);
        QVERIFY(std::abs(program.primary(0, 0.6) - 0.7) < 1e-12);
        QVERIFY(std::abs(program.primary(0, 0.2) - 0.1) < 1e-12);
    }

    void saturationPreservesLumaAndZeroGivesGrey()
    {
        Grade grade;
        grade.saturation = 0.0;
        const Rgb in{0.8, 0.3, 0.1};
        const Rgb grey = GradeProgram(grade).apply(in);
        QVERIFY(std::abs(grey.r - grey.g) < 1e-12 && std::abs(grey.g - grey.b) < 1e-12);
        QVERIFY(std::abs(grey.r - ColorMath::luma709(in)) < 1e-12);
        grade.saturation = 1.7;
        const Rgb vivid = GradeProgram(grade).apply(in);
        QVERIFY(std::abs(ColorMath::luma709(vivid) - ColorMath::luma709(in)) < 1e-12);
        QVERIFY(vivid.r - vivid.b > in.r - in.b);
    }

    void curvePassesThroughItsPointsAndIsMonotone()
    {
        const std::vector<CurvePoint> points{{0, 0.05}, {0.25, 0.15}, {0.5, 0.55}, {0.52, 0.6}, {0.8, 0.95}, {1, 1}};
        const MonotoneCurve curve(points);
        for (const CurvePoint& p : points)
            QVERIFY(std::abs(curve(p.x) - p.y) < 1e-12);
        double previous = curve(0.0);
        for (int i = 1; i <= 10000; ++i) {
            const double y = curve(i / 10000.0);
            QVERIFY2(y >= previous - 1e-12, qPrintable(QString("folds back at %1").arg(i / 10000.0)));
            previous = y;
        }
    }

    void curveContinuesAlongItsEndTangentsOutsideItsPoints()
    {
        const MonotoneCurve curve({{0.1, 0.2}, {0.9, 0.8}}); // a straight line of slope 0.75
        QVERIFY(std::abs(curve(0.0) - 0.125) < 1e-12);
        QVERIFY(std::abs(curve(1.2) - 1.025) < 1e-12);
        QVERIFY(std::abs(MonotoneCurve()(1.7) - 1.7) < 1e-12);
    }

    void channelCurveFollowsMasterCurve()
    {
        Grade grade;
        grade.curves.master = {{0, 0}, {0.5, 0.6}, {1, 1}};
        grade.curves.red = {{0, 0}, {0.6, 0.5}, {1, 1}};
        const Rgb out = GradeProgram(grade).apply({0.5, 0.5, 0.5});
        QVERIFY(std::abs(out.r - 0.5) < 1e-12);
        QVERIFY(std::abs(out.g - 0.6) < 1e-12);
    }

    void lookLutIsAppliedLast()
    {
        Grade grade;
        grade.saturation = 0.5;
        Lut3D swap = Lut3D::identity(2);
        for (int b = 0; b < 2; ++b)
            for (int g = 0; g < 2; ++g)
                for (int r = 0; r < 2; ++r)
                    swap.set(r, g, b, {double(g), double(b), double(r)}); // rotate channels
        grade.look.lut.lut3d = swap;
        const Rgb in{0.9, 0.2, 0.4};
        Grade withoutLook = grade;
        withoutLook.look = {};
        const Rgb before = GradeProgram(withoutLook).apply(in);
        const Rgb out = GradeProgram(grade).apply(in);
        QVERIFY(std::abs(out.r - before.g) < 1e-6);
        QVERIFY(std::abs(out.g - before.b) < 1e-6);
        QVERIFY(std::abs(out.b - before.r) < 1e-6);
    }

    void renderExactKeepsFormatAndGradesEveryPixel()
    {
        Image image(4, 3, PixelFormat::Rgb16);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 4; ++x)
                for (int c = 0; c < 3; ++c)
                    image.setSample(x, y, c, float(x + y + c) / 10.0f);
        Grade grade;
        grade.gain.master = 0.5;
        const Image out = renderExact(grade, image);
        QCOMPARE(out.format(), PixelFormat::Rgb16);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 4; ++x)
                QVERIFY(std::abs(out.sample(x, y, 1) - image.sample(x, y, 1) * 0.5f) <= 1.0f / 65535);
    }
};

QTEST_GUILESS_MAIN(GradeProgramTest)
#include "tst_grade_program.moc"
