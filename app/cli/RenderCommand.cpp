#include "Commands.h"
#include "GradeOptions.h"
#include "JsonOutput.h"
#include "OutputPath.h"
#include "ParseArguments.h"
#include "ProgressReporter.h"
#include "TimeArgument.h"

#include "CompiledGrade.h"
#include "Error.h"
#include "Exporter.h"
#include "MediaInfo.h"
#include "StillImage.h"

#include <QFileInfo>
#include <QJsonObject>
#include <csignal>

namespace cg::cli {

namespace {

std::atomic_bool g_interrupted{false};

/// Ctrl+C or a farm's SIGTERM cancels the export cleanly (nothing half-written is left).
void requestCancel(int)
{
    g_interrupted = true;
}

int renderStill(const QCommandLineParser& parser, const QString& input, const QString& output)
{
    for (const char* videoOnly : {"codec", "crf", "start", "end"})
        if (parser.isSet(videoOnly))
            throw InputError(QStringLiteral("--%1 is for video; %2 is a still image").arg(videoOnly, input));
    StillImage::fileTypeForPath(output); // refuse an unknown extension before any work
    const Grade grade = gradeFromOptions(parser);
    Image image = StillImage::read(input);
    // A still is graded once: the export-size lattice costs a few milliseconds more.
    CompiledGrade(grade, CompiledGrade::kExportSize).apply(image);
    StillImage::write(output, image);
    printJson({{"input", QFileInfo(input).absoluteFilePath()},
               {"output", QFileInfo(output).absoluteFilePath()},
               {"kind", "image"},
               {"width", image.width()},
               {"height", image.height()},
               {"bitDepth", bitDepth(image.format())}});
    return 0;
}

int renderVideo(const QCommandLineParser& parser, const MediaInfo& info, const QString& input, const QString& output)
{
    ExportSettings settings;
    if (parser.isSet("codec"))
        settings.codec = exportCodecFromName(parser.value("codec"));
    const QString suffix = QFileInfo(output).suffix().toLower();
    const bool prores = settings.codec != ExportCodec::H264;
    if (prores && suffix != "mov")
        throw InputError(QStringLiteral("ProRes is written to .mov files; %1 is not one").arg(output));
    if (!prores && suffix != "mp4" && suffix != "mov" && suffix != "mkv")
        throw InputError(QStringLiteral("H.264 is written to .mp4, .mov or .mkv files; %1 is not one").arg(output));
    if (parser.isSet("crf")) {
        bool ok = false;
        settings.crf = parser.value("crf").toInt(&ok);
        if (!ok || settings.crf < 0 || settings.crf > 51)
            throw InputError(QStringLiteral("--crf must be a whole number from 0 to 51, got \"%1\"").arg(parser.value("crf")));
        if (prores)
            throw InputError(QStringLiteral("--crf is for H.264; ProRes quality is set by its profile"));
    }
    const double fps = info.video->frameRate.value();
    const qint64 frames = info.video->frameCount;
    if (parser.isSet("start"))
        settings.firstFrame = firstFrameAt(parseTimeArgument("start", parser.value("start")), fps);
    if (parser.isSet("end"))
        settings.lastFrame = lastFrameBefore(parseTimeArgument("end", parser.value("end")), fps);
    const qint64 last = settings.lastFrame < 0 ? frames - 1 : std::min(settings.lastFrame, frames - 1);
    if (settings.firstFrame >= frames || last < settings.firstFrame)
        throw InputError(QStringLiteral("the range --start %1 --end %2 holds no frame of %3 (%4 frames)")
                             .arg(parser.value("start"), parser.value("end"), input)
                             .arg(frames));
    settings.lastFrame = last;

    const CompiledGrade grade(gradeFromOptions(parser), CompiledGrade::kExportSize);
    ProgressReporter progress;
    try {
        exportVideo(input, output, grade, settings, [&](const ExportProgress& p) { progress.report(p); },
                    &g_interrupted);
    } catch (const ExportCancelled&) {
        progress.finish();
        throw InputError(QStringLiteral("export cancelled; %1 was not written").arg(output));
    }
    progress.finish();
    printJson({{"input", QFileInfo(input).absoluteFilePath()},
               {"output", QFileInfo(output).absoluteFilePath()},
               {"kind", "video"},
               {"codec", exportCodecName(settings.codec)},
               {"firstFrame", settings.firstFrame},
               {"lastFrame", settings.lastFrame},
               {"frames", settings.lastFrame - settings.firstFrame + 1}});
    return 0;
}

} // namespace

int runRender(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN", "Video or image to grade.");
    parser.addOption({{"o", "output"}, "Output file: .mp4/.mov/.mkv for video, .png/.tif/.jpg for images.", "OUT"});
    addGradeOptions(parser);
    parser.addOption({"codec", "h264 (default), prores-lt, prores, prores-hq or prores-4444.", "CODEC"});
    parser.addOption({"crf", "H.264 constant rate factor, 0-51 (default 18).", "N"});
    parser.addOption({"start", "First frame: seconds, HH:MM:SS.sss or a frame number like 120f.", "T"});
    parser.addOption({"end", "End (exclusive for times, inclusive for frame numbers).", "T"});
    parseArguments(parser, "render", arguments, 1);

    std::signal(SIGINT, requestCancel);
    std::signal(SIGTERM, requestCancel);
    const QString input = parser.positionalArguments().first();
    const QString output = parser.value("output");
    checkOutputPath(output, input);
    const MediaInfo info = probeMedia(input);
    if (info.isStill)
        return renderStill(parser, input, output);
    return renderVideo(parser, info, input, output);
}

} // namespace cg::cli
