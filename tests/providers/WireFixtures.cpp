#include "WireFixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

QString WireFixtures::path(const QString& file)
{
    return QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire/") + file;
}

QByteArray WireFixtures::read(const QString& file)
{
    QFile in(path(file));
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    return in.readAll();
}

QJsonObject WireFixtures::manifest()
{
    static const QJsonObject files = QJsonDocument::fromJson(read(QStringLiteral("manifest.json")))
                                         .object()
                                         .value(QLatin1String("files"))
                                         .toObject();
    return files;
}

QJsonObject WireFixtures::expect(const QString& file)
{
    return manifest().value(file).toObject().value(QLatin1String("expect")).toObject();
}

QStringList WireFixtures::filesWithSuffix(const QString& suffix)
{
    QStringList names = QDir(path(QString())).entryList({ QLatin1Char('*') + suffix }, QDir::Files, QDir::Name);
    return names;
}

QList<QByteArray> WireFixtures::chunks(const QString& file)
{
    QList<QByteArray> result;
    const QJsonArray hex = QJsonDocument::fromJson(read(file)).object().value(QLatin1String("chunks_hex")).toArray();
    for (const QJsonValue& chunk : hex) {
        result.append(QByteArray::fromHex(chunk.toString().toLatin1()));
    }
    return result;
}

QByteArray WireFixtures::concatenated(const QString& file)
{
    QByteArray bytes;
    for (const QByteArray& chunk : chunks(file)) {
        bytes += chunk;
    }
    return bytes;
}

WireFixtures::Headers WireFixtures::headers(const QString& file)
{
    Headers result;
    for (const QByteArray& raw : read(file).split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        if (line.startsWith("HTTP/")) {
            const QList<QByteArray> parts = line.split(' ');
            result.status = parts.value(1).toInt();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            result.headers.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
        }
    }
    return result;
}

QList<QByteArray> WireFixtures::randomSplit(const QByteArray& bytes, quint32 seed, int maxPiece)
{
    QRandomGenerator random(seed);
    QList<QByteArray> pieces;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype length = qMin<qsizetype>(bytes.size() - pos, 1 + random.bounded(maxPiece));
        pieces.append(bytes.mid(pos, length));
        pos += length;
    }
    return pieces;
}

QByteArray WireFixtures::mutated(QByteArray json, QRandomGenerator& random)
{
    const int alphabetSize = int(sizeof kMutationAlphabet - 1);
    const int edits = 1 + random.bounded(3);
    for (int i = 0; i < edits && !json.isEmpty(); ++i) {
        const qsizetype at = random.bounded(json.size());
        const char c = kMutationAlphabet[random.bounded(alphabetSize)];
        switch (random.bounded(3)) {
        case 0:
            json[at] = c;
            break;
        case 1:
            json.insert(at, c);
            break;
        default:
            json.remove(at, 1);
        }
    }
    return json;
}

int WireFixtures::mutationRounds()
{
    return qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_ROUNDS") ?: 20000;
}

quint32 WireFixtures::mutationSeed(quint32 fallback)
{
    const int seed = qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_SEED");
    return seed ? quint32(seed) : fallback;
}
