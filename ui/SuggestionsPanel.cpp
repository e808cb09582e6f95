#include "SuggestionsPanel.h"

#include "ClipMedia.h"
#include "CompiledGrade.h"
#include "Error.h"
#include "PreviewScale.h"
#include "ProjectSession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace cg {

/// The classifier as the worker sees it: loaded on the first job that needs it, once per model path.
struct SuggestionsPanel::Model
{
    bool tried = false;
    Classifier classifier;
    bool missing = false; ///< no file (Classifier::findModel failed), as opposed to a bad one
    QString error;        ///< the InputError's message
};

SuggestionsPanel::SuggestionsPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_debounce(new QTimer(this)), m_model(std::make_shared<Model>())
{
    setObjectName(QStringLiteral("suggestionsPanel"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SuggestionsPanel::analyseNow);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("suggestionsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_rows = new QWidget;
    m_rows->setObjectName(QStringLiteral("suggestionRows"));
    m_rowsLayout = new QVBoxLayout(m_rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(6);
    m_rowsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("suggestionsScrollArea"));
    scroll->setWidget(m_rows);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_applyAll = new QPushButton(tr("Apply All"), this);
    m_applyAll->setObjectName(QStringLiteral("applyAllSuggestionsButton"));
    m_applyAll->setToolTip(tr("Apply every suggestion listed, as one step"));
    connect(m_applyAll, &QPushButton::clicked, this, &SuggestionsPanel::applyAll);
    m_readShot = new QPushButton(tr("Read Whole Shot"), this);
    m_readShot->setObjectName(QStringLiteral("readShotButton"));
    m_readShot->setToolTip(tr("Read %1 frames spread over the clip, as graded, as one shot (steadier "
                              "than one frame)")
                               .arg(kShotFrames));
    connect(m_readShot, &QPushButton::clicked, this, &SuggestionsPanel::analyseShot);
    auto* footer = new QHBoxLayout;
    footer->setContentsMargins(0, 0, 0, 0);
    footer->addWidget(m_readShot);
    footer->addStretch(1);
    footer->addWidget(m_applyAll);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    layout->addLayout(footer);

    connect(&m_task, &LatestOnlyTask::idle, this, [this] {
        if (!isBusy())
            emit idle();
    });
    setState(State::Idle, {});
}

SuggestionsPanel::~SuggestionsPanel()
{
    m_task.cancel();
}

void SuggestionsPanel::setModelPath(const QString& path)
{
    if (path == m_modelPath)
        return;
    m_modelPath = path;
    // Jobs already queued keep the old model object; their results are recognised and dropped.
    m_model = std::make_shared<Model>();
    m_modelRequested = false;
    m_hasLast = false;
    ++m_request;
    if (m_state == State::NoModel || m_state == State::Analysing)
        setState(State::Idle, {});
    if (isVisible())
        ensureModel();
}

void SuggestionsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureModel();
    // A frame that arrived while the panel was hidden is analysed now that someone looks.
    if (m_pendingImage && !m_debounce->isActive()) {
        m_waiting = true;
        m_debounce->start();
    }
}

namespace {

/// Runs on the worker: the first job for a model loads it (a few hundred kB; quick, but it must not
/// hold up the window), later ones find it loaded or know why it is not.
template <typename Model> void loadModel(Model& model, const QString& path)
{
    if (model.tried)
        return;
    model.tried = true;
    QString file;
    try {
        file = Classifier::findModel(path);
    } catch (const InputError& e) {
        model.missing = true;
        model.error = e.message();
        return;
    }
    try {
        model.classifier = Classifier::load(file);
    } catch (const InputError& e) {
        model.error = e.message();
    } catch (const std::exception& e) {
        model.error = QStringLiteral("%1: %2").arg(file, QString::fromUtf8(e.what()));
    }
}

} // namespace

void SuggestionsPanel::ensureModel()
{
    if (m_modelRequested)
        return;
    m_modelRequested = true;
    // A job may already be waiting (a frame came first): it loads the model itself.
    if (m_task.isBusy())
        return;
    m_task.submit([this, model = m_model, path = m_modelPath]() -> LatestOnlyTask::Continuation {
        loadModel(*model, path);
        return model->classifier.isNull() ? noModel(model) : [] {};
    });
}

LatestOnlyTask::Continuation SuggestionsPanel::noModel(const std::shared_ptr<Model>& model)
{
    return [this, model] {
        if (model == m_model) // not a model replaced since (setModelPath)
            onModelResult(false, model->missing ? QString() : model->error);
    };
}

void SuggestionsPanel::onModelResult(bool ok, const QString& error)
{
    if (ok)
        return;
    m_pendingImage.reset();
    m_waiting = false;
    m_debounce->stop();
    m_shown.clear();
    QString text = error;
    if (text.isEmpty()) {
        // Where an installed program keeps it (Classifier::findModel), or the file asked for.
        const QString where =
            !m_modelPath.isEmpty()
                ? m_modelPath
                : QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                                      .filePath(QStringLiteral("../share/cinegrade/models/classifier.pt")));
        text = tr("No classifier model found at %1: suggestions are off. Run `cinegrade-cli train "
                  "classifier` or reinstall.")
                   .arg(QDir::toNativeSeparators(where));
    } else {
        text = tr("The classifier model cannot be used: %1. Suggestions are off.").arg(error);
    }
    m_notice = text;
    setState(State::NoModel, text);
    rebuildRows();
    emit updated();
    if (!isBusy())
        emit idle();
}

void SuggestionsPanel::setFrame(const RenderedFrame& frame)
{
    if (m_state == State::NoModel || !frame.graded || frame.graded->isNull())
        return;
    // The same picture again (a zoom re-renders it larger): the last request still holds.
    if (m_hasLast && frame.frame == m_lastFrame && frame.grade == m_lastGrade)
        return;
    m_hasLast = true;
    m_lastFrame = frame.frame;
    m_lastGrade = frame.grade;
    ++m_request;
    m_pendingImage = frame.graded;
    m_pendingFrame = frame.frame;
    m_pendingGrade = frame.grade;
    m_waiting = true;
    m_debounce->start();
    setState(State::Analysing, tr("Analysing…"));
}

void SuggestionsPanel::clear()
{
    ++m_request;
    m_debounce->stop();
    m_waiting = false;
    m_pendingImage.reset();
    m_hasLast = false;
    m_task.cancel();
    if (m_state == State::NoModel)
        return;
    m_lastOutput.reset();
    m_shown.clear();
    rebuildRows();
    setState(State::Idle, {});
    if (!isBusy())
        emit idle();
}

void SuggestionsPanel::analyseNow()
{
    m_waiting = false;
    // A hidden panel costs nothing: the latest frame waits for showEvent.
    if (!m_pendingImage || !isVisible()) {
        if (!isBusy())
            emit idle();
        return;
    }
    m_modelRequested = true;
    m_task.submit([this, model = m_model, path = m_modelPath, image = std::move(m_pendingImage),
                   request = m_request]() -> LatestOnlyTask::Continuation {
        loadModel(*model, path);
        if (model->classifier.isNull())
            return noModel(model);
        const Classifier::Output output = model->classifier.predict(*image);
        return [this, output, request] {
            // A newer frame or grade arrived meanwhile: its own analysis is coming.
            if (request == m_request)
                showOutput(output);
        };
    });
    m_pendingImage.reset();
    emit analysisStarted();
}

void SuggestionsPanel::analyseShot()
{
    const std::shared_ptr<const ClipMedia> media = m_session->media();
    if (m_state == State::NoModel || !m_session->hasClip() || !media)
        return;
    // A shot request supersedes any frame waiting or in flight.
    ++m_request;
    m_debounce->stop();
    m_waiting = false;
    m_pendingImage.reset();
    m_modelRequested = true;
    const Clip& clip = m_session->currentClip();
    setState(State::Analysing, tr("Reading the whole shot…"));
    m_task.submit([this, model = m_model, path = m_modelPath, media, pipeline = m_session->pipeline(),
                   grade = clip.grade, in = clip.inFrame, out = clip.outFrame,
                   request = m_request]() -> LatestOnlyTask::Continuation {
        loadModel(*model, path);
        if (model->classifier.isNull())
            return noModel(model);
        // Each frame as the viewer shows it: preview size, the viewer's lattice and colour pipeline.
        const qint64 first = std::max<qint64>(0, in);
        const qint64 last = out >= 0 ? out : media->frameCount() - 1;
        std::vector<Classifier::Output> outputs;
        QString error;
        try {
            const CompiledGrade compiled(grade, CompiledGrade::kDefaultSize, pipeline);
            for (qint64 index : Classifier::shotFrames(first, last, kShotFrames))
                outputs.push_back(
                    model->classifier.predict(compiled.applied(makePreview(media->frame(index)))));
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (!error.isEmpty())
            return [this, error, request] {
                if (request != m_request)
                    return;
                m_lastOutput.reset();
                m_shown.clear();
                rebuildRows();
                setState(State::Clean, tr("Cannot read the shot: %1").arg(error));
                emit updated();
            };
        return [this, output = Classifier::average(outputs), request, frames = int(outputs.size())] {
            if (request == m_request)
                showOutput(output, frames);
        };
    });
    emit analysisStarted();
}

void SuggestionsPanel::showOutput(const Classifier::Output& output, int frames)
{
    showAnalysis(Classifier::interpret(output, m_minConfidence), frames);
    m_lastOutput = output;
    m_lastOutputFrames = frames;
}

void SuggestionsPanel::setMinConfidence(double minConfidence)
{
    if (minConfidence == m_minConfidence)
        return;
    m_minConfidence = minConfidence;
    if (m_lastOutput && (m_state == State::Findings || m_state == State::Clean))
        showOutput(*m_lastOutput, m_lastOutputFrames);
}

void SuggestionsPanel::showAnalysis(const ClassifierAnalysis& analysis, int frames)
{
    m_lastOutput.reset();
    m_shown = analysis.suggestions;
    ++m_analyses;
    if (frames > 1 && m_shown.empty())
        setState(State::Clean,
                 tr("OK: nothing to suggest. The whole shot (%n frames) looks right to the classifier.", "",
                    frames));
    else if (frames > 1)
        setState(
            State::Findings,
            tr("The classifier reads these problems in the whole shot (%n frames) as graded:", "", frames));
    else if (m_shown.empty())
        setState(State::Clean, tr("OK: nothing to suggest. The frame looks right to the classifier."));
    else
        setState(State::Findings, tr("The classifier reads these problems in the frame as graded:"));
    rebuildRows();
    emit updated();
}

void SuggestionsPanel::setState(State state, const QString& text)
{
    m_state = state;
    if (state == State::Idle)
        m_status->setText(tr("Suggestions appear here for the frame in the viewer."));
    else
        m_status->setText(text);
    m_status->setToolTip(state == State::NoModel ? text : QString());
    // While a new picture waits for its analysis the listed findings may no longer hold.
    const bool actionable = state == State::Findings;
    for (QPushButton* button : m_rows->findChildren<QPushButton*>())
        button->setEnabled(actionable);
    m_applyAll->setEnabled(actionable && !m_shown.empty());
    m_applyAll->setVisible(state != State::NoModel && !m_shown.empty());
    m_readShot->setVisible(state != State::NoModel);
    m_readShot->setEnabled(state != State::Analysing && m_session->hasClip() && m_session->media());
}

void SuggestionsPanel::rebuildRows()
{
    while (m_rowsLayout->count() > 1) {
        QLayoutItem* item = m_rowsLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    if (m_state == State::NoModel)
        m_shown.clear();
    for (size_t i = 0; i < m_shown.size(); ++i) {
        const Suggestion& suggestion = m_shown[i];
        const int row = int(i);
        auto* frame = new QFrame(m_rows);
        frame->setObjectName(QStringLiteral("suggestionRow%1").arg(row));
        frame->setFrameShape(QFrame::StyledPanel);
        auto* grid = new QGridLayout(frame);
        grid->setContentsMargins(8, 6, 8, 6);
        grid->setHorizontalSpacing(8);
        grid->setVerticalSpacing(4);

        auto* message = new QLabel(suggestion.message, frame);
        message->setObjectName(QStringLiteral("suggestionMessage%1").arg(row));
        message->setWordWrap(true);
        grid->addWidget(message, 0, 0);

        auto* confidence = new QProgressBar(frame);
        confidence->setObjectName(QStringLiteral("suggestionConfidence%1").arg(row));
        confidence->setRange(0, 100);
        confidence->setValue(int(std::lround(suggestion.confidence * 100.0)));
        confidence->setFormat(tr("%p % confident"));
        confidence->setMaximumHeight(16);
        confidence->setToolTip(tr("How sure the classifier is that this error is there"));
        grid->addWidget(confidence, 1, 0);

        // What Apply changes, in the grade's own controls ("temperature -66.0, exposure +0.02").
        QStringList changes;
        const QJsonObject deltas = Suggestions::controlDeltas(suggestion.correction);
        for (auto it = deltas.begin(); it != deltas.end(); ++it)
            changes << QStringLiteral("%1 %2").arg(it.key()).arg(
                QString::asprintf("%+.3g", it.value().toDouble()));
        auto* apply = new QPushButton(tr("Apply"), frame);
        apply->setObjectName(QStringLiteral("applySuggestionButton%1").arg(row));
        apply->setToolTip(tr("Change the grade to correct this: %1").arg(changes.join(QStringLiteral(", "))));
        connect(apply, &QPushButton::clicked, this, [this, row] { applySuggestion(row); });
        grid->addWidget(apply, 0, 1, 2, 1, Qt::AlignVCenter);
        grid->setColumnStretch(0, 1);

        m_rowsLayout->insertWidget(row, frame);
        frame->show(); // now, not when the layout's queued show comes (a click may come first)
    }
    setState(m_state, m_status->text());
}

void SuggestionsPanel::applySuggestion(int row)
{
    if (row < 0 || row >= int(m_shown.size()) || !m_session->hasClip())
        return;
    const Suggestion suggestion = m_shown[size_t(row)];
    const Grade grade = Suggestions::applyCorrection(m_session->currentGrade(), suggestion.correction);
    if (grade == m_session->currentGrade())
        return;
    // Until the picture is read again the other findings may be stale: no second click on them.
    setState(State::Analysing, tr("Applied. Reading the frame again…"));
    m_session->editGrade(grade, tr("Apply Suggestion"));
}

void SuggestionsPanel::applyAll()
{
    if (m_shown.empty() || !m_session->hasClip())
        return;
    const Grade grade =
        Suggestions::applyCorrection(m_session->currentGrade(), Suggestions::combinedCorrection(m_shown));
    if (grade == m_session->currentGrade())
        return;
    setState(State::Analysing, tr("Applied. Reading the frame again…"));
    m_session->editGrade(grade, tr("Apply All Suggestions"));
}

} // namespace cg
