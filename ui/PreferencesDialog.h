#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace cg {

/// What a user sets once: the interface language (applied at the next start), how often unsaved
/// work is autosaved, and whether playback may lower the preview resolution to keep the clip's rate.
/// Stored in QSettings under "ui/language", "autosave/intervalSeconds", "playback/adaptiveResolution".
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    static QString language(); ///< "" = the system's
    static int autosaveIntervalSeconds();
    static bool adaptivePlaybackResolution();

    QComboBox* languageBox() const { return m_language; }
    QSpinBox* autosaveBox() const { return m_autosave; }
    QCheckBox* adaptiveBox() const { return m_adaptive; }

    /// Store what the form shows (what OK does).
    void apply();

signals:
    /// The settings changed (the window applies what it can at once).
    void applied();
    /// The user asked for the default dock layout.
    void resetLayoutRequested();

private:
    QComboBox* m_language;
    QSpinBox* m_autosave;
    QCheckBox* m_adaptive;
};

} // namespace cg
