#pragma once

#include <QIcon>
#include <QString>

// Line icons from resources/icons/*.svg, drawn in the palette's text colour at whatever size and
// device pixel ratio they are asked for, so they stay crisp on high-DPI screens and follow a
// light or dark palette.
namespace Icons {
QIcon icon(const QString& name);
// The same icon in a fixed colour (status marks).
QIcon icon(const QString& name, const QColor& color);
} // namespace Icons
