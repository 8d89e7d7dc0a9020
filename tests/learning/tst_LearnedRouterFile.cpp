#include "LearningFixtures.h"
#include "core/learning/LearnedRouter.h"
#include "core/learning/RouterTrainer.h"

#include <QCryptographicHash>
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
    void saveThenLoad_sameEstimatesAndModels_data();
    void saveThenLoad_sameEstimatesAndModels();
    void damagedFile_refusedWithItsReason_data();
    void damagedFile_refusedWithItsReason();
    void missingFile_tellsHowToTrain();
    void defaultFeatures_fileUnder20MB();

private:
    QTemporaryDir m_dir;
    std::optional<LearnedRouter> m_linear;
    std::optional<LearnedRouter> m_boosted;
    QByteArray m_bytes; // the boosted router's
};

namespace {
// The bytes with their SHA-256 recomputed, as a file edited by hand would be.
QByteArray resealed(QByteArray bytes)
{
    bytes.chop(32);
    return bytes + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
} // namespace

void TestLearnedRouterFile::initTestCase()
{
    QString error;
    TrainingOptions linearOnly = LearningFixtures::quickOptions();
    linearOnly.boosting = false;
    m_linear = RouterTrainer(linearOnly).train(LearningFixtures::topicExamples(300, 11), nullptr, &error);
    QVERIFY2(m_linear, qPrintable(error));
    m_linear->setModels(QStringLiteral("small-model"), QStringLiteral("big-model"));
    // The n-grams as well as the shape: every part of the file has weights.
    TrainingOptions boosting = LearningFixtures::quickOptions();
    boosting.features.charWeight = 0;
    m_boosted = RouterTrainer(boosting).train(LearningFixtures::countingExamples(600, 11), nullptr, &error);
    QVERIFY2(m_boosted, qPrintable(error));
    QVERIFY(m_boosted->isBoosted());
    m_boosted->setModels(QStringLiteral("small-model"), QStringLiteral("big-model"));
    m_bytes = m_boosted->serialize();
}

void TestLearnedRouterFile::saveThenLoad_sameEstimatesAndModels_data()
{
    QTest::addColumn<bool>("boosted");
    QTest::addColumn<QStringList>("prompts");
    QStringList prompts;
    for (const TrainingExample& example : LearningFixtures::topicExamples(20, 12)) {
        prompts.append(example.prompt);
    }
    for (const TrainingExample& example : LearningFixtures::countingExamples(20, 12)) {
        prompts.append(example.prompt);
    }
    prompts.append(QStringLiteral("Which is NOT a prime?\nA. 2\nB. 3\nC. 9\nD. 11\nAnswer:"));
    prompts.append(QString());
    QTest::newRow("linear router, no trees") << false << prompts;
    QTest::newRow("boosted trees on three linear scores and the prompt's shape") << true << prompts;
}

void TestLearnedRouterFile::saveThenLoad_sameEstimatesAndModels()
{
    QFETCH(bool, boosted);
    QFETCH(QStringList, prompts);
    const LearnedRouter& router = boosted ? *m_boosted : *m_linear;
    const QString home = m_dir.filePath(boosted ? QStringLiteral("boosted") : QStringLiteral("linear"));
    const QString path = LearnedRouter::defaultPath(home);
    QString error;
    QVERIFY2(router.save(path, &error), qPrintable(error));
    QCOMPARE(QDir(home).entryList(QDir::Files),
             QStringList { QStringLiteral("router.model") }); // no temporary file left behind
    const auto loaded = LearnedRouter::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->isBoosted(), boosted);
    QCOMPARE(loaded->weakModel(), QStringLiteral("small-model"));
    QCOMPARE(loaded->strongModel(), QStringLiteral("big-model"));
    QCOMPARE(loaded->report(), router.report());
    for (const QString& prompt : prompts) {
        QCOMPARE(loaded->pStrong(prompt), router.pStrong(prompt));
    }
    QCOMPARE(loaded->serialize(), router.serialize());
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
    const quint32 three = qToLittleEndian(quint32(3));
    future.replace(8, 4, reinterpret_cast<const char*>(&three), 4);
    QTest::newRow("a newer format version")
        << future
        << "model format version 3 is not supported (this version of Switchyard reads version 2); train the "
           "router again";
    QByteArray linearOnly = m_linear->serialize();
    const quint32 one = qToLittleEndian(quint32(1));
    linearOnly.replace(8, 4, reinterpret_cast<const char*>(&one), 4);
    QTest::newRow("a version 1 file (the linear router of earlier versions)")
        << linearOnly
        << "model format version 1 is not supported (this version of Switchyard reads version 2); train the "
           "router again";
    const QByteArray width = QByteArrayLiteral("\"features\":") + QByteArray::number(LearnedRouter::kStackedCount);
    QVERIFY(m_bytes.contains(width));
    QByteArray narrower = m_bytes;
    narrower.replace(width, QByteArrayLiteral("\"features\":") + QByteArray::number(LearnedRouter::kStackedCount - 1));
    QTest::newRow("trees for another feature layout, checksum intact")
        << resealed(narrower) << "the model file is corrupt (unreadable trees)";
    const QByteArray nodeCount = QByteArrayLiteral("\"nodes\":");
    QByteArray moreNodes = m_bytes;
    QVERIFY(moreNodes.contains(nodeCount));
    moreNodes.insert(moreNodes.indexOf(nodeCount) + nodeCount.size(), '9'); // nine thousand more than stored
    const quint32 headerSize = qToLittleEndian(qFromLittleEndian<quint32>(moreNodes.constData() + 12) + 1);
    moreNodes.replace(12, 4, reinterpret_cast<const char*>(&headerSize), 4);
    QTest::newRow("more tree nodes announced than stored, checksum intact")
        << resealed(moreNodes) << "the model file is corrupt (weights do not match the features)";
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
