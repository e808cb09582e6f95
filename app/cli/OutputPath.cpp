#include "OutputPath.h"

#include "Error.h"

#include <QDir>
#include <QFileInfo>

namespace cg::cli {

namespace {
/// The absolute path with symbolic links of the folder resolved, also for a file that does not exist.
QString resolvedPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}
} // namespace

void checkOutputPath(const QString& output, const QString& input)
{
    if (output.isEmpty())
        throw InputError(QStringLiteral("no output given: use -o OUT"));
    if (!input.isEmpty() && resolvedPath(output) == resolvedPath(input))
        throw InputError(QStringLiteral("the output %1 is the input itself; choose another name").arg(output));
    const QFileInfo folder(QFileInfo(output).absolutePath());
    if (!folder.isDir())
        throw InputError(QStringLiteral("cannot write %1: folder %2 does not exist").arg(output, folder.filePath()));
}

} // namespace cg::cli
