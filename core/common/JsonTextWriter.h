#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <memory>

// A JSON text built by many small appends (the ledger's spill and crash-journal rows, two per
// gateway request): a plain buffer whose appends are inline pointer moves, where QByteArray's and
// std::string's out-of-line appends cost more than the row's content. Strings are escaped as
// JsonText does it; the caller writes the structure.
class JsonTextWriter final
{
public:
    explicit JsonTextWriter(qsizetype capacity = 2048);

    // Raw JSON text (structure, keys already quoted, numbers).
    void raw(QByteArrayView text)
    {
        room(text.size());
        std::memcpy(m_at, text.data(), size_t(text.size()));
        m_at += text.size();
    }
    template <size_t N>
    void raw(const char (&literal)[N])
    {
        raw(QByteArrayView(literal, qsizetype(N - 1)));
    }
    void raw(char c)
    {
        room(1);
        *m_at++ = c;
    }
    // "key": with the key written as it is (keys here are known identifiers).
    void key(const char* name);
    // A quoted, escaped string.
    void string(const QString& text);
    void string(QByteArrayView utf8);
    void number(qint64 value);
    void number(double value); // the shortest form that reads back the same; null when not finite
    // The last character written, replaced (closing an object or array over a trailing comma).
    char& back() { return m_at[-1]; }
    bool endsWith(char c) const { return m_at > m_data.get() && m_at[-1] == c; }

    qsizetype size() const { return m_at - m_data.get(); }
    QByteArrayView text() const { return QByteArrayView(m_data.get(), size()); }

private:
    void room(qsizetype more)
    {
        if (m_end - m_at < more) {
            grow(more);
        }
    }
    void grow(qsizetype more);

    std::unique_ptr<char[]> m_data;
    char* m_at = nullptr;
    char* m_end = nullptr;
};
