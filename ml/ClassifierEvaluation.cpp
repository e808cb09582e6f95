#include "ClassifierEvaluation.h"

#include "Classifier.h"
#include "ColorMath.h"
#include "CompiledGrade.h"
#include "Detune.h"
#include "LevelSeparability.h"
#include "ParallelFor.h"
#include "TrainingData.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>

namespace cg {

Image grayWorldAutoLevels(const Image& image)
{
    if (image.isNull())
        return image;
    Image work = image.converted(PixelFormat::RgbF32);
    float* p = work.row<float>(0);
    const size_t n = work.pixelCount();
    // Gray world in linear light: scale each channel so that its mean equals the mean of the three.
    double sums[3] = {0, 0, 0};
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < 3; ++c) {
            p[i * 3 + size_t(c)] =
                float(ColorMath::srgbToLinear(std::clamp(p[i * 3 + size_t(c)], 0.0f, 1.0f)));
            sums[c] += p[i * 3 + size_t(c)];
        }
    const double grey = (sums[0] + sums[1] + sums[2]) / 3.0;
    float gains[3];
    for (int c = 0; c < 3; ++c)
        gains[c] = float(sums[c] > 0 ? std::clamp(grey / sums[c], 0.25, 4.0) : 1.0);
    std::vector<float> all(n * 3);
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < 3; ++c) {
            float& v = p[i * 3 + size_t(c)];
            v = float(ColorMath::srgbFromLinear(std::min(1.0f, v * gains[c])));
            all[i * 3 + size_t(c)] = v;
        }
    // Auto levels on code values, the same stretch for all channels (per-channel stretching would undo
    // the balance just made).
    const size_t lowIndex = size_t(0.005 * double(all.size() - 1));
    const size_t highIndex = size_t(0.995 * double(all.size() - 1));
    std::nth_element(all.begin(), all.begin() + long(lowIndex), all.end());
    const float low = all[lowIndex];
    std::nth_element(all.begin(), all.begin() + long(highIndex), all.end());
    const float high = all[highIndex];
    if (high - low > 0.05f)
        for (size_t i = 0; i < n * 3; ++i)
            p[i] = std::clamp((p[i] - low) / (high - low), 0.0f, 1.0f);
    return work.converted(image.format());
}

namespace {

uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

enum class FrameKind
{
    Ok,
    Single,
    Multi2,
    Multi3
};

struct FrameResult
{
    FrameKind kind = FrameKind::Ok;
    Severities truth{};
    int trueClass = 0;
    int predictedClass = 0;
    int axisClass = 0; ///< the single-error class the per-axis head implies
    std::array<int, kErrorAxisCount> predictedLevel{};
    std::array<double, kErrorAxisCount> predictedSeverity{};
    int suggestionCount = 0;
    int suggestionsRightWay = 0;   ///< suggestions whose axis is in error in the suggested direction
    int suggestionsRightLevel = 0; ///< ... and whose level is within one of the truth
    double deltaEDetuned = 0, deltaESuggested = 0, deltaEBaseline = 0, deltaEIdeal = 0;
    /// Single errors: the picture the predicted class makes against the detuned one (readingPicture).
    double deltaEReadingToDetuned = 0;
    double inferenceMs = 0;
};

/// Two pictures this close (mean CIEDE2000) look the same side by side: a reading that makes the same
/// picture as the truth explains the frame as well as the truth does.
constexpr double kEquivalentDeltaE2000 = 1.0;

int trueLevel(double severity)
{
    return int(std::lround(severity * ErrorClasses::kLevelCount));
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + long(mid), values.end());
    double m = values[mid];
    if (values.size() % 2 == 0) {
        std::nth_element(values.begin(), values.begin() + long(mid - 1), values.end());
        m = 0.5 * (m + values[mid - 1]);
    }
    return m;
}

double ratio(int hits, int total)
{
    return total > 0 ? double(hits) / double(total) : 0.0;
}

double round4(double v)
{
    return std::round(v * 1e4) / 1e4;
}

/// Levels are within one when they differ by at most one; "ok" is level 0 of every kind.
bool classWithinOne(int truth, int predicted)
{
    if (truth == predicted)
        return true;
    const int tl = ErrorClasses::levelOfClass(truth), pl = ErrorClasses::levelOfClass(predicted);
    if (truth == 0 || predicted == 0)
        return std::abs(tl - pl) <= 1;
    const int tk = (truth - 1) / ErrorClasses::kLevelCount, pk = (predicted - 1) / ErrorClasses::kLevelCount;
    return tk == pk && std::abs(tl - pl) <= 1;
}

/// Whether a single-error class is one of the six two-sided kinds (the class does not say the
/// direction); the two exposure kinds carry theirs.
bool twoSided(int cls)
{
    return (cls - 1) / ErrorClasses::kLevelCount >= 2;
}

/// The error of a single-error class (not "ok") at its level; `sign` is the direction of a two-sided
/// kind.
Severities singleError(int cls, double sign)
{
    const int kind = (cls - 1) / ErrorClasses::kLevelCount;
    Severities severities{};
    severities[size_t(ErrorClasses::axisOfClass(cls))] = (kind == 0   ? -1.0
                                                          : kind == 1 ? 1.0
                                                                      : sign) *
                                                         ErrorClasses::levelOfClass(cls) /
                                                         double(ErrorClasses::kLevelCount);
    return severities;
}

/// The picture the predicted single-error class makes: the frame's own recipe (operators, order,
/// nuisance mixer) with the predicted error instead of the true one, the direction of a two-sided kind
/// read from the per-axis head, applied to the original. "ok" makes the original through the recipe's
/// nuisance alone.
Image readingPicture(const Detune::Recipe& recipe, const Image& original, const FrameResult& result)
{
    Detune::Recipe reading = recipe;
    const int cls = result.predictedClass;
    reading.severities =
        cls == 0
            ? Severities{}
            : singleError(cls,
                          result.predictedSeverity[size_t(ErrorClasses::axisOfClass(cls))] < 0 ? -1.0 : 1.0);
    return Detune::apply(reading, original);
}

FrameResult evaluateFrame(const Classifier& classifier, const Image& original, const Image& originalSmall,
                          const Severities& truth, FrameKind kind, Detune::Family family,
                          std::mt19937_64& random, int deltaESide, double minConfidence)
{
    FrameResult result;
    result.kind = kind;
    result.truth = truth;
    const Detune::Recipe recipe = Detune::randomRecipe(truth, family, random);
    const Image detuned = kind == FrameKind::Ok ? original : Detune::apply(recipe, original);
    QElapsedTimer timer;
    timer.start();
    const ClassifierAnalysis analysis = Classifier::interpret(classifier.predict(detuned), minConfidence);
    result.inferenceMs = double(timer.nsecsElapsed()) / 1e6;
    result.predictedClass = analysis.topClass;
    {
        // The axis most likely in error; "ok" when every axis is more likely right than wrong.
        int best = -1;
        double bestWrong = 0.5;
        for (int a = 0; a < kErrorAxisCount; ++a) {
            const double wrong = 1.0 - analysis.axes[size_t(a)].levelProbabilities[3];
            if (wrong > bestWrong) {
                bestWrong = wrong;
                best = a;
            }
        }
        if (best >= 0) {
            const auto& p = analysis.axes[size_t(best)].levelProbabilities;
            int bin = 0;
            for (int b = 0; b < 7; ++b)
                if (b != 3 && p[size_t(b)] > p[size_t(bin)])
                    bin = b;
            result.axisClass = ErrorClasses::classIndex(ErrorAxis(best), bin - 3);
        }
    }
    for (int a = 0; a < kErrorAxisCount; ++a) {
        result.predictedLevel[size_t(a)] = analysis.axes[size_t(a)].level;
        result.predictedSeverity[size_t(a)] = analysis.axes[size_t(a)].severity;
    }
    result.suggestionCount = int(analysis.suggestions.size());
    for (const Suggestion& suggestion : analysis.suggestions) {
        const int t = trueLevel(truth[size_t(suggestion.axis)]);
        const bool rightWay = t != 0 && (t > 0) == (suggestion.level > 0);
        result.suggestionsRightWay += rightWay;
        result.suggestionsRightLevel += rightWay && std::abs(t - suggestion.level) <= 1;
    }
    if (kind == FrameKind::Single) {
        for (int a = 0; a < kErrorAxisCount; ++a)
            if (truth[size_t(a)] != 0.0)
                result.trueClass = ErrorClasses::classIndex(ErrorAxis(a), trueLevel(truth[size_t(a)]));
    }
    const auto small = [&](const Image& image) {
        const double scale = double(deltaESide) / std::max(image.width(), image.height());
        return resizedArea(image, std::max(1, int(std::lround(image.width() * scale))),
                           std::max(1, int(std::lround(image.height() * scale))));
    };
    const Image detunedSmall = small(detuned);
    result.deltaEDetuned = ColorMath::meanDeltaE2000(detunedSmall, originalSmall);
    if (kind == FrameKind::Single)
        result.deltaEReadingToDetuned =
            ColorMath::meanDeltaE2000(small(readingPicture(recipe, original, result)), detunedSmall);
    result.deltaESuggested =
        analysis.suggestions.empty()
            ? result.deltaEDetuned
            : ColorMath::meanDeltaE2000(small(CompiledGrade(analysis.suggestedGrade).applied(detuned)),
                                        originalSmall);
    result.deltaEBaseline = ColorMath::meanDeltaE2000(small(grayWorldAutoLevels(detuned)), originalSmall);
    result.deltaEIdeal =
        kind == FrameKind::Ok
            ? 0.0
            : ColorMath::meanDeltaE2000(
                  small(CompiledGrade(Suggestions::combinedCorrection(truth)).applied(detuned)),
                  originalSmall);
    return result;
}

QJsonObject summarise(const std::vector<FrameResult>& frames)
{
    // Single errors: the published protocol.
    int singles = 0, exact = 0, equivalent = 0, withinOne = 0, signedExact = 0, singleAxesWithinOne = 0,
        axisExact = 0, axisWithinOne = 0, okAxisExact = 0;
    std::array<int, ErrorClasses::kKindCount + 1> kindTotal{}, kindExact{};
    std::array<std::array<int, ErrorClasses::kLevelCount + 2>, ErrorClasses::kClassCount> confusion{};
    // Single errors by how visible they are: mean CIEDE2000 of the detuned frame to the original.
    constexpr std::array<double, 4> kVisibilityBins{0.0, 2.0, 5.0, 10.0};
    std::array<int, kVisibilityBins.size()> visibleTotal{}, visibleExact{}, visibleWithinOne{};
    // Several errors: every axis read independently.
    struct Multi
    {
        int frames = 0, allWithinOne = 0, axes = 0, axesWithinOne = 0, erroneous = 0, erroneousExact = 0,
            erroneousSign = 0;
    } multi[2];
    int oks = 0, okExact = 0, okAlarms = 0;
    std::vector<double> okHarm;
    std::vector<double> detuned, suggested, baseline, ideal;
    int worse = 0, suggestions = 0, suggestionsRightWay = 0, suggestionsRightLevel = 0;
    std::vector<double> inference;
    for (const FrameResult& f : frames) {
        inference.push_back(f.inferenceMs);
        bool allWithin = true;
        for (int a = 0; a < kErrorAxisCount; ++a)
            allWithin =
                allWithin && std::abs(f.predictedLevel[size_t(a)] - trueLevel(f.truth[size_t(a)])) <= 1;
        switch (f.kind) {
        case FrameKind::Ok:
            ++oks;
            okExact += f.predictedClass == 0;
            okAxisExact += f.axisClass == 0;
            okAlarms += f.suggestionCount > 0;
            okHarm.push_back(f.deltaESuggested);
            break;
        case FrameKind::Single: {
            ++singles;
            const bool hit = f.predictedClass == f.trueClass;
            exact += hit;
            equivalent += hit || f.deltaEReadingToDetuned < kEquivalentDeltaE2000;
            withinOne += classWithinOne(f.trueClass, f.predictedClass);
            axisExact += f.axisClass == f.trueClass;
            axisWithinOne += classWithinOne(f.trueClass, f.axisClass);
            int axis = 0;
            for (int a = 0; a < kErrorAxisCount; ++a)
                if (f.truth[size_t(a)] != 0.0)
                    axis = a;
            signedExact += hit && (f.predictedSeverity[size_t(axis)] > 0) == (f.truth[size_t(axis)] > 0);
            singleAxesWithinOne += allWithin;
            const int kind = (f.trueClass - 1) / ErrorClasses::kLevelCount;
            ++kindTotal[size_t(kind)];
            kindExact[size_t(kind)] += hit;
            size_t bin = 0;
            while (bin + 1 < kVisibilityBins.size() && f.deltaEDetuned >= kVisibilityBins[bin + 1])
                ++bin;
            ++visibleTotal[bin];
            visibleExact[bin] += hit;
            visibleWithinOne[bin] += classWithinOne(f.trueClass, f.predictedClass);
            // Where the frames of each true class go: "ok", a level of the right kind, another kind.
            const int predictedKind = (f.predictedClass - 1) / ErrorClasses::kLevelCount;
            const int bucket = f.predictedClass == 0   ? 0
                               : predictedKind == kind ? ErrorClasses::levelOfClass(f.predictedClass)
                                                       : ErrorClasses::kLevelCount + 1;
            ++confusion[size_t(f.trueClass)][size_t(bucket)];
            break;
        }
        case FrameKind::Multi2:
        case FrameKind::Multi3: {
            Multi& m = multi[f.kind == FrameKind::Multi2 ? 0 : 1];
            ++m.frames;
            m.allWithinOne += allWithin;
            for (int a = 0; a < kErrorAxisCount; ++a) {
                const int t = trueLevel(f.truth[size_t(a)]);
                ++m.axes;
                m.axesWithinOne += std::abs(f.predictedLevel[size_t(a)] - t) <= 1;
                if (t != 0) {
                    ++m.erroneous;
                    m.erroneousExact += f.predictedLevel[size_t(a)] == t;
                    m.erroneousSign +=
                        f.predictedLevel[size_t(a)] != 0 && (f.predictedLevel[size_t(a)] > 0) == (t > 0);
                }
            }
            break;
        }
        }
        if (f.kind != FrameKind::Ok) {
            detuned.push_back(f.deltaEDetuned);
            suggested.push_back(f.deltaESuggested);
            baseline.push_back(f.deltaEBaseline);
            ideal.push_back(f.deltaEIdeal);
            worse += f.deltaESuggested > f.deltaEDetuned + 0.05;
            suggestions += f.suggestionCount;
            suggestionsRightWay += f.suggestionsRightWay;
            suggestionsRightLevel += f.suggestionsRightLevel;
        }
    }
    QJsonObject byLevel;
    for (int c = 1; c < ErrorClasses::kClassCount; ++c) {
        const auto& row = confusion[size_t(c)];
        const int total = std::accumulate(row.begin(), row.end(), 0);
        byLevel.insert(ErrorClasses::className(c), QJsonObject{{"ok", round4(ratio(row[0], total))},
                                                               {"33", round4(ratio(row[1], total))},
                                                               {"66", round4(ratio(row[2], total))},
                                                               {"100", round4(ratio(row[3], total))},
                                                               {"otherKind", round4(ratio(row[4], total))}});
    }
    QJsonObject perKind;
    for (int k = 0; k < ErrorClasses::kKindCount; ++k)
        perKind.insert(
            ErrorClasses::className(1 + k * ErrorClasses::kLevelCount).section(QLatin1Char('-'), 0, 0),
            round4(ratio(kindExact[size_t(k)], kindTotal[size_t(k)])));
    QJsonObject byVisibility;
    for (size_t bin = 0; bin < kVisibilityBins.size(); ++bin)
        byVisibility.insert(
            bin + 1 < kVisibilityBins.size()
                ? QStringLiteral("%1-%2").arg(kVisibilityBins[bin]).arg(kVisibilityBins[bin + 1])
                : QStringLiteral("%1+").arg(kVisibilityBins[bin]),
            QJsonObject{{"frames", visibleTotal[bin]},
                        {"exactClass", round4(ratio(visibleExact[bin], visibleTotal[bin]))},
                        {"withinOneLevel", round4(ratio(visibleWithinOne[bin], visibleTotal[bin]))}});
    const auto multiJson = [&](const Multi& m) {
        return QJsonObject{{"frames", m.frames},
                           {"allAxesWithinOneLevel", round4(ratio(m.allWithinOne, m.frames))},
                           {"axisWithinOneLevel", round4(ratio(m.axesWithinOne, m.axes))},
                           {"erroneousAxisExactLevel", round4(ratio(m.erroneousExact, m.erroneous))},
                           {"erroneousAxisSignCorrect", round4(ratio(m.erroneousSign, m.erroneous))}};
    };
    const double medianDetuned = median(detuned);
    const auto reduction = [&](double value) {
        return round4(medianDetuned > 0 ? 1.0 - value / medianDetuned : 0.0);
    };
    const double medianSuggested = median(suggested), medianBaseline = median(baseline),
                 medianIdeal = median(ideal);
    return {
        {"single", QJsonObject{{"frames", singles},
                               {"exactClass", round4(ratio(exact, singles))},
                               {"exactOrEquivalentClass", round4(ratio(equivalent, singles))},
                               {"withinOneLevel", round4(ratio(withinOne, singles))},
                               {"signedExactClass", round4(ratio(signedExact, singles))},
                               {"allAxesWithinOneLevel", round4(ratio(singleAxesWithinOne, singles))},
                               {"exactClassFromAxisHead", round4(ratio(axisExact, singles))},
                               {"withinOneLevelFromAxisHead", round4(ratio(axisWithinOne, singles))},
                               {"exactClassByKind", perKind},
                               {"byMeanDeltaE2000ToOriginal", byVisibility},
                               {"predictedByTrueClass", byLevel}}},
        {"multi2", multiJson(multi[0])},
        {"multi3", multiJson(multi[1])},
        {"ok", QJsonObject{{"frames", oks},
                           {"classOk", round4(ratio(okExact, oks))},
                           {"classOkFromAxisHead", round4(ratio(okAxisExact, oks))},
                           {"framesWithSuggestions", round4(ratio(okAlarms, oks))},
                           {"medianDeltaE2000AfterSuggestions", round4(median(okHarm))}}},
        {"correction",
         QJsonObject{
             {"frames", int(detuned.size())},
             {"medianDeltaE2000", QJsonObject{{"detuned", round4(medianDetuned)},
                                              {"suggestedGrade", round4(medianSuggested)},
                                              {"grayWorldAutoLevels", round4(medianBaseline)},
                                              {"idealGrade", round4(medianIdeal)}}},
             {"reduction", QJsonObject{{"suggestedGrade", reduction(medianSuggested)},
                                       {"grayWorldAutoLevels", reduction(medianBaseline)},
                                       {"idealGrade", reduction(medianIdeal)}}},
             {"framesMadeWorse", round4(ratio(worse, int(detuned.size())))},
             {"suggestions",
              QJsonObject{
                  {"perFrame", round4(double(suggestions) / std::max<size_t>(1, detuned.size()))},
                  {"inTheRightDirection", round4(ratio(suggestionsRightWay, suggestions))},
                  {"rightDirectionWithinOneLevel", round4(ratio(suggestionsRightLevel, suggestions))}}}}},
        {"inferenceMsMedian", round4(median(inference))},
    };
}

} // namespace

QJsonObject evaluateClassifier(const Classifier& classifier, const ClassifierEvaluationOptions& options)
{
    const auto log = [&](const QString& line) {
        if (options.log)
            options.log(line);
    };
    QElapsedTimer total;
    total.start();
    const PhotoSet photos = PhotoSet::load(options.dataDir, options.split, options.maxSide);
    const int count = options.maxPhotos > 0 ? std::min(options.maxPhotos, photos.size()) : photos.size();
    log(QStringLiteral("evaluating on %1 %2 photos (%3)")
            .arg(count)
            .arg(options.split, photos.sourceCounts().join(QStringLiteral(", "))));

    QJsonObject report{{"split", options.split},
                       {"photos", count},
                       {"sources", QJsonArray::fromStringList(photos.sourceCounts())},
                       {"frameLongSide", options.maxSide},
                       {"seed", QString::number(options.seed)},
                       {"minConfidence", options.minConfidence}};
    // The targets are judged on the first two; the third is the published protocol's kind of test
    // (every error made by one operator, the reference grade), for comparison with its figures.
    const std::pair<const char*, Detune::Family> families[] = {
        {"validation", Detune::Family::Training},
        {"unseen", Detune::Family::HeldOut},
        {"referenceOperator", Detune::Family::Reference}};
    for (const auto& [name, family] : families) {
        std::vector<std::vector<FrameResult>> perPhoto(static_cast<size_t>(count));
        std::mutex logMutex;
        int done = 0;
        parallelFor(
            count,
            [&, family = family, name = name](int begin, int end) {
                for (int i = begin; i < end; ++i) {
                    std::mt19937_64 random(
                        mix(options.seed * 1000003u + uint64_t(i) * 7919u + uint64_t(family)));
                    const Image& original = photos.image(i);
                    const double scale =
                        double(options.deltaESide) / std::max(original.width(), original.height());
                    const Image originalSmall =
                        resizedArea(original, std::max(1, int(std::lround(original.width() * scale))),
                                    std::max(1, int(std::lround(original.height() * scale))));
                    auto& results = perPhoto[size_t(i)];
                    results.push_back(evaluateFrame(classifier, original, originalSmall, Severities{},
                                                    FrameKind::Ok, family, random, options.deltaESide,
                                                    options.minConfidence));
                    // Every single-error class: the six two-sided kinds get a random direction.
                    for (int cls = 1; cls < ErrorClasses::kClassCount; ++cls) {
                        const double sign = twoSided(cls) && random() % 2 == 0 ? -1.0 : 1.0;
                        const Severities truth = singleError(cls, sign);
                        results.push_back(evaluateFrame(classifier, original, originalSmall, truth,
                                                        FrameKind::Single, family, random, options.deltaESide,
                                                        options.minConfidence));
                    }
                    for (int errors = 2; errors <= 3; ++errors)
                        for (int k = 0; k < options.multiFramesPerPhoto; ++k) {
                            std::array<int, kErrorAxisCount> axes{0, 1, 2, 3, 4, 5, 6};
                            std::shuffle(axes.begin(), axes.end(), random);
                            Severities truth{};
                            for (int e = 0; e < errors; ++e)
                                truth[size_t(axes[size_t(e)])] =
                                    (random() % 2 ? 1.0 : -1.0) * double(1 + random() % 3) / 3.0;
                            results.push_back(
                                evaluateFrame(classifier, original, originalSmall, truth,
                                              errors == 2 ? FrameKind::Multi2 : FrameKind::Multi3, family,
                                              random, options.deltaESide, options.minConfidence));
                        }
                    const std::lock_guard<std::mutex> lock(logMutex);
                    if (++done % 10 == 0 || done == count)
                        log(QStringLiteral("%1: %2/%3 photos").arg(QLatin1String(name)).arg(done).arg(count));
                }
            },
            1);
        std::vector<FrameResult> all;
        for (const auto& results : perPhoto)
            all.insert(all.end(), results.begin(), results.end());
        report.insert(QLatin1String(name), summarise(all));
    }
    // How far apart the levels are against the photos' own variety (what bounds a content-blind reader).
    report.insert("levelSeparability", levelSeparability(photos, count, options.deltaESide));
    report.insert("seconds", std::round(total.elapsed() / 100.0) / 10.0);
    return report;
}

} // namespace cg
