#include "ui/settings/Appearance.h"

#include "ui/settings/ThemeStyle.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

namespace {

QString& systemStyleName()
{
    static QString name;
    return name;
}

QList<QPointer<QTranslator>>& installedTranslators()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

} // namespace

namespace Appearance {

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = fusion->standardPalette();
    palette.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
    return palette;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1f, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x35, 0x84, 0xe4);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window.darker(110));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x38, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x45));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x34));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x78, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x96, 0xff));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText }) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x55));
    return p;
}

void applyTheme(AppSettings::Theme theme)
{
    if (systemStyleName().isEmpty() && QApplication::style()) {
        systemStyleName() = QApplication::style()->name();
    }
    switch (theme) {
    case AppSettings::Theme::System:
        if (!systemStyleName().isEmpty()) {
            QApplication::setStyle(systemStyleName());
        }
        QApplication::setPalette(QPalette()); // nothing set: the platform's palette
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(new ThemeStyle);
        QApplication::setPalette(lightPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setStyle(new ThemeStyle);
        QApplication::setPalette(darkPalette());
        break;
    }
}

bool installLanguage(const QString& code)
{
    for (const QPointer<QTranslator>& translator : std::as_const(installedTranslators())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installedTranslators().clear();

    QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    // Numbers, dates and percentages follow the chosen language, as its texts do: German text
    // with "$0.00112" next to "1,47 s" read as two languages.
    QLocale::setDefault(locale);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto* translator = new QTranslator(QCoreApplication::instance());
    // English is the source language; its file holds only the plural forms of "%n ...(s)".
    const bool loaded = english
        ? translator->load(QStringLiteral("switchyard_en"), QStringLiteral(":/i18n"))
        : translator->load(locale, QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (!loaded) {
        delete translator;
        return english; // without the plural file English still reads, with "(s)"
    }
    QCoreApplication::installTranslator(translator);
    installedTranslators().append(translator);
    if (english) {
        return true;
    }
    auto* qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        installedTranslators().append(qtTranslator);
    } else {
        delete qtTranslator;
    }
    return true;
}

} // namespace Appearance
