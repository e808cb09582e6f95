#include "ClipFactory.h"
#include "Error.h"
#include "Image.h"
#include "MediaInfo.h"
#include "VideoDecoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

using namespace cg;
using namespace cliptest;

namespace {

QString fetchedClip(const QString& name)
{
    return QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched/") + name;
}

QByteArray hashOf(const Image& image)
{
    return QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char*>(image.bits()), qsizetype(image.byteCount())),
        QCryptographicHash::Sha1);
}

/// A fixed random choice of frames (with long jumps both ways), then every fourth frame backwards:
/// the hardest access pattern.
std::vector<qint64> scrambledOrder(qint64 count, quint32 seed)
{
    std::vector<qint64> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    QRandomGenerator random(seed);
    for (size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[random.bounded(quint32(i))]);
    order.resize(std::min<size_t>(order.size(), 24));
    for (qint64 i = count - 1; i >= 0; i -= 4)
        order.push_back(i);
    return order;
}

/// Luma/chroma weights of a YUV matrix (ITU-R BT.601-7, BT.709-6, BT.2020-2).
struct Weights
{
    double kr;
    double kb;
};

Weights weightsOf(const QString& matrix)
{
    if (matrix == "bt709")
        return {0.2126, 0.0722};
    if (matrix == "bt2020nc")
        return {0.2627, 0.0593};
    return {0.299, 0.114}; // bt470bg / smpte170m
}

/// R'G'B' (0..1) of one Y'CbCr sample of `bits` bits in limited or full range, by the textbook
/// equations: the reference the decoder's swscale path is checked against.
std::array<double, 3> rgbOf(int y, int cb, int cr, const QString& matrix, bool full, int bits)
{
    const double scale = double(1 << (bits - 8));
    const double mid = 128.0 * scale;
    const double luma = full ? y / ((1 << bits) - 1.0) : (y - 16.0 * scale) / (219.0 * scale);
    const double blue = full ? (cb - mid) / ((1 << bits) - 1.0) : (cb - mid) / (224.0 * scale);
    const double red = full ? (cr - mid) / ((1 << bits) - 1.0) : (cr - mid) / (224.0 * scale);
    const Weights w = weightsOf(matrix);
    const double r = luma + 2.0 * (1.0 - w.kr) * red;
    const double b = luma + 2.0 * (1.0 - w.kb) * blue;
    const double g = (luma - w.kr * r - w.kb * b) / (1.0 - w.kr - w.kb);
    return {std::clamp(r, 0.0, 1.0), std::clamp(g, 0.0, 1.0), std::clamp(b, 0.0, 1.0)};
}

/// Colour patches (16x16 each): 75 % bars, black, white and two skin/sky tones.
const std::vector<std::array<int, 3>>& patchColours()
{
    static const std::vector<std::array<int, 3>> colours{
        {191, 191, 191}, {191, 191, 0}, {0, 191, 191},   {0, 191, 0},   {191, 0, 191}, {191, 0, 0},
        {0, 0, 191},     {0, 0, 0},     {255, 255, 255}, {230, 80, 40}, {20, 120, 200}};
    return colours;
}

constexpr int kPatch = 16;

void writePatchPpm(const QString& path)
{
    const auto& colours = patchColours();
    const int width = int(colours.size()) * kPatch;
    QByteArray data = QStringLiteral("P6\n%1 %2\n255\n").arg(width).arg(kPatch).toLatin1();
    for (int y = 0; y < kPatch; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                data.append(char(colours[size_t(x / kPatch)][size_t(c)]));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

/// The first frame's planar YUV 4:4:4 samples as the ffmpeg program decodes them, in the stream's
/// own pixel format (a -pix_fmt would convert the full-range yuvj444p of H.264 to limited range).
std::vector<int> yuvSamples(const QString& path, int bits)
{
    QByteArray raw;
    if (!runFfmpeg({"-i", path, "-frames:v", "1", "-f", "rawvideo", "-"}, &raw))
        return {};
    std::vector<int> samples;
    if (bits > 8) {
        for (qsizetype i = 0; i + 1 < raw.size(); i += 2)
            samples.push_back(uint8_t(raw[i]) | uint8_t(raw[i + 1]) << 8);
    } else {
        for (char c : raw)
            samples.push_back(uint8_t(c));
    }
    return samples;
}

/// Pattern indices of every frame as the ffmpeg program decodes the clip (the reference).
std::vector<int> ffmpegPatternIndices(const QString& path, int width, int height)
{
    QByteArray raw;
    if (!runFfmpeg({"-i", path, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"},
                   &raw))
        return {};
    std::vector<int> indices;
    const qsizetype frameBytes = qsizetype(width) * height * 3;
    for (qsizetype offset = 0; offset + frameBytes <= raw.size(); offset += frameBytes) {
        Image image(width, height, PixelFormat::Rgb8);
        std::memcpy(image.bits(), raw.constData() + offset, size_t(frameBytes));
        indices.push_back(patternIndex(image));
    }
    return indices;
}

} // namespace

class TestVideoDecoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString pathFor(const QString& name) const { return m_dir.filePath(name); }

    /// The constructor (or probe) must throw InputError naming the file, and nothing else.
    void expectOpenError(const QString& path)
    {
        const QString name = QFileInfo(path).fileName();
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt == 0)
                    probeMedia(path);
                else
                    VideoDecoder decoder(path);
                QFAIL(qPrintable("no error opening " + path));
            } catch (const InputError& error) {
                QVERIFY2(error.message().startsWith("cannot read " + name + ": "),
                         qPrintable(error.message()));
                QVERIFY(!error.message().contains('\n'));
            }
        }
    }

    /// Every frame read in order shows its own index; then frames asked for in a scrambled order
    /// (forwards and backwards jumps) are each exactly the frame asked for.
    void checkSequentialAndScrambled(const QString& path, int frames)
    {
        VideoDecoder decoder(path);
        QCOMPARE(decoder.frameCount(), qint64(frames));
        Image image;
        for (int i = 0; i < frames; ++i) {
            QCOMPARE(decoder.nextIndex(), qint64(i));
            QVERIFY2(decoder.readNext(image), qPrintable(QString("readNext stopped at %1").arg(i)));
            QCOMPARE(patternIndex(image), i);
        }
        QVERIFY(!decoder.readNext(image));

        VideoDecoder& seeker = decoder; // from the end of the stream: every state change is tested
        for (qint64 target : scrambledOrder(frames, quint32(frames) * 7919u)) {
            const Image picture = seeker.frame(target);
            QVERIFY2(patternIndex(picture) == target,
                     qPrintable(QString("asked for %1, got %2").arg(target).arg(patternIndex(picture))));
        }
        // After a seek, readNext goes on with the next frame.
        const qint64 middle = frames / 2;
        QCOMPARE(patternIndex(seeker.frame(middle)), int(middle));
        QVERIFY(seeker.readNext(image));
        QCOMPARE(patternIndex(image), int(middle + 1));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is needed to make test clips");
    }

    void codecDecodesEveryFrameAndSeeksExactly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("codec");

        // Long-GOP clips: 3 GOPs of 16 frames with B-frames; intra-only clips: 16 frames.
        const QStringList longGop{"-g", "16", "-bf", "3"};
        const QStringList x264{"-c:v", "libx264", "-preset", "ultrafast", "-g", "16", "-bf", "3"};
        QTest::newRow("h264 4:2:0, B-frames, mp4")
            << "h264.mp4" << x264 + QStringList{"-x264-params", "b-adapt=0", "-pix_fmt", "yuv420p"} << 48
            << 320 << "h264";
        QTest::newRow("h264 4:4:4, B-frames, mp4")
            << "h264_444.mp4" << x264 + QStringList{"-x264-params", "b-adapt=0", "-pix_fmt", "yuv444p"} << 48
            << 320 << "h264";
        QTest::newRow("h264 open GOP, mkv")
            << "h264_open.mkv"
            << x264 + QStringList{"-x264-params", "b-adapt=0:open-gop=1", "-pix_fmt", "yuv420p"} << 48 << 320
            << "h264";
        QTest::newRow("hevc (open GOP, CRA), mp4")
            << "hevc.mp4"
            << QStringList{"-c:v",         "libx265",
                           "-preset",      "ultrafast",
                           "-x265-params", "keyint=16:min-keyint=16:bframes=3:b-adapt=0:log-level=error",
                           "-pix_fmt",     "yuv420p"}
            << 48 << 320 << "hevc";
        QTest::newRow("mpeg2, transport stream")
            << "mpeg2.ts" << QStringList{"-c:v", "mpeg2video", "-g", "16", "-bf", "2", "-q:v", "4"} << 48
            << 320 << "mpeg2video";
        QTest::newRow("mpeg2, program stream (pts on some packets only)")
            << "mpeg2.mpg" << QStringList{"-c:v", "mpeg2video", "-g", "16", "-bf", "2", "-q:v", "4"} << 48
            << 320 << "mpeg2video";
        QTest::newRow("mpeg4 part 2, B-frames, avi")
            << "mpeg4.avi" << QStringList{"-c:v", "mpeg4", "-g", "16", "-bf", "2", "-q:v", "4"} << 48 << 320
            << "mpeg4";
        QTest::newRow("mpeg4 part 2, mp4")
            << "mpeg4.mp4" << QStringList{"-c:v", "mpeg4", "-q:v", "4"} + longGop << 48 << 320 << "mpeg4";
        QTest::newRow("ms-mpeg4v3, avi")
            << "msmpeg4.avi" << QStringList{"-c:v", "msmpeg4", "-q:v", "4", "-g", "16"} << 48 << 320
            << "msmpeg4v3";
        QTest::newRow("mjpeg, avi") << "mjpeg.avi" << QStringList{"-c:v", "mjpeg", "-q:v", "3"} << 16 << 320
                                    << "mjpeg";
        QTest::newRow("prores 422 HQ, mov")
            << "prores.mov" << QStringList{"-c:v", "prores_ks", "-profile:v", "3"} << 16 << 320 << "prores";
        QTest::newRow("dnxhr lb, mov")
            << "dnxhr.mov" << QStringList{"-c:v", "dnxhd", "-profile:v", "dnxhr_lb", "-pix_fmt", "yuv422p"}
            << 16 << 320 << "dnxhd";
        QTest::newRow("cinepak, avi")
            << "cinepak.avi" << QStringList{"-c:v", "cinepak", "-pix_fmt", "rgb24"} << 6 << 160 << "cinepak";
        QTest::newRow("ffv1, mkv") << "ffv1.mkv" << QStringList{"-c:v", "ffv1"} << 16 << 320 << "ffv1";
        QTest::newRow("png sequence from 1001")
            << "png/shot_%04d.png" << QStringList{"-start_number", "1001"} << 12 << 320 << "png";
        QTest::newRow("tiff sequence") << "tiff/shot_%03d.tif" << QStringList{} << 12 << 320 << "tiff";
        QTest::newRow("dpx sequence")
            << "dpx/shot.%05d.dpx" << QStringList{"-pix_fmt", "rgb48le"} << 8 << 320 << "dpx";
    }

    void codecDecodesEveryFrameAndSeeksExactly()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, arguments);
        QFETCH(int, frames);
        QFETCH(int, width);
        QFETCH(QString, codec);
        const QString path = pathFor(file);
        QDir().mkpath(QFileInfo(path).path());
        QVERIFY(makePatternClip(path, frames, arguments, width, width * 3 / 4));

        const MediaInfo info = probeMedia(path);
        QVERIFY(info.video);
        QCOMPARE(info.video->codec, codec);
        QCOMPARE(info.video->frameCount, qint64(frames));
        QCOMPARE(info.video->width, width);
        QCOMPARE(info.video->height, width * 3 / 4);
        QVERIFY(!info.isStill);
        checkSequentialAndScrambled(path, frames);
    }

    void h264FourFourFourReportsItsProfile()
    {
        const MediaInfo info = probeMedia(pathFor("h264_444.mp4"));
        QCOMPARE(info.video->profile, QString("High 4:4:4 Predictive"));
        QCOMPARE(info.video->pixelFormat, QString("yuv444p"));
        QVERIFY(!info.video->intraOnly);
        QVERIFY(probeMedia(pathFor("prores.mov")).video->intraOnly);
    }

    void editListClipStartsWhereItsEditSays()
    {
        // Stream copy from 0.9 s: the MP4 keeps the packets from the key frame before, marked to be
        // decoded but not shown (an edit list), so the clip starts between two key frames.
        const QString cut = pathFor("cut.mp4");
        QVERIFY(runFfmpeg({"-ss", "0.9", "-i", pathFor("h264.mp4"), "-c", "copy", cut}));
        const std::vector<int> reference = ffmpegPatternIndices(cut, 320, 240);
        QVERIFY(reference.size() > 10);
        QVERIFY(reference.front() > 16 && reference.front() < 32); // starts inside the second GOP
        VideoDecoder decoder(cut);
        QCOMPARE(decoder.frameCount(), qint64(reference.size()));
        Image image;
        for (size_t i = 0; i < reference.size(); ++i) {
            QVERIFY(decoder.readNext(image));
            QCOMPARE(patternIndex(image), reference[i]);
        }
        for (qint64 target : scrambledOrder(qint64(reference.size()), 5))
            QCOMPARE(patternIndex(decoder.frame(target)), reference[size_t(target)]);
    }

    void negativeStartTimeIsFrameZero()
    {
        const QString shifted = pathFor("shifted.mkv");
        QVERIFY(runFfmpeg({"-i", pathFor("h264.mp4"), "-c", "copy", "-output_ts_offset", "-0.5", shifted}));
        checkSequentialAndScrambled(shifted, 48);
    }

    void matrixAndRangeGiveTheStreamsOwnRgb_data()
    {
        QTest::addColumn<QString>("matrix");
        QTest::addColumn<QString>("range");
        QTest::addColumn<QStringList>("codec");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("sixteenBitOutput");
        const QStringList ffv1{"-c:v", "ffv1"};
        const QStringList x264{"-c:v", "libx264", "-qp", "0", "-preset", "ultrafast"};
        for (const char* matrix : {"bt470bg", "bt709", "bt2020nc"})
            for (const char* range : {"tv", "pc"})
                QTest::addRow("%s %s ffv1", matrix, range) << matrix << range << ffv1 << 8 << false;
        QTest::newRow("bt709 tv x264 lossless") << "bt709"
                                                << "tv" << x264 << 8 << false;
        QTest::newRow("bt470bg pc x264 lossless (yuvj444p)") << "bt470bg"
                                                             << "pc" << x264 << 8 << false;
        QTest::newRow("bt709 tv 10-bit") << "bt709"
                                         << "tv" << ffv1 << 10 << true;
        QTest::newRow("bt2020nc pc 10-bit") << "bt2020nc"
                                            << "pc" << ffv1 << 10 << true;
        QTest::newRow("bt709 tv 8-bit to Rgb16") << "bt709"
                                                 << "tv" << ffv1 << 8 << true;
        QTest::newRow("bt470bg pc 8-bit to Rgb16") << "bt470bg"
                                                   << "pc" << ffv1 << 8 << true;
    }

    void matrixAndRangeGiveTheStreamsOwnRgb()
    {
        QFETCH(QString, matrix);
        QFETCH(QString, range);
        QFETCH(QStringList, codec);
        QFETCH(int, bits);
        QFETCH(bool, sixteenBitOutput);
        const QString source = pathFor("patches.ppm");
        writePatchPpm(source);
        const QString scaleMatrix = matrix == "bt470bg" ? "bt601" : matrix == "bt2020nc" ? "bt2020" : matrix;
        const QString clip =
            pathFor(QStringLiteral("colour_%1_%2_%3_%4.mkv").arg(matrix, range, codec.at(1)).arg(bits));
        QVERIFY(runFfmpeg(QStringList{"-i", source, "-vf",
                                      QStringLiteral("scale=out_color_matrix=%1:out_range=%2,format=%3")
                                          .arg(scaleMatrix, range == "pc" ? "full" : "limited",
                                               bits > 8 ? "yuv444p10le" : "yuv444p"),
                                      "-colorspace", matrix, "-color_range", range} +
                          codec + QStringList{clip}));

        const MediaInfo info = probeMedia(clip);
        QCOMPARE(info.video->colorMatrix, matrix);
        QCOMPARE(info.video->colorRange, range);
        QCOMPARE(info.video->decodeMatrix, matrix);
        QCOMPARE(info.video->bitDepth, bits);
        const std::vector<int> yuv = yuvSamples(clip, bits);
        const int width = int(patchColours().size()) * kPatch;
        QCOMPARE(yuv.size(), size_t(width * kPatch * 3));

        VideoDecoder decoder(clip, sixteenBitOutput ? VideoDecoder::Depth::Rgb16 : VideoDecoder::Depth::Auto);
        QCOMPARE(decoder.outputFormat(), sixteenBitOutput ? PixelFormat::Rgb16 : PixelFormat::Rgb8);
        const Image image = decoder.frame(0);
        // Within one code value of the source's depth; 16-bit output of an 8-bit source within a
        // quarter (swscale's limited-range scale alone would be off by one code value at white).
        const double codeValues = ((1 << bits) - 1.0) * (sixteenBitOutput && bits == 8 ? 4.0 : 1.0);
        double worst = 0.0;
        double otherMatrix = 0.0; // how far the answer of another matrix would be
        const QString wrong = matrix == "bt709" ? "bt470bg" : "bt709";
        for (size_t patch = 0; patch < patchColours().size(); ++patch) {
            const int x = int(patch) * kPatch + kPatch / 2;
            const size_t at = size_t(kPatch / 2 * width + x);
            const size_t plane = size_t(width * kPatch);
            const auto expected =
                rgbOf(yuv[at], yuv[plane + at], yuv[2 * plane + at], matrix, range == "pc", bits);
            const auto other =
                rgbOf(yuv[at], yuv[plane + at], yuv[2 * plane + at], wrong, range == "pc", bits);
            for (int c = 0; c < 3; ++c) {
                worst = std::max(worst,
                                 std::abs(image.sample(x, kPatch / 2, c) - expected[size_t(c)]) * codeValues);
                otherMatrix = std::max(otherMatrix, std::abs(other[size_t(c)] - expected[size_t(c)]) * 255.0);
            }
        }
        QVERIFY2(worst <= 1.0, qPrintable(QString("off by %1 code values").arg(worst)));
        QVERIFY(otherMatrix > 4.0); // the check tells the matrices apart (by 4 to 20 8-bit code values)
    }

    void untaggedStreamsFollowThePlayersConvention()
    {
        // Untagged: BT.709 from 1280 wide or more than 576 lines, BT.601 below.
        struct Case
        {
            int width;
            int height;
            const char* matrix;
        };
        for (const Case& c :
             {Case{1280, 720, "bt709"}, Case{720, 576, "smpte170m"}, Case{640, 480, "smpte170m"}}) {
            const QString clip = pathFor(QStringLiteral("untagged_%1.mkv").arg(c.width));
            QVERIFY(runFfmpeg(
                {"-f", "lavfi", "-i",
                 QStringLiteral("color=c=0xC02040:s=%1x%2:d=0.04,format=rgb24").arg(c.width).arg(c.height),
                 "-vf",
                 QStringLiteral("scale=out_color_matrix=%1:out_range=limited,format=yuv444p")
                     .arg(c.matrix == QString("bt709") ? "bt709" : "bt601"),
                 "-c:v", "ffv1", clip}));
            const MediaInfo info = probeMedia(clip);
            QCOMPARE(info.video->colorMatrix, QString("unknown"));
            QCOMPARE(info.video->decodeMatrix, QString(c.matrix));
            QCOMPARE(info.video->decodeRange, QString("tv"));
            const Image image = VideoDecoder(clip).frame(0);
            QVERIFY(std::abs(image.sample(8, 8, 0) * 255 - 0xC0) <= 1.5);
            QVERIFY(std::abs(image.sample(8, 8, 1) * 255 - 0x20) <= 1.5);
            QVERIFY(std::abs(image.sample(8, 8, 2) * 255 - 0x40) <= 1.5);
        }
    }

    void jpegVideoIsFullRange()
    {
        const MediaInfo info = probeMedia(pathFor("mjpeg.avi"));
        QCOMPARE(info.video->decodeRange, QString("pc"));
        QVERIFY(info.video->decodeMatrix == "bt470bg" || info.video->decodeMatrix == "smpte170m"); // BT.601
    }

    void tenBitSourceDecodesToRgb16()
    {
        for (const QString& clip : {pathFor("prores.mov"), pathFor("hevc10.mkv")}) {
            if (clip.endsWith("hevc10.mkv"))
                QVERIFY(makePatternClip(clip, 12,
                                        {"-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
                                         "log-level=error", "-pix_fmt", "yuv420p10le"}));
            VideoDecoder decoder(clip);
            QCOMPARE(decoder.info().video->bitDepth, 10);
            QCOMPARE(decoder.outputFormat(), PixelFormat::Rgb16);
            const Image image = decoder.frame(5);
            QCOMPARE(image.format(), PixelFormat::Rgb16);
            QCOMPARE(patternIndex(image), 5);
            // Ten bits really arrive: the low bits of 16-bit samples are not all zero padding.
            bool fine = false;
            for (int y = 0; y < image.height() && !fine; ++y)
                for (int i = 0; i < image.width() * 3 && !fine; ++i)
                    fine = (image.row<uint16_t>(y)[i] & 0xff) != (image.row<uint16_t>(y)[i] >> 8);
            QVERIFY(fine);
        }
        VideoDecoder eightBit(pathFor("prores.mov"), VideoDecoder::Depth::Rgb8);
        QCOMPARE(eightBit.frame(3).format(), PixelFormat::Rgb8);
        QCOMPARE(patternIndex(eightBit.frame(3)), 3);
    }

    void rotationIsAppliedLikeTheFfmpegProgramDoes()
    {
        const QString plain = pathFor("corner.mp4");
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i",
                           "color=c=black:s=160x96:d=0.2,drawbox=x=0:y=0:w=40:h=24:c=red:t=fill", "-c:v",
                           "libx264", "-pix_fmt", "yuv444p", "-qp", "0", plain}));
        for (int tag : {90, 180, 270}) {
            const QString rotated = pathFor(QStringLiteral("corner_%1.mp4").arg(tag));
            QVERIFY(runFfmpeg({"-i", plain, "-c", "copy", "-metadata:s:v:0",
                               QStringLiteral("rotate=%1").arg(tag), rotated}));
            // The ffmpeg program turns pictures upright by the display matrix (autorotate).
            QByteArray raw;
            QVERIFY(runFfmpeg({"-i", rotated, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"},
                              &raw));
            const bool turned = tag != 180;
            const int width = turned ? 96 : 160;
            const int height = turned ? 160 : 96;
            QCOMPARE(raw.size(), qsizetype(width * height * 3));

            VideoDecoder decoder(rotated);
            QCOMPARE(decoder.info().video->width, width);
            QCOMPARE(decoder.info().video->height, height);
            QVERIFY(decoder.info().video->rotation != 0);
            const Image image = decoder.frame(0);
            QCOMPARE(image.width(), width);
            QCOMPARE(image.height(), height);
            for (auto [x, y] : {std::pair{4, 4}, {width - 5, 4}, {4, height - 5}, {width - 5, height - 5}}) {
                const bool red = uint8_t(raw[(y * width + x) * 3]) > 128;
                QCOMPARE(image.sample(x, y, 0) > 0.5f, red);
            }
        }
    }

    void stillImageIsOneFrame()
    {
        const QString still = pathFor("still.png");
        QVERIFY(makePatternClip(still, 1, {"-update", "1"}));
        const MediaInfo info = probeMedia(still);
        QVERIFY(info.isStill);
        QCOMPARE(info.video->frameCount, qint64(1));
        VideoDecoder decoder(still);
        QCOMPARE(patternIndex(decoder.frame(0)), 0);
        QCOMPARE(patternIndex(decoder.frame(0)), 0);
        Image image;
        QVERIFY(!decoder.readNext(image));
    }

    void probeDescribesStreamsTagsAndAudio()
    {
        const QString clip = pathFor("with_audio.mov");
        QVERIFY(runFfmpeg({"-f",
                           "lavfi",
                           "-i",
                           "testsrc2=s=320x240:r=25",
                           "-f",
                           "lavfi",
                           "-i",
                           "sine=frequency=440:duration=2",
                           "-c:v",
                           "libx264",
                           "-preset",
                           "ultrafast",
                           "-pix_fmt",
                           "yuv420p",
                           "-colorspace",
                           "bt709",
                           "-color_primaries",
                           "bt709",
                           "-color_trc",
                           "bt709",
                           "-color_range",
                           "tv",
                           "-c:a",
                           "aac",
                           "-frames:v",
                           "50",
                           clip}));
        const MediaInfo info = probeMedia(clip);
        QCOMPARE(info.video->frameCount, qint64(50));
        QCOMPARE(info.video->frameRate, (Rational{25, 1}));
        QVERIFY(std::abs(info.video->duration - 2.0) < 1e-6);
        QCOMPARE(info.video->colorMatrix, QString("bt709"));
        QCOMPARE(info.video->colorPrimaries, QString("bt709"));
        QCOMPARE(info.video->colorTransfer, QString("bt709"));
        QCOMPARE(info.video->colorRange, QString("tv"));
        QCOMPARE(info.video->bitDepth, 8);
        QCOMPARE(info.audio.size(), size_t(1));
        QCOMPARE(info.audio[0].codec, QString("aac"));
        QCOMPARE(info.audio[0].sampleRate, 44100);
        QCOMPARE(info.audio[0].channels, 1);

        const QJsonObject json = mediaInfoToJson(info);
        QCOMPARE(json.value("frames").toInt(), 50);
        QCOMPARE(json.value("width").toInt(), 320);
        QCOMPARE(json.value("video").toObject().value("frameRate").toString(), QString("25/1"));
        QCOMPARE(json.value("video").toObject().value("colorMatrix").toString(), QString("bt709"));
        QCOMPARE(json.value("audio").toArray().size(), 1);
    }

    void fetchedFootageSeeksToTheSamePixelsAsSequentialDecoding_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("frames");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QList<qint64>>("targets");
        // vtest.avi: MS-MPEG4v3, 795 frames, key frames every 250. tree.avi: Cinepak, 68 frames
        // (the AVI index lists 444 entries, 376 of them empty: dropped frames). cockatoo.mp4:
        // H.264 High 4:4:4 with B-frames, IDR frames at 0, 76 and 145, from an x264 build whose
        // 4:4:4 bug FFmpeg works around only after seeing the build's SEI in the first packet.
        QTest::newRow("vtest.avi") << "vtest.avi" << qint64(795) << "msmpeg4v3"
                                   << QList<qint64>{255, 251, 5, 249, 250, 0, 130, 252};
        QTest::newRow("tree.avi") << "tree.avi" << qint64(68) << "cinepak"
                                  << QList<qint64>{67, 30, 2, 31, 0, 66};
        QTest::newRow("cockatoo.mp4") << "cockatoo.mp4" << qint64(280) << "h264"
                                      << QList<qint64>{150, 77, 76, 146, 75, 145, 0, 144, 152};
    }

    void fetchedFootageSeeksToTheSamePixelsAsSequentialDecoding()
    {
        QFETCH(QString, file);
        QFETCH(qint64, frames);
        QFETCH(QString, codec);
        QFETCH(QList<qint64>, targets);
        const QString path = fetchedClip(file);
        if (!QFileInfo::exists(path))
            QSKIP("fetched footage missing: run tools/fetch-test-media.sh");
        const MediaInfo info = probeMedia(path);
        QCOMPARE(info.video->codec, codec);
        QCOMPARE(info.video->frameCount, frames);

        const qint64 last = *std::max_element(targets.begin(), targets.end());
        std::vector<QByteArray> sequential;
        VideoDecoder decoder(path);
        Image image;
        for (qint64 i = 0; i <= last; ++i) {
            QVERIFY(decoder.readNext(image));
            sequential.push_back(hashOf(image));
        }
        VideoDecoder seeker(path);
        for (qint64 target : targets)
            QVERIFY2(hashOf(seeker.frame(target)) == sequential[size_t(target)],
                     qPrintable(QString("frame %1 differs after a seek").arg(target)));
    }

    void missingFileIsAnInputError() { expectOpenError(pathFor("nothing-here.mp4")); }

    void emptyFileIsAnInputError()
    {
        QFile file(pathFor("empty.mp4"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        expectOpenError(file.fileName());
    }

    void randomBytesAreAnInputError()
    {
        QFile file(pathFor("noise.mp4"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QRandomGenerator random(7);
        QByteArray bytes(100000, 0);
        for (char& c : bytes)
            c = char(random.bounded(256));
        file.write(bytes);
        file.close();
        expectOpenError(file.fileName());
    }

    void audioOnlyFileIsAnInputError()
    {
        const QString path = pathFor("tone.m4a");
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "sine=duration=0.5", "-c:a", "aac", path}));
        expectOpenError(path);
    }

    void codecWithoutDecoderIsAnInputError()
    {
        // An AVI whose FourCC no FFmpeg decoder knows: an MPEG-4 AVI with its "FMP4" tags renamed.
        const QString source = pathFor("fmp4.avi");
        QVERIFY(makePatternClip(source, 4, {"-c:v", "mpeg4"}));
        QFile in(source);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        QVERIFY(bytes.contains("FMP4"));
        bytes.replace("FMP4", "QQQQ");
        const QString path = pathFor("unknown_codec.avi");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        try {
            VideoDecoder decoder(path);
            QFAIL("no error for a codec without decoder");
        } catch (const InputError& error) {
            QVERIFY2(error.message().startsWith("cannot read unknown_codec.avi: "),
                     qPrintable(error.message()));
        }
    }

    void truncatedFileIsAnInputErrorOrItsReadablePart()
    {
        // MP4 with its index at the end: cut in half, nothing can be found.
        const QByteArray whole = [&] {
            QFile file(pathFor("h264.mp4"));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(!whole.isEmpty());
        QFile cut(pathFor("truncated.mp4"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(whole.left(whole.size() / 2));
        cut.close();
        expectOpenError(cut.fileName());

        // MP4 with its index in front, or MPEG-TS: the frames before the cut are there, the rest
        // are not counted, and nothing after it is waited for.
        for (const QString& name : {QString("faststart.mp4"), QString("mpeg2.ts")}) {
            const QString source = pathFor(name);
            if (name == "faststart.mp4")
                QVERIFY(
                    runFfmpeg({"-i", pathFor("h264.mp4"), "-c", "copy", "-movflags", "+faststart", source}));
            QFile in(source);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            const QString truncated = pathFor("truncated_" + name);
            QFile out(truncated);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes.left(bytes.size() * 6 / 10));
            out.close();
            QElapsedTimer timer;
            timer.start();
            VideoDecoder decoder(truncated);
            QVERIFY(decoder.frameCount() > 10 && decoder.frameCount() < 48);
            for (qint64 target : scrambledOrder(decoder.frameCount(), 3)) {
                try {
                    const Image image = decoder.frame(target);
                    QVERIFY(!image.isNull());
                } catch (const InputError& error) {
                    QVERIFY(error.message().startsWith("cannot read truncated_"));
                }
            }
            QVERIFY(timer.elapsed() < 10000);
        }
    }

    void damagedStreamNeverHangs()
    {
        // Overwrite a quarter of the picture data (between "mdat" and the "moov" index after it)
        // with noise.
        QFile in(pathFor("h264_444.mp4"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        const qsizetype data = bytes.indexOf("mdat") + 4;
        const qsizetype index = bytes.indexOf("moov", data);
        QVERIFY(data > 4 && index > data);
        QRandomGenerator random(11);
        for (qsizetype i = data + (index - data) / 3; i < data + (index - data) * 7 / 12; ++i)
            bytes[i] = char(random.bounded(256));
        const QString damaged = pathFor("damaged.mp4");
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        QElapsedTimer timer;
        timer.start();
        VideoDecoder decoder(damaged);
        Image image;
        int read = 0;
        while (decoder.readNext(image))
            ++read;
        QCOMPARE(read, int(decoder.frameCount()));
        for (qint64 target : scrambledOrder(decoder.frameCount(), 13)) {
            try {
                decoder.frame(target);
            } catch (const InputError& error) {
                QVERIFY(error.message().startsWith("cannot read damaged.mp4: "));
            }
        }
        QVERIFY(timer.elapsed() < 10000);
    }

    void frameOutOfRangeIsAnInputError()
    {
        VideoDecoder decoder(pathFor("mjpeg.avi"));
        QCOMPARE(decoder.frameCount(), qint64(16));
        QVERIFY_THROWS_EXCEPTION(InputError, decoder.frame(16));
        QVERIFY_THROWS_EXCEPTION(InputError, decoder.frame(-1));
        QCOMPARE(patternIndex(decoder.frame(15)), 15);
    }
};

QTEST_GUILESS_MAIN(TestVideoDecoder)
#include "tst_video_decoder.moc"
