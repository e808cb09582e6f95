#include "Commands.h"
#include "GradeOptions.h"
#include "JsonOutput.h"
#include "OutputPath.h"
#include "ParseArguments.h"

#include "CompiledGrade.h"
#include "StillImage.h"

#include <QFileInfo>
#include <QJsonObject>

namespace cg::cli {

int runRender(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN", "Image to grade.");
    parser.addOption({{"o", "output"}, "Output file (.png, .tif/.tiff, .jpg/.jpeg).", "OUT"});
    addGradeOptions(parser);
    parseArguments(parser, "render", arguments, 1);

    const QString input = parser.positionalArguments().first();
    const QString output = parser.value("output");
    checkOutputPath(output, input);
    StillImage::fileTypeForPath(output); // refuse an unknown extension before any work
    const Grade grade = gradeFromOptions(parser);

    Image image = StillImage::read(input);
    // A still is graded once: the export-size lattice costs a few milliseconds more and is closer to
    // the exact grade.
    CompiledGrade(grade, CompiledGrade::kExportSize).apply(image);
    StillImage::write(output, image);

    printJson({{"input", QFileInfo(input).absoluteFilePath()},
               {"output", QFileInfo(output).absoluteFilePath()},
               {"width", image.width()},
               {"height", image.height()},
               {"bitDepth", bitDepth(image.format())}});
    return 0;
}

} // namespace cg::cli
