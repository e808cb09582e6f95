#pragma once

#include <QString>

class QCoreApplication;

namespace cg {

/// The user-interface language. Cinegrade's own catalogues are embedded as resources
/// (":/i18n/cinegrade_<lang>.qm"); Qt's own (standard buttons) are loaded from the system when present.
namespace Translations {

/// Install translators for `language` ("de", "de_DE", ...; empty = the system's UI languages).
/// Returns true when a Cinegrade catalogue was found for it; English needs none and returns true.
bool install(QCoreApplication& app, const QString& language = QString());

/// Languages with an embedded catalogue, plus "en".
QStringList available();

} // namespace Translations
} // namespace cg
