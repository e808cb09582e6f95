// The scopes through the window: they analyse exactly the picture the viewer shows, follow the
// grade, draw waveform, parade and vectorscope (with its colour-bar targets where 75 % bars land),
// and their layout can be chosen and is remembered.

#include "UiTestSupport.h"

#include "DarkTheme.h"
#include "HistogramScope.h"
#include "PlaybackController.h"
#include "ScopesPanel.h"
#include "VectorScope.h"
#include "WaveformScope.h"

#include <QAbstractButton>
#include <QTemporaryDir>

#include <cmath>

using namespace cg;
using namespace uitest;

class TestUiScopes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void scopesAnalyseExactlyWhatTheViewerShows();
    void scopesFollowTheGrade();
    void vectorscopeTargetsSitWhereColourBarsLand();
    void paradeDrawsThreeLanes();
    void layoutAndChoicesAreRemembered();
    void scopesKeepUpDuringPlayback();

private:
    void open(RecordingWindow& window, const QString& path);

    QTemporaryDir m_dir;
    QString m_clip;
    QString m_bars;
};

void TestUiScopes::initTestCase()
{
    isolateSettings("tst_ui_scopes");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    m_bars = m_dir.filePath(QStringLiteral("bars.mp4"));
    QVERIFY(makeClip(m_clip, 25, 320, 180, 25));
    // 4:4:4 and BT.709-tagged, so the bars' colours survive exactly enough to hit the targets.
    QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "smptehdbars=s=640x360:r=25:d=0.08", "-frames:v", "2", "-pix_fmt",
                       "yuv444p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                       "-c:v", "libx264", "-qp", "0", m_bars}));
}

void TestUiScopes::init()
{
    QSettings().clear();
}

void TestUiScopes::open(RecordingWindow& window, const QString& path)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPath(path), qPrintable(window.lastError()));
    waitIdle(window);
    QVERIFY(window.scopesPanel()->hasData());
}

void TestUiScopes::scopesAnalyseExactlyWhatTheViewerShows()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("temperature"), 30.0);
    waitIdle(w);
    const ScopeData& shown = w.scopesPanel()->scopeData();
    const ScopeData expected = computeScopes(w.viewer()->gradedImage());
    QVERIFY(shown.lumaHistogram == expected.lumaHistogram);
    QVERIFY(shown.rgbHistogram == expected.rgbHistogram);
    QVERIFY(shown.rgbWaveform == expected.rgbWaveform);
    QVERIFY(shown.vectorscope == expected.vectorscope);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiScopes::scopesFollowTheGrade()
{
    const QString grey = m_dir.filePath(QStringLiteral("grey.mp4"));
    QVERIFY(makeClip(grey, 2, 320, 180, 25, QStringLiteral("color=c=0x505050")));
    RecordingWindow w;
    open(w, grey);
    const double meanBefore = ScopesPanel::meanLuma(w.scopesPanel()->scopeData());
    setControl(w, QStringLiteral("exposure"), 1.0);
    waitIdle(w);
    const double meanAfter = ScopesPanel::meanLuma(w.scopesPanel()->scopeData());
    QVERIFY2(meanAfter > meanBefore + 0.05,
             qPrintable(QStringLiteral("%1 -> %2").arg(meanBefore).arg(meanAfter)));

    // Without saturation every pixel is neutral: the vectorscope collapses to its centre.
    setControl(w, QStringLiteral("saturation"), 0.0);
    waitIdle(w);
    const ScopeData& data = w.scopesPanel()->scopeData();
    const int size = ScopeData::kVectorscopeSize;
    uint64_t centre = 0, total = 0;
    for (int v = 0; v < size; ++v)
        for (int u = 0; u < size; ++u) {
            const uint32_t n = data.vectorscope[size_t(v) * size + size_t(u)];
            total += n;
            if (std::abs(u - size / 2) <= 2 && std::abs(v - size / 2) <= 2)
                centre += n;
        }
    QVERIFY(total > 0);
    QCOMPARE(centre, total);
    auto* waveform = static_cast<WaveformScope*>(w.scopesPanel()->scope(ScopesPanel::Kind::Waveform));
    QVERIFY(waveform);
    QCOMPARE(waveform->traceColumns(), data.waveformColumns);
}

void TestUiScopes::vectorscopeTargetsSitWhereColourBarsLand()
{
    RecordingWindow w;
    open(w, m_bars);
    const ScopeData& data = w.scopesPanel()->scopeData();
    const int size = ScopeData::kVectorscopeSize;
    // Each 75 % bar of the chart must put pixels at (or next to) its target on the graticule.
    const Rgb bars[] = {{0.75, 0, 0},    {0.75, 0, 0.75}, {0, 0, 0.75},
                        {0, 0.75, 0.75}, {0, 0.75, 0},    {0.75, 0.75, 0}};
    for (const Rgb& bar : bars) {
        const QPointF target = VectorScope::chroma(bar);
        const int u = int(std::floor((target.x() + 0.5) * size));
        const int v = int(std::floor((0.5 - target.y()) * size));
        uint64_t near = 0;
        for (int dv = -3; dv <= 3; ++dv)
            for (int du = -3; du <= 3; ++du) {
                const int uu = std::clamp(u + du, 0, size - 1), vv = std::clamp(v + dv, 0, size - 1);
                near += data.vectorscope[size_t(vv) * size + size_t(uu)];
            }
        QVERIFY2(near > 100, qPrintable(QStringLiteral("%1 %2 %3: %4 pixels near (%5, %6)")
                                            .arg(bar.r)
                                            .arg(bar.g)
                                            .arg(bar.b)
                                            .arg(near)
                                            .arg(u)
                                            .arg(v)));
    }
    auto* vector = static_cast<VectorScope*>(w.scopesPanel()->scope(ScopesPanel::Kind::Vectorscope));
    QVERIFY(vector);
    QCOMPARE(vector->trace().size(), QSize(size, size));
    // The skin-tone line is the I axis at 123°.
    QCOMPARE(VectorScope::kSkinToneDegrees, 123.0);
}

void TestUiScopes::paradeDrawsThreeLanes()
{
    RecordingWindow w;
    open(w, m_bars);
    auto* parade = static_cast<WaveformScope*>(w.scopesPanel()->scope(ScopesPanel::Kind::Parade));
    QVERIFY(parade);
    const int columns = w.scopesPanel()->scopeData().waveformColumns;
    QCOMPARE(parade->trace().width(), 3 * columns);
    // The lanes carry their own channel: in the red lane the brightest colour is red.
    const QImage& trace = parade->trace();
    qint64 red = 0, green = 0;
    for (int y = 0; y < trace.height(); ++y)
        for (int x = 0; x < columns; ++x) {
            const QColor c = trace.pixelColor(x, y);
            red += c.red() - DarkTheme::scopeBackground().red();
            green += c.green() - DarkTheme::scopeBackground().green();
        }
    QVERIFY2(red > green * 2, qPrintable(QStringLiteral("%1 %2").arg(red).arg(green)));
}

void TestUiScopes::layoutAndChoicesAreRemembered()
{
    {
        RecordingWindow w;
        open(w, m_clip);
        ScopesPanel* scopes = w.scopesPanel();
        QCOMPARE(scopes->slotCount(), 4);
        w.findChild<QAbstractButton*>(QStringLiteral("scopes2UpButton"))->click();
        QCOMPARE(scopes->slotCount(), 2);
        scopes->setSlotKind(0, ScopesPanel::Kind::RgbWaveform);
        scopes->setSlotKind(1, ScopesPanel::Kind::Histogram);
        QVERIFY(dynamic_cast<HistogramScope*>(scopes->slotScope(1)));
        QVERIFY(!scopes->scope(ScopesPanel::Kind::Vectorscope)); // not shown in 2-up any more
        waitIdle(w);
    }
    RecordingWindow w;
    QCOMPARE(w.scopesPanel()->slotCount(), 2);
    QCOMPARE(w.scopesPanel()->slotKind(0), ScopesPanel::Kind::RgbWaveform);
    QCOMPARE(w.scopesPanel()->slotKind(1), ScopesPanel::Kind::Histogram);
    open(w, m_clip);
    auto* overlay = static_cast<WaveformScope*>(w.scopesPanel()->slotScope(0));
    QCOMPARE(overlay->mode(), WaveformScope::Mode::RgbOverlay);
    QCOMPARE(overlay->traceColumns(), w.scopesPanel()->scopeData().waveformColumns);
}

void TestUiScopes::scopesKeepUpDuringPlayback()
{
    RecordingWindow w;
    open(w, m_clip);
    const qint64 updates = w.scopesPanel()->updates();
    w.playback()->play();
    QTRY_VERIFY_WITH_TIMEOUT(!w.playback()->isPlaying(), 5000);
    QCOMPARE(w.playback()->frame(), 24);
    // Latest wins: the scopes drop what they cannot follow, but they keep following.
    QVERIFY2(w.scopesPanel()->updates() - updates >= 5,
             qPrintable(QString::number(w.scopesPanel()->updates() - updates)));
    waitIdle(w);
    QVERIFY(w.scopesPanel()->scopeData().rgbHistogram ==
            computeScopes(w.viewer()->gradedImage()).rgbHistogram);
}

QTEST_MAIN(TestUiScopes)
#include "tst_ui_scopes.moc"
