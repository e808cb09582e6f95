// bench_export: a graded 1080p export against the `ffmpeg` program measured in the same run
// (DESIGN.md §6), for H.264 (libx264 medium, CRF 18) and ProRes 422 HQ (prores_ks):
//   (a) ffmpeg transcoding the same clip with the same encoder and settings, without a grade:
//       goal ours / (a) <= 1.10 (grading nearly free next to the encoder);
//   (b) ffmpeg grading with -vf lut3d on our grade baked to a 33^3 .cube: goal ours / (b) <= 0.6.
// Audio is copied in all three. Also printed: our export with the identity grade (the pipeline's own
// cost: decode to RGB, grade, convert, without the encoder working harder on graded pictures), and
// decode-only speed of ffmpeg and of our VideoDecoder. Wall time is the goal's measure; CPU time
// (user + system, ffmpeg's counted as a child process) is printed too because it hardly depends on
// what else the machine runs.
//
//   bench_export [--seconds S] [--repeat R] [--footage FILE]
//
// Content: real camera footage from tests/data/fetched (tools/fetch-test-media.sh; the first of
// cockatoo.mp4, tree.avi, vtest.avi present, or --footage), scaled to 1920x1080 4:2:0 H.264 by ffmpeg;
// testsrc2 with grain when none is present. Each figure is the best of R runs, the runs interleaved
// so that load from other programs hits all contestants alike.

#include "CompiledGrade.h"
#include "CubeFile.h"
#include "Error.h"
#include "Exporter.h"
#include "Grade.h"
#include "ModerateGrade.h"
#include "VideoDecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>

#include <sys/resource.h>

using namespace cg;

namespace {

constexpr int kProcessTimeoutMs = 1200000;

bool runFfmpeg(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{"-hide_banner", "-loglevel", "error", "-y"} + arguments);
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        std::fprintf(stderr, "ffmpeg %s failed:\n%s\n", qPrintable(arguments.join(' ')),
                     process.readAll().constData());
        return false;
    }
    return true;
}

/// CPU seconds (user + system) of this process, all threads, and of its finished children.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

struct Timing
{
    double wall = std::numeric_limits<double>::infinity();
    double cpu = std::numeric_limits<double>::infinity();
    void keepBest(const Timing& other)
    {
        wall = std::min(wall, other.wall);
        cpu = std::min(cpu, other.cpu);
    }
};

/// Wall and CPU seconds of `run` (infinite when it failed). CPU time is counted for this process and
/// for the child processes it waited for (the ffmpeg program).
Timing timed(const std::function<bool()>& run)
{
    const double cpuBefore = cpuSeconds(RUSAGE_SELF) + cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer timer;
    timer.start();
    if (!run())
        return {};
    return {double(timer.nsecsElapsed()) * 1e-9,
            cpuSeconds(RUSAGE_SELF) + cpuSeconds(RUSAGE_CHILDREN) - cpuBefore};
}

QString findFootage(const QString& requested)
{
    if (!requested.isEmpty())
        return requested;
    for (const char* name : {"cockatoo.mp4", "tree.avi", "vtest.avi"}) {
        const QString path = QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched/") + name;
        if (QFileInfo(path).size() > 0)
            return path;
    }
    return {};
}

struct Contest
{
    const char* name;
    ExportCodec codec;
    QString suffix;
    QStringList encoderArguments; ///< what ffmpeg gets for the same encoder and settings
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 6.0;
    int repeat = 2;
    QString footage;
    const QStringList arguments = app.arguments();
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments[i] == "--seconds")
            seconds = arguments[i + 1].toDouble();
        else if (arguments[i] == "--repeat")
            repeat = std::max(1, arguments[i + 1].toInt());
        else if (arguments[i] == "--footage")
            footage = arguments[i + 1];
    }
    if (QStandardPaths::findExecutable("ffmpeg").isEmpty()) {
        std::fprintf(stderr, "bench_export needs the ffmpeg program\n");
        return 1;
    }

    QTemporaryDir dir;
    const QString source = dir.filePath("source.mp4");
    footage = findFootage(footage);
    const QStringList bt709{"-colorspace", "bt709", "-color_primaries", "bt709",
                            "-color_trc",  "bt709", "-color_range",     "tv"};
    const QStringList sourceEncoding =
        QStringList{"-c:v", "libx264", "-preset", "fast", "-crf", "16", "-pix_fmt", "yuv420p"} + bt709;
    bool made = false;
    if (!footage.isEmpty()) {
        std::printf("footage: %s, scaled to 1920x1080\n", qPrintable(QFileInfo(footage).fileName()));
        made = runFfmpeg(QStringList{"-i", footage, "-t", QString::number(seconds), "-vf",
                                     "scale=1920:1080:flags=lanczos", "-c:a", "aac"} +
                         sourceEncoding + QStringList{source});
    }
    if (!made) {
        std::printf("footage: none fetched (tools/fetch-test-media.sh); testsrc2 with grain\n");
        if (!runFfmpeg(
                QStringList{"-f", "lavfi", "-i",
                            QStringLiteral("testsrc2=size=1920x1080:rate=25:duration=%1").arg(seconds), "-f",
                            "lavfi", "-i",
                            QStringLiteral("sine=frequency=440:sample_rate=48000:duration=%1").arg(seconds),
                            "-vf", "noise=alls=8:allf=t", "-c:a", "aac"} +
                sourceEncoding + QStringList{source}))
            return 1;
    }

    try {
        VideoDecoder probe(source);
        const qint64 frames = probe.frameCount();
        std::printf("source: %dx%d, %lld frames, %.2f fps, H.264 4:2:0 8-bit; %d cores\n",
                    probe.info().video->width, probe.info().video->height, static_cast<long long>(frames),
                    probe.info().video->frameRate.value(), QThread::idealThreadCount());

        // The grade at the export lattice size, and the same grade baked for ffmpeg's lut3d.
        QElapsedTimer timer;
        timer.start();
        const CompiledGrade grade(moderateGrade(), CompiledGrade::kExportSize);
        const double compileSeconds = double(timer.nsecsElapsed()) * 1e-9;
        CubeLut cube;
        cube.title = QStringLiteral("bench_export");
        cube.lut3d = grade.bakeCube(33);
        const QString cubePath = dir.filePath("grade.cube");
        CubeFile::write(cubePath, cube);
        std::printf("grade compiled (%d^3) in %.3f s\n\n", grade.lutSize(), compileSeconds);

        // Decode alone: what every contestant pays before encoding.
        Timing ffmpegDecode, ourDecode;
        for (int r = 0; r < repeat; ++r) {
            ffmpegDecode.keepBest(timed([&] { return runFfmpeg({"-i", source, "-an", "-f", "null", "-"}); }));
            ourDecode.keepBest(timed([&] {
                VideoDecoder decoder(source, VideoDecoder::Depth::Rgb8);
                Image image;
                while (decoder.readNext(image)) {
                }
                return true;
            }));
        }
        std::printf("decode only: ffmpeg (to YUV) %.1f fps, %.1f ms CPU a frame; VideoDecoder (to RGB 8-bit) "
                    "%.1f fps, %.1f ms CPU a frame\n\n",
                    double(frames) / ffmpegDecode.wall, 1000.0 * ffmpegDecode.cpu / double(frames),
                    double(frames) / ourDecode.wall, 1000.0 * ourDecode.cpu / double(frames));

        // Grading without an encoder: what the 0.6x goal of issue 3 is about when the encoder is not the
        // bottleneck (on 2 cores libx264 medium and prores_ks run at 11-13 fps, far below either grade).
        // Ours as the viewer grades 8-bit frames: through the 256^3 table (built once per grade).
        CompiledGrade viewerGrade = grade;
        viewerGrade.buildFullTable8();
        Timing ffmpegLut, ourGrade;
        for (int r = 0; r < repeat; ++r) {
            ffmpegLut.keepBest(timed([&] {
                return runFfmpeg({"-i", source, "-an", "-vf", "lut3d=file=" + cubePath, "-f", "null", "-"});
            }));
            ourGrade.keepBest(timed([&] {
                VideoDecoder decoder(source, VideoDecoder::Depth::Rgb8);
                Image image;
                while (decoder.readNext(image))
                    viewerGrade.apply(image);
                return true;
            }));
        }
        std::printf(
            "decode + grade, no encoder: ffmpeg -vf lut3d %.1f fps, %.1f ms CPU a frame; ours %.1f fps, "
            "%.1f ms CPU a frame; ours/ffmpeg %.2f wall, %.2f CPU\n\n",
            double(frames) / ffmpegLut.wall, 1000.0 * ffmpegLut.cpu / double(frames),
            double(frames) / ourGrade.wall, 1000.0 * ourGrade.cpu / double(frames),
            ourGrade.wall / ffmpegLut.wall, ourGrade.cpu / ffmpegLut.cpu);

        const Contest contests[] = {
            {"H.264 (libx264 medium, CRF 18)",
             ExportCodec::H264,
             ".mp4",
             {"-c:v", "libx264", "-preset", "medium", "-crf", "18", "-pix_fmt", "yuv420p"}},
            {"ProRes 422 HQ (prores_ks)",
             ExportCodec::ProResHQ,
             ".mov",
             {"-c:v", "prores_ks", "-profile:v", "3", "-vendor", "apl0", "-pix_fmt", "yuv422p10le"}},
        };
        const CompiledGrade identity;
        for (const Contest& contest : contests) {
            ExportSettings settings;
            settings.codec = contest.codec;
            settings.crf = 18;
            settings.preset = QStringLiteral("medium");
            const QString ours = dir.filePath("ours" + contest.suffix);
            const QStringList common =
                QStringList{"-i", source, "-map", "0:v:0", "-map", "0:a?", "-c:a", "copy"} +
                contest.encoderArguments + bt709;
            // ours graded, ours with the identity grade (the pipeline's own cost, without the encoder
            // working harder on graded pictures), (a) ffmpeg plain, (b) ffmpeg lut3d.
            Timing best[4];
            for (int r = 0; r < repeat; ++r) {
                best[0].keepBest(timed([&] {
                    exportVideo(source, ours, grade, settings);
                    return true;
                }));
                best[1].keepBest(timed([&] {
                    exportVideo(source, ours, identity, settings);
                    return true;
                }));
                best[2].keepBest(timed(
                    [&] { return runFfmpeg(common + QStringList{dir.filePath("a" + contest.suffix)}); }));
                best[3].keepBest(timed([&] {
                    return runFfmpeg(common + QStringList{"-vf", "lut3d=file=" + cubePath,
                                                          dir.filePath("b" + contest.suffix)});
                }));
            }
            std::printf("%s, %lld frames:\n", contest.name, static_cast<long long>(frames));
            const char* names[4] = {"ours, graded", "ours, identity grade", "(a) ffmpeg, no grade",
                                    "(b) ffmpeg -vf lut3d"};
            for (int i = 0; i < 4; ++i)
                std::printf("  %-22s %7.2f s wall (%5.1f fps) %7.2f s CPU\n", names[i], best[i].wall,
                            double(frames) / best[i].wall, best[i].cpu);
            const auto verdict = [](double ratio, double goal) { return ratio <= goal ? "ok" : "MISSED"; };
            std::printf(
                "  ours/(a): %.2f wall, %.2f CPU  (goal <= 1.10: %s)   identity/(a): %.2f wall, %.2f CPU\n",
                best[0].wall / best[2].wall, best[0].cpu / best[2].cpu,
                verdict(best[0].wall / best[2].wall, 1.10), best[1].wall / best[2].wall,
                best[1].cpu / best[2].cpu);
            std::printf("  ours/(b): %.2f wall, %.2f CPU  (goal <= 0.60: %s)\n\n",
                        best[0].wall / best[3].wall, best[0].cpu / best[3].cpu,
                        verdict(best[0].wall / best[3].wall, 0.6));
        }
    } catch (const InputError& error) {
        std::fprintf(stderr, "bench_export: %s\n", error.what());
        return 1;
    }
    return 0;
}
