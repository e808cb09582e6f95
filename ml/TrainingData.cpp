#include "TrainingData.h"

#include "ColorMath.h"
#include "Error.h"
#include "ParallelFor.h"
#include "StillImage.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMap>
#include <algorithm>
#include <cmath>
#include <mutex>

namespace cg {

// ---- photos ------------------------------------------------------------------------------------

PhotoSet PhotoSet::load(const QString& dataDir, const QString& split, int maxSide)
{
    const QDir root(QDir(dataDir).filePath(split));
    if (!root.exists())
        throw InputError(QStringLiteral("%1: no \"%2\" folder (run tools/fetch-training-images.sh and pass "
                                        "--data ml/data/images)")
                             .arg(QDir::toNativeSeparators(dataDir), split));
    QStringList paths;
    QDirIterator it(root.absolutePath(), {"*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff", "*.webp"},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort(); // the same order on every machine: training is deterministic
    if (paths.isEmpty())
        throw InputError(QStringLiteral("%1: no photos (.jpg, .png, .tif) in it").arg(root.absolutePath()));

    PhotoSet set;
    std::vector<Image> images(size_t(paths.size()));
    std::vector<char> ok(size_t(paths.size()), 0);
    parallelFor(
        int(paths.size()),
        [&](int begin, int end) {
            for (int i = begin; i < end; ++i) {
                try {
                    images[size_t(i)] =
                        fitWithin(StillImage::read(paths[i]), maxSide).converted(PixelFormat::Rgb8);
                    ok[size_t(i)] = !images[size_t(i)].isNull();
                } catch (const InputError&) {
                    ok[size_t(i)] = 0;
                }
            }
        },
        1);
    for (int i = 0; i < paths.size(); ++i) {
        if (!ok[size_t(i)]) {
            ++set.m_skipped;
            continue;
        }
        set.m_images.push_back(std::move(images[size_t(i)]));
        set.m_names.append(root.relativeFilePath(paths[i]));
    }
    if (set.m_images.empty())
        throw InputError(QStringLiteral("%1: none of its %2 photos could be read")
                             .arg(root.absolutePath())
                             .arg(paths.size()));
    return set;
}

QStringList PhotoSet::sourceCounts() const
{
    QMap<QString, int> counts;
    for (const QString& name : m_names)
        ++counts[name.section(QLatin1Char('/'), 0, 0)];
    QStringList out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
    return out;
}

// ---- resampling --------------------------------------------------------------------------------

namespace {

struct Tap
{
    int index;
    float weight;
};

/// For each of `count` output pixels over [start, start + length) of a source axis of `limit`
/// pixels, the source pixels it overlaps and the overlap (normalised to sum to 1).
std::vector<std::vector<Tap>> areaTaps(double start, double length, int count, int limit)
{
    std::vector<std::vector<Tap>> taps(static_cast<size_t>(count));
    const double step = length / count;
    for (int i = 0; i < count; ++i) {
        double a = std::clamp(start + i * step, 0.0, double(limit));
        double b = std::clamp(start + (i + 1) * step, 0.0, double(limit));
        if (b - a < 1e-9) { // a degenerate span: nearest pixel
            taps[size_t(i)].push_back({std::clamp(int(a), 0, limit - 1), 1.0f});
            continue;
        }
        double sum = 0.0;
        for (int p = int(std::floor(a)); p < int(std::ceil(b)); ++p) {
            const double w = std::min(b, p + 1.0) - std::max(a, double(p));
            if (w > 0) {
                taps[size_t(i)].push_back({p, float(w)});
                sum += w;
            }
        }
        for (Tap& tap : taps[size_t(i)])
            tap.weight = float(tap.weight / sum);
    }
    return taps;
}

template <typename T>
void resampleTyped(const Image& image, CropRect crop, int outWidth, int outHeight, float scale, float* out)
{
    const auto columns = areaTaps(crop.x, crop.width, outWidth, image.width());
    const auto rows = areaTaps(crop.y, crop.height, outHeight, image.height());
    const int first = columns.front().front().index;
    const int last = columns.back().back().index;
    std::vector<float> line(size_t(last - first + 1) * 3);
    for (int oy = 0; oy < outHeight; ++oy) {
        std::fill(line.begin(), line.end(), 0.0f);
        for (const Tap& rowTap : rows[size_t(oy)]) {
            const T* src = image.row<T>(rowTap.index);
            for (int x = first; x <= last; ++x)
                for (int c = 0; c < 3; ++c)
                    line[size_t(x - first) * 3 + size_t(c)] +=
                        rowTap.weight * float(src[size_t(x) * 3 + size_t(c)]);
        }
        float* dst = out + size_t(oy) * size_t(outWidth) * 3;
        for (int ox = 0; ox < outWidth; ++ox) {
            float acc[3] = {0, 0, 0};
            for (const Tap& colTap : columns[size_t(ox)])
                for (int c = 0; c < 3; ++c)
                    acc[c] += colTap.weight * line[size_t(colTap.index - first) * 3 + size_t(c)];
            for (int c = 0; c < 3; ++c)
                dst[ox * 3 + c] = acc[c] * scale;
        }
    }
}

} // namespace

void resampleArea(const Image& image, CropRect crop, int outWidth, int outHeight, float* rgbOut)
{
    switch (image.format()) {
    case PixelFormat::Rgb8:
        resampleTyped<uint8_t>(image, crop, outWidth, outHeight, 1.0f / 255.0f, rgbOut);
        break;
    case PixelFormat::Rgb16:
        resampleTyped<uint16_t>(image, crop, outWidth, outHeight, 1.0f / 65535.0f, rgbOut);
        break;
    case PixelFormat::RgbF32:
        resampleTyped<float>(image, crop, outWidth, outHeight, 1.0f, rgbOut);
        break;
    }
}

Image resizedArea(const Image& image, int width, int height)
{
    Image out(width, height, PixelFormat::RgbF32);
    if (image.isNull() || out.isNull())
        return out;
    resampleArea(image, {0, 0, double(image.width()), double(image.height())}, width, height,
                 out.row<float>(0));
    return out;
}

Image fitWithin(const Image& image, int maxSide)
{
    const int longSide = std::max(image.width(), image.height());
    if (longSide <= maxSide || image.isNull())
        return image;
    const double scale = double(maxSide) / longSide;
    return resizedArea(image, std::max(1, int(std::lround(image.width() * scale))),
                       std::max(1, int(std::lround(image.height() * scale))));
}

std::vector<CropRect> analysisCrops(int width, int height, FrameView view)
{
    if (view == FrameView::Whole)
        return {CropRect{0, 0, double(width), double(height)}};
    const double side = std::min(width, height);
    const double longSide = std::max(width, height);
    std::vector<double> starts;
    if (longSide < 1.25 * side)
        starts = {(longSide - side) / 2};
    else
        starts = {0.0, (longSide - side) / 2, longSide - side};
    std::vector<CropRect> crops;
    for (double start : starts)
        crops.push_back(width >= height ? CropRect{start, 0, side, side} : CropRect{0, start, side, side});
    return crops;
}

void patchStatistics(const float* planar, int side, float* out)
{
    static constexpr double kQuantiles[13] = {0.002, 0.01, 0.03, 0.1,  0.2,  0.3,  0.5,
                                              0.7,   0.8,  0.9,  0.97, 0.99, 0.998};
    const size_t n = size_t(side) * size_t(side);
    const float* r = planar;
    const float* g = planar + n;
    const float* b = planar + 2 * n;
    std::vector<float> channels[6];
    for (auto& channel : channels)
        channel.resize(n);
    int low[3] = {0, 0, 0}, high[3] = {0, 0, 0};
    for (size_t i = 0; i < n; ++i) {
        const float y = float(ColorMath::kLumaR) * r[i] + float(ColorMath::kLumaG) * g[i] +
                        float(ColorMath::kLumaB) * b[i];
        const float values[6] = {r[i], g[i], b[i], y, b[i] - y, r[i] - y};
        for (int c = 0; c < 6; ++c)
            channels[c][i] = values[c];
        for (int c = 0; c < 3; ++c) {
            low[c] += values[c] <= 0.5f / 255.0f;
            high[c] += values[c] >= 254.5f / 255.0f;
        }
    }
    float* o = out;
    for (auto& channel : channels) {
        double sum = 0.0, squares = 0.0;
        for (float v : channel) {
            sum += v;
            squares += double(v) * v;
        }
        std::sort(channel.begin(), channel.end());
        for (double q : kQuantiles)
            *o++ = channel[size_t(std::lround(q * double(n - 1)))];
        const double mean = sum / double(n);
        *o++ = float(mean);
        *o++ = float(std::sqrt(std::max(0.0, squares / double(n) - mean * mean)));
    }
    for (int c = 0; c < 3; ++c) {
        *o++ = float(low[c]) / float(n);
        *o++ = float(high[c]) / float(n);
    }
}

// ---- class protocol ----------------------------------------------------------------------------

namespace ErrorClasses {

namespace {
const char* const kKindNames[kKindCount] = {"underExposure", "overExposure", "blackPoint",  "whitePoint",
                                            "contrast",      "saturation",   "temperature", "tint"};
}

int classIndex(ErrorAxis axis, int signedLevel)
{
    const int level = std::min(std::abs(signedLevel), kLevelCount);
    if (level == 0)
        return 0;
    const int kind = axis == ErrorAxis::Exposure ? (signedLevel < 0 ? 0 : 1) : int(axis) + 1;
    return 1 + kind * kLevelCount + (level - 1);
}

QString className(int index)
{
    if (index <= 0 || index >= kClassCount)
        return QStringLiteral("ok");
    const int kind = (index - 1) / kLevelCount;
    const int level = (index - 1) % kLevelCount + 1;
    return QStringLiteral("%1-%2").arg(QLatin1String(kKindNames[kind])).arg(level == 3 ? 100 : level * 33);
}

ErrorAxis axisOfClass(int index)
{
    if (index <= 0)
        return ErrorAxis::Exposure;
    const int kind = (index - 1) / kLevelCount;
    return kind <= 1 ? ErrorAxis::Exposure : ErrorAxis(kind - 1);
}

int levelOfClass(int index)
{
    return index <= 0 ? 0 : (index - 1) % kLevelCount + 1;
}

} // namespace ErrorClasses

// ---- batches -----------------------------------------------------------------------------------

namespace {

/// SplitMix64 (Steele, Lea & Flood 2014): decorrelates the seeds of neighbouring samples.
uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace

BatchSampler::BatchSampler(const PhotoSet& photos, uint64_t seed, int side, FrameView view,
                           double twoPhotoMix)
    : m_photos(photos), m_seed(seed), m_side(side), m_view(view), m_twoPhotoMix(twoPhotoMix)
{
}

Severities BatchSampler::randomSeverities(std::mt19937_64& random)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // How many errors at once: none 12 %, one 40 %, two 22 %, three 16 %, four 10 %.
    const double r = unit(random);
    const int count = r < 0.12 ? 0 : r < 0.52 ? 1 : r < 0.74 ? 2 : r < 0.90 ? 3 : 4;
    std::array<int, kErrorAxisCount> axes{0, 1, 2, 3, 4, 5, 6};
    std::shuffle(axes.begin(), axes.end(), random);
    Severities severities{};
    for (int i = 0; i < kErrorAxisCount; ++i) {
        double& s = severities[size_t(axes[size_t(i)])];
        if (i < count) {
            const int level = std::uniform_int_distribution<int>(1, 3)(random);
            const double kind = unit(random);
            double magnitude = level / 3.0; // exact levels 45 %
            if (kind >= 0.45 && kind < 0.8) // jittered levels 35 %
                magnitude += std::normal_distribution<double>(0.0, 0.04)(random);
            else if (kind >= 0.8) // anything from barely there to beyond full scale 20 %
                magnitude = 0.03 + 1.02 * unit(random);
            s = (unit(random) < 0.5 ? -1.0 : 1.0) * std::clamp(magnitude, 0.0, 1.1);
        } else if (unit(random) < 0.3) {
            s = 0.08 * (2.0 * unit(random) - 1.0); // near-zero: "ok" must tolerate small deviations
        }
    }
    return severities;
}

void BatchSampler::axisTarget(double severity, float* bins)
{
    std::fill(bins, bins + ErrorClasses::kAxisBins, 0.0f);
    const double t = std::clamp(severity * ErrorClasses::kLevelCount, -double(ErrorClasses::kLevelCount),
                                double(ErrorClasses::kLevelCount));
    const int lower = int(std::floor(t));
    const double fraction = t - lower;
    bins[lower + ErrorClasses::kLevelCount] += float(1.0 - fraction);
    if (fraction > 0.0)
        bins[lower + ErrorClasses::kLevelCount + 1] += float(fraction);
}

float BatchSampler::classTarget(const Severities& severities, float* classes)
{
    std::fill(classes, classes + ErrorClasses::kClassCount, 0.0f);
    int active = 0;
    int strongest = 0;
    for (int a = 0; a < kErrorAxisCount; ++a) {
        const double t = std::abs(severities[size_t(a)]) * ErrorClasses::kLevelCount;
        if (t >= 0.5)
            ++active;
        if (std::abs(severities[size_t(a)]) > std::abs(severities[size_t(strongest)]))
            strongest = a;
    }
    if (active >= 2) { // several errors: no single-error class applies
        classes[0] = 1.0f;
        return 0.0f;
    }
    const double s = severities[size_t(strongest)];
    const double t = std::min(std::abs(s) * ErrorClasses::kLevelCount, double(ErrorClasses::kLevelCount));
    const int lower = int(std::floor(t));
    const double fraction = t - lower;
    const int sign = s < 0 ? -1 : 1;
    classes[ErrorClasses::classIndex(ErrorAxis(strongest), sign * lower)] += float(1.0 - fraction);
    if (fraction > 0.0)
        classes[ErrorClasses::classIndex(ErrorAxis(strongest), sign * (lower + 1))] += float(fraction);
    return 1.0f;
}

TrainingBatch BatchSampler::batch(int64_t step, int size) const
{
    TrainingBatch batch;
    batch.count = size;
    batch.side = m_side;
    const size_t plane = size_t(m_side) * size_t(m_side);
    batch.pixels.resize(size_t(size) * 3 * plane);
    batch.statistics.resize(size_t(size) * kPatchStatisticCount);
    batch.classTargets.resize(size_t(size) * ErrorClasses::kClassCount);
    batch.classWeights.resize(size_t(size));
    batch.axisTargets.resize(size_t(size) * kErrorAxisCount * ErrorClasses::kAxisBins);
    batch.severities.resize(size_t(size));
    // Samples are independent (each has its own generator), so they are made on all cores; the
    // result does not depend on how they are split.
    parallelFor(
        size,
        [&](int begin, int end) {
            std::vector<float> rgb(plane * 3);
            for (int i = begin; i < end; ++i) {
                std::mt19937_64 random(mix(mix(m_seed) ^ mix(uint64_t(step) * 4096u + uint64_t(i))));
                std::uniform_real_distribution<double> unit(0.0, 1.0);
                // A random photo, a random crop of it (large: analysis looks at the whole frame or
                // full-height squares, and small crops often miss the dark and bright parts that make
                // black and white readable), area-averaged to the side.
                const auto randomCrop = [&](float* out) {
                    const Image& photo =
                        m_photos.image(std::uniform_int_distribution<int>(0, m_photos.size() - 1)(random));
                    CropRect crop;
                    if (m_view == FrameView::Whole) {
                        // Each side on its own: the squeeze to a square varies like frames' aspect ratios.
                        crop.width = photo.width() * (0.6 + 0.4 * unit(random));
                        crop.height = photo.height() * (0.6 + 0.4 * unit(random));
                    } else {
                        const double shortSide = std::min(photo.width(), photo.height());
                        crop.width = crop.height = std::min(
                            shortSide, std::max(double(m_side), shortSide * (0.6 + 0.4 * unit(random))));
                    }
                    crop.x = unit(random) * (photo.width() - crop.width);
                    crop.y = unit(random) * (photo.height() - crop.height);
                    resampleArea(photo, crop, m_side, m_side, out);
                };
                randomCrop(rgb.data());
                // No draw at all without mixing: models trained before it reproduce exactly.
                if (m_view == FrameView::Whole && m_twoPhotoMix > 0.0 && unit(random) < m_twoPhotoMix) {
                    std::vector<float> otherRgb(plane * 3);
                    randomCrop(otherRgb.data());
                    const int split = int(m_side * (0.3 + 0.4 * unit(random)));
                    const bool across = unit(random) < 0.5; // left | right, else top / bottom
                    for (int y = 0; y < m_side; ++y)
                        for (int x = 0; x < m_side; ++x)
                            if ((across ? x : y) >= split)
                                std::copy_n(otherRgb.data() + (size_t(y) * size_t(m_side) + size_t(x)) * 3, 3,
                                            rgb.data() + (size_t(y) * size_t(m_side) + size_t(x)) * 3);
                }
                const Severities severities = randomSeverities(random);
                const Detune::Recipe recipe =
                    Detune::randomRecipe(severities, Detune::Family::Training, random);
                Detune::apply(recipe, rgb.data(), plane);
                const bool mirror = unit(random) < 0.5;
                float* dst = batch.pixels.data() + size_t(i) * 3 * plane;
                for (int y = 0; y < m_side; ++y)
                    for (int x = 0; x < m_side; ++x) {
                        const int sx = mirror ? m_side - 1 - x : x;
                        for (int c = 0; c < 3; ++c) {
                            // 8-bit quantisation, as a detuned frame written to a file has.
                            const float v = std::round(
                                rgb[(size_t(y) * size_t(m_side) + size_t(sx)) * 3 + size_t(c)] * 255.0f);
                            dst[size_t(c) * plane + size_t(y) * size_t(m_side) + size_t(x)] = v / 255.0f;
                        }
                    }
                patchStatistics(dst, m_side, batch.statistics.data() + size_t(i) * kPatchStatisticCount);
                batch.severities[size_t(i)] = severities;
                batch.classWeights[size_t(i)] = classTarget(
                    severities, batch.classTargets.data() + size_t(i) * ErrorClasses::kClassCount);
                for (int a = 0; a < kErrorAxisCount; ++a)
                    axisTarget(severities[size_t(a)],
                               batch.axisTargets.data() +
                                   (size_t(i) * kErrorAxisCount + size_t(a)) * ErrorClasses::kAxisBins);
            }
        },
        8);
    return batch;
}

} // namespace cg
