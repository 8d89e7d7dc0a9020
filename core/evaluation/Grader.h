#pragma once

#include "core/common/ProviderTypes.h"
#include "core/evaluation/Grade.h"
#include "core/evaluation/GraderSpec.h"
#include "core/evaluation/PairwiseVerdict.h"

#include <QCoreApplication>
#include <QList>

// The graders as pure functions: an answer and what was expected in, a Grade out. A grader that
// cannot judge returns a Grade with outcome Error and the reason; nothing here throws or asserts
// on what a model wrote. The llm-judge's call is made by the EvaluationRun like any other call;
// here are only the request it sends and the reading of the judge's reply.
class Grader final
{
    Q_DECLARE_TR_FUNCTIONS(Grader)

public:
    // Every kind but llm-judge (that one gives an Error saying so).
    static Grade grade(const GraderSpec& spec, const QString& expected, const CallResult& answer);

    // The judge's request: the rubric, the question and the answer, asking for "SCORE: N".
    static ChatRequest judgeRequest(const GraderSpec& spec, const QString& prompt, const QString& expected,
                                    const QString& answer);
    // The judge's reply read: the score N of "SCORE: N" (1-10; the last such line counts), passing at
    // spec.threshold. A reply without a score in range is an Error naming what came back.
    static Grade judgeVerdict(const GraderSpec& spec, const QString& reply);

    // An answer as a judge reads it: its text, then each tool call it made on a line of its own,
    // "[tool call] NAME ARGUMENTS" with the arguments as compact JSON, keys sorted (as the model
    // wrote them when they are no JSON), so the same calls read the same in every run.
    static QString judgedAnswer(const QString& text, const QList<ToolCall>& toolCalls);

    // The pairwise judge's request: the question (and the reference answer, if any) and two answers
    // as A and B, asking which is better or a tie.
    static ChatRequest pairwiseRequest(const QString& prompt, const QString& expected, const QString& answerA,
                                       const QString& answerB);
    // Its reply read: the last "WINNER: A|B|TIE" line as A's verdict against B; nullopt with
    // *error naming what came back when there is none.
    static std::optional<PairwiseVerdict> pairwiseChoice(const QString& reply, QString* error);

    // The cell's grade from each grader's: any fail fails it, else any error, else it passes. The
    // score is the judge's (the lowest when several judged), else none.
    static Grade combine(const QList<Grade>& grades);

    // The last number in a text ("The answer is 1,234.5." -> 1234.5), nullopt when there is none.
    static std::optional<double> lastNumber(const QString& text);
};
