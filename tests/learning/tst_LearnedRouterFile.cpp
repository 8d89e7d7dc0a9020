#include "LearningFixtures.h"
#include "core/learning/LearnedRouter.h"
#include "core/learning/RouterTrainer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

// router.model: versioned, checksummed, saved atomically; refused with its reason otherwise.
class TestLearnedRouterFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void saveThenLoad_sameEstimatesAndModels();
    void damagedFile_refusedWithItsReason_data();
    void damagedFile_refusedWithItsReason();
    void missingFile_tellsHowToTrain();
    void defaultFeatures_fileUnder20MB();

private:
    QTemporaryDir m_dir;
    std::optional<LearnedRouter> m_router;
    QByteArray m_bytes;
};

void TestLearnedRouterFile::initTestCase()
{
    QString error;
    m_router = RouterTrainer(LearningFixtures::quickOptions())
                   .train(LearningFixtures::topicExamples(300, 11), nullptr, &error);
    QVERIFY2(m_router, qPrintable(error));
    m_router->setModels(QStringLiteral("small-model"), QStringLiteral("big-model"));
    m_bytes = m_router->serialize();
}

void TestLearnedRouterFile::saveThenLoad_sameEstimatesAndModels()
{
    const QString path = LearnedRouter::defaultPath(m_dir.filePath(QStringLiteral("home")));
    QString error;
    QVERIFY2(m_router->save(path, &error), qPrintable(error));
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("home"))).entryList(QDir::Files),
             QStringList { QStringLiteral("router.model") }); // no temporary file left behind
    const auto loaded = LearnedRouter::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->weakModel(), QStringLiteral("small-model"));
    QCOMPARE(loaded->strongModel(), QStringLiteral("big-model"));
    QCOMPARE(loaded->report(), m_router->report());
    for (const TrainingExample& example : LearningFixtures::topicExamples(30, 12)) {
        QCOMPARE(loaded->pStrong(example.prompt), m_router->pStrong(example.prompt));
    }
    QCOMPARE(loaded->serialize(), m_bytes);
}

void TestLearnedRouterFile::damagedFile_refusedWithItsReason_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    QByteArray flipped = m_bytes;
    flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x40);
    QTest::newRow("a weight byte flipped") << flipped << "the model file is corrupt (checksum mismatch)";
    QTest::newRow("cut short") << m_bytes.left(m_bytes.size() - 1000)
                               << "the model file is corrupt (checksum mismatch)";
    QTest::newRow("only the magic and version") << m_bytes.left(12) << "the model file is corrupt (too short)";
    QByteArray future = m_bytes;
    const quint32 two = qToLittleEndian(quint32(2));
    future.replace(8, 4, reinterpret_cast<const char*>(&two), 4);
    QTest::newRow("a newer format version")
        << future
        << "model format version 2 is not supported (this version of Switchyard reads version 1); train the "
           "router again";
    QTest::newRow("not a model at all") << QByteArray("{\"weights\": []}") << "not a Switchyard router model";
    QTest::newRow("empty file") << QByteArray() << "not a Switchyard router model";
}

void TestLearnedRouterFile::damagedFile_refusedWithItsReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(QStringLiteral("damaged.model"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    QString error;
    QVERIFY(!LearnedRouter::load(path, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + reason);
}

void TestLearnedRouterFile::missingFile_tellsHowToTrain()
{
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("absent/router.model"));
    QVERIFY(!LearnedRouter::load(path, &error));
    QCOMPARE(error, QStringLiteral("no trained router at %1; run `switchyard router train FILE.jsonl`").arg(path));
}

void TestLearnedRouterFile::defaultFeatures_fileUnder20MB()
{
    TrainingOptions options; // the features `router train` uses
    options.folds = 2;
    options.lambdas = { 1e-3 };
    options.labelModes = { LabelMode::ScoreGap };
    QString error;
    const auto router = RouterTrainer(options).train(LearningFixtures::topicExamples(100, 13), nullptr, &error);
    QVERIFY2(router, qPrintable(error));
    QVERIFY(router->serialize().size() < 20 * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestLearnedRouterFile)
#include "tst_LearnedRouterFile.moc"
