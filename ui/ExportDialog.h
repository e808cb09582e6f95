#pragma once

#include "ColorPipeline.h"
#include "Exporter.h"
#include "Grade.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace cg {

/// What to export: the clip, its grade and colour pipeline, its range and marks.
struct ExportJob
{
    QString input;
    QString clipName;
    Grade grade;
    std::shared_ptr<const ColorPipeline> pipeline;
    qint64 frameCount = 0;
    double frameRate = 0.0;
    qint64 inFrame = -1; ///< -1 = not marked
    qint64 outFrame = -1;
};

/// File ▸ Export: the graded clip as H.264 MP4 or ProRes (422 LT / 422 / 422 HQ / 4444) MOV, the
/// whole clip or its in/out range, to a chosen file. The export runs in the background
/// (cg::exportVideo on a worker thread, the same compiled grade as the viewer at 65^3): the dialog
/// shows progress and time left and can cancel, and the main window stays usable, also with the
/// dialog closed. The outcome is said in the dialog and by finished().
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    struct Preset
    {
        ExportCodec codec;
        QString name;
        QString suffix;
    };
    static QList<Preset> presets();

    explicit ExportDialog(QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// Prepare for a clip (not while an export runs). `folder` is where the output goes by default.
    void setJob(const ExportJob& job, const QString& folder);
    const ExportJob& job() const { return m_job; }

    QComboBox* presetBox() const { return m_preset; }
    QLineEdit* pathEdit() const { return m_path; }
    QRadioButton* wholeClipButton() const { return m_whole; }
    QRadioButton* inOutButton() const { return m_inOut; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* statusLabel() const { return m_status; }

    bool isRunning() const { return m_watcher.isRunning(); }
    /// The settings the form describes now.
    ExportSettings settings() const;
    QString outputPath() const;

public slots:
    /// What the Export button does: check the form, then start in the background.
    void startExport();
    /// Ask a running export to stop; it removes its partial file.
    void cancelExport();

signals:
    void progressed(qint64 framesDone, qint64 framesTotal, double secondsLeft);
    /// The export ended: `ok`, or `message` says why not (cancelled, failed).
    void exportFinished(bool ok, const QString& path, const QString& message);
    void runningChanged(bool running);

private:
    void onPresetChanged();
    void onFinished();
    void browse();
    void setRunning(bool running);
    void showStatus(const QString& text, bool error);

    ExportJob m_job;
    QComboBox* m_preset;
    QSpinBox* m_crf;
    QLabel* m_crfLabel;
    QRadioButton* m_whole;
    QRadioButton* m_inOut;
    QLabel* m_rangeInfo;
    QLineEdit* m_path;
    QCheckBox* m_audio;
    QProgressBar* m_progress;
    QLabel* m_timeLeft;
    QLabel* m_status;
    QPushButton* m_export;
    QPushButton* m_cancel;
    QPushButton* m_close;
    QFutureWatcher<QString> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    QString m_runningPath;
    QElapsedTimer m_clock;
};

} // namespace cg
