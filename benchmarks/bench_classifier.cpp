// bench_classifier: the "what is wrong" classifier's inference time per frame on the CPU (DESIGN.md
// §4: <= 30 ms), for 720p and 1080p 8-bit frames, against its peer measured in the same run: the
// non-ML baseline (gray world + auto levels) analysing the same frames.
//
//   bench_classifier [--model PATH] [--frames N] [--threads T]
//
// Frames: photographs from ml/data/images/val (tools/fetch-training-images.sh) scaled to size, or a
// synthetic scene when none are present. Each frame is analysed once after a warm-up; the figure is
// the median (and the 90th percentile) over the frames. Time includes everything analyze() does:
// cropping and area-resampling the frame, statistics, the network and the suggestions.

#include "Classifier.h"
#include "ClassifierEvaluation.h"
#include "Error.h"
#include "TorchRuntime.h"
#include "TrainingData.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace cg;

namespace {

Image syntheticFrame(int width, int height, uint32_t seed)
{
    Image image(width, height, PixelFormat::Rgb8);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> noise(-6, 6);
    for (int y = 0; y < height; ++y) {
        uint8_t* row = image.row<uint8_t>(y);
        for (int x = 0; x < width; ++x) {
            const double u = double(x) / width, v = double(y) / height;
            const int base[3] = {int(90 + 120 * v + 40 * u), int(140 + 60 * v), int(220 - 150 * v)};
            for (int c = 0; c < 3; ++c)
                row[x * 3 + c] = uint8_t(std::clamp(base[c] + noise(random), 0, 255));
        }
    }
    return image;
}

struct Timing
{
    double median = 0, p90 = 0;
};

Timing measure(const std::vector<Image>& frames, const std::function<void(const Image&)>& work)
{
    work(frames.front()); // warm-up: first-touch allocations, LibTorch's lazy initialisation
    std::vector<double> ms;
    for (const Image& frame : frames) {
        QElapsedTimer timer;
        timer.start();
        work(frame);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)]};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString modelPath;
    int frameCount = 30;
    int threads = 0;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--model")
            modelPath = args[i + 1];
        else if (args[i] == "--frames")
            frameCount = std::max(2, args[i + 1].toInt());
        else if (args[i] == "--threads")
            threads = args[i + 1].toInt();
    }
    try {
        const int used = TorchRuntime::configureThreads(threads);
        const Classifier classifier = Classifier::load(Classifier::findModel(modelPath));
        std::printf("model %s (%d network(s), %d parameters), %d LibTorch thread(s)\n",
                    qPrintable(classifier.path()), classifier.memberCount(), classifier.parameterCount(),
                    used);

        std::vector<Image> photos;
        try {
            const PhotoSet set = PhotoSet::load(QStringLiteral(CINEGRADE_SOURCE_DIR "/ml/data/images"),
                                                QStringLiteral("val"), 1920);
            for (int i = 0; i < std::min(set.size(), frameCount); ++i)
                photos.push_back(set.image(i));
            std::printf("frames: %zu photographs from ml/data/images/val\n", photos.size());
        } catch (const InputError&) {
            for (int i = 0; i < frameCount; ++i)
                photos.push_back(syntheticFrame(1920, 1080, uint32_t(i)));
            std::printf("frames: %d synthetic (run tools/fetch-training-images.sh for photographs)\n",
                        frameCount);
        }

        std::printf("%-7s %14s %14s %16s %10s\n", "size", "classifier ms", "(90th pct)", "gray-world ms",
                    "budget");
        for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
            std::vector<Image> frames;
            for (const Image& photo : photos)
                frames.push_back(resizedArea(photo, width, height).converted(PixelFormat::Rgb8));
            const Timing ml = measure(frames, [&](const Image& f) { classifier.analyze(f); });
            const Timing baseline = measure(frames, [&](const Image& f) { grayWorldAutoLevels(f); });
            std::printf("%4dp   %14.2f %14.2f %16.2f %9.2fx\n", height, ml.median, ml.p90, baseline.median,
                        30.0 / ml.median);
        }
        std::printf(
            "budget: DESIGN.md §4 allows 30 ms per frame; \"x\" is how many times faster than that.\n");
    } catch (const InputError& error) {
        std::fprintf(stderr, "bench_classifier: %s\n", qPrintable(error.message()));
        return 2;
    }
    return 0;
}
