#include "GradeCommand.h"

#include "ProjectSession.h"

#include <limits>

namespace cg {

GradeCommand::GradeCommand(ProjectSession* session, int clipIndex, Grade before, Grade after,
                           const QString& text, int mergeKey)
    : QUndoCommand(text), m_session(session), m_clipIndex(clipIndex), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeKey(mergeKey)
{
}

void GradeCommand::undo()
{
    m_session->applyGrade(m_clipIndex, m_before);
}

void GradeCommand::redo()
{
    m_session->applyGrade(m_clipIndex, m_after);
}

bool GradeCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const GradeCommand*>(other);
    if (m_mergeKey < 0 || next->m_mergeKey != m_mergeKey || next->m_clipIndex != m_clipIndex)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace cg

namespace cg {

int GradeCommand::newMergeKey()
{
    static int key = 0;
    key = key == std::numeric_limits<int>::max() ? 0 : key + 1;
    return key;
}

} // namespace cg
