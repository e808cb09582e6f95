#include "ProjectEditCommand.h"

#include "ProjectSession.h"

namespace cg {

ProjectEditCommand::ProjectEditCommand(ProjectSession* session, Project before, int clipBefore, Project after,
                                       int clipAfter, const QString& text)
    : QUndoCommand(text), m_session(session), m_before(std::move(before)), m_after(std::move(after)),
      m_clipBefore(clipBefore), m_clipAfter(clipAfter)
{
}

void ProjectEditCommand::undo()
{
    m_session->applyProject(m_before, m_clipBefore);
}

void ProjectEditCommand::redo()
{
    m_session->applyProject(m_after, m_clipAfter);
}

} // namespace cg
