#include "core/common/RequestId.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>
#include <cstring>

QString RequestIds::create()
{
    return create(QDateTime::currentMSecsSinceEpoch());
}

QString RequestIds::create(qint64 unixMs)
{
    std::array<quint32, 4> random {};
    QRandomGenerator::global()->fillRange(random.data(), random.size());
    std::array<char, 16> bytes {};
    std::memcpy(bytes.data(), random.data(), bytes.size());
    for (int i = 0; i < 6; ++i) {
        bytes[size_t(i)] = char((quint64(unixMs) >> (40 - 8 * i)) & 0xff);
    }
    bytes[6] = char(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = char(0x80 | (bytes[8] & 0x3f)); // variant 10
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size()))).toString(QUuid::WithoutBraces);
}
