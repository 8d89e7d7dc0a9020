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

QByteArray JsonObjectEditor::result() const
{
    if (!m_valid) {
        return m_json;
    }
    const QByteArrayView json(m_json);
    QByteArray out;
    out.reserve(m_json.size() + 64);
    const qsizetype firstStart = m_members.isEmpty() ? m_close : m_members.first().start;
    out += json.first(firstStart);
    bool written = false;
    for (const Member& member : m_members) {
        if (member.removed) {
            continue;
        }
        if (written) {
            // The original comma and spacing, or a comma where the member before was removed.
            out += member.separator >= 0 ? json.sliced(member.separator, member.start - member.separator)
                                         : QByteArrayView(",");
        }
        written = true;
        if (member.newKey.isEmpty()) {
            out += json.sliced(member.start, member.valueStart - member.start);
        } else {
            JsonText::appendString(out, QByteArrayView(member.newKey));
            out += json.sliced(member.keyEnd, member.valueStart - member.keyEnd);
        }
        out += member.replaced ? QByteArrayView(member.newValue)
                               : json.sliced(member.valueStart, member.valueEnd - member.valueStart);
    }
    for (const auto& [key, value] : m_added) {
        out += written ? "," : "";
        written = true;
        JsonText::appendString(out, QByteArrayView(key));
        out += ':';
        out += value;
    }
    // The spacing before the closing brace, the brace and anything after it.
    out += json.sliced(m_members.isEmpty() ? m_close : m_members.last().valueEnd);
    return out;
}
