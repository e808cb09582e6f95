// bench_scopes: video scopes (histograms, waveform, parade, vectorscope) of 1080p frames, Cinegrade's
// one-pass computeScopes against FFmpeg's own scope filters (waveform, histogram, vectorscope) run by
// the ffmpeg program on the same subsampled frames in the same run.
//
//   bench_scopes [--frames N]
#include "Image.h"
#include "Scopes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

using namespace cg;

namespace {

/// A smooth, photo-like frame with some grain, so neither the histogram nor the waveform is trivial.
Image makeFrame(int index)
{
    Image frame(1920, 1080, PixelFormat::Rgb8);
    std::mt19937 rng{unsigned(index)};
    std::normal_distribution<float> grain(0.0f, 0.02f);
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; ++x) {
            const float u = float(x) / 1920, v = float(y) / 1080;
            frame.setSample(x, y, 0, 0.2f + 0.6f * u * v + grain(rng));
            frame.setSample(x, y, 1, 0.3f + 0.4f * v + grain(rng));
            frame.setSample(x, y, 2, 0.5f - 0.3f * u + 0.1f * float(index % 5) + grain(rng));
        }
    return frame;
}

} // namespace

int main(int argc, char** argv)
{
    int frameCount = 48;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frames") == 0)
            frameCount = std::max(1, std::atoi(argv[++i]));
    std::vector<Image> frames;
    for (int i = 0; i < std::min(frameCount, 8); ++i)
        frames.push_back(makeFrame(i));

    const ScopeOptions options; // what the application uses: 512 columns wide
    QElapsedTimer timer;
    uint64_t checksum = 0;
    timer.start();
    for (int i = 0; i < frameCount; ++i)
        checksum += computeScopes(frames[size_t(i) % frames.size()], options).samples;
    const double ours = frameCount * 1e9 / double(timer.nsecsElapsed());

    // FFmpeg gets the frames already subsampled to 512x288 (its filters would otherwise work on the
    // full frame, which Cinegrade never does) and computes the same three scopes.
    QTemporaryDir dir;
    const QString raw = dir.filePath("frames.rgb");
    {
        QFile file(raw);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        for (int i = 0; i < frameCount; ++i) {
            const Image& frame = frames[size_t(i) % frames.size()];
            for (int y = 0; y < 288; ++y)
                for (int x = 0; x < 512; ++x)
                    file.write(reinterpret_cast<const char*>(frame.row<uint8_t>(y * 1080 / 288) + (x * 1920 / 512) * 3), 3);
        }
    }
    QProcess ffmpeg;
    timer.restart();
    ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "512x288",
                            "-i", raw, "-filter_complex",
                            "format=gbrp,split=3[a][b][c];[a]waveform=c=7:d=parade[w];[b]histogram[h];[c]vectorscope[v]", "-map",
                            "[w]", "-f", "null", "-", "-map", "[h]", "-f", "null", "-", "-map", "[v]", "-f", "null", "-"});
    if (!ffmpeg.waitForFinished(600000) || ffmpeg.exitCode() != 0) {
        std::fprintf(stderr, "ffmpeg failed: %s\n", ffmpeg.readAllStandardError().constData());
        return 1;
    }
    const double peer = frameCount * 1e9 / double(timer.nsecsElapsed());
    std::printf("bench_scopes: %d frames of 1920x1080, scopes on 512 columns (checksum %llu)\n", frameCount,
                static_cast<unsigned long long>(checksum));
    std::printf("%-60s %8.1f frames/s (%.2f ms/frame)\n", "Cinegrade computeScopes (all scopes, one pass)", ours, 1000.0 / ours);
    std::printf("%-60s %8.1f frames/s\n", "ffmpeg waveform (parade) + histogram + vectorscope", peer);
    std::printf("ratio ours/ffmpeg: %.1fx\n", ours / peer);
    return 0;
}
