// End-to-end tests of cinegrade-cli: exit codes, JSON reports and the pixels it writes.
#include "CompiledGrade.h"
#include "CubeFile.h"
#include "GradeJson.h"
#include "RandomImage.h"
#include "StillImage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <random>

using namespace cg;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

CliResult runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CINEGRADE_CLI), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

Grade sampleGrade()
{
    Grade grade;
    grade.exposure = 0.3;
    grade.temperature = 20;
    grade.lift.master = 0.02;
    grade.gamma.master = 1.1;
    grade.contrast = 1.1;
    grade.saturation = 1.2;
    grade.curves.master = {{0, 0}, {0.5, 0.55}, {1, 1}};
    return grade;
}

/// True when the error output is one line that mentions `needle`.
bool isOneClearLine(const QByteArray& err, const QString& needle)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n') && QString::fromUtf8(trimmed).contains(needle);
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    /// 2 s of 25 fps 320x240 H.264 with B-frames, BT.709 tagged, with AAC audio.
    void makeClip()
    {
        if (QFile::exists(path("clip.mp4")))
            return;
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                                "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i",
                                "sine=frequency=440:duration=2", "-c:v", "libx264", "-g", "12", "-bf", "2",
                                "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709",
                                "-color_trc", "bt709", "-c:a", "aac", "-shortest", path("clip.mp4")});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        StillImage::write(path("in8.png"), randomImage(PixelFormat::Rgb8, 64, 48, 42));
        StillImage::write(path("in16.png"), randomImage(PixelFormat::Rgb16, 64, 48, 42));
        GradeJson::write(path("grade.json"), sampleGrade());
    }

    void noArgumentsIsUsageError() { QCOMPARE(runCli({}).exitCode, 2); }

    void unknownCommandIsUsageError()
    {
        const CliResult result = runCli({"grade-everything"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isOneClearLine(result.err, "grade-everything"));
    }

    void helpAndVersionSucceed()
    {
        QCOMPARE(runCli({"help"}).exitCode, 0);
        const CliResult version = runCli({"version"});
        QCOMPARE(version.exitCode, 0);
        for (const char* key : {"cinegrade", "qt", "ffmpeg", "opencolorio", "libtorch"})
            QVERIFY2(!version.json().value(key).toString().isEmpty(), key);
    }

    void infoReportsSizeAndBitDepth()
    {
        const CliResult result = runCli({"info", path("in16.png")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().value("width").toInt(), 64);
        QCOMPARE(result.json().value("height").toInt(), 48);
        QCOMPARE(result.json().value("bitDepth").toInt(), 16);
    }

    void infoOnMissingFileIsInputError()
    {
        const CliResult result = runCli({"info", path("nothing-here.png")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isOneClearLine(result.err, "nothing-here.png"));
    }

    void renderWritesTheCompiledGradesPixels()
    {
        const CliResult result = runCli({"render", path("in8.png"), "-o", path("out8.png"), "--grade", path("grade.json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().value("output").toString(), path("out8.png"));
        const Image expected = CompiledGrade(sampleGrade(), CompiledGrade::kExportSize).applied(StillImage::read(path("in8.png")));
        QCOMPARE(StillImage::read(path("out8.png")), expected);
    }

    void renderKeepsSixteenBits()
    {
        QCOMPARE(runCli({"render", path("in16.png"), "-o", path("out16.tif"), "--grade", path("grade.json")}).exitCode, 0);
        const Image out = StillImage::read(path("out16.tif"));
        QCOMPARE(out.format(), PixelFormat::Rgb16);
        const Image expected = CompiledGrade(sampleGrade(), CompiledGrade::kExportSize).applied(StillImage::read(path("in16.png")));
        QCOMPARE(out, expected);
    }

    void renderAppliesLookLutAfterGrade()
    {
        CubeLut look;
        Lut3D invert = Lut3D::identity(2);
        for (int b = 0; b < 2; ++b)
            for (int g = 0; g < 2; ++g)
                for (int r = 0; r < 2; ++r)
                    invert.set(r, g, b, {1.0 - r, 1.0 - g, 1.0 - b});
        look.lut3d = invert;
        CubeFile::write(path("invert.cube"), look);
        QCOMPARE(runCli({"render", path("in8.png"), "-o", path("inverted.png"), "--lut", path("invert.cube")}).exitCode, 0);
        const Image in = StillImage::read(path("in8.png"));
        const Image out = StillImage::read(path("inverted.png"));
        for (int x = 0; x < in.width(); ++x)
            QCOMPARE(int(out.row<uint8_t>(5)[x * 3 + 1]), 255 - int(in.row<uint8_t>(5)[x * 3 + 1]));
    }

    void renderAppliesCdl()
    {
        writeFile(path("half.cc"), R"(<ColorCorrection id="half"><SOPNode><Slope>0.5 0.5 0.5</Slope>
<Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode><SatNode><Saturation>1</Saturation></SatNode></ColorCorrection>)");
        QCOMPARE(runCli({"render", path("in8.png"), "-o", path("half.png"), "--cdl", path("half.cc")}).exitCode, 0);
        const Image in = StillImage::read(path("in8.png"));
        const Image out = StillImage::read(path("half.png"));
        for (int x = 0; x < in.width(); ++x)
            QVERIFY(std::abs(out.sample(x, 7, 0) - in.sample(x, 7, 0) * 0.5f) <= 1.0f / 255);
    }

    void renderRefusesToOverwriteItsInput()
    {
        QFile original(path("in8.png"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        const CliResult result = runCli({"render", path("in8.png"), "-o", path("./in8.png"), "--grade", path("grade.json")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isOneClearLine(result.err, "input"));
        QFile after(path("in8.png"));
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void renderBadInputsExitTwoAndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<QByteArray>("fileContent");
        QTest::addColumn<QString>("mention");
        QTest::newRow("malformed grade") << QStringList{"--grade", "bad.json"} << QByteArray("{\"exposure\": \"lots\"}") << "exposure";
        QTest::newRow("truncated grade") << QStringList{"--grade", "bad.json"} << QByteArray("{\"exposure\": 0.") << "bad.json";
        QTest::newRow("malformed cube") << QStringList{"--lut", "bad.cube"} << QByteArray("LUT_3D_SIZE 2\n0 0 0\n1 1\n") << "bad.cube";
        QTest::newRow("binary cube") << QStringList{"--lut", "bad.cube"} << QByteArray("\x00\x01\xff\xfe junk", 9) << "bad.cube";
        QTest::newRow("malformed cdl") << QStringList{"--cdl", "bad.cdl"} << QByteArray("<ColorDecisionList><nope") << "bad.cdl";
        QTest::newRow("unknown option") << QStringList{"--grading", "x"} << QByteArray() << "grading";
    }
    void renderBadInputsExitTwoAndWriteNothing()
    {
        QFETCH(QStringList, extraArguments);
        QFETCH(QByteArray, fileContent);
        QFETCH(QString, mention);
        if (extraArguments.size() == 2 && !fileContent.isEmpty()) {
            writeFile(path(extraArguments[1]), fileContent);
            extraArguments[1] = path(extraArguments[1]);
        }
        const QString output = path("should-not-exist.png");
        const CliResult result = runCli(QStringList{"render", path("in8.png"), "-o", output} + extraArguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(isOneClearLine(result.err, mention), result.err.constData());
        QVERIFY(!QFile::exists(output));
    }

    void renderUnreadableImageExitsTwo()
    {
        writeFile(path("junk.png"), QByteArray(1000, '\x5a'));
        const CliResult result = runCli({"render", path("junk.png"), "-o", path("junk-out.png")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isOneClearLine(result.err, "junk.png"));
        QVERIFY(!QFile::exists(path("junk-out.png")));
    }

    void renderIntoMissingFolderExitsTwo()
    {
        const CliResult result = runCli({"render", path("in8.png"), "-o", path("no/such/folder/out.png")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isOneClearLine(result.err, "folder"));
    }

    void exportLutWritesReadableCubeOfTheGrade()
    {
        const CliResult result = runCli({"export-lut", "--grade", path("grade.json"), "-o", path("grade.cube"), "--size", "17"});
        QCOMPARE(result.exitCode, 0);
        const CubeLut cube = CubeFile::read(path("grade.cube"));
        QVERIFY(cube.lut3d.has_value());
        QCOMPARE(cube.lut3d->size, 17);
        QCOMPARE(*cube.lut3d, CompiledGrade(sampleGrade()).bakeCube(17));
    }

    void infoDescribesVideo()
    {
        makeClip();
        const CliResult result = runCli({"info", path("clip.mp4")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = result.json();
        QCOMPARE(json.value("kind").toString(), QString("video"));
        QCOMPARE(json.value("frames").toInt(), 50);
        QCOMPARE(json.value("fps").toDouble(), 25.0);
        QCOMPARE(json.value("video").toObject().value("colorMatrix").toString(), QString("bt709"));
        QCOMPARE(json.value("audio").toArray().size(), 1);
    }

    void renderVideoRangeKeepsAudioAndTags()
    {
        makeClip();
        const CliResult result = runCli({"render", path("clip.mp4"), "-o", path("graded.mp4"), "--grade",
                                         path("grade.json"), "--start", "10f", "--end", "1.6"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().value("frames").toInt(), 30); // frames 10..39
        QVERIFY(result.err.contains("frame 30/30")); // progress on stderr
        const QJsonObject out = runCli({"info", path("graded.mp4")}).json();
        QCOMPARE(out.value("frames").toInt(), 30);
        QCOMPARE(out.value("video").toObject().value("codec").toString(), QString("h264"));
        QCOMPARE(out.value("video").toObject().value("colorMatrix").toString(), QString("bt709"));
        QCOMPARE(out.value("audio").toArray().size(), 1);
        QVERIFY(std::abs(out.value("audio").toArray()[0].toObject().value("duration").toDouble() - 1.2) < 0.05);
    }

    void renderVideoUsageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("prores in mp4") << QStringList{"-o", "x.mp4", "--codec", "prores-hq"} << "mov";
        QTest::newRow("unknown codec") << QStringList{"-o", "x.mp4", "--codec", "vp9"} << "vp9";
        QTest::newRow("crf out of range") << QStringList{"-o", "x.mp4", "--crf", "77"} << "crf";
        QTest::newRow("empty range") << QStringList{"-o", "x.mp4", "--start", "5"} << "range";
        QTest::newRow("bad time") << QStringList{"-o", "x.mp4", "--end", "soon"} << "soon";
        QTest::newRow("image extension") << QStringList{"-o", "x.png"} << "x.png";
    }
    void renderVideoUsageErrorsExitTwo()
    {
        makeClip();
        QFETCH(QStringList, arguments);
        QFETCH(QString, mention);
        arguments[1] = path(arguments[1]);
        const CliResult result = runCli(QStringList{"render", path("clip.mp4")} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(isOneClearLine(result.err, mention), result.err.constData());
        QVERIFY(!QFile::exists(arguments[1]));
    }

    void renderVideoOnFullDiskLeavesNothing()
    {
        // A file-size limit makes every write past 300 KiB fail as on a full disk (EFBIG); SIGXFSZ is
        // ignored by the shell so the write error reaches the exporter instead of killing it.
        makeClip();
        QProcess process;
        process.start("bash", {"-c", QStringLiteral("trap '' XFSZ; ulimit -f 300; exec \"%1\" render \"%2\" -o \"%3\" --codec prores-hq")
                                         .arg(CINEGRADE_CLI, path("clip.mp4"), path("full.mov"))});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        const QByteArray lastLine = err.trimmed().split('\n').last(); // after the progress lines
        QVERIFY2(lastLine.startsWith("cinegrade-cli: ") && isOneClearLine(lastLine, "full.mov"), err.constData());
        const QStringList left = QDir(m_dir.path()).entryList({"*full*"}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
    }

    void cancelledRenderLeavesNothing()
    {
        // Long enough (200 frames of 640x480 ProRes 4444) that the signal lands mid-export.
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                                "testsrc2=size=640x480:rate=25:duration=8", "-c:v", "libx264", "-preset", "ultrafast",
                                path("long.mp4")});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QProcess process;
        process.start(QStringLiteral(CINEGRADE_CLI), {"render", path("long.mp4"), "-o", path("cancelled.mov"), "--codec", "prores-4444"});
        QVERIFY(process.waitForStarted());
        process.setReadChannel(QProcess::StandardError);
        QByteArray err;
        while (!err.contains("frame ") && process.state() == QProcess::Running && process.waitForReadyRead(30000))
            err += process.readAllStandardError();
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        if (process.exitCode() == 0)
            QSKIP("the export finished before the signal arrived");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(err.contains("cancelled"), err.constData());
        const QStringList left = QDir(m_dir.path()).entryList({"*cancelled*"}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
    }

    void exportLutRejectsBadSizeAndMissingGrade()
    {
        QCOMPARE(runCli({"export-lut", "--grade", path("grade.json"), "-o", path("x.cube"), "--size", "1000"}).exitCode, 2);
        QCOMPARE(runCli({"export-lut", "-o", path("x.cube")}).exitCode, 2);
        QCOMPARE(runCli({"export-lut", "--grade", path("grade.json"), "-o", path("x.txt")}).exitCode, 2);
        QVERIFY(!QFile::exists(path("x.cube")));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
