// bench_ui_latency: how the grading window feels on 1080p footage (DESIGN.md §6, "interactive").
//   1. Latency from a slider change (through the real QSlider) to the repainted viewer and scopes,
//      at the preview resolution, paused on a frame. Goal: <= 33 ms.
//   2. A drag: slider moves at 60 Hz for two seconds; how many distinct graded frames reach the
//      screen per second, and how long after the last move the picture settles.
//   3. Sustained graded playback: frames shown per second over the clip, against the clip's own
//      rate (goal: the clip's rate on 2 cores; the preview may drop to half resolution), with the
//      adaptive half resolution on (the default) and off.
//
//   bench_ui_latency [--seconds S] [--changes N]
//
// Runs offscreen (QT_QPA_PLATFORM=offscreen is set when there is no display). Clips are made by the
// ffmpeg program: testsrc2 at 1080p25, and the fetched camera footage (tests/data/fetched,
// tools/fetch-test-media.sh) scaled to 1080p when present.

#include "DarkTheme.h"
#include "GradePanel.h"
#include "MainWindow.h"
#include "ParameterControl.h"
#include "PlaybackController.h"
#include "ScopesPanel.h"
#include "Viewer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cg;

namespace {

bool makeClip(const QStringList& input, const QString& output, int seconds)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{"-v", "error", "-nostdin", "-y"} + input +
                      QStringList{"-t", QString::number(seconds), "-an", "-pix_fmt", "yuv420p", "-c:v",
                                  "libx264", "-preset", "veryfast", "-crf", "18", output});
    return process.waitForFinished(600000) && process.exitCode() == 0;
}

/// Run the event loop until `done` holds (or the timeout passes); true when it held.
template <typename Done> bool spinUntil(Done done, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 2);
    }
    return true;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

struct Latency
{
    std::vector<double> viewer; ///< change -> graded frame painted
    std::vector<double> total;  ///< change -> viewer and scopes drawn, nothing left to do
};

Latency measureLatency(MainWindow& window, int changes)
{
    Latency result;
    ParameterControl* control = window.gradePanel()->control(QStringLiteral("exposure"));
    QSlider* slider = control->slider();
    for (int i = 0; i < changes; ++i) {
        spinUntil([&] { return !window.isProcessing(); });
        QCoreApplication::processEvents();
        const qint64 before = window.viewer()->frameSerial();
        const qint64 scopesBefore = window.scopesPanel()->updates();
        QElapsedTimer clock;
        clock.start();
        slider->setValue(control->positionForValue(i % 2 ? 0.4 : 0.8 + 0.01 * (i % 7)));
        if (!spinUntil([&] { return window.viewer()->paintedFrameSerial() > before; }))
            break;
        result.viewer.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!spinUntil([&] {
                return window.scopesPanel()->updates() > scopesBefore && !window.scopesPanel()->isBusy();
            }))
            break;
        QCoreApplication::processEvents(); // the scopes' queued replot
        result.total.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return result;
}

struct Drag
{
    double framesPerSecond = 0.0;
    double settleMs = 0.0;
};

Drag measureDrag(MainWindow& window, int moves)
{
    ParameterControl* control = window.gradePanel()->control(QStringLiteral("saturation"));
    QSlider* slider = control->slider();
    spinUntil([&] { return !window.isProcessing(); });
    const qint64 firstSerial = window.viewer()->frameSerial();
    int step = 0;
    QTimer hand;
    hand.setInterval(16);
    QElapsedTimer clock;
    clock.start();
    slider->setSliderDown(true);
    QObject::connect(&hand, &QTimer::timeout, [&] {
        slider->setValue(control->positionForValue(0.6 + 0.8 * (step % 60) / 60.0));
        ++step;
    });
    hand.start();
    spinUntil([&] { return step >= moves; }, 60000);
    hand.stop();
    slider->setSliderDown(false);
    const double dragSeconds = double(clock.nsecsElapsed()) / 1e9;
    const qint64 shown = window.viewer()->frameSerial() - firstSerial;
    QElapsedTimer settle;
    settle.start();
    spinUntil([&] { return !window.isRendering(); });
    QCoreApplication::processEvents();
    return {double(shown) / dragSeconds, double(settle.nsecsElapsed()) / 1e6};
}

struct Playback
{
    double paintMs = 0.0;  ///< mean viewer paint
    double scopesMs = 0.0; ///< mean scope drawing
    double renderMs = 0.0; ///< mean decode wait + render on the worker
    double framesPerSecond = 0.0;
    qint64 shown = 0;
    qint64 frames = 0;
    bool halfResolution = false;
};

Playback measurePlayback(MainWindow& window, int seconds)
{
    PlaybackController* playback = window.playback();
    playback->seek(0);
    spinUntil([&] { return !window.isProcessing(); });
    Playback result;
    bool half = false;
    double paint = 0, scopes = 0, render = 0;
    int samples = 0;
    const auto connection = QObject::connect(&window, &MainWindow::frameShown, &window, [&](qint64) {
        half = half || window.isHalfResolution();
        paint += window.viewer()->lastPaintMilliseconds();
        scopes += window.scopesPanel()->lastDrawMilliseconds();
        render += window.lastRenderMilliseconds();
        ++samples;
    });
    QElapsedTimer clock;
    clock.start();
    playback->play(1.0);
    spinUntil([&] { return !playback->isPlaying(); }, (seconds + 30) * 1000);
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    result.shown = window.playbackFramesShown();
    result.frames = playback->frameCount() - 1; // the first frame is on screen before playback starts
    result.framesPerSecond = double(result.shown) / elapsed;
    result.halfResolution = half;
    QObject::disconnect(connection);
    if (samples > 0) {
        result.paintMs = paint / samples;
        result.scopesMs = scopes / samples;
        result.renderMs = render / samples;
    }
    spinUntil([&] { return !window.isProcessing(); });
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CinegradeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_ui_latency"));
    QSettings().clear();
    DarkTheme::apply(app);

    int seconds = 4;
    int changes = 40;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = std::max(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--changes"))
            changes = std::max(2, args[i + 1].toInt());
    }

    QTemporaryDir dir;
    struct Clip
    {
        QString name;
        QString path;
    };
    std::vector<Clip> clips;
    const QString synthetic = dir.filePath(QStringLiteral("testsrc2_1080p25.mp4"));
    if (makeClip({"-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25"}, synthetic, seconds))
        clips.push_back({QStringLiteral("testsrc2 1080p25"), synthetic});
    const QDir fetched(QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched"));
    if (fetched.exists(QStringLiteral("cockatoo.mp4"))) {
        const QString camera = dir.filePath(QStringLiteral("cockatoo_1080p.mp4"));
        if (makeClip({"-stream_loop", "-1", "-i", fetched.filePath(QStringLiteral("cockatoo.mp4")), "-vf",
                      "scale=1920:1080"},
                     camera, seconds))
            clips.push_back({QStringLiteral("cockatoo.mp4 (camera) scaled to 1080p"), camera});
    }
    if (clips.empty()) {
        std::fprintf(stderr, "bench_ui_latency: cannot make a test clip (is ffmpeg installed?)\n");
        return 2;
    }

    std::printf("bench_ui_latency: window 1600x960, preview <= 1280 px wide, %d threads\n",
                QThread::idealThreadCount());
    for (const Clip& clip : clips) {
        MainWindow window;
        window.setErrorDialogsEnabled(false);
        window.resize(1600, 960);
        window.show();
        if (!window.openPath(clip.path)) {
            std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(clip.path),
                         qPrintable(window.lastError()));
            return 1;
        }
        spinUntil([&] { return !window.isProcessing(); });
        // A realistic grade under the measurements: wheels, contrast, curves.
        Grade g;
        g.contrast = 1.1;
        g.saturation = 1.2;
        g.lift.rgb = {-0.01, 0.0, 0.015};
        g.gain.rgb = {1.03, 1.0, 0.97};
        g.curves.master = {{0.0, 0.0}, {0.3, 0.26}, {0.7, 0.76}, {1.0, 1.0}};
        window.session()->editGrade(g, QStringLiteral("bench"));
        window.playback()->seek(window.playback()->frameCount() / 2);
        spinUntil([&] { return !window.isProcessing(); });

        const Latency latency = measureLatency(window, changes);
        const Drag drag = measureDrag(window, 120);
        const Playback adaptive = measurePlayback(window, seconds);
        QSettings().setValue(QStringLiteral("playback/adaptiveResolution"), false);
        const Playback full = measurePlayback(window, seconds);
        QSettings().remove(QStringLiteral("playback/adaptiveResolution"));

        const double rate = window.playback()->frameRate();
        const double median = percentile(latency.total, 0.5);
        std::printf("\n%s (%d x %d, %.3g fps, %lld frames)\n", qPrintable(clip.name),
                    window.session()->media()->width(), window.session()->media()->height(), rate,
                    static_cast<long long>(window.playback()->frameCount()));
        std::printf("  slider -> viewer painted:          median %6.1f ms   p90 %6.1f ms   (%zu changes)\n",
                    percentile(latency.viewer, 0.5), percentile(latency.viewer, 0.9), latency.viewer.size());
        std::printf("  slider -> viewer and scopes drawn: median %6.1f ms   p90 %6.1f ms   goal 33 ms: %s "
                    "(%.2fx the budget)\n",
                    median, percentile(latency.total, 0.9), median <= 33.0 ? "met" : "missed", median / 33.0);
        std::printf(
            "  drag at 60 Hz: %5.1f graded frames/s reach the viewer; settles %.1f ms after the last move\n",
            drag.framesPerSecond, drag.settleMs);
        std::printf("  playback, adaptive resolution: %5.1f fps of %.3g (%.2fx the clip's rate), %lld of "
                    "%lld frames after the first shown%s\n",
                    adaptive.framesPerSecond, rate, adaptive.framesPerSecond / rate,
                    static_cast<long long>(adaptive.shown), static_cast<long long>(adaptive.frames),
                    adaptive.halfResolution ? ", dropped to half resolution" : "");
        std::printf("  playback, full preview only:   %5.1f fps of %.3g (%.2fx the clip's rate), %lld of "
                    "%lld frames after the first shown\n",
                    full.framesPerSecond, rate, full.framesPerSecond / rate,
                    static_cast<long long>(full.shown), static_cast<long long>(full.frames));
        std::printf("  per shown frame (full preview): worker %.1f ms (decode wait + scale + grade), GUI "
                    "thread: viewer paint "
                    "%.1f ms, scopes drawing %.1f ms\n",
                    full.renderMs, full.paintMs, full.scopesMs);
        std::fflush(stdout);
    }
    return 0;
}
