#pragma once

#include <QString>

namespace cg::cli {
/// Refuse an output that is missing or would overwrite the input (DESIGN.md §5: never overwrite IN).
void checkOutputPath(const QString& output, const QString& input = {});
} // namespace cg::cli
