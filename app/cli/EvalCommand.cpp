#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "Classifier.h"
#include "ClassifierEvaluation.h"
#include "Error.h"
#include "JsonFile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace cg::cli {

namespace {

/// Each target against the worse of the two test sets (validation photos, unseen detunes), so a model
/// card says plainly which figures are met: {"singleExactClass": {"measured": 0.34, "target": 0.95,
/// "met": false}, ...}.
QJsonObject verdictOf(const QJsonObject& report)
{
    const QJsonObject validation = report.value("validation").toObject();
    const QJsonObject unseen = report.value("unseen").toObject();
    const auto worst = [&](const std::function<double(const QJsonObject&)>& figure, bool higherIsBetter) {
        const double a = figure(validation), b = figure(unseen);
        return higherIsBetter ? std::min(a, b) : std::max(a, b);
    };
    const auto path = [](const QJsonObject& set, const QStringList& keys) {
        QJsonValue value = set;
        for (const QString& key : keys)
            value = value.toObject().value(key);
        return value.toDouble();
    };
    const QJsonObject targets = report.value("targets").toObject();
    QJsonObject verdict;
    const auto judge = [&](const char* name, double measured, bool higherIsBetter) {
        const double target = targets.value(name).toDouble();
        verdict.insert(name, QJsonObject{{"measured", measured},
                                         {"target", target},
                                         {"met", higherIsBetter ? measured >= target : measured <= target}});
    };
    judge("singleExactClass",
          worst(
              [&](const QJsonObject& s) {
                  return path(s, {"single", "exactClass"});
              },
              true),
          true);
    judge("singleWithinOneLevel",
          worst(
              [&](const QJsonObject& s) {
                  return path(s, {"single", "withinOneLevel"});
              },
              true),
          true);
    judge("multiAxisWithinOneLevel",
          worst(
              [&](const QJsonObject& s) {
                  return std::min(path(s, {"multi2", "axisWithinOneLevel"}),
                                  path(s, {"multi3", "axisWithinOneLevel"}));
              },
              true),
          true);
    judge("deltaE2000Reduction",
          worst(
              [&](const QJsonObject& s) {
                  return path(s, {"correction", "reduction", "suggestedGrade"});
              },
              true),
          true);
    judge("inferenceMs", worst([&](const QJsonObject& s) { return path(s, {"inferenceMsMedian"}); }, false),
          false);
    return verdict;
}

} // namespace

int runEval(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("MODEL", "What to evaluate: classifier (corrector and colorizer: not yet).");
    parser.addOption({"data", "Folder of photos with val/ (tools/fetch-training-images.sh).", "DIR"});
    parser.addOption({"model", "Model file (default: the shipped ml/models/classifier.pt).", "PATH"});
    parser.addOption({"split", "Which split to evaluate on (default val).", "NAME"});
    parser.addOption({"photos", "Use only the first N photos of the split (default: all).", "N"});
    parser.addOption({"seed", "Seed of the detunes (default 7).", "S"});
    parser.addOption({"card", "Model card (JSON) whose \"metrics\" to replace with these figures.", "JSON"});
    parser.addOption({"min-confidence",
                      "Apply suggestions from this confidence on (default 0.85, as analyze and the application do).", "P"});
    parseArguments(parser, "eval", arguments, 1);

    const QString kind = parser.positionalArguments().first();
    if (kind != QLatin1String("classifier"))
        throw InputError(
            kind == QLatin1String("corrector") || kind == QLatin1String("colorizer")
                ? QStringLiteral("eval: \"%1\" is not available in this version").arg(kind)
                : QStringLiteral("eval: unknown model \"%1\" (classifier, corrector, colorizer)").arg(kind));
    if (!parser.isSet("data"))
        throw InputError(QStringLiteral("eval classifier: --data DIR is required"));

    ClassifierEvaluationOptions options;
    options.dataDir = parser.value("data");
    if (parser.isSet("split"))
        options.split = parser.value("split");
    const auto number = [&parser](const char* option, qint64 fallback) {
        return wholeNumberOption(parser, QStringLiteral("eval"), QLatin1String(option), 1, fallback);
    };
    options.maxPhotos = int(number("photos", 0));
    options.seed = quint64(number("seed", qint64(options.seed)));
    options.minConfidence = unitIntervalOption(parser, "eval", "min-confidence", options.minConfidence);
    options.log = [](const QString& line) {
        std::fprintf(stderr, "eval classifier: %s\n", qPrintable(line));
        std::fflush(stderr);
    };
    QString cardPath = parser.value("card");
    QJsonObject card;
    if (!cardPath.isEmpty()) // read before the long run: a bad card fails at once
        card = JsonFile::parseObject(JsonFile::readAll(cardPath), cardPath);

    const Classifier classifier = Classifier::load(Classifier::findModel(parser.value("model")));
    QJsonObject report = evaluateClassifier(classifier, options);
    report.insert("model", QFileInfo(classifier.path()).absoluteFilePath());
    report.insert("parameters", classifier.parameterCount());
    report.insert("members", classifier.memberCount());
    report.insert("targets", QJsonObject{{"singleExactClass", 0.95},
                                         {"singleWithinOneLevel", 0.99},
                                         {"multiAxisWithinOneLevel", 0.90},
                                         {"deltaE2000Reduction", 0.60},
                                         {"inferenceMs", 30}});
    report.insert("verdict", verdictOf(report));
    if (!cardPath.isEmpty()) {
        // The card travels with the model: name the file, not this machine's folder.
        QJsonObject metrics = report;
        metrics.insert("model", QFileInfo(classifier.path()).fileName());
        card.insert("metrics", metrics);
        JsonFile::writeAtomically(cardPath, QJsonDocument(card).toJson(QJsonDocument::Indented));
    }
    printJson(report);
    return 0;
}

} // namespace cg::cli
