#include "core/providers/JsonObjectEditor.h"

#include "core/common/JsonText.h"
#include "core/providers/JsonCursor.h"

JsonObjectEditor::JsonObjectEditor(const QByteArray& json)
    : m_json(json)
{
    JsonCursor cursor(m_json);
    const char* const base = m_json.constData();
    cursor.skipSpace();
    if (!cursor.consume('{')) {
        return;
    }
    m_open = cursor.position() - base;
    cursor.skipSpace();
    if (!cursor.consume('}')) {
        qsizetype separator = -1;
        while (true) {
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() != '"') {
                return;
            }
            Member member;
            member.start = cursor.position() - base;
            member.separator = separator;
            QByteArrayView raw;
            if (cursor.plainString(&raw)) {
                member.key = raw.toByteArray();
            } else {
                // An escaped key: decoded, so that "mod\u0065l" is still the model.
                cursor.seek(base + member.start);
                QString decoded;
                if (!cursor.string(&decoded)) {
                    return;
                }
                member.key = decoded.toUtf8();
            }
            member.keyEnd = cursor.position() - base;
            cursor.skipSpace();
            if (!cursor.consume(':')) {
                return;
            }
            cursor.skipSpace();
            member.valueStart = cursor.position() - base;
            if (!cursor.skipValue(1)) {
                return;
            }
            member.valueEnd = cursor.position() - base;
            m_members.append(member);
            cursor.skipSpace();
            if (cursor.atEnd()) {
                return;
            }
            if (cursor.peek() == ',') {
                separator = cursor.position() - base;
                cursor.consume(',');
                continue;
            }
            if (!cursor.consume('}')) {
                return;
            }
            break;
        }
    }
    m_close = cursor.position() - base - 1;
    cursor.skipSpace();
    m_valid = cursor.atEnd();
    if (!m_valid) {
        m_members.clear();
    }
}

bool JsonObjectEditor::has(QByteArrayView key) const
{
    for (const Member& member : m_members) {
        if (member.key == key && !member.removed) {
            return true;
        }
    }
    return false;
}

QByteArrayView JsonObjectEditor::value(QByteArrayView key) const
{
    for (auto it = m_members.crbegin(); it != m_members.crend(); ++it) {
        if (it->key == key && !it->removed) {
            return it->replaced ? QByteArrayView(it->newValue)
                                : QByteArrayView(m_json).sliced(it->valueStart, it->valueEnd - it->valueStart);
        }
    }
    return {};
}

void JsonObjectEditor::set(QByteArrayView key, const QByteArray& rawValue)
{
    if (!m_valid) {
        return;
    }
    bool found = false;
    for (Member& member : m_members) {
        if (member.key == key && !member.removed) {
            member.newValue = rawValue;
            member.replaced = true;
            found = true;
        }
    }
    if (!found) {
        m_added.append({ key.toByteArray(), rawValue });
    }
}

void JsonObjectEditor::remove(QByteArrayView key)
{
    for (Member& member : m_members) {
        if (member.key == key) {
            member.removed = true;
        }
    }
}

void JsonObjectEditor::rename(QByteArrayView key, QByteArrayView newKey)
{
    for (Member& member : m_members) {
        if (member.key == key && !member.removed) {
            member.newKey = newKey.toByteArray();
        }
    }
}

namespace {
QByteArray quoted(QByteArrayView key)
{
    QByteArray out;
    JsonText::appendString(out, key);
    return out;
}

// Where write() puts the text: one QByteArray, or pieces over the input.
struct JoinedSink
{
    QByteArray& out;
    QByteArrayView json;
    void source(qsizetype from, qsizetype length) { out += json.sliced(from, length); }
    void bytes(QByteArrayView bytes) { out += bytes; }
};

struct PieceSink
{
    BodyPieces& out;
    void source(qsizetype from, qsizetype length) { out.appendSource(from, length); }
    void bytes(QByteArrayView bytes) { out.appendBytes(bytes); }
};
} // namespace

template <typename Sink>
void JsonObjectEditor::write(Sink& sink) const
{
    const qsizetype firstStart = m_members.isEmpty() ? m_close : m_members.first().start;
    sink.source(0, firstStart);
    bool written = false;
    for (const Member& member : m_members) {
        if (member.removed) {
            continue;
        }
        if (written) {
            // The original comma and spacing, or a comma where the member before was removed.
            if (member.separator >= 0) {
                sink.source(member.separator, member.start - member.separator);
            } else {
                sink.bytes(",");
            }
        }
        written = true;
        if (member.newKey.isEmpty()) {
            sink.source(member.start, member.valueStart - member.start);
        } else {
            sink.bytes(quoted(member.newKey));
            sink.source(member.keyEnd, member.valueStart - member.keyEnd);
        }
        if (member.replaced) {
            sink.bytes(member.newValue);
        } else {
            sink.source(member.valueStart, member.valueEnd - member.valueStart);
        }
    }
    for (const auto& [key, value] : m_added) {
        if (written) {
            sink.bytes(",");
        }
        written = true;
        sink.bytes(quoted(key) + ':' + value);
    }
    // The spacing before the closing brace, the brace and anything after it.
    const qsizetype tail = m_members.isEmpty() ? m_close : m_members.last().valueEnd;
    sink.source(tail, m_json.size() - tail);
}

QByteArray JsonObjectEditor::result() const
{
    if (!m_valid) {
        return m_json;
    }
    QByteArray out;
    out.reserve(m_json.size() + 64);
    JoinedSink sink { out, QByteArrayView(m_json) };
    write(sink);
    return out;
}

BodyPieces JsonObjectEditor::body() const
{
    if (!m_valid || m_json.size() < BodyPieces::kSpliceFrom) {
        return result();
    }
    BodyPieces pieces = BodyPieces::over(m_json);
    PieceSink sink { pieces };
    write(sink);
    return pieces;
}
