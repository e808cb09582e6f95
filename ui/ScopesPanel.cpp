#include "ScopesPanel.h"

#include "HistogramScope.h"
#include "VectorScope.h"
#include "WaveformScope.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace cg {

ScopesPanel::ScopesPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scopesPanel"));
    QSettings settings;
    m_slotCount = settings.value(QStringLiteral("scopes/slots"), 4).toInt();
    if (m_slotCount != 1 && m_slotCount != 2)
        m_slotCount = 4;
    for (int i = 0; i < kSlots; ++i) {
        const int kind =
            settings.value(QStringLiteral("scopes/slot%1").arg(i), int(m_kinds[size_t(i)])).toInt();
        if (kind >= int(Kind::Waveform) && kind <= int(Kind::Histogram))
            m_kinds[size_t(i)] = Kind(kind);
    }

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(2);
    header->addStretch(1);
    m_layoutButtons = new QButtonGroup(this);
    for (int count : {1, 2, 4}) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("scopes%1UpButton").arg(count));
        button->setText(tr("%1-up").arg(count));
        button->setToolTip(tr("Show %n scope(s)", "", count));
        button->setCheckable(true);
        button->setChecked(count == m_slotCount);
        m_layoutButtons->addButton(button, count);
        header->addWidget(button);
    }
    connect(m_layoutButtons, &QButtonGroup::idClicked, this, &ScopesPanel::setSlotCount);

    m_grid = new QGridLayout;
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);
    for (int i = 0; i < kSlots; ++i) {
        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(1);
        auto* box = new QComboBox(cell);
        box->setObjectName(QStringLiteral("scopeSlot%1Box").arg(i));
        for (Kind kind :
             {Kind::Waveform, Kind::RgbWaveform, Kind::Parade, Kind::Vectorscope, Kind::Histogram})
            box->addItem(kindName(kind), int(kind));
        box->setCurrentIndex(box->findData(int(m_kinds[size_t(i)])));
        box->setFrame(false);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        auto* boxRow = new QHBoxLayout;
        boxRow->setContentsMargins(0, 0, 0, 0);
        boxRow->addWidget(box);
        boxRow->addStretch(1);
        cellLayout->addLayout(boxRow);
        m_boxes[size_t(i)] = box;
        m_cells[size_t(i)] = cell;
        m_scopes[size_t(i)] = makeScope(m_kinds[size_t(i)]);
        cellLayout->addWidget(m_scopes[size_t(i)], 1);
        connect(box, &QComboBox::activated, this,
                [this, i, box](int index) { setSlotKind(i, Kind(box->itemData(index).toInt())); });
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addLayout(m_grid, 1);
    rebuildLayout();

    connect(&m_task, &LatestOnlyTask::idle, this, &ScopesPanel::idle);
}

QString ScopesPanel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Waveform:
        return tr("Waveform · Luma");
    case Kind::RgbWaveform:
        return tr("Waveform · RGB");
    case Kind::Parade:
        return tr("RGB Parade");
    case Kind::Vectorscope:
        return tr("Vectorscope");
    case Kind::Histogram:
        return tr("Histogram");
    }
    return {};
}

ScopeView* ScopesPanel::makeScope(Kind kind)
{
    switch (kind) {
    case Kind::Waveform:
        return new WaveformScope(WaveformScope::Mode::Luma, this);
    case Kind::RgbWaveform:
        return new WaveformScope(WaveformScope::Mode::RgbOverlay, this);
    case Kind::Parade:
        return new WaveformScope(WaveformScope::Mode::Parade, this);
    case Kind::Vectorscope:
        return new VectorScope(this);
    case Kind::Histogram:
        return new HistogramScope(this);
    }
    return nullptr;
}

ScopeView* ScopesPanel::scope(Kind kind) const
{
    for (int i = 0; i < m_slotCount; ++i)
        if (m_kinds[size_t(i)] == kind)
            return m_scopes[size_t(i)];
    return nullptr;
}

void ScopesPanel::setSlotCount(int count)
{
    if (count != 1 && count != 2 && count != 4)
        return;
    m_slotCount = count;
    if (auto* button = m_layoutButtons->button(count))
        button->setChecked(true);
    rebuildLayout();
    saveChoice();
    if (m_hasData)
        present(m_data);
}

void ScopesPanel::setSlotKind(int slot, Kind kind)
{
    if (slot < 0 || slot >= kSlots)
        return;
    m_kinds[size_t(slot)] = kind;
    {
        const QSignalBlocker block(m_boxes[size_t(slot)]);
        m_boxes[size_t(slot)]->setCurrentIndex(m_boxes[size_t(slot)]->findData(int(kind)));
    }
    ScopeView* old = m_scopes[size_t(slot)];
    ScopeView* scope = makeScope(kind);
    static_cast<QVBoxLayout*>(m_cells[size_t(slot)]->layout())->replaceWidget(old, scope);
    m_scopes[size_t(slot)] = scope;
    old->deleteLater();
    saveChoice();
    if (m_hasData)
        scope->setScopeData(m_data);
}

void ScopesPanel::rebuildLayout()
{
    for (QWidget* cell : m_cells)
        m_grid->removeWidget(cell);
    for (int i = 0; i < kSlots; ++i) {
        QWidget* cell = m_cells[size_t(i)];
        if (i >= m_slotCount) {
            cell->hide();
            continue;
        }
        // 2-up stacks (the dock is taller than wide beside the viewer); 4-up is a 2 x 2 grid.
        const int row = m_slotCount == 4 ? i / 2 : i;
        const int column = m_slotCount == 4 ? i % 2 : 0;
        m_grid->addWidget(cell, row, column);
        cell->show();
    }
    for (int r = 0; r < 4; ++r)
        m_grid->setRowStretch(r, r < (m_slotCount == 4 ? 2 : m_slotCount) ? 1 : 0);
    for (int c = 0; c < 2; ++c)
        m_grid->setColumnStretch(c, c < (m_slotCount == 4 ? 2 : 1) ? 1 : 0);
}

void ScopesPanel::saveChoice() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("scopes/slots"), m_slotCount);
    for (int i = 0; i < kSlots; ++i)
        settings.setValue(QStringLiteral("scopes/slot%1").arg(i), int(m_kinds[size_t(i)]));
}

void ScopesPanel::setImage(std::shared_ptr<const Image> image)
{
    if (!image || image->isNull()) {
        clear();
        return;
    }
    m_task.submit([this, image = std::move(image), options = m_options]() -> LatestOnlyTask::Continuation {
        auto data = std::make_shared<ScopeData>(computeScopes(*image, options));
        return [this, data] { present(*data); };
    });
}

void ScopesPanel::clear()
{
    m_task.cancel();
    m_data = ScopeData{};
    m_hasData = false;
    for (ScopeView* scope : m_scopes)
        scope->clearData();
}

void ScopesPanel::present(const ScopeData& data)
{
    if (&data != &m_data)
        m_data = data;
    m_hasData = true;
    ++m_updates;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < m_slotCount; ++i)
        m_scopes[size_t(i)]->setScopeData(m_data);
    m_drawMs = double(clock.nsecsElapsed()) / 1e6;
    emit updated();
}

double ScopesPanel::meanLuma(const ScopeData& data)
{
    double sum = 0.0;
    double count = 0.0;
    for (int bin = 0; bin < ScopeData::kHistogramBins; ++bin) {
        sum += data.lumaHistogram[size_t(bin)] * (bin + 0.5) / ScopeData::kHistogramBins;
        count += data.lumaHistogram[size_t(bin)];
    }
    return count > 0 ? sum / count : 0.0;
}

} // namespace cg
