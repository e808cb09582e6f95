#pragma once

#include "Image.h"
#include "LatestOnlyTask.h"
#include "Scopes.h"

#include <QWidget>

#include <array>
#include <memory>

class QButtonGroup;
class QComboBox;
class QGridLayout;

namespace cg {

class ScopeView;

/// The scopes: up to four of waveform (luma), waveform (RGB overlay), RGB parade, vectorscope and
/// histogram of the graded picture, in a 1-, 2- or 4-up layout, each slot with its own choice
/// (remembered in QSettings). The data is computed off the GUI thread on a subsampled frame
/// (cg::computeScopes, latest request wins: a busy scope drops frames, it never holds up playback)
/// and then drawn.
class ScopesPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Waveform,
        RgbWaveform,
        Parade,
        Vectorscope,
        Histogram
    };
    Q_ENUM(Kind)
    static constexpr int kSlots = 4;

    explicit ScopesPanel(QWidget* parent = nullptr);

    /// Analyse `image` (the graded preview); replaces a request still waiting.
    void setImage(std::shared_ptr<const Image> image);
    void clear();

    bool hasData() const { return m_hasData; }
    const ScopeData& scopeData() const { return m_data; }
    bool isBusy() const { return m_task.isBusy(); }
    /// Frames analysed and shown since construction.
    qint64 updates() const { return m_updates; }
    /// GUI-thread time the last update took to draw (ms).
    double lastDrawMilliseconds() const { return m_drawMs; }

    /// 1, 2 or 4 scopes at once.
    int slotCount() const { return m_slotCount; }
    void setSlotCount(int count);
    Kind slotKind(int slot) const { return m_kinds[size_t(slot)]; }
    void setSlotKind(int slot, Kind kind);
    /// The scope widget shown in a slot, and the first visible scope of a kind (or null).
    ScopeView* slotScope(int slot) const { return m_scopes[size_t(slot)]; }
    ScopeView* scope(Kind kind) const;

    static QString kindName(Kind kind);
    /// Mean BT.709 luma (0..1) from the luma histogram's bin centres.
    static double meanLuma(const ScopeData& data);

signals:
    void updated();
    void idle();

private:
    void present(const ScopeData& data);
    void rebuildLayout();
    void saveChoice() const;
    ScopeView* makeScope(Kind kind);

    LatestOnlyTask m_task;
    ScopeOptions m_options;
    ScopeData m_data;
    bool m_hasData = false;
    qint64 m_updates = 0;
    double m_drawMs = 0.0;
    int m_slotCount = 4;
    std::array<Kind, kSlots> m_kinds{Kind::Waveform, Kind::Parade, Kind::Vectorscope, Kind::Histogram};
    std::array<ScopeView*, kSlots> m_scopes{};
    std::array<QComboBox*, kSlots> m_boxes{};
    std::array<QWidget*, kSlots> m_cells{};
    QGridLayout* m_grid;
    QButtonGroup* m_layoutButtons;
};

} // namespace cg
