// `cinegrade-cli analyze`, `train` and `eval` as scripts see them: JSON on stdout, exit codes, one
// clear line on stderr.
#include "SyntheticScene.h"

#include "Classifier.h"
#include "Detune.h"
#include "Error.h"
#include "StillImage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cg;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CINEGRADE_CLI), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestAnalyzeCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Severities s{};
        s[size_t(ErrorAxis::Tint)] = -2.0 / 3.0;
        Detune::Recipe recipe;
        recipe.severities = s;
        StillImage::write(m_dir.filePath("green.png"), Detune::apply(recipe, syntheticScene(320, 180, 2)));
        m_hasModel = hasShippedModel();
        if (!m_hasModel)
            return; // the error cases below still run: they name their model file
        // Each run of the program loads LibTorch (seconds on a busy machine): analyse once, read twice.
        const Run run = cli({"analyze", m_dir.filePath("green.png")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_report = QJsonDocument::fromJson(run.out).object();
    }

    void analyzePrintsClassesAxesAndSuggestions()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const QJsonObject& report = m_report;
        QCOMPARE(report.value("applied").toBool(true), false); // do no harm: nothing is applied
        QCOMPARE(report.value("width").toInt(), 320);
        QVERIFY(report.value("topClass").isString());
        const QJsonObject classes = report.value("classes").toObject();
        QCOMPARE(classes.size(), 25);
        QVERIFY(classes.contains("ok") && classes.contains("underExposure-33") &&
                classes.contains("tint-100"));
        const QJsonObject axes = report.value("axes").toObject();
        for (const char* axis :
             {"exposure", "blackPoint", "whitePoint", "contrast", "saturation", "temperature", "tint"}) {
            const QJsonObject a = axes.value(axis).toObject();
            QVERIFY2(a.contains("severity") && a.contains("level") && a.contains("confidence"), axis);
            QCOMPARE(a.value("levelProbabilities").toArray().size(), 7);
        }
        for (const QJsonValue& value : report.value("suggestions").toArray()) {
            const QJsonObject s = value.toObject();
            for (const char* key : {"axis", "message", "severity", "level", "confidence", "grade", "delta"})
                QVERIFY2(s.contains(key), key);
            QVERIFY(s.value("message").toString().contains("%"));
            QVERIFY(!s.value("grade").toObject().isEmpty());
        }
        QCOMPARE(report.value("suggestedGrade").toObject().value("format").toString(),
                 QStringLiteral("cinegrade-grade"));
    }

    void suggestedGradeRendersAndCorrects()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const QJsonObject& report = m_report;
        QFile grade(m_dir.filePath("suggested.json"));
        QVERIFY(grade.open(QIODevice::WriteOnly));
        grade.write(QJsonDocument(report.value("suggestedGrade").toObject()).toJson());
        grade.close();
        const Run render = cli({"render", m_dir.filePath("green.png"), "-o", m_dir.filePath("fixed.png"),
                                "--grade", m_dir.filePath("suggested.json")});
        QVERIFY2(render.exitCode == 0, render.err.constData());
        // The frame was made 66 % too green: the suggestion must take green down.
        const auto greenExcess = [](const Image& im) {
            double d = 0;
            for (int y = 0; y < im.height(); ++y)
                for (int x = 0; x < im.width(); ++x)
                    d += im.sample(x, y, 1) - 0.5 * (im.sample(x, y, 0) + im.sample(x, y, 2));
            return d / double(im.pixelCount());
        };
        QVERIFY(greenExcess(StillImage::read(m_dir.filePath("fixed.png"))) <
                greenExcess(StillImage::read(m_dir.filePath("green.png"))) - 0.01);
    }

    void analyzeReadsAFrameOfAVideo()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                                "-frames:v", "12", "-pix_fmt", "yuv420p", m_dir.filePath("clip.mp4")});
        if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
            QSKIP("the ffmpeg program is not available");
        const Run run = cli({"analyze", m_dir.filePath("clip.mp4"), "--frame", "7"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value("frame").toInt(), 7);
        QCOMPARE(report.value("width").toInt(), 320);
        QCOMPARE(report.value("classes").toObject().size(), 25);
    }

    void corruptModelExitsWith2()
    {
        QFile bad(m_dir.filePath("bad.pt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a model at all");
        bad.close();
        const Run run = cli({"analyze", m_dir.filePath("green.png"), "--model", m_dir.filePath("bad.pt")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("bad.pt"));
        QCOMPARE(run.err.trimmed().count('\n'), 0); // one line
        QVERIFY(run.out.isEmpty());
    }

    void missingModelExitsWith2()
    {
        const Run run = cli({"analyze", m_dir.filePath("green.png"), "--model", m_dir.filePath("none.pt")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("none.pt"));
    }

    void badInputsExitWith2()
    {
        QCOMPARE(cli({"analyze", m_dir.filePath("missing.png")}).exitCode, 2);
        QCOMPARE(
            cli({"train", "classifier", "--data", m_dir.filePath("nowhere"), "--out", m_dir.filePath("m.pt")})
                .exitCode,
            2);
        QCOMPARE(cli({"eval", "classifier", "--data", m_dir.filePath("nowhere")}).exitCode, 2);
    }

private:
    QTemporaryDir m_dir;
    QJsonObject m_report;
    bool m_hasModel = false;
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyze_cli.moc"
