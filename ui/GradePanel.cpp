#include "GradePanel.h"

#include "ParameterControl.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cg {

GradePanel::GradePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("gradePanel"));
    m_clock.start();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 12);
    layout->setSpacing(4);

    // Ranges follow what colorists reach for in practice; the spin box takes exact values.
    addSection(layout, tr("Exposure and balance"));
    addControl(layout,
               {QStringLiteral("exposure"), tr("Exposure"), tr("Exposure in stops, applied in linear light"),
                -4.0, 4.0, 0.01, 0.0, 2, QString()},
               [](const Grade& g) { return g.exposure; }, [](Grade& g, double v) { g.exposure = v; });
    addControl(layout,
               {QStringLiteral("temperature"), tr("Temperature"),
                tr("Colour temperature: negative is cooler (blue), positive warmer (orange)"), -100.0, 100.0,
                0.5, 0.0, 1, QString()},
               [](const Grade& g) { return g.temperature; }, [](Grade& g, double v) { g.temperature = v; });
    addControl(layout,
               {QStringLiteral("tint"), tr("Tint"), tr("Tint: negative is green, positive magenta"), -100.0,
                100.0, 0.5, 0.0, 1, QString()},
               [](const Grade& g) { return g.tint; }, [](Grade& g, double v) { g.tint = v; });

    addSection(layout, tr("Tone"));
    addControl(layout,
               {QStringLiteral("contrast"), tr("Contrast"), tr("Contrast around the pivot (1 = unchanged)"), 0.0,
                2.0, 0.005, 1.0, 3, QString()},
               [](const Grade& g) { return g.contrast; }, [](Grade& g, double v) { g.contrast = v; });
    addControl(layout,
               {QStringLiteral("pivot"), tr("Pivot"), tr("Code value that contrast leaves unchanged"), 0.0, 1.0,
                0.001, 0.435, 3, QString()},
               [](const Grade& g) { return g.pivot; }, [](Grade& g, double v) { g.pivot = v; });
    addControl(layout,
               {QStringLiteral("saturation"), tr("Saturation"),
                tr("Saturation, preserving luma (1 = unchanged, 0 = monochrome)"), 0.0, 2.0, 0.005, 1.0, 3,
                QString()},
               [](const Grade& g) { return g.saturation; }, [](Grade& g, double v) { g.saturation = v; });

    addSection(layout, tr("Primaries (master)"));
    addControl(layout,
               {QStringLiteral("lift"), tr("Lift"), tr("Raises or lowers the blacks, leaving white in place"),
                -0.5, 0.5, 0.001, 0.0, 3, QString()},
               [](const Grade& g) { return g.lift.master; }, [](Grade& g, double v) { g.lift.master = v; });
    addControl(layout,
               {QStringLiteral("gamma"), tr("Gamma"), tr("Brightens or darkens the midtones (1 = unchanged)"),
                0.25, 4.0, 0.01, 1.0, 2, QString()},
               [](const Grade& g) { return g.gamma.master; }, [](Grade& g, double v) { g.gamma.master = v; });
    addControl(layout,
               {QStringLiteral("gain"), tr("Gain"), tr("Scales the whites, leaving black in place (1 = unchanged)"),
                0.0, 4.0, 0.01, 1.0, 2, QString()},
               [](const Grade& g) { return g.gain.master; }, [](Grade& g, double v) { g.gain.master = v; });
    addControl(layout,
               {QStringLiteral("offset"), tr("Offset"), tr("Shifts every level up or down by the same amount"),
                -0.5, 0.5, 0.001, 0.0, 3, QString()},
               [](const Grade& g) { return g.offset.master; }, [](Grade& g, double v) { g.offset.master = v; });

    addSection(layout, tr("Look"));
    auto* lookRow = new QHBoxLayout;
    lookRow->setSpacing(6);
    m_lookName = new QLabel(this);
    m_lookName->setObjectName(QStringLiteral("lookName"));
    m_lookName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* load = new QPushButton(tr("Load…"), this);
    load->setObjectName(QStringLiteral("loadLookButton"));
    load->setToolTip(tr("Load a .cube look LUT, applied after the grade"));
    m_removeLook = new QPushButton(tr("Remove"), this);
    m_removeLook->setObjectName(QStringLiteral("removeLookButton"));
    lookRow->addWidget(m_lookName, 1);
    lookRow->addWidget(load);
    lookRow->addWidget(m_removeLook);
    layout->addLayout(lookRow);
    layout->addStretch(1);

    connect(load, &QPushButton::clicked, this, &GradePanel::loadLookRequested);
    connect(m_removeLook, &QPushButton::clicked, this, [this] {
        Grade g = m_grade;
        g.look = LookLut{};
        emit gradeEdited(g, tr("Remove look LUT"), -1);
    });
    updateLookRow();
}

void GradePanel::addSection(QVBoxLayout* layout, const QString& title)
{
    auto* header = new QLabel(title, this);
    header->setObjectName(QStringLiteral("sectionHeader"));
    layout->addSpacing(layout->count() ? 6 : 0);
    layout->addWidget(header);
}

void GradePanel::addControl(QVBoxLayout* layout, const ParameterSpec& spec,
                            std::function<double(const Grade&)> get, std::function<void(Grade&, double)> set)
{
    auto* control = new ParameterControl(spec, this);
    const int index = int(m_entries.size());
    m_entries.push_back({control, std::move(get), std::move(set)});
    layout->addWidget(control);
    connect(control, &ParameterControl::edited, this,
            [this, index](double value, bool dragging) { onEdited(index, value, dragging); });
    connect(control, &ParameterControl::resetRequested, this, [this, index] { onReset(index); });
    connect(control, &ParameterControl::gestureStarted, this, [this] { m_newGesture = true; });
    connect(control, &ParameterControl::gestureFinished, this, [this] { m_newGesture = true; });
}

ParameterControl* GradePanel::control(const QString& key) const
{
    for (const Entry& e : m_entries)
        if (e.control->spec().key == key)
            return e.control;
    return nullptr;
}

QStringList GradePanel::keys() const
{
    QStringList keys;
    for (const Entry& e : m_entries)
        keys << e.control->spec().key;
    return keys;
}

void GradePanel::setGrade(const Grade& grade)
{
    m_grade = grade;
    for (const Entry& e : m_entries)
        e.control->setValue(e.get(grade));
    updateLookRow();
}

void GradePanel::updateLookRow()
{
    if (m_grade.look.isEmpty()) {
        m_lookName->setText(tr("None"));
        m_lookName->setToolTip(QString());
    } else {
        const QString name = m_grade.look.path.isEmpty() ? m_grade.look.lut.title
                                                         : QFileInfo(m_grade.look.path).fileName();
        m_lookName->setText(name.isEmpty() ? tr("(untitled LUT)") : name);
        m_lookName->setToolTip(m_grade.look.path);
    }
    m_removeLook->setEnabled(!m_grade.look.isEmpty());
}

void GradePanel::onEdited(int index, double value, bool dragging)
{
    const qint64 now = m_clock.elapsed();
    const bool continues = !m_newGesture && index == m_lastControl &&
                           (dragging || now - m_lastEditMs <= kMergeWindowMs);
    if (!continues)
        ++m_gesture;
    m_newGesture = false;
    m_lastControl = index;
    m_lastEditMs = now;

    const Entry& e = m_entries[size_t(index)];
    Grade g = m_grade;
    e.set(g, value);
    emit gradeEdited(g, tr("Change %1").arg(e.control->spec().label), m_gesture);
}

void GradePanel::onReset(int index)
{
    const Entry& e = m_entries[size_t(index)];
    m_newGesture = true;
    Grade g = m_grade;
    e.set(g, e.control->spec().neutral);
    if (g == m_grade)
        return;
    emit gradeEdited(g, tr("Reset %1").arg(e.control->spec().label), -1);
}

} // namespace cg
