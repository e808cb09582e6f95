#include "Commands.h"
#include "JsonOutput.h"
#include "ParseArguments.h"

#include "Error.h"
#include "StillImage.h"

#include <QFileInfo>
#include <QJsonObject>

namespace cg::cli {

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN", "Image to describe.");
    parseArguments(parser, "info", arguments, 1);
    const QString path = parser.positionalArguments().first();
    const Image image = StillImage::read(path);
    printJson({{"path", QFileInfo(path).absoluteFilePath()},
               {"kind", "image"},
               {"width", image.width()},
               {"height", image.height()},
               {"bitDepth", bitDepth(image.format())},
               {"frames", 1}});
    return 0;
}

} // namespace cg::cli
