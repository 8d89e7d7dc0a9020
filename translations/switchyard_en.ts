<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlertMonitor</name>
    <message numerus="yes">
        <source>%1 is down: %n failure(s) in %2 min</source>
        <translation>
            <numerusform>%1 is down: %n failure in %2 min</numerusform>
            <numerusform>%1 is down: %n failures in %2 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed over on %2 % of %n request(s) in %3 min: reconsider this primary</source>
        <translation>
            <numerusform>%1 failed over on %2 % of %n request in %3 min: reconsider this primary</numerusform>
            <numerusform>%1 failed over on %2 % of %n requests in %3 min: reconsider this primary</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is slow: p95 %2 ms over %n request(s) (limit %3 ms)</source>
        <translation>
            <numerusform>%1 is slow: p95 %2 ms over %n request (limit %3 ms)</numerusform>
            <numerusform>%1 is slow: p95 %2 ms over %n requests (limit %3 ms)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertTray</name>
    <message numerus="yes">
        <source>Switchyard: %n alert(s) firing</source>
        <translation>
            <numerusform>Switchyard: %n alert firing</numerusform>
            <numerusform>Switchyard: %n alerts firing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Attachment</name>
    <message numerus="yes">
        <source>PDF, %n page(s), %1</source>
        <translation>
            <numerusform>PDF, %n page, %1</numerusform>
            <numerusform>PDF, %n pages, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentFit</name>
    <message numerus="yes">
        <source>%1 went as its text (%n page(s)): %2 takes no PDF documents</source>
        <translation>
            <numerusform>%1 went as its text (%n page): %2 takes no PDF documents</numerusform>
            <numerusform>%1 went as its text (%n pages): %2 takes no PDF documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchCommand</name>
    <message numerus="yes">
        <source>Submitted batch %1: %n request(s) to %2. See: switchyard batch status %1</source>
        <translation>
            <numerusform>Submitted batch %1: %n request to %2. See: switchyard batch status %1</numerusform>
            <numerusform>Submitted batch %1: %n requests to %2. See: switchyard batch status %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), %1 at the batch rates%2</source>
        <translation>
            <numerusform>%n result, %1 at the batch rates%2</numerusform>
            <numerusform>%n results, %1 at the batch rates%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnView</name>
    <message numerus="yes">
        <source>Reasoning: %n token(s)</source>
        <translation>
            <numerusform>Reasoning: %n token</numerusform>
            <numerusform>Reasoning: %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reasoning: ~%n token(s)</source>
        <translation>
            <numerusform>Reasoning: ~%n token</numerusform>
            <numerusform>Reasoning: ~%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reasoning: %n token(s), not shown</source>
        <translation>
            <numerusform>Reasoning: %n token, not shown</numerusform>
            <numerusform>Reasoning: %n tokens, not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>No failovers %1, and %Ln request(s) failed without one (no other model was tried).</source>
        <translation>
            <numerusform>No failovers %1, and %Ln request failed without one (no other model was tried).</numerusform>
            <numerusform>No failovers %1, and %Ln requests failed without one (no other model was tried).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message numerus="yes">
        <source>%n request(s) recovered from the journal of a Switchyard process that stopped without closing the history (%1 answered, %2 interrupted).</source>
        <translation>
            <numerusform>%n request recovered from the journal of a Switchyard process that stopped without closing the history (%1 answered, %2 interrupted).</numerusform>
            <numerusform>%n requests recovered from the journal of a Switchyard process that stopped without closing the history (%1 answered, %2 interrupted).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message numerus="yes">
        <source>No routed requests in the last %n day(s).</source>
        <translation>
            <numerusform>No routed requests in the last %n day.</numerusform>
            <numerusform>No routed requests in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln routed request(s): spent %1; with this policy about %2.</source>
        <translation>
            <numerusform>%Ln routed request: spent %1; with this policy about %2.</numerusform>
            <numerusform>%Ln routed requests: spent %1; with this policy about %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) would go to unpriced models (not counted).</source>
        <translation>
            <numerusform>%Ln request would go to an unpriced model (not counted).</numerusform>
            <numerusform>%Ln requests would go to unpriced models (not counted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCommand</name>
    <message numerus="yes">
        <source>%n cell(s) not done; ask them with: switchyard eval run --resume %1</source>
        <translation>
            <numerusform>%n cell not done; ask it with: switchyard eval run --resume %1</numerusform>
            <numerusform>%n cells not done; ask them with: switchyard eval run --resume %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationPlan</name>
    <message numerus="yes">
        <source>%n of %1 prompt(s) name their own graders, which replace these for them.</source>
        <translation>
            <numerusform>%n of %1 prompts names its own graders, which replace these for it.</numerusform>
            <numerusform>%n of %1 prompts name their own graders, which replace these for them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationRunBar</name>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationSetDialog</name>
    <message numerus="yes">
        <source>%n run(s) selected. Each prompt becomes a line of a JSONL prompt set, which opens in the evaluation run box.</source>
        <translation>
            <numerusform>%n run selected. Each prompt becomes a line of a JSONL prompt set, which opens in the evaluation run box.</numerusform>
            <numerusform>%n runs selected. Each prompt becomes a line of a JSONL prompt set, which opens in the evaluation run box.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayServer</name>
    <message numerus="yes">
        <source>The gateway is busy with %n large request(s) (%1 MiB or more each); try again shortly.</source>
        <translation>
            <numerusform>The gateway is busy with %n large request (%1 MiB or more each); try again shortly.</numerusform>
            <numerusform>The gateway is busy with %n large requests (%1 MiB or more each); try again shortly.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlineCards</name>
    <message numerus="yes">
        <source>includes %Ln estimated cost(s) of unfinished answers</source>
        <translation>
            <numerusform>includes %Ln estimated cost of an unfinished answer</numerusform>
            <numerusform>includes %Ln estimated costs of unfinished answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) to unpriced models not counted</source>
        <translation>
            <numerusform>%Ln request to an unpriced model not counted</numerusform>
            <numerusform>%Ln requests to unpriced models not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistorySet</name>
    <message numerus="yes">
        <source>%n prompt(s) written</source>
        <translation>
            <numerusform>%n prompt written</numerusform>
            <numerusform>%n prompts written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) without a prompt left out (prompt storage was off)</source>
        <translation>
            <numerusform>; %n row without a prompt left out (prompt storage was off)</numerusform>
            <numerusform>; %n rows without a prompt left out (prompt storage was off)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n repeated prompt(s) left out</source>
        <translation>
            <numerusform>; %n repeated prompt left out</numerusform>
            <numerusform>; %n repeated prompts left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) whose tools cannot be offered to a model left out</source>
        <translation>
            <numerusform>; %n row whose tools cannot be offered to a model left out</numerusform>
            <numerusform>; %n rows whose tools cannot be offered to a model left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaderboardModel</name>
    <message numerus="yes">
        <source>Bradley-Terry rating from %n vote(s); 95 % confidence interval %1 to %2</source>
        <translation>
            <numerusform>Bradley-Terry rating from %n vote; 95 % confidence interval %1 to %2</numerusform>
            <numerusform>Bradley-Terry rating from %n votes; 95 % confidence interval %1 to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) had no price and are not in the cost</source>
        <translation>
            <numerusform>%n answer had no price and is not in the cost</numerusform>
            <numerusform>%n answers had no price and are not in the cost</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaderboardView</name>
    <message numerus="yes">
        <source>%n voted run(s) counted. Ratings are Bradley-Terry on the Elo scale (1000 is average), with 95 % confidence intervals; a win counts against every other column of its run.</source>
        <translation>
            <numerusform>%n voted run counted. Ratings are Bradley-Terry on the Elo scale (1000 is average), with 95 % confidence intervals; a win counts against every other column of its run.</numerusform>
            <numerusform>%n voted runs counted. Ratings are Bradley-Terry on the Elo scale (1000 is average), with 95 % confidence intervals; a win counts against every other column of its run.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnedRulePanel</name>
    <message numerus="yes">
        <source>No priced routed requests in the last %n day(s) to project a monthly cost from.</source>
        <translation>
            <numerusform>No priced routed requests in the last %n day to project a monthly cost from.</numerusform>
            <numerusform>No priced routed requests in the last %n days to project a monthly cost from.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %1 a month at your volume (%Ln routed request(s) in the last 30 days re-priced): %2 all on %3, %4 all on %5.</source>
        <translation>
            <numerusform>About %1 a month at your volume (%Ln routed request in the last 30 days re-priced): %2 all on %3, %4 all on %5.</numerusform>
            <numerusform>About %1 a month at your volume (%Ln routed requests in the last 30 days re-priced): %2 all on %3, %4 all on %5.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message numerus="yes">
        <source>%n record(s) wait to be written to the ledger (%1); retrying</source>
        <translation>
            <numerusform>%n record waits to be written to the ledger (%1); retrying</numerusform>
            <numerusform>%n records wait to be written to the ledger (%1); retrying</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Degraded: %n problem(s)</source>
        <translation>
            <numerusform>Degraded: %n problem</numerusform>
            <numerusform>Degraded: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrateLedgerCommand</name>
    <message numerus="yes">
        <source>%n evaluation(s) with their %1 cells copied.
</source>
        <translation>
            <numerusform>%n evaluation with its %1 cells copied.
</numerusform>
            <numerusform>%n evaluations with their %1 cells copied.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrimariesCommand</name>
    <message numerus="yes">
        <source>Last %n day(s); marked (!) above %1% failover over at least %2 requests (alerts.json).</source>
        <translation>
            <numerusform>Last day; marked (!) above %1% failover over at least %2 requests (alerts.json).</numerusform>
            <numerusform>Last %n days; marked (!) above %1% failover over at least %2 requests (alerts.json).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrimaryAdvice</name>
    <message numerus="yes">
        <source>%1 failed over on %2 of %Ln request(s).</source>
        <translation>
            <numerusform>%1 failed over on %2 of %Ln request.</numerusform>
            <numerusform>%1 failed over on %2 of %Ln requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked: a primary that failed over on more than %1 of at least %Ln request(s) (the failover-rate alert&apos;s threshold, alerts.json).</source>
        <translation>
            <numerusform>Marked: a primary that failed over on more than %1 of at least %Ln request (the failover-rate alert&apos;s threshold, alerts.json).</numerusform>
            <numerusform>Marked: a primary that failed over on more than %1 of at least %Ln requests (the failover-rate alert&apos;s threshold, alerts.json).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrimaryMark</name>
    <message numerus="yes">
        <source>Last %n day(s):</source>
        <translation>
            <numerusform>Last day:</numerusform>
            <numerusform>Last %n days:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message numerus="yes">
        <source>%n model(s) offered by the provider.</source>
        <translation>
            <numerusform>%n model offered by the provider.</numerusform>
            <numerusform>%n models offered by the provider.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: the provider offers %n model(s); add one to the table to use it.</source>
        <translation>
            <numerusform>Connected: the provider offers %n model; add it to the table to use it.</numerusform>
            <numerusform>Connected: the provider offers %n models; add one to the table to use it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n provider(s).</source>
        <translation>
            <numerusform>Saved: %n provider.</numerusform>
            <numerusform>Saved: %n providers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestListDialog</name>
    <message numerus="yes">
        <source>Showing the first %n matching request(s), newest first.</source>
        <translation>
            <numerusform>Showing the first %n matching request, newest first.</numerusform>
            <numerusform>Showing the first %n matching requests, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching request(s), newest first.</source>
        <translation>
            <numerusform>%n matching request, newest first.</numerusform>
            <numerusform>%n matching requests, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) of the request at %1</source>
        <translation>
            <numerusform>%n attempt of the request at %1</numerusform>
            <numerusform>%n attempts of the request at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n request(s) to %1</source>
        <translation>
            <numerusform>Saved %n request to %1</numerusform>
            <numerusform>Saved %n requests to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouterCommand</name>
    <message numerus="yes">
        <source>training on %n prompt(s): weak %1, strong %2
</source>
        <translation>
            <numerusform>training on %n prompt: weak %1, strong %2
</numerusform>
            <numerusform>training on %n prompts: weak %1, strong %2
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them from workbench votes
</source>
        <translation>
            <numerusform>%n of them from workbench votes
</numerusform>
            <numerusform>%n of them from workbench votes
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them from evaluations
</source>
        <translation>
            <numerusform>%n of them from evaluations
</numerusform>
            <numerusform>%n of them from evaluations
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutingEditor</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message numerus="yes">
        <source>Stopping: no new requests; %n request(s) in flight have %1 s to finish (a second Ctrl+C or SIGTERM cancels them now).
</source>
        <translation>
            <numerusform>Stopping: no new requests; %n request in flight has %1 s to finish (a second Ctrl+C or SIGTERM cancels it now).
</numerusform>
            <numerusform>Stopping: no new requests; %n requests in flight have %1 s to finish (a second Ctrl+C or SIGTERM cancels them now).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping now: %n request(s) cancelled.
</source>
        <translation>
            <numerusform>Stopping now: %n request cancelled.
</numerusform>
            <numerusform>Stopping now: %n requests cancelled.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be written to the history database nor kept in %1: %2</source>
        <translation>
            <numerusform>%n record could not be written to the history database nor kept in %1: %2</numerusform>
            <numerusform>%n records could not be written to the history database nor kept in %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The history database is still locked: %n record(s) kept in %1 are written at the next start.
</source>
        <translation>
            <numerusform>The history database is still locked: %n record kept in %1 is written at the next start.
</numerusform>
            <numerusform>The history database is still locked: %n records kept in %1 are written at the next start.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; clients must send one of the %n client keys</source>
        <translation>
            <numerusform>; clients must send the client key</numerusform>
            <numerusform>; clients must send one of the %n client keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimulatePanel</name>
    <message numerus="yes">
        <source>answered by %1 after %n failover(s)</source>
        <translation>
            <numerusform>answered by %1 after %n failover</numerusform>
            <numerusform>answered by %1 after %n failovers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierAdvice</name>
    <message numerus="yes">
        <source>No prompt of this evaluation goes to %1; judged on all %n prompt(s).</source>
        <translation>
            <numerusform>No prompt of this evaluation goes to %1; judged on its %n prompt.</numerusform>
            <numerusform>No prompt of this evaluation goes to %1; judged on all %n prompts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Judged on the %n prompt(s) of this evaluation that go to %1.</source>
        <translation>
            <numerusform>Judged on the %n prompt of this evaluation that goes to %1.</numerusform>
            <numerusform>Judged on the %n prompts of this evaluation that go to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierColumn</name>
    <message numerus="yes">
        <source>One request can make up to %n upstream call(s) (every deployment once, plus one retry after a 429), take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 (2,000 tokens in, 1,000 out on the dearest model)%3.</source>
        <translation>
            <numerusform>One request can make up to %n upstream call (every deployment once, plus one retry after a 429), take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 (2,000 tokens in, 1,000 out on the dearest model)%3.</numerusform>
            <numerusform>One request can make up to %n upstream calls (every deployment once, plus one retry after a 429), take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 (2,000 tokens in, 1,000 out on the dearest model)%3.</numerusform>
        </translation>
    </message>
</context>
</TS>
