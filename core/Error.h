#pragma once

#include <QString>
#include <stdexcept>

namespace cg {

/// An error the user can act on: bad input file, bad option, unreadable media.
/// The command line maps it to exit code 2; the GUI shows `what()` in a message box.
class InputError : public std::runtime_error
{
public:
    explicit InputError(const QString& message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace cg
