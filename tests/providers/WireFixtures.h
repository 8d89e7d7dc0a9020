#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <utility>

// Access to tests/data/wire: bytes, manifest entries, chunk files and header files.
namespace WireFixtures {
QString path(const QString& file);
QByteArray read(const QString& file); // QFAIL-free: empty when missing, tests check isEmpty()
QJsonObject manifest(); // "files" object
QJsonObject expect(const QString& file);
QStringList filesWithSuffix(const QString& suffix);
// A *.chunks.json fixture: the network reads and the events expected from them.
QList<QByteArray> chunks(const QString& file);
QByteArray concatenated(const QString& file);
// A *.headers.txt fixture: status from the status line, headers with lower-case names.
struct Headers
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
};
Headers headers(const QString& file);
// json with 1-3 random edits (a byte replaced, inserted or removed, from a JSON-ish alphabet with
// non-ASCII and control bytes), for differential tests of the fast decoders.
QByteArray mutated(QByteArray json, QRandomGenerator& random);
inline constexpr char kMutationAlphabet[] = "{}[]\",:\\ 0-1e.nultrfa\xc3\xa9\x80u\x01\t";
// How many mutations a differential test tries and from which seed: SWITCHYARD_SCANNER_ROUNDS /
// _SEED run a longer soak by hand; the suite keeps it short.
int mutationRounds();
quint32 mutationSeed(quint32 fallback);
// Splits bytes into random pieces (1..maxPiece bytes), deterministic for a seed.
QList<QByteArray> randomSplit(const QByteArray& bytes, quint32 seed, int maxPiece);
} // namespace WireFixtures
