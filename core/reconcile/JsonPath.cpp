#include "core/reconcile/JsonPath.h"

namespace {
// A forward scanner over well-formed JSON (the document has parsed already), enough to skip
// values and read member names.
class Scanner
{
public:
    explicit Scanner(const QByteArray& json)
        : m_json(json)
    {
    }

    qsizetype pos = 0;

    void skipSpace()
    {
        while (pos < m_json.size()
               && (m_json[pos] == ' ' || m_json[pos] == '\n' || m_json[pos] == '\r' || m_json[pos] == '\t')) {
            ++pos;
        }
    }
    char peek()
    {
        skipSpace();
        return pos < m_json.size() ? m_json[pos] : '\0';
    }
    QString readString()
    {
        const qsizetype start = ++pos; // after the opening quote
        while (pos < m_json.size() && m_json[pos] != '"') {
            pos += m_json[pos] == '\\' ? 2 : 1;
        }
        const QByteArray raw = m_json.mid(start, pos - start);
        ++pos;
        // Member names here are plain ASCII; escapes are compared as written.
        return QString::fromUtf8(raw);
    }
    void skipValue()
    {
        const char c = peek();
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++pos;
            while (peek() != close && pos < m_json.size()) {
                if (c == '{') {
                    readString();
                    peek();
                    ++pos; // ':'
                }
                skipValue();
                if (peek() == ',') {
                    ++pos;
                }
            }
            ++pos;
        } else {
            while (pos < m_json.size() && !QByteArrayView(",}] \n\r\t").contains(m_json[pos])) {
                ++pos;
            }
        }
    }

private:
    const QByteArray& m_json;
};
} // namespace

JsonPath JsonPath::key(const QString& name) const
{
    JsonPath path = *this;
    path.m_parts << name;
    return path;
}

JsonPath JsonPath::index(qsizetype i) const
{
    JsonPath path = *this;
    path.m_parts << i;
    return path;
}

QString JsonPath::text() const
{
    QString out;
    for (const auto& part : m_parts) {
        if (const QString* name = std::get_if<QString>(&part)) {
            if (!out.isEmpty()) {
                out += u'.';
            }
            out += *name;
        } else {
            out += QStringLiteral("[%1]").arg(std::get<qsizetype>(part));
        }
    }
    return out;
}

TextPosition JsonPath::locate(const QByteArray& json) const
{
    Scanner scanner(json);
    scanner.skipSpace();
    qsizetype found = scanner.pos;
    for (const auto& part : m_parts) {
        const char open = scanner.peek();
        bool hit = false;
        if (const QString* name = std::get_if<QString>(&part); name && open == '{') {
            ++scanner.pos;
            while (scanner.peek() == '"') {
                const QString member = scanner.readString();
                scanner.peek();
                ++scanner.pos; // ':'
                if (member == *name) {
                    hit = true;
                    break;
                }
                scanner.skipValue();
                if (scanner.peek() == ',') {
                    ++scanner.pos;
                }
            }
        } else if (const qsizetype* i = std::get_if<qsizetype>(&part); i && open == '[') {
            ++scanner.pos;
            qsizetype n = 0;
            while (scanner.peek() != ']' && scanner.pos < json.size()) {
                if (n == *i) {
                    hit = true;
                    break;
                }
                scanner.skipValue();
                if (scanner.peek() == ',') {
                    ++scanner.pos;
                }
                ++n;
            }
        }
        if (!hit) {
            break;
        }
        scanner.skipSpace();
        found = scanner.pos;
    }
    return TextPosition::at(json, found);
}
