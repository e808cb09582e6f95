#pragma once

#include "Grade.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cg {

class ColorWheel;
class ParameterControl;
struct ParameterSpec;

/// The primaries panel: four colour wheels (lift, gamma, gain, offset: balance puck + master), the
/// adjustments (exposure, temperature, tint, contrast, pivot, saturation), the look LUT, ASC CDL
/// import/export, `.cube` export and the clip's input colour space.
/// It shows a Grade and turns user edits into new Grades; the session decides what becomes of them.
class GradePanel : public QWidget
{
    Q_OBJECT
public:
    explicit GradePanel(QWidget* parent = nullptr);

    /// Show `grade` (from the model: no edit signals).
    void setGrade(const Grade& grade);
    const Grade& grade() const { return m_grade; }

    /// The control for a key ("exposure", "temperature", "tint", "contrast", "pivot", "saturation",
    /// and the wheel masters "lift", "gamma", "gain", "offset"), or null.
    ParameterControl* control(const QString& key) const;
    QStringList keys() const;
    /// The wheel for "lift", "gamma", "gain" or "offset", or null.
    ColorWheel* wheel(const QString& key) const;

    /// The colour spaces the input-space box offers ("" = the project's working space) and the
    /// current clip's choice; disabled without a clip.
    void setColorSpaces(const QStringList& spaces, const QString& current, bool enabled);
    QComboBox* inputSpaceBox() const { return m_inputSpace; }

    /// Edits of one control closer together than this (and not separated by a new drag) are one undo
    /// step: a burst of arrow keys or wheel clicks.
    static constexpr int kMergeWindowMs = 700;

signals:
    /// The user changed the grade. `mergeKey` is the same for every edit of one gesture on one
    /// control (one drag), so the undo stack can merge them.
    void gradeEdited(const cg::Grade& grade, const QString& description, int mergeKey);
    void loadLookRequested();
    void importCdlRequested();
    void exportCdlRequested();
    void exportCubeRequested();
    void inputColorSpaceChosen(const QString& space);

private:
    struct Entry
    {
        ParameterControl* control;
        std::function<double(const Grade&)> get;
        std::function<void(Grade&, double)> set;
    };
    void addControl(QGridLayout* grid, int row, int column, const ParameterSpec& spec,
                    std::function<double(const Grade&)> get, std::function<void(Grade&, double)> set);
    ColorWheel* addWheel(const QString& key, const QString& title, bool additive, const ParameterSpec& master,
                         double range, Wheel Grade::*member);
    void edit(int control, const Grade& grade, const QString& label, bool dragging);
    void onReset(int index);
    void updateLookRow();

    std::vector<Entry> m_entries;
    struct WheelEntry
    {
        ColorWheel* wheel;
        Wheel Grade::*member;
        int control; ///< merge identity, after the entries
    };
    std::vector<WheelEntry> m_wheels;
    Grade m_grade;
    QLabel* m_lookName = nullptr;
    QPushButton* m_removeLook = nullptr;
    QComboBox* m_inputSpace = nullptr;

    // Undo merging of one gesture (see kMergeWindowMs).
    QElapsedTimer m_clock;
    int m_gesture = -1;
    int m_lastControl = -1;
    qint64 m_lastEditMs = 0;
    bool m_newGesture = true;
};

} // namespace cg
