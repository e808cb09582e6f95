#include "Error.h"
#include "Image.h"
#include "StillImage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdlib>

using namespace cg;

namespace {

Image randomImage(int width, int height, PixelFormat format, quint32 seed)
{
    QRandomGenerator random(seed);
    Image image(width, height, format);
    if (format == PixelFormat::Rgb8) {
        for (size_t i = 0; i < image.byteCount(); ++i)
            image.bits()[i] = uint8_t(random.bounded(256));
    } else {
        for (int y = 0; y < height; ++y)
            for (int i = 0; i < width * 3; ++i)
                image.row<uint16_t>(y)[i] = uint16_t(random.bounded(65536));
    }
    return image;
}

/// A smooth gradient (what JPEG is made for), in normalised values.
Image smoothImage(int width, int height, PixelFormat format)
{
    Image image(width, height, format);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const float u = float(x) / float(width - 1);
            const float v = float(y) / float(height - 1);
            image.setSample(x, y, 0, u);
            image.setSample(x, y, 1, v);
            image.setSample(x, y, 2, 0.5f + 0.4f * std::sin(6.0f * u + 3.0f * v));
        }
    return image;
}

/// Netpbm (PPM for 3 channels, PGM for 1) with maxValue 255 or 65535 (big-endian samples): a lossless
/// way to hand the ffmpeg program known values.
void writeNetpbm(const QString& path, int width, int height, int channels, int maxValue,
                 const std::vector<uint16_t>& samples)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("P%1\n%2 %3\n%4\n")
                   .arg(channels == 3 ? 6 : 5)
                   .arg(width)
                   .arg(height)
                   .arg(maxValue)
                   .toLatin1());
    QByteArray data;
    for (uint16_t s : samples) {
        if (maxValue > 255)
            data.append(char(s >> 8));
        data.append(char(s & 0xff));
    }
    file.write(data);
}

QString ffmpegProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

bool runFfmpeg(const QStringList& arguments)
{
    QProcess process;
    process.start(ffmpegProgram(), QStringList{"-v", "error", "-nostdin", "-y"} + arguments);
    if (!process.waitForFinished(30000))
        return false;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << process.readAllStandardError();
        return false;
    }
    return true;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

int maxDifference(const Image& a, const Image& b)
{
    int worst = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int i = 0; i < a.width() * 3; ++i)
            worst = std::max(worst, std::abs(int(a.row<uint8_t>(y)[i]) - int(b.row<uint8_t>(y)[i])));
    return worst;
}

double meanDifference(const Image& a, const Image& b)
{
    double sum = 0.0;
    for (int y = 0; y < a.height(); ++y)
        for (int i = 0; i < a.width() * 3; ++i)
            sum += std::abs(int(a.row<uint8_t>(y)[i]) - int(b.row<uint8_t>(y)[i]));
    return sum / double(a.pixelCount() * 3);
}

} // namespace

class TestStillImage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString pathFor(const QString& name) const { return m_dir.filePath(name); }

    /// read() must throw InputError naming the file, and nothing else.
    void expectReadError(const QString& path)
    {
        try {
            StillImage::read(path);
            QFAIL(qPrintable("no error reading " + path));
        } catch (const InputError& error) {
            qInfo().noquote() << error.message();
            QVERIFY2(error.message().startsWith("cannot read " + QFileInfo(path).fileName() + ": "),
                     qPrintable(error.message()));
            QVERIFY(!error.message().contains('\n'));
        }
    }

    void expectWriteErrorLeavesNothing(const QString& path, const Image& image)
    {
        const QDir folder = QFileInfo(path).dir();
        const QStringList before =
            folder.exists() ? folder.entryList(QDir::NoDotAndDotDot | QDir::AllEntries) : QStringList();
        try {
            StillImage::write(path, image);
            QFAIL(qPrintable("no error writing " + path));
        } catch (const InputError& error) {
            qInfo().noquote() << error.message();
            QVERIFY2(error.message().startsWith("cannot write " + QFileInfo(path).fileName()),
                     qPrintable(error.message()));
        }
        QVERIFY(!QFileInfo::exists(path));
        const QStringList after =
            folder.exists() ? folder.entryList(QDir::NoDotAndDotDot | QDir::AllEntries) : QStringList();
        QCOMPARE(after, before);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileTypeFollowsExtension()
    {
        QCOMPARE(StillImage::fileTypeForPath("a/b.png"), StillImage::FileType::Png);
        QCOMPARE(StillImage::fileTypeForPath("B.PNG"), StillImage::FileType::Png);
        QCOMPARE(StillImage::fileTypeForPath("c.jpg"), StillImage::FileType::Jpeg);
        QCOMPARE(StillImage::fileTypeForPath("c.JPEG"), StillImage::FileType::Jpeg);
        QCOMPARE(StillImage::fileTypeForPath("d.tif"), StillImage::FileType::Tiff);
        QCOMPARE(StillImage::fileTypeForPath("d.tiff"), StillImage::FileType::Tiff);
        QVERIFY_THROWS_EXCEPTION(InputError, StillImage::fileTypeForPath("e.bmp"));
        QVERIFY_THROWS_EXCEPTION(InputError, StillImage::fileTypeForPath("noextension"));
    }

    void pngRoundTripKeepsEightBitPixels()
    {
        const Image image = randomImage(67, 41, PixelFormat::Rgb8, 1);
        StillImage::write(pathFor("rgb8.png"), image);
        const Image back = StillImage::read(pathFor("rgb8.png"));
        QCOMPARE(back.format(), PixelFormat::Rgb8);
        QVERIFY(back == image);
    }

    void tiffRoundTripKeepsEightBitPixels()
    {
        const Image image = randomImage(67, 41, PixelFormat::Rgb8, 2);
        StillImage::write(pathFor("rgb8.tif"), image);
        const Image back = StillImage::read(pathFor("rgb8.tif"));
        QCOMPARE(back.format(), PixelFormat::Rgb8);
        QVERIFY(back == image);
    }

    void pngRoundTripKeepsSixteenBitPixels()
    {
        const Image image = randomImage(67, 41, PixelFormat::Rgb16, 3);
        StillImage::write(pathFor("rgb16.png"), image);
        const Image back = StillImage::read(pathFor("rgb16.png"));
        QCOMPARE(back.format(), PixelFormat::Rgb16);
        QVERIFY(back == image);
    }

    void tiffRoundTripKeepsSixteenBitPixels()
    {
        const Image image = randomImage(67, 41, PixelFormat::Rgb16, 4);
        StillImage::write(pathFor("rgb16.tiff"), image);
        const Image back = StillImage::read(pathFor("rgb16.tiff"));
        QCOMPARE(back.format(), PixelFormat::Rgb16);
        QVERIFY(back == image);
    }

    void floatImageIsWrittenAsSixteenBit()
    {
        Image image(5, 3, PixelFormat::RgbF32);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 5; ++x)
                for (int c = 0; c < 3; ++c)
                    image.setSample(x, y, c, float(x * 15 + y * 5 + c) / 80.0f - 0.1f); // some outside 0..1
        StillImage::write(pathFor("float.png"), image);
        const Image back = StillImage::read(pathFor("float.png"));
        QCOMPARE(back.format(), PixelFormat::Rgb16);
        QVERIFY(back == image.converted(PixelFormat::Rgb16));
    }

    void jpegRoundTripIsCloseOnSmoothContent()
    {
        const Image image = smoothImage(160, 90, PixelFormat::Rgb8);
        StillImage::write(pathFor("smooth.jpg"), image);
        const Image back = StillImage::read(pathFor("smooth.jpg"));
        QCOMPARE(back.format(), PixelFormat::Rgb8);
        QCOMPARE(back.width(), 160);
        QCOMPARE(back.height(), 90);
        // Measured: mean 0.8, largest 6 code values (blue, from Cb quantisation), the same as
        // `ffmpeg -pix_fmt yuvj444p -q:v 2` gives on this image.
        const int worst = maxDifference(back, image);
        const double mean = meanDifference(back, image);
        qInfo() << "JPEG round trip: mean difference" << mean << "largest" << worst << "code values";
        QVERIFY2(worst <= 8 && mean <= 1.5, qPrintable(QStringLiteral("%1 %2").arg(mean).arg(worst)));
    }

    void jpegOfSixteenBitImageIsEightBit()
    {
        const Image image = smoothImage(64, 48, PixelFormat::Rgb16);
        StillImage::write(pathFor("smooth16.jpeg"), image);
        const Image back = StillImage::read(pathFor("smooth16.jpeg"));
        QCOMPARE(back.format(), PixelFormat::Rgb8);
        QVERIFY(maxDifference(back, image.converted(PixelFormat::Rgb8)) <= 8);
        QVERIFY(meanDifference(back, image.converted(PixelFormat::Rgb8)) <= 1.5);
    }

    void jpegKeepsFullRangeBlackAndWhite()
    {
        // A limited-range mistake on either side would turn 0/255 into 16/235 or clip shadows.
        Image image(32, 16, PixelFormat::Rgb8);
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 32; ++x)
                for (int c = 0; c < 3; ++c)
                    image.setSample(x, y, c, x < 16 ? 0.0f : 1.0f);
        StillImage::write(pathFor("blackwhite.jpg"), image);
        const Image back = StillImage::read(pathFor("blackwhite.jpg"));
        QVERIFY(back.row<uint8_t>(8)[3 * 4] <= 1);
        QVERIFY(back.row<uint8_t>(8)[3 * 28] >= 254);
    }

    void jpegFromFfmpegReadsWithFullRange()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        const QString path = pathFor("ffmpeg.jpg");
        QVERIFY(runFfmpeg(
            {"-f", "lavfi", "-i", "color=c=0x3366cc:s=64x64", "-frames:v", "1", "-q:v", "2", path}));
        const Image image = StillImage::read(path);
        QCOMPARE(image.format(), PixelFormat::Rgb8);
        const uint8_t* pixel = image.row<uint8_t>(32) + 3 * 32;
        QVERIFY2(std::abs(pixel[0] - 0x33) <= 3 && std::abs(pixel[1] - 0x66) <= 3 &&
                     std::abs(pixel[2] - 0xcc) <= 3,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
    }

    void sixteenBitPngFromFfmpegReadsAsRgb16()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        const int width = 37, height = 23;
        std::vector<uint16_t> samples(size_t(width) * height * 3);
        QRandomGenerator random(5);
        for (uint16_t& s : samples)
            s = uint16_t(random.bounded(65536));
        writeNetpbm(pathFor("in16.ppm"), width, height, 3, 65535, samples);
        QVERIFY(runFfmpeg({"-i", pathFor("in16.ppm"), "-pix_fmt", "rgb48be", pathFor("ffmpeg16.png")}));
        QVERIFY(runFfmpeg({"-i", pathFor("in16.ppm"), "-pix_fmt", "rgba64be", pathFor("ffmpeg16alpha.png")}));

        for (const QString name : {"ffmpeg16.png", "ffmpeg16alpha.png"}) {
            const Image image = StillImage::read(pathFor(name));
            QCOMPARE(image.format(), PixelFormat::Rgb16);
            QCOMPARE(image.width(), width);
            QCOMPARE(image.height(), height);
            for (int y = 0; y < height; ++y)
                for (int i = 0; i < width * 3; ++i)
                    QCOMPARE(image.row<uint16_t>(y)[i], samples[size_t(y) * width * 3 + size_t(i)]);
        }
    }

    void videoFileGivesItsFirstPicture()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        // Limited-range BT.601 4:2:0, as most video: the colour must come back, not a washed-out one.
        const QString path = pathFor("clip.mp4");
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "color=c=0x3366cc:s=64x48:r=25", "-frames:v", "5", "-pix_fmt",
                           "yuv420p", "-c:v", "mpeg4", "-q:v", "2", path}));
        const Image image = StillImage::read(path);
        QCOMPARE(image.format(), PixelFormat::Rgb8);
        QCOMPARE(image.width(), 64);
        QCOMPARE(image.height(), 48);
        const uint8_t* pixel = image.row<uint8_t>(24) + 3 * 32;
        QVERIFY2(std::abs(pixel[0] - 0x33) <= 3 && std::abs(pixel[1] - 0x66) <= 3 &&
                     std::abs(pixel[2] - 0xcc) <= 3,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
    }

    void grayPngReadsAsRgb()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        const int width = 256, height = 2;
        std::vector<uint16_t> samples(size_t(width) * height);
        for (int i = 0; i < width * height; ++i)
            samples[size_t(i)] = uint16_t((i % 256) * 257); // every 8-bit level exactly
        writeNetpbm(pathFor("gray.pgm"), width, height, 1, 65535, samples);
        QVERIFY(runFfmpeg({"-i", pathFor("gray.pgm"), "-pix_fmt", "gray", pathFor("gray8.png")}));
        QVERIFY(runFfmpeg({"-i", pathFor("gray.pgm"), "-pix_fmt", "gray16be", pathFor("gray16.png")}));

        const Image gray8 = StillImage::read(pathFor("gray8.png"));
        QCOMPARE(gray8.format(), PixelFormat::Rgb8);
        const Image gray16 = StillImage::read(pathFor("gray16.png"));
        QCOMPARE(gray16.format(), PixelFormat::Rgb16);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c) {
                    QCOMPARE(int(gray8.row<uint8_t>(y)[3 * x + c]), x);
                    QCOMPARE(int(gray16.row<uint16_t>(y)[3 * x + c]), x * 257);
                }
    }

    void paletteAndAlphaPngReadAsRgb()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        const int width = 40, height = 30;
        std::vector<uint16_t> samples(size_t(width) * height * 3);
        QRandomGenerator random(6);
        for (uint16_t& s : samples)
            s = uint16_t(random.bounded(256));
        writeNetpbm(pathFor("colours.ppm"), width, height, 3, 255, samples);
        QVERIFY(runFfmpeg({"-i", pathFor("colours.ppm"), "-pix_fmt", "pal8", pathFor("palette.png")}));
        QVERIFY(runFfmpeg({"-i", pathFor("colours.ppm"), "-pix_fmt", "rgba", pathFor("alpha.png")}));
        // The reference for the palette image is the ffmpeg program's own decode of it.
        QVERIFY(runFfmpeg(
            {"-i", pathFor("palette.png"), "-f", "rawvideo", "-pix_fmt", "rgb24", pathFor("palette.rgb")}));
        const QByteArray expected = readAll(pathFor("palette.rgb"));

        const Image palette = StillImage::read(pathFor("palette.png"));
        QCOMPARE(palette.format(), PixelFormat::Rgb8);
        QCOMPARE(palette.width(), width);
        QCOMPARE(qsizetype(palette.byteCount()), expected.size());
        QVERIFY(std::equal(expected.begin(), expected.end(), reinterpret_cast<const char*>(palette.bits())));

        const Image alpha = StillImage::read(pathFor("alpha.png"));
        QCOMPARE(alpha.format(), PixelFormat::Rgb8);
        for (int y = 0; y < height; ++y)
            for (int i = 0; i < width * 3; ++i)
                QCOMPARE(int(alpha.row<uint8_t>(y)[i]), int(samples[size_t(y) * width * 3 + size_t(i)]));
    }

    void tenBitDpxReadsAsRgb16()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        const int width = 16, height = 8;
        std::vector<uint16_t> tenBit(size_t(width) * height * 3), samples(tenBit.size());
        QRandomGenerator random(7);
        for (size_t i = 0; i < tenBit.size(); ++i) {
            tenBit[i] = uint16_t(random.bounded(1024));
            samples[i] = uint16_t(tenBit[i] << 6);
        }
        writeNetpbm(pathFor("in10.ppm"), width, height, 3, 65535, samples);
        QVERIFY(runFfmpeg({"-i", pathFor("in10.ppm"), "-pix_fmt", "gbrp10le", pathFor("ten.dpx")}));
        const Image image = StillImage::read(pathFor("ten.dpx"));
        QCOMPARE(image.format(), PixelFormat::Rgb16);
        for (int y = 0; y < height; ++y)
            for (int i = 0; i < width * 3; ++i)
                QCOMPARE(image.row<uint16_t>(y)[i] >> 6, int(tenBit[size_t(y) * width * 3 + size_t(i)]));
    }

    void missingFileIsAnInputError() { expectReadError(pathFor("does-not-exist.png")); }

    void folderIsAnInputError() { expectReadError(m_dir.path()); }

    void emptyFileIsAnInputError()
    {
        writeAll(pathFor("empty.png"), QByteArray());
        expectReadError(pathFor("empty.png"));
    }

    void randomBytesAreAnInputError()
    {
        QRandomGenerator random(8);
        QByteArray bytes(4096, '\0');
        for (char& b : bytes)
            b = char(random.bounded(256));
        for (const QString name : {"random.png", "random.jpg", "random.tif", "random.bin"}) {
            writeAll(pathFor(name), bytes);
            expectReadError(pathFor(name));
        }
    }

    void truncatedPngIsAnInputError()
    {
        StillImage::write(pathFor("whole.png"), randomImage(64, 64, PixelFormat::Rgb8, 9));
        const QByteArray whole = readAll(pathFor("whole.png"));
        writeAll(pathFor("truncated.png"), whole.left(whole.size() / 2));
        expectReadError(pathFor("truncated.png"));
        writeAll(pathFor("header-only.png"), whole.left(40));
        expectReadError(pathFor("header-only.png"));
    }

    void truncatedJpegIsAnInputError()
    {
        // FFmpeg's JPEG decoder would conceal the missing half as black rows.
        StillImage::write(pathFor("whole.jpg"), smoothImage(256, 256, PixelFormat::Rgb8));
        const QByteArray whole = readAll(pathFor("whole.jpg"));
        writeAll(pathFor("truncated.jpg"), whole.left(whole.size() / 2));
        expectReadError(pathFor("truncated.jpg"));
    }

    void corruptImageDataIsAnInputError()
    {
        StillImage::write(pathFor("good.png"), randomImage(64, 64, PixelFormat::Rgb8, 10));
        QByteArray bytes = readAll(pathFor("good.png"));
        const qsizetype data = bytes.indexOf("IDAT") + 4;
        QVERIFY(data > 4);
        for (qsizetype i = data; i < data + 64; ++i)
            bytes[i] = char(0xff); // an invalid deflate stream
        writeAll(pathFor("corrupt.png"), bytes);
        expectReadError(pathFor("corrupt.png"));
    }

    void fileWithoutPictureIsAnInputError()
    {
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is not installed");
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "sine=duration=0.2", pathFor("sound.wav")}));
        expectReadError(pathFor("sound.wav"));
    }

    void unknownExtensionIsNotWritten()
    {
        expectWriteErrorLeavesNothing(pathFor("picture.bmp"), randomImage(8, 8, PixelFormat::Rgb8, 11));
    }

    void missingFolderIsNotWritten()
    {
        expectWriteErrorLeavesNothing(pathFor("no-such-folder/picture.png"),
                                      randomImage(8, 8, PixelFormat::Rgb8, 12));
    }

    void folderThatIsAFileIsNotWritten()
    {
        writeAll(pathFor("plain-file"), "x");
        expectWriteErrorLeavesNothing(pathFor("plain-file/picture.tif"),
                                      randomImage(8, 8, PixelFormat::Rgb8, 13));
    }

    void readOnlyFolderIsNotWritten()
    {
        const QString folder = pathFor("read-only");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        QFile probe(folder + "/probe");
        if (probe.open(QIODevice::WriteOnly)) { // root ignores permissions
            probe.remove();
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("this user can write into read-only folders");
        }
        expectWriteErrorLeavesNothing(folder + "/picture.jpg", randomImage(8, 8, PixelFormat::Rgb8, 14));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void writeReplacesAnExistingFile()
    {
        const QString path = pathFor("replace.png");
        StillImage::write(path, randomImage(8, 8, PixelFormat::Rgb8, 15));
        const Image second = randomImage(9, 7, PixelFormat::Rgb8, 16);
        StillImage::write(path, second);
        QVERIFY(StillImage::read(path) == second);
    }

    void fullHdSixteenBitPngReadTime()
    {
        // Smooth gradients plus a little noise, like a graded camera frame.
        Image image(1920, 1080, PixelFormat::Rgb16);
        QRandomGenerator random(17);
        for (int y = 0; y < 1080; ++y) {
            uint16_t* row = image.row<uint16_t>(y);
            for (int x = 0; x < 1920; ++x) {
                row[3 * x + 0] = uint16_t(x * 30 + random.bounded(64));
                row[3 * x + 1] = uint16_t(y * 55 + random.bounded(64));
                row[3 * x + 2] = uint16_t(20000 + (x + y) * 10 + random.bounded(64));
            }
        }
        const QString path = pathFor("full-hd-16.png");
        QElapsedTimer timer;
        timer.start();
        StillImage::write(path, image);
        const qint64 writeMs = timer.restart();
        const Image back = StillImage::read(path);
        const qint64 readMs = timer.elapsed();
        qInfo().noquote() << QStringLiteral("1920x1080 16-bit PNG (%1 MB): read %2 ms, write %3 ms")
                                 .arg(QFileInfo(path).size() / 1e6, 0, 'f', 1)
                                 .arg(readMs)
                                 .arg(writeMs);
        QVERIFY(back == image);
    }
};

QTEST_GUILESS_MAIN(TestStillImage)
#include "tst_still_image.moc"
