// cinegrade: the desktop application.
//   cinegrade [--lang CODE] [--model PATH] [PROJECT | MEDIA...]
//   cinegrade --screenshot FILE [--model PATH] [PROJECT_OR_MEDIA...]

#include "DarkTheme.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "SuggestionsPanel.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

/// Qt aborts with a terse "could not connect to display" when there is none; say what to do instead.
bool hasDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strncmp(argv[i], "-platform=", 10) == 0)
            return true;
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
}

/// --lang must be known before any translated text (including --help) is built.
QString languageArgument(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return QString::fromLocal8Bit(argv[i] + 7);
    }
    return {};
}

bool isScreenshot(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    return false;
}

void fail(const QString& message)
{
    std::fprintf(stderr, "cinegrade: %s\n", qPrintable(message));
}

/// Let the frame, the scopes and the thumbnails finish (they run on worker threads) before the
/// picture is taken.
bool waitUntilIdle(cg::MainWindow& window, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    // A first round of events lets the window lay out and ask for its first frame.
    QCoreApplication::processEvents();
    while (clock.elapsed() < timeoutMs) {
        if (!window.isProcessing()) {
            // Idle twice in a row, with the queued replots of the scopes done in between.
            QCoreApplication::processEvents();
            QEventLoop settle;
            QTimer::singleShot(50, &settle, &QEventLoop::quit);
            settle.exec();
            if (!window.isProcessing())
                return true;
        }
        QEventLoop loop;
        QObject::connect(&window, &cg::MainWindow::processingFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !window.isProcessing();
}

} // namespace

int main(int argc, char** argv)
{
    if (!hasDisplay(argc, argv)) {
        if (isScreenshot(argc, argv)) {
            // Screenshots need no display: render offscreen.
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else {
            std::fprintf(stderr, "cinegrade: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                                 "Run it in a desktop session, use cinegrade-cli for batch work, or use "
                                 "--screenshot FILE to render the window offscreen.\n");
            return 2;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Cinegrade"));
    QApplication::setApplicationName(QStringLiteral("Cinegrade"));
    QApplication::setApplicationVersion(QStringLiteral(CINEGRADE_VERSION));
    QApplication::setWindowIcon(cg::MainWindow::applicationIcon());

    // The language: --lang, else the one chosen in Preferences, else the system's.
    QString language = languageArgument(argc, argv);
    const bool languageGiven = !language.isEmpty();
    if (!languageGiven)
        language = cg::PreferencesDialog::language();
    if (!cg::Translations::install(app, language) && languageGiven)
        fail(QCoreApplication::translate("main", "no translation for “%1”; using English").arg(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Cinegrade colour grading"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window to a PNG file once the frame, scopes and "
                                            "thumbnails are ready, then exit (no display needed)."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "User-interface language, e.g. de."),
                                  QCoreApplication::translate("main", "code"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QCoreApplication::translate("main", "The classifier model for the Suggestions panel (default: the "
                                            "installed one)."),
        QCoreApplication::translate("main", "path"));
    parser.addOption(screenshot);
    parser.addOption(lang);
    parser.addOption(model);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main",
                                                             "A project (.cgproj), or video clips and "
                                                             "stills to open as a new project."),
                                 QStringLiteral("[PROJECT | MEDIA...]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    cg::DarkTheme::apply(app);
    cg::MainWindow window;
    if (parser.isSet(model))
        window.suggestionsPanel()->setModelPath(parser.value(model));

    if (parser.isSet(screenshot)) {
        // A deterministic picture: default layout, no dialogs, errors on stderr with exit code 2.
        window.setErrorDialogsEnabled(false);
        window.resize(1600, 960);
        window.show();
        if (!files.isEmpty() && !window.openPaths(files)) {
            fail(window.lastError());
            return 2;
        }
        if (!waitUntilIdle(window, 60000)) {
            fail(QCoreApplication::translate("main", "the window did not finish rendering within 60 s"));
            return 1;
        }
        const QString path = parser.value(screenshot);
        if (!window.grab().save(path, "PNG")) {
            fail(QCoreApplication::translate("main", "cannot write the screenshot %1").arg(path));
            return 2;
        }
        return 0;
    }

    window.restoreSettings();
    window.show();
    // Work a crashed run left behind comes first; files named on the command line after it.
    const bool recovered = window.checkForRecovery();
    if (!files.isEmpty() && !recovered)
        window.openPaths(files);
    return app.exec();
}
