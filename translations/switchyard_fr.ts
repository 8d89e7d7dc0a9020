<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnthropicStreamDecoder</name>
    <message>
        <source>Stream event has no type: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnthropicWire</name>
    <message>
        <source>Response is not a JSON object (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response has no content: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>Ask one model; the answer streams to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route a prompt by the policy, with failover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model id, provider model name or model group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing tag such as tier=coding (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a non-streamed answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling temperature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt; &quot;-&quot; reads it from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the prompt from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prompt given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--model is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-tokens needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--temperature must be between 0 and 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1 names an unknown provider %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetActions</name>
    <message>
        <source>Refuse the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a cheaper tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetScope</name>
    <message>
        <source>daily budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily budget for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly budget for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetTracker</name>
    <message>
        <source>Unpriced model: its cost is not counted against any budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free model: budgets do not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget limit applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 would be exceeded: %2 spent, %3 reserved, this request up to %4, limit %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent anyway (warn only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cheaper tier should be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Builder</name>
    <message>
        <source>create a Portkey virtual key named &quot;%1&quot; holding the key from $%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model or provider &quot;%1&quot;; left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainCursor</name>
    <message>
        <source>provider %1 failed earlier in this request (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context window too small (%1 tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context window unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovering: its one probe request is in flight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainModel</name>
    <message>
        <source>$%1 / $%2 per 1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cooling down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the numbers behind this chart as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>ask --model M [--json] [--no-stream] PROMPT   ask one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route [--json] [--tag tier=T] [--model GROUP] PROMPT   route by the policy, with failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explain [--json] PROMPT   show the rule, tier, chain and what is skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models [--json]   list configured models and prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stats [--since DATE] [--until DATE] [--by model|provider|tier|day] [--json]   spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import litellm-config|prices FILE   import a LiteLLM config or prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export litellm-config|portkey-config|history [--format csv|jsonl] FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serve [--port N] [--bind ADDR]   OpenAI-compatible gateway with failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prune --older-than DAYS   delete old history records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnRun</name>
    <message>
        <source> (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut off at max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnSettingsDialog</name>
    <message>
        <source>Column settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own system prompt (empty = none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnState</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>ColumnView</name>
    <message>
        <source>Run this column again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column settings (model, temperature, max tokens, system prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this answer as the winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in/out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temp %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent no message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastest first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastest answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated (~) until the provider reports its usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tokens per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The winner of this run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--home needs a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sandbox-fault needs MODEL=FAULT, e.g. gpt-5=503, gpt-5=429:retry=3, gpt-5=drop (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: switchyard [--home DIR] [--sandbox] [COMMAND [ARGS...]]

Without a command, opens the desktop app.

Commands:
%1
Options:
  --home DIR   keep config and data in DIR (or set SWITCHYARD_HOME)
  --sandbox    use the offline simulated providers on 127.0.0.1
  --sandbox-fault MODEL=FAULT   make a sandbox model fail: an HTTP status (503,
               429:retry=3, 429:insufficient_quota), hang, silence, drop,
               malformed, slow or failNN (NN% of requests)

`switchyard COMMAND --help` describes a command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonExport</name>
    <message>
        <source>Switchyard comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonRun</name>
    <message>
        <source>The model &quot;%1&quot; is not configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigJson</name>
    <message>
        <source>malformed JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected format &quot;%1&quot;, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or invalid format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a newer Switchyard (format version %1; this version reads up to %2). Update Switchyard to use this file; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigProblem</name>
    <message>
        <source> (did you mean &quot;%1&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigStore</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2: %3 (%4 requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no tier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens (millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (thousands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1
%2 requests (%3 failed)
Prompt tokens: %4 (cached %5)
Completion tokens: %6
Cost: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good attempts (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2
%3% good: %4 of %5 attempts failed through the provider&apos;s fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failovers per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failovers per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 failovers: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 %1 ms, p90 %2 ms, p95 %3 ms, p99 %4 ms (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Latency: %2
First token: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack by model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack by provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack by tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings are measured against sending every request to this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings vs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no priced model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings from routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests and tokens per tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider uptime (share of good attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency and time to first token per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover events by failure class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click an event to open its request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request that failed over from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger is off, so there is no history to chart. Turn it on in Settings to see spend, uptime and failovers here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ledger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2% vs the period before (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spend in the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unpriced requests not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed · %2 answered from cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 requests failed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a price to a model to compare with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs %1 on %2 for the same tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 priced requests compared; %2 unpriced left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget set. Add one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests match these filters %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests %1 — send one from the Workbench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider attempts %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answered requests %1, so no latency to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failovers %1 — every request was answered by its first choice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefaultPolicy</name>
    <message>
        <source>Cheap and fast: classification, extraction, yes/no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyday questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing and debugging code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis, comparison, strategy, research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag tier=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simple classification or extraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programming task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deep thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>Compare two answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of words in common</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Cannot use %1 as the home directory: it cannot be created or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prices.json was not loaded (%1); the bundled prices are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has errors and was not used; the files were left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the offline sandbox on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database is not available (%1). Requests will not be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database could not be used (%1). It was kept as %2 and a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; `switchyard models` lists the configured ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name &quot;%1&quot; is ambiguous: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorClassifier</name>
    <message>
        <source>HTTP status %1 with an empty body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider reported an error in the stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-prices the routed requests of the period on the models this policy would choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No routed requests in the last %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routed request(s): spent $%1; with this policy about $%2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) would go to unpriced models (not counted).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExplainCommand</name>
    <message>
        <source>Show how a prompt would be routed, without sending it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing tag such as tier=coding (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt to explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prompt given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>Forced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 &quot;%2&quot; fired: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (empty: no model to call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1. %2%3 - %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: timeouts connect %1 ms, first token %2 ms, idle %3 ms, total %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  rate-limit wait cap %1 ms; quota cooldown %2 s; cooldown after %3 failures in %4 s for %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  balancing %1; mid-stream %2; hedging %3; cache %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Export the configuration (LiteLLM, Portkey) or the request history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History format: csv or jsonl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>litellm-config, portkey-config or history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: switchyard export litellm-config|portkey-config|history [--format csv|jsonl] FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be csv or jsonl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests written to %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>model &quot;%1&quot; has no provider; not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect and idle timeouts of &quot;%1&quot; have no LiteLLM equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiers and rules are not exported: LiteLLM has no prompt-based routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hedging, mid-stream policy, quota cooldown, rate-limit wait and cooldown window have no LiteLLM equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra headers, concurrency limit and the enabled switch of provider &quot;%1&quot; are not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailureClass</name>
    <message>
        <source>No error</source>
        <translation>Aucune erreur</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Échec d'authentification</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Requête invalide</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Limite de débit atteinte</translation>
    </message>
    <message>
        <source>Quota exhausted</source>
        <translation>Quota épuisé</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Erreur du serveur</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Délai de connexion dépassé</translation>
    </message>
    <message>
        <source>First-token timeout</source>
        <translation>Délai du premier jeton dépassé</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Délai d'inactivité dépassé</translation>
    </message>
    <message>
        <source>Total timeout</source>
        <translation>Délai total dépassé</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <source>Stream broken</source>
        <translation>Flux interrompu</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Réponse mal formée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>FigureFormat</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayError</name>
    <message>
        <source>Last error: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayExchange</name>
    <message>
        <source>The upstream answer broke off after text was sent; it is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayRequest</name>
    <message>
        <source>Only n = 1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_options must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages must be a non-empty array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.role must be &quot;system&quot;, &quot;developer&quot;, &quot;user&quot; or &quot;assistant&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.role must be &quot;user&quot; or &quot;assistant&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayServer</name>
    <message>
        <source>The gateway has no router to send requests through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving beyond loopback (%1) needs a gateway key that clients must send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gateway needs its key: send it as &quot;Authorization: Bearer &lt;key&gt;&quot; (or x-api-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway key sent is not the right one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; does not exist here: use &quot;auto&quot;, a group, a tier or a model that GET /v1/models lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier &quot;%1&quot; does not exist in the routing policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests in flight from this client (at most %1 at a time).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search prompts, models, errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(prompt not stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Send a prompt to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import a LiteLLM proxy config.yaml or a LiteLLM price table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would change; write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a price import after showing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>litellm-config or prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: switchyard import litellm-config|prices FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: what could not be mapped or needs attention:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 providers, %2 models, %3 model groups from %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing written.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the imported configuration is not valid; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a LiteLLM price table: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 skipped: not chat models or incomplete)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing applied; run again with --yes to apply.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiteLLM import of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied as price version %1; recorded costs keep the prices they were made with.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is running (%1). Switchyard does not store API keys in plain text: start a Secret Service (GNOME Keyring, KWallet) or set the provider&apos;s environment variable, e.g. OPENAI_API_KEY, before starting Switchyard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Cannot open the ledger file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger is not open; a request was not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger is not open; a vote was not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the ledger for writing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ledger is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be written to the ledger: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Old ledger rows could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerSchema</name>
    <message>
        <source>The ledger file is locked by another program (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger file is damaged or is not a database (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger file cannot be used (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger file is damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is a database, but not a Switchyard ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger was written by a newer Switchyard (schema %1, this version reads up to %2). Update Switchyard or choose another ledger file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger cannot use write-ahead logging (journal mode is &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger schema could not be upgraded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiteLlmConfig</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiteLlmImporter</name>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a mapping with model_list, router_settings, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed YAML at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by Switchyard; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number that is not negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number of seconds that is not negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy server setting, not used by Switchyard; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported: set these variables in your environment (values are never copied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a mapping with model_name and litellm_params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: every deployment needs a model_name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: the provider/model to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &quot;%1&quot; is not supported by Switchyard; this deployment was skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a literal API key is not imported: move it to the environment variable %1 (or the keychain) and write &quot;api_key: os.environ/%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limit noted but not enforced: Switchyard reacts to the provider&apos;s 429 and cools the deployment down instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required for &quot;%1&quot; models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routing strategy &quot;%1&quot; is not supported (simple-shuffle, least-busy, latency-based-routing); simple-shuffle is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not mapped: Switchyard never retries the same provider behind your back; a failed call moves on to the next deployment in the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapped to Switchyard&apos;s exact-match cache, which answers only when every deployment failed (LiteLLM answers from its cache first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a mapping like {group: [fallback groups]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model group &quot;%1&quot; in model_list%2; these fallbacks were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model group &quot;%1&quot; in model_list%2; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied as the fallbacks of the groups without their own: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switchyard — Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Providers and Keys...</source>
        <translation>&amp;Fournisseurs et clés...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Préférences...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <source>The routing editor will live here: tiers of models, the rules that pick a tier for each request, and the failover chain for each tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>The dashboard will live here: spend per provider and model, budgets, latency and failure rates from the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <source>&amp;About Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Switchyard %1&lt;/h3&gt;&lt;p&gt;Compare, route and account for calls to many LLM APIs.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelCardDelegate</name>
    <message>
        <source> (+%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelListFetcher</name>
    <message>
        <source>The model list is not the expected JSON (no &quot;data&quot; array).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused the key (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider has no model list endpoint (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model list request failed (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelListModel</name>
    <message>
        <source>%1 on %2: $%3 / $%4 per 1M tokens in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPickerDialog</name>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input / 1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output / 1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models or providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All 8 columns are in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 free columns chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>List the configured models and their prices per 1M tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models configured. Try `switchyard --sandbox models` for the offline sandbox.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IN/1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUT/1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CACHED/1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAiStreamDecoder</name>
    <message>
        <source>Stream chunk has no choices: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAiWire</name>
    <message>
        <source>Response is not a JSON object (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response has no choices: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyEdits</name>
    <message>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tier &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceImport</name>
    <message>
        <source>top level: expected an object of models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiteLLM&apos;s schema example, not a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiteLLM import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <source>top level: expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format: expected &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formatVersion: %1 is not supported (this Switchyard reads up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>versions: expected an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number greater than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an ISO 8601 date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: says %1 but the last entry of versions is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional instructions sent to every column (a column may override them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every column the same question. Ctrl+Enter sends, Esc stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling temperature for every column; Default leaves it to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most output tokens per answer; Default leaves it to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every column (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the prompt to every column (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt •</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderCall</name>
    <message>
        <source>No API key for %1: set the environment variable %2 or store a key in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response larger than %1 MiB; stopped reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection without an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream ended before the provider marked it complete; the answer may be truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>LiteLLM proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderStatusBar</name>
    <message>
        <source>no calls yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered by the provider.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching models failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// to another machine: the key travels in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model first: the test sends it a one-token request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 answered in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API key for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the model list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// to another machine: the API key would travel in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY; empty when no key is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a key to store it in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: Header-Name: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input $/1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output $/1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add checked models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wire format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PruneCommand</name>
    <message>
        <source>Delete history records older than N days (spend rollups are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age in days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--older-than needs a number of days (1 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests deleted
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestListDialog</name>
    <message>
        <source>Loading requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matching requests among the most recent ones searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matching requests (they may have been pruned from the ledger).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n matching request(s), newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching request(s), newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultJson</name>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 · first token %2 ms · %3 ms · %4%5 in / %4%6 out tokens · %7]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteCommand</name>
    <message>
        <source>→ tier %1 (rule %2: %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  trying %1 @ %2 (%3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
  failover %1 → %2: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
  (the answer so far is discarded; restarting on %1)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  every model failed; answering from the cache
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutedCall</name>
    <message>
        <source>No provider client is available to send the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no model to call for &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model in the chain could be tried now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is too long for every model in the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model in the chain failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 broke off (%2); it is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the request (%2). No other model was tried: the request itself is at fault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutedError</name>
    <message>
        <source>  attempt %1: %2 on %3 (%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  skipped: %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>tier forced by the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier &quot;%1&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model or group chosen by the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider %1 is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider %1 cooling down until %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cooling down until %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovering: its one probe request is in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over budget: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingEditor</name>
    <message>
        <source>Models (drag into a chain, or press Enter to add to the current tier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Models&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a &amp;prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simu&amp;late outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it would &amp;cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import LiteLLM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import LiteLLM config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export LiteLLM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export LiteLLM config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved; the file on disk is unchanged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved with warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change failover settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import LiteLLM groups and defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported model groups and defaults; notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1; LiteLLM cannot express:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEngine</name>
    <message>
        <source>rule %1 (%2): invalid regular expression: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1 (%2): &quot;%3&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regex /%1/ matched &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters, at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters, at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 tokens, at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule matched; the policy&apos;s default tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least N chars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N chars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least N tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesPane</name>
    <message>
        <source>Rules, first match wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Rules&lt;/b&gt; (first match wins)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxCatalogue</name>
    <message>
        <source>Sandbox Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox DeepSeek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox Mistral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Serve the OpenAI API (and /v1/messages) on this machine, routed with failover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port (default 4000; 0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (default 127.0.0.1). Beyond loopback a key is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable holding the key clients must send (default SWITCHYARD_GATEWAY_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not log each request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bind needs an IP address, e.g. 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping; recording what is in flight.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchyard gateway on http://%1:%2/v1 (OpenAI chat/completions, Anthropic messages)%3
Models: auto, the routing tiers, groups and %4 models. Ctrl+C stops.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; clients must send the key from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store prompt and response text in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets (all providers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulatePanel</name>
    <message>
        <source>Server error (HTTP 500)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overloaded (HTTP 503)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited (HTTP 429)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota exhausted</source>
        <translation>Quota épuisé</translation>
    </message>
    <message>
        <source>Bad key (HTTP 401)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer (timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence after headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream drops mid-answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test prompt (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model or provider to switch down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch dow&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation needs the offline sandbox (start Switchyard with --sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1 (%2) → tier %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying %1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2 → failing over to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarting on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>answered by %1 after %n failover(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>Event stream line longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event stream event longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseStreamDecoder</name>
    <message>
        <source>Response is not an event stream: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed stream event (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream event is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Spend and requests from the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this date (YYYY-MM-DD); default 30 days ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to and including this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split by model, provider, tier or day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since and --until need dates (YYYY-MM-DD), the first before the second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--by must be model, provider, tier or day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNPRICED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 over %2 requests; %3 failed; failover rate %4%; %5 unpriced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierColumn</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move tier left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move tier right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain of tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Worst case:&lt;/b&gt; %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One request can make up to %n upstream call(s) (every deployment once, plus one retry after a 429), take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 (2,000 tokens in, 1,000 out on the dearest model)%3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; some models have no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty chain: requests for this tier fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename tier %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierSettingsDialog</name>
    <message>
        <source>&amp;Use the policy defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next model when no first token arrives within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer from the exact-match cache when every model failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart on the next model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue on the next model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop, marked incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First token timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Total timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429 &amp;wait cap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quota cooldown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cool down after &amp;failures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… within &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… for &amp;duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load balancing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mid-stream break:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hedge after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TryPromptPanel</name>
    <message>
        <source>Type a prompt to see where it goes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier=coding, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the prompt goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &lt;b&gt;%1&lt;/b&gt; (%2) fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fires: the default tier applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> → pinned model &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> → tier &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is empty: this request would fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model would be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <source>%1 must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate %1 &quot;%2&quot; (first used at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight must be at least 1 (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a base URL is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s model name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prices must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tier &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pattern is empty, so the rule never matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown group or model &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain is empty: a tier needs at least one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty step: list at least one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a group needs at least one deployment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Switchyard&lt;/h2&gt;&lt;p&gt;Compare models side by side, route requests with failover across providers, and see what every call costs.&lt;/p&gt;&lt;p&gt;Nothing is configured yet. How would you like to start?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with simulated providers (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline stand-ins for OpenAI, Anthropic, Gemini, DeepSeek and Mistral with realistic prices, latency and failures. No key, no cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI, Anthropic, Gemini, a local Ollama and more. Keys go to the system keychain, or come from environment variables such as OPENAI_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An example to try first: it runs on several models at once, and in the sandbox one of them fails over to the next provider in its chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain in three sentences why a request router should fail over to another provider when the first one returns HTTP 503, and when it should not.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WireJson</name>
    <message>
        <source>invalid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbenchView</name>
    <message>
        <source>&amp;Send to All Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Column…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Comparison…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Two &amp;Answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ynchronised Scrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote: &amp;Tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer is better: record a tie for this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare models side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick two to eight models. Each one gets a column with its answer, speed and cost; the same model can appear twice with different settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comparison has at most %1 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file ending in .md, .json, .csv or .html.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote stored: %1 wins this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote stored: a tie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comparison.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
