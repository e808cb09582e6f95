// A tiny program around exportVideo for tst_exporter's failure tests that need a process of their
// own (a file-size limit set with `ulimit -f`): exits 0 on success, 2 with the message on stderr for
// an InputError (the command line's contract), 1 otherwise.
//
//   exporter_child IN OUT CODEC

#include "CompiledGrade.h"
#include "Error.h"
#include "Exporter.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char** argv)
{
    // Past a file-size limit the kernel sends SIGXFSZ, which kills by default; ignored, the write
    // fails with EFBIG instead, as on a full disk (ENOSPC), and the export must clean up after itself.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: exporter_child IN OUT CODEC\n");
        return 2;
    }
    try {
        cg::Grade grade;
        grade.saturation = 1.2;
        cg::ExportSettings settings;
        settings.codec = cg::exportCodecFromName(arguments[3]);
        cg::exportVideo(arguments[1], arguments[2], cg::CompiledGrade(grade), settings);
    } catch (const cg::InputError& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "internal error: %s\n", error.what());
        return 1;
    }
    return 0;
}
