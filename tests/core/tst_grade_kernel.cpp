// The scalar and AVX2 variants of the grade kernel must give the same pixels: the CPU decides which
// one runs, so each must be right on its own.
#include "GradeKernel.h"
#include "RandomImage.h"
#include "TetrahedralCases.h"

#include <QTest>
#include <random>

using namespace cg;

namespace {

GradeKernel randomKernel(int n, bool withCurves, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-0.1f, 1.1f);
    GradeKernel k;
    k.size = n;
    k.stride[0] = 4;
    k.stride[1] = 4 * uint32_t(n);
    k.stride[2] = 4 * uint32_t(n * n);
    k.lattice.resize(size_t(n) * n * n * 4);
    for (float& v : k.lattice)
        v = u(rng);
    for (int i = 0; i < 8; ++i) {
        const tetrahedral::Order o = tetrahedral::kOrders[i];
        k.offset1[i] = k.stride[o.max];
        k.offset2[i] = k.stride[o.max] + k.stride[o.mid];
    }
    k.diagonal = k.stride[0] + k.stride[1] + k.stride[2];
    for (int c = 0; c < 3; ++c) {
        k.shaper8[c].resize(256);
        k.shaper16[c].resize(65536);
        for (int i = 0; i < 256; ++i)
            k.shaper8[c][size_t(i)] = std::pow(i / 255.0f, 0.8f + 0.1f * c) * float(n - 1);
        for (int i = 0; i < 65536; ++i)
            k.shaper16[c][size_t(i)] = std::pow(i / 65535.0f, 0.8f + 0.1f * c) * float(n - 1);
    }
    k.hasOutputCurves = withCurves;
    if (withCurves)
        for (int c = 0; c < 3; ++c) {
            k.curve[c].resize(GradeKernel::kCurveSize);
            k.curveMin[c] = -0.1f;
            k.curveScale[c] = float(GradeKernel::kCurveSize - 1) / 1.2f;
            for (int i = 0; i < GradeKernel::kCurveSize; ++i)
                k.curve[c][size_t(i)] = std::sqrt(float(i) / (GradeKernel::kCurveSize - 1));
        }
    return k;
}

} // namespace

class GradeKernelTest : public QObject
{
    Q_OBJECT

private slots:
    void vectorAndScalarKernelsGiveTheSamePixels_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("curves");
        for (int format : {int(PixelFormat::Rgb8), int(PixelFormat::Rgb16), int(PixelFormat::RgbF32)})
            for (bool curves : {false, true})
                QTest::addRow("format %d, curves %d", format, int(curves)) << format << curves;
    }
    void vectorAndScalarKernelsGiveTheSamePixels()
    {
        if (!GradeKernel::cpuHasAvx2())
            QSKIP("this CPU has no AVX2: only the scalar kernel runs here");
        QFETCH(int, format);
        QFETCH(bool, curves);
        const GradeKernel kernel = randomKernel(17, curves, 3);
        // 61 columns: seven vector blocks and a scalar tail in every row.
        const Image source = randomImage(PixelFormat(format), 61, 23, 5);
        Image scalar = source, vector = source;
        kernel.applyRowsScalar(scalar, 0, source.height());
        kernel.applyRowsAvx2(vector, 0, source.height());
        const float tolerance = PixelFormat(format) == PixelFormat::RgbF32 ? 1e-5f
                                : PixelFormat(format) == PixelFormat::Rgb8 ? 1.0f / 255 : 1.0f / 65535;
        float worst = 0;
        for (int y = 0; y < source.height(); ++y)
            for (int x = 0; x < source.width(); ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::abs(scalar.sample(x, y, c) - vector.sample(x, y, c)));
        QVERIFY2(worst <= tolerance, qPrintable(QString::number(worst)));
        QVERIFY(scalar != source);
    }
};

QTEST_GUILESS_MAIN(GradeKernelTest)
#include "tst_grade_kernel.moc"
