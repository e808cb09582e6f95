#include "GradePanel.h"

#include "ColorWheel.h"
#include "GradeCommand.h"
#include "ParameterControl.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cg {
namespace {

QLabel* sectionHeader(const QString& title, QWidget* parent)
{
    auto* header = new QLabel(title, parent);
    header->setObjectName(QStringLiteral("sectionHeader"));
    return header;
}

} // namespace

GradePanel::GradePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("gradePanel"));
    m_clock.start();

    // Left: the four wheels, as on a grading panel. Ranges follow what colorists reach for; the
    // spin boxes take exact values beyond the pucks.
    auto* wheels = new QHBoxLayout;
    wheels->setSpacing(6);
    const struct
    {
        QString key;
        QString title;
        bool additive;
        ParameterSpec master;
        double range;
        Wheel Grade::*member;
    } wheelSpecs[] = {
        {QStringLiteral("lift"),
         tr("Lift"),
         true,
         {QStringLiteral("lift"), tr("Lift"),
          tr("Lift master: raises or lowers the blacks, leaving white in place"), -0.5, 0.5, 0.001, 0.0, 3,
          QString()},
         0.1,
         &Grade::lift},
        {QStringLiteral("gamma"),
         tr("Gamma"),
         false,
         {QStringLiteral("gamma"), tr("Gamma"),
          tr("Gamma master: brightens or darkens the midtones (1 = unchanged)"), 0.25, 4.0, 0.01, 1.0, 2,
          QString()},
         0.15,
         &Grade::gamma},
        {QStringLiteral("gain"),
         tr("Gain"),
         false,
         {QStringLiteral("gain"), tr("Gain"),
          tr("Gain master: scales the whites, leaving black in place (1 = unchanged)"), 0.0, 4.0, 0.01, 1.0,
          2, QString()},
         0.25,
         &Grade::gain},
        {QStringLiteral("offset"),
         tr("Offset"),
         true,
         {QStringLiteral("offset"), tr("Offset"),
          tr("Offset master: shifts every level up or down by the same amount"), -0.5, 0.5, 0.001, 0.0, 3,
          QString()},
         0.1,
         &Grade::offset},
    };
    for (const auto& spec : wheelSpecs)
        wheels->addWidget(addWheel(spec.key, spec.title, spec.additive, spec.master, spec.range, spec.member),
                          1);

    // Right: adjustments, look and colour management.
    auto* side = new QVBoxLayout;
    side->setSpacing(3);
    side->addWidget(sectionHeader(tr("Adjustments"), this));
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(2);
    addControl(
        grid, 0, 0,
        {QStringLiteral("exposure"), tr("Exposure"), tr("Exposure in stops, applied in linear light"), -4.0,
         4.0, 0.01, 0.0, 2, QString()},
        [](const Grade& g) { return g.exposure; }, [](Grade& g, double v) { g.exposure = v; });
    addControl(
        grid, 1, 0,
        {QStringLiteral("temperature"), tr("Temperature"),
         tr("Colour temperature: negative is cooler (blue), positive warmer (orange)"), -100.0, 100.0, 0.5,
         0.0, 1, QString()},
        [](const Grade& g) { return g.temperature; }, [](Grade& g, double v) { g.temperature = v; });
    addControl(
        grid, 2, 0,
        {QStringLiteral("tint"), tr("Tint"), tr("Tint: negative is green, positive magenta"), -100.0, 100.0,
         0.5, 0.0, 1, QString()},
        [](const Grade& g) { return g.tint; }, [](Grade& g, double v) { g.tint = v; });
    addControl(
        grid, 0, 1,
        {QStringLiteral("contrast"), tr("Contrast"), tr("Contrast around the pivot (1 = unchanged)"), 0.0,
         2.0, 0.005, 1.0, 3, QString()},
        [](const Grade& g) { return g.contrast; }, [](Grade& g, double v) { g.contrast = v; });
    addControl(
        grid, 1, 1,
        {QStringLiteral("pivot"), tr("Pivot"), tr("Code value that contrast leaves unchanged"), 0.0, 1.0,
         0.001, 0.435, 3, QString()},
        [](const Grade& g) { return g.pivot; }, [](Grade& g, double v) { g.pivot = v; });
    addControl(
        grid, 2, 1,
        {QStringLiteral("saturation"), tr("Saturation"),
         tr("Saturation, preserving luma (1 = unchanged, 0 = monochrome)"), 0.0, 2.0, 0.005, 1.0, 3,
         QString()},
        [](const Grade& g) { return g.saturation; }, [](Grade& g, double v) { g.saturation = v; });
    side->addLayout(grid);

    side->addSpacing(4);
    side->addWidget(sectionHeader(tr("Look and colour management"), this));
    auto* lookRow = new QHBoxLayout;
    lookRow->setSpacing(6);
    auto* lookLabel = new QLabel(tr("Look LUT"), this);
    lookLabel->setMinimumWidth(78);
    m_lookName = new QLabel(this);
    m_lookName->setObjectName(QStringLiteral("lookName"));
    m_lookName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lookName->setMinimumWidth(60);
    auto* load = new QPushButton(tr("Load…"), this);
    load->setObjectName(QStringLiteral("loadLookButton"));
    load->setToolTip(tr("Load a .cube look LUT, applied after the grade"));
    m_removeLook = new QPushButton(tr("Remove"), this);
    m_removeLook->setObjectName(QStringLiteral("removeLookButton"));
    lookRow->addWidget(lookLabel);
    lookRow->addWidget(m_lookName, 1);
    lookRow->addWidget(load);
    lookRow->addWidget(m_removeLook);
    side->addLayout(lookRow);

    auto* fileRow = new QHBoxLayout;
    fileRow->setSpacing(6);
    auto* importCdl = new QPushButton(tr("Import CDL…"), this);
    importCdl->setObjectName(QStringLiteral("importCdlButton"));
    importCdl->setToolTip(tr("Set the primaries from an ASC CDL file (.cdl, .cc, .ccc)"));
    auto* exportCdl = new QPushButton(tr("Export CDL…"), this);
    exportCdl->setObjectName(QStringLiteral("exportCdlButton"));
    exportCdl->setToolTip(tr("Write the primaries as an ASC CDL file"));
    auto* exportCube = new QPushButton(tr("Export .cube…"), this);
    exportCube->setObjectName(QStringLiteral("exportCubeButton"));
    exportCube->setToolTip(tr("Write the whole grade as a 33-point .cube LUT for other tools"));
    fileRow->addWidget(importCdl);
    fileRow->addWidget(exportCdl);
    fileRow->addWidget(exportCube);
    fileRow->addStretch(1);
    side->addLayout(fileRow);

    auto* spaceRow = new QHBoxLayout;
    spaceRow->setSpacing(6);
    auto* spaceLabel = new QLabel(tr("Input space"), this);
    spaceLabel->setMinimumWidth(78);
    m_inputSpace = new QComboBox(this);
    m_inputSpace->setObjectName(QStringLiteral("inputSpaceBox"));
    m_inputSpace->setToolTip(tr("The OpenColorIO colour space the clip was recorded in"));
    m_inputSpace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_inputSpace->setMinimumContentsLength(14);
    spaceRow->addWidget(spaceLabel);
    spaceRow->addWidget(m_inputSpace, 1);
    side->addLayout(spaceRow);
    side->addStretch(1);

    auto* divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    divider->setObjectName(QStringLiteral("panelDivider"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 10, 6);
    layout->setSpacing(10);
    layout->addLayout(wheels, 4);
    layout->addWidget(divider);
    layout->addLayout(side, 3);

    connect(load, &QPushButton::clicked, this, &GradePanel::loadLookRequested);
    connect(importCdl, &QPushButton::clicked, this, &GradePanel::importCdlRequested);
    connect(exportCdl, &QPushButton::clicked, this, &GradePanel::exportCdlRequested);
    connect(exportCube, &QPushButton::clicked, this, &GradePanel::exportCubeRequested);
    connect(m_removeLook, &QPushButton::clicked, this, [this] {
        Grade g = m_grade;
        g.look = LookLut{};
        emit gradeEdited(g, tr("Remove look LUT"), -1);
    });
    connect(m_inputSpace, &QComboBox::activated, this,
            [this](int index) { emit inputColorSpaceChosen(m_inputSpace->itemData(index).toString()); });
    updateLookRow();
}

ColorWheel* GradePanel::addWheel(const QString& key, const QString& title, bool additive,
                                 const ParameterSpec& master, double range, Wheel Grade::*member)
{
    auto* wheel =
        new ColorWheel(key, title, additive ? ColorWheel::Kind::Additive : ColorWheel::Kind::Multiplicative,
                       master, range, this);
    const int control = 1000 + int(m_wheels.size());
    m_wheels.push_back({wheel, member, control});
    connect(wheel, &ColorWheel::edited, this,
            [this, wheel, member, control, title](const Wheel& w, bool dragging) {
                Grade g = m_grade;
                g.*member = w;
                Q_UNUSED(wheel);
                edit(control, g, title, dragging);
            });
    connect(wheel, &ColorWheel::resetRequested, this, [this, member, title](const Wheel& w) {
        m_newGesture = true;
        Grade g = m_grade;
        g.*member = w;
        if (!(g == m_grade))
            emit gradeEdited(g, tr("Reset %1").arg(title), -1);
    });
    connect(wheel, &ColorWheel::gestureStarted, this, [this] { m_newGesture = true; });
    connect(wheel, &ColorWheel::gestureFinished, this, [this] { m_newGesture = true; });
    return wheel;
}

void GradePanel::addControl(QGridLayout* grid, int row, int column, const ParameterSpec& spec,
                            std::function<double(const Grade&)> get, std::function<void(Grade&, double)> set)
{
    auto* control = new ParameterControl(spec, this);
    control->label()->setMinimumWidth(72);
    control->spinBox()->setFixedWidth(56);
    const int index = int(m_entries.size());
    m_entries.push_back({control, std::move(get), std::move(set)});
    grid->addWidget(control, row, column);
    connect(control, &ParameterControl::edited, this, [this, index](double value, bool dragging) {
        const Entry& e = m_entries[size_t(index)];
        Grade g = m_grade;
        e.set(g, value);
        edit(index, g, e.control->spec().label, dragging);
    });
    connect(control, &ParameterControl::resetRequested, this, [this, index] { onReset(index); });
    connect(control, &ParameterControl::gestureStarted, this, [this] { m_newGesture = true; });
    connect(control, &ParameterControl::gestureFinished, this, [this] { m_newGesture = true; });
}

ParameterControl* GradePanel::control(const QString& key) const
{
    for (const Entry& e : m_entries)
        if (e.control->spec().key == key)
            return e.control;
    for (const WheelEntry& w : m_wheels)
        if (w.wheel->key() == key)
            return w.wheel->masterControl();
    return nullptr;
}

ColorWheel* GradePanel::wheel(const QString& key) const
{
    for (const WheelEntry& w : m_wheels)
        if (w.wheel->key() == key)
            return w.wheel;
    return nullptr;
}

QStringList GradePanel::keys() const
{
    QStringList keys;
    for (const Entry& e : m_entries)
        keys << e.control->spec().key;
    for (const WheelEntry& w : m_wheels)
        keys << w.wheel->key();
    return keys;
}

void GradePanel::setGrade(const Grade& grade)
{
    m_grade = grade;
    for (const Entry& e : m_entries)
        e.control->setValue(e.get(grade));
    for (const WheelEntry& w : m_wheels)
        w.wheel->setWheel(grade.*(w.member));
    updateLookRow();
}

void GradePanel::setColorSpaces(const QStringList& spaces, const QString& current, bool enabled)
{
    const QSignalBlocker block(m_inputSpace);
    m_inputSpace->clear();
    m_inputSpace->addItem(tr("Project working space"), QString());
    for (const QString& space : spaces)
        m_inputSpace->addItem(space, space);
    int index = m_inputSpace->findData(current);
    if (index < 0 && !current.isEmpty()) {
        // A space the config does not know (typed in a project file): shown, so it is not lost.
        m_inputSpace->addItem(tr("%1 (unknown)").arg(current), current);
        index = m_inputSpace->count() - 1;
    }
    m_inputSpace->setCurrentIndex(std::max(0, index));
    m_inputSpace->setEnabled(enabled);
}

void GradePanel::updateLookRow()
{
    if (m_grade.look.isEmpty()) {
        m_lookName->setText(tr("None"));
        m_lookName->setToolTip(QString());
    } else {
        const QString name =
            m_grade.look.path.isEmpty() ? m_grade.look.lut.title : QFileInfo(m_grade.look.path).fileName();
        m_lookName->setText(name.isEmpty() ? tr("(untitled LUT)") : name);
        m_lookName->setToolTip(m_grade.look.path);
    }
    m_removeLook->setEnabled(!m_grade.look.isEmpty());
}

void GradePanel::edit(int control, const Grade& grade, const QString& label, bool dragging)
{
    const qint64 now = m_clock.elapsed();
    const bool continues =
        !m_newGesture && control == m_lastControl && (dragging || now - m_lastEditMs <= kMergeWindowMs);
    if (!continues || m_gesture < 0)
        m_gesture = GradeCommand::newMergeKey();
    m_newGesture = false;
    m_lastControl = control;
    m_lastEditMs = now;
    emit gradeEdited(grade, tr("Change %1").arg(label), m_gesture);
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
