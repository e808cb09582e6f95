#include "Suggestions.h"

#include "GradeProgram.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cg::Suggestions {

namespace {

double whiteTarget(double severity)
{
    return 1.0 - Detune::kWhiteLevel * std::abs(severity);
}

/// The engine's white balance keeps the luminance of grey by normalising its gains, so the gains of
/// (T, M) times those of (-T, -M) are not 1 but 1 / (L(T, M) L(-T, -M)) on every channel (L = BT.709
/// luminance of the raw gains): a neutral change of brightness, which an exposure of
/// log2(L(T, M) L(-T, -M)) stops (also in linear light) cancels exactly.
double whiteBalanceCompensationStops(double errorTemperature, double errorTint)
{
    if (errorTemperature == 0.0 && errorTint == 0.0)
        return 0.0;
    const auto rawLuma = [](double temperature, double tint) {
        const Rgb gains = GradeProgram::whiteBalanceLinearGains(temperature, tint);
        // whiteBalanceLinearGains returns raw / L(raw), and raw has green = 1.3^-m: recover L from green.
        return std::pow(1.3, -tint / 100.0) / gains.g;
    };
    return std::log2(rawLuma(errorTemperature, errorTint) * rawLuma(-errorTemperature, -errorTint));
}

} // namespace

Grade correctionGrade(ErrorAxis axis, double s)
{
    Grade grade;
    if (s == 0.0)
        return grade;
    switch (axis) {
    case ErrorAxis::Exposure:
        grade.exposure = -Detune::kExposureStops * s;
        break;
    case ErrorAxis::BlackPoint: {
        const double b = Detune::kBlackLevel * std::min(std::abs(s), 1.5);
        // Raised: v = b + x (1 - b), undone by lift L = -b / (1 - b) (v (1 - L) + L = x).
        // Crushed: v = (x - b) / (1 - b), undone by lift b (what was clipped stays clipped).
        grade.lift.master = s > 0 ? -b / (1.0 - b) : b;
        break;
    }
    case ErrorAxis::WhitePoint: {
        // Error v = (x G)^p; the engine computes (v g)^(1/gamma), which is x for 1/gamma = 1/p and
        // G g^(1/p) = 1, i.e. g = G^-p, gamma = p.
        const double w = whiteTarget(std::min(std::abs(s), 1.5));
        const double gain = s < 0 ? w : 1.0 / w;
        const double p = std::log(Detune::kPivot) / std::log(Detune::kPivot * gain);
        grade.gain.master = std::pow(gain, -p);
        grade.gamma.master = p;
        break;
    }
    case ErrorAxis::Contrast:
        grade.contrast = std::pow(Detune::kContrastFactor, -s);
        grade.pivot = Detune::kPivot;
        break;
    case ErrorAxis::Saturation:
        grade.saturation = std::pow(Detune::kSaturationFactor, -s);
        break;
    case ErrorAxis::Temperature:
        grade.temperature = std::clamp(-Detune::kWhiteBalance * s, -100.0, 100.0);
        grade.exposure = whiteBalanceCompensationStops(-grade.temperature, 0.0);
        break;
    case ErrorAxis::Tint:
        grade.tint = std::clamp(-Detune::kWhiteBalance * s, -100.0, 100.0);
        grade.exposure = whiteBalanceCompensationStops(0.0, -grade.tint);
        break;
    }
    return grade;
}

Grade combinedCorrection(const Severities& severities)
{
    Grade grade;
    for (int a = 0; a < kErrorAxisCount; ++a) {
        Detune::copyAxisControls(ErrorAxis(a), correctionGrade(ErrorAxis(a), severities[size_t(a)]), grade);
    }
    // Temperature and tint normalise their gains together: compensate the pair, not each.
    grade.exposure += whiteBalanceCompensationStops(-grade.temperature, -grade.tint);
    return grade;
}

Grade combinedCorrection(const std::vector<Suggestion>& suggestions)
{
    Severities severities{};
    for (const Suggestion& suggestion : suggestions)
        severities[size_t(suggestion.axis)] = suggestion.severity;
    return combinedCorrection(severities);
}

Grade applyCorrection(const Grade& current, const Grade& correction)
{
    const auto times = [](const Rgb& a, const Rgb& b) { return Rgb{a.r * b.r, a.g * b.g, a.b * b.b}; };
    Grade out = current;
    out.exposure += correction.exposure;
    out.temperature = std::clamp(current.temperature + correction.temperature, -100.0, 100.0);
    out.tint = std::clamp(current.tint + correction.tint, -100.0, 100.0);
    out.lift.master += correction.lift.master;
    out.lift.rgb = current.lift.rgb + correction.lift.rgb;
    out.offset.master += correction.offset.master;
    out.offset.rgb = current.offset.rgb + correction.offset.rgb;
    out.gamma.master *= correction.gamma.master;
    out.gamma.rgb = times(current.gamma.rgb, correction.gamma.rgb);
    out.gain.master *= correction.gain.master;
    out.gain.rgb = times(current.gain.rgb, correction.gain.rgb);
    if (correction.contrast != 1.0 && current.contrast == 1.0)
        out.pivot = correction.pivot;
    out.contrast *= correction.contrast;
    out.saturation *= correction.saturation;
    return out;
}

// Written out as QCoreApplication::translate calls (context "Suggestions") so that lupdate, which
// ui/CMakeLists.txt runs over this file, finds the sentences for the GUI's translations.
QString sentence(ErrorAxis axis, int signedLevel)
{
    if (signedLevel == 0)
        return QCoreApplication::translate("Suggestions", "No %1 error").arg(errorAxisKey(axis));
    const bool plus = signedLevel > 0;
    QString what;
    switch (axis) {
    case ErrorAxis::Exposure:
        what = plus ? QCoreApplication::translate("Suggestions", "Image is overexposed")
                    : QCoreApplication::translate("Suggestions", "Image is underexposed");
        break;
    case ErrorAxis::BlackPoint:
        what = plus ? QCoreApplication::translate("Suggestions", "Blacks are raised (milky)")
                    : QCoreApplication::translate("Suggestions", "Blacks are crushed");
        break;
    case ErrorAxis::WhitePoint:
        what =
            plus ? QCoreApplication::translate("Suggestions", "Highlights are clipped (white point too high)")
                 : QCoreApplication::translate("Suggestions", "Highlights are dull (white point too low)");
        break;
    case ErrorAxis::Contrast:
        what = plus ? QCoreApplication::translate("Suggestions", "Contrast is too high")
                    : QCoreApplication::translate("Suggestions", "Contrast is too low (flat)");
        break;
    case ErrorAxis::Saturation:
        what = plus ? QCoreApplication::translate("Suggestions", "Colours are oversaturated")
                    : QCoreApplication::translate("Suggestions", "Colours are undersaturated");
        break;
    case ErrorAxis::Temperature:
        what = plus ? QCoreApplication::translate("Suggestions", "Image is too warm (orange)")
                    : QCoreApplication::translate("Suggestions", "Image is too cool (blue)");
        break;
    case ErrorAxis::Tint:
        what = plus ? QCoreApplication::translate("Suggestions", "Image is too magenta")
                    : QCoreApplication::translate("Suggestions", "Image is too green");
        break;
    }
    const int level = std::min(std::abs(signedLevel), 3);
    return QCoreApplication::translate("Suggestions", "%1 (about %2 %)")
        .arg(what)
        .arg(level == 3 ? 100 : level * 33);
}

std::vector<Suggestion> fromEstimates(const std::array<AxisEstimate, kErrorAxisCount>& estimates,
                                      double minConfidence)
{
    std::vector<Suggestion> out;
    for (const AxisEstimate& estimate : estimates) {
        if (estimate.level == 0 || estimate.confidence < minConfidence)
            continue;
        // The amount: the expected severity given the predicted direction, so that uncertainty
        // about the level does not shrink the correction toward zero through the other sign.
        double mass = 0.0, sum = 0.0;
        for (int bin = 0; bin < 7; ++bin) {
            const int level = bin - 3;
            if ((level > 0) == (estimate.level > 0) && level != 0) {
                mass += estimate.levelProbabilities[size_t(bin)];
                sum += estimate.levelProbabilities[size_t(bin)] * level / 3.0;
            }
        }
        Suggestion suggestion;
        suggestion.axis = estimate.axis;
        suggestion.severity = mass > 0 ? sum / mass : estimate.level / 3.0;
        suggestion.level = estimate.level;
        suggestion.confidence = estimate.confidence;
        suggestion.message = sentence(estimate.axis, estimate.level);
        suggestion.correction = correctionGrade(estimate.axis, suggestion.severity);
        out.push_back(suggestion);
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
        return std::abs(a.severity) * a.confidence > std::abs(b.severity) * b.confidence;
    });
    return out;
}

namespace {

QJsonObject wheelChange(const Wheel& wheel, const Wheel& neutral, const QString& key, QJsonObject& flat)
{
    QJsonObject object;
    const auto add = [&](const char* name, double value, double neutralValue) {
        if (value == neutralValue)
            return;
        object.insert(QLatin1String(name), value);
        flat.insert(key + QLatin1Char('.') + QLatin1String(name), value - neutralValue);
    };
    add("master", wheel.master, neutral.master);
    add("r", wheel.rgb.r, neutral.rgb.r);
    add("g", wheel.rgb.g, neutral.rgb.g);
    add("b", wheel.rgb.b, neutral.rgb.b);
    return object;
}

void changes(const Grade& grade, QJsonObject& partial, QJsonObject& flat)
{
    const Grade neutral;
    const auto scalar = [&](const char* name, double value, double neutralValue) {
        if (value == neutralValue)
            return;
        partial.insert(QLatin1String(name), value);
        flat.insert(QLatin1String(name), value - neutralValue);
    };
    scalar("exposure", grade.exposure, neutral.exposure);
    scalar("temperature", grade.temperature, neutral.temperature);
    scalar("tint", grade.tint, neutral.tint);
    const std::pair<const char*, std::pair<const Wheel*, const Wheel*>> wheels[] = {
        {"lift", {&grade.lift, &neutral.lift}},
        {"gamma", {&grade.gamma, &neutral.gamma}},
        {"gain", {&grade.gain, &neutral.gain}},
        {"offset", {&grade.offset, &neutral.offset}}};
    for (const auto& [name, pair] : wheels) {
        const QJsonObject object = wheelChange(*pair.first, *pair.second, QLatin1String(name), flat);
        if (!object.isEmpty())
            partial.insert(QLatin1String(name), object);
    }
    scalar("contrast", grade.contrast, neutral.contrast);
    if (grade.contrast != neutral.contrast)
        partial.insert(QStringLiteral("pivot"), grade.pivot);
    scalar("saturation", grade.saturation, neutral.saturation);
}

} // namespace

QJsonObject changedControls(const Grade& grade)
{
    QJsonObject partial, flat;
    changes(grade, partial, flat);
    return partial;
}

QJsonObject controlDeltas(const Grade& grade)
{
    QJsonObject partial, flat;
    changes(grade, partial, flat);
    return flat;
}

QJsonObject toJson(const Suggestion& suggestion)
{
    return {{QStringLiteral("axis"), errorAxisKey(suggestion.axis)},
            {QStringLiteral("message"), suggestion.message},
            {QStringLiteral("severity"), suggestion.severity},
            {QStringLiteral("level"), suggestion.level},
            {QStringLiteral("confidence"), suggestion.confidence},
            {QStringLiteral("grade"), changedControls(suggestion.correction)},
            {QStringLiteral("delta"), controlDeltas(suggestion.correction)}};
}

QJsonObject toJson(const AxisEstimate& estimate)
{
    QJsonArray probabilities;
    for (double p : estimate.levelProbabilities)
        probabilities.append(p);
    return {{QStringLiteral("severity"), estimate.severity},
            {QStringLiteral("level"), estimate.level},
            {QStringLiteral("confidence"), estimate.confidence},
            {QStringLiteral("levelProbabilities"), probabilities}};
}

} // namespace cg::Suggestions
