#pragma once

#include "core/settings/AppSettings.h"

#include <QPalette>
#include <QString>

// Applies the appearance settings to the running application: the theme as a palette (Fusion
// for light and dark, so every platform style looks the same; the platform's own style and
// palette for "system"), and the language as installed translators.
namespace Appearance {

void applyTheme(AppSettings::Theme theme);
QPalette lightPalette();
QPalette darkPalette();

// Installs Switchyard's and Qt's translations for a language code ("de"); an empty code means the
// system's language. Replaces what an earlier call installed. False when Switchyard has no
// translation for it (English, the source language, needs none and returns true).
bool installLanguage(const QString& code);

} // namespace Appearance
