#include "GradeOptions.h"

#include "CdlFile.h"
#include "CubeFile.h"
#include "Error.h"
#include "GradeJson.h"

#include <QFileInfo>

namespace cg::cli {

void addGradeOptions(QCommandLineParser& parser)
{
    parser.addOption({"grade", "Grade to apply (Cinegrade grade JSON).", "G.json"});
    parser.addOption({"cdl", "ASC CDL to apply as the primaries (.cdl, .cc or .ccc).", "C.cdl"});
    parser.addOption({"cdl-id", "Which correction of a .ccc/.cdl to use (default: the first).", "ID"});
    parser.addOption({"lut", "Look LUT (.cube) applied after the grade.", "L.cube"});
}

Grade gradeFromOptions(const QCommandLineParser& parser)
{
    Grade grade;
    if (parser.isSet("grade"))
        grade = GradeJson::read(parser.value("grade"));
    if (parser.isSet("cdl")) {
        const QString path = parser.value("cdl");
        const std::vector<Cdl> cdls = CdlFile::read(path);
        if (cdls.empty())
            throw InputError(QStringLiteral("%1 holds no colour correction").arg(path));
        const Cdl* chosen = &cdls.front();
        if (parser.isSet("cdl-id")) {
            chosen = nullptr;
            for (const Cdl& cdl : cdls)
                if (cdl.id == parser.value("cdl-id"))
                    chosen = &cdl;
            if (!chosen)
                throw InputError(QStringLiteral("%1 has no correction with id \"%2\"").arg(path, parser.value("cdl-id")));
        }
        grade = gradeWithCdl(grade, *chosen);
    } else if (parser.isSet("cdl-id")) {
        throw InputError(QStringLiteral("--cdl-id needs --cdl"));
    }
    if (parser.isSet("lut")) {
        const QString path = parser.value("lut");
        grade.look = LookLut{QFileInfo(path).absoluteFilePath(), CubeFile::read(path)};
    }
    return grade;
}

} // namespace cg::cli
