#include "core/workbench/WordDiff.h"

#include <QHash>
#include <QRegularExpression>

#include <vector>

namespace WordDiff {

namespace {
// Above this many cells (words x words) the middle part is shown as replaced rather than diffed,
// so a pathological pair of long answers cannot freeze the window.
constexpr qint64 MaxCells = 16'000'000;

void push(QList<Segment>& segments, Kind kind, const QString& text)
{
    if (text.isEmpty()) {
        return;
    }
    if (!segments.isEmpty() && segments.last().kind == kind) {
        segments.last().text += text;
    } else {
        segments.append({ kind, text });
    }
}

// Words compared as ids of their trimmed text, so the LCS inner loop compares integers.
QList<int> intern(const QStringList& words, QHash<QString, int>& ids)
{
    QList<int> result;
    result.reserve(words.size());
    for (const auto& word : words) {
        const QString key = word.trimmed();
        auto it = ids.find(key);
        if (it == ids.end()) {
            it = ids.insert(key, int(ids.size()));
        }
        result.append(*it);
    }
    return result;
}
} // namespace

QStringList words(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("\\S+\\s*|\\s+"));
    QStringList result;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        result.append(it.next().captured());
    }
    return result;
}

QList<Segment> compare(const QString& left, const QString& right)
{
    const QStringList a = words(left);
    const QStringList b = words(right);
    QHash<QString, int> ids;
    const QList<int> ia = intern(a, ids);
    const QList<int> ib = intern(b, ids);
    auto same = [&](qsizetype i, qsizetype j) { return ia[i] == ib[j]; };
    QList<Segment> segments;

    // Common prefix and suffix first: answers often share their opening and closing lines.
    qsizetype start = 0;
    while (start < a.size() && start < b.size() && same(start, start)) {
        push(segments, Kind::Same, b[start]);
        ++start;
    }
    qsizetype endA = a.size();
    qsizetype endB = b.size();
    while (endA > start && endB > start && same(endA - 1, endB - 1)) {
        --endA;
        --endB;
    }

    const qsizetype n = endA - start;
    const qsizetype m = endB - start;
    if (n * m > MaxCells) {
        for (qsizetype i = start; i < endA; ++i) {
            push(segments, Kind::Removed, a[i]);
        }
        for (qsizetype j = start; j < endB; ++j) {
            push(segments, Kind::Added, b[j]);
        }
    } else if (n > 0 || m > 0) {
        // lcs[i][j] = LCS length of a[start+i..] and b[start+j..]
        std::vector<quint32> lcs(size_t((n + 1) * (m + 1)), 0);
        auto at = [&](qsizetype i, qsizetype j) -> quint32& { return lcs[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                at(i, j) = same(start + i, start + j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n && j < m) {
            if (same(start + i, start + j)) {
                push(segments, Kind::Same, b[start + j]);
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                push(segments, Kind::Removed, a[start + i++]);
            } else {
                push(segments, Kind::Added, b[start + j++]);
            }
        }
        for (; i < n; ++i) {
            push(segments, Kind::Removed, a[start + i]);
        }
        for (; j < m; ++j) {
            push(segments, Kind::Added, b[start + j]);
        }
    }
    for (qsizetype j = endB; j < b.size(); ++j) {
        push(segments, Kind::Same, b[j]);
    }
    return segments;
}

double similarity(const QList<Segment>& segments)
{
    qsizetype same = 0;
    qsizetype total = 0;
    for (const auto& segment : segments) {
        const qsizetype count = words(segment.text).size();
        total += count;
        if (segment.kind == Kind::Same) {
            same += 2 * count;
            total += count;
        }
    }
    return total == 0 ? 1.0 : double(same) / double(total);
}

QString toHtml(const QList<Segment>& segments)
{
    QString html;
    for (const auto& segment : segments) {
        QString text = segment.text.toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (segment.kind) {
        case Kind::Same:
            html += text;
            break;
        case Kind::Removed:
            html += QStringLiteral("<del>") + text + QStringLiteral("</del>");
            break;
        case Kind::Added:
            html += QStringLiteral("<ins>") + text + QStringLiteral("</ins>");
            break;
        }
    }
    return html;
}

} // namespace WordDiff
