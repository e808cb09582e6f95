#pragma once

#include "Grade.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;

namespace cg {

class ParameterControl;

/// The "Grade" dock: labelled controls for the primary grade (exposure, white balance, contrast,
/// pivot, saturation, and the masters of lift / gamma / gain / offset) plus the look LUT.
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
    /// "lift", "gamma", "gain", "offset"), or null.
    ParameterControl* control(const QString& key) const;
    QStringList keys() const;

    /// Edits of one control closer together than this (and not separated by a new drag) are one undo
    /// step: a burst of arrow keys or wheel clicks.
    static constexpr int kMergeWindowMs = 700;

signals:
    /// The user changed the grade. `mergeKey` is the same for every edit of one gesture on one
    /// control (one drag), so the undo stack can merge them.
    void gradeEdited(const cg::Grade& grade, const QString& description, int mergeKey);
    void loadLookRequested();

private:
    struct Entry
    {
        ParameterControl* control;
        std::function<double(const Grade&)> get;
        std::function<void(Grade&, double)> set;
    };
    void addSection(class QVBoxLayout* layout, const QString& title);
    void addControl(class QVBoxLayout* layout, const struct ParameterSpec& spec,
                    std::function<double(const Grade&)> get, std::function<void(Grade&, double)> set);
    void onEdited(int index, double value, bool dragging);
    void onReset(int index);
    void updateLookRow();

    std::vector<Entry> m_entries;
    Grade m_grade;
    QLabel* m_lookName = nullptr;
    QPushButton* m_removeLook = nullptr;

    // Undo merging of one gesture (see kMergeWindowMs).
    QElapsedTimer m_clock;
    int m_gesture = 0;
    int m_lastControl = -1;
    qint64 m_lastEditMs = 0;
    bool m_newGesture = true;
};

} // namespace cg
