#pragma once

#include <QStringList>

namespace cg::cli {

/// Each subcommand takes its own arguments (without the program and subcommand names), prints its
/// JSON report to stdout, and returns the exit code. Bad input throws InputError (exit code 2).
int runInfo(const QStringList& arguments);
int runRender(const QStringList& arguments);
int runExportLut(const QStringList& arguments);
int runAnalyze(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runEval(const QStringList& arguments);

} // namespace cg::cli
