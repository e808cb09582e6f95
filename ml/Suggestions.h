#pragma once

#include "Detune.h"
#include "Grade.h"

#include <QJsonObject>
#include <QString>
#include <array>
#include <vector>

namespace cg {

/// What the classifier reads on one axis.
struct AxisEstimate
{
    ErrorAxis axis = ErrorAxis::Exposure;
    /// Expected signed severity (-1..1 of full scale) under the predicted level distribution.
    double severity = 0.0;
    /// Most probable signed level, -3..3 (33 / 66 / 100 %).
    int level = 0;
    /// Probability that there is an error in the predicted direction (sum over the levels of that
    /// sign); for level 0, the probability of level 0.
    double confidence = 0.0;
    /// Probability of each signed level -3..3.
    std::array<double, 7> levelProbabilities{};
};

/// One suggestion: a human sentence and the exact grade change that undoes the error. Nothing is
/// applied: the caller (the user) decides.
struct Suggestion
{
    ErrorAxis axis = ErrorAxis::Exposure;
    double severity = 0.0; ///< signed, of full scale
    int level = 0;         ///< signed, -3..3
    double confidence = 0.0;
    QString message;  ///< "Image is too green (about 66 %)"
    Grade correction; ///< the neutral grade with only this axis's controls changed
};

/// From severities to grade changes ("do no harm": only confident findings become suggestions).
namespace Suggestions {

/// A finding becomes a suggestion only when its predicted level is not 0 and the probability of an
/// error in that direction is at least this. Measured on the validation photos (eval classifier
/// --min-confidence): 0.7 let 14 % of detuned frames and 13 % of untouched ones be made worse by the
/// suggested grade, 0.85 halves both at the cost of a slightly smaller mean improvement.
constexpr double kMinConfidence = 0.85;

/// The exact inverse of Detune::referenceGrade(axis, severity), in the engine's own controls:
///   exposure -2 s stops; temperature / tint -100 s (clamped to the sliders' +-100), with the small
///   exposure that cancels the engine's grey normalisation of white-balance gains;
///   contrast 1.8^-s (pivot 0.435); saturation 3^-s;
///   black point: lift -b / (1 - b) for raised blacks, lift b for crushed ones (b = 0.2 |s|);
///   white point: the error is v = (x G)^p, so the fix is gain G^-p with gamma p.
Grade correctionGrade(ErrorAxis axis, double severity);
/// Every axis's correction in one grade.
Grade combinedCorrection(const Severities& severities);
Grade combinedCorrection(const std::vector<Suggestion>& suggestions);

/// `current` with a correction grade (correctionGrade, combinedCorrection, Suggestion::correction)
/// applied on top, in the engine's own controls: what "Apply" in the GUI does. Each control composes
/// the way the engine evaluates it (GradeProgram.h), so that a correction of one control changes
/// exactly that control:
///   exposure adds (stops multiply in linear light); temperature and tint add, clamped to +-100;
///   lift and offset add (master and R/G/B); gamma and gain multiply (master and R/G/B);
///   contrast and saturation multiply; the pivot stays the current one unless the current contrast
///   is neutral, then it is the correction's; curves and look stay as they are.
/// A neutral correction returns `current` unchanged.
Grade applyCorrection(const Grade& current, const Grade& correction);

/// "Image is too green (about 66 %)" for a signed level (translatable, context "Suggestions").
QString sentence(ErrorAxis axis, int signedLevel);

/// Suggestions for the confident findings, strongest first.
std::vector<Suggestion> fromEstimates(const std::array<AxisEstimate, kErrorAxisCount>& estimates,
                                      double minConfidence = kMinConfidence);

/// The controls a grade changes relative to the neutral grade, by their grade JSON names:
/// {"exposure": -0.67} or {"gain": {"master": 1.07}, "gamma": {"master": 0.91}}: a partial
/// cinegrade grade. `delta` gives instead the change of each (new value minus neutral value) with
/// flat keys ("gain.master": 0.07).
QJsonObject changedControls(const Grade& grade);
QJsonObject controlDeltas(const Grade& grade);

QJsonObject toJson(const Suggestion& suggestion);
QJsonObject toJson(const AxisEstimate& estimate);

} // namespace Suggestions
} // namespace cg
