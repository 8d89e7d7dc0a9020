#include "core/evaluation/Grader.h"
#include "core/evaluation/GraderVerdict.h"

#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(ToolCall)
Q_DECLARE_METATYPE(Grade)
Q_DECLARE_METATYPE(GraderVerdict)

// Each grader kind as a table: the grader (as `--grader` or a set file names it), what was
// expected, what the model answered, and the outcome with the start of its reason.
class tst_Grader : public QObject
{
    Q_OBJECT

private slots:
    void grade_data();
    void grade();
    void toolCall_data();
    void toolCall();
    void judgeVerdict_data();
    void judgeVerdict();
    void judgeRequest_carriesRubricQuestionAndAnswer();
    void combine_failBeatsErrorBeatsPass_data();
    void combine_failBeatsErrorBeatsPass();
    void parse_refusesWhatCannotWork_data();
    void parse_refusesWhatCannotWork();
    void spec_jsonRoundTrip_data();
    void spec_jsonRoundTrip();
    void pairwiseChoice_readsTheLastWinnerLine_data();
    void pairwiseChoice_readsTheLastWinnerLine();
    void pairwiseRequest_showsBothAnswersInTheOrderGiven();
    void judgedAnswer_showsToolCallsStably_data();
    void judgedAnswer_showsToolCallsStably();
    void verdicts_combine_namingEachGraderThatDidNotPass_data();
    void verdicts_combine_namingEachGraderThatDidNotPass();
};

namespace {
GraderSpec spec(const QString& text)
{
    QString error;
    const auto parsed = GraderSpec::parse(text, &error);
    if (!parsed) {
        qFatal("bad grader in the test table: %s", qPrintable(error));
    }
    return *parsed;
}

CallResult answer(const QString& text)
{
    CallResult result;
    result.text = text;
    return result;
}
} // namespace

void tst_Grader::grade_data()
{
    QTest::addColumn<QString>("grader");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("reason"); // the reason starts with this

    QTest::newRow("equals: same text") << "equals"
                                       << "Paris"
                                       << "Paris"
                                       << "pass"
                                       << "";
    QTest::newRow("equals: surrounding whitespace does not count") << "equals"
                                                                   << "Paris"
                                                                   << "  Paris\n"
                                                                   << "pass"
                                                                   << "";
    QTest::newRow("equals: case counts") << "equals"
                                         << "Paris"
                                         << "paris"
                                         << "fail"
                                         << "expected \"Paris\", got \"paris\"";
    QTest::newRow("equals: its own value over expected") << "equals:4"
                                                         << "four"
                                                         << "4"
                                                         << "pass"
                                                         << "";
    QTest::newRow("equals: empty answer fails") << "equals"
                                                << "x"
                                                << ""
                                                << "fail"
                                                << "expected \"x\", got \"\"";
    QTest::newRow("contains: inside a sentence") << "contains"
                                                 << "Paris"
                                                 << "It is Paris."
                                                 << "pass"
                                                 << "";
    QTest::newRow("contains: missing") << "contains"
                                       << "Paris"
                                       << "It is Lyon."
                                       << "fail"
                                       << "\"Paris\" not found";
    QTest::newRow("contains: nothing to look for is an error") << "contains"
                                                               << ""
                                                               << "anything"
                                                               << "error"
                                                               << "contains: nothing to look for";
    QTest::newRow("regex: matches anywhere") << "regex:\\b4\\d\\b"
                                             << ""
                                             << "It is 42."
                                             << "pass"
                                             << "";
    QTest::newRow("regex: anchored, no match") << "regex:^\\d+$"
                                               << ""
                                               << "42 apples"
                                               << "fail"
                                               << "regex \"^\\d+$\" does not match";
    QTest::newRow("regex: a bad pattern is an error, not a crash") << "regex:(unclosed"
                                                                   << ""
                                                                   << "x"
                                                                   << "error"
                                                                   << "regex \"(unclosed\" is not valid";
    QTest::newRow("regex: unicode") << "regex:café"
                                    << ""
                                    << "un café"
                                    << "pass"
                                    << "";
    QTest::newRow("json-valid: an object") << "json-valid"
                                           << ""
                                           << "{\"a\": 1}"
                                           << "pass"
                                           << "";
    QTest::newRow("json-valid: a bare number is JSON") << "json-valid"
                                                       << ""
                                                       << " 42 "
                                                       << "pass"
                                                       << "";
    QTest::newRow("json-valid: a trailing comma is not") << "json-valid"
                                                         << ""
                                                         << "{\"a\": 1,}"
                                                         << "fail"
                                                         << "the answer is not JSON";
    QTest::newRow("json-valid: two values are not one") << "json-valid"
                                                        << ""
                                                        << "{} {}"
                                                        << "fail"
                                                        << "the answer is not JSON";
    QTest::newRow("json-valid: empty") << "json-valid"
                                       << ""
                                       << ""
                                       << "fail"
                                       << "the answer is empty";
    QTest::newRow("json-schema-valid: fits")
        << R"(json-schema-valid:{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}})"
        << ""
        << R"({"city": "Paris"})"
        << "pass"
        << "";
    QTest::newRow("json-schema-valid: a required field missing")
        << R"(json-schema-valid:{"type":"object","required":["city"]})"
        << ""
        << R"({"town": "Paris"})"
        << "fail"
        << "answer.city: required";
    QTest::newRow("json-schema-valid: wrong type")
        << R"(json-schema-valid:{"type":"object","properties":{"n":{"type":"integer"}}})"
        << ""
        << R"({"n": "three"})"
        << "fail"
        << "answer.n:";
    QTest::newRow("json-schema-valid: not JSON at all") << R"(json-schema-valid:{"type":"object"})"
                                                        << ""
                                                        << "Sure! Here it is"
                                                        << "fail"
                                                        << "the answer is not JSON";
    QTest::newRow("numeric: exact") << "numeric"
                                    << "42"
                                    << "The answer is 42."
                                    << "pass"
                                    << "";
    QTest::newRow("numeric: the last number counts") << "numeric"
                                                     << "18"
                                                     << "3 eggs... 16-3-4=9, 9*2 = 18"
                                                     << "pass"
                                                     << "";
    QTest::newRow("numeric: GSM8K's #### form") << "numeric"
                                                << "72"
                                                << "So 48 + 24 = 72\n#### 72"
                                                << "pass"
                                                << "";
    QTest::newRow("numeric: thousands separators") << "numeric"
                                                   << "1234.5"
                                                   << "It costs $1,234.50"
                                                   << "pass"
                                                   << "";
    QTest::newRow("numeric: negative") << "numeric"
                                       << "-3"
                                       << "x = -3"
                                       << "pass"
                                       << "";
    QTest::newRow("numeric: outside the tolerance") << "numeric:0.01"
                                                    << "3.2"
                                                    << "about 3.14"
                                                    << "fail"
                                                    << "3.14 is not within 0.01 of 3.2";
    QTest::newRow("numeric: within a wider tolerance") << "numeric:0.01"
                                                       << "3.141"
                                                       << "about 3.14"
                                                       << "pass"
                                                       << "";
    QTest::newRow("numeric: no number in the answer") << "numeric"
                                                      << "7"
                                                      << "seven"
                                                      << "fail"
                                                      << "no number in the answer";
    QTest::newRow("numeric: expected is no number") << "numeric"
                                                    << "seven"
                                                    << "7"
                                                    << "error"
                                                    << "numeric: the expected value \"seven\" is not a number";
    QTest::newRow("llm-judge needs its call") << "llm-judge:judge-model"
                                              << ""
                                              << "x"
                                              << "error"
                                              << "llm-judge needs a call";
}

void tst_Grader::grade()
{
    QFETCH(QString, grader);
    QFETCH(QString, expected);
    QFETCH(QString, answer);
    QFETCH(QString, outcome);
    QFETCH(QString, reason);
    const Grade grade = Grader::grade(spec(grader), expected, ::answer(answer));
    QCOMPARE(GradeOutcomes::id(grade.outcome), outcome);
    if (outcome == QLatin1String("pass")) {
        QVERIFY2(grade.reason.isEmpty(), qPrintable(grade.reason));
    } else {
        QVERIFY2(!reason.isEmpty() && grade.reason.startsWith(reason), qPrintable(grade.reason));
    }
}

void tst_Grader::toolCall_data()
{
    QTest::addColumn<QString>("arguments"); // expected, JSON; empty: any
    QTest::addColumn<QList<ToolCall>>("calls");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("reason");

    const ToolCall weather { QStringLiteral("c1"), QStringLiteral("get_weather"),
                             QStringLiteral(R"({"city": "Paris", "unit": "celsius"})") };
    QTest::newRow("the named tool, any arguments") << "" << QList<ToolCall> { weather } << "pass"
                                                   << "";
    QTest::newRow("expected arguments are a subset") << R"({"city": "Paris"})" << QList<ToolCall> { weather } << "pass"
                                                     << "";
    QTest::newRow("an argument differs") << R"({"city": "Lyon"})" << QList<ToolCall> { weather } << "fail"
                                         << "get_weather: argument \"city\" is \"Paris\", expected \"Lyon\"";
    QTest::newRow("an argument is missing") << R"({"days": 3})" << QList<ToolCall> { weather } << "fail"
                                            << "get_weather: argument \"days\" is missing";
    QTest::newRow("no tool called") << "" << QList<ToolCall> {} << "fail"
                                    << "no tool was called (expected get_weather)";
    QTest::newRow("another tool") << ""
                                  << QList<ToolCall> { { QStringLiteral("c1"), QStringLiteral("get_time"),
                                                         QStringLiteral("{}") } }
                                  << "fail"
                                  << "called get_time, expected get_weather";
    QTest::newRow("the second of two calls fits")
        << R"({"city": "Paris"})"
        << QList<ToolCall> { { QStringLiteral("c0"), QStringLiteral("get_time"), QStringLiteral("{}") }, weather }
        << "pass"
        << "";
    QTest::newRow("arguments that are not JSON")
        << R"({"city": "Paris"})"
        << QList<ToolCall> { { QStringLiteral("c1"), QStringLiteral("get_weather"), QStringLiteral("city=Paris") } }
        << "fail"
        << "get_weather's arguments are not a JSON object";
}

void tst_Grader::toolCall()
{
    QFETCH(QString, arguments);
    QFETCH(QList<ToolCall>, calls);
    QFETCH(QString, outcome);
    QFETCH(QString, reason);
    GraderSpec grader = spec(QStringLiteral("tool-call:get_weather"));
    if (!arguments.isEmpty()) {
        grader.toolArguments = QJsonDocument::fromJson(arguments.toUtf8()).object();
    }
    CallResult result;
    result.toolCalls = calls;
    const Grade grade = Grader::grade(grader, {}, result);
    QCOMPARE(GradeOutcomes::id(grade.outcome), outcome);
    QCOMPARE(grade.reason, reason);
}

void tst_Grader::judgeVerdict_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<double>("score"); // -1: none
    QTest::addColumn<QString>("reason");

    QTest::newRow("at the threshold passes") << "Correct and brief.\nSCORE: 7"
                                             << "pass" << 7.0 << "";
    QTest::newRow("below fails with its score") << "Misses the point.\nSCORE: 3"
                                                << "fail" << 3.0 << "the judge scored 3, below 7";
    QTest::newRow("markdown bold and lower case") << "score: **9**"
                                                  << "pass" << 9.0 << "";
    QTest::newRow("the last score line counts") << "SCORE: 2 would be harsh.\nSCORE: 8"
                                                << "pass" << 8.0 << "";
    QTest::newRow("no score is an error")
        << "I think it is fine."
        << "error" << -1.0 << "the judge's reply has no \"SCORE: N\": \"I think it is fine.\"";
    QTest::newRow("out of range is an error") << "SCORE: 11"
                                              << "error" << -1.0 << "the judge's score 11 is not between 1 and 10";
    QTest::newRow("zero is out of range") << "SCORE: 0"
                                          << "error" << -1.0 << "the judge's score 0 is not between 1 and 10";
    QTest::newRow("empty reply") << ""
                                 << "error" << -1.0 << "the judge's reply has no \"SCORE: N\": \"\"";
}

void tst_Grader::judgeVerdict()
{
    QFETCH(QString, reply);
    QFETCH(QString, outcome);
    QFETCH(double, score);
    QFETCH(QString, reason);
    const Grade grade = Grader::judgeVerdict(spec(QStringLiteral("llm-judge:judge-model")), reply);
    QCOMPARE(GradeOutcomes::id(grade.outcome), outcome);
    QCOMPARE(grade.score.value_or(-1), score);
    QCOMPARE(grade.reason, reason);
}

void tst_Grader::judgeRequest_carriesRubricQuestionAndAnswer()
{
    GraderSpec grader = spec(QStringLiteral("llm-judge:judge-model:8"));
    QCOMPARE(grader.threshold, 8);
    QCOMPARE(grader.judgeModel, QStringLiteral("judge-model"));
    grader.rubric = QStringLiteral("Names the capital.");
    const ChatRequest request
        = Grader::judgeRequest(grader, QStringLiteral("Capital of France?"), {}, QStringLiteral("Paris"));
    QCOMPARE(request.messages.size(), 2);
    QCOMPARE(request.messages.first().role, QStringLiteral("system"));
    QVERIFY(request.messages.first().content.contains(QStringLiteral("SCORE: N")));
    QCOMPARE(request.messages.last().content,
             QStringLiteral("Rubric: Names the capital.\n\nQuestion:\nCapital of France?\n\nAnswer:\nParis"));
    grader.rubric.clear();
    const ChatRequest withReference
        = Grader::judgeRequest(grader, QStringLiteral("q"), QStringLiteral("Paris"), QStringLiteral("a"));
    QVERIFY(withReference.messages.last().content.startsWith(
        QStringLiteral("Rubric: The answer agrees with this reference answer: Paris")));
}

void tst_Grader::combine_failBeatsErrorBeatsPass_data()
{
    QTest::addColumn<QList<Grade>>("grades");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<double>("score");

    QTest::newRow("all pass") << QList<Grade> { Grade::pass(), Grade::pass(8) } << "pass"
                              << "" << 8.0;
    QTest::newRow("a fail fails") << QList<Grade> { Grade::pass(), Grade::error("e"), Grade::fail("f") } << "fail"
                                  << "f" << -1.0;
    QTest::newRow("an error without fail") << QList<Grade> { Grade::pass(), Grade::error("e") } << "error"
                                           << "e" << -1.0;
    QTest::newRow("the lowest judge score") << QList<Grade> { Grade::pass(9), Grade::fail("low", 4) } << "fail"
                                            << "low" << 4.0;
    QTest::newRow("no grader is an error") << QList<Grade> {} << "error"
                                           << "no grader" << -1.0;
}

void tst_Grader::combine_failBeatsErrorBeatsPass()
{
    QFETCH(QList<Grade>, grades);
    QFETCH(QString, outcome);
    QFETCH(QString, reason);
    QFETCH(double, score);
    const Grade grade = Grader::combine(grades);
    QCOMPARE(GradeOutcomes::id(grade.outcome), outcome);
    QCOMPARE(grade.reason, reason);
    QCOMPARE(grade.score.value_or(-1), score);
}

void tst_Grader::parse_refusesWhatCannotWork_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown kind") << "similar"
                                  << "unknown grader \"similar\" (known: equals, contains, regex, "
                                     "json-valid, json-schema-valid, numeric, tool-call, llm-judge, llm-pairwise)";
    QTest::newRow("regex without a pattern") << "regex"
                                             << "regex needs a pattern";
    QTest::newRow("schema that is not JSON") << "json-schema-valid:{type"
                                             << "json-schema-valid:SCHEMA needs the "
                                                "schema as JSON: ";
    QTest::newRow("schema with a bad type name") << R"(json-schema-valid:{"type":"strin"})"
                                                 << "json-schema-valid: the schema is not valid: schema.type";
    QTest::newRow("tolerance that is no number") << "numeric:abc"
                                                 << "numeric:TOLERANCE needs a number, not \"abc\"";
    QTest::newRow("negative tolerance") << "numeric:-1"
                                        << "numeric needs a tolerance of 0 or more";
    QTest::newRow("tool-call without a name") << "tool-call"
                                              << "tool-call needs the tool's name";
    QTest::newRow("judge without a model") << "llm-judge"
                                           << "llm-judge needs a judge model";
    QTest::newRow("pairwise without a judge") << "llm-pairwise"
                                              << "llm-pairwise needs a judge model";
    QTest::newRow("pairwise judging itself as the baseline") << "llm-pairwise:m:m"
                                                             << "llm-pairwise: the judge cannot be the baseline";
    QTest::newRow("judge threshold above 10") << "llm-judge:m:11"
                                              << "llm-judge: the pass threshold must be between 1 "
                                                 "and 10";
}

void tst_Grader::parse_refusesWhatCannotWork()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!GraderSpec::parse(text, &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

void tst_Grader::spec_jsonRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    for (const char* text :
         { "equals", "contains:Paris", "regex:^\\d+$", "json-valid", R"(json-schema-valid:{"type":"object"})",
           "numeric:0.5", "tool-call:get_weather", "llm-judge:sandbox/claude-opus:6", "llm-pairwise:sandbox/gpt-5",
           "llm-pairwise:sandbox/gpt-5:sandbox/gpt-4.1-mini" }) {
        QTest::newRow(text) << QString::fromUtf8(text);
    }
}

void tst_Grader::spec_jsonRoundTrip()
{
    QFETCH(QString, text);
    const GraderSpec original = spec(text);
    QString error;
    const auto back = GraderSpec::fromJson(original.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), original.toJson());
    QVERIFY(*back == original);
}

void tst_Grader::pairwiseChoice_readsTheLastWinnerLine_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("verdict"); // A's against B: win, tie, loss; empty: unreadable
    QTest::newRow("A wins") << "A is right, B is off by one.\nWINNER: A"
                            << "win";
    QTest::newRow("B wins, lower case and bold") << "B is better.\n**winner: b**"
                                                 << "loss";
    QTest::newRow("a tie") << "Both are fine.\nWINNER: TIE"
                           << "tie";
    QTest::newRow("the last line counts") << "WINNER: A at first sight, but on reflection\nWINNER: B"
                                          << "loss";
    QTest::newRow("no verdict") << "They are both good answers."
                                << "";
    QTest::newRow("a name that is no answer") << "WINNER: C"
                                              << "";
}

void tst_Grader::pairwiseChoice_readsTheLastWinnerLine()
{
    QFETCH(QString, reply);
    QFETCH(QString, verdict);
    QString error;
    const auto choice = Grader::pairwiseChoice(reply, &error);
    QCOMPARE(choice ? PairwiseVerdicts::id(*choice) : QString(), verdict);
    QCOMPARE(error.isEmpty(), !verdict.isEmpty());
}

void tst_Grader::pairwiseRequest_showsBothAnswersInTheOrderGiven()
{
    const ChatRequest request = Grader::pairwiseRequest(QStringLiteral("What is 2+2?"), QStringLiteral("4"),
                                                        QStringLiteral("Four."), QStringLiteral("Five."));
    QCOMPARE(request.messages.size(), 2);
    QVERIFY(request.messages.first().content.contains(QStringLiteral("WINNER: A")));
    const QString user = request.messages.last().content;
    QVERIFY(user.contains(QStringLiteral("What is 2+2?")));
    QVERIFY(user.contains(QStringLiteral("Reference answer:\n4")));
    QVERIFY(user.indexOf(QStringLiteral("Answer A:\nFour.")) < user.indexOf(QStringLiteral("Answer B:\nFive.")));
    QVERIFY(user.indexOf(QStringLiteral("Answer A:\nFour.")) >= 0);
    QCOMPARE(request.temperature, std::optional<double>(0));
}

void tst_Grader::judgedAnswer_showsToolCallsStably_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<ToolCall>>("calls");
    QTest::addColumn<QString>("shown");
    const ToolCall paris { QStringLiteral("c1"), QStringLiteral("get_weather"),
                           QStringLiteral("{ \"unit\": \"C\",\n \"city\": \"Paris\" }") };
    const ToolCall time { QStringLiteral("c2"), QStringLiteral("get_time"), QString() };
    QTest::newRow("text only, as it is") << "Sunny." << QList<ToolCall> {} << "Sunny.";
    QTest::newRow("only a tool call: its name and arguments, keys sorted, compact")
        << QString() << QList<ToolCall> { paris } << R"([tool call] get_weather {"city":"Paris","unit":"C"})";
    QTest::newRow("text then each call on a line of its own")
        << "Let me check." << QList<ToolCall> { paris, time }
        << "Let me check.\n[tool call] get_weather {\"city\":\"Paris\",\"unit\":\"C\"}\n[tool call] get_time {}";
    QTest::newRow("arguments that are no JSON are shown as written")
        << QString()
        << QList<ToolCall> { { QStringLiteral("c3"), QStringLiteral("f"), QStringLiteral(" {city: Paris ") } }
        << "[tool call] f {city: Paris";
}

void tst_Grader::judgedAnswer_showsToolCallsStably()
{
    QFETCH(QString, text);
    QFETCH(QList<ToolCall>, calls);
    QFETCH(QString, shown);
    QCOMPARE(Grader::judgedAnswer(text, calls), shown);
    // Both judges get it as the answer.
    GraderSpec judge;
    judge.kind = GraderKind::LlmJudge;
    judge.judgeModel = QStringLiteral("j");
    QVERIFY(Grader::judgeRequest(judge, QStringLiteral("Q?"), {}, Grader::judgedAnswer(text, calls))
                .messages.last()
                .content.endsWith(QStringLiteral("Answer:\n") + shown));
    QVERIFY(Grader::pairwiseRequest(QStringLiteral("Q?"), {}, Grader::judgedAnswer(text, calls), QStringLiteral("B"))
                .messages.last()
                .content.contains(QStringLiteral("Answer A:\n") + shown + QStringLiteral("\n\nAnswer B:")));
}

void tst_Grader::verdicts_combine_namingEachGraderThatDidNotPass_data()
{
    QTest::addColumn<QList<GraderVerdict>>("verdicts");
    QTest::addColumn<Grade>("combined");
    const GraderVerdict regexPass { QStringLiteral("regex \\S"), Grade::pass() };
    const GraderVerdict equalsFail { QStringLiteral("equals 4"), Grade::fail(QStringLiteral("the answer is not 4")) };
    const GraderVerdict containsFail { QStringLiteral("contains four"),
                                       Grade::fail(QStringLiteral("the answer does not contain four")) };
    const GraderVerdict judgeError { QStringLiteral("llm-judge j (>= 7)"), Grade::error(QStringLiteral("no score")) };
    const GraderVerdict judgeScore { QStringLiteral("llm-judge j (>= 7)"), Grade::pass(8) };
    QTest::newRow("one grader: its own grade, reason as it is")
        << QList<GraderVerdict> { equalsFail } << Grade::fail(QStringLiteral("the answer is not 4"));
    QTest::newRow("every grader passes: a pass with the judge's score")
        << QList<GraderVerdict> { regexPass, judgeScore } << Grade::pass(8);
    QTest::newRow("one of two fails: named in the reason")
        << QList<GraderVerdict> { regexPass, equalsFail }
        << Grade::fail(QStringLiteral("equals 4: the answer is not 4"));
    QTest::newRow("two fail: both named in the set's order") << QList<GraderVerdict> {
        equalsFail, regexPass, containsFail
    } << Grade::fail(QStringLiteral("equals 4: the answer is not 4; contains four: the answer does not contain four"));
    QTest::newRow("a fail beats an error; the error is not in the reason")
        << QList<GraderVerdict> { judgeError, equalsFail }
        << Grade::fail(QStringLiteral("equals 4: the answer is not 4"));
    QTest::newRow("an error and a pass: an error naming the judge")
        << QList<GraderVerdict> { regexPass, judgeError }
        << Grade::error(QStringLiteral("llm-judge j (>= 7): no score"));
}

void tst_Grader::verdicts_combine_namingEachGraderThatDidNotPass()
{
    QFETCH(QList<GraderVerdict>, verdicts);
    QFETCH(Grade, combined);
    QCOMPARE(GraderVerdict::combine(verdicts), combined);
    // What the ledger keeps reads back the same.
    QCOMPARE(GraderVerdict::fromJson(GraderVerdict::toJson(verdicts)), std::optional(verdicts));
}

QTEST_GUILESS_MAIN(tst_Grader)
#include "tst_Grader.moc"
