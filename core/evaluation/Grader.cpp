#include "core/evaluation/Grader.h"

#include "core/common/JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace {
QString shortened(const QString& text)
{
    constexpr int kMax = 80;
    const QString simple = text.simplified();
    return simple.size() <= kMax ? simple : simple.left(kMax - 1) + QChar(0x2026);
}

std::optional<QJsonValue> parseJson(const QString& text, QString* why)
{
    QJsonParseError parseError;
    // Wrapped in an array so that a bare scalar ("42", "\"yes\"") is a JSON value too.
    const QByteArray wrapped = "[" + text.trimmed().toUtf8() + "]";
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &parseError);
    if (text.trimmed().isEmpty() || parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *why = text.trimmed().isEmpty() ? Grader::tr("the answer is empty, not JSON")
                                        : Grader::tr("the answer is not JSON: %1 at character %2")
                                              .arg(parseError.errorString())
                                              .arg(qMax<qsizetype>(1, parseError.offset));
        return std::nullopt;
    }
    return document.array().first();
}

Grade gradeToolCall(const GraderSpec& spec, const CallResult& answer)
{
    if (answer.toolCalls.isEmpty()) {
        return Grade::fail(Grader::tr("no tool was called (expected %1)").arg(spec.toolName));
    }
    QString lastProblem;
    for (const ToolCall& call : answer.toolCalls) {
        if (call.name != spec.toolName) {
            lastProblem = Grader::tr("called %1, expected %2").arg(call.name, spec.toolName);
            continue;
        }
        if (spec.toolArguments.isUndefined()) {
            return Grade::pass();
        }
        const QJsonDocument document = QJsonDocument::fromJson(call.arguments.toUtf8());
        if (!document.isObject()) {
            lastProblem = Grader::tr("%1's arguments are not a JSON object").arg(call.name);
            continue;
        }
        const QJsonObject arguments = document.object();
        const QJsonObject expected = spec.toolArguments.toObject();
        lastProblem.clear();
        for (auto it = expected.begin(); it != expected.end() && lastProblem.isEmpty(); ++it) {
            if (!arguments.contains(it.key())) {
                lastProblem = Grader::tr("%1: argument \"%2\" is missing").arg(call.name, it.key());
            } else if (arguments.value(it.key()) != it.value()) {
                const QString got = QString::fromUtf8(
                    QJsonDocument(QJsonArray { arguments.value(it.key()) }).toJson(QJsonDocument::Compact));
                const QString want
                    = QString::fromUtf8(QJsonDocument(QJsonArray { it.value() }).toJson(QJsonDocument::Compact));
                lastProblem = Grader::tr("%1: argument \"%2\" is %3, expected %4")
                                  .arg(call.name, it.key(), got.mid(1, got.size() - 2), want.mid(1, want.size() - 2));
            }
        }
        if (lastProblem.isEmpty()) {
            return Grade::pass();
        }
    }
    return Grade::fail(lastProblem);
}
} // namespace

std::optional<double> Grader::lastNumber(const QString& text)
{
    // Thousands separators ("1,234") are taken as such; a sign binds only when it leads the number.
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?"
                                                          "|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?"
                                                          "|(?<![\\w.])-?\\.\\d+"));
    std::optional<double> last;
    auto matches = number.globalMatch(text);
    while (matches.hasNext()) {
        QString digits = matches.next().captured(0);
        digits.remove(u',');
        bool ok = false;
        const double value = digits.toDouble(&ok);
        if (ok && std::isfinite(value)) {
            last = value;
        }
    }
    return last;
}

Grade Grader::grade(const GraderSpec& spec, const QString& expected, const CallResult& answer)
{
    const QString target = spec.value.isEmpty() ? expected : spec.value;
    const QString& text = answer.text;
    switch (spec.kind) {
    case GraderKind::Equals:
        if (text.trimmed() == target.trimmed()) {
            return Grade::pass();
        }
        return Grade::fail(tr("expected \"%1\", got \"%2\"").arg(shortened(target), shortened(text)));
    case GraderKind::Contains:
        if (target.isEmpty()) {
            return Grade::error(tr("contains: nothing to look for (no value and no expected answer)"));
        }
        if (text.contains(target)) {
            return Grade::pass();
        }
        return Grade::fail(tr("\"%1\" not found in the answer").arg(shortened(target)));
    case GraderKind::Regex: {
        const QRegularExpression pattern(target);
        if (!pattern.isValid()) {
            return Grade::error(tr("regex \"%1\" is not valid: %2 at character %3")
                                    .arg(shortened(target), pattern.errorString())
                                    .arg(pattern.patternErrorOffset() + 1));
        }
        if (pattern.match(text).hasMatch()) {
            return Grade::pass();
        }
        return Grade::fail(tr("regex \"%1\" does not match the answer").arg(shortened(target)));
    }
    case GraderKind::JsonValid: {
        QString why;
        return parseJson(text, &why) ? Grade::pass() : Grade::fail(why);
    }
    case GraderKind::JsonSchemaValid: {
        const auto schemaProblems = JsonSchemaCheck::checkSchema(spec.schema, QStringLiteral("schema"));
        if (!schemaProblems.isEmpty()) {
            return Grade::error(tr("the schema is not valid: %1").arg(schemaProblems.first().text()));
        }
        QString why;
        const auto value = parseJson(text, &why);
        if (!value) {
            return Grade::fail(why);
        }
        const auto problems = JsonSchemaCheck::validate(*value, spec.schema, QStringLiteral("answer"));
        if (problems.isEmpty()) {
            return Grade::pass();
        }
        return Grade::fail(problems.first().text());
    }
    case GraderKind::Numeric: {
        bool ok = false;
        const double want = target.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(want)) {
            return Grade::error(tr("numeric: the expected value \"%1\" is not a number").arg(shortened(target)));
        }
        const auto got = lastNumber(text);
        if (!got) {
            return Grade::fail(tr("no number in the answer (expected %1)").arg(target.trimmed()));
        }
        if (std::abs(*got - want) <= spec.tolerance) {
            return Grade::pass();
        }
        return Grade::fail(tr("%1 is not within %2 of %3")
                               .arg(QString::number(*got, 'g', 15), QString::number(spec.tolerance, 'g', 15),
                                    QString::number(want, 'g', 15)));
    }
    case GraderKind::ToolCall:
        return gradeToolCall(spec, answer);
    case GraderKind::LlmJudge:
        return Grade::error(tr("llm-judge needs a call to the judge model"));
    case GraderKind::LlmPairwise:
        return Grade::error(tr("llm-pairwise needs calls to the judge model"));
    }
    return Grade::error(tr("unknown grader"));
}

QString Grader::judgedAnswer(const QString& text, const QList<ToolCall>& toolCalls)
{
    QStringList lines;
    if (!text.isEmpty()) {
        lines.append(text);
    }
    for (const ToolCall& call : toolCalls) {
        QJsonParseError error;
        const QJsonDocument arguments = QJsonDocument::fromJson(call.arguments.toUtf8(), &error);
        // QJsonObject keeps its keys sorted: the rendering does not depend on the model's order.
        const QString rendered = error.error == QJsonParseError::NoError && !arguments.isNull()
            ? QString::fromUtf8(arguments.toJson(QJsonDocument::Compact))
            : call.arguments.trimmed();
        lines.append(
            QStringLiteral("[tool call] %1 %2").arg(call.name, rendered.isEmpty() ? QStringLiteral("{}") : rendered));
    }
    return lines.join(u'\n');
}

ChatRequest Grader::judgeRequest(const GraderSpec& spec, const QString& prompt, const QString& expected,
                                 const QString& answer)
{
    // The judge's instructions are not translated: the judge reads English best and they are no
    // user-visible text, only sent.
    QString rubric = spec.rubric;
    if (rubric.isEmpty()) {
        rubric = expected.isEmpty() ? QStringLiteral("The answer is correct, complete and helpful.")
                                    : QStringLiteral("The answer agrees with this reference answer: %1").arg(expected);
    }
    ChatRequest request;
    request.stream = false;
    request.temperature = 0;
    request.messages.append(
        { QStringLiteral("system"),
          QStringLiteral(
              "You grade answers. Score how well the answer meets the rubric from 1 (not at all) to 10 "
              "(fully). An answer may call tools, each call shown on a line \"[tool call] NAME ARGUMENTS\": judge "
              "those calls as what the answer does. Reply with one short sentence of reasons, then a last "
              "line \"SCORE: N\".") });
    request.messages.append(
        { QStringLiteral("user"),
          QStringLiteral("Rubric: %1\n\nQuestion:\n%2\n\nAnswer:\n%3").arg(rubric, prompt, answer) });
    return request;
}

Grade Grader::judgeVerdict(const GraderSpec& spec, const QString& reply)
{
    static const QRegularExpression scoreLine(QStringLiteral("SCORE\\s*[:=]\\s*\\**\\s*(\\d+(?:\\.\\d+)?)"),
                                              QRegularExpression::CaseInsensitiveOption);
    std::optional<double> score;
    auto matches = scoreLine.globalMatch(reply);
    while (matches.hasNext()) {
        score = matches.next().captured(1).toDouble();
    }
    if (!score) {
        return Grade::error(tr("the judge's reply has no \"SCORE: N\": \"%1\"").arg(shortened(reply)));
    }
    if (*score < 1 || *score > 10) {
        return Grade::error(tr("the judge's score %1 is not between 1 and 10").arg(*score));
    }
    if (*score >= spec.threshold) {
        return Grade::pass(score);
    }
    return Grade::fail(tr("the judge scored %1, below %2").arg(*score).arg(spec.threshold), score);
}

Grade Grader::combine(const QList<Grade>& grades)
{
    std::optional<double> score;
    for (const Grade& grade : grades) {
        if (grade.score) {
            score = score ? qMin(*score, *grade.score) : *grade.score;
        }
    }
    for (GradeOutcome outcome : { GradeOutcome::Fail, GradeOutcome::Error }) {
        for (const Grade& grade : grades) {
            if (grade.outcome == outcome) {
                return { outcome, score, grade.reason };
            }
        }
    }
    if (grades.isEmpty()) {
        return Grade::error(tr("no grader"));
    }
    return Grade::pass(score);
}

ChatRequest Grader::pairwiseRequest(const QString& prompt, const QString& expected, const QString& answerA,
                                    const QString& answerB)
{
    // Not translated, as the 1-10 judge's instructions: sent, never shown.
    ChatRequest request;
    request.stream = false;
    request.temperature = 0;
    request.messages.append(
        { QStringLiteral("system"),
          QStringLiteral(
              "You compare two answers to the same question. Judge which one answers it better "
              "(correct, complete, helpful); ignore their order and their length. Reply with one short "
              "sentence of reasons, then a last line \"WINNER: A\", \"WINNER: B\" or \"WINNER: TIE\". An answer may "
              "call tools, each call shown on a line \"[tool call] NAME ARGUMENTS\": judge those calls as "
              "what the answer does.") });
    const QString reference
        = expected.isEmpty() ? QString() : QStringLiteral("Reference answer:\n%1\n\n").arg(expected);
    request.messages.append({ QStringLiteral("user"),
                              QStringLiteral("Question:\n%1\n\n%2Answer A:\n%3\n\nAnswer B:\n%4")
                                  .arg(prompt, reference, answerA, answerB) });
    return request;
}

std::optional<PairwiseVerdict> Grader::pairwiseChoice(const QString& reply, QString* error)
{
    static const QRegularExpression winnerLine(QStringLiteral("WINNER\\s*[:=]\\s*\\**\\s*(A|B|TIE)\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    QString last;
    auto matches = winnerLine.globalMatch(reply);
    while (matches.hasNext()) {
        last = matches.next().captured(1).toUpper();
    }
    if (last.isEmpty()) {
        *error = tr("the judge's reply has no \"WINNER: A|B|TIE\": \"%1\"").arg(shortened(reply));
        return std::nullopt;
    }
    return last == QLatin1String("A") ? PairwiseVerdict::Win
        : last == QLatin1String("B")  ? PairwiseVerdict::Loss
                                      : PairwiseVerdict::Tie;
}
