#pragma once

#include "Grade.h"

#include <QCommandLineParser>

namespace cg::cli {

/// The options that build a grade from files, shared by every subcommand that grades:
/// --grade G.json, --cdl C.cdl [--cdl-id ID], --lut L.cube (a look, applied last).
void addGradeOptions(QCommandLineParser& parser);
/// Combine them: the grade file first, then the CDL replaces its primaries, then the look LUT.
Grade gradeFromOptions(const QCommandLineParser& parser);

} // namespace cg::cli
