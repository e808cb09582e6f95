// End to end: a `.cube` baked and written by Cinegrade gives the same pixels in Cinegrade, in
// OpenColorIO and in FFmpeg's lut3d filter (DESIGN.md §3: within 1/255 on 8-bit output).

#include "ColorPipeline.h"
#include "CompiledGrade.h"
#include "CubeFile.h"
#include "Grade.h"
#include "Image.h"
#include "ModerateGrade.h"
#include "StillImage.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace cg;

namespace {


/// 256 x 256, 8-bit: smooth ramps (top half: R across, G down, B diagonal) over random colours (bottom
/// half), so both banding-prone gradients and every lattice cell are exercised.
Image variedImage()
{
    constexpr int size = 256;
    Image image(size, size, PixelFormat::Rgb8);
    std::mt19937 rng(2024);
    std::uniform_int_distribution<int> code(0, 255);
    for (int y = 0; y < size; ++y) {
        uint8_t* row = image.row<uint8_t>(y);
        for (int x = 0; x < size; ++x) {
            uint8_t* px = row + 3 * x;
            if (y < size / 2) {
                px[0] = uint8_t(x);
                px[1] = uint8_t(2 * y);
                px[2] = uint8_t((x + 2 * y) / 3);
            } else {
                px[0] = uint8_t(code(rng));
                px[1] = uint8_t(code(rng));
                px[2] = uint8_t(code(rng));
            }
        }
    }
    return image;
}

/// Our reference render of a cube: Lut3D::apply per pixel, rounded to the image's format.
Image renderWithLut(const Lut3D& lut, const Image& image)
{
    Image out = image;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const Rgb v = lut.apply({image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)});
            for (int c = 0; c < 3; ++c)
                out.setSample(x, y, c, float(v[c]));
        }
    return out;
}

/// Largest per-channel difference between two 8-bit images of the same size, in code values.
int maxDifference8(const Image& a, const Image& b)
{
    int worst = 0;
    for (size_t i = 0; i < a.byteCount(); ++i)
        worst = std::max(worst, std::abs(int(a.bits()[i]) - int(b.bits()[i])));
    return worst;
}

double meanDifference8(const Image& a, const Image& b)
{
    double sum = 0.0;
    for (size_t i = 0; i < a.byteCount(); ++i)
        sum += std::abs(int(a.bits()[i]) - int(b.bits()[i]));
    return sum / double(a.byteCount());
}

} // namespace

class TestLutInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bakedCubeIsANonTrivialGrade();
    void cubeFileReadsBackAsTheBakedLut();
    void openColorIoMatchesOurRenderWithinOneCodeValue();
    void openColorIoMatchesOurRenderOn16Bit();
    void ffmpegLut3dMatchesOurRenderWithinOneCodeValue();
    void compiledGradeMatchesItsBakedCube();

private:
    QTemporaryDir m_dir;
    QString m_cubePath;
    Grade m_grade;
    Lut3D m_baked;
    Lut3D m_fromFile;
    Image m_image;
    Image m_ours; ///< Lut3D::apply of the cube read back from the file
};

void TestLutInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_grade = moderateGrade();
    m_grade.curves.blue = {{0.0, 0.02}, {0.5, 0.48}, {1.0, 1.0}}; // a per-channel curve too
    const CompiledGrade compiled(m_grade, CompiledGrade::kDefaultSize);
    m_baked = compiled.bakeCube(33);
    QCOMPARE(m_baked.size, 33);

    CubeLut cube;
    cube.title = QStringLiteral("tst_lut_interop");
    cube.lut3d = m_baked;
    m_cubePath = m_dir.filePath(QStringLiteral("L.cube"));
    CubeFile::write(m_cubePath, cube);
    const CubeLut readBack = CubeFile::read(m_cubePath);
    QVERIFY(readBack.lut3d.has_value());
    QVERIFY(!readBack.lut1d.has_value());
    m_fromFile = *readBack.lut3d;

    m_image = variedImage();
    m_ours = renderWithLut(m_fromFile, m_image);
}

void TestLutInterop::bakedCubeIsANonTrivialGrade()
{
    // Guards the comparisons below against passing on an identity cube.
    const double mean = meanDifference8(m_image, m_ours);
    qInfo("grade moves pixels by %.2f code values on average", mean);
    QVERIFY2(mean > 5.0, qPrintable(QString::number(mean)));
}

void TestLutInterop::cubeFileReadsBackAsTheBakedLut()
{
    QCOMPARE(m_fromFile.size, m_baked.size);
    QCOMPARE(m_fromFile.values.size(), m_baked.values.size());
    float worst = 0.0f;
    for (size_t i = 0; i < m_baked.values.size(); ++i)
        worst = std::max(worst, std::abs(m_fromFile.values[i] - m_baked.values[i]));
    QVERIFY2(worst < 1e-6f, qPrintable(QString::number(worst))); // 10 significant digits in the file
}

void TestLutInterop::openColorIoMatchesOurRenderWithinOneCodeValue()
{
    Image viaOcio = m_image;
    ColorPipeline::applyFileTransform(m_cubePath, viaOcio);
    const int worst = maxDifference8(viaOcio, m_ours);
    qInfo("OpenColorIO vs ours, 8-bit: max %d code value(s), mean %.4f", worst,
          meanDifference8(viaOcio, m_ours));
    QVERIFY2(worst <= 1, qPrintable(QString::number(worst)));
}

void TestLutInterop::openColorIoMatchesOurRenderOn16Bit()
{
    const Image image16 = m_image.converted(PixelFormat::Rgb16);
    Image viaOcio = image16;
    ColorPipeline::applyFileTransform(m_cubePath, viaOcio);
    const Image ours = renderWithLut(m_fromFile, image16);
    double worst = 0.0;
    for (int y = 0; y < ours.height(); ++y)
        for (int x = 0; x < ours.width(); ++x)
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, std::abs(double(ours.sample(x, y, c)) - viaOcio.sample(x, y, c)));
    qInfo("OpenColorIO vs ours, 16-bit: max %.2e", worst);
    QVERIFY2(worst < 1.0 / 1023.0, qPrintable(QString::number(worst)));
}

void TestLutInterop::ffmpegLut3dMatchesOurRenderWithinOneCodeValue()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("the ffmpeg program is not installed");
    StillImage::write(m_dir.filePath(QStringLiteral("in.png")), m_image);

    // Run in the temporary folder with relative names: a filter-graph argument would need escaping
    // for ':' , ',' or quotes in an absolute path.
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ffmpeg, {QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"), QStringLiteral("-v"),
                           QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"),
                           QStringLiteral("in.png"), QStringLiteral("-vf"),
                           QStringLiteral("lut3d=file=L.cube:interp=tetrahedral"), QStringLiteral("-pix_fmt"),
                           QStringLiteral("rgb24"), QStringLiteral("out.png")});
    QVERIFY2(process.waitForFinished(30000), "ffmpeg did not finish within 30 s");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAll().constData());

    const Image viaFfmpeg = StillImage::read(m_dir.filePath(QStringLiteral("out.png")));
    QCOMPARE(viaFfmpeg.width(), m_image.width());
    QCOMPARE(viaFfmpeg.height(), m_image.height());
    QCOMPARE(viaFfmpeg.format(), PixelFormat::Rgb8);
    // FFmpeg's lut3d truncates to the output code value where we round: at most 1 apart.
    const int worst = maxDifference8(viaFfmpeg, m_ours);
    qInfo("ffmpeg lut3d vs ours, 8-bit: max %d code value(s), mean %.4f", worst,
          meanDifference8(viaFfmpeg, m_ours));
    QVERIFY2(worst <= 1, qPrintable(QString::number(worst)));
}

void TestLutInterop::compiledGradeMatchesItsBakedCube()
{
    // The viewer/export path (shaper + LUT, 8-bit fast path) against the plain cube other tools get.
    const CompiledGrade compiled(m_grade, CompiledGrade::kDefaultSize);
    Image rendered = m_image;
    compiled.apply(rendered);
    const int worst = maxDifference8(rendered, m_ours);
    qInfo("CompiledGrade vs its 33^3 cube, 8-bit: max %d code value(s), mean %.4f", worst,
          meanDifference8(rendered, m_ours));
    QVERIFY2(worst <= 1, qPrintable(QString::number(worst)));
}

QTEST_GUILESS_MAIN(TestLutInterop)
#include "tst_lut_interop.moc"
