#pragma once

#include "Image.h"
#include "Suggestions.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <functional>

namespace cg {

class Classifier;

/// Settings of `cinegrade-cli eval classifier`.
struct ClassifierEvaluationOptions
{
    QString dataDir; ///< folder with val/ (tools/fetch-training-images.sh)
    QString split = QStringLiteral("val");
    int maxSide = 384;           ///< photos are analysed at this long side (a preview-sized frame)
    int maxPhotos = 0;           ///< 0 = every photo of the split
    int multiFramesPerPhoto = 4; ///< frames with 2 errors and with 3 errors, per photo and family
    int deltaESide = 160;        ///< CIEDE2000 is averaged over the frame scaled to this long side
    uint64_t seed = 7;
    double minConfidence = Suggestions::kMinConfidence; ///< below it suggestions are not applied
    std::function<void(const QString&)> log;
};

/// The classifier's figures on held-out photos, for three families of detunes (Detune::Family): the
/// training family ("validation": unseen photos), the held-out family ("unseen": unseen photos and
/// implementations the model never saw), and the reference grade alone ("referenceOperator": one
/// operator, as the published protocol detuned; for comparison, not judged). Per family:
///   single   one error per frame, every class x every photo (the protocol: exact class, within one
///            level, signed exact, per kind), plus the per-axis reading of those frames, the exact
///            class by how visible the error is (mean CIEDE2000 of the detuned frame to the original),
///            and the exact class counting as right a reading whose error makes the same picture
///            (exactOrEquivalentClass: the frame's recipe with the predicted error instead of the true
///            one lands within mean CIEDE2000 1 of the detuned frame; e.g. an error invisible on that
///            photo read as "ok", or flat contrast read as the raised blacks it looks like)
///   multi2 / multi3   2 and 3 simultaneous errors: every axis's level within one of the truth
///            (per axis and for all seven axes of a frame at once), erroneous axes' exact level and sign
///   ok       untouched frames: how often anything is suggested, and the harm when applied
///   correction  median over detuned frames of the mean CIEDE2000 to the original: untouched,
///            after the suggested grade, after the gray-world + auto-levels baseline, and after the
///            ideal correction of the true severities (the ceiling of the grade mapping); and how
///            right the suggestions are: per frame, the share whose axis is in error in the suggested
///            direction, and of those within one level of the truth
/// plus the inference time per frame, and the levels' separability on global statistics
/// (LevelSeparability.h).
QJsonObject evaluateClassifier(const Classifier& classifier, const ClassifierEvaluationOptions& options);

/// The non-ML baseline a user has without the classifier: gray world (Buchsbaum 1980: equal channel
/// means in linear light) followed by auto levels (the 0.5 % and 99.5 % points of all samples
/// stretched to 0 and 1). Same pixel format as the input.
Image grayWorldAutoLevels(const Image& image);

} // namespace cg
