#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>

// A strict reader of the Prometheus text format for the tests: every line must be a HELP, a TYPE
// or a sample with well-formed, escaped labels; anything else makes ok false.
struct MetricsText
{
    struct Sample
    {
        QString name;
        QMap<QString, QString> labels;
        double value = 0;
    };
    QList<Sample> samples;
    QHash<QString, QString> types; // metric family -> counter, gauge, histogram
    QHash<QString, QString> help;
    bool ok = true;
    QString problem;

    static MetricsText parse(const QByteArray& text)
    {
        MetricsText out;
        if (!text.isEmpty() && !text.endsWith('\n')) {
            out.fail(QStringLiteral("last line lacks its line feed"));
        }
        static const QRegularExpression meta(QStringLiteral("^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$"));
        static const QRegularExpression line(
            QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? ([-+0-9.eE]+|NaN|\\+Inf|-Inf)$"));
        for (const QByteArray& raw : text.split('\n')) {
            if (raw.isEmpty()) {
                continue;
            }
            const QString row = QString::fromUtf8(raw);
            if (const QRegularExpressionMatch m = meta.match(row); m.hasMatch()) {
                (m.captured(1) == QLatin1String("TYPE") ? out.types : out.help).insert(m.captured(2), m.captured(3));
                continue;
            }
            const QRegularExpressionMatch m = line.match(row);
            if (!m.hasMatch()) {
                out.fail(QStringLiteral("not a sample: ") + row);
                continue;
            }
            Sample sample;
            sample.name = m.captured(1);
            sample.value = m.captured(4) == QLatin1String("+Inf") ? qInf() : m.captured(4).toDouble();
            if (!parseLabels(m.captured(3), &sample.labels)) {
                out.fail(QStringLiteral("bad labels: ") + row);
            }
            out.samples.append(sample);
        }
        return out;
    }

    // Sum of a metric's samples whose labels include all of `match`.
    double sum(const QString& name, const QMap<QString, QString>& match = {}) const
    {
        double total = 0;
        for (const Sample& sample : samples) {
            if (sample.name != name) {
                continue;
            }
            bool all = true;
            for (auto it = match.cbegin(); it != match.cend(); ++it) {
                all = all && sample.labels.value(it.key()) == it.value();
            }
            if (all) {
                total += sample.value;
            }
        }
        return total;
    }

private:
    void fail(const QString& why)
    {
        ok = false;
        if (problem.isEmpty()) {
            problem = why;
        }
    }

    // name="value",... with \\, \" and \n escapes; the closing quote ends a value.
    static bool parseLabels(const QString& text, QMap<QString, QString>* labels)
    {
        qsizetype i = 0;
        static const QRegularExpression name(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*"));
        while (i < text.size()) {
            const QRegularExpressionMatch m = name.match(text.mid(i));
            if (!m.hasMatch()) {
                return false;
            }
            const QString key = m.captured();
            i += key.size();
            if (text.mid(i, 2) != QLatin1String("=\"")) {
                return false;
            }
            i += 2;
            QString value;
            bool closed = false;
            while (i < text.size()) {
                const QChar c = text[i++];
                if (c == QLatin1Char('\\')) {
                    if (i >= text.size()) {
                        return false;
                    }
                    const QChar e = text[i++];
                    if (e == QLatin1Char('n')) {
                        value += QLatin1Char('\n');
                    } else if (e == QLatin1Char('\\') || e == QLatin1Char('"')) {
                        value += e;
                    } else {
                        return false;
                    }
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else if (c == QLatin1Char('\n')) {
                    return false;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                return false;
            }
            labels->insert(key, value);
            if (i < text.size()) {
                if (text[i] != QLatin1Char(',')) {
                    return false;
                }
                ++i;
            }
        }
        return true;
    }
};
