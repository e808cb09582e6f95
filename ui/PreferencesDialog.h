#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace cg {

/// What a user sets once: the interface language (applied at the next start), how often unsaved
/// work is autosaved, whether playback may lower the preview resolution to keep the clip's rate, and
/// how sure the classifier must be before the Suggestions panel lists a finding. Stored in QSettings
/// under "ui/language", "autosave/intervalSeconds", "playback/adaptiveResolution",
/// "suggestions/minConfidence".
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    static QString language(); ///< "" = the system's
    static int autosaveIntervalSeconds();
    static bool adaptivePlaybackResolution();
    /// Careful (Suggestions::kMinConfidence, the default) or bolder (kBolderMinConfidence).
    static double suggestionMinConfidence();
    /// The bolder gate: on the validation photos it cuts the median CIEDE2000 by 26.5 % instead of
    /// 20.8 %, and makes 11.8 % of detuned pictures worse instead of 4.4 % (README, model card).
    static constexpr double kBolderMinConfidence = 0.7;

    QComboBox* languageBox() const { return m_language; }
    QSpinBox* autosaveBox() const { return m_autosave; }
    QCheckBox* adaptiveBox() const { return m_adaptive; }
    QComboBox* suggestionsBox() const { return m_suggestions; }

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
    QComboBox* m_suggestions;
};

} // namespace cg
