#pragma once

#include "CubeLut.h"

#include <QByteArray>
#include <QString>

namespace cg {

/// Reading and writing the Adobe/Resolve `.cube` format (Adobe Cube LUT Specification 1.0):
/// `TITLE`, `LUT_1D_SIZE`, `LUT_3D_SIZE`, `DOMAIN_MIN`, `DOMAIN_MAX`, Resolve's
/// `LUT_1D_INPUT_RANGE`/`LUT_3D_INPUT_RANGE`, `#` comments, LF or CRLF line ends.
/// Every malformed file throws InputError naming the file and line.
namespace CubeFile {

/// Parse `.cube` text. `sourceName` is used in error messages ("look.cube line 12: ...").
CubeLut parse(const QByteArray& text, const QString& sourceName);
/// Read a file; throws InputError when it cannot be read or parsed.
CubeLut read(const QString& path);
/// Serialise with the shortest decimals that read back to the same floats, LF line ends. A file with
/// both a 1D and a 3D table is written in Resolve's layout (title in a comment: OpenColorIO refuses
/// TITLE there).
QByteArray serialize(const CubeLut& lut);
/// Write atomically (temporary file + rename); throws InputError when the path is not writable.
void write(const QString& path, const CubeLut& lut);

} // namespace CubeFile
} // namespace cg
