#pragma once

#include <QList>
#include <QString>

// Word-level diff of two answers (longest common subsequence over words; whitespace travels with
// the word before it). Pure function, so its tests are tables.
namespace WordDiff {

enum class Kind
{
    Same,
    Removed, // only in the left answer
    Added, // only in the right answer
};

struct Segment
{
    Kind kind = Kind::Same;
    QString text;

    bool operator==(const Segment&) const = default;
};

// Adjacent segments of the same kind are merged.
QList<Segment> compare(const QString& left, const QString& right);
// Splits text into words, each with its trailing whitespace.
QStringList words(const QString& text);
// Share of words the two texts have in common, 0..1.
double similarity(const QList<Segment>& segments);
// HTML body fragment: <del> for removed, <ins> for added, text escaped, line breaks kept.
QString toHtml(const QList<Segment>& segments);

} // namespace WordDiff
