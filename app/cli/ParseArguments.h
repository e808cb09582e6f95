#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace cg::cli {

/// Parse a subcommand's arguments; unknown options, missing values or a wrong number of positional
/// arguments throw InputError with the parser's message and the usage line.
void parseArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
                    int positionalCount);

} // namespace cg::cli
