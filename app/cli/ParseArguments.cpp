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

} // namespace cg::cli
