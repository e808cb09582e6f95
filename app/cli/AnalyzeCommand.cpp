#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "Classifier.h"
#include "Error.h"
#include "StillImage.h"
#include "TrainingData.h"
#include "VideoDecoder.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace cg::cli {

namespace {

bool isStillImagePath(const QString& path)
{
    static const QStringList stills{"png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp", "dpx", "exr", "ppm"};
    return stills.contains(QFileInfo(path).suffix().toLower());
}

} // namespace

int runAnalyze(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN", "Still image or video to analyse.");
    parser.addOption({"frame", "Frame of a video to analyse (0-based, default 0).", "N"});
    parser.addOption({"frames",
                      "Analyse N frames spread evenly over a video and read them as one shot (the mean of "
                      "their outputs).",
                      "N"});
    parser.addOption({"model", "Classifier model (default: the shipped ml/models/classifier.pt).", "PATH"});
    parser.addOption({"min-confidence",
                      "Confidence (0 to 1) a finding needs to become a suggestion (default 0.85; lower "
                      "corrects more and makes more pictures worse: see the model card).",
                      "C"});
    parseArguments(parser, "analyze", arguments, 1);

    const QString input = parser.positionalArguments().first();
    if (parser.isSet("frame") && parser.isSet("frames"))
        throw InputError(QStringLiteral("analyze: give either --frame or --frames, not both"));
    const qint64 frameIndex = wholeNumberOption(parser, "analyze", "frame", 0, 0);
    const qint64 frameCount = wholeNumberOption(parser, "analyze", "frames", 1, 1);
    const double minConfidence =
        unitIntervalOption(parser, "analyze", "min-confidence", Suggestions::kMinConfidence);
    if (!QFileInfo(input).isFile())
        throw InputError(QStringLiteral("cannot read %1: no such file").arg(input));
    // The model first: a missing model is reported before any decoding work.
    const Classifier classifier = Classifier::load(Classifier::findModel(parser.value("model")));

    std::vector<qint64> indices{frameIndex};
    std::vector<Classifier::Output> outputs;
    QJsonArray topClasses;
    Image frame;
    if (isStillImagePath(input)) {
        if (frameIndex != 0 || frameCount != 1)
            throw InputError(
                QStringLiteral("%1: a still image has only frame 0").arg(QFileInfo(input).fileName()));
        frame = StillImage::read(input);
        outputs.push_back(classifier.predict(frame));
    } else {
        VideoDecoder decoder(input);
        if (parser.isSet("frames"))
            indices = Classifier::shotFrames(0, decoder.frameCount() - 1, frameCount);
        for (qint64 index : indices) {
            frame = decoder.frame(index);
            outputs.push_back(classifier.predict(frame));
            topClasses.append(ErrorClasses::className(Classifier::interpret(outputs.back()).topClass));
        }
    }
    const ClassifierAnalysis analysis = Classifier::interpret(Classifier::average(outputs), minConfidence);

    QJsonObject report{{"input", QFileInfo(input).absoluteFilePath()},
                       {"width", frame.width()},
                       {"height", frame.height()},
                       {"model", QFileInfo(classifier.path()).absoluteFilePath()},
                       {"applied", false}};
    if (parser.isSet("frames")) {
        QJsonArray frames;
        for (qint64 index : indices)
            frames.append(index);
        report.insert("frames", frames);
        report.insert("frameTopClasses", topClasses);
    } else {
        report.insert("frame", frameIndex);
    }
    const QJsonObject result = analysis.toJson();
    for (auto it = result.begin(); it != result.end(); ++it)
        report.insert(it.key(), it.value());
    printJson(report);
    return 0;
}

} // namespace cg::cli
