// bench_decode: decode-only frames per second of a 1080p H.264 clip through VideoDecoder::readNext
// (RGB, the clip's own matrix and range, exact rounding), against the `ffmpeg` program measured in the
// same run (DESIGN.md §6): `ffmpeg -i IN -f null -` (decode only, no conversion) and
// `ffmpeg -i IN -pix_fmt rgb24 -f null -` (decode + swscale's default, approximate RGB conversion).
//
//   bench_decode [--frames N] [--repeat R]
//
// Clips are made by ffmpeg (libx264 veryfast, yuv420p, B-frames): testsrc2 always, and the fetched
// camera footage (tests/data/fetched, tools/fetch-test-media.sh) scaled to 1080p when present.
// Each figure is the best of R runs; ours includes opening the file (packet index) separately.

#include "Error.h"
#include "Image.h"
#include "VideoDecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace cg;

namespace {

constexpr int kProcessTimeoutMs = 600000;

/// Wall time of a program run in seconds, or nothing when it fails.
std::optional<double> timeProgram(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAll().constData());
        return std::nullopt;
    }
    return timer.nsecsElapsed() / 1e9;
}

struct OurRun
{
    double openSeconds = 0.0;
    double decodeSeconds = 0.0;
    qint64 frames = 0;
};

OurRun timeOurs(const QString& path, VideoDecoder::Depth depth)
{
    OurRun run;
    QElapsedTimer timer;
    timer.start();
    VideoDecoder decoder(path, depth);
    run.openSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    Image image;
    while (decoder.readNext(image))
        ++run.frames;
    run.decodeSeconds = timer.nsecsElapsed() / 1e9;
    return run;
}

void benchClip(const QString& ffmpeg, const QString& name, const QString& path, int repeat)
{
    double best8 = 1e30;
    double best16 = 1e30;
    double bestOpen = 1e30;
    double bestNull = 1e30;
    double bestRgb = 1e30;
    qint64 frames = 0;
    for (int r = 0; r < repeat; ++r) {
        const OurRun ours = timeOurs(path, VideoDecoder::Depth::Rgb8);
        frames = ours.frames;
        best8 = std::min(best8, ours.decodeSeconds);
        bestOpen = std::min(bestOpen, ours.openSeconds);
        best16 = std::min(best16, timeOurs(path, VideoDecoder::Depth::Rgb16).decodeSeconds);
        if (auto t = timeProgram(ffmpeg, {"-v", "error", "-nostdin", "-i", path, "-f", "null", "-"}))
            bestNull = std::min(bestNull, *t);
        if (auto t = timeProgram(
                ffmpeg, {"-v", "error", "-nostdin", "-i", path, "-pix_fmt", "rgb24", "-f", "null", "-"}))
            bestRgb = std::min(bestRgb, *t);
    }
    const auto fps = [&](double seconds) { return seconds > 0 && seconds < 1e29 ? frames / seconds : 0.0; };
    std::printf("\n%s: %lld frames (%s)\n", qPrintable(name), static_cast<long long>(frames),
                qPrintable(path));
    std::printf("  %-52s %8.1f fps\n", "VideoDecoder::readNext, Rgb8", fps(best8));
    std::printf("  %-52s %8.1f fps\n", "VideoDecoder::readNext, Rgb16", fps(best16));
    std::printf("  %-52s %8.3f s\n", "VideoDecoder open (probe + packet index)", bestOpen);
    std::printf("  %-52s %8.1f fps\n", "ffmpeg -i IN -f null - (decode only)", fps(bestNull));
    std::printf("  %-52s %8.1f fps\n", "ffmpeg -i IN -pix_fmt rgb24 -f null -", fps(bestRgb));
    std::printf("  ratio ours Rgb8 / ffmpeg decode only:  %.2fx\n",
                fps(best8) / std::max(fps(bestNull), 1e-9));
    std::printf("  ratio ours Rgb8 / ffmpeg rgb24:        %.2fx\n",
                fps(best8) / std::max(fps(bestRgb), 1e-9));
    std::printf("  ratio ours Rgb8 incl. open / ffmpeg rgb24: %.2fx\n",
                fps(best8 + bestOpen) / std::max(fps(bestRgb), 1e-9));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int frames = 120;
    int repeat = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--frames") && i + 1 < args.size())
            frames = std::clamp(args[++i].toInt(), 1, 2000);
        else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size())
            repeat = std::clamp(args[++i].toInt(), 1, 100);
        else {
            std::fprintf(stderr, "usage: bench_decode [--frames N] [--repeat R]\n");
            return 2;
        }
    }
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::fprintf(stderr, "bench_decode needs the ffmpeg program to make its clips\n");
        return 2;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }

    struct Clip
    {
        QString name;
        QStringList input;
    };
    std::vector<Clip> clips{
        {"testsrc2 1080p H.264 (synthetic)", {"-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25"}}};
    const QDir fetched(QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched"));
    for (const char* footage : {"cockatoo.mp4", "vtest.avi"})
        if (fetched.exists(QLatin1String(footage)))
            clips.push_back({QStringLiteral("%1 scaled to 1080p H.264 (camera footage)").arg(footage),
                             {"-i", fetched.filePath(QLatin1String(footage)), "-vf", "scale=1920:1080"}});

    std::printf("bench_decode: %d frames of 1080p H.264 (libx264 veryfast, yuv420p), best of %d\n", frames,
                repeat);
    int index = 0;
    for (const Clip& clip : clips) {
        const QString path = dir.filePath(QStringLiteral("clip%1.mp4").arg(index++));
        if (!timeProgram(ffmpeg,
                         QStringList{"-v", "error", "-nostdin", "-y"} + clip.input +
                             QStringList{"-frames:v", QString::number(frames), "-an", "-c:v", "libx264",
                                         "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                                         "-colorspace", "bt709", "-color_range", "tv", path}))
            continue;
        try {
            benchClip(ffmpeg, clip.name, path, repeat);
        } catch (const InputError& error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message()));
            return 1;
        }
    }
    return 0;
}
