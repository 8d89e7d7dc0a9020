#pragma once

#include "core/evaluation/PromptSet.h"

#include <QCoreApplication>

// A promptfoo-style evaluation file read as a PromptSet:
//   prompts: ["Answer briefly: {{question}}"]     (optional; without it each test's vars.prompt)
//   defaultTest: {assert: [...]}                  (optional; asserts every test gets)
//   tests:
//     - description: capital                      (the prompt's id; else "test N")
//       vars: {question: "Capital of France?"}
//       assert:
//         - {type: equals|contains|regex|is-json|llm-rubric|..., value: ..., threshold: ...}
// Types mapped: equals, contains, regex, is-json (a `value` schema makes it json-schema-valid),
// is-valid-openai-tools-call is refused, llm-rubric (needs `provider`, the judge model; its
// threshold 0-1 is scaled to 1-10), and Switchyard's own kinds by their ids. Several prompts make
// one item per prompt and test ("capital/2"). Any other type, a missing variable, or a value of
// the wrong kind is refused naming FILE:LINE and the field.
//   providers: [{id: openai:chat:gpt-4.1-mini, label?: ..., config: {tools: [...], tool_choice: ...}}]
// (or `targets`): each entry's tools are kept as ProviderTools, given to the model the entry stands
// for when the models are known (PromptSet::forModels). OpenAI's format, Anthropic's and Bedrock's
// native ones (mapped) and file://tools.json are read; Google's, scripts and the older `functions`
// are refused naming the field.
class PromptfooFile final
{
    Q_DECLARE_TR_FUNCTIONS(PromptfooFile)

public:
    static PromptSet read(const QString& path, const QByteArray& content);
};
