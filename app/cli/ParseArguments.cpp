#include "ParseArguments.h"

#include "Error.h"

namespace cg::cli {

void parseArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
                    int positionalCount)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("cinegrade-cli ") + command} + arguments))
        throw InputError(QStringLiteral("%1: %2 (see cinegrade-cli help)").arg(command, parser.errorText()));
    if (parser.positionalArguments().size() != positionalCount)
        throw InputError(QStringLiteral("%1: expected %2 input file(s), got %3 (see cinegrade-cli help)")
                             .arg(command)
                             .arg(positionalCount)
                             .arg(parser.positionalArguments().size()));
}

qint64 wholeNumberOption(const QCommandLineParser& parser, const QString& command, const QString& option,
                         qint64 minimum, qint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < minimum)
        throw InputError(QStringLiteral("%1: --%2 expects a whole number >= %3, got \"%4\"")
                             .arg(command, option)
                             .arg(minimum)
                             .arg(parser.value(option)));
    return value;
}

double unitIntervalOption(const QCommandLineParser& parser, const QString& command, const QString& option,
                          double fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        throw InputError(QStringLiteral("%1: --%2 expects a number from 0 to 1, got \"%3\"")
                             .arg(command, option, parser.value(option)));
    return value;
}

} // namespace cg::cli
