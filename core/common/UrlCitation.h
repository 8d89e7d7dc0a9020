#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

// A web source an answer cites, in the one form every client API is written from: OpenAI Chat
// Completions' annotation {"type": "url_citation", "url_citation": {"end_index", "start_index",
// "title", "url"}} (AnswerPart::Kind::Citation carries it as compact JSON). Indices count
// characters (Unicode code points, as the SDKs' strings do) of the whole answer text.
class UrlCitation final
{
public:
    static QString annotation(const QString& url, const QString& title, qsizetype start, qsizetype end);
    // Anthropic's citation of a web search result (type web_search_result_location) on the text
    // from `start` to `end`; empty for citations of documents, which have no URL.
    static QString fromAnthropic(const QJsonObject& citation, qsizetype start, qsizetype end);
    // Code points in `text` (a surrogate pair is one character).
    static qsizetype characters(QStringView text);
    // The QString index of the character at `characters` (clamped to the text).
    static qsizetype indexOf(QStringView text, qsizetype characters);
};
