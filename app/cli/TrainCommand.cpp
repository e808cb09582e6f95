#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "Classifier.h"
#include "Error.h"
#include "JsonFile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstdio>

namespace cg::cli {

namespace {

/// The model card: what the model is, what it was trained on and how; `eval classifier --card`
/// adds the measured metrics.
QJsonObject modelCard(const ClassifierTrainingOptions& options, const ClassifierTrainingReport& report)
{
    QJsonArray classes;
    for (int i = 0; i < ErrorClasses::kClassCount; ++i)
        classes.append(ErrorClasses::className(i));
    QJsonArray axes;
    for (int a = 0; a < kErrorAxisCount; ++a)
        axes.append(errorAxisKey(ErrorAxis(a)));
    const QString network = QStringLiteral(
        "6 conv3x3+BN+ReLU (16-32-32-64-64-128 channels, 4 with stride 2), mean+max pooling; MLP "
        "96-128-128 on 96 tone/colour statistics (quantiles of R,G,B,Y',B'-Y',R'-Y', means, deviations, "
        "clipping); shared 256 layer; heads 25 and 7x7");
    const QString ensemble =
        options.members == 1
            ? QString()
            : QStringLiteral(
                  "an ensemble of %1 networks trained alike with seeds %2..%3, their class and axis "
                  "probabilities averaged; each: ")
                  .arg(options.members)
                  .arg(options.seed)
                  .arg(options.seed + quint64(options.members) - 1);
    return {
        {"format", "cinegrade-model-card"},
        {"model", "classifier"},
        {"file", QFileInfo(options.outPath).fileName()},
        {"description",
         "What is wrong with a frame: 25 single-error classes (ok + 8 kinds x 33/66/100 %) and a signed "
         "severity per axis (7 levels -100..100 %), read independently so several errors at once are read."},
        {"architecture",
         QJsonObject{
             {"input", (options.view == FrameView::Whole
                            ? QStringLiteral("the whole frame area-averaged to %1x%1 (squeezed), 8-bit steps")
                            : QStringLiteral("%1x%1 square crops of the frame (one or three), outputs "
                                             "averaged"))
                           .arg(options.inputSide)},
             {"network", ensemble + network},
             {"members", options.members},
             {"parameters", report.parameters}}},
        {"classes", classes},
        {"axes", axes},
        {"fullScale",
         QJsonObject{{"exposure", "2 stops (grade exposure)"},
                     {"blackPoint", "black moved by 0.2 code value (lift), or 0.2 crushed to 0"},
                     {"whitePoint", "white moved to 0.7 (dull) or 0.7 clipped to 1, mid grey kept"},
                     {"contrast", "x1.8 around pivot 0.435"},
                     {"saturation", "x3"},
                     {"temperature", "grade temperature 100 (linear R/B gains 1.5)"},
                     {"tint", "grade tint 100 (linear G gain 1.3)"}}},
        {"data",
         QJsonObject{
             {"source", "tools/fetch-training-images.sh (Debian packages endless-sky-data, gcompris-qt-data, "
                        "opencv-doc, python3-skimage, and the photographs among the wallpapers, puzzles, "
                        "templates and examples of ten more); credits in ml/data/CREDITS.md"},
             {"split", "by source photo: CRC-32 of <source>/<name> mod 6 == 0 goes to val"},
             {"trainPhotos", report.trainPhotos},
             {"sources", QJsonArray::fromStringList(report.sources)},
             {"samples",
              QStringLiteral("random crops (60-100 % of each side, squeezed to a square, mirrored; %1 % "
                             "of the squares two crops of two photos side by side) detuned by the "
                             "training family of ml/Detune.h: 0-4 errors, exact, jittered and continuous "
                             "strengths, near-zero errors, random order, neutral channel mixer")
                  .arg(std::lround(options.twoPhotoMix * 100))}}},
        {"training", QJsonObject{{"steps", double(options.steps)},
                                 {"batch", options.batchSize},
                                 {"seed", QString::number(options.seed)},
                                 {"twoPhotoMix", options.twoPhotoMix},
                                 {"learningRate", options.learningRate},
                                 {"optimizer", "AdamW (weight decay 1e-4), warm-up then cosine decay"},
                                 {"report", report.toJson()},
                                 {"date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}}},
        {"metrics", QJsonObject{}},
    };
}

} // namespace

int runTrain(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("MODEL", "What to train: classifier (corrector and colorizer: not yet).");
    parser.addOption(
        {"data", "Folder of photos with train/ and val/ (tools/fetch-training-images.sh).", "DIR"});
    parser.addOption({"out", "Model file to write (a checkpoint OUT.ckpt is kept while training).", "MODEL"});
    parser.addOption({"steps", "Training steps (default 12000).", "N"});
    parser.addOption({"seed", "Random seed (default 1): the same seed gives the same model.", "S"});
    parser.addOption({"batch", "Batch size (default 48).", "B"});
    parser.addOption({"threads", "LibTorch threads (default 1; batches are made on another thread).", "T"});
    parser.addOption(
        {"side", "Side of the square the network reads (default 64; 32 to 256, a multiple of 16).", "PX"});
    parser.addOption(
        {"members",
         "Train an ensemble of N networks (seeds S, S+1, ...) into one model file whose outputs are "
         "averaged (default 1; at most 8).",
         "N"});
    parser.addOption(
        {"mix", "Share of training squares made of two photos side by side (default 0.5; 0 to 1, 0 = off).",
         "P"});
    parser.addOption({"fresh", "Ignore an existing checkpoint and start from step 0."});
    parser.addOption({"card", "Model card to write (default: OUT with .json).", "JSON"});
    parseArguments(parser, "train", arguments, 1);

    const QString kind = parser.positionalArguments().first();
    if (kind != QLatin1String("classifier"))
        throw InputError(
            kind == QLatin1String("corrector") || kind == QLatin1String("colorizer")
                ? QStringLiteral("train: \"%1\" is not available in this version").arg(kind)
                : QStringLiteral("train: unknown model \"%1\" (classifier, corrector, colorizer)").arg(kind));
    if (!parser.isSet("data") || !parser.isSet("out"))
        throw InputError(QStringLiteral("train classifier: --data DIR and --out MODEL are required"));

    ClassifierTrainingOptions options;
    options.dataDir = parser.value("data");
    options.outPath = parser.value("out");
    options.steps = wholeNumberOption(parser, "train", "steps", 1, options.steps);
    options.seed = quint64(wholeNumberOption(parser, "train", "seed", 1, qint64(options.seed)));
    options.batchSize = int(wholeNumberOption(parser, "train", "batch", 1, options.batchSize));
    options.threads = int(wholeNumberOption(parser, "train", "threads", 1, 0));
    options.inputSide = int(wholeNumberOption(parser, "train", "side", 1, options.inputSide));
    options.members = int(wholeNumberOption(parser, "train", "members", 1, options.members));
    options.twoPhotoMix = unitIntervalOption(parser, "train", "mix", options.twoPhotoMix);
    options.resume = !parser.isSet("fresh");
    options.log = [](const QString& line) {
        std::fprintf(stderr, "train classifier: %s\n", qPrintable(line));
        std::fflush(stderr);
    };
    const ClassifierTrainingReport report = Classifier::train(options);

    QString cardPath = parser.value("card");
    if (cardPath.isEmpty()) {
        const QFileInfo out(options.outPath);
        cardPath = out.dir().filePath(out.completeBaseName() + QStringLiteral(".json"));
    }
    JsonFile::writeAtomically(cardPath,
                              QJsonDocument(modelCard(options, report)).toJson(QJsonDocument::Indented));
    QJsonObject result = report.toJson();
    result.insert("model", QFileInfo(options.outPath).absoluteFilePath());
    result.insert("card", QFileInfo(cardPath).absoluteFilePath());
    printJson(result);
    return 0;
}

} // namespace cg::cli
