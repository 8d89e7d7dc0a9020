#include "ui/common/FileDialogs.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Where the file pickers open: the Documents folder at first (never the process's working
// directory), then wherever the user last picked a file.
class tst_FileDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void firstPicker_opensInDocuments_notTheWorkingDirectory();
    void nextPicker_opensWhereTheLastFileWasPicked_data();
    void nextPicker_opensWhereTheLastFileWasPicked();
};

void tst_FileDialogs::firstPicker_opensInDocuments_notTheWorkingDirectory()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QDir().mkpath(documents);
    QCOMPARE(FileDialogs::startDirectory(), documents);
    QVERIFY(FileDialogs::startDirectory() != QDir::currentPath());
    QCOMPARE(FileDialogs::suggestedPath(QStringLiteral("requests.csv")), QDir(documents).filePath("requests.csv"));
    QCOMPARE(FileDialogs::suggestedPath(QStringLiteral("/tmp/own/place.csv")), QStringLiteral("/tmp/own/place.csv"));
}

void tst_FileDialogs::nextPicker_opensWhereTheLastFileWasPicked_data()
{
    QTest::addColumn<bool>("save");
    QTest::newRow("after a file was saved") << true;
    QTest::newRow("after a file was opened") << false;
}

void tst_FileDialogs::nextPicker_opensWhereTheLastFileWasPicked()
{
    QFETCH(bool, save);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString picked = QDir(folder.path()).filePath(QStringLiteral("config.yaml"));
    if (save) {
        FileDialogs::setNextSaveFileName(picked);
        QCOMPARE(FileDialogs::saveFileName(nullptr, {}, QStringLiteral("config.yaml"), {}), picked);
    } else {
        FileDialogs::setNextOpenFileName(picked);
        QCOMPARE(FileDialogs::openFileName(nullptr, {}, {}, {}), picked);
    }
    QCOMPARE(FileDialogs::startDirectory(), folder.path());
    QCOMPARE(FileDialogs::suggestedPath(QStringLiteral("votes.csv")), QDir(folder.path()).filePath("votes.csv"));
    // A cancelled picker (an empty answer) keeps the place.
    FileDialogs::setNextOpenFileName(QString());
    QVERIFY(FileDialogs::openFileName(nullptr, {}, {}, {}).isEmpty());
    QCOMPARE(FileDialogs::startDirectory(), folder.path());
}

QTEST_MAIN(tst_FileDialogs)
#include "tst_FileDialogs.moc"
