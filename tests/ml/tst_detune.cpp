// Detune synthesis, training batches, the class protocol and the mapping from severities to grade
// changes: everything of the classifier that needs no network.
#include "SyntheticScene.h"

#include "ClassifierEvaluation.h"
#include "ColorMath.h"
#include "CompiledGrade.h"
#include "Detune.h"
#include "Error.h"
#include "GradeProgram.h"
#include "LevelSeparability.h"
#include "StillImage.h"
#include "Suggestions.h"
#include "TrainingData.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <utility>

using namespace cg;

namespace {

Rgb probe(int i)
{
    // Colours between 0.35 and 0.55: even at full scale no reference error pushes them out of 0..1,
    // where the engine clamps (and nothing could be inverted).
    return {0.35 + 0.2 * ((i * 37) % 11) / 10.0, 0.35 + 0.2 * ((i * 17) % 7) / 6.0,
            0.35 + 0.2 * ((i * 5) % 9) / 8.0};
}

} // namespace

class TestDetune : public QObject
{
    Q_OBJECT

private slots:
    void correctionGradeInvertsTheReferenceError_data()
    {
        QTest::addColumn<int>("axis");
        QTest::addColumn<double>("severity");
        for (int a = 0; a < kErrorAxisCount; ++a)
            for (double s : {-1.0, -2.0 / 3.0, -1.0 / 3.0, 1.0 / 3.0, 2.0 / 3.0, 1.0})
                QTest::addRow("%s %+.2f", qPrintable(errorAxisKey(ErrorAxis(a))), s) << a << s;
    }

    void correctionGradeInvertsTheReferenceError()
    {
        QFETCH(int, axis);
        QFETCH(double, severity);
        const GradeProgram error(Detune::referenceGrade(ErrorAxis(axis), severity));
        const GradeProgram fix(Suggestions::correctionGrade(ErrorAxis(axis), severity));
        for (int i = 0; i < 40; ++i) {
            const Rgb in = probe(i);
            const Rgb out = fix.apply(error.apply(in));
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(out[c] - in[c]) < 1e-9,
                         qPrintable(QStringLiteral("channel %1: %2 -> %3").arg(c).arg(in[c]).arg(out[c])));
        }
    }

    void combinedCorrectionInvertsSeveralErrors()
    {
        // Exposure, temperature, tint, contrast and saturation (no lift / gain interplay) undone at once.
        Severities s{};
        s[size_t(ErrorAxis::Exposure)] = -2.0 / 3.0;
        s[size_t(ErrorAxis::Temperature)] = 1.0 / 3.0;
        s[size_t(ErrorAxis::Tint)] = -2.0 / 3.0;
        const GradeProgram error(Detune::referenceGrade(s));
        const GradeProgram fix(Suggestions::combinedCorrection(s));
        for (int i = 0; i < 40; ++i) {
            const Rgb in = probe(i);
            const Rgb out = fix.apply(error.apply(in));
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(out[c] - in[c]) < 1e-9);
        }
    }

    void everyImplementationMovesGreyLikeTheReference()
    {
        // Whatever the implementation, an error of one sign moves mid grey (or, for saturation, a
        // coloured patch's chroma) the same way as the reference.
        std::mt19937_64 random(11);
        for (int family : {int(Detune::Family::Training), int(Detune::Family::HeldOut)})
            for (int a = 0; a < kErrorAxisCount; ++a)
                for (double s : {-2.0 / 3.0, 2.0 / 3.0})
                    for (int trial = 0; trial < 12; ++trial) {
                        Severities severities{};
                        severities[size_t(a)] = s;
                        Detune::Recipe recipe =
                            Detune::randomRecipe(severities, Detune::Family(family), random);
                        recipe.mixer = false;
                        Detune::Recipe reference;
                        reference.severities = severities;
                        const ErrorAxis axis = ErrorAxis(a);
                        const bool colour = axis == ErrorAxis::Saturation;
                        // Contrast: a dark grey (below every pivot an implementation may use) darkens.
                        const float grey = axis == ErrorAxis::Contrast ? 0.15f : 0.35f;
                        float px[3] = {colour ? 0.6f : grey, colour ? 0.4f : grey, colour ? 0.25f : grey};
                        float ref[3] = {px[0], px[1], px[2]};
                        const float before[3] = {px[0], px[1], px[2]};
                        Detune::apply(recipe, px, 1);
                        Detune::apply(reference, ref, 1);
                        const auto measure = [&](const float* p) {
                            switch (axis) {
                            case ErrorAxis::Temperature:
                                return double(p[0] - p[2]);
                            case ErrorAxis::Tint:
                                return double(p[1] - 0.5f * (p[0] + p[2])) * -1.0;
                            case ErrorAxis::Saturation:
                                return double(p[0] - p[2]);
                            case ErrorAxis::Contrast:
                                return double(p[0]) * -1.0; // a dark grey gets darker
                            default:
                                return double(p[0] + p[1] + p[2]);
                            }
                        };
                        const double moved = measure(px) - measure(before);
                        const double expected = measure(ref) - measure(before);
                        QVERIFY2(
                            moved * expected > 0,
                            qPrintable(QStringLiteral("%1 %2 family %3 variant %4: moved %5, reference %6")
                                           .arg(errorAxisKey(axis))
                                           .arg(s)
                                           .arg(family)
                                           .arg(recipe.variant[size_t(a)])
                                           .arg(moved)
                                           .arg(expected)));
                    }
    }

    void detuneIsDeterministic()
    {
        const Image image = syntheticScene(64, 48, 1);
        std::mt19937_64 a(5), b(5);
        Severities s{};
        s[0] = 0.4;
        s[3] = -0.7;
        s[5] = 0.2;
        const Image first = Detune::apply(Detune::randomRecipe(s, Detune::Family::Training, a), image);
        const Image second = Detune::apply(Detune::randomRecipe(s, Detune::Family::Training, b), image);
        QCOMPARE(first, second);
        QVERIFY(first != image);
    }

    void noErrorLeavesTheImageAlone()
    {
        const Image image = syntheticScene(32, 32, 2);
        std::mt19937_64 random(3);
        Detune::Recipe recipe = Detune::randomRecipe(Severities{}, Detune::Family::HeldOut, random);
        QCOMPARE(Detune::apply(recipe, image), image);
    }

    void classProtocolHas25ClassesThatRoundTrip()
    {
        QCOMPARE(ErrorClasses::kClassCount, 25);
        QCOMPARE(ErrorClasses::className(0), QStringLiteral("ok"));
        QSet<QString> names;
        for (int a = 0; a < kErrorAxisCount; ++a)
            for (int level = -3; level <= 3; ++level) {
                const int index = ErrorClasses::classIndex(ErrorAxis(a), level);
                if (level == 0) {
                    QCOMPARE(index, 0);
                    continue;
                }
                QVERIFY(index >= 1 && index < 25);
                QCOMPARE(ErrorClasses::axisOfClass(index), ErrorAxis(a));
                QCOMPARE(ErrorClasses::levelOfClass(index), std::abs(level));
                names.insert(ErrorClasses::className(index));
            }
        QCOMPARE(names.size(), 24); // exposure splits by sign; the others hold both signs
        QCOMPARE(ErrorClasses::className(ErrorClasses::classIndex(ErrorAxis::Tint, -2)),
                 QStringLiteral("tint-66"));
        QCOMPARE(ErrorClasses::className(ErrorClasses::classIndex(ErrorAxis::Exposure, -3)),
                 QStringLiteral("underExposure-100"));
    }

    void softTargetsSplitContinuousStrengthsBetweenLevels()
    {
        float bins[7];
        BatchSampler::axisTarget(0.5, bins); // level 1.5: half 33 %, half 66 %
        QCOMPARE(bins[4], 0.5f);
        QCOMPARE(bins[5], 0.5f);
        BatchSampler::axisTarget(-1.0, bins);
        QCOMPARE(bins[0], 1.0f);
        float classes[25];
        Severities single{};
        single[size_t(ErrorAxis::Saturation)] = -2.0 / 3.0;
        QCOMPARE(BatchSampler::classTarget(single, classes), 1.0f);
        QCOMPARE(classes[ErrorClasses::classIndex(ErrorAxis::Saturation, -2)], 1.0f);
        Severities several = single;
        several[size_t(ErrorAxis::Tint)] = 0.5;
        QCOMPARE(BatchSampler::classTarget(several, classes), 0.0f); // no single class applies
    }

    void batchesAreDeterministicPerStep()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("train/synthetic"));
        for (int i = 0; i < 3; ++i)
            StillImage::write(dir.filePath(QStringLiteral("train/synthetic/scene%1.png").arg(i)),
                              syntheticScene(160, 100, uint32_t(i)));
        const PhotoSet photos = PhotoSet::load(dir.path(), "train", 128);
        QCOMPARE(photos.size(), 3);
        QVERIFY(std::max(photos.image(0).width(), photos.image(0).height()) <= 128);
        const BatchSampler sampler(photos, 42, 32);
        const TrainingBatch a = sampler.batch(7, 6), b = sampler.batch(7, 6), c = sampler.batch(8, 6);
        QCOMPARE(a.pixels, b.pixels);
        QCOMPARE(a.axisTargets, b.axisTargets);
        QCOMPARE(a.statistics, b.statistics);
        QVERIFY(a.pixels != c.pixels);
        QCOMPARE(int(a.pixels.size()), 6 * 3 * 32 * 32);
        QCOMPARE(int(a.statistics.size()), 6 * kPatchStatisticCount);
        for (float v : a.pixels)
            QVERIFY(v >= 0.0f && v <= 1.0f);
    }

    /// Two flat photos: a square of one photo stays flat (detunes act per pixel); with the two-photo mix
    /// some squares hold both, and the same step still gives the same batch.
    void twoPhotoSquaresJoinTwoPhotos()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("train/flat"));
        for (const auto& [name, level] : {std::pair{"dark", uint8_t(50)}, std::pair{"light", uint8_t(200)}}) {
            Image flat(96, 64, PixelFormat::Rgb8);
            std::fill(flat.bits(), flat.bits() + flat.rowBytes() * 64, level);
            StillImage::write(dir.filePath(QStringLiteral("train/flat/%1.png").arg(name)), flat);
        }
        const PhotoSet photos = PhotoSet::load(dir.path(), "train", 96);
        QCOMPARE(photos.size(), 2);
        const auto flatSquares = [](const TrainingBatch& batch) {
            const size_t plane = size_t(batch.side) * size_t(batch.side);
            int flat = 0;
            for (int i = 0; i < batch.count; ++i) {
                const float* square = batch.pixels.data() + size_t(i) * 3 * plane;
                const auto [low, high] = std::minmax_element(square, square + plane); // red plane
                flat += *high - *low < 1e-6f;
            }
            return flat;
        };
        const TrainingBatch plain = BatchSampler(photos, 5, 32, FrameView::Whole, 0.0).batch(3, 16);
        QCOMPARE(flatSquares(plain), 16);
        const BatchSampler mixing(photos, 5, 32, FrameView::Whole, 1.0);
        const TrainingBatch mixed = mixing.batch(3, 16);
        QVERIFY(flatSquares(mixed) < 16);
        QCOMPARE(mixing.batch(3, 16).pixels, mixed.pixels);
    }

    void levelSeparabilityFallsAsPhotosVary()
    {
        // The same scenes twice: as they are, and each at its own exposure (+-0.6 stops). The levels
        // stay as far apart, the photos spread more, so exposure's d' must fall.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("alike/val/synthetic"));
        QVERIFY(QDir(dir.path()).mkpath("varied/val/synthetic"));
        for (int i = 0; i < 6; ++i) {
            const Image scene = syntheticScene(120, 80, uint32_t(10 + i));
            StillImage::write(dir.filePath(QStringLiteral("alike/val/synthetic/s%1.png").arg(i)), scene);
            const double stops = 0.6 * (i % 2 ? 1.0 : -1.0) * (1 + i / 2) / 3.0;
            StillImage::write(
                dir.filePath(QStringLiteral("varied/val/synthetic/s%1.png").arg(i)),
                CompiledGrade(Detune::referenceGrade(ErrorAxis::Exposure, stops / 2.0)).applied(scene));
        }
        const PhotoSet alike = PhotoSet::load(dir.filePath("alike"), "val", 120);
        const PhotoSet varied = PhotoSet::load(dir.filePath("varied"), "val", 120);
        const QJsonObject a = levelSeparability(alike, alike.size(), 80);
        const QJsonObject b = levelSeparability(varied, varied.size(), 80);
        for (const QString& key : a.keys()) {
            const QJsonArray d = a[key].toObject()["dPrime"].toArray();
            const QJsonArray accuracy = a[key].toObject()["thresholdAccuracy"].toArray();
            QCOMPARE(d.size(), 3);
            for (int step = 0; step < 3; ++step) {
                QVERIFY2(std::isfinite(d[step].toDouble()) && d[step].toDouble() >= 0.0, qPrintable(key));
                QVERIFY(accuracy[step].toDouble() >= 0.5 && accuracy[step].toDouble() <= 1.0);
            }
        }
        const double alikeD = a["exposure"].toObject()["dPrime"].toArray()[0].toDouble();
        const double variedD = b["exposure"].toObject()["dPrime"].toArray()[0].toDouble();
        QVERIFY2(variedD < 0.7 * alikeD, qPrintable(QStringLiteral("%1 vs %2").arg(variedD).arg(alikeD)));
    }

    void missingDataFolderIsAnInputError()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(InputError, PhotoSet::load(dir.path(), "train", 128));
    }

    void framesAreAnalysedWholeOrThroughSquares()
    {
        const auto whole = analysisCrops(1920, 1080, FrameView::Whole);
        QCOMPARE(int(whole.size()), 1);
        QCOMPARE(whole[0].width, 1920.0);
        QCOMPARE(int(analysisCrops(1920, 1080, FrameView::Squares).size()), 3);
        QCOMPARE(int(analysisCrops(500, 480, FrameView::Squares).size()), 1);
        const auto crops = analysisCrops(1080, 1920, FrameView::Squares); // portrait
        QCOMPARE(int(crops.size()), 3);
        QCOMPARE(crops.back().y + crops.back().height, 1920.0);
    }

    void areaResamplingKeepsTheMean()
    {
        const Image image = syntheticScene(97, 61, 3);
        const Image small = resizedArea(image, 13, 9);
        for (int c = 0; c < 3; ++c) {
            double big = 0, little = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    big += image.sample(x, y, c);
            for (int y = 0; y < small.height(); ++y)
                for (int x = 0; x < small.width(); ++x)
                    little += small.sample(x, y, c);
            QVERIFY(std::abs(big / double(image.pixelCount()) - little / double(small.pixelCount())) < 1e-4);
        }
    }

    void onlyConfidentFindingsBecomeSuggestions()
    {
        std::array<AxisEstimate, kErrorAxisCount> estimates{};
        for (int a = 0; a < kErrorAxisCount; ++a) {
            estimates[size_t(a)].axis = ErrorAxis(a);
            estimates[size_t(a)].levelProbabilities[3] = 1.0;
            estimates[size_t(a)].confidence = 1.0;
        }
        AxisEstimate& tint = estimates[size_t(ErrorAxis::Tint)];
        tint.level = -2;
        tint.confidence = 0.9;
        tint.levelProbabilities = {0.05, 0.8, 0.05, 0.1, 0, 0, 0};
        AxisEstimate& contrast = estimates[size_t(ErrorAxis::Contrast)];
        contrast.level = 1;
        contrast.confidence = 0.55; // below kMinConfidence: do no harm
        contrast.levelProbabilities = {0, 0, 0, 0.45, 0.55, 0, 0};
        const std::vector<Suggestion> suggestions = Suggestions::fromEstimates(estimates);
        QCOMPARE(int(suggestions.size()), 1);
        QCOMPARE(suggestions[0].axis, ErrorAxis::Tint);
        QCOMPARE(suggestions[0].message, QStringLiteral("Image is too green (about 66 %)"));
        QVERIFY(suggestions[0].correction.tint > 0); // towards magenta
        // The amount is the expected level given the direction: (0.05 * 3 + 0.8 * 2 + 0.05 * 1) / 0.9.
        QVERIFY(std::abs(suggestions[0].severity + (0.15 + 1.6 + 0.05) / 0.9 / 3.0) < 1e-9);
        const QJsonObject json = Suggestions::toJson(suggestions[0]);
        QVERIFY(json.value("grade").toObject().contains("tint"));
        QVERIFY(json.value("delta").toObject().value("tint").toDouble() > 0);
        QVERIFY(Suggestions::combinedCorrection(suggestions).tint > 0);
    }

    void whitePointSuggestionChangesGainAndGamma()
    {
        const Grade fix = Suggestions::correctionGrade(ErrorAxis::WhitePoint, -2.0 / 3.0);
        const QJsonObject delta = Suggestions::controlDeltas(fix);
        QVERIFY(delta.contains("gain.master"));
        QVERIFY(delta.contains("gamma.master"));
        QVERIFY(delta.value("gain.master").toDouble() > 0); // dull whites: brighten them
    }

    void grayWorldBaselineRemovesACast()
    {
        // Where its assumption holds (the average colour is grey), gray world removes a cast.
        Image image(80, 60, PixelFormat::Rgb8);
        std::mt19937 random(4);
        std::uniform_real_distribution<float> level(0.05f, 0.95f), chroma(-0.1f, 0.1f);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const float v = level(random), c = chroma(random);
                image.setSample(x, y, 0, v + c);
                image.setSample(x, y, 1, v);
                image.setSample(x, y, 2, v - c);
            }
        Severities s{};
        s[size_t(ErrorAxis::Temperature)] = 1.0;
        Detune::Recipe recipe;
        recipe.severities = s;
        const Image warm = Detune::apply(recipe, image);
        const auto redMinusBlue = [](const Image& im) {
            double d = 0;
            for (int y = 0; y < im.height(); ++y)
                for (int x = 0; x < im.width(); ++x)
                    d += im.sample(x, y, 0) - im.sample(x, y, 2);
            return d / double(im.pixelCount());
        };
        QVERIFY(redMinusBlue(warm) > 0.05);
        QVERIFY(std::abs(redMinusBlue(grayWorldAutoLevels(warm))) < 0.02);
    }
};

QTEST_GUILESS_MAIN(TestDetune)
#include "tst_detune.moc"
