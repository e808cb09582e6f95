#include "Commands.h"
#include "GradeOptions.h"
#include "JsonOutput.h"
#include "OutputPath.h"
#include "ParseArguments.h"

#include "CompiledGrade.h"
#include "CubeFile.h"
#include "Error.h"

#include <QFileInfo>
#include <QJsonObject>

namespace cg::cli {

int runExportLut(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({{"o", "output"}, "The .cube file to write.", "L.cube"});
    parser.addOption({"size", "Lattice points per axis (2..256, default 33).", "N", "33"});
    addGradeOptions(parser);
    parseArguments(parser, "export-lut", arguments, 0);

    const QString output = parser.value("output");
    checkOutputPath(output);
    if (!output.endsWith(QLatin1String(".cube"), Qt::CaseInsensitive))
        throw InputError(QStringLiteral("export-lut writes .cube files; %1 does not end in .cube").arg(output));
    bool ok = false;
    const int size = parser.value("size").toInt(&ok);
    if (!ok || size < 2 || size > 256)
        throw InputError(QStringLiteral("--size must be a whole number from 2 to 256, got \"%1\"").arg(parser.value("size")));
    if (!parser.isSet("grade") && !parser.isSet("cdl") && !parser.isSet("lut"))
        throw InputError(QStringLiteral("export-lut needs a grade: --grade G.json, --cdl C.cdl and/or --lut L.cube"));

    const Grade grade = gradeFromOptions(parser);
    CubeLut cube;
    cube.title = parser.isSet("grade") ? QFileInfo(parser.value("grade")).completeBaseName()
                                       : QStringLiteral("Cinegrade grade");
    cube.lut3d = CompiledGrade(grade).bakeCube(size);
    CubeFile::write(output, cube);
    printJson({{"output", QFileInfo(output).absoluteFilePath()}, {"size", size}});
    return 0;
}

} // namespace cg::cli
