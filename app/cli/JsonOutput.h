#pragma once

#include <QJsonObject>

namespace cg::cli {
/// Print a report to stdout as indented JSON (the command line's machine-readable answer).
void printJson(const QJsonObject& report);
} // namespace cg::cli
