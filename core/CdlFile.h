#pragma once

#include "Grade.h"
#include "Rgb.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace cg {

/// One ASC CDL colour correction (ASC CDL v1.2): out = clamp(in * slope + offset) ^ power, then
/// saturation with Rec.709 luma weights.
struct Cdl
{
    QString id;
    QString description;
    Rgb slope{1.0, 1.0, 1.0};
    Rgb offset{0.0, 0.0, 0.0};
    Rgb power{1.0, 1.0, 1.0};
    double saturation = 1.0;

    /// The ASC CDL v1.2 formula on one colour (clamps to 0..1 after SOP and after saturation).
    Rgb apply(Rgb in) const;
    bool operator==(const Cdl&) const = default;
};

/// A Cdl taken from a grade, with the parts of the grade CDL cannot express.
struct CdlFromGrade
{
    Cdl cdl;
    QStringList notExpressed; ///< e.g. "contrast", "curves", "look LUT"; empty when exact
};

/// ASC CDL files: `.cdl` (ColorDecisionList), `.cc` (a single ColorCorrection) and `.ccc`
/// (ColorCorrectionCollection). Malformed files throw InputError naming the file and element.
namespace CdlFile {

/// All corrections in the document, in order. `sourceName` is used in error messages.
std::vector<Cdl> parse(const QByteArray& xml, const QString& sourceName);
std::vector<Cdl> read(const QString& path);
/// Serialise; the format follows the extension of `path` in write() (.cdl, .cc or .ccc).
enum class Flavor { Cdl, Cc, Ccc };
Flavor flavorForPath(const QString& path);
QByteArray serialize(const std::vector<Cdl>& cdls, Flavor flavor);
/// Atomic write (temporary file + rename); throws InputError when the path is not writable.
void write(const QString& path, const std::vector<Cdl>& cdls);

} // namespace CdlFile

/// The grade whose primaries equal the CDL: lift = 0, gain = slope, offset = offset,
/// gamma = 1 / power, saturation = saturation; exposure, white balance, contrast, curves and look of
/// `base` are kept.
Grade gradeWithCdl(Grade base, const Cdl& cdl);
/// The CDL equal to the grade's exposure, white balance, lift/gamma/gain/offset and saturation
/// (slope = k * gain * (1 - lift), offset = gain * lift + offset, power = 1 / gamma, where k is
/// the exposure and white-balance gain per channel).
CdlFromGrade cdlFromGrade(const Grade& grade);

} // namespace cg
