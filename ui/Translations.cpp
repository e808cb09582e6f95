#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cg::Translations {

bool install(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;

    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto* own = new QTranslator(&app);
    // QTranslator::load(QLocale, ...) tries the locale's UI languages in order (de_DE, de, ...).
    if (own->load(locale, QStringLiteral("cinegrade"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

QStringList available()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("cinegrade_*.qm")});
    for (const QString& file : files)
        languages << file.mid(10, file.size() - 13);
    return languages;
}

} // namespace cg::Translations
