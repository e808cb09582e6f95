#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "Classifier.h"
#include "Error.h"
#include "StillImage.h"
#include "VideoDecoder.h"

#include <QFileInfo>
#include <QJsonObject>

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
    parser.addOption({"model", "Classifier model (default: the shipped ml/models/classifier.pt).", "PATH"});
    parseArguments(parser, "analyze", arguments, 1);

    const QString input = parser.positionalArguments().first();
    qint64 frameIndex = 0;
    if (parser.isSet("frame")) {
        bool ok = false;
        frameIndex = parser.value("frame").toLongLong(&ok);
        if (!ok || frameIndex < 0)
            throw InputError(QStringLiteral("analyze: --frame expects a frame number >= 0, got \"%1\"")
                                 .arg(parser.value("frame")));
    }
    if (!QFileInfo(input).isFile())
        throw InputError(QStringLiteral("cannot read %1: no such file").arg(input));
    // The model first: a missing model is reported before any decoding work.
    const Classifier classifier = Classifier::load(Classifier::findModel(parser.value("model")));

    Image frame;
    if (isStillImagePath(input)) {
        if (frameIndex != 0)
            throw InputError(
                QStringLiteral("%1: a still image has only frame 0").arg(QFileInfo(input).fileName()));
        frame = StillImage::read(input);
    } else {
        VideoDecoder decoder(input);
        frame = decoder.frame(frameIndex);
    }
    const ClassifierAnalysis analysis = classifier.analyze(frame);

    QJsonObject report{{"input", QFileInfo(input).absoluteFilePath()},
                       {"frame", frameIndex},
                       {"width", frame.width()},
                       {"height", frame.height()},
                       {"model", QFileInfo(classifier.path()).absoluteFilePath()},
                       {"applied", false}};
    const QJsonObject result = analysis.toJson();
    for (auto it = result.begin(); it != result.end(); ++it)
        report.insert(it.key(), it.value());
    printJson(report);
    return 0;
}

} // namespace cg::cli
