#pragma once

// Shared by the GUI tests: a main window whose questions are answered by the test, clips made with
// the ffmpeg program, and the reference render the viewer must match.

#include "ClipMedia.h"
#include "CompiledGrade.h"
#include "GradePanel.h"
#include "ImageConversion.h"
#include "MainWindow.h"
#include "ParameterControl.h"
#include "PreviewScale.h"
#include "ProjectSession.h"
#include "Viewer.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>

#include <functional>

namespace uitest {

/// The window with its modal pieces replaced by recorders, so no test ever blocks on a dialog.
class RecordingWindow : public cg::MainWindow
{
public:
    QStringList errorDialogs;
    int discardQuestions = 0;
    bool allowDiscard = true;
    QStringList missingAsked;
    std::function<QString(const cg::Clip&)> locate; ///< answers "where is it?" (empty: leave offline)
    bool recover = true;
    int recoveryQuestions = 0;

protected:
    void showErrorDialog(const QString& title, const QString& message) override
    {
        errorDialogs << title + QStringLiteral(": ") + message;
    }
    bool confirmDiscardChanges() override
    {
        ++discardQuestions;
        return allowDiscard;
    }
    QString locateMissingMedia(const cg::Clip& clip) override
    {
        missingAsked << clip.mediaPath;
        return locate ? locate(clip) : QString();
    }
    bool confirmRecovery(const cg::Autosave::Candidate&) override
    {
        ++recoveryQuestions;
        return recover;
    }
};

/// Settings and autosaves go to a throw-away place, never to the developer's own.
inline void isolateSettings(const char* testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CinegradeTest"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
    QSettings().clear();
}

inline bool runFfmpeg(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"), QStringList{"-v", "error", "-nostdin", "-y"} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << process.readAllStandardError();
        return false;
    }
    return true;
}

/// A small H.264 test clip (ffmpeg's testsrc2: moving colour patterns, every frame different).
inline bool makeClip(const QString& path, int frames = 12, int width = 320, int height = 180, int fps = 25,
                     const QString& source = QStringLiteral("testsrc2"))
{
    const QString separator = source.contains(QLatin1Char('=')) ? QStringLiteral(":") : QStringLiteral("=");
    return runFfmpeg({"-f", "lavfi", "-i",
                      QStringLiteral("%1%2s=%3x%4:r=%5:d=%6")
                          .arg(source, separator)
                          .arg(width)
                          .arg(height)
                          .arg(fps)
                          .arg(double(frames) / fps),
                      "-frames:v", QString::number(frames), "-pix_fmt", "yuv420p", "-c:v", "libx264",
                      "-preset", "ultrafast", "-g", "6", path});
}

inline void waitIdle(cg::MainWindow& window, int timeoutMs = 20000)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.isProcessing(), timeoutMs);
}

/// The frame as decoded by the media layer, scaled as the viewer's preview.
inline cg::Image decodedPreview(const QString& path, qint64 frame, int maxWidth = cg::kPreviewMaxWidth)
{
    const cg::ClipMedia media(path);
    return cg::makePreview(media.frame(frame), maxWidth);
}

/// What the viewer must show for the frame it shows: the core's compiled grade (the same the exporter
/// uses, 33^3, with the clip's colour pipeline) applied to the frame decoded again by the media layer
/// at the size the viewer shows it.
inline cg::Image expectedGraded(const cg::MainWindow& window)
{
    const cg::CompiledGrade compiled(window.session()->currentGrade(), cg::CompiledGrade::kDefaultSize,
                                     window.session()->pipeline());
    return compiled.applied(decodedPreview(window.session()->media()->path(), window.viewer()->frameShown(),
                                           window.viewer()->originalImage().width()));
}

inline QSlider* slider(const cg::MainWindow& window, const QString& key)
{
    cg::ParameterControl* control = window.gradePanel()->control(key);
    return control ? control->slider() : nullptr;
}

/// Move a control's slider to `value` as the user's hand would (through the QSlider).
inline void setControl(const cg::MainWindow& window, const QString& key, double value)
{
    cg::ParameterControl* control = window.gradePanel()->control(key);
    control->slider()->setValue(control->positionForValue(value));
}

} // namespace uitest
