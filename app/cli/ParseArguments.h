#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace cg::cli {

/// Parse a subcommand's arguments; unknown options, missing values or a wrong number of positional
/// arguments throw InputError with the parser's message and the usage line.
void parseArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
                    int positionalCount);

/// A whole-number option: `fallback` when it is not given; InputError ("analyze: --frames expects a
/// whole number >= 1, got "x"") when it is not a whole number of at least `minimum`.
qint64 wholeNumberOption(const QCommandLineParser& parser, const QString& command, const QString& option,
                         qint64 minimum, qint64 fallback);

/// A number from 0 to 1 (a share or a probability): `fallback` when it is not given; InputError
/// ("train: --mix expects a number from 0 to 1, got "x"") otherwise.
double unitIntervalOption(const QCommandLineParser& parser, const QString& command, const QString& option,
                          double fallback);

} // namespace cg::cli
