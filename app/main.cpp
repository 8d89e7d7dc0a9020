#include "MainWindow.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Switchyard"));
    QApplication::setOrganizationName(QStringLiteral("Switchyard"));
    MainWindow window;
    window.show();
    return app.exec();
}
