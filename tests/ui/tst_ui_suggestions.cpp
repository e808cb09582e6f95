// The Suggestions panel: without a model (missing or corrupt file) the window works and says why;
// crafted analyses are listed and applied as one undo step each (Suggestions::applyCorrection); with
// a real model a strongly detuned picture gets its suggestion.

#include "UiTestSupport.h"

#include "Classifier.h"
#include "DarkTheme.h"
#include "Detune.h"
#include "Error.h"
#include "ImageConversion.h"
#include "PreferencesDialog.h"
#include "Suggestions.h"
#include "SuggestionsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace cg;
using namespace uitest;

namespace {

/// Raw outputs that read as "no error" on every axis, with `levels` (signed level -> probability)
/// put on the given axes.
Classifier::Output craftedOutput(const std::vector<std::pair<ErrorAxis, std::vector<double>>>& axes)
{
    Classifier::Output output;
    output.classProbabilities[0] = 1.0;
    for (auto& bins : output.axisProbabilities) {
        bins.fill(0.0);
        bins[ErrorClasses::kAxisBins / 2] = 1.0;
    }
    for (const auto& [axis, probabilities] : axes)
        for (size_t bin = 0; bin < probabilities.size(); ++bin)
            output.axisProbabilities[size_t(axis)][bin] = probabilities[bin];
    return output;
}

/// A confident "too warm, about 66 %" (level +2 at 90 %) and "overexposed, about 33 %" (level +1).
ClassifierAnalysis warmAndBrightAnalysis()
{
    return Classifier::interpret(craftedOutput({
        {ErrorAxis::Temperature, {0, 0, 0, 0.04, 0.04, 0.90, 0.02}},
        {ErrorAxis::Exposure, {0, 0, 0, 0.05, 0.93, 0.02, 0}},
    }));
}

/// A scene with a full tonal range and some colour (sky, ground, a red object), as a PNG still.
bool writeScene(const QString& path)
{
    QImage image(480, 270, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double u = double(x) / image.width(), v = double(y) / image.height();
            double r = v < 0.45 ? 0.35 + 0.4 * v : 0.35 * (1.2 - v) + 0.1 * u;
            double g = v < 0.45 ? 0.55 + 0.3 * v : 0.5 * (1.2 - v);
            double b = v < 0.45 ? 0.85 + 0.1 * v : 0.15 * (1.2 - v);
            if (std::abs(u - 0.3) < 0.08 && std::abs(v - 0.6) < 0.1) {
                r = 0.8;
                g = 0.12;
                b = 0.1;
            }
            if (std::abs(u - 0.7) < 0.05 && v > 0.5)
                r = g = b = v > 0.8 ? 0.02 : 0.96;
            image.setPixelColor(x, y, QColor::fromRgbF(float(r), float(g), float(b)));
        }
    return image.save(path);
}

/// The model a real-model test uses: $CINEGRADE_CLASSIFIER_MODEL, else the shipped one (the logic of
/// tests/ml/SyntheticScene.h's hasShippedModel()); empty when there is none.
QString realModel()
{
    const QString given = qEnvironmentVariable("CINEGRADE_CLASSIFIER_MODEL");
    try {
        return Classifier::findModel(given);
    } catch (const InputError&) {
        return {};
    }
}

QList<QPushButton*> visibleButtons(QWidget* panel)
{
    QList<QPushButton*> out;
    for (QPushButton* button : panel->findChildren<QPushButton*>())
        if (button->isVisible())
            out << button;
    return out;
}

} // namespace

class TestUiSuggestions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void applyCorrectionComposesWithTheGrade();
    void missingModelShowsNoticeAndGradingWorks();
    void corruptModelShowsItsErrorAndGradingWorks();
    void panelIsAViewMenuDock();
    void applyingOneSuggestionIsOneUndoStep();
    void applyAllIsOneUndoStep();
    void noConfidentFindingSaysOk();
    void theBolderPreferenceListsLessSureFindings();
    void realModelSuggestsCoolingAWarmPicture();
    void aResultOlderThanTheLatestFrameIsNeverShown();
    void readingTheWholeShotListsWhatItsFramesShare();

private:
    void open(RecordingWindow& window, const QString& modelPath, const QStringList& paths);
    void gradingStillWorks(RecordingWindow& window);

    QTemporaryDir m_dir;
    QString m_clip;
    QString m_scene;
    QString m_missing;
    QString m_corrupt;
};

void TestUiSuggestions::initTestCase()
{
    isolateSettings("tst_ui_suggestions");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("a.mp4"));
    QVERIFY(makeClip(m_clip, 3, 320, 180, 25));
    m_scene = m_dir.filePath(QStringLiteral("scene.png"));
    QVERIFY(writeScene(m_scene));
    m_missing = m_dir.filePath(QStringLiteral("nowhere/classifier.pt"));
    m_corrupt = m_dir.filePath(QStringLiteral("corrupt.pt"));
    QFile corrupt(m_corrupt);
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    QByteArray noise(4096, '\0');
    QRandomGenerator random(7);
    for (char& c : noise)
        c = char(random.bounded(256));
    corrupt.write(noise);
}

void TestUiSuggestions::init()
{
    QSettings().clear();
}

void TestUiSuggestions::open(RecordingWindow& window, const QString& modelPath, const QStringList& paths)
{
    window.suggestionsPanel()->setModelPath(modelPath);
    window.resize(1600, 960);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPaths(paths), qPrintable(window.lastError()));
    waitIdle(window);
    QVERIFY(window.viewer()->hasGraded());
}

void TestUiSuggestions::gradingStillWorks(RecordingWindow& window)
{
    const QImage before = ImageConversion::toQImage(window.viewer()->gradedImage());
    setControl(window, QStringLiteral("exposure"), 1.0);
    waitIdle(window);
    QCOMPARE(window.session()->currentGrade().exposure, 1.0);
    QVERIFY(ImageConversion::toQImage(window.viewer()->gradedImage()) != before);
    QVERIFY(window.errorDialogs.isEmpty());
}

void TestUiSuggestions::applyCorrectionComposesWithTheGrade()
{
    Grade current;
    current.exposure = 0.5;
    current.temperature = 60.0;
    current.lift.master = 0.02;
    current.gain = {1.1, {1.0, 0.9, 1.2}};
    current.saturation = 1.2;
    current.curves.master = {{0.0, 0.0}, {0.5, 0.6}, {1.0, 1.0}};

    QCOMPARE(Suggestions::applyCorrection(current, Grade{}), current);

    const Grade cooler = Suggestions::correctionGrade(ErrorAxis::Temperature, 2.0 / 3.0);
    Grade expected = current;
    expected.temperature = 60.0 + cooler.temperature;
    expected.exposure = 0.5 + cooler.exposure;
    QCOMPARE(Suggestions::applyCorrection(current, cooler), expected);
    // The slider's range holds.
    QCOMPARE(Suggestions::applyCorrection(current, Suggestions::correctionGrade(ErrorAxis::Temperature, -1.0))
                 .temperature,
             100.0);

    const Grade dull = Suggestions::correctionGrade(ErrorAxis::WhitePoint, -1.0);
    const Grade brighter = Suggestions::applyCorrection(current, dull);
    QCOMPARE(brighter.gain.master, 1.1 * dull.gain.master);
    QCOMPARE(brighter.gain.rgb, current.gain.rgb);
    QCOMPARE(brighter.gamma.master, dull.gamma.master);
    QCOMPARE(brighter.curves, current.curves);

    const Grade raised = Suggestions::correctionGrade(ErrorAxis::BlackPoint, 1.0);
    QCOMPARE(Suggestions::applyCorrection(current, raised).lift.master, 0.02 + raised.lift.master);

    const Grade flat = Suggestions::correctionGrade(ErrorAxis::Contrast, -1.0);
    Grade pivoted = current;
    pivoted.pivot = 0.3;
    QCOMPARE(Suggestions::applyCorrection(pivoted, flat).pivot, flat.pivot); // neutral contrast: theirs
    pivoted.contrast = 1.2;
    const Grade contrasty = Suggestions::applyCorrection(pivoted, flat);
    QCOMPARE(contrasty.pivot, 0.3); // the user's own contrast keeps its pivot
    QCOMPARE(contrasty.contrast, 1.2 * flat.contrast);

    const Grade grey = Suggestions::correctionGrade(ErrorAxis::Saturation, -1.0);
    QCOMPARE(Suggestions::applyCorrection(current, grey).saturation, 1.2 * grey.saturation);
}

void TestUiSuggestions::missingModelShowsNoticeAndGradingWorks()
{
    RecordingWindow w;
    open(w, m_missing, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_COMPARE(panel->state(), SuggestionsPanel::State::NoModel);
    QVERIFY2(panel->notice().startsWith(QStringLiteral("No classifier model found at ")),
             qPrintable(panel->notice()));
    QVERIFY(panel->notice().contains(QDir::toNativeSeparators(m_missing)));
    QVERIFY(panel->notice().contains(QStringLiteral("cinegrade-cli train classifier")));
    auto* status = panel->findChild<QLabel*>(QStringLiteral("suggestionsStatus"));
    QVERIFY(status && status->isVisible());
    QCOMPARE(status->text(), panel->notice());
    QVERIFY(visibleButtons(panel).isEmpty());
    gradingStillWorks(w);
    QCOMPARE(panel->state(), SuggestionsPanel::State::NoModel);
    QVERIFY(visibleButtons(panel).isEmpty());
}

void TestUiSuggestions::corruptModelShowsItsErrorAndGradingWorks()
{
    RecordingWindow w;
    open(w, m_corrupt, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_COMPARE(panel->state(), SuggestionsPanel::State::NoModel);
    // The InputError's own message, which names the file.
    QVERIFY2(panel->notice().contains(QStringLiteral("corrupt.pt")), qPrintable(panel->notice()));
    QVERIFY(!panel->notice().startsWith(QStringLiteral("No classifier model found")));
    QVERIFY(visibleButtons(panel).isEmpty());
    gradingStillWorks(w);
}

void TestUiSuggestions::panelIsAViewMenuDock()
{
    RecordingWindow w;
    open(w, m_missing, {m_clip});
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("suggestionsDock"));
    QVERIFY(dock && dock->isVisible());
    QCOMPARE(dock->widget(), static_cast<QWidget*>(w.suggestionsPanel()));
    QCOMPARE(dock->windowTitle(), QStringLiteral("Suggestions"));
    QAction* toggle = dock->toggleViewAction();
    toggle->trigger();
    QTRY_VERIFY(!dock->isVisible());
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
}

void TestUiSuggestions::applyingOneSuggestionIsOneUndoStep()
{
    RecordingWindow w;
    open(w, m_missing, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_COMPARE(panel->state(), SuggestionsPanel::State::NoModel);

    Grade old = w.session()->currentGrade();
    old.temperature = 20.0;
    old.gain.master = 1.1;
    w.session()->editGrade(old, QStringLiteral("start"));
    waitIdle(w);

    const ClassifierAnalysis analysis = warmAndBrightAnalysis();
    QCOMPARE(int(analysis.suggestions.size()), 2);
    panel->showAnalysis(analysis);
    QCOMPARE(panel->state(), SuggestionsPanel::State::Findings);
    int warm = -1;
    for (int row = 0; row < 2; ++row) {
        const Suggestion& s = analysis.suggestions[size_t(row)];
        auto* message = panel->findChild<QLabel*>(QStringLiteral("suggestionMessage%1").arg(row));
        auto* bar = panel->findChild<QProgressBar*>(QStringLiteral("suggestionConfidence%1").arg(row));
        auto* apply = panel->findChild<QPushButton*>(QStringLiteral("applySuggestionButton%1").arg(row));
        QVERIFY(message && bar && apply);
        QVERIFY(message->isVisible() && bar->isVisible() && apply->isVisible() && apply->isEnabled());
        QCOMPARE(message->text(), s.message);
        QCOMPARE(bar->value(), int(std::lround(s.confidence * 100)));
        if (s.axis == ErrorAxis::Temperature)
            warm = row;
    }
    QVERIFY(warm >= 0);
    const Suggestion warmSuggestion = analysis.suggestions[size_t(warm)];
    QCOMPARE(warmSuggestion.message, QStringLiteral("Image is too warm (orange) (about 66 %)"));
    QVERIFY(warmSuggestion.correction.temperature < 0);

    QUndoStack* undo = w.session()->undoStack();
    const int steps = undo->count();
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("applySuggestionButton%1").arg(warm)),
                      Qt::LeftButton);
    QCOMPARE(w.session()->currentGrade(), Suggestions::applyCorrection(old, warmSuggestion.correction));
    QCOMPARE(undo->count(), steps + 1);
    waitIdle(w);
    undo->undo();
    QCOMPARE(w.session()->currentGrade(), old);
    waitIdle(w);
}

void TestUiSuggestions::applyAllIsOneUndoStep()
{
    RecordingWindow w;
    open(w, m_missing, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_COMPARE(panel->state(), SuggestionsPanel::State::NoModel);
    Grade old = w.session()->currentGrade();
    old.exposure = -0.3;
    old.saturation = 1.3;
    w.session()->editGrade(old, QStringLiteral("start"));
    waitIdle(w);

    const ClassifierAnalysis analysis = warmAndBrightAnalysis();
    panel->showAnalysis(analysis);
    auto* all = panel->findChild<QPushButton*>(QStringLiteral("applyAllSuggestionsButton"));
    QVERIFY(all && all->isVisible() && all->isEnabled());
    QUndoStack* undo = w.session()->undoStack();
    const int steps = undo->count();
    QTest::mouseClick(all, Qt::LeftButton);
    const Grade expected =
        Suggestions::applyCorrection(old, Suggestions::combinedCorrection(analysis.suggestions));
    QCOMPARE(w.session()->currentGrade(), expected);
    QVERIFY(expected.temperature < 0 && expected.exposure < old.exposure);
    QCOMPARE(undo->count(), steps + 1);
    waitIdle(w);
    undo->undo();
    QCOMPARE(w.session()->currentGrade(), old);
    undo->redo();
    QCOMPARE(w.session()->currentGrade(), expected);
    waitIdle(w);
}

void TestUiSuggestions::noConfidentFindingSaysOk()
{
    RecordingWindow w;
    open(w, m_missing, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    // Warm at 60 % only: below Suggestions::kMinConfidence, so not a suggestion.
    panel->showAnalysis(
        Classifier::interpret(craftedOutput({{ErrorAxis::Temperature, {0, 0, 0, 0.4, 0.1, 0.5, 0}}})));
    QCOMPARE(panel->state(), SuggestionsPanel::State::Clean);
    QVERIFY(panel->suggestions().empty());
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("suggestionsStatus"))
                ->text()
                .startsWith(QStringLiteral("OK: nothing to suggest")));
    // Nothing to apply; only reading the whole shot is offered.
    const QList<QPushButton*> buttons = visibleButtons(panel);
    QCOMPARE(buttons.size(), 1);
    QCOMPARE(buttons.first()->objectName(), QStringLiteral("readShotButton"));
}

void TestUiSuggestions::theBolderPreferenceListsLessSureFindings()
{
    // The Preferences' choice reaches the panel of a window opened afterwards.
    PreferencesDialog dialog;
    QComboBox* boldness = dialog.suggestionsBox();
    QCOMPARE(boldness->currentData().toDouble(), Suggestions::kMinConfidence);
    boldness->setCurrentIndex(boldness->findData(PreferencesDialog::kBolderMinConfidence));
    dialog.apply();
    QCOMPARE(PreferencesDialog::suggestionMinConfidence(), PreferencesDialog::kBolderMinConfidence);
    {
        RecordingWindow bold;
        QCOMPARE(bold.suggestionsPanel()->minConfidence(), PreferencesDialog::kBolderMinConfidence);
    }
    QSettings().clear();

    RecordingWindow w;
    open(w, m_missing, {m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QCOMPARE(panel->minConfidence(), Suggestions::kMinConfidence);
    // Too warm, 75 % sure: not listed by the careful default; listed at once (the same outputs read
    // again, no new analysis) when the gate is the bolder one; gone again when it is careful.
    panel->showOutput(craftedOutput({{ErrorAxis::Temperature, {0, 0, 0, 0.25, 0.05, 0.6, 0.1}}}));
    QCOMPARE(panel->state(), SuggestionsPanel::State::Clean);
    const qint64 analyses = panel->analyses();
    panel->setMinConfidence(PreferencesDialog::kBolderMinConfidence);
    QCOMPARE(panel->state(), SuggestionsPanel::State::Findings);
    QCOMPARE(panel->suggestions().size(), size_t(1));
    QCOMPARE(panel->suggestions().front().axis, ErrorAxis::Temperature);
    QVERIFY(std::abs(panel->suggestions().front().confidence - 0.75) < 1e-9);
    QVERIFY(!panel->isBusy());
    panel->setMinConfidence(Suggestions::kMinConfidence);
    QCOMPARE(panel->state(), SuggestionsPanel::State::Clean);
    QCOMPARE(panel->analyses(), analyses + 2);
    // A crafted analysis shown directly has no outputs to read again: a new gate leaves it alone.
    panel->showAnalysis(warmAndBrightAnalysis());
    panel->setMinConfidence(0.99);
    QCOMPARE(panel->suggestions().size(), size_t(2));
    waitIdle(w);
}

void TestUiSuggestions::realModelSuggestsCoolingAWarmPicture()
{
    const QString model = realModel();
    if (model.isEmpty())
        QSKIP("no classifier model: none shipped in ml/models and $CINEGRADE_CLASSIFIER_MODEL not set");
    // A real photograph when the fetched test media are there (tests/data/fetched), else the scene.
    const QString photo = QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched/cockatoo.mp4");
    RecordingWindow w;
    open(w, model, {QFileInfo::exists(photo) ? photo : m_scene});
    SuggestionsPanel* panel = w.suggestionsPanel();
    // Detuned as the training data is: the full +100 % temperature error, as the clip's grade.
    w.session()->editGrade(Detune::referenceGrade(ErrorAxis::Temperature, 1.0), QStringLiteral("detune"));
    const auto warmListed = [panel] {
        if (panel->state() != SuggestionsPanel::State::Findings)
            return false;
        for (const Suggestion& s : panel->suggestions())
            if (s.axis == ErrorAxis::Temperature && s.level > 0)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(warmListed(), 10000);
    QCOMPARE(panel->notice(), QString());
    waitIdle(w);
    QVERIFY(QDir().mkpath(QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots")));
    const QString shot = QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots/main_window_suggestions.png");
    QVERIFY(w.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));

    // Applying it: the grade cools, and the panel reads the frame again and drops the finding.
    int row = 0;
    while (panel->suggestions()[size_t(row)].axis != ErrorAxis::Temperature)
        ++row;
    const qint64 before = panel->analyses();
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("applySuggestionButton%1").arg(row)),
                      Qt::LeftButton);
    QVERIFY(w.session()->currentGrade().temperature < 100.0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > before && !panel->isBusy(), 10000);
    QVERIFY(!warmListed());

    // A hidden panel does not spend the CPU: grade changes wait until it is shown again.
    auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget());
    QVERIFY(dock);
    dock->hide();
    const qint64 whileHidden = panel->analyses();
    w.session()->editGrade(Detune::referenceGrade(ErrorAxis::Tint, 1.0), QStringLiteral("detune"));
    QTest::qWait(800);
    QCOMPARE(panel->analyses(), whileHidden);
    dock->show();
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > whileHidden && !panel->isBusy(), 10000);
}

/// The panel numbers its requests: when a frame arrives while the previous one is being analysed, the
/// older result is dropped (it would show findings of a picture no longer on screen) and only the
/// newer frame's analysis is shown.
void TestUiSuggestions::aResultOlderThanTheLatestFrameIsNeverShown()
{
    const QString model = realModel();
    if (model.isEmpty())
        QSKIP("no classifier model: none shipped in ml/models and $CINEGRADE_CLASSIFIER_MODEL not set");
    RecordingWindow w;
    open(w, model, {m_scene});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > 0 && !panel->isBusy(), 10000);

    // Two pictures the model reads differently: the scene far too green, and far too warm.
    const Image scene = w.viewer()->gradedImage();
    const auto detuned = [&scene](ErrorAxis axis, double severity) {
        Detune::Recipe recipe;
        recipe.severities[size_t(axis)] = severity;
        return std::make_shared<const Image>(Detune::apply(recipe, scene));
    };
    RenderedFrame older, newer;
    older.graded = detuned(ErrorAxis::Tint, -1.0);
    older.grade.tint = -1; // any grade other than the last one makes it a new picture for the panel
    newer.graded = detuned(ErrorAxis::Temperature, 1.0);
    newer.grade.temperature = 1;
    const Classifier classifier = Classifier::load(model);
    const ClassifierAnalysis olderAnalysis = classifier.analyze(*older.graded);
    const ClassifierAnalysis newerAnalysis = classifier.analyze(*newer.graded);
    const auto findings = [](const std::vector<Suggestion>& suggestions) {
        QStringList out;
        for (const Suggestion& s : suggestions)
            out << QStringLiteral("%1:%2").arg(errorAxisKey(s.axis)).arg(s.level);
        return out;
    };
    QVERIFY2(findings(olderAnalysis.suggestions) != findings(newerAnalysis.suggestions),
             "the two pictures must read differently for this test to tell their results apart");

    // The newer frame arrives just after the older one went to the worker, before its result.
    int started = 0, shown = 0;
    QStringList shownFindings;
    connect(panel, &SuggestionsPanel::analysisStarted, panel, [&] {
        if (++started == 1)
            panel->setFrame(newer);
    });
    connect(panel, &SuggestionsPanel::updated, panel, [&] {
        ++shown;
        shownFindings = findings(panel->suggestions());
    });
    const qint64 before = panel->analyses();
    panel->setFrame(older);
    QTRY_VERIFY_WITH_TIMEOUT(started == 2 && !panel->isBusy(), 10000);
    QCOMPARE(shown, 1);
    QCOMPARE(panel->analyses(), before + 1);
    QCOMPARE(shownFindings, findings(newerAnalysis.suggestions));
}

/// "Read Whole Shot" reads kShotFrames frames of the clip as graded, as one; its findings apply like
/// a frame's, and the next frame or grade change goes back to reading the frame in the viewer.
void TestUiSuggestions::readingTheWholeShotListsWhatItsFramesShare()
{
    const QString model = realModel();
    if (model.isEmpty())
        QSKIP("no classifier model: none shipped in ml/models and $CINEGRADE_CLASSIFIER_MODEL not set");
    const QString footage = QStringLiteral(CINEGRADE_SOURCE_DIR "/tests/data/fetched/cockatoo.mp4");
    const bool real = QFileInfo::exists(footage);
    RecordingWindow w;
    open(w, model, {real ? footage : m_clip});
    SuggestionsPanel* panel = w.suggestionsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > 0 && !panel->isBusy(), 10000);
    auto* readShot = panel->findChild<QPushButton*>(QStringLiteral("readShotButton"));
    QVERIFY(readShot && readShot->isVisible() && readShot->isEnabled());
    auto* status = panel->findChild<QLabel*>(QStringLiteral("suggestionsStatus"));
    QVERIFY(status);

    // The whole clip detuned +100 % warm: every frame shares the error, so the shot reading lists it.
    w.session()->editGrade(Detune::referenceGrade(ErrorAxis::Temperature, 1.0), QStringLiteral("detune"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > 1 && !panel->isBusy(), 10000);
    const qint64 before = panel->analyses();
    QTest::mouseClick(readShot, Qt::LeftButton);
    QCOMPARE(panel->state(), SuggestionsPanel::State::Analysing);
    QVERIFY(!readShot->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() == before + 1 && !panel->isBusy(), 20000);
    const qint64 frames = real ? SuggestionsPanel::kShotFrames : 3; // the generated clip has 3 frames
    QVERIFY2(status->text().contains(QStringLiteral("whole shot (%1 frames)").arg(frames)),
             qPrintable(status->text()));
    QCOMPARE(panel->state(), SuggestionsPanel::State::Findings);
    bool warm = false;
    for (const Suggestion& s : panel->suggestions())
        warm = warm || (s.axis == ErrorAxis::Temperature && s.level > 0);
    QVERIFY(warm);
    const QString shot = QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots/main_window_suggestions_shot.png");
    QVERIFY(QDir().mkpath(QFileInfo(shot).path()) && w.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));

    // Applying is one undo step, and the picture that changed is read again as a frame.
    const int undo = w.session()->undoStack()->count();
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("applyAllSuggestionsButton")),
                      Qt::LeftButton);
    QCOMPARE(w.session()->undoStack()->count(), undo + 1);
    QVERIFY(w.session()->currentGrade().temperature < 100.0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->analyses() > before + 1 && !panel->isBusy(), 10000);
    QVERIFY2(status->text().contains(QStringLiteral("frame")) && !status->text().contains(QStringLiteral("shot")),
             qPrintable(status->text()));
}

QTEST_MAIN(TestUiSuggestions)
#include "tst_ui_suggestions.moc"
