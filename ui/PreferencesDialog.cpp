#include "PreferencesDialog.h"

#include "Autosave.h"
#include "Suggestions.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace cg {

QString PreferencesDialog::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

int PreferencesDialog::autosaveIntervalSeconds()
{
    return QSettings()
        .value(QStringLiteral("autosave/intervalSeconds"), Autosave::kDefaultIntervalSeconds)
        .toInt();
}

bool PreferencesDialog::adaptivePlaybackResolution()
{
    return QSettings().value(QStringLiteral("playback/adaptiveResolution"), true).toBool();
}

double PreferencesDialog::suggestionMinConfidence()
{
    const double stored = QSettings()
                              .value(QStringLiteral("suggestions/minConfidence"), Suggestions::kMinConfidence)
                              .toDouble();
    // Only the two offered gates; anything else (an edited settings file) is the careful default.
    return stored == kBolderMinConfidence ? kBolderMinConfidence : Suggestions::kMinConfidence;
}

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    for (const QString& code : Translations::available()) {
        const QLocale locale(code);
        // Each language in its own name, so that anyone can find theirs.
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_language->addItem(name.isEmpty() ? code : name, code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(language())));
    auto* languageNote = new QLabel(tr("The language changes when Cinegrade starts the next time."), this);
    languageNote->setObjectName(QStringLiteral("hint"));
    languageNote->setWordWrap(true);

    m_autosave = new QSpinBox(this);
    m_autosave->setObjectName(QStringLiteral("autosaveBox"));
    m_autosave->setRange(1, 600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setValue(autosaveIntervalSeconds());
    m_autosave->setToolTip(tr("Unsaved changes are written to a recovery file this often"));

    m_adaptive = new QCheckBox(tr("Lower the preview resolution when playback cannot keep up"), this);
    m_adaptive->setObjectName(QStringLiteral("adaptiveBox"));
    m_adaptive->setChecked(adaptivePlaybackResolution());

    m_suggestions = new QComboBox(this);
    m_suggestions->setObjectName(QStringLiteral("suggestionsBox"));
    m_suggestions->addItem(tr("Careful: only findings the classifier is sure of"),
                           Suggestions::kMinConfidence);
    m_suggestions->addItem(tr("Bolder: corrects more, and is wrong more often"), kBolderMinConfidence);
    m_suggestions->setCurrentIndex(std::max(0, m_suggestions->findData(suggestionMinConfidence())));
    m_suggestions->setToolTip(tr("Careful lists a finding from %1 % confidence on, bolder from %2 %. Bolder "
                                 "suggests nearly twice as many changes, and more of them are wrong")
                                  .arg(std::lround(Suggestions::kMinConfidence * 100))
                                  .arg(std::lround(kBolderMinConfidence * 100)));

    auto* resetLayout = new QPushButton(tr("Restore Default Panel Layout"), this);
    resetLayout->setObjectName(QStringLiteral("resetLayoutButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), languageNote);
    form->addRow(tr("Autosave every"), m_autosave);
    form->addRow(tr("Playback"), m_adaptive);
    form->addRow(tr("Suggestions"), m_suggestions);
    form->addRow(tr("Panels"), resetLayout);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(resetLayout, &QPushButton::clicked, this, &PreferencesDialog::resetLayoutRequested);
}

void PreferencesDialog::apply()
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    settings.setValue(QStringLiteral("autosave/intervalSeconds"), m_autosave->value());
    settings.setValue(QStringLiteral("playback/adaptiveResolution"), m_adaptive->isChecked());
    settings.setValue(QStringLiteral("suggestions/minConfidence"), m_suggestions->currentData().toDouble());
    emit applied();
}

} // namespace cg
