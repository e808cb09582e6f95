// cinegrade-cli: every Cinegrade job without a display (DESIGN.md §5).
// Exit codes: 0 ok, 1 internal error, 2 bad input or usage (one clear line on stderr).
#include "Commands.h"
#include "JsonOutput.h"

#include "Error.h"
#include "FfmpegVersion.h"
#include "OcioVersion.h"
#include "TorchRuntime.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <csignal>
#include <cstdio>
#include <exception>
#include <functional>
#include <map>

namespace {

constexpr const char* kUsage = R"(usage: cinegrade-cli COMMAND [OPTIONS]

commands:
  info IN                                  JSON: streams, size, fps, frames, duration, colour tags
  render IN -o OUT [--grade G.json] [--cdl C.cdl [--cdl-id ID]] [--lut L.cube]
         [--codec h264|prores-lt|prores|prores-hq|prores-4444] [--crf N] [--start T --end T]
                                           grade a video (MP4/MOV out, audio kept, progress on
                                           stderr) or an image (PNG/TIFF 8/16-bit, JPEG)
  export-lut -o L.cube [--grade G.json] [--cdl C.cdl] [--lut L.cube] [--size 33]
                                           bake a grade into a .cube 3D LUT
  analyze IN [--frame N | --frames N] [--model M] [--min-confidence C]
                                           JSON: what is wrong (classifier classes, per-axis
                                           severities) and suggested grade changes; applies nothing;
                                           --frames reads N frames spread over a video as one shot
  train classifier --data DIR --out MODEL [--steps N] [--seed S] [--side PX] [--mix P]
         [--members N]                     train the classifier (resumes from MODEL.ckpt)
  eval classifier --data DIR [--model M] [--card JSON] [--split NAME] [--photos N] [--seed S]
         [--min-confidence C]              JSON: classifier figures vs a gray-world baseline
  version                                  JSON: versions of Cinegrade and its libraries
  help                                     this text

exit codes: 0 ok, 1 internal error, 2 bad input or usage
)";

void printError(const QString& message)
{
    std::fprintf(stderr, "cinegrade-cli: %s\n", qPrintable(message));
}

int runVersion()
{
    cg::cli::printJson({{"cinegrade", QCoreApplication::applicationVersion()},
                        {"qt", QString::fromLatin1(qVersion())},
                        {"ffmpeg", cg::ffmpegVersion()},
                        {"opencolorio", cg::ocioVersion()},
                        {"libtorch", cg::TorchRuntime::version()}});
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // A file-size limit (ulimit -f) must surface as a write error, cleaned up like a full disk,
    // not kill the process with a half-written temporary file left behind.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cinegrade-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CINEGRADE_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const QString command = arguments.takeFirst();
    const std::map<QString, std::function<int(const QStringList&)>> commands{
        {"info", cg::cli::runInfo},
        {"render", cg::cli::runRender},
        {"export-lut", cg::cli::runExportLut},
        {"analyze", cg::cli::runAnalyze},
        {"train", cg::cli::runTrain},
        {"eval", cg::cli::runEval},
        {"version", [](const QStringList&) { return runVersion(); }},
        {"--version", [](const QStringList&) { return runVersion(); }},
        {"help", [](const QStringList&) { std::fputs(kUsage, stdout); return 0; }},
        {"--help", [](const QStringList&) { std::fputs(kUsage, stdout); return 0; }},
    };
    const auto found = commands.find(command);
    if (found == commands.end()) {
        printError(QStringLiteral("unknown command \"%1\" (see cinegrade-cli help)").arg(command));
        return 2;
    }
    try {
        return found->second(arguments);
    } catch (const cg::InputError& error) {
        printError(error.message());
        return 2;
    } catch (const std::bad_alloc&) {
        printError(QStringLiteral("out of memory"));
        return 1;
    } catch (const std::exception& error) {
        printError(QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(error.what())));
        return 1;
    }
}
