#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "MediaInfo.h"

namespace cg::cli {

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN", "Video, image or image sequence (e.g. shot_%04d.dpx) to describe.");
    parseArguments(parser, "info", arguments, 1);
    printJson(mediaInfoToJson(probeMedia(parser.positionalArguments().first())));
    return 0;
}

} // namespace cg::cli
