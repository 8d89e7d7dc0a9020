#pragma once

#include "core/learning/RouterTrainer.h"

#include <QStringList>

#include <random>
#include <vector>

// Prompts whose need for the strong model is decided by their topic: maths proofs and integrals
// (the weak model fails, the strong one succeeds) against small talk and lookups (both succeed),
// with 10% of the labels flipped so the trainer has noise to see through.
namespace LearningFixtures {
inline std::vector<TrainingExample> topicExamples(int count, unsigned seed)
{
    const QStringList hard { QStringLiteral("Prove that the integral of %1 over the unit interval converges"),
                             QStringLiteral("Find the eigenvalues of the matrix with rows %1 and show each step"),
                             QStringLiteral("Derive a closed form for the recurrence a(n) = %1 a(n-1) and prove it") };
    const QStringList easy { QStringLiteral("What is the capital of country number %1?"),
                             QStringLiteral("Say hello to my friend %1 in a cheerful way"),
                             QStringLiteral("Which color is the flag of team %1?") };
    std::mt19937 random(seed);
    std::vector<TrainingExample> examples;
    for (int i = 0; i < count; ++i) {
        const bool needsStrong = random() % 3 == 0;
        const QStringList& templates = needsStrong ? hard : easy;
        TrainingExample example;
        example.prompt = templates.at(int(random() % 3)).arg(random() % 1000);
        example.weak = needsStrong ? 0.0 : 1.0;
        example.strong = 1.0;
        if (random() % 10 == 0) {
            example.weak = 1.0 - example.weak; // noise
        }
        examples.push_back(example);
    }
    return examples;
}

// Prompts whose need is decided by how many numbers they list (seven or more of one to eight: the
// weak model fails), the words the same for all, each number of one to four digits; 10% of the
// labels flipped. The prompt's shape counts them (PromptShape::Numbers).
inline std::vector<TrainingExample> countingExamples(int count, unsigned seed)
{
    const QStringList openings { QStringLiteral("Add these up:"), QStringLiteral("What is the sum of"),
                                 QStringLiteral("Total the following:") };
    static constexpr unsigned kScale[] = { 10, 100, 1000, 10000 };
    std::mt19937 random(seed);
    std::vector<TrainingExample> examples;
    for (int i = 0; i < count; ++i) {
        const int numbers = 1 + int(random() % 8);
        QStringList listed;
        for (int k = 0; k < numbers; ++k) {
            listed.append(QString::number(random() % kScale[random() % 4]));
        }
        TrainingExample example;
        example.prompt = openings.at(int(random() % 3)) + QLatin1Char(' ') + listed.join(QStringLiteral(", "));
        example.weak = numbers >= 7 ? 0.0 : 1.0;
        example.strong = 1.0;
        if (random() % 10 == 0) {
            example.weak = 1.0 - example.weak; // noise
        }
        examples.push_back(example);
    }
    return examples;
}

// Small and quick: three folds over a short grid.
inline TrainingOptions quickOptions()
{
    TrainingOptions options;
    options.features.hashBits = 14;
    options.folds = 3;
    options.lambdas = { 1e-4, 1e-3 };
    options.epochs = 6;
    return options;
}

// The quick options with the hashed n-grams switched off: the linear scores are constant, so all
// a router knows comes from the boosted trees over the prompt's shape.
inline TrainingOptions shapeOnlyOptions()
{
    TrainingOptions options = quickOptions();
    options.features.wordWeight = 0;
    options.features.charWeight = 0;
    options.features.shapeWeight = 0;
    return options;
}
} // namespace LearningFixtures
