#include "ScopesPanel.h"

#include "HistogramScope.h"
#include "WaveformScope.h"

#include <QBoxLayout>
#include <QLabel>

namespace cg {
namespace {

QWidget* titled(const QString& title, QWidget* scope, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* label = new QLabel(title, box);
    label->setObjectName(QStringLiteral("panelTitle"));
    layout->addWidget(label);
    layout->addWidget(scope, 1);
    return box;
}

} // namespace

ScopesPanel::ScopesPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scopesPanel"));
    m_waveform = new WaveformScope(this);
    m_histogram = new HistogramScope(this);

    m_layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_layout->setContentsMargins(10, 4, 10, 8);
    m_layout->setSpacing(12);
    m_layout->addWidget(titled(tr("Waveform · Luma"), m_waveform, this), 3);
    m_layout->addWidget(titled(tr("Histogram · RGB"), m_histogram, this), 2);

    connect(&m_task, &LatestOnlyTask::idle, this, &ScopesPanel::idle);
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
    m_waveform->clearData();
    m_histogram->clearData();
}

void ScopesPanel::present(const ScopeData& data)
{
    m_data = data;
    m_hasData = true;
    m_waveform->setScopeData(m_data);
    m_histogram->setScopeData(m_data);
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

void ScopesPanel::resizeEvent(QResizeEvent* event)
{
    const auto direction =
        width() > height() * 1.3 ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_layout->direction() != direction)
        m_layout->setDirection(direction);
    QWidget::resizeEvent(event);
}

} // namespace cg
