#pragma once

#include "core/providers/BodyPieces.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Targeted edits to the top-level members of a JSON object text: replace a value, rename or
// remove a member, add one at the end. Everything not edited stays byte for byte as it was, so a
// client's body can go upstream with only the model name changed and nothing re-serialised.
// One strict pass over the members (JsonCursor); values are stepped over, not parsed.
class JsonObjectEditor final
{
public:
    explicit JsonObjectEditor(const QByteArray& json);

    // False when the text is not one JSON object (edits then do nothing and result() is the input).
    bool isValid() const { return m_valid; }
    bool has(QByteArrayView key) const;
    // The raw text of the member's value (the last one of that name), empty when absent.
    QByteArrayView value(QByteArrayView key) const;

    // Every member of that name gets the value (raw JSON text); added at the end when absent.
    void set(QByteArrayView key, const QByteArray& rawValue);
    void remove(QByteArrayView key);
    void rename(QByteArrayView key, QByteArrayView newKey);

    QByteArray result() const;
    // The same text as pieces of the input and the edits, not joined (see BodyPieces) when the
    // input is at least BodyPieces::kSpliceFrom long: a large body is never copied whole.
    BodyPieces body() const;

private:
    template <typename Sink>
    void write(Sink& sink) const;

    struct Member
    {
        QByteArray key; // decoded when escaped
        qsizetype start = 0; // the key's opening quote
        qsizetype keyEnd = 0; // after its closing quote
        qsizetype valueStart = 0;
        qsizetype valueEnd = 0;
        qsizetype separator = -1; // the comma before it, -1 for the first member
        bool removed = false;
        QByteArray newKey; // set when renamed
        QByteArray newValue; // set when replaced
        bool replaced = false;
    };

    QByteArray m_json;
    QList<Member> m_members;
    QList<std::pair<QByteArray, QByteArray>> m_added;
    qsizetype m_open = 0; // after the opening brace
    qsizetype m_close = 0; // the closing brace
    bool m_valid = false;
};
