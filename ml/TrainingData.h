#pragma once

#include "Detune.h"
#include "Image.h"

#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

namespace cg {

/// Photographs for training and evaluation, as tools/fetch-training-images.sh lays them out:
/// DIR/<split>/<source>/<name>.{jpg,png,...}, split "train" or "val". Decoded once, scaled down so
/// that the longer side is at most `maxSide`, kept as 8-bit RGB.
class PhotoSet
{
public:
    /// Throws InputError when the folder holds no readable photo for that split. Unreadable files are
    /// skipped (and counted in skipped()).
    static PhotoSet load(const QString& dataDir, const QString& split, int maxSide);

    int size() const { return int(m_images.size()); }
    const Image& image(int index) const { return m_images[size_t(index)]; }
    const QString& name(int index) const { return m_names[size_t(index)]; }
    int skipped() const { return m_skipped; }
    /// "endless-sky: 226, gcompris: 207, ..." counts by source folder, for the model card.
    QStringList sourceCounts() const;

private:
    std::vector<Image> m_images;
    QStringList m_names; ///< "<source>/<file name>"
    int m_skipped = 0;
};

/// A rectangle in source pixels (fractional coordinates allowed).
struct CropRect
{
    double x = 0, y = 0, width = 0, height = 0;
};

/// Area-average resampling (every source pixel weighted by its overlap with the output pixel) of a
/// crop of `image` to `outWidth` x `outHeight`, written as interleaved RGB floats (0..1 code values).
void resampleArea(const Image& image, CropRect crop, int outWidth, int outHeight, float* rgbOut);
/// The whole image resampled the same way, as an RgbF32 image.
Image resizedArea(const Image& image, int width, int height);
/// Scaled so that the longer side is at most `maxSide` (unchanged when already small enough).
Image fitWithin(const Image& image, int maxSide);

/// How the classifier looks at a frame.
enum class FrameView
{
    Squares, ///< square crops: one centred when the frame is nearly square, else three along the long side
    Whole,   ///< the whole frame squeezed to a square: every statistic is the frame's own
};
/// The crops a frame is analysed through (results are averaged over them).
std::vector<CropRect> analysisCrops(int width, int height, FrameView view);

/// Tone and colour statistics of a planar 3 x side x side patch (0..1 code values), the classifier's
/// second input: 13 quantiles (0.2 % .. 99.8 %) of R', G', B', BT.709 luma Y' and the colour differences
/// B'-Y', R'-Y'; their means and standard deviations; and the fractions of R', G', B' samples clipped at
/// 0 and at 1. They make black / white point, exposure and casts easy to read from the whole patch.
constexpr int kPatchStatisticCount = 6 * 13 + 2 * 6 + 6;
void patchStatistics(const float* planarRgb, int side, float* out);

/// The classifier's single-error protocol: 8 kinds x 3 levels + "ok" = 25 classes.
/// The kinds are the seven axes with exposure split by sign (under / over): exposure errors are the
/// commonest and its two directions look least alike; the other six kinds hold both directions, the
/// direction being read from the per-axis severity head. Class 0 is "ok"; class 1 + 3 * kind +
/// (level - 1) is kind `kind` at level 33 / 66 / 100 %.
namespace ErrorClasses {
constexpr int kKindCount = 8;
constexpr int kLevelCount = 3;
constexpr int kClassCount = 1 + kKindCount * kLevelCount;
/// Bins of the per-axis severity head: signed levels -3..3 (index = level + 3).
constexpr int kAxisBins = 2 * kLevelCount + 1;
/// The class of a single error on `axis` at `signedLevel` (-3..3); 0 ("ok") for level 0.
int classIndex(ErrorAxis axis, int signedLevel);
/// "ok", "underExposure-33", "blackPoint-66", ...
QString className(int index);
/// The axis of a class (exposure for both exposure kinds) and its unsigned level (0 for "ok").
ErrorAxis axisOfClass(int index);
int levelOfClass(int index);
} // namespace ErrorClasses

/// One training batch, ready for the network: images planar (N x 3 x S x S), targets as soft
/// distributions (continuous strengths fall between two levels).
struct TrainingBatch
{
    int count = 0;
    int side = 0;
    std::vector<float> pixels;       ///< N x 3 x S x S, 0..1 code values
    std::vector<float> statistics;   ///< N x kPatchStatisticCount (patchStatistics)
    std::vector<float> classTargets; ///< N x 25, rows sum to 1
    std::vector<float> classWeights; ///< N: 1 for "ok" and single-error samples, 0 for several errors
    std::vector<float> axisTargets;  ///< N x 7 x 7, per-axis distribution over levels -3..3
    std::vector<Severities> severities;
};

/// Makes training batches: a random photo, a random crop (FrameView::Whole: 60-100 % of each side,
/// squeezed to a square; Squares: a square of 60-100 % of the short side), mirrored half of the time,
/// scaled to S x S; with probability `twoPhotoMix` (Whole view only) the square is two such crops of
/// two photos side by side, split at 30-70 % across or down, so that the model sees many more right
/// looks than there are photos and learns errors rather than what each photo looks like; then a
/// random detune (Detune::Family::Training) of the whole square with 0 to 4
/// simultaneous errors, exact 33/66/100 % levels, jittered levels, continuous strengths and many
/// near-zero errors. Deterministic: batch(step) depends only on the seed and the step, so training
/// resumes exactly from a checkpoint.
class BatchSampler
{
public:
    BatchSampler(const PhotoSet& photos, uint64_t seed, int side, FrameView view = FrameView::Whole,
                 double twoPhotoMix = 0.0);

    TrainingBatch batch(int64_t step, int size) const;

    /// The severity mixture described above.
    static Severities randomSeverities(std::mt19937_64& random);
    /// Soft targets for one sample (exposed for tests).
    static void axisTarget(double severity, float* bins);
    static float classTarget(const Severities& severities, float* classes);

private:
    const PhotoSet& m_photos;
    uint64_t m_seed;
    int m_side;
    FrameView m_view;
    double m_twoPhotoMix;
};

} // namespace cg
