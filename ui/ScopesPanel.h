#pragma once

#include "Image.h"
#include "LatestOnlyTask.h"
#include "Scopes.h"

#include <QWidget>

#include <memory>

class QBoxLayout;

namespace cg {

class HistogramScope;
class WaveformScope;

/// The "Scopes" dock: luma waveform and RGB histogram of the graded preview. The data is computed
/// off the GUI thread (cg::computeScopes, latest request wins) and then drawn; the layout turns from
/// side by side to stacked as the dock gets taller than wide.
class ScopesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScopesPanel(QWidget* parent = nullptr);

    /// Analyse `image` (usually the graded preview); replaces a request still waiting.
    void setImage(std::shared_ptr<const Image> image);
    void clear();

    bool hasData() const { return m_hasData; }
    const ScopeData& scopeData() const { return m_data; }
    bool isBusy() const { return m_task.isBusy(); }

    WaveformScope* waveform() const { return m_waveform; }
    HistogramScope* histogram() const { return m_histogram; }

    /// Mean BT.709 luma (0..1) from the luma histogram's bin centres.
    static double meanLuma(const ScopeData& data);

signals:
    void updated();
    void idle();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void present(const ScopeData& data);

    LatestOnlyTask m_task;
    ScopeOptions m_options;
    ScopeData m_data;
    bool m_hasData = false;
    QBoxLayout* m_layout;
    WaveformScope* m_waveform;
    HistogramScope* m_histogram;
};

} // namespace cg
