// The classifier network: training (smoke test, resume), the shipped model, and bad model files.
#include "SyntheticScene.h"

#include "Classifier.h"
#include "Detune.h"
#include "Error.h"
#include "StillImage.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numeric>
#include <thread>

using namespace cg;

namespace {

ClassifierTrainingOptions smallRun(const QString& data, const QString& out, int64_t steps)
{
    ClassifierTrainingOptions o;
    o.dataDir = data;
    o.outPath = out;
    o.steps = steps;
    o.batchSize = 12;
    o.seed = 3;
    o.learningRate = 3e-3;
    o.maxPhotoSide = 128;
    o.checkpointInterval = 1000;
    return o;
}

Image detuned(const Image& image, ErrorAxis axis, double severity)
{
    Severities s{};
    s[size_t(axis)] = severity;
    Detune::Recipe recipe; // the reference error: the core grade engine
    recipe.severities = s;
    return Detune::apply(recipe, image);
}

} // namespace

class TestClassifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath("train/synthetic"));
        for (int i = 0; i < 4; ++i)
            StillImage::write(m_dir.filePath(QStringLiteral("train/synthetic/scene%1.png").arg(i)),
                              syntheticScene(160, 100, uint32_t(i)));
    }

    /// At most 1 M parameters: one network, and the shipped model with all its members.
    void networkIsSmall()
    {
        QVERIFY(Classifier::architectureParameterCount() > 10000);
        QVERIFY(Classifier::architectureParameterCount() <= 1000000);
        const Classifier shipped = Classifier::load(Classifier::findModel());
        QCOMPARE(shipped.parameterCount(), shipped.memberCount() * Classifier::architectureParameterCount());
        QVERIFY(shipped.parameterCount() <= 1000000);
    }

    void fewTrainingStepsReduceTheLoss()
    {
        const QString out = m_dir.filePath("smoke.pt");
        const ClassifierTrainingReport report = Classifier::train(smallRun(m_dir.path(), out, 25));
        QVERIFY2(report.probeLossAfter < report.probeLossBefore - 1.0,
                 qPrintable(QStringLiteral("probe loss %1 -> %2")
                                .arg(report.probeLossBefore)
                                .arg(report.probeLossAfter)));
        QVERIFY(QFile::exists(out));
        QVERIFY(!QFile::exists(out + ".ckpt")); // finished: no checkpoint left behind
        const Classifier classifier = Classifier::load(out);
        QCOMPARE(classifier.parameterCount(), report.parameters);
    }

    void interruptedTrainingResumesToTheSameModel()
    {
        const QString straight = m_dir.filePath("straight.pt");
        Classifier::train(smallRun(m_dir.path(), straight, 10));

        const QString resumed = m_dir.filePath("resumed.pt");
        ClassifierTrainingOptions first = smallRun(m_dir.path(), resumed, 10);
        first.checkpointInterval = 4;
        int polls = 0;
        first.cancelled = [&polls] { return ++polls > 6; }; // stops before step 6
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(first));
        QVERIFY(QFile::exists(resumed + ".ckpt"));
        const ClassifierTrainingReport report = Classifier::train(smallRun(m_dir.path(), resumed, 10));
        QCOMPARE(report.resumedFromStep, int64_t(6));

        const Image image = syntheticScene(200, 120, 9);
        const Classifier::Output a = Classifier::load(straight).predict(image);
        const Classifier::Output b = Classifier::load(resumed).predict(image);
        for (int i = 0; i < ErrorClasses::kClassCount; ++i)
            QVERIFY(std::abs(a.classProbabilities[size_t(i)] - b.classProbabilities[size_t(i)]) < 1e-5);
    }

    /// A model reads the side it was trained with (stored in its file); a checkpoint of another side
    /// is not resumed; sides the network cannot take are refused.
    void theInputSideIsStoredInTheModel()
    {
        const QString wide = m_dir.filePath("side96.pt");
        ClassifierTrainingOptions o = smallRun(m_dir.path(), wide, 4);
        o.inputSide = 96;
        o.checkpointInterval = 2;
        int polls = 0;
        o.cancelled = [&polls] { return ++polls > 3; }; // stops at step 2, with a checkpoint
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(o));
        QVERIFY(QFile::exists(wide + ".ckpt"));
        ClassifierTrainingOptions narrow = smallRun(m_dir.path(), wide, 4);
        narrow.inputSide = 64;
        QCOMPARE(Classifier::train(narrow).resumedFromStep, int64_t(0)); // another side: afresh
        QCOMPARE(Classifier::load(wide).inputSide(), 64);
        o.cancelled = {};
        Classifier::train(o);
        const Classifier classifier = Classifier::load(wide);
        QCOMPARE(classifier.inputSide(), 96);
        const Classifier::Output output = classifier.predict(syntheticScene(200, 120, 9));
        double sum = 0.0;
        for (double p : output.classProbabilities)
            sum += p;
        QVERIFY(std::abs(sum - 1.0) < 1e-4);

        for (int bad : {50, 16, 512}) {
            ClassifierTrainingOptions refused = smallRun(m_dir.path(), m_dir.filePath("refused.pt"), 2);
            refused.inputSide = bad;
            QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(refused));
        }
        QVERIFY(!QFile::exists(m_dir.filePath("refused.pt")));
    }

    /// A shot is read at the middles of equal parts of it; a short shot gives every frame once.
    /// An ensemble file holds one network per seed and reads a frame as the mean of their outputs; a run
    /// stopped in its second member keeps the finished first one and resumes the second.
    void anEnsembleAveragesItsMembersAndResumes()
    {
        const QString one = m_dir.filePath("seed3.pt"), two = m_dir.filePath("seed4.pt");
        Classifier::train(smallRun(m_dir.path(), one, 4));
        ClassifierTrainingOptions second = smallRun(m_dir.path(), two, 4);
        second.seed = 4;
        Classifier::train(second);

        const QString ensemble = m_dir.filePath("ensemble.pt");
        ClassifierTrainingOptions o = smallRun(m_dir.path(), ensemble, 4);
        o.members = 2;
        o.checkpointInterval = 2;
        int polls = 0;
        o.cancelled = [&polls] { return ++polls > 4 + 3; }; // member 1 done, member 2 stops at step 3
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(o));
        QVERIFY(QFile::exists(ensemble + ".member0"));
        QVERIFY(QFile::exists(ensemble + ".member1.ckpt"));
        QVERIFY(!QFile::exists(ensemble));
        o.cancelled = {};
        const ClassifierTrainingReport report = Classifier::train(o);
        QCOMPARE(report.members, 2);
        QCOMPARE(report.resumedFromStep, int64_t(4 + 3)); // the whole first member, 3 steps of the second
        QVERIFY(!QFile::exists(ensemble + ".member0"));
        QVERIFY(!QFile::exists(ensemble + ".member1"));
        QVERIFY(!QFile::exists(ensemble + ".member1.ckpt"));

        const Classifier classifier = Classifier::load(ensemble);
        QCOMPARE(classifier.memberCount(), 2);
        QCOMPARE(classifier.parameterCount(), 2 * Classifier::architectureParameterCount());
        QCOMPARE(report.parameters, classifier.parameterCount());
        const Image image = syntheticScene(200, 120, 9);
        const Classifier::Output mean =
            Classifier::average({Classifier::load(one).predict(image), Classifier::load(two).predict(image)});
        const Classifier::Output read = classifier.predict(image);
        for (int i = 0; i < ErrorClasses::kClassCount; ++i)
            QVERIFY(std::abs(read.classProbabilities[size_t(i)] - mean.classProbabilities[size_t(i)]) < 1e-5);
        for (int a = 0; a < kErrorAxisCount; ++a)
            for (int b = 0; b < ErrorClasses::kAxisBins; ++b)
                QVERIFY(std::abs(read.axisProbabilities[size_t(a)][size_t(b)] -
                                 mean.axisProbabilities[size_t(a)][size_t(b)]) < 1e-5);
        QCOMPARE(Classifier::load(one).memberCount(), 1);

        for (int bad : {0, Classifier::kMaxMembers + 1}) {
            ClassifierTrainingOptions refused = smallRun(m_dir.path(), m_dir.filePath("refused.pt"), 2);
            refused.members = bad;
            QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(refused));
        }
    }

    /// A checkpoint made with another two-photo mix belongs to another run: training starts afresh.
    void aCheckpointOfAnotherPhotoMixIsNotResumed()
    {
        const QString out = m_dir.filePath("mix.pt");
        ClassifierTrainingOptions mixed = smallRun(m_dir.path(), out, 4);
        mixed.checkpointInterval = 2;
        int polls = 0;
        mixed.cancelled = [&polls] { return ++polls > 3; }; // stops at step 3, with a checkpoint at 3
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::train(mixed));
        ClassifierTrainingOptions plain = smallRun(m_dir.path(), out, 4);
        plain.twoPhotoMix = 0.0;
        QCOMPARE(Classifier::train(plain).resumedFromStep, int64_t(0));
        mixed.cancelled = {};
        QVERIFY(!QFile::exists(out + ".ckpt"));
        QCOMPARE(Classifier::train(mixed).resumedFromStep, int64_t(0));
    }

    void shotFramesSpreadOverTheShot()
    {
        QCOMPARE(Classifier::shotFrames(0, 11, 4), (std::vector<qint64>{1, 4, 7, 10}));
        QCOMPARE(Classifier::shotFrames(100, 199, 2), (std::vector<qint64>{125, 175}));
        QCOMPARE(Classifier::shotFrames(0, 2, 8), (std::vector<qint64>{0, 1, 2}));
        QCOMPARE(Classifier::shotFrames(10, 10, 8), (std::vector<qint64>{10}));
        QCOMPARE(Classifier::shotFrames(0, 99, 0), (std::vector<qint64>{50}));
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::average({}));
    }

    void shippedModelReadsStrongErrors_data()
    {
        QTest::addColumn<int>("axis");
        QTest::addColumn<double>("severity");
        QTest::addColumn<QString>("topClass");
        // The scene is synthetic, not a photograph: only full-scale errors the model reads on it are asked
        // (the figures on photographs come from `cinegrade-cli eval classifier`).
        QTest::newRow("under-exposed") << int(ErrorAxis::Exposure) << -1.0 << "underExposure-100";
        QTest::newRow("too warm") << int(ErrorAxis::Temperature) << 1.0 << "temperature-100";
        QTest::newRow("too green") << int(ErrorAxis::Tint) << -1.0 << "tint-100";
        QTest::newRow("oversaturated") << int(ErrorAxis::Saturation) << 1.0 << "saturation-100";
        QTest::newRow("milky blacks") << int(ErrorAxis::BlackPoint) << 1.0 << "blackPoint-100";
    }

    void shippedModelReadsStrongErrors()
    {
        QFETCH(int, axis);
        QFETCH(double, severity);
        QFETCH(QString, topClass);
        if (!hasShippedModel())
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const Classifier classifier = Classifier::load(Classifier::findModel());
        const Image image = detuned(syntheticScene(320, 200, 5), ErrorAxis(axis), severity);
        const ClassifierAnalysis analysis = classifier.analyze(image);
        QCOMPARE(ErrorClasses::className(analysis.topClass), topClass);
        // The per-axis head agrees on the direction, more likely than not, and any suggestion fixes this
        // axis first. Whether a suggestion clears the 0.85 gate is measured on photographs (eval); on
        // this synthetic scene the shipped model is 0.72 sure of the full-scale warm cast and stays quiet.
        const AxisEstimate& estimate = analysis.axes[size_t(axis)];
        QVERIFY(estimate.level * severity > 0);
        QVERIFY(estimate.confidence > 0.5);
        if (!analysis.suggestions.empty())
            QCOMPARE(analysis.suggestions.front().axis, ErrorAxis(axis));
    }

    void analysisIsConsistent()
    {
        if (!hasShippedModel())
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const Classifier classifier = Classifier::load(Classifier::findModel());
        const ClassifierAnalysis analysis = classifier.analyze(syntheticScene(300, 170, 6));
        const double total =
            std::accumulate(analysis.classProbabilities.begin(), analysis.classProbabilities.end(), 0.0);
        QVERIFY(std::abs(total - 1.0) < 1e-4);
        for (const AxisEstimate& estimate : analysis.axes) {
            const double sum =
                std::accumulate(estimate.levelProbabilities.begin(), estimate.levelProbabilities.end(), 0.0);
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
            QVERIFY(estimate.severity >= -1.0 && estimate.severity <= 1.0);
        }
        for (const Suggestion& suggestion : analysis.suggestions)
            QVERIFY(suggestion.confidence >= Suggestions::kMinConfidence);
        QCOMPARE(analysis.suggestedGrade, Suggestions::combinedCorrection(analysis.suggestions));
    }

    void analysisRunsOnAWorkerThread()
    {
        if (!hasShippedModel())
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        const Classifier classifier = Classifier::load(Classifier::findModel());
        const Image image = syntheticScene(256, 144, 7);
        ClassifierAnalysis onWorker;
        std::thread worker([&] { onWorker = classifier.analyze(image); });
        const ClassifierAnalysis here = classifier.analyze(image);
        worker.join();
        QCOMPARE(onWorker.topClass, here.topClass);
        QVERIFY(std::abs(onWorker.axes[0].severity - here.axes[0].severity) < 1e-6);
    }

    void missingModelIsAnInputError()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::load(m_dir.filePath("nothing.pt")));
        QVERIFY_THROWS_EXCEPTION(InputError, Classifier::findModel(m_dir.filePath("nothing.pt")));
    }

    void corruptModelIsAnInputError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("mayLoad");
        QByteArray noise(4096, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 2654435761u) >> 13);
        QTest::newRow("noise") << noise << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("json") << QByteArray("{\"format\": \"cinegrade-model-card\"}\n") << false;
        if (!hasShippedModel())
            QSKIP("no classifier model in ml/models (cinegrade-cli train classifier makes one)");
        QFile shipped(Classifier::findModel());
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        const QByteArray model = shipped.readAll();
        QTest::newRow("truncated") << model.left(model.size() / 2) << false;
        QByteArray damaged = model;
        for (int i = int(damaged.size() / 3); i < int(damaged.size() / 3) + 2000; ++i)
            damaged[i] = char(~damaged[i]);
        // Flipped bytes inside stored weights may go unnoticed by the archive reader: then the model
        // must still load and run without crashing.
        QTest::newRow("damaged") << damaged << true;
    }

    void corruptModelIsAnInputError()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, mayLoad);
        const QString path = m_dir.filePath("corrupt.pt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        try {
            const Classifier classifier = Classifier::load(path);
            QVERIFY2(mayLoad, "a corrupt model file loaded");
            classifier.analyze(syntheticScene(64, 64, 1));
        } catch (const InputError& error) {
            QVERIFY(error.message().contains("corrupt.pt"));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestClassifier)
#include "tst_classifier.moc"
