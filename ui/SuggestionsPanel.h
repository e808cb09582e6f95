#pragma once

#include "Classifier.h"
#include "Image.h"
#include "LatestOnlyTask.h"
#include "PreviewRenderer.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace cg {

class ProjectSession;

/// "What looks wrong" (DESIGN.md §1, idea 1): the classifier reads the frame the viewer shows, as
/// graded, and lists its confident findings, each with its sentence, its confidence and an Apply
/// button; Apply all applies them together. Nothing changes the grade until the user applies, and
/// each apply is one undo step (the correction composed with the clip's grade by
/// Suggestions::applyCorrection), after which the panel reads the new picture again.
///
/// The analysis runs off the GUI thread (LatestOnlyTask, latest request wins), debounced: frames and
/// grades that change faster than kDebounceMs (playback, a slider drag) are not analysed until they
/// settle, and a result older than the latest request is never shown. The model is loaded lazily,
/// once, on the worker; without one (missing or corrupt file) the panel says why and offers nothing,
/// and the rest of the application works as before.
class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;
    /// Frames a whole-shot reading averages (Classifier::shotFrames between the clip's in and out).
    static constexpr int kShotFrames = 8;

    enum class State
    {
        Idle,      ///< no frame yet
        Analysing, ///< a request is waiting or running
        Findings,  ///< the last analysis found problems (rows with Apply)
        Clean,     ///< the last analysis found nothing confident
        NoModel    ///< the model could not be found or loaded (notice(), no buttons)
    };
    Q_ENUM(State)

    explicit SuggestionsPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~SuggestionsPanel() override;

    /// The model file to use (the GUI's --model); empty = Classifier::findModel's places. Takes
    /// effect at the next load (the model is reloaded when it changes).
    void setModelPath(const QString& path);
    QString modelPath() const { return m_modelPath; }

    /// A frame reached the viewer: analyse its graded picture once things settle.
    void setFrame(const RenderedFrame& frame);
    /// Forget the frame and any result (another clip, no clip).
    void clear();
    /// Read the current clip as a whole, graded as it is now: kShotFrames frames spread between its
    /// in and out marks, their outputs averaged (Classifier::average). Steadier than one frame: a
    /// finding that only some frames show is weakened. A later frame or grade change reads that
    /// frame again.
    void analyseShot();
    /// Show an analysis of one frame, or of a shot of `frames` frames (public so that tests can drive
    /// the display and the apply logic with a crafted analysis).
    void showAnalysis(const ClassifierAnalysis& analysis, int frames = 1);
    /// Show the network's outputs for one frame or a shot, interpreted with the panel's confidence
    /// gate; they are kept, so that a new gate re-reads them at once (what the worker's result does).
    void showOutput(const Classifier::Output& output, int frames = 1);

    /// How sure a finding must be to be listed (Suggestions::fromEstimates; the Preferences'
    /// careful or bolder choice). The outputs on screen are read again with the new gate.
    void setMinConfidence(double minConfidence);
    double minConfidence() const { return m_minConfidence; }

    /// Apply one listed suggestion / all of them to the current clip's grade (one undo step each).
    void applySuggestion(int row);
    void applyAll();

    State state() const { return m_state; }
    /// The suggestions listed now (empty unless state() is Findings).
    const std::vector<Suggestion>& suggestions() const { return m_shown; }
    /// Why there are no suggestions when state() is NoModel.
    QString notice() const { return m_notice; }
    /// Loading, waiting for the debounce, or analysing.
    bool isBusy() const { return m_task.isBusy() || m_waiting; }
    /// Analyses whose results were shown since construction.
    qint64 analyses() const { return m_analyses; }

signals:
    /// A frame went to the worker for analysis (after the debounce).
    void analysisStarted();
    /// An analysis result (or the no-model notice) is on screen.
    void updated();
    void idle();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Model;
    void ensureModel();
    void analyseNow();
    /// The result of a job that found no usable model: the notice (on the GUI thread).
    LatestOnlyTask::Continuation noModel(const std::shared_ptr<Model>& model);
    void onModelResult(bool ok, const QString& notice);
    void setState(State state, const QString& text);
    void rebuildRows();

    ProjectSession* m_session;
    LatestOnlyTask m_task;
    QTimer* m_debounce;
    std::shared_ptr<Model> m_model; ///< written only by the first job that loads it
    QString m_modelPath;
    bool m_modelRequested = false;
    State m_state = State::Idle;
    QString m_notice;

    std::shared_ptr<const Image> m_pendingImage;
    qint64 m_pendingFrame = -1;
    Grade m_pendingGrade;
    bool m_waiting = false; ///< a frame waits for the debounce timer
    qint64 m_lastFrame = -1;
    Grade m_lastGrade;
    bool m_hasLast = false;
    quint64 m_request = 0; ///< bumped by every frame and clear(); results of older requests are dropped
    qint64 m_analyses = 0;

    double m_minConfidence = Suggestions::kMinConfidence;
    std::optional<Classifier::Output> m_lastOutput; ///< of the analysis on screen, if any
    int m_lastOutputFrames = 1;
    std::vector<Suggestion> m_shown;
    QLabel* m_status;
    QWidget* m_rows;
    QVBoxLayout* m_rowsLayout;
    QPushButton* m_applyAll;
    QPushButton* m_readShot;
};

} // namespace cg
