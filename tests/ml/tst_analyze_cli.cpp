// `cinegrade-cli analyze`, `train` and `eval` as scripts see them: JSON on stdout, exit codes, one
// clear line on stderr.
#include "SyntheticScene.h"

#include "Classifier.h"
#include "Detune.h"
#include "Error.h"
#include "StillImage.h"
#include "TrainingData.h"
#include "VideoDecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

    /// --min-confidence sets the gate: at 0 every axis read in error becomes a suggestion; the default
    /// (0.85) keeps only the sure ones, a subset of those.
    void minConfidenceSetsTheSuggestionGate()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        QCOMPARE(m_report.value("minConfidence").toDouble(), 0.85);
        const Run run = cli({"analyze", m_dir.filePath("green.png"), "--min-confidence", "0"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject all = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(all.value("minConfidence").toDouble(-1), 0.0);
        QStringList inError, suggested, sure;
        const QJsonObject axes = all.value("axes").toObject();
        for (auto it = axes.begin(); it != axes.end(); ++it)
            if (it.value().toObject().value("level").toInt() != 0)
                inError << it.key();
        for (const QJsonValue& value : all.value("suggestions").toArray())
            suggested << value.toObject().value("axis").toString();
        for (const QJsonValue& value : m_report.value("suggestions").toArray()) {
            sure << value.toObject().value("axis").toString();
            QVERIFY(value.toObject().value("confidence").toDouble() >= 0.85);
        }
        inError.sort();
        suggested.sort();
        QCOMPARE(suggested, inError);
        for (const QString& axis : sure)
            QVERIFY2(suggested.contains(axis), qPrintable(axis));
        QCOMPARE(cli({"analyze", m_dir.filePath("green.png"), "--min-confidence", "1.5"}).exitCode, 2);
    }

    void analyzeReadsAFrameOfAVideo()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        if (!makeClip())
            QSKIP("the ffmpeg program is not available");
        const Run run = cli({"analyze", m_dir.filePath("clip.mp4"), "--frame", "7"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value("frame").toInt(), 7);
        QCOMPARE(report.value("width").toInt(), 320);
        QCOMPARE(report.value("classes").toObject().size(), 25);
    }

    /// --frames reads a shot as a whole: the frames in the middles of equal parts of the clip, their
    /// outputs averaged (what Classifier::average does with each frame's own prediction).
    void analyzeReadsAShotAsTheMeanOfItsFrames()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        if (!makeClip())
            QSKIP("the ffmpeg program is not available");
        const Run run = cli({"analyze", m_dir.filePath("clip.mp4"), "--frames", "4"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value("frames").toArray(), (QJsonArray{1, 4, 7, 10}));
        QVERIFY(!report.contains("frame"));
        QCOMPARE(report.value("frameTopClasses").toArray().size(), 4);

        const Classifier classifier = Classifier::load(Classifier::findModel());
        VideoDecoder decoder(m_dir.filePath("clip.mp4"));
        std::vector<Classifier::Output> outputs;
        for (qint64 index : {1, 4, 7, 10})
            outputs.push_back(classifier.predict(decoder.frame(index)));
        const ClassifierAnalysis expected = Classifier::interpret(Classifier::average(outputs));
        const QJsonObject classes = report.value("classes").toObject();
        QCOMPARE(classes.size(), ErrorClasses::kClassCount);
        double sum = 0.0;
        for (int c = 0; c < ErrorClasses::kClassCount; ++c) {
            const double p = classes.value(ErrorClasses::className(c)).toDouble();
            QVERIFY2(std::abs(p - expected.classProbabilities[size_t(c)]) < 1e-5,
                     qPrintable(ErrorClasses::className(c)));
            sum += p;
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-4);
        QCOMPARE(report.value("topClass").toString(), ErrorClasses::className(expected.topClass));

        // More frames than the clip has: every frame once. --frame and --frames together: an error.
        const Run all = cli({"analyze", m_dir.filePath("clip.mp4"), "--frames", "50"});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QCOMPARE(QJsonDocument::fromJson(all.out).object().value("frames").toArray().size(), 12);
        const Run both = cli({"analyze", m_dir.filePath("clip.mp4"), "--frames", "2", "--frame", "1"});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains("--frame"));
        QCOMPARE(cli({"analyze", m_dir.filePath("green.png"), "--frames", "3"}).exitCode, 2);
    }

    /// `eval classifier` on two photos: both detune families, every frame kind counted, the single
    /// errors split by how visible they are, how right the suggestions are, a verdict per target, and
    /// the card's metrics replaced.
    void evalReportsFiguresAndTheirVerdict()
    {
        if (!m_hasModel)
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const QString data = m_dir.filePath("photos");
        QVERIFY(QDir(data).mkpath("val/synthetic"));
        for (int i = 0; i < 2; ++i)
            StillImage::write(QDir(data).filePath(QStringLiteral("val/synthetic/scene%1.png").arg(i)),
                              syntheticScene(192, 120, uint32_t(20 + i)));
        const QString card = m_dir.filePath("card.json");
        QFile cardFile(card);
        QVERIFY(cardFile.open(QIODevice::WriteOnly));
        cardFile.write(R"({"model": "classifier", "metrics": {"old": 1}})");
        cardFile.close();

        const Run run = cli({"eval", "classifier", "--data", data, "--card", card});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value("photos").toInt(), 2);
        QCOMPARE(report.value("members").toInt(), Classifier::load(Classifier::findModel()).memberCount());
        for (const char* family : {"validation", "unseen", "referenceOperator"}) {
            const QJsonObject figures = report.value(family).toObject();
            const QJsonObject single = figures.value("single").toObject();
            const int frames = single.value("frames").toInt();
            QVERIFY2(frames > 0, family);
            const double exact = single.value("exactClass").toDouble(-1);
            QVERIFY(exact >= 0.0 && exact <= single.value("withinOneLevel").toDouble(-1));
            const double equivalent = single.value("exactOrEquivalentClass").toDouble(-1);
            QVERIFY(equivalent >= exact && equivalent <= 1.0);
            int binned = 0;
            const QJsonObject bins = single.value("byMeanDeltaE2000ToOriginal").toObject();
            QCOMPARE(bins.keys(), QStringList({"0-2", "10+", "2-5", "5-10"}));
            for (const QJsonValue bin : bins)
                binned += bin.toObject().value("frames").toInt();
            QCOMPARE(binned, frames);
            QCOMPARE(figures.value("ok").toObject().value("frames").toInt(), 2);
            QVERIFY(figures.value("multi2").toObject().value("frames").toInt() > 0);
            const QJsonObject correction = figures.value("correction").toObject();
            QVERIFY(correction.value("reduction").toObject().contains("grayWorldAutoLevels"));
            // Suggestions are made on detuned frames, and most point the way the error went.
            const QJsonObject suggestions = correction.value("suggestions").toObject();
            QVERIFY2(suggestions.value("perFrame").toDouble() > 0.0, family);
            const double rightWay = suggestions.value("inTheRightDirection").toDouble(-1);
            QVERIFY2(rightWay > 0.5 && rightWay <= 1.0, family);
            const double rightLevel = suggestions.value("rightDirectionWithinOneLevel").toDouble(-1);
            QVERIFY(rightLevel >= 0.0 && rightLevel <= rightWay);
        }
        const QJsonObject verdict = report.value("verdict").toObject();
        for (const char* target : {"singleExactClass", "singleWithinOneLevel", "multiAxisWithinOneLevel",
                                   "deltaE2000Reduction", "inferenceMs"})
            QVERIFY2(verdict.value(target).toObject().contains("measured"), target);

        QVERIFY(cardFile.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(cardFile.readAll()).object();
        QCOMPARE(written.value("model").toString(), QStringLiteral("classifier"));
        QVERIFY(!written.value("metrics").toObject().contains("old"));
        QCOMPARE(written.value("metrics").toObject().value("photos").toInt(), 2);
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
    /// 12 frames of FFmpeg's moving test pattern (made once).
    bool makeClip()
    {
        if (QFileInfo::exists(m_dir.filePath("clip.mp4")))
            return true;
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                                "-frames:v", "12", "-pix_fmt", "yuv420p", m_dir.filePath("clip.mp4")});
        return ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0;
    }

    QTemporaryDir m_dir;
    QJsonObject m_report;
    bool m_hasModel = false;
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyze_cli.moc"
