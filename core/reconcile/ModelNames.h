#pragma once

#include <QString>

// The one place where model names from providers' exports and from the ledger are made
// comparable. Exports name the dated snapshot that served a call ("gpt-4o-2024-08-06",
// "claude-sonnet-4-20250514"), OpenRouter a vendor-prefixed slug ("anthropic/claude-3.5-sonnet",
// its permaslug with a date), the ledger the Switchyard model id ("gpt-4o", "openai/gpt-4o") or,
// once mapped by the caller, its upstream name. canonical():
//   - lower-cases and trims;
//   - drops a vendor prefix up to the last '/' ("openai/gpt-4o" -> "gpt-4o");
//   - drops an OpenRouter variant after ':' ("...:free", "...:beta");
//   - drops a trailing snapshot date "-YYYY-MM-DD", "-YYYYMMDD" or "@YYYYMMDD", and "-latest";
//   - writes a dot between digits as a dash ("claude-3.5-sonnet" -> "claude-3-5-sonnet", as
//     Anthropic spells it).
// Two snapshots of one model on the same day therefore count as one row, which is what the
// ledger can tell apart anyway.
namespace ModelNames {
QString canonical(const QString& model);
} // namespace ModelNames
