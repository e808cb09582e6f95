// The parts of the classifier that need no LibTorch: interpretation of the network's outputs, the
// JSON report and where the model file is found. The network itself is in ClassifierModel.cpp.
#include "Classifier.h"

#include "Error.h"
#include "GradeJson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cg {

QJsonObject ClassifierAnalysis::toJson() const
{
    QJsonObject classes;
    for (int i = 0; i < ErrorClasses::kClassCount; ++i)
        classes.insert(ErrorClasses::className(i), classProbabilities[size_t(i)]);
    QJsonObject axesJson;
    for (const AxisEstimate& estimate : axes)
        axesJson.insert(errorAxisKey(estimate.axis), Suggestions::toJson(estimate));
    QJsonArray suggestionsJson;
    for (const Suggestion& suggestion : suggestions)
        suggestionsJson.append(Suggestions::toJson(suggestion));
    return {{QStringLiteral("topClass"), ErrorClasses::className(topClass)},
            {QStringLiteral("topClassProbability"), classProbabilities[size_t(topClass)]},
            {QStringLiteral("classes"), classes},
            {QStringLiteral("axes"), axesJson},
            {QStringLiteral("suggestions"), suggestionsJson},
            {QStringLiteral("minConfidence"), minConfidence},
            {QStringLiteral("suggestedGrade"), GradeJson::toJson(suggestedGrade, QString())}};
}

QJsonObject ClassifierTrainingReport::toJson() const
{
    return {{QStringLiteral("members"), members},
            {QStringLiteral("steps"), double(steps)},
            {QStringLiteral("resumedFromStep"), double(resumedFromStep)},
            {QStringLiteral("seconds"), std::round(seconds * 10) / 10},
            {QStringLiteral("probeLossBefore"), probeLossBefore},
            {QStringLiteral("probeLossAfter"), probeLossAfter},
            {QStringLiteral("finalTrainingLoss"), finalTrainingLoss},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("trainPhotos"), trainPhotos},
            {QStringLiteral("sources"), QJsonArray::fromStringList(sources)}};
}

ClassifierAnalysis Classifier::interpret(const Output& output, double minConfidence)
{
    ClassifierAnalysis analysis;
    analysis.minConfidence = minConfidence;
    analysis.classProbabilities = output.classProbabilities;
    analysis.topClass =
        int(std::max_element(output.classProbabilities.begin(), output.classProbabilities.end()) -
            output.classProbabilities.begin());
    for (int a = 0; a < kErrorAxisCount; ++a) {
        AxisEstimate& estimate = analysis.axes[size_t(a)];
        const auto& p = output.axisProbabilities[size_t(a)];
        estimate.axis = ErrorAxis(a);
        double expected = 0.0, below = 0.0, above = 0.0;
        for (int bin = 0; bin < ErrorClasses::kAxisBins; ++bin) {
            const int level = bin - ErrorClasses::kLevelCount;
            estimate.levelProbabilities[size_t(bin)] = p[size_t(bin)];
            expected += p[size_t(bin)] * level;
            if (level < 0)
                below += p[size_t(bin)];
            else if (level > 0)
                above += p[size_t(bin)];
        }
        estimate.severity = expected / ErrorClasses::kLevelCount;
        const int best = int(std::max_element(p.begin(), p.end()) - p.begin());
        estimate.level = best - ErrorClasses::kLevelCount;
        // "Is there an error in this direction?" is the question a suggestion answers, so confidence
        // sums the levels of the predicted sign; a predicted 0 keeps its own probability.
        estimate.confidence = estimate.level > 0 ? above : estimate.level < 0 ? below : p[size_t(best)];
    }
    analysis.suggestions = Suggestions::fromEstimates(analysis.axes, minConfidence);
    analysis.suggestedGrade = Suggestions::combinedCorrection(analysis.suggestions);
    return analysis;
}

Classifier::Output Classifier::average(const std::vector<Output>& outputs)
{
    if (outputs.empty())
        throw InputError(QStringLiteral("no frames to analyse"));
    Output mean;
    const double weight = 1.0 / double(outputs.size());
    for (const Output& output : outputs) {
        for (size_t i = 0; i < mean.classProbabilities.size(); ++i)
            mean.classProbabilities[i] += weight * output.classProbabilities[i];
        for (size_t a = 0; a < mean.axisProbabilities.size(); ++a)
            for (size_t bin = 0; bin < mean.axisProbabilities[a].size(); ++bin)
                mean.axisProbabilities[a][bin] += weight * output.axisProbabilities[a][bin];
    }
    return mean;
}

std::vector<qint64> Classifier::shotFrames(qint64 first, qint64 last, qint64 count)
{
    const qint64 length = std::max<qint64>(1, last - first + 1);
    const qint64 n = std::clamp<qint64>(count, 1, length);
    std::vector<qint64> frames;
    for (qint64 k = 0; k < n; ++k)
        frames.push_back(first + (2 * k + 1) * length / (2 * n));
    return frames;
}

ClassifierAnalysis Classifier::analyze(const Image& frame) const
{
    return interpret(predict(frame));
}

QString Classifier::findModel(const QString& explicitPath)
{
    if (!explicitPath.isEmpty()) {
        if (!QFileInfo(explicitPath).isFile())
            throw InputError(QStringLiteral("%1: no such model file").arg(explicitPath));
        return explicitPath;
    }
    QStringList candidates;
    if (QCoreApplication::instance())
        candidates.append(QDir(QCoreApplication::applicationDirPath())
                              .filePath(QStringLiteral("../share/cinegrade/models/classifier.pt")));
#ifdef CINEGRADE_MODEL_DIR
    candidates.append(QDir(QStringLiteral(CINEGRADE_MODEL_DIR)).filePath(QStringLiteral("classifier.pt")));
#endif
    for (const QString& candidate : candidates)
        if (QFileInfo(candidate).isFile())
            return QDir::cleanPath(candidate);
    throw InputError(QStringLiteral("no classifier model found (looked in %1); pass --model PATH")
                         .arg(candidates.join(QStringLiteral(", "))));
}

} // namespace cg
