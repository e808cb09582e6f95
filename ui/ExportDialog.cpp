#include "ExportDialog.h"

#include "CompiledGrade.h"
#include "Error.h"
#include "Timecode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace cg {
namespace {

/// What the worker returns for a cancelled export (no message a user could ever see).
const char kCancelledMarker[] = "\x01"
                                "cancelled";

QString duration(double seconds)
{
    const qint64 s = std::max<qint64>(0, qint64(std::lround(seconds)));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QList<ExportDialog::Preset> ExportDialog::presets()
{
    return {{ExportCodec::H264, tr("H.264 MP4"), QStringLiteral("mp4")},
            {ExportCodec::ProResLT, tr("ProRes 422 LT"), QStringLiteral("mov")},
            {ExportCodec::ProRes, tr("ProRes 422"), QStringLiteral("mov")},
            {ExportCodec::ProResHQ, tr("ProRes 422 HQ"), QStringLiteral("mov")},
            {ExportCodec::ProRes4444, tr("ProRes 4444"), QStringLiteral("mov")}};
}

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Graded Clip"));
    setModal(false);
    setMinimumWidth(520);

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("presetBox"));
    for (const Preset& preset : presets())
        m_preset->addItem(preset.name, int(preset.codec));
    m_crf = new QSpinBox(this);
    m_crf->setObjectName(QStringLiteral("crfBox"));
    m_crf->setRange(0, 51);
    m_crf->setValue(18);
    m_crf->setToolTip(tr(
        "Constant rate factor of H.264: lower is better quality and larger files (18 is visually lossless)"));
    m_crfLabel = new QLabel(tr("Quality (CRF)"), this);

    m_whole = new QRadioButton(tr("Whole clip"), this);
    m_whole->setObjectName(QStringLiteral("wholeClipButton"));
    m_inOut = new QRadioButton(tr("In to out"), this);
    m_inOut->setObjectName(QStringLiteral("inOutButton"));
    m_whole->setChecked(true);
    m_rangeInfo = new QLabel(this);
    m_rangeInfo->setObjectName(QStringLiteral("rangeInfo"));
    auto* range = new QHBoxLayout;
    range->addWidget(m_whole);
    range->addWidget(m_inOut);
    range->addWidget(m_rangeInfo, 1);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("outputPathEdit"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_audio = new QCheckBox(tr("Include the clip's audio"), this);
    m_audio->setObjectName(QStringLiteral("audioBox"));
    m_audio->setChecked(true);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("Format"), m_preset);
    form->addRow(m_crfLabel, m_crf);
    form->addRow(tr("Range"), range);
    form->addRow(tr("File"), pathRow);
    form->addRow(QString(), m_audio);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_timeLeft = new QLabel(this);
    m_timeLeft->setObjectName(QStringLiteral("timeLeftLabel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_timeLeft);

    m_export = new QPushButton(QIcon(QStringLiteral(":/icons/render.svg")), tr("Export"), this);
    m_export->setObjectName(QStringLiteral("startExportButton"));
    m_export->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel Export"), this);
    m_cancel->setObjectName(QStringLiteral("cancelExportButton"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setToolTip(tr("Close this window; a running export goes on in the background"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    buttons->addWidget(m_export);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::onPresetChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ExportDialog::onFinished);
    connect(this, &ExportDialog::progressed, this, [this](qint64 done, qint64 total, double left) {
        if (!isRunning())
            return;
        m_progress->setValue(total > 0 ? int(100 * done / total) : 0);
        m_timeLeft->setText(done > 0 ? tr("%1 left").arg(duration(left)) : tr("starting…"));
        m_progress->setFormat(tr("%1 of %2 frames").arg(done).arg(total));
    });
    setRunning(false);
    onPresetChanged();
}

ExportDialog::~ExportDialog()
{
    if (m_cancelFlag)
        *m_cancelFlag = true;
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void ExportDialog::setJob(const ExportJob& job, const QString& folder)
{
    if (isRunning())
        return;
    m_job = job;
    const bool marked = job.inFrame >= 0 || job.outFrame >= 0;
    m_inOut->setEnabled(marked);
    if (!marked)
        m_whole->setChecked(true);
    const qint64 in = job.inFrame >= 0 ? job.inFrame : 0;
    const qint64 out = job.outFrame >= 0 ? job.outFrame : job.frameCount - 1;
    m_rangeInfo->setText(
        marked ? tr("%1 – %2 (%n frames)", "", int(out - in + 1))
                     .arg(Timecode::fromFrame(in, job.frameRate), Timecode::fromFrame(out, job.frameRate))
               : tr("no in/out marks (I and O set them)"));
    const Preset preset = presets().value(m_preset->currentIndex());
    const QString base = QFileInfo(job.input).completeBaseName() + QStringLiteral("_graded.") + preset.suffix;
    m_path->setText(QDir::toNativeSeparators(
        QDir(folder.isEmpty() ? QFileInfo(job.input).absolutePath() : folder).filePath(base)));
    m_progress->setValue(0);
    m_timeLeft->clear();
    showStatus(tr("Ready to export “%1”.").arg(job.clipName), false);
    setRunning(false);
}

void ExportDialog::onPresetChanged()
{
    const Preset preset = presets().value(m_preset->currentIndex());
    const bool h264 = preset.codec == ExportCodec::H264;
    m_crf->setEnabled(h264);
    m_crfLabel->setEnabled(h264);
    // Follow the container: .mp4 for H.264, .mov for ProRes.
    QString path = m_path->text();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        if (info.suffix().compare(preset.suffix, Qt::CaseInsensitive) != 0 &&
            (info.suffix().compare(QLatin1String("mp4"), Qt::CaseInsensitive) == 0 ||
             info.suffix().compare(QLatin1String("mov"), Qt::CaseInsensitive) == 0))
            m_path->setText(path.left(path.size() - info.suffix().size()) + preset.suffix);
    }
}

void ExportDialog::browse()
{
    const Preset preset = presets().value(m_preset->currentIndex());
    const QString filter =
        preset.suffix == QLatin1String("mp4") ? tr("MP4 video (*.mp4)") : tr("QuickTime movie (*.mov)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export To"), m_path->text(), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + preset.suffix;
    m_path->setText(QDir::toNativeSeparators(path));
}

ExportSettings ExportDialog::settings() const
{
    ExportSettings s;
    s.codec = presets().value(m_preset->currentIndex()).codec;
    s.crf = m_crf->value();
    s.includeAudio = m_audio->isChecked();
    if (m_inOut->isChecked() && (m_job.inFrame >= 0 || m_job.outFrame >= 0)) {
        s.firstFrame = m_job.inFrame >= 0 ? m_job.inFrame : 0;
        s.lastFrame = m_job.outFrame >= 0 ? m_job.outFrame : -1;
    }
    return s;
}

QString ExportDialog::outputPath() const
{
    return QFileInfo(QDir::fromNativeSeparators(m_path->text().trimmed())).absoluteFilePath();
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    const QString path = outputPath();
    QString problem;
    if (m_job.input.isEmpty())
        problem = tr("There is no video clip to export.");
    else if (m_path->text().trimmed().isEmpty())
        problem = tr("Choose a file to export to.");
    else if (path == QFileInfo(m_job.input).absoluteFilePath())
        problem = tr("%1 is the clip itself; choose another file name.").arg(QDir::toNativeSeparators(path));
    else if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        problem = tr("The folder %1 does not exist; choose another place.")
                      .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    if (!problem.isEmpty()) {
        showStatus(problem, true);
        emit exportFinished(false, path, problem);
        return;
    }

    const ExportSettings chosen = settings();
    m_runningPath = path;
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_progress->setValue(0);
    m_timeLeft->setText(tr("starting…"));
    showStatus(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)), false);
    m_clock.start();
    setRunning(true);

    QPointer<ExportDialog> self(this);
    auto lastReport = std::make_shared<std::atomic<qint64>>(-1000);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_watcher.setFuture(QtConcurrent::run(
        [job = m_job, settings = chosen, path, cancel = m_cancelFlag, self, lastReport, clock]() -> QString {
            try {
                // The export grade uses the finer 65^3 lattice (DESIGN.md §3).
                const CompiledGrade compiled(job.grade, CompiledGrade::kExportSize, job.pipeline);
                exportVideo(
                    job.input, path, compiled, settings,
                    [self, lastReport, clock](const ExportProgress& p) {
                        // At most ~10 reports a second reach the GUI thread.
                        const qint64 now = clock->elapsed();
                        if (now - lastReport->load() < 100 && p.framesDone < p.framesTotal)
                            return;
                        lastReport->store(now);
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, p] {
                                if (self)
                                    emit self->progressed(p.framesDone, p.framesTotal, p.secondsLeft);
                            },
                            Qt::QueuedConnection);
                    },
                    cancel.get());
                return {};
            } catch (const ExportCancelled&) {
                return QString::fromLatin1(kCancelledMarker);
            } catch (const InputError& e) {
                return e.message();
            } catch (const std::exception& e) {
                return QString::fromUtf8(e.what());
            }
        }));
}

void ExportDialog::cancelExport()
{
    if (m_cancelFlag && isRunning()) {
        *m_cancelFlag = true;
        showStatus(tr("Cancelling…"), false);
    }
}

void ExportDialog::onFinished()
{
    const QString error = m_watcher.result();
    setRunning(false);
    m_timeLeft->clear();
    const double seconds = m_clock.elapsed() / 1000.0;
    if (error.isEmpty()) {
        m_progress->setValue(100);
        m_progress->setFormat(tr("Done"));
        const QString message =
            tr("Exported %1 in %2.").arg(QDir::toNativeSeparators(m_runningPath), duration(seconds));
        showStatus(message, false);
        emit exportFinished(true, m_runningPath, message);
    } else if (error == QLatin1String(kCancelledMarker)) {
        m_progress->setValue(0);
        m_progress->setFormat(QStringLiteral("%p%"));
        const QString message = tr("Export cancelled; nothing was written.");
        showStatus(message, false);
        emit exportFinished(false, m_runningPath, message);
    } else {
        m_progress->setValue(0);
        m_progress->setFormat(QStringLiteral("%p%"));
        const QString message = tr("Export failed: %1").arg(error);
        showStatus(message, true);
        emit exportFinished(false, m_runningPath, message);
    }
}

void ExportDialog::setRunning(bool running)
{
    m_export->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_preset->setEnabled(!running);
    m_path->setEnabled(!running);
    m_whole->setEnabled(!running);
    m_inOut->setEnabled(!running && (m_job.inFrame >= 0 || m_job.outFrame >= 0));
    m_audio->setEnabled(!running);
    m_crf->setEnabled(!running && presets().value(m_preset->currentIndex()).codec == ExportCodec::H264);
    emit runningChanged(running);
}

void ExportDialog::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #e8806e;") : QString());
}

} // namespace cg
