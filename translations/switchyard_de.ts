<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AlertKind</name>
    <message>
        <source>Provider down</source>
        <translation>Anbieter ausgefallen</translation>
    </message>
    <message>
        <source>Frequent failovers</source>
        <translation>Häufige Failover</translation>
    </message>
    <message>
        <source>Slow answers</source>
        <translation>Langsame Antworten</translation>
    </message>
    <message>
        <source>Budget threshold</source>
        <translation>Budgetschwelle</translation>
    </message>
    <message>
        <source>Client key over budget</source>
        <translation>Client-Schlüssel über Budget</translation>
    </message>
    <message>
        <source>Quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
</context>
<context>
    <name>AlertLogPanel</name>
    <message>
        <source>Alerts this session</source>
        <translation>Warnungen in dieser Sitzung</translation>
    </message>
    <message>
        <source>No alert has fired this session. Rules: alerts.json in the home folder.</source>
        <translation>In dieser Sitzung wurde keine Warnung ausgelöst. Regeln: alerts.json im Home-Ordner.</translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <source>%1 answers again</source>
        <translation>%1 antwortet wieder</translation>
    </message>
    <message>
        <source>%1: the account&apos;s quota is exhausted (insufficient_quota)</source>
        <translation>%1: Das Kontingent des Kontos ist erschöpft (insufficient_quota)</translation>
    </message>
    <message>
        <source>%1 is down: its circuit is open</source>
        <translation>%1 ist ausgefallen: sein Schutzschalter ist offen</translation>
    </message>
    <message numerus="yes">
        <source>%1 is down: %n failure(s) in %2 min</source>
        <translation>
            <numerusform>%1 ist ausgefallen: %n Fehler in %2 min</numerusform>
            <numerusform>%1 ist ausgefallen: %n Fehler in %2 min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is up again</source>
        <translation>%1 ist wieder verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed over on %2 % of %n request(s) in %3 min: reconsider this primary</source>
        <translation>
            <numerusform>%1 hat bei %2 % von %n Anfrage in %3 min per Failover gewechselt: Überdenken Sie dieses primäre Modell</numerusform>
            <numerusform>%1 hat bei %2 % von %n Anfragen in %3 min per Failover gewechselt: Überdenken Sie dieses primäre Modell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is slow: p95 %2 ms over %n request(s) (limit %3 ms)</source>
        <translation>
            <numerusform>%1 ist langsam: p95 %2 ms über %n Anfrage (Limit %3 ms)</numerusform>
            <numerusform>%1 ist langsam: p95 %2 ms über %n Anfragen (Limit %3 ms)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 budget at %2 % (threshold %3 %)</source>
        <translation>%1 bei %2 % (Schwelle %3 %)</translation>
    </message>
    <message>
        <source>Client key %1 spent $%2 of its $%3 budget</source>
        <translation>Client-Schlüssel %1 hat $%2 seines Budgets von $%3 ausgegeben</translation>
    </message>
    <message>
        <source>%1 budget at %2 % (threshold %3 %), %4 % of it held by running batch jobs, not billed yet</source>
        <translation>%1 bei %2 % (Schwelle %3 %), davon %4 % für laufende Batch-Jobs zurückgehalten, noch nicht abgerechnet</translation>
    </message>
</context>
<context>
    <name>AlertRules</name>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>„%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number from %2 to %3</source>
        <translation>„%1“ muss eine Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>erwartet ein JSON-Objekt</translation>
    </message>
    <message>
        <source>unknown section &quot;%1&quot;</source>
        <translation>unbekannter Abschnitt „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>„%1“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;thresholds_percent&quot; must be a list of percentages, e.g. [50, 80, 100]</source>
        <translation>„thresholds_percent“ muss eine Liste von Prozentwerten sein, z. B. [50, 80, 100]</translation>
    </message>
    <message>
        <source>&quot;webhooks&quot; must be a list of {&quot;url&quot;: ..., &quot;format&quot;: &quot;generic&quot; or &quot;slack&quot;}</source>
        <translation>„webhooks“ muss eine Liste von {&quot;url&quot;: ..., &quot;format&quot;: &quot;generic&quot; oder &quot;slack&quot;} sein</translation>
    </message>
    <message>
        <source>a webhook needs an http:// or https:// &quot;url&quot;</source>
        <translation>ein Webhook braucht eine „url“ mit http:// oder https://</translation>
    </message>
    <message>
        <source>a webhook&apos;s &quot;format&quot; is &quot;generic&quot; or &quot;slack&quot;</source>
        <translation>das „format“ eines Webhooks ist „generic“ oder „slack“</translation>
    </message>
</context>
<context>
    <name>AlertTray</name>
    <message numerus="yes">
        <source>Switchyard: %n alert(s) firing</source>
        <translation>
            <numerusform>Switchyard: %n Alarm aktiv</numerusform>
            <numerusform>Switchyard: %n Alarme aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchyard: no alerts</source>
        <translation>Switchyard: keine Alarme</translation>
    </message>
    <message>
        <source>%1 [FIRING] %2: %3</source>
        <translation>%1 [AUSGELÖST] %2: %3</translation>
    </message>
    <message>
        <source>%1 [CLEARED] %2: %3</source>
        <translation>%1 [BEHOBEN] %2: %3</translation>
    </message>
</context>
<context>
    <name>AnswerDocument</name>
    <message>
        <source>Earlier in this conversation</source>
        <translation>Früher in diesem Gespräch</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Werkzeugaufrufe</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Angehängt: %1</translation>
    </message>
    <message>
        <source>Tool results sent</source>
        <translation>Gesendete Werkzeugergebnisse</translation>
    </message>
    <message>
        <source>No result was given for these calls.</source>
        <translation>Für diese Aufrufe wurde kein Ergebnis angegeben.</translation>
    </message>
    <message>
        <source>Sent with: %1</source>
        <translation>Mitgesendet: %1</translation>
    </message>
</context>
<context>
    <name>AnthropicExportParser</name>
    <message>
        <source>expected the currency &quot;USD&quot;</source>
        <translation>erwartet die Währung „USD“</translation>
    </message>
</context>
<context>
    <name>AnthropicStreamDecoder</name>
    <message>
        <source>Stream event has no type: %1</source>
        <translation>Stream-Ereignis ohne Typ: %1</translation>
    </message>
</context>
<context>
    <name>AnthropicWire</name>
    <message>
        <source>Response is not a JSON object (%1): %2</source>
        <translation>Die Antwort ist kein JSON-Objekt (%1): %2</translation>
    </message>
    <message>
        <source>Response has no content: %1</source>
        <translation>Die Antwort hat keinen Inhalt: %1</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>Ask one model; the answer streams to stdout.</source>
        <translation>Ein Modell fragen; die Antwort wird nach stdout gestreamt.</translation>
    </message>
    <message>
        <source>Route a prompt by the policy, with failover.</source>
        <translation>Einen Prompt nach der Richtlinie routen, mit Failover.</translation>
    </message>
    <message>
        <source>Model id, provider model name or model group.</source>
        <translation>Modell-ID, Modellname des Anbieters oder Modellgruppe.</translation>
    </message>
    <message>
        <source>Routing tag such as tier=coding (repeatable).</source>
        <translation>Routing-Tag wie tier=coding (mehrfach möglich).</translation>
    </message>
    <message>
        <source>Print one JSON object at the end.</source>
        <translation>Am Ende ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Ask for a non-streamed answer.</source>
        <translation>Eine nicht gestreamte Antwort anfordern.</translation>
    </message>
    <message>
        <source>System prompt.</source>
        <translation>System-Prompt.</translation>
    </message>
    <message>
        <source>Maximum output tokens.</source>
        <translation>Maximale Zahl an Ausgabe-Tokens.</translation>
    </message>
    <message>
        <source>Sampling temperature.</source>
        <translation>Sampling-Temperatur.</translation>
    </message>
    <message>
        <source>The prompt; &quot;-&quot; reads it from stdin.</source>
        <translation>Der Prompt; „-“ liest ihn von stdin.</translation>
    </message>
    <message>
        <source>cannot read the prompt from stdin</source>
        <translation>der Prompt kann nicht von stdin gelesen werden</translation>
    </message>
    <message>
        <source>no prompt given</source>
        <translation>kein Prompt angegeben</translation>
    </message>
    <message>
        <source>--model is required</source>
        <translation>--model ist erforderlich</translation>
    </message>
    <message>
        <source>--max-tokens needs a positive number</source>
        <translation>--max-tokens braucht eine positive Zahl</translation>
    </message>
    <message>
        <source>--temperature must be between 0 and 2</source>
        <translation>--temperature muss zwischen 0 und 2 liegen</translation>
    </message>
    <message>
        <source>model %1 names an unknown provider %2</source>
        <translation>Modell %1 nennt einen unbekannten Anbieter %2</translation>
    </message>
    <message>
        <source>%1 is a wildcard&apos;s template; ask for a model name its pattern matches, e.g. %2</source>
        <translation>%1 ist die Vorlage eines Platzhalters; fragen Sie nach einem Modellnamen, auf den sein Muster passt, z. B. %2</translation>
    </message>
</context>
<context>
    <name>Attachment</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>%1 images are not taken by the providers; send PNG, JPEG, GIF or WebP</source>
        <translation>%1-Bilder nehmen die Anbieter nicht an; senden Sie PNG, JPEG, GIF oder WebP</translation>
    </message>
    <message>
        <source>the image is %1, over the cap of %2 per image</source>
        <translation>das Bild hat %1, mehr als die Grenze von %2 pro Bild</translation>
    </message>
    <message>
        <source>the PDF is %1, over the cap of %2 per document</source>
        <translation>das PDF hat %1, mehr als die Grenze von %2 pro Dokument</translation>
    </message>
    <message>
        <source>the file is %1, over the cap of %2 for text files</source>
        <translation>die Datei hat %1, mehr als die Grenze von %2 für Textdateien</translation>
    </message>
    <message>
        <source>not an image (PNG, JPEG, GIF, WebP), a PDF or a UTF-8 text file</source>
        <translation>weder ein Bild (PNG, JPEG, GIF, WebP) noch ein PDF noch eine UTF-8-Textdatei</translation>
    </message>
    <message>
        <source>image, %1</source>
        <translation>Bild, %1</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s), %1</source>
        <translation>
            <numerusform>PDF, %n Seite, %1</numerusform>
            <numerusform>PDF, %n Seiten, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>text, %1</source>
        <translation>Text, %1</translation>
    </message>
</context>
<context>
    <name>AttachmentFit</name>
    <message numerus="yes">
        <source>%1 went as its text (%n page(s)): %2 takes no PDF documents</source>
        <translation>
            <numerusform>%1 ging als Text (%n Seite): %2 nimmt keine PDF-Dokumente</numerusform>
            <numerusform>%1 ging als Text (%n Seiten): %2 nimmt keine PDF-Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 takes no images: remove %2 or pick a model with image input.</source>
        <translation>%1 nimmt keine Bilder: Entfernen Sie %2 oder wählen Sie ein Modell mit Bildeingabe.</translation>
    </message>
    <message>
        <source>%1 takes no PDF documents, and %2 has no text layer to send instead (a scan?).</source>
        <translation>%1 nimmt keine PDF-Dokumente, und %2 hat keine Textebene, die stattdessen gesendet werden könnte (ein Scan?).</translation>
    </message>
</context>
<context>
    <name>AttachmentLoader</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: the file is %2, over the largest attachment (%3)</source>
        <translation>%1: die Datei hat %2, mehr als der größte Anhang (%3)</translation>
    </message>
    <message>
        <source>%1: the image cannot be decoded (%2)</source>
        <translation>%1: das Bild lässt sich nicht dekodieren (%2)</translation>
    </message>
    <message>
        <source>%1: the PDF cannot be opened (damaged or password-protected)</source>
        <translation>%1: das PDF lässt sich nicht öffnen (beschädigt oder passwortgeschützt)</translation>
    </message>
    <message>
        <source>%1: the pasted image cannot be stored as PNG</source>
        <translation>%1: das eingefügte Bild lässt sich nicht als PNG speichern</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>At most %1 files go with one prompt.</source>
        <translation>Höchstens %1 Dateien gehen mit einem Prompt.</translation>
    </message>
    <message>
        <source>pasted image %1.png</source>
        <translation>eingefügtes Bild %1.png</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>PDF, reading…</source>
        <translation>PDF, wird gelesen…</translation>
    </message>
</context>
<context>
    <name>AwsCredentialChain</name>
    <message>
        <source>No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give profile %1 aws_access_key_id and aws_secret_access_key in %2 or %3.</source>
        <translation>Keine AWS-Zugangsdaten: Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY oder geben Sie dem Profil %1 aws_access_key_id und aws_secret_access_key in %2 oder %3.</translation>
    </message>
    <message>
        <source>No AWS credentials for profile %1: neither %2 nor %3 gives it aws_access_key_id and aws_secret_access_key.</source>
        <translation>Keine AWS-Zugangsdaten für das Profil %1: Weder %2 noch %3 geben ihm aws_access_key_id und aws_secret_access_key.</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>Profil %1 (%2)</translation>
    </message>
</context>
<context>
    <name>AwsEventStream</name>
    <message>
        <source>Corrupt event stream at byte %1: %2</source>
        <translation>Beschädigter Event-Stream bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the prelude checksum does not match</source>
        <translation>die Prüfsumme des Vorspanns stimmt nicht</translation>
    </message>
    <message>
        <source>impossible lengths (message %1 bytes, headers %2 bytes)</source>
        <translation>unmögliche Längen (Nachricht %1 Bytes, Header %2 Bytes)</translation>
    </message>
    <message>
        <source>the message checksum does not match</source>
        <translation>die Prüfsumme der Nachricht stimmt nicht</translation>
    </message>
    <message>
        <source>a header name runs past the headers</source>
        <translation>ein Header-Name reicht über die Header hinaus</translation>
    </message>
    <message>
        <source>header %1 has the unknown value type %2</source>
        <translation>Header %1 hat den unbekannten Werttyp %2</translation>
    </message>
    <message>
        <source>the value of header %1 runs past the headers</source>
        <translation>der Wert von Header %1 reicht über die Header hinaus</translation>
    </message>
</context>
<context>
    <name>BatchClient</name>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 refused it: %2</source>
        <translation>%1 hat es abgelehnt: %2</translation>
    </message>
    <message>
        <source>the Files API answered the upload&apos;s start without its URL</source>
        <translation>die Files API hat den Start des Uploads ohne dessen URL beantwortet</translation>
    </message>
    <message>
        <source>the Files API did not finish the upload</source>
        <translation>die Files API hat den Upload nicht abgeschlossen</translation>
    </message>
    <message>
        <source>the Files API named an upload URL on another host (%1); nothing was sent there</source>
        <translation>die Files API hat eine Upload-URL auf einem anderen Host genannt (%1); dorthin wurde nichts gesendet</translation>
    </message>
</context>
<context>
    <name>BatchCommand</name>
    <message>
        <source>The model every request of the file goes to.</source>
        <translation>Das Modell, an das jede Anfrage der Datei geht.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>results: poll until the job has ended.</source>
        <translation>results: abfragen, bis der Auftrag beendet ist.</translation>
    </message>
    <message>
        <source>How often --wait asks (default 30).</source>
        <translation>Wie oft --wait nachfragt (Standard 30).</translation>
    </message>
    <message>
        <source>--poll-seconds needs a whole number of seconds, 1 or more</source>
        <translation>--poll-seconds braucht eine ganze Zahl von Sekunden, 1 oder mehr</translation>
    </message>
    <message>
        <source>batch submit needs --model M (see switchyard models)</source>
        <translation>batch submit braucht --model M (siehe switchyard models)</translation>
    </message>
    <message>
        <source>no history database is available: batch jobs are kept there</source>
        <translation>keine Verlaufsdatenbank verfügbar: Batch-Aufträge werden dort gespeichert</translation>
    </message>
    <message>
        <source>--model: unknown model &quot;%1&quot; (see switchyard models)</source>
        <translation>--model: unbekanntes Modell &quot;%1&quot; (siehe switchyard models)</translation>
    </message>
    <message>
        <source>--model: %1 has no batch prices, so its results could not be costed; its provider may offer no batch API (import prices with batch rates: switchyard import prices FILE)</source>
        <translation>--model: %1 hat keine Batch-Preise, seine Ergebnisse ließen sich also nicht bepreisen; sein Anbieter bietet vielleicht keine Batch-API an (Preise mit Batch-Tarifen importieren: switchyard import prices DATEI)</translation>
    </message>
    <message>
        <source>batch %1 was submitted but could not be kept in the ledger: %2</source>
        <translation>Batch %1 wurde eingereicht, konnte aber nicht im Verlauf gespeichert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Submitted batch %1: %n request(s) to %2. See: switchyard batch status %1</source>
        <translation>
            <numerusform>Batch %1 eingereicht: %n Anfrage an %2. Siehe: switchyard batch status %1</numerusform>
            <numerusform>Batch %1 eingereicht: %n Anfragen an %2. Siehe: switchyard batch status %1</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>verbucht</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht verbucht</translation>
    </message>
    <message>
        <source>batch %1 went to provider %2, which is no longer configured</source>
        <translation>Batch %1 ging an den Anbieter %2, der nicht mehr konfiguriert ist</translation>
    </message>
    <message>
        <source>%1  %2 on %3, submitted %4: %5, %6 of %7 succeeded, %8 failed</source>
        <translation>%1  %2 bei %3, eingereicht %4: %5, %6 von %7 erfolgreich, %8 fehlgeschlagen</translation>
    </message>
    <message>
        <source>the provider refused batch %1 as a whole; nothing was billed</source>
        <translation>der Anbieter hat Batch %1 als Ganzes abgelehnt; nichts wurde berechnet</translation>
    </message>
    <message>
        <source>%1: %2, waiting %3 s</source>
        <translation>%1: %2, warte %3 s</translation>
    </message>
    <message>
        <source>batch %1 has not finished yet (%2); try again later or add --wait</source>
        <translation>Batch %1 ist noch nicht fertig (%2); versuchen Sie es später erneut oder fügen Sie --wait hinzu</translation>
    </message>
    <message>
        <source>[%1] %2 in / %3 out tokens, %4
%5
</source>
        <translation>[%1] %2 Eingabe- / %3 Ausgabe-Tokens, %4
%5
</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>[%1] failed: %2
</source>
        <translation>[%1] fehlgeschlagen: %2
</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), %1 at the batch rates%2</source>
        <translation>
            <numerusform>%n Ergebnis, %1 zu den Batch-Preisen%2</numerusform>
            <numerusform>%n Ergebnisse, %1 zu den Batch-Preisen%2</numerusform>
        </translation>
    </message>
    <message>
        <source>, recorded in the history</source>
        <translation>, im Verlauf verbucht</translation>
    </message>
    <message>
        <source> (recorded earlier)</source>
        <translation> (früher verbucht)</translation>
    </message>
    <message>
        <source>the batch could cost up to %1 at the batch rates, more than the %2 has left (%3 of %4); nothing was sent</source>
        <translation>der Batch könnte zu den Batch-Preisen bis zu %1 kosten, mehr als beim %2 übrig ist (%3 von %4); nichts wurde gesendet</translation>
    </message>
    <message>
        <source>submit FILE.jsonl | status ID | results ID | cancel ID | list</source>
        <translation>submit DATEI.jsonl | status ID | results ID | cancel ID | list</translation>
    </message>
    <message>
        <source>usage: switchyard batch submit FILE.jsonl --model M | status ID | results ID [--wait] | cancel ID | list</source>
        <translation>Aufruf: switchyard batch submit DATEI.jsonl --model M | status ID | results ID [--wait] | cancel ID | list</translation>
    </message>
    <message>
        <source>the batch&apos;s budget hold could not be kept in the ledger (%1); nothing was sent</source>
        <translation>die Budgetreservierung des Batches konnte nicht im Verlauf gespeichert werden (%1); nichts wurde gesendet</translation>
    </message>
    <message>
        <source>the batch could cost up to %1 at the batch rates: %2; nothing was sent</source>
        <translation>der Batch könnte zu den Batch-Preisen bis zu %1 kosten: %2; nichts wurde gesendet</translation>
    </message>
    <message>
        <source>What finished before the cancel is billed; record it with: switchyard batch results %1 --wait</source>
        <translation>Was vor dem Abbruch fertig wurde, wird berechnet; verbuchen mit: switchyard batch results %1 --wait</translation>
    </message>
    <message>
        <source>batch %1: its budget hold could not be settled (%2)</source>
        <translation>Batch %1: seine Budgetreservierung konnte nicht abgerechnet werden (%2)</translation>
    </message>
    <message>
        <source>batch %1: its budget hold could not be named after it (%2), so its results cannot settle it: it counts at its worst case</source>
        <translation>Batch %1: seine Budgetreservierung konnte nicht nach ihm benannt werden (%2), daher können seine Ergebnisse sie nicht abrechnen: sie zählt mit dem ungünstigsten Fall</translation>
    </message>
    <message>
        <source>Send many prompts through a provider&apos;s batch API (OpenAI, Anthropic, Mistral, Azure OpenAI, Gemini) at its batch price; results come within 24 hours and are recorded once, at the batch rates.</source>
        <translation>Viele Prompts über die Batch-API eines Anbieters (OpenAI, Anthropic, Mistral, Azure OpenAI, Gemini) zu dessen Batch-Preis senden; die Ergebnisse kommen innerhalb von 24 Stunden und werden einmal zu den Batch-Preisen verbucht.</translation>
    </message>
    <message>
        <source>--model: %1 is served by %2, which has no batch API Switchyard can use (OpenAI&apos;s, Azure OpenAI&apos;s, Mistral&apos;s and Gemini&apos;s batch APIs and Anthropic&apos;s Message Batches are supported)</source>
        <translation>--model: %1 wird von %2 bedient, das keine Batch-API hat, die Switchyard nutzen kann (unterstützt werden die Batch-APIs von OpenAI, Azure OpenAI, Mistral und Gemini sowie die Message Batches von Anthropic)</translation>
    </message>
</context>
<context>
    <name>BatchInput</name>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;messages&quot;</source>
        <translation>erwartet ein JSON-Objekt mit &quot;messages&quot;</translation>
    </message>
    <message>
        <source>the model is chosen for the whole batch with --model; remove it</source>
        <translation>das Modell wird für den ganzen Batch mit --model gewählt; entfernen Sie es</translation>
    </message>
    <message>
        <source>a batch answers whole, it cannot stream; remove it</source>
        <translation>ein Batch antwortet vollständig, er kann nicht streamen; entfernen Sie es</translation>
    </message>
    <message>
        <source>expected a non-empty array of messages</source>
        <translation>erwartet ein nicht leeres Array von Nachrichten</translation>
    </message>
    <message>
        <source>expected an object with a &quot;role&quot;</source>
        <translation>erwartet ein Objekt mit einer &quot;role&quot;</translation>
    </message>
    <message>
        <source>expected a whole number of tokens, 1 or more</source>
        <translation>erwartet eine ganze Zahl von Tokens, 1 oder mehr</translation>
    </message>
    <message>
        <source>expected 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>erwartet 1 bis 64 Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already used on line %2</source>
        <translation>&quot;%1&quot; wird schon in Zeile %2 verwendet</translation>
    </message>
    <message>
        <source>a batch holds at most %1 requests</source>
        <translation>ein Batch fasst höchstens %1 Anfragen</translation>
    </message>
    <message>
        <source>no requests (one JSON object per line)</source>
        <translation>keine Anfragen (ein JSON-Objekt pro Zeile)</translation>
    </message>
</context>
<context>
    <name>BatchStore</name>
    <message>
        <source>there is no batch job %1 in the ledger (see switchyard batch list)</source>
        <translation>im Verlauf gibt es keinen Batch-Auftrag %1 (siehe switchyard batch list)</translation>
    </message>
</context>
<context>
    <name>BatchWire</name>
    <message>
        <source>the upload was not answered with a file object</source>
        <translation>der Upload wurde nicht mit einem Dateiobjekt beantwortet</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>expected a message_batch object with a processing_status</source>
        <translation>erwartet ein message_batch-Objekt mit einem processing_status</translation>
    </message>
    <message>
        <source>expected a batch object with a status</source>
        <translation>erwartet ein batch-Objekt mit einem status</translation>
    </message>
    <message>
        <source>results line %1: expected an object with a custom_id</source>
        <translation>Ergebniszeile %1: erwartet ein Objekt mit einer custom_id</translation>
    </message>
    <message>
        <source>results line %1: unknown result type &quot;%2&quot;</source>
        <translation>Ergebniszeile %1: unbekannter Ergebnistyp &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 (%2 times)</source>
        <translation>%1 (%2-mal)</translation>
    </message>
    <message>
        <source>expected a batch operation named batches/ID with a state</source>
        <translation>erwartet wurde eine Batch-Operation namens batches/ID mit einem Status</translation>
    </message>
    <message>
        <source>the upload was not answered with a file named files/ID</source>
        <translation>der Upload wurde nicht mit einer Datei namens files/ID beantwortet</translation>
    </message>
    <message>
        <source>%1: no key to tell which request it answers</source>
        <translation>%1: kein Schlüssel, der sagt, welche Anfrage sie beantwortet</translation>
    </message>
    <message>
        <source>%1: expected a response or an error</source>
        <translation>%1: erwartet wurde eine Antwort oder ein Fehler</translation>
    </message>
    <message>
        <source>results line %1</source>
        <translation>Ergebniszeile %1</translation>
    </message>
    <message>
        <source>inline response %1</source>
        <translation>Inline-Antwort %1</translation>
    </message>
</context>
<context>
    <name>BedrockStreamDecoder</name>
    <message>
        <source>The event stream ended inside a message (%1 bytes of it arrived).</source>
        <translation>Der Event-Stream endete mitten in einer Nachricht (%1 Bytes davon kamen an).</translation>
    </message>
    <message>
        <source>Event %1 is not a JSON object (%2): %3</source>
        <translation>Ereignis %1 ist kein JSON-Objekt (%2): %3</translation>
    </message>
</context>
<context>
    <name>BedrockWire</name>
    <message>
        <source>No AWS region for %1: set the provider&apos;s region, AWS_REGION or the profile&apos;s region in ~/.aws/config.</source>
        <translation>Keine AWS-Region für %1: Setzen Sie die Region des Anbieters, AWS_REGION oder die Region des Profils in ~/.aws/config.</translation>
    </message>
    <message>
        <source>Response is not a Converse answer (%1): %2</source>
        <translation>Die Antwort ist keine Converse-Antwort (%1): %2</translation>
    </message>
</context>
<context>
    <name>BudgetActions</name>
    <message>
        <source>Refuse the request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Use a cheaper tier</source>
        <translation>Günstigere Stufe verwenden</translation>
    </message>
    <message>
        <source>Warn only</source>
        <translation>Nur warnen</translation>
    </message>
</context>
<context>
    <name>BudgetCheck</name>
    <message>
        <source>%1, limit %2</source>
        <translation>%1, Limit %2</translation>
    </message>
</context>
<context>
    <name>BudgetCommand</name>
    <message>
        <source>Show where each budget stands: spent, held by running batch jobs, and the limit.</source>
        <translation>Zeigt, wo jedes Budget steht: ausgegeben, für laufende Batch-Jobs zurückgehalten, und das Limit.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>No budget limit is set (Settings &gt; Budgets, or a provider&apos;s own limits).
</source>
        <translation>Kein Budgetlimit gesetzt (Einstellungen &gt; Budgets oder die eigenen Limits eines Anbieters).
</translation>
    </message>
    <message>
        <source>%1: %2 spent + %3 held by running batch jobs of %4 (%5 %)</source>
        <translation>%1: %2 ausgegeben + %3 für laufende Batch-Jobs zurückgehalten, Limit %4 (%5 %)</translation>
    </message>
    <message>
        <source>%1: %2 spent of %3 (%4 %)</source>
        <translation>%1: %2 von %3 ausgegeben (%4 %)</translation>
    </message>
</context>
<context>
    <name>BudgetScope</name>
    <message>
        <source>daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>monthly budget</source>
        <translation>Monatsbudget</translation>
    </message>
    <message>
        <source>daily budget for %1</source>
        <translation>Tagesbudget für %1</translation>
    </message>
    <message>
        <source>monthly budget for %1</source>
        <translation>Monatsbudget für %1</translation>
    </message>
</context>
<context>
    <name>BudgetTracker</name>
    <message>
        <source>Unpriced model: its cost is not counted against any budget</source>
        <translation>Modell ohne Preis: seine Kosten zählen gegen kein Budget</translation>
    </message>
    <message>
        <source>Free model: budgets do not apply</source>
        <translation>Kostenloses Modell: Budgets gelten nicht</translation>
    </message>
    <message>
        <source>No budget limit applies</source>
        <translation>Kein Budgetlimit greift</translation>
    </message>
    <message>
        <source>The %1 would be exceeded: %2 spent, %3 reserved, this request up to %4, limit %5.</source>
        <translation>Das %1 würde überschritten: %2 ausgegeben, %3 reserviert, diese Anfrage bis zu %4, Limit %5.</translation>
    </message>
    <message>
        <source>Sent anyway (warn only).</source>
        <translation>Trotzdem gesendet (nur warnen).</translation>
    </message>
    <message>
        <source>Refused.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>A cheaper tier should be used.</source>
        <translation>Eine günstigere Stufe sollte verwendet werden.</translation>
    </message>
    <message>
        <source>Within budget</source>
        <translation>Im Budget</translation>
    </message>
    <message>
        <source>%1 has no price, so the %2 cannot bound what it costs. Refused; add its price or allow unpriced models in the budget settings.</source>
        <translation>%1 hat keinen Preis, daher kann das %2 seine Kosten nicht begrenzen. Abgelehnt; tragen Sie seinen Preis ein oder erlauben Sie Modelle ohne Preis in den Budgeteinstellungen.</translation>
    </message>
    <message>
        <source>The %1 would be exceeded: %2 spent, %3 held by running batch jobs, %4 reserved, this request up to %5, limit %6.</source>
        <translation>Das %1 würde überschritten: %2 ausgegeben, %3 für laufende Batch-Jobs zurückgehalten, %4 reserviert, diese Anfrage bis zu %5, Limit %6.</translation>
    </message>
</context>
<context>
    <name>Builder</name>
    <message>
        <source>create a Portkey virtual key named &quot;%1&quot; holding the key from $%2</source>
        <translation>einen virtuellen Portkey-Schlüssel namens „%1“ mit dem Schlüssel aus $%2 anlegen</translation>
    </message>
    <message>
        <source>unknown model or provider &quot;%1&quot;; left out</source>
        <translation>unbekanntes Modell oder unbekannter Anbieter „%1“; ausgelassen</translation>
    </message>
</context>
<context>
    <name>CallJournal</name>
    <message>
        <source>Cannot write the crash journal %1: %2</source>
        <translation>Das Absturzjournal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Switchyard stopped before this request ended (found in its crash journal); the provider may have billed it.</source>
        <translation>Switchyard wurde beendet, bevor diese Anfrage abgeschlossen war (aus dem Absturzjournal); der Anbieter hat sie möglicherweise berechnet.</translation>
    </message>
    <message>
        <source>%1:%2: not a journal line</source>
        <translation>%1:%2: keine Journalzeile</translation>
    </message>
</context>
<context>
    <name>ChainCursor</name>
    <message>
        <source>provider %1 failed earlier in this request (%2)</source>
        <translation>Anbieter %1 ist in dieser Anfrage bereits fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>context window too small (%1 tokens)</source>
        <translation>Kontextfenster zu klein (%1 Tokens)</translation>
    </message>
    <message>
        <source>context window unknown</source>
        <translation>Kontextfenster unbekannt</translation>
    </message>
    <message>
        <source>recovering: its one probe request is in flight</source>
        <translation>erholt sich: seine eine Testanfrage läuft</translation>
    </message>
</context>
<context>
    <name>ChainModel</name>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <source>cooling down</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Reorder %1 in %2</source>
        <translation>%1 in %2 umsortieren</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 / %2 per 1M</source>
        <translation>%1 / %2 pro 1 Mio.</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>Wertung %1</translation>
    </message>
    <message>
        <source>Your votes: rating %1 (95 % interval %2 to %3), %4 won, %5 lost, %6 tied</source>
        <translation>Ihre Stimmen: Wertung %1 (95-%-Intervall %2 bis %3), %4 gewonnen, %5 verloren, %6 unentschieden</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>Dieses Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Save the numbers behind this chart as CSV</source>
        <translation>Die Zahlen hinter diesem Diagramm als CSV speichern</translation>
    </message>
</context>
<context>
    <name>ChartStyle</name>
    <message>
        <source>MMM d</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>ddd MMM d, HH:00</source>
        <translation>ddd d. MMM, HH:00</translation>
    </message>
    <message>
        <source>ddd MMM d yyyy</source>
        <translation>ddd d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>ask --model M [--json] [--no-stream] PROMPT   ask one model</source>
        <translation>ask --model M [--json] [--no-stream] PROMPT   ein Modell fragen</translation>
    </message>
    <message>
        <source>route [--json] [--tag tier=T] [--model GROUP] PROMPT   route by the policy, with failover</source>
        <translation>route [--json] [--tag tier=T] [--model GROUP] PROMPT   nach der Richtlinie routen, mit Failover</translation>
    </message>
    <message>
        <source>explain [--json] PROMPT   show the rule, tier, chain and what is skipped</source>
        <translation>explain [--json] PROMPT   Regel, Stufe, Kette und Übersprungenes zeigen</translation>
    </message>
    <message>
        <source>models [--json]   list configured models and prices</source>
        <translation>models [--json]   konfigurierte Modelle und Preise auflisten</translation>
    </message>
    <message>
        <source>stats [--since DATE] [--until DATE] [--by model|provider|tier|day] [--json]   spend</source>
        <translation>stats [--since DATE] [--until DATE] [--by model|provider|tier|day] [--json]   Ausgaben</translation>
    </message>
    <message>
        <source>import litellm-config|prices FILE   import a LiteLLM config or prices</source>
        <translation>import litellm-config|prices FILE   eine LiteLLM-Konfiguration oder Preise importieren</translation>
    </message>
    <message>
        <source>export litellm-config|portkey-config|history [--format csv|jsonl] FILE</source>
        <translation>export litellm-config|portkey-config|history [--format csv|jsonl] FILE</translation>
    </message>
    <message>
        <source>serve [--port N] [--bind ADDR]   OpenAI-compatible gateway with failover</source>
        <translation>serve [--port N] [--bind ADDR]   OpenAI-kompatibles Gateway mit Failover</translation>
    </message>
    <message>
        <source>prune --older-than DAYS   delete old history records</source>
        <translation>prune --older-than DAYS   alte Verlaufseinträge löschen</translation>
    </message>
    <message>
        <source>keys create --name NAME [limits] | list | revoke ID|NAME   the gateway&apos;s client keys</source>
        <translation>keys create --name NAME [Grenzen] | list | revoke ID|NAME   die Client-Schlüssel des Gateways</translation>
    </message>
    <message>
        <source>reconcile FILE... [--json] [--since DATE] [--until DATE] [--threshold PCT]   a provider&apos;s usage or cost export next to the ledger</source>
        <translation>reconcile FILE... [--json] [--since DATE] [--until DATE] [--threshold PCT]   den Nutzungs- oder Kostenexport eines Anbieters neben das Journal stellen</translation>
    </message>
    <message>
        <source>leaderboard [--by model|settings] [--tier T] [--rule R] [--tag TAG] [--since DATE] [--json] [--csv FILE]   ratings from your workbench votes</source>
        <translation>leaderboard [--by model|settings] [--tier T] [--rule R] [--tag TAG] [--since DATE] [--json] [--csv FILE]   Wertungen aus Ihren Werkbank-Stimmen</translation>
    </message>
    <message>
        <source>router train FILE.jsonl [--weak KEY] [--strong KEY] | score FILE.jsonl   the learned router</source>
        <translation>router train DATEI.jsonl [--weak SCHLÜSSEL] [--strong SCHLÜSSEL] | score DATEI.jsonl   der gelernte Router</translation>
    </message>
    <message>
        <source>migrate-ledger --to postgresql://user@host:port/db [--from FILE]   copy the ledger to PostgreSQL</source>
        <translation>migrate-ledger --to postgresql://benutzer@host:port/db [--from DATEI]   das Journal nach PostgreSQL kopieren</translation>
    </message>
    <message>
        <source>primaries [--days N] [--tier T] [--json]   each tier&apos;s primary: failover rate, uptime, the fallback to promote</source>
        <translation>primaries [--days N] [--tier T] [--json]   das primäre Modell jeder Stufe: Failover-Quote, Verfügbarkeit, das Ausweichmodell zum Vorziehen</translation>
    </message>
    <message>
        <source>team push [--note TEXT] | pull [--version N] | history   the team&apos;s configuration in the ledger database</source>
        <translation>team push [--note TEXT] | pull [--version N] | history   die Konfiguration des Teams in der Journal-Datenbank</translation>
    </message>
    <message>
        <source>eval run SET --models A,B,... [--grader KIND[:ARG]] [--json] [--resume ID]   a batch evaluation: pass rates, cost per pass, the cheapest model that passes</source>
        <translation>eval run SET --models A,B,... [--grader KIND[:ARG]] [--json] [--resume ID]   eine Stapelauswertung: Bestehensquoten, Kosten pro Bestehen, das günstigste Modell, das besteht</translation>
    </message>
    <message>
        <source>batch submit FILE.jsonl --model M | status ID | results ID [--wait] | list [--json]   a provider&apos;s batch API at its batch price</source>
        <translation>batch submit DATEI.jsonl --model M | status ID | results ID [--wait] | list [--json]   die Batch-API eines Anbieters zu dessen Batch-Preis</translation>
    </message>
    <message>
        <source>budget [--json]   where each budget stands: spent, held by running batch jobs, limit</source>
        <translation>budget [--json]   wo jedes Budget steht: ausgegeben, für laufende Batch-Jobs zurückgehalten, Limit</translation>
    </message>
</context>
<context>
    <name>ClientKeyGate</name>
    <message>
        <source>This gateway needs a client key: send it as &quot;Authorization: Bearer &lt;key&gt;&quot; (or x-api-key).</source>
        <translation>Dieses Gateway verlangt einen Client-Schlüssel: Senden Sie ihn als „Authorization: Bearer &lt;key&gt;“ (oder x-api-key).</translation>
    </message>
    <message>
        <source>The client key sent is not one of this gateway&apos;s keys.</source>
        <translation>Der gesendete Client-Schlüssel gehört nicht zu den Schlüsseln dieses Gateways.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; was revoked.</source>
        <translation>Der Client-Schlüssel „%1“ wurde widerrufen.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; expired on %2.</source>
        <translation>Der Client-Schlüssel „%1“ ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; may not use &quot;%2&quot; (allowed: %3).</source>
        <translation>Der Client-Schlüssel „%1“ darf „%2“ nicht verwenden (erlaubt: %3).</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; is limited to %2 requests per minute.</source>
        <translation>Der Client-Schlüssel „%1“ ist auf %2 Anfragen pro Minute begrenzt.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; may have %2 requests in flight at a time.</source>
        <translation>Der Client-Schlüssel „%1“ darf höchstens %2 Anfragen gleichzeitig offen haben.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; has spent its daily budget ($%2 of $%3).</source>
        <translation>Der Client-Schlüssel „%1“ hat sein Tagesbudget ausgeschöpft ($%2 von $%3).</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; has spent its monthly budget ($%2 of $%3).</source>
        <translation>Der Client-Schlüssel „%1“ hat sein Monatsbudget ausgeschöpft ($%2 von $%3).</translation>
    </message>
    <message>
        <source>budget of the client key &quot;%1&quot;</source>
        <translation>Budget des Client-Schlüssels „%1“</translation>
    </message>
    <message>
        <source>%1 has no price, so the client key &quot;%2&quot; cannot hold its cost against its budget. Add the model&apos;s price, or allow unpriced models for the key.</source>
        <translation>%1 hat keinen Preis, daher kann der Client-Schlüssel „%2“ seine Kosten nicht gegen sein Budget vormerken. Tragen Sie den Preis des Modells ein oder erlauben Sie dem Schlüssel Modelle ohne Preis.</translation>
    </message>
    <message>
        <source>daily budget of the client key &quot;%1&quot;, limit %2</source>
        <translation>Tagesbudget des Client-Schlüssels „%1“, Limit %2</translation>
    </message>
    <message>
        <source>monthly budget of the client key &quot;%1&quot;, limit %2</source>
        <translation>Monatsbudget des Client-Schlüssels „%1“, Limit %2</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; cannot take this request within its daily budget of %2: %3 spent, %4 held by its requests in flight, and this request to %5 may cost up to %6.</source>
        <translation>Der Client-Schlüssel „%1“ kann diese Anfrage nicht innerhalb seines Tagesbudgets von %2 annehmen: %3 ausgegeben, %4 von seinen laufenden Anfragen vorgemerkt, und diese Anfrage an %5 kann bis zu %6 kosten.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; cannot take this request within its monthly budget of %2: %3 spent, %4 held by its requests in flight, and this request to %5 may cost up to %6.</source>
        <translation>Der Client-Schlüssel „%1“ kann diese Anfrage nicht innerhalb seines Monatsbudgets von %2 annehmen: %3 ausgegeben, %4 von seinen laufenden Anfragen vorgemerkt, und diese Anfrage an %5 kann bis zu %6 kosten.</translation>
    </message>
</context>
<context>
    <name>ClientKeyStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A client key needs a name.</source>
        <translation>Ein Client-Schlüssel braucht einen Namen.</translation>
    </message>
    <message>
        <source>No client key &quot;%1&quot; (give its id when two keys share a name).</source>
        <translation>Kein Client-Schlüssel „%1“ (geben Sie die ID an, wenn zwei Schlüssel denselben Namen tragen).</translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>kein gültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>unknown format version %1 (this Switchyard reads version %2)</source>
        <translation>unbekannte Formatversion %1 (dieses Switchyard liest Version %2)</translation>
    </message>
    <message>
        <source>key %1 (&quot;%2&quot;) is damaged: id, salt or hash missing</source>
        <translation>Schlüssel %1 („%2“) ist beschädigt: ID, Salt oder Hash fehlt</translation>
    </message>
</context>
<context>
    <name>ClientKeysDialog</name>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Gateway client keys</source>
        <translation>Client-Schlüssel des Gateways</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>e.g. cursor on my laptop</source>
        <translation>z. B. Cursor auf meinem Laptop</translation>
    </message>
    <message>
        <source>all (or e.g. auto, chat, premium)</source>
        <translation>alle (oder z. B. auto, chat, premium)</translation>
    </message>
    <message>
        <source>Models, groups, tiers and &quot;auto&quot; this key may ask for, separated by commas.</source>
        <translation>Modelle, Gruppen, Stufen und „auto“, die dieser Schlüssel anfragen darf, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Daily budget:</source>
        <translation>Tagesbudget:</translation>
    </message>
    <message>
        <source>Monthly budget:</source>
        <translation>Monatsbudget:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the key now and give it to the client: it is not shown again (Switchyard keeps only its hash).</source>
        <translation>Kopieren Sie den Schlüssel jetzt und geben Sie ihn dem Client: Er wird nicht wieder angezeigt (Switchyard speichert nur seinen Hash).</translation>
    </message>
    <message>
        <source>Once a key exists, every request to the gateway must carry one (&quot;Authorization: Bearer &lt;key&gt;&quot; or x-api-key).</source>
        <translation>Sobald ein Schlüssel existiert, muss jede Anfrage an das Gateway einen mitsenden („Authorization: Bearer &lt;key&gt;“ oder x-api-key).</translation>
    </message>
    <message>
        <source>$%1 a day</source>
        <translation>$%1 pro Tag</translation>
    </message>
    <message>
        <source>$%1 a month</source>
        <translation>$%1 pro Monat</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Let models without a price through the budget (not counted)</source>
        <translation>Modelle ohne Preis durch das Budget lassen (nicht gezählt)</translation>
    </message>
    <message>
        <source>Allow unpriced models</source>
        <translation>Modelle ohne Preis erlauben</translation>
    </message>
    <message>
        <source>A model without a price cannot be held against the key&apos;s budget, so a key with a budget refuses it unless this is on.</source>
        <translation>Für ein Modell ohne Preis lässt sich nichts gegen das Budget des Schlüssels vormerken; ein Schlüssel mit Budget lehnt es daher ab, solange dies nicht eingeschaltet ist.</translation>
    </message>
    <message>
        <source>unpriced models allowed</source>
        <translation>Modelle ohne Preis erlaubt</translation>
    </message>
    <message>
        <source>Refuse unpriced models</source>
        <translation>Modelle ohne Preis ablehnen</translation>
    </message>
</context>
<context>
    <name>ColumnRoute</name>
    <message>
        <source>The router picks the model</source>
        <translation>Der Router wählt das Modell</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>erzwungen</translation>
    </message>
    <message>
        <source>%1, HTTP %2</source>
        <translation>%1, HTTP %2</translation>
    </message>
    <message>
        <source>Failed over from %1 (%2) to %3</source>
        <translation>Failover von %1 (%2) auf %3</translation>
    </message>
    <message>
        <source>routed: tier %1, rule %2</source>
        <translation>geroutet: Stufe %1, Regel %2</translation>
    </message>
    <message>
        <source>Tier %1 · rule “%2”</source>
        <translation>Stufe %1 · Regel „%2“</translation>
    </message>
</context>
<context>
    <name>ColumnRun</name>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>Cut off at max tokens</source>
        <translation>Bei max. Tokens abgeschnitten</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Route it</source>
        <translation>Routen lassen</translation>
    </message>
    <message>
        <source>No model available</source>
        <translation>Kein Modell verfügbar</translation>
    </message>
</context>
<context>
    <name>ColumnSettingsDialog</name>
    <message>
        <source>Column settings</source>
        <translation>Spalteneinstellungen</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Own temperature</source>
        <translation>Eigene Temperatur</translation>
    </message>
    <message>
        <source>Own max tokens</source>
        <translation>Eigene max. Tokens</translation>
    </message>
    <message>
        <source>Own system prompt (empty = none)</source>
        <translation>Eigener System-Prompt (leer = keiner)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Route it (the router picks)</source>
        <translation>Routen lassen (der Router wählt)</translation>
    </message>
    <message>
        <source>How long a reasoning model thinks before it answers: OpenAI&apos;s reasoning_effort; Claude thinks with a budget of 1,024, 2,048 or 4,096 tokens. Models that do not reason refuse it.</source>
        <translation>Wie lange ein Reasoning-Modell nachdenkt, bevor es antwortet: reasoning_effort von OpenAI; Claude denkt mit einem Budget von 1.024, 2.048 oder 4.096 Tokens. Modelle, die nicht nachdenken, lehnen es ab.</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Denkprozess</translation>
    </message>
</context>
<context>
    <name>ColumnState</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Streamt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
</context>
<context>
    <name>ColumnView</name>
    <message>
        <source>Run this column again</source>
        <translation>Diese Spalte erneut ausführen</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Column settings (model, temperature, max tokens, system prompt)</source>
        <translation>Spalteneinstellungen (Modell, Temperatur, max. Tokens, System-Prompt)</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message>
        <source>Mark this answer as the winner</source>
        <translation>Diese Antwort als Sieger markieren</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>1. Token</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens in/out</source>
        <translation>Tok. ein/aus</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>The answer appears here.</source>
        <translation>Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>temp %1</source>
        <translation>Temp. %1</translation>
    </message>
    <message>
        <source>max %1 tokens</source>
        <translation>max. %1 Tokens</translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation>kein System-Prompt</translation>
    </message>
    <message>
        <source>own system prompt</source>
        <translation>eigener System-Prompt</translation>
    </message>
    <message>
        <source>The provider sent no message.</source>
        <translation>Der Anbieter hat keine Meldung gesendet.</translation>
    </message>
    <message>
        <source>Fastest first token</source>
        <translation>Schnellstes erstes Token</translation>
    </message>
    <message>
        <source>Fastest answer</source>
        <translation>Schnellste Antwort</translation>
    </message>
    <message>
        <source>Estimated (~) until the provider reports its usage</source>
        <translation>Geschätzt (~), bis der Anbieter seinen Verbrauch meldet</translation>
    </message>
    <message>
        <source>Most tokens per second</source>
        <translation>Meiste Tokens pro Sekunde</translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation>Am günstigsten</translation>
    </message>
    <message>
        <source>The winner of this run</source>
        <translation>Der Sieger dieses Durchlaufs</translation>
    </message>
    <message>
        <source>Continue the conversation with this model</source>
        <translation>Das Gespräch mit diesem Modell fortsetzen</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>geroutet</translation>
    </message>
    <message>
        <source>routed to %1</source>
        <translation>geroutet zu %1</translation>
    </message>
    <message>
        <source>The conversation continues with this model</source>
        <translation>Das Gespräch wird mit diesem Modell fortgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>Reasoning: %n token(s)</source>
        <translation>
            <numerusform>Denkprozess: %n Token</numerusform>
            <numerusform>Denkprozess: %n Token</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reasoning: ~%n token(s)</source>
        <translation>
            <numerusform>Denkprozess: ~%n Token</numerusform>
            <numerusform>Denkprozess: ~%n Token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of the cost (%2 %)</source>
        <translation>%1 der Kosten (%2 %)</translation>
    </message>
    <message numerus="yes">
        <source>Reasoning: %n token(s), not shown</source>
        <translation>
            <numerusform>Denkprozess: %n Token, nicht gezeigt</numerusform>
            <numerusform>Denkprozess: %n Tokens, nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Calling %1 %2</source>
        <translation>Ruft %1 auf: %2</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>the configuration cannot be used (see the errors above); fix %1 or delete the broken file</source>
        <translation>die Konfiguration ist nicht verwendbar (siehe die Fehler oben); %1 reparieren oder die defekte Datei löschen</translation>
    </message>
    <message>
        <source>--home needs a directory</source>
        <translation>--home braucht ein Verzeichnis</translation>
    </message>
    <message>
        <source>--sandbox-fault needs MODEL=FAULT, e.g. gpt-5=503, gpt-5=429:retry=3, gpt-5=drop (got &quot;%1&quot;)</source>
        <translation>--sandbox-fault braucht MODELL=FEHLER, z. B. gpt-5=503, gpt-5=429:retry=3, gpt-5=drop (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe --help)</translation>
    </message>
    <message>
        <source>--database needs a ledger file or a postgresql://user@host:port/database URL</source>
        <translation>--database braucht eine Journaldatei oder eine URL postgresql://benutzer@host:port/datenbank</translation>
    </message>
    <message>
        <source>Usage: switchyard [--home DIR] [--database URL] [--sandbox] [COMMAND [ARGS...]]

Without a command, opens the desktop app.

Commands:
%1
Options:
  --home DIR   keep config and data in DIR (or set SWITCHYARD_HOME)
  --database URL   keep the ledger in PostgreSQL, postgresql://user@host:port/db
               (or set SWITCHYARD_DATABASE_URL; the password comes from PGPASSFILE)
  --sandbox    use the offline simulated providers on 127.0.0.1
  --sandbox-fault MODEL=FAULT   make a sandbox model fail: an HTTP status (503,
               429:retry=3, 429:insufficient_quota, 400:content_filter), hang, silence,
               drop, malformed, slow, ignore-max-tokens, filtered-answer or failNN
               (NN% of requests)

`switchyard COMMAND --help` describes a command.
</source>
        <translation>Aufruf: switchyard [--home DIR] [--database URL] [--sandbox] [BEFEHL [ARGUMENTE...]]

Ohne Befehl öffnet sich die Desktop-App.

Befehle:
%1
Optionen:
  --home DIR   Konfiguration und Daten in DIR halten (oder SWITCHYARD_HOME setzen)
  --database URL   das Journal in PostgreSQL halten, postgresql://benutzer@host:port/db
               (oder SWITCHYARD_DATABASE_URL setzen; das Passwort kommt aus PGPASSFILE)
  --sandbox    die simulierten Offline-Anbieter auf 127.0.0.1 verwenden
  --sandbox-fault MODEL=FAULT   ein Sandbox-Modell fehlschlagen lassen: ein HTTP-Status (503,
               429:retry=3, 429:insufficient_quota, 400:content_filter), hang, silence,
               drop, malformed, slow, ignore-max-tokens, filtered-answer oder failNN
               (NN % der Anfragen)

`switchyard BEFEHL --help` beschreibt einen Befehl.
</translation>
    </message>
</context>
<context>
    <name>ComparisonExport</name>
    <message>
        <source>Switchyard comparison</source>
        <translation>Switchyard-Vergleich</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Denkprozess</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Werkzeugaufrufe</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Angehängt</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Runde %1</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Angehängt: %1</translation>
    </message>
    <message>
        <source>Tool results sent</source>
        <translation>Gesendete Werkzeugergebnisse</translation>
    </message>
</context>
<context>
    <name>ComparisonExportDialog</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>comparison.md</source>
        <translation>vergleich.md</translation>
    </message>
</context>
<context>
    <name>ComparisonRun</name>
    <message>
        <source>The model &quot;%1&quot; is not configured.</source>
        <translation>Das Modell „%1“ ist nicht konfiguriert.</translation>
    </message>
    <message>
        <source>Routing is not available here: open Switchyard with its engine to route a column.</source>
        <translation>Routing ist hier nicht verfügbar: Öffnen Sie Switchyard mit seiner Engine, um eine Spalte zu routen.</translation>
    </message>
    <message>
        <source>Not sent: %1 does not support %2, which this comparison asks for (%3).</source>
        <translation>Nicht gesendet: %1 unterstützt nicht, was dieser Vergleich verlangt: %2 (%3).</translation>
    </message>
</context>
<context>
    <name>ConfigJsonReader</name>
    <message>
        <source>malformed JSON at line %1, column %2: %3</source>
        <translation>fehlerhaftes JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>auf oberster Ebene wurde ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>expected format &quot;%1&quot;, found &quot;%2&quot;</source>
        <translation>Format „%1“ erwartet, „%2“ gefunden</translation>
    </message>
    <message>
        <source>missing or invalid format version</source>
        <translation>Formatversion fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>written by a newer Switchyard (format version %1; this version reads up to %2). Update Switchyard to use this file; it was left untouched.</source>
        <translation>von einem neueren Switchyard geschrieben (Formatversion %1; diese Version liest bis %2). Aktualisieren Sie Switchyard, um diese Datei zu verwenden; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
</context>
<context>
    <name>ConfigProblem</name>
    <message>
        <source> (did you mean &quot;%1&quot;?)</source>
        <translation> (meinten Sie „%1“?)</translation>
    </message>
</context>
<context>
    <name>ConfigStore</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot save the file: %1</source>
        <translation>die Datei kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes); delete it to start without one</source>
        <translation>die Datei ist leer (0 Bytes); löschen Sie sie, um ohne sie zu starten</translation>
    </message>
</context>
<context>
    <name>ContinueBar</name>
    <message>
        <source>Other columns follow</source>
        <translation>Die anderen Spalten folgen</translation>
    </message>
    <message>
        <source>Send the follow-up to every column, each with its own earlier answers</source>
        <translation>Die Folgefrage an jede Spalte senden, jeweils mit ihren eigenen früheren Antworten</translation>
    </message>
    <message>
        <source>New Comparison</source>
        <translation>Neuer Vergleich</translation>
    </message>
    <message>
        <source>End the conversation: the next prompt starts a fresh comparison</source>
        <translation>Das Gespräch beenden: Der nächste Prompt beginnt einen neuen Vergleich</translation>
    </message>
    <message>
        <source>Continuing the conversation with &lt;b&gt;%1&lt;/b&gt;: the next prompt is a follow-up.</source>
        <translation>Das Gespräch wird mit &lt;b&gt;%1&lt;/b&gt; fortgesetzt: Der nächste Prompt ist eine Folgefrage.</translation>
    </message>
</context>
<context>
    <name>ConverseTranslator</name>
    <message>
        <source>%1: %2 (the model speaks Amazon Bedrock&apos;s Converse API).</source>
        <translation>%1: %2 (das Modell spricht die Converse-API von Amazon Bedrock).</translation>
    </message>
    <message>
        <source>no equivalent in that API</source>
        <translation>keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>Bedrock takes images and documents inline (base64) only</source>
        <translation>Bedrock nimmt Bilder und Dokumente nur eingebettet (Base64) an</translation>
    </message>
    <message>
        <source>only PDF documents can be carried</source>
        <translation>nur PDF-Dokumente können übertragen werden</translation>
    </message>
    <message>
        <source>content block type &quot;%1&quot; has no equivalent in that API</source>
        <translation>der Inhaltsblock-Typ „%1“ hat keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>the tool &quot;%1&quot; runs on Anthropic&apos;s servers</source>
        <translation>das Tool „%1“ läuft auf den Servern von Anthropic</translation>
    </message>
    <message>
        <source>only text can be carried here</source>
        <translation>hier kann nur Text übertragen werden</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>a quoted field is not closed</source>
        <translation>ein Feld in Anführungszeichen ist nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>USD per hour</source>
        <translation>USD pro Stunde</translation>
    </message>
    <message>
        <source>USD per day</source>
        <translation>USD pro Tag</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1
%2: %3 (%4 requests)</source>
        <translation>%1
%2: %3 (%4 Anfragen)</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Tokens</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>(no tier)</source>
        <translation>(keine Stufe)</translation>
    </message>
    <message>
        <source>Tokens (millions)</source>
        <translation>Tokens (Millionen)</translation>
    </message>
    <message>
        <source>Requests (thousands)</source>
        <translation>Anfragen (Tausend)</translation>
    </message>
    <message>
        <source>Tier %1
%2 requests (%3 failed)
Prompt tokens: %4 (cached %5)
Completion tokens: %6
Cost: %7</source>
        <translation>Stufe %1
%2 Anfragen (%3 fehlgeschlagen)
Prompt-Tokens: %4 (davon im Cache %5)
Antwort-Tokens: %6
Kosten: %7</translation>
    </message>
    <message>
        <source>Good attempts (%)</source>
        <translation>Erfolgreiche Versuche (%)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1, %2
%3% good: %4 of %5 attempts failed through the provider&apos;s fault</source>
        <translation>%1, %2
%3 % erfolgreich: %4 von %5 Versuchen scheiterten durch den Anbieter</translation>
    </message>
    <message>
        <source>Failovers per hour</source>
        <translation>Failover pro Stunde</translation>
    </message>
    <message>
        <source>Failovers per day</source>
        <translation>Failover pro Tag</translation>
    </message>
    <message>
        <source>%1
%2 failovers: %3</source>
        <translation>%1
%2 Failover: %3</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message>
        <source>p50 %1 ms, p90 %2 ms, p95 %3 ms, p99 %4 ms (%5)</source>
        <translation>p50 %1 ms, p90 %2 ms, p95 %3 ms, p99 %4 ms (%5)</translation>
    </message>
    <message>
        <source>%1
Latency: %2
First token: %3</source>
        <translation>%1
Latenz: %2
Erstes Token: %3</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>First token p50</source>
        <translation>Erstes Token p50</translation>
    </message>
    <message>
        <source>First token p95</source>
        <translation>Erstes Token p95</translation>
    </message>
    <message>
        <source>Tokens (thousands)</source>
        <translation>Tokens (Tausend)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>this hour so far</source>
        <translation>diese Stunde bisher</translation>
    </message>
    <message>
        <source>today so far</source>
        <translation>heute bisher</translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>%1 providers</source>
        <translation>%1 Anbieter</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>%1 tiers</source>
        <translation>%1 Stufen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Stack by model</source>
        <translation>Nach Modell stapeln</translation>
    </message>
    <message>
        <source>Stack by provider</source>
        <translation>Nach Anbieter stapeln</translation>
    </message>
    <message>
        <source>Stack by tier</source>
        <translation>Nach Stufe stapeln</translation>
    </message>
    <message>
        <source>Savings are measured against sending every request to this model</source>
        <translation>Die Ersparnis wird daran gemessen, jede Anfrage an dieses Modell zu senden</translation>
    </message>
    <message>
        <source>Savings vs</source>
        <translation>Ersparnis ggü.</translation>
    </message>
    <message>
        <source>no priced model</source>
        <translation>kein Modell mit Preis</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation>in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation>in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>in the last 90 days</source>
        <translation>in den letzten 90 Tagen</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>vom %1 bis %2</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>All keys</source>
        <translation>Alle Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>routed traffic only</source>
        <translation>nur gerouteter Verkehr</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Werkbank</translation>
    </message>
    <message>
        <source>Routed (switchyard route)</source>
        <translation>Geroutet (switchyard route)</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Command line (switchyard ask)</source>
        <translation>Kommandozeile (switchyard ask)</translation>
    </message>
    <message>
        <source>Where the requests came from</source>
        <translation>Woher die Anfragen kamen</translation>
    </message>
    <message>
        <source>Gateway client keys (their ids)</source>
        <translation>Client-Schlüssel des Gateways (ihre IDs)</translation>
    </message>
    <message>
        <source>Health probes</source>
        <translation>Zustandsproben</translation>
    </message>
    <message>
        <source>Providers: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <source>Tiers: %1</source>
        <translation>Stufen: %1</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
    <message>
        <source>Client keys: %1</source>
        <translation>Client-Schlüssel: %1</translation>
    </message>
    <message>
        <source>No filters: every provider, model, tier, source and key</source>
        <translation>Keine Filter: alle Anbieter, Modelle, Stufen, Quellen und Schlüssel</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Batch jobs (switchyard batch)</source>
        <translation>Batch-Aufträge (switchyard batch)</translation>
    </message>
    <message>
        <source>Evaluations (switchyard eval)</source>
        <translation>Auswertungen (switchyard eval)</translation>
    </message>
    <message>
        <source>Count savings only on requests the router chose a model for, leaving out workbench comparisons and evaluations</source>
        <translation>Einsparungen nur für Anfragen zählen, für die der Router ein Modell gewählt hat, ohne Vergleiche der Werkbank und Auswertungen</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Spend over time</source>
        <translation>Ausgaben im Zeitverlauf</translation>
    </message>
    <message>
        <source>Requests and tokens per tier</source>
        <translation>Anfragen und Tokens pro Stufe</translation>
    </message>
    <message>
        <source>Provider uptime (share of good attempts)</source>
        <translation>Verfügbarkeit der Anbieter (Anteil erfolgreicher Versuche)</translation>
    </message>
    <message>
        <source>Latency and time to first token per model</source>
        <translation>Latenz und Zeit bis zum ersten Token pro Modell</translation>
    </message>
    <message>
        <source>Failover events by failure class</source>
        <translation>Failover-Ereignisse nach Fehlerklasse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Request that failed over from %1 to %2</source>
        <translation>Anfrage mit Failover von %1 auf %2</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The ledger is off, so there is no history to chart. Turn it on in Settings to see spend, uptime and failovers here.</source>
        <translation>Das Journal ist aus, daher gibt es keinen Verlauf für Diagramme. Schalten Sie es in den Einstellungen ein, um hier Ausgaben, Verfügbarkeit und Failover zu sehen.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Could not read the ledger</source>
        <translation>Das Journal konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the ledger: %1</source>
        <translation>Das Journal konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>No requests match these filters %1.</source>
        <translation>Keine Anfragen passen zu diesen Filtern %1.</translation>
    </message>
    <message>
        <source>No requests %1 — send one from the Workbench.</source>
        <translation>Keine Anfragen %1 — senden Sie eine aus der Werkbank.</translation>
    </message>
    <message>
        <source>Matching requests</source>
        <translation>Passende Anfragen</translation>
    </message>
    <message>
        <source>No provider attempts %1.</source>
        <translation>Keine Anbieterversuche %1.</translation>
    </message>
    <message>
        <source>No answered requests %1, so no latency to show.</source>
        <translation>Keine beantworteten Anfragen %1, daher keine Latenz.</translation>
    </message>
    <message>
        <source>No failovers %1 — every request was answered by its first choice.</source>
        <translation>Keine Failover %1 — jede Anfrage wurde von der ersten Wahl beantwortet.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cost on the reference model</source>
        <translation>Kosten beim Referenzmodell</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <source>Savings by class (tier x model)</source>
        <translation>Einsparungen nach Klasse (Stufe × Modell)</translation>
    </message>
    <message>
        <source>Reconcile with invoice...</source>
        <translation>Mit Rechnung abgleichen...</translation>
    </message>
    <message>
        <source>Compare a provider&apos;s usage or cost export with the ledger</source>
        <translation>Den Nutzungs- oder Kostenexport eines Anbieters mit dem Journal vergleichen</translation>
    </message>
    <message>
        <source>(no tier)</source>
        <translation>(keine Stufe)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Click an event to open its request</source>
        <translation>Klick auf ein Ereignis öffnet seine Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>No failovers %1, and %Ln request(s) failed without one (no other model was tried).</source>
        <translation>
            <numerusform>Keine Failover %1, und %Ln Anfrage schlug ohne eines fehl (kein anderes Modell wurde versucht).</numerusform>
            <numerusform>Keine Failover %1, und %Ln Anfragen schlugen ohne eines fehl (kein anderes Modell wurde versucht).</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 failovers.</source>
        <translation>Die neuesten %1 von %2 Failovern werden gezeigt.</translation>
    </message>
    <message>
        <source>Show all %1</source>
        <translation>Alle %1 zeigen</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot; as CSV: %2</source>
        <translation>„%1“ konnte nicht als CSV gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the numbers of &quot;%1&quot; to %2</source>
        <translation>Die Zahlen von „%1“ wurden in %2 gespeichert</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 bis %3</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot; as PNG: %2</source>
        <translation>„%1“ konnte nicht als PNG gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the chart &quot;%1&quot; to %2</source>
        <translation>Das Diagramm „%1“ wurde in %2 gespeichert</translation>
    </message>
</context>
<context>
    <name>DefaultPolicy</name>
    <message>
        <source>Cheap and fast: classification, extraction, yes/no</source>
        <translation>Günstig und schnell: Klassifizieren, Extrahieren, Ja/Nein</translation>
    </message>
    <message>
        <source>Everyday questions</source>
        <translation>Alltägliche Fragen</translation>
    </message>
    <message>
        <source>Writing and debugging code</source>
        <translation>Code schreiben und debuggen</translation>
    </message>
    <message>
        <source>Analysis, comparison, strategy, research</source>
        <translation>Analyse, Vergleich, Strategie, Recherche</translation>
    </message>
    <message>
        <source>Tag tier=%1</source>
        <translation>Tag tier=%1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>Simple classification or extraction</source>
        <translation>Einfaches Klassifizieren oder Extrahieren</translation>
    </message>
    <message>
        <source>Programming task</source>
        <translation>Programmieraufgabe</translation>
    </message>
    <message>
        <source>Deep thinking</source>
        <translation>Gründliches Nachdenken</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Alles andere</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Switchyard alert: %1</source>
        <translation>Switchyard-Alarm: %1</translation>
    </message>
    <message>
        <source>Switchyard, cleared: %1</source>
        <translation>Switchyard, behoben: %1</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>Compare two answers</source>
        <translation>Zwei Antworten vergleichen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>%1% of words in common</source>
        <translation>%1 % gemeinsame Wörter</translation>
    </message>
</context>
<context>
    <name>DirectHttpExchange</name>
    <message>
        <source>Malformed HTTP response: %1</source>
        <translation>Fehlerhafte HTTP-Antwort: %1</translation>
    </message>
    <message>
        <source>Connection closed by the server</source>
        <translation>Verbindung vom Server geschlossen</translation>
    </message>
    <message>
        <source>Connection closed before the response was complete</source>
        <translation>Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
</context>
<context>
    <name>EffectiveTimeouts</name>
    <message>
        <source>%1 %2 ms (%3)</source>
        <translation>%1 %2 ms (%3)</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>erstes Token</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
</context>
<context>
    <name>EmbeddingsExchange</name>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der vorgesehenen Zeit</translation>
    </message>
    <message>
        <source>The client disconnected.</source>
        <translation>Der Client hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <source>No embeddings model of &quot;%1&quot; can be used now.</source>
        <translation>Kein Embedding-Modell von „%1“ ist gerade nutzbar.</translation>
    </message>
    <message>
        <source>Every embeddings model of &quot;%1&quot; failed.</source>
        <translation>Alle Embedding-Modelle von „%1“ sind gescheitert.</translation>
    </message>
    <message>
        <source>the answer is not an embeddings list</source>
        <translation>die Antwort ist keine Liste von Embeddings</translation>
    </message>
    <message>
        <source>The embeddings request was refused by %1.</source>
        <translation>%1 hat die Embedding-Anfrage abgelehnt.</translation>
    </message>
</context>
<context>
    <name>EmbeddingsRequest</name>
    <message>
        <source>input is required.</source>
        <translation>input ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be a non-empty string or array of token ids; input may also be a list of up to 2048 of them.</source>
        <translation>%1 muss ein nicht leerer String oder ein Array von Token-IDs sein; input darf auch eine Liste von bis zu 2048 davon sein.</translation>
    </message>
    <message>
        <source>encoding_format must be &quot;float&quot; or &quot;base64&quot;.</source>
        <translation>encoding_format muss „float“ oder „base64“ sein.</translation>
    </message>
    <message>
        <source>dimensions must be a positive integer.</source>
        <translation>dimensions muss eine positive ganze Zahl sein.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The history database cannot be written: %1.</source>
        <translation>Die Verlaufsdatenbank kann nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The configuration files have errors and there is no last good configuration; no configured provider, model or rule is used.</source>
        <translation>Die Konfigurationsdateien enthalten Fehler und es gibt keine letzte gute Konfiguration; kein konfigurierter Anbieter, kein Modell und keine Regel wird verwendet.</translation>
    </message>
    <message>
        <source>The configuration files have errors; running on the last good configuration (%1, %2) until they are fixed.</source>
        <translation>Die Konfigurationsdateien enthalten Fehler; bis sie behoben sind, läuft Switchyard mit der letzten guten Konfiguration (%1, %2).</translation>
    </message>
    <message>
        <source>Cannot use %1 as the home directory: it cannot be created or written.</source>
        <translation>%1 kann nicht als Home-Verzeichnis verwendet werden: Es lässt sich nicht anlegen oder beschreiben.</translation>
    </message>
    <message>
        <source>prices.json was not loaded (%1); the bundled prices are used.</source>
        <translation>prices.json wurde nicht geladen (%1); die mitgelieferten Preise werden verwendet.</translation>
    </message>
    <message>
        <source>Cannot start the offline sandbox on 127.0.0.1.</source>
        <translation>Die Offline-Sandbox kann auf 127.0.0.1 nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The history database is not available (%1). Requests will not be recorded.</source>
        <translation>Die Verlaufsdatenbank ist nicht verfügbar (%1). Anfragen werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history database could not be used (%1). It was kept as %2 and a new one was started.</source>
        <translation>Die Verlaufsdatenbank war nicht verwendbar (%1). Sie wurde als %2 aufbewahrt und eine neue angelegt.</translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;; `switchyard models` lists the configured ones.</source>
        <translation>Unbekanntes Modell „%1“; `switchyard models` listet die konfigurierten auf.</translation>
    </message>
    <message>
        <source>Model name &quot;%1&quot; is ambiguous: %2</source>
        <translation>Der Modellname „%1“ ist mehrdeutig: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) recovered from the journal of a Switchyard process that stopped without closing the history (%1 answered, %2 interrupted).</source>
        <translation>
            <numerusform>%n Anfrage aus dem Journal eines Switchyard-Prozesses wiederhergestellt, der ohne Schließen des Verlaufs beendet wurde (%1 beantwortet, %2 unterbrochen).</numerusform>
            <numerusform>%n Anfragen aus dem Journal eines Switchyard-Prozesses wiederhergestellt, der ohne Schließen des Verlaufs beendet wurde (%1 beantwortet, %2 unterbrochen).</numerusform>
        </translation>
    </message>
    <message>
        <source>The trained router was not loaded: %1</source>
        <translation>Der trainierte Router wurde nicht geladen: %1</translation>
    </message>
    <message>
        <source>The shared budget is reachable again.</source>
        <translation>Das gemeinsame Budget ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>The shared budget cannot be checked (%1); until it can, this instance spends at most %2% of what each limit had left.</source>
        <translation>Das gemeinsame Budget kann nicht geprüft werden (%1); bis es wieder geht, gibt diese Instanz höchstens %2 % dessen aus, was von jedem Limit übrig war.</translation>
    </message>
    <message>
        <source>Cooldowns are shared through the ledger database.</source>
        <translation>Pausen (Cooldowns) werden über die Journal-Datenbank geteilt.</translation>
    </message>
    <message>
        <source>Cooldowns are not shared with the other processes on this ledger (%1); retrying every %2 s.</source>
        <translation>Pausen (Cooldowns) werden nicht mit den anderen Prozessen an diesem Journal geteilt (%1); neuer Versuch alle %2 s.</translation>
    </message>
    <message>
        <source>The shared budget could not be updated (%1).</source>
        <translation>Das gemeinsame Budget konnte nicht aktualisiert werden (%1).</translation>
    </message>
    <message>
        <source>The team&apos;s budget cannot be checked (%1); this instance spends at most %2% of what each limit had left until it can.</source>
        <translation>Das Budget des Teams kann nicht geprüft werden (%1); bis es wieder geht, gibt diese Instanz höchstens %2 % dessen aus, was jedem Limit blieb.</translation>
    </message>
</context>
<context>
    <name>EntraTokenSource</name>
    <message>
        <source>Microsoft Entra ID did not answer the token request at %1 within %2 s.</source>
        <translation>Microsoft Entra ID hat die Token-Anfrage an %1 nicht innerhalb von %2 s beantwortet.</translation>
    </message>
    <message>
        <source>No Microsoft Entra ID token: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (AZURE_AUTHORITY_HOST for another cloud), or a token in the provider&apos;s key variable.</source>
        <translation>Kein Microsoft-Entra-ID-Token: Setzen Sie AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET (AZURE_AUTHORITY_HOST für eine andere Cloud) oder ein Token in der Schlüsselvariablen des Anbieters.</translation>
    </message>
    <message>
        <source>The token answer from %1 is too large.</source>
        <translation>Die Token-Antwort von %1 ist zu groß.</translation>
    </message>
    <message>
        <source>The token request to %1 failed: %2</source>
        <translation>Die Token-Anfrage an %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no access_token and expires_in in the answer</source>
        <translation>kein access_token und expires_in in der Antwort</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the token request at %1 (HTTP %2): %3</source>
        <translation>Microsoft Entra ID hat die Token-Anfrage an %1 abgelehnt (HTTP %2): %3</translation>
    </message>
</context>
<context>
    <name>ErrorClassifier</name>
    <message>
        <source>HTTP status %1 with an empty body</source>
        <translation>HTTP-Status %1 mit leerem Inhalt</translation>
    </message>
    <message>
        <source>The provider reported an error in the stream</source>
        <translation>Der Anbieter hat im Stream einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter refused the prompt%1: a judgement of the content, not an outage.</source>
        <translation>Der Inhaltsfilter des Anbieters hat den Prompt abgelehnt%1: ein Urteil über den Inhalt, kein Ausfall.</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter withheld the answer%1 (finish_reason content_filter).</source>
        <translation>Der Inhaltsfilter des Anbieters hat die Antwort zurückgehalten%1 (finish_reason content_filter).</translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Re-prices the routed requests of the period on the models this policy would choose.</source>
        <translation>Berechnet die gerouteten Anfragen des Zeitraums neu mit den Modellen, die diese Richtlinie wählen würde.</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>No history database.</source>
        <translation>Keine Verlaufsdatenbank.</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>No routed requests in the last %n day(s).</source>
        <translation>
            <numerusform>Keine gerouteten Anfragen am letzten Tag.</numerusform>
            <numerusform>Keine gerouteten Anfragen in den letzten %n Tagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln routed request(s): spent %1; with this policy about %2.</source>
        <translation>
            <numerusform>%Ln geroutete Anfrage: %1 ausgegeben; mit dieser Richtlinie etwa %2.</numerusform>
            <numerusform>%Ln geroutete Anfragen: %1 ausgegeben; mit dieser Richtlinie etwa %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) would go to unpriced models (not counted).</source>
        <translation>
            <numerusform>%Ln Anfrage ginge an Modelle ohne Preis (nicht gezählt).</numerusform>
            <numerusform>%Ln Anfragen gingen an Modelle ohne Preis (nicht gezählt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCommand</name>
    <message>
        <source>Run a batch evaluation: every prompt of SET (CSV, JSONL or promptfoo YAML) asked of every model, graded, and kept in the ledger.</source>
        <translation>Eine Stapelauswertung ausführen: jeder Prompt aus SET (CSV, JSONL oder promptfoo-YAML) an jedes Modell gestellt, bewertet und im Ledger festgehalten.</translation>
    </message>
    <message>
        <source>The prompt set file.</source>
        <translation>Die Datei mit den Prompts.</translation>
    </message>
    <message>
        <source>The models to evaluate, comma-separated.</source>
        <translation>Die auszuwertenden Modelle, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Cells in flight at once (default 4); each provider&apos;s own limit applies too.</source>
        <translation>Gleichzeitig laufende Zellen (Standard 4); die eigene Grenze jedes Anbieters gilt zusätzlich.</translation>
    </message>
    <message>
        <source>Print the results as one JSON object.</source>
        <translation>Die Ergebnisse als ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Also write the results to FILE (.csv, .jsonl or .html).</source>
        <translation>Die Ergebnisse zusätzlich in FILE schreiben (.csv, .jsonl oder .html).</translation>
    </message>
    <message>
        <source>Ask the cells of evaluation ID not done yet.</source>
        <translation>Die noch nicht erledigten Zellen der Auswertung ID stellen.</translation>
    </message>
    <message>
        <source>--models is required</source>
        <translation>--models ist erforderlich</translation>
    </message>
    <message>
        <source>--grader %1: %2</source>
        <translation>--grader %1: %2</translation>
    </message>
    <message>
        <source>--concurrency needs a number from 1 to 64</source>
        <translation>--concurrency braucht eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>--resume needs an evaluation id</source>
        <translation>--resume braucht die ID einer Auswertung</translation>
    </message>
    <message>
        <source>--export %1: expected a .csv, .jsonl or .html file</source>
        <translation>--export %1: erwartet wird eine .csv-, .jsonl- oder .html-Datei</translation>
    </message>
    <message>
        <source>the ledger is not open; an evaluation keeps its results there</source>
        <translation>das Ledger ist nicht geöffnet; eine Auswertung hält ihre Ergebnisse dort fest</translation>
    </message>
    <message>
        <source>cannot open the ledger: %1</source>
        <translation>das Ledger kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>call failed: %1</source>
        <translation>Aufruf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail: %1</source>
        <translation>nicht bestanden: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>[%1/%2] %3 x %4: %5</source>
        <translation>[%1/%2] %3 x %4: %5</translation>
    </message>
    <message>
        <source>the ledger did not take a cell: %1</source>
        <translation>das Ledger hat eine Zelle nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Evaluation %1: %2 prompts x %3 models</source>
        <translation>Auswertung %1: %2 Prompts x %3 Modelle</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>pass rate</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>per pass</source>
        <translation>je Bestehen</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cheapest model that passes: %1. %2</source>
        <translation>Günstigstes Modell, das besteht: %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) not done; ask them with: switchyard eval run --resume %1</source>
        <translation>
            <numerusform>%n Zelle nicht erledigt; stellen mit: switchyard eval run --resume %1</numerusform>
            <numerusform>%n Zellen nicht erledigt; stellen mit: switchyard eval run --resume %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with --grader</source>
        <translation>%1 mit --grader</translation>
    </message>
    <message>
        <source>Write the prompts of the history as a prompt set (JSONL) to evaluate.</source>
        <translation>Die Prompts des Verlaufs als Prompt-Satz (JSONL) zum Bewerten schreiben.</translation>
    </message>
    <message>
        <source>import-history</source>
        <translation>import-history</translation>
    </message>
    <message>
        <source>Requests from this date on (YYYY-MM-DD, UTC).</source>
        <translation>Anfragen ab diesem Datum (JJJJ-MM-TT, UTC).</translation>
    </message>
    <message>
        <source>Requests up to and including this date.</source>
        <translation>Anfragen bis einschließlich dieses Datums.</translation>
    </message>
    <message>
        <source>Only requests a model answered (its id or name).</source>
        <translation>Nur Anfragen, die ein Modell beantwortet hat (seine ID oder sein Name).</translation>
    </message>
    <message>
        <source>At most N prompts, the newest (default 1000).</source>
        <translation>Höchstens N Prompts, die neuesten (Standard 1000).</translation>
    </message>
    <message>
        <source>Write each request&apos;s answer as the prompt&apos;s expected answer.</source>
        <translation>Die Antwort jeder Anfrage als erwartete Antwort des Prompts schreiben.</translation>
    </message>
    <message>
        <source>The prompt set to write (.jsonl).</source>
        <translation>Der zu schreibende Prompt-Satz (.jsonl).</translation>
    </message>
    <message>
        <source>usage: switchyard eval import-history --since DATE [--until DATE] [--model M] [--limit N] [--answers-as-expected] --out SET.jsonl</source>
        <translation>Aufruf: switchyard eval import-history --since DATUM [--until DATUM] [--model M] [--limit N] [--answers-as-expected] --out SATZ.jsonl</translation>
    </message>
    <message>
        <source>--since needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--since braucht ein Datum als JJJJ-MM-TT, nicht „%1“</translation>
    </message>
    <message>
        <source>--until needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--until braucht ein Datum als JJJJ-MM-TT, nicht „%1“</translation>
    </message>
    <message>
        <source>--limit needs a number of 1 or more</source>
        <translation>--limit braucht eine Zahl ab 1</translation>
    </message>
    <message>
        <source>--out %1: the set is written as JSONL; name a .jsonl file</source>
        <translation>--out %1: der Satz wird als JSONL geschrieben; nennen Sie eine .jsonl-Datei</translation>
    </message>
    <message>
        <source>the ledger is not open; the history is kept there</source>
        <translation>das Protokoll ist nicht geöffnet; dort liegt der Verlauf</translation>
    </message>
    <message>
        <source>cannot read the ledger: %1</source>
        <translation>das Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no prompt in the history matches (%1)</source>
        <translation>kein Prompt im Verlauf passt (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>run, or import-history (see its --help)</source>
        <translation>run oder import-history (siehe dessen --help)</translation>
    </message>
    <message>
        <source>A grader for the prompts that name none (repeatable): equals[:TEXT], contains[:TEXT], regex:PATTERN, json-valid, json-schema-valid:SCHEMA, numeric[:TOLERANCE], tool-call:NAME, llm-judge:MODEL[:THRESHOLD], llm-pairwise:JUDGE[:BASELINE]. Default: contains the expected answer.</source>
        <translation>Ein Bewerter für die Prompts, die keinen nennen (wiederholbar): equals[:TEXT], contains[:TEXT], regex:MUSTER, json-valid, json-schema-valid:SCHEMA, numeric[:TOLERANZ], tool-call:NAME, llm-judge:MODELL[:SCHWELLE], llm-pairwise:RICHTER[:VERGLEICHSMODELL]. Standard: enthält die erwartete Antwort.</translation>
    </message>
    <message>
        <source>Offer the tools in FILE (OpenAI&apos;s tools list, or an object with &quot;tools&quot; and &quot;tool_choice&quot;) with every prompt that offers none of its own.</source>
        <translation>Die Werkzeuge in DATEI (OpenAIs Werkzeugliste oder ein Objekt mit „tools“ und „tool_choice“) mit jedem Prompt anbieten, der keine eigenen anbietet.</translation>
    </message>
    <message>
        <source>usage: switchyard eval run SET --models A,B,... [--grader KIND[:ARG]] [--concurrency N] [--json] [--export FILE] [--tools FILE] [--resume ID]</source>
        <translation>Aufruf: switchyard eval run SATZ --models A,B,... [--grader ART[:ARG]] [--concurrency N] [--json] [--export DATEI] [--tools DATEI] [--resume ID]</translation>
    </message>
    <message>
        <source>--resume takes the prompts, models, graders and tools the evaluation started with; give no SET, --models, --grader or --tools</source>
        <translation>--resume nimmt die Prompts, Modelle, Bewerter und Werkzeuge, mit denen die Bewertung begann; geben Sie keinen SATZ, kein --models, --grader oder --tools an</translation>
    </message>
    <message>
        <source>%1 against %2: %3 won, %4 tied, %5 lost</source>
        <translation>%1 gegen %2: %3 gewonnen, %4 unentschieden, %5 verloren</translation>
    </message>
</context>
<context>
    <name>EvaluationAdvicePanel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Cost per prompt</source>
        <translation>Kosten pro Prompt</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>&amp;Auswertung:</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>there is no ledger</source>
        <translation>es gibt kein Ledger</translation>
    </message>
    <message>
        <source>%1: %2, %3 prompts x %4 models</source>
        <translation>%1: %2, %3 Prompts x %4 Modelle</translation>
    </message>
    <message>
        <source>No evaluation yet: run one with `switchyard eval run SET --models A,B`.</source>
        <translation>Noch keine Auswertung: eine mit `switchyard eval run SET --models A,B` ausführen.</translation>
    </message>
    <message>
        <source>The evaluations cannot be read: %1</source>
        <translation>Die Auswertungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The evaluation&apos;s cells cannot be read: %1</source>
        <translation>Die Zellen der Auswertung können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>Make %1 the primary of %2</source>
        <translation>%1 zum primären Modell von %2 machen</translation>
    </message>
    <message>
        <source>Put %1 at the top of the %2 chain (undoable)</source>
        <translation>%1 an die Spitze der Kette %2 stellen (rückgängig zu machen)</translation>
    </message>
</context>
<context>
    <name>EvaluationEvidence</name>
    <message>
        <source>evaluation %1 did not ask %2 (it asked %3)</source>
        <translation>Auswertung %1 hat %2 nicht gefragt (sie fragte %3)</translation>
    </message>
</context>
<context>
    <name>EvaluationExport</name>
    <message>
        <source>Evaluation %1: %2</source>
        <translation>Auswertung %1: %2</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>call failed: %1</source>
        <translation>Aufruf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Pass rate (95 % interval)</source>
        <translation>Bestehensquote (95-%-Intervall)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cost per pass</source>
        <translation>Kosten pro Bestehen</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Latency p50 / p95</source>
        <translation>Latenz p50 / p95</translation>
    </message>
    <message>
        <source>%1 ms / %2 ms</source>
        <translation>%1 ms / %2 ms</translation>
    </message>
    <message>
        <source>Cheapest model that passes: %1. %2</source>
        <translation>Günstigstes Modell, das besteht: %1. %2</translation>
    </message>
    <message>
        <source>%1: unknown export format (expected .csv, .jsonl or .html)</source>
        <translation>%1: unbekanntes Exportformat (erwartet: .csv, .jsonl oder .html)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>EvaluationMatrixDialog</name>
    <message>
        <source>Evaluation results</source>
        <translation>Auswertungsergebnisse</translation>
    </message>
    <message>
        <source>Evaluation:</source>
        <translation>Auswertung:</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export JSONL...</source>
        <translation>JSONL exportieren …</translation>
    </message>
    <message>
        <source>Export HTML...</source>
        <translation>HTML exportieren …</translation>
    </message>
    <message>
        <source>The ledger cannot be read: %1</source>
        <translation>Das Ledger kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3 prompts x %4 models</source>
        <translation>%1: %2, %3 Prompts x %4 Modelle</translation>
    </message>
    <message>
        <source>The evaluations cannot be read: %1</source>
        <translation>Die Auswertungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No evaluation yet: run one with `switchyard eval run SET --models A,B`.</source>
        <translation>Noch keine Auswertung: eine mit `switchyard eval run SET --models A,B` ausführen.</translation>
    </message>
    <message>
        <source>The evaluation&apos;s cells cannot be read: %1</source>
        <translation>Die Zellen der Auswertung können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cheapest model that passes: %1. %2</source>
        <translation>Günstigstes Modell, das besteht: %1. %2</translation>
    </message>
    <message>
        <source>Export the evaluation</source>
        <translation>Die Auswertung exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Resume evaluation</source>
        <translation>Auswertung fortsetzen</translation>
    </message>
    <message>
        <source>Ask the cells of the evaluation shown that are not done; what was paid for is not asked again</source>
        <translation>Die noch offenen Zellen der gezeigten Auswertung fragen; was bezahlt ist, wird nicht noch einmal gefragt</translation>
    </message>
</context>
<context>
    <name>EvaluationMatrixModel</name>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>call failed</source>
        <translation>Aufruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 (score %2)</source>
        <translation>%1 (Bewertung %2)</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 ms</source>
        <translation>%1 · %2 · %3 ms</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 ms / %2 ms</source>
        <translation>%1 ms / %2 ms</translation>
    </message>
    <message>
        <source>Pass rate (95 % interval)</source>
        <translation>Bestehensquote (95-%-Intervall)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cost per pass</source>
        <translation>Kosten pro Bestehen</translation>
    </message>
    <message>
        <source>Latency p50 / p95</source>
        <translation>Latenz p50 / p95</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Vergleichsmodell</translation>
    </message>
    <message>
        <source>%1, %2 of %3 graders</source>
        <translation>%1 (%2/%3 Bewerter)</translation>
    </message>
</context>
<context>
    <name>EvaluationPlan</name>
    <message>
        <source>%1:%2: prompt &quot;%3&quot; has no grader and no expected answer; name a grader</source>
        <translation>%1:%2: Prompt „%3“ hat keinen Bewerter und keine erwartete Antwort; nennen Sie einen Bewerter</translation>
    </message>
    <message>
        <source>Graders: %1; a cell passes when every one passes.</source>
        <translation>Bewerter: %1; eine Zelle besteht, wenn jeder besteht.</translation>
    </message>
    <message>
        <source>Grader: %1.</source>
        <translation>Bewerter: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 prompt(s) name their own graders, which replace these for them.</source>
        <translation>
            <numerusform>%n von %1 Prompts nennt eigene Bewerter, die diese für ihn ersetzen.</numerusform>
            <numerusform>%n von %1 Prompts nennen eigene Bewerter, die diese für sie ersetzen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationRun</name>
    <message>
        <source>model %1 names an unknown provider %2</source>
        <translation>Modell %1 nennt einen unbekannten Anbieter %2</translation>
    </message>
    <message>
        <source>no model to evaluate</source>
        <translation>kein Modell zum Auswerten</translation>
    </message>
    <message>
        <source>no prompts</source>
        <translation>keine Prompts</translation>
    </message>
    <message>
        <source>model %1 cannot be called</source>
        <translation>Modell %1 kann nicht aufgerufen werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the judge %1 could not be asked: %2</source>
        <translation>das Bewertungsmodell %1 konnte nicht gefragt werden: %2</translation>
    </message>
    <message>
        <source>the pairwise baseline %1 is not one of the models evaluated (%2)</source>
        <translation>das Vergleichsmodell %1 ist keines der bewerteten Modelle (%2)</translation>
    </message>
    <message>
        <source>llm-judge and llm-pairwise cannot grade the same evaluation; run them as two</source>
        <translation>llm-judge und llm-pairwise können nicht dieselbe Bewertung bewerten; starten Sie zwei</translation>
    </message>
    <message>
        <source>worse than the baseline %1 in both orders</source>
        <translation>in beiden Reihenfolgen schlechter als das Vergleichsmodell %1</translation>
    </message>
    <message>
        <source>the baseline %1 has no answer to compare with</source>
        <translation>das Vergleichsmodell %1 hat keine Antwort zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>EvaluationRunBar</name>
    <message>
        <source>estimating the time left</source>
        <translation>die Restzeit wird geschätzt</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>noch etwa %n Sekunde</numerusform>
            <numerusform>noch etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>noch etwa %n Minute</numerusform>
            <numerusform>noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Run an evaluation</source>
        <translation>Eine Auswertung starten</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Ca&amp;ncel run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>A prompt set: .csv, .jsonl or promptfoo .yaml</source>
        <translation>Ein Prompt-Satz: .csv, .jsonl oder promptfoo-.yaml</translation>
    </message>
    <message>
        <source>contains the expected answer</source>
        <translation>enthält die erwartete Antwort</translation>
    </message>
    <message>
        <source>Cells in flight at once; each provider&apos;s own limit applies too</source>
        <translation>Gleichzeitig laufende Zellen; das eigene Limit jedes Anbieters gilt zusätzlich</translation>
    </message>
    <message>
        <source>%v of %m cells</source>
        <translation>%v von %m Zellen</translation>
    </message>
    <message>
        <source>Prompt s&amp;et:</source>
        <translation>Prompt-Sat&amp;z:</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <source>Ce&amp;lls at once:</source>
        <translation>Ze&amp;llen zugleich:</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Satz</translation>
    </message>
    <message>
        <source>Prompt sets (*.csv *.jsonl *.ndjson *.yaml *.yml)</source>
        <translation>Prompt-Sätze (*.csv *.jsonl *.ndjson *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose a prompt set file first.</source>
        <translation>Wählen Sie zuerst eine Datei mit einem Prompt-Satz.</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Check at least one model to ask.</source>
        <translation>Haken Sie mindestens ein Modell an, das gefragt werden soll.</translation>
    </message>
    <message>
        <source>The ledger cannot be written: %1</source>
        <translation>In das Ledger kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The ledger did not take a cell: %1</source>
        <translation>Das Ledger hat eine Zelle nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Evaluation %1 complete: %2 cells.</source>
        <translation>Auswertung %1 vollständig: %2 Zellen.</translation>
    </message>
    <message>
        <source>Evaluation %1 stopped with %2 of %3 cells done; resume it to ask the rest.</source>
        <translation>Auswertung %1 angehalten, %2 von %3 Zellen erledigt; setzen Sie sie fort, um den Rest zu fragen.</translation>
    </message>
    <message>
        <source>Paused: the cells in flight finish, no new one starts.</source>
        <translation>Pausiert: laufende Zellen werden fertig, keine neue beginnt.</translation>
    </message>
    <message>
        <source>Evaluation %1: %2.</source>
        <translation>Auswertung %1: %2.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Optional: a tools file (.json) for the prompts that offer none</source>
        <translation>Optional: eine Werkzeugdatei (.json) für die Prompts, die keine anbieten</translation>
    </message>
    <message>
        <source>OpenAI&apos;s tools list, or an object with &quot;tools&quot; and &quot;tool_choice&quot;; offered to every model, so tool-call graders grade real calls</source>
        <translation>OpenAIs Werkzeugliste oder ein Objekt mit „tools“ und „tool_choice“; jedem Modell angeboten, sodass tool-call-Bewerter echte Aufrufe bewerten</translation>
    </message>
    <message>
        <source>T&amp;ools:</source>
        <translation>&amp;Werkzeuge:</translation>
    </message>
    <message>
        <source>The set&apos;s graders, one a line, for prompts that name none: equals[:TEXT], contains[:TEXT], regex:PATTERN, json-valid, json-schema-valid:SCHEMA, numeric[:TOLERANCE], tool-call:NAME, llm-judge:MODEL[:THRESHOLD], llm-pairwise:JUDGE[:BASELINE]</source>
        <translation>Die Bewerter des Satzes, einer je Zeile, für Prompts, die keine nennen: equals[:TEXT], contains[:TEXT], regex:MUSTER, json-valid, json-schema-valid:SCHEMA, numeric[:TOLERANZ], tool-call:NAME, llm-judge:MODELL[:SCHWELLE], llm-pairwise:RICHTER[:VERGLEICHSMODELL]</translation>
    </message>
    <message>
        <source>&amp;Graders:</source>
        <translation>&amp;Bewerter:</translation>
    </message>
    <message>
        <source>One a line; a cell passes when every grader passes. Prompts that name their own graders in the file are graded by those instead.</source>
        <translation>Einer je Zeile; eine Zelle besteht, wenn jeder Bewerter besteht. Prompts, die in der Datei eigene Bewerter nennen, werden stattdessen von diesen bewertet.</translation>
    </message>
    <message>
        <source>Graders, line %1: %2</source>
        <translation>Bewerter, Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>EvaluationSetDialog</name>
    <message>
        <source>New Evaluation Set</source>
        <translation>Neuer Bewertungssatz</translation>
    </message>
    <message>
        <source>No expected answer</source>
        <translation>Keine erwartete Antwort</translation>
    </message>
    <message>
        <source>The answer of %1</source>
        <translation>Die Antwort von %1</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Expected answer:</source>
        <translation>&amp;Erwartete Antwort:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) selected. Each prompt becomes a line of a JSONL prompt set, which opens in the evaluation run box.</source>
        <translation>
            <numerusform>%n Lauf ausgewählt. Jeder Prompt wird eine Zeile eines JSONL-Prompt-Satzes, der sich im Bewertungslauf öffnet.</numerusform>
            <numerusform>%n Läufe ausgewählt. Jeder Prompt wird eine Zeile eines JSONL-Prompt-Satzes, der sich im Bewertungslauf öffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Write Set</source>
        <translation>Satz &amp;schreiben</translation>
    </message>
    <message>
        <source>Save the Prompt Set</source>
        <translation>Prompt-Satz speichern</translation>
    </message>
    <message>
        <source>Prompt sets (*.jsonl)</source>
        <translation>Prompt-Sätze (*.jsonl)</translation>
    </message>
    <message>
        <source>Name the file to write.</source>
        <translation>Nennen Sie die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>No prompt to write: %1</source>
        <translation>Kein Prompt zu schreiben: %1</translation>
    </message>
</context>
<context>
    <name>EvaluationStore</name>
    <message>
        <source>the new evaluation got no id</source>
        <translation>die neue Auswertung hat keine ID erhalten</translation>
    </message>
    <message>
        <source>there is no evaluation %1 in the ledger</source>
        <translation>im Ledger gibt es keine Auswertung %1</translation>
    </message>
    <message>
        <source>evaluation %1 has a grader this version cannot read: %2</source>
        <translation>Auswertung %1 hat einen Bewerter, den diese Version nicht lesen kann: %2</translation>
    </message>
</context>
<context>
    <name>EvaluationSummary</name>
    <message>
        <source>No answer has been graded yet.</source>
        <translation>Noch keine Antwort wurde bewertet.</translation>
    </message>
    <message>
        <source>No priced model passes as often as %1.</source>
        <translation>Kein Modell mit Preis besteht so oft wie %1.</translation>
    </message>
    <message>
        <source>%1 passes most often (%2 %), and no cheaper model passes about as often; it costs %3 per prompt.</source>
        <translation>%1 besteht am häufigsten (%2 %), und kein günstigeres Modell besteht etwa so oft; es kostet %3 pro Prompt.</translation>
    </message>
    <message>
        <source>%1 passes %2 % against %3&apos;s %4 %, not significantly less, at %5 per prompt.</source>
        <translation>%1 besteht %2 % gegenüber %4 % bei %3, nicht signifikant weniger, für %5 pro Prompt.</translation>
    </message>
</context>
<context>
    <name>ExplainCommand</name>
    <message>
        <source>Show how a prompt would be routed, without sending it.</source>
        <translation>Zeigen, wie ein Prompt geroutet würde, ohne ihn zu senden.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Routing tag such as tier=coding (repeatable).</source>
        <translation>Routing-Tag wie tier=coding (mehrfach möglich).</translation>
    </message>
    <message>
        <source>The prompt to explain.</source>
        <translation>Der zu erklärende Prompt.</translation>
    </message>
    <message>
        <source>no prompt given</source>
        <translation>kein Prompt angegeben</translation>
    </message>
    <message>
        <source>A gateway client&apos;s JSON request body to explain instead of a prompt (its model, images and tools count).</source>
        <translation>Der JSON-Anfragekörper eines Gateway-Clients, der statt eines Prompts erklärt wird (sein Modell, seine Bilder und Werkzeuge zählen).</translation>
    </message>
    <message>
        <source>The body is an Anthropic Messages request (default: OpenAI chat).</source>
        <translation>Der Körper ist eine Anthropic-Messages-Anfrage (Standard: OpenAI-Chat).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2: %3</translation>
    </message>
    <message>
        <source>Explain what a caller naming this model, group or tier gets.</source>
        <translation>Erklären, was ein Aufrufer bekommt, der dieses Modell, diese Gruppe oder diese Stufe nennt.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>Forced: %1</source>
        <translation>Erzwungen: %1</translation>
    </message>
    <message>
        <source>Rule %1 &quot;%2&quot; fired: %3</source>
        <translation>Regel %1 „%2“ greift: %3</translation>
    </message>
    <message>
        <source>No rule fired: %1</source>
        <translation>Keine Regel greift: %1</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>Pinned model: %1</source>
        <translation>Festes Modell: %1</translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation>Kette:</translation>
    </message>
    <message>
        <source>Settings: timeouts connect %1 ms, first token %2 ms, idle %3 ms, total %4 ms</source>
        <translation>Einstellungen: Zeitlimits Verbinden %1 ms, erstes Token %2 ms, Pause %3 ms, gesamt %4 ms</translation>
    </message>
    <message>
        <source>  rate-limit wait cap %1 ms; quota cooldown %2 s; cooldown after %3 failures in %4 s for %5 s</source>
        <translation>  Wartegrenze bei Ratenlimit %1 ms; Pause bei Kontingent %2 s; Pause nach %3 Fehlern in %4 s für %5 s</translation>
    </message>
    <message>
        <source>  balancing %1; mid-stream %2; hedging %3; cache %4</source>
        <translation>  Lastverteilung %1; mitten im Stream %2; Hedging %3; Cache %4</translation>
    </message>
    <message>
        <source>after %1 ms</source>
        <translation>nach %1 ms</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>Budget: %1</translation>
    </message>
    <message>
        <source>Chain of tier %1:</source>
        <translation>Kette der Stufe %1:</translation>
    </message>
    <message>
        <source>  (empty: no model to call)</source>
        <translation>  (leer: kein Modell aufzurufen)</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source> (budget warning: %1)</source>
        <translation> (Budgetwarnung: %1)</translation>
    </message>
    <message>
        <source>  %1. %2%3 - %4</source>
        <translation>  %1. %2%3 - %4</translation>
    </message>
    <message>
        <source>     timeouts: %1</source>
        <translation>     Zeitlimits: %1</translation>
    </message>
    <message>
        <source>Learned router: p_strong %1, threshold %2: strong model %3</source>
        <translation>Gelernter Router: p_strong %1, Schwelle %2: starkes Modell %3</translation>
    </message>
    <message>
        <source>Learned router: p_strong %1, threshold %2: weak model %3</source>
        <translation>Gelernter Router: p_strong %1, Schwelle %2: schwaches Modell %3</translation>
    </message>
    <message>
        <source>Wildcard: %1 matched &quot;%2&quot;; the name is passed through to the provider</source>
        <translation>Platzhalter: %1 passt auf „%2“; der Name wird an den Anbieter durchgereicht</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Export the configuration (LiteLLM, Portkey) or the request history.</source>
        <translation>Die Konfiguration (LiteLLM, Portkey) oder den Anfrageverlauf exportieren.</translation>
    </message>
    <message>
        <source>History format: csv or jsonl.</source>
        <translation>Verlaufsformat: csv oder jsonl.</translation>
    </message>
    <message>
        <source>litellm-config, portkey-config or history</source>
        <translation>litellm-config, portkey-config oder history</translation>
    </message>
    <message>
        <source>Where to write.</source>
        <translation>Wohin geschrieben wird.</translation>
    </message>
    <message>
        <source>usage: switchyard export litellm-config|portkey-config|history [--format csv|jsonl] FILE</source>
        <translation>Aufruf: switchyard export litellm-config|portkey-config|history [--format csv|jsonl] DATEI</translation>
    </message>
    <message>
        <source>--format must be csv or jsonl</source>
        <translation>--format muss csv oder jsonl sein</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>cannot export the history: %1</source>
        <translation>der Verlauf kann nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>%1 requests written to %2
</source>
        <translation>%1 Anfragen nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Written to %1
</source>
        <translation>Nach %1 geschrieben
</translation>
    </message>
</context>
<context>
    <name>ExportCsvReader</name>
    <message>
        <source>expected a header line</source>
        <translation>erwartet eine Kopfzeile</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>eine leere Datei</translation>
    </message>
    <message>
        <source>expected a column named %1</source>
        <translation>erwartet eine Spalte namens %1</translation>
    </message>
    <message>
        <source>the columns %1</source>
        <translation>die Spalten %1</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header</source>
        <translation>erwartet %1 Felder wie in der Kopfzeile</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>erwartet eine Zahl</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>erwartet eine ganze Zahl</translation>
    </message>
    <message>
        <source>expected a date (YYYY-MM-DD, ISO time or Unix seconds)</source>
        <translation>erwartet ein Datum (JJJJ-MM-TT, ISO-Zeit oder Unix-Sekunden)</translation>
    </message>
</context>
<context>
    <name>ExportJsonReader</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>expected an array &quot;%1&quot;</source>
        <translation>erwartet ein Array „%1“</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>erwartet ein Objekt</translation>
    </message>
    <message>
        <source>expected a text &quot;%1&quot;</source>
        <translation>erwartet einen Text „%1“</translation>
    </message>
    <message>
        <source>expected a number &quot;%1&quot;</source>
        <translation>erwartet eine Zahl „%1“</translation>
    </message>
    <message>
        <source>expected a whole number &quot;%1&quot;</source>
        <translation>erwartet eine ganze Zahl „%1“</translation>
    </message>
    <message>
        <source>expected a decimal number as text &quot;%1&quot;</source>
        <translation>erwartet eine Dezimalzahl als Text „%1“</translation>
    </message>
    <message>
        <source>expected a time &quot;%1&quot; (Unix seconds or RFC 3339)</source>
        <translation>erwartet eine Zeit „%1“ (Unix-Sekunden oder RFC 3339)</translation>
    </message>
</context>
<context>
    <name>FailureClass</name>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenlimit erreicht</translation>
    </message>
    <message>
        <source>Quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Zeitüberschreitung beim Verbinden</translation>
    </message>
    <message>
        <source>First-token timeout</source>
        <translation>Zeitüberschreitung beim ersten Token</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Zeitüberschreitung zwischen Tokens</translation>
    </message>
    <message>
        <source>Total timeout</source>
        <translation>Gesamtzeit überschritten</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Stream broken</source>
        <translation>Stream abgebrochen</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not supported by the model</source>
        <translation>Vom Modell nicht unterstützt</translation>
    </message>
    <message>
        <source>Blocked by content filter</source>
        <translation>Vom Inhaltsfilter blockiert</translation>
    </message>
</context>
<context>
    <name>FigureFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 Tok./s</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 ein / %2 aus</translation>
    </message>
</context>
<context>
    <name>GatewayAdmission</name>
    <message>
        <source>The request has no Host header.</source>
        <translation>Die Anfrage hat keinen Host-Header.</translation>
    </message>
    <message>
        <source>This gateway does not answer to the host name &quot;%1&quot;. Use 127.0.0.1 or localhost, or allow the name (serve --allow-host NAME).</source>
        <translation>Dieses Gateway antwortet nicht auf den Hostnamen „%1“. Verwenden Sie 127.0.0.1 oder localhost, oder erlauben Sie den Namen (serve --allow-host NAME).</translation>
    </message>
    <message>
        <source>Requests from web pages at %1 are not allowed. Allow the origin explicitly (serve --allow-origin ORIGIN) if that page should use this gateway.</source>
        <translation>Anfragen von Webseiten unter %1 sind nicht erlaubt. Erlauben Sie den Ursprung ausdrücklich (serve --allow-origin ORIGIN), wenn diese Seite das Gateway nutzen soll.</translation>
    </message>
    <message>
        <source>Request bodies must be JSON: send the header &quot;Content-Type: application/json&quot;.</source>
        <translation>Anfragetexte müssen JSON sein: Senden Sie den Header „Content-Type: application/json“.</translation>
    </message>
    <message>
        <source>Request bodies must be JSON: send &quot;Content-Type: application/json&quot;, not &quot;%1&quot;.</source>
        <translation>Anfragetexte müssen JSON sein: Senden Sie „Content-Type: application/json“, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>GatewayBodyCheck</name>
    <message>
        <source>tools must be an array.</source>
        <translation>tools muss ein Array sein.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>%1.type is required (&quot;function&quot;).</source>
        <translation>%1.type ist erforderlich („function“).</translation>
    </message>
    <message>
        <source>%1.name must be 1-64 letters, digits, underscores or dashes.</source>
        <translation>%1.name muss aus 1–64 Buchstaben, Ziffern, Unterstrichen oder Bindestrichen bestehen.</translation>
    </message>
    <message>
        <source>%1.parameters must be a JSON Schema object.</source>
        <translation>%1.parameters muss ein JSON-Schema-Objekt sein.</translation>
    </message>
    <message>
        <source>%1.input_schema must be a JSON Schema object.</source>
        <translation>%1.input_schema muss ein JSON-Schema-Objekt sein.</translation>
    </message>
    <message>
        <source>response_format must be an object with a type (text, json_object or json_schema).</source>
        <translation>response_format muss ein Objekt mit einem type sein (text, json_object oder json_schema).</translation>
    </message>
    <message>
        <source>response_format.json_schema.name is required.</source>
        <translation>response_format.json_schema.name ist erforderlich.</translation>
    </message>
    <message>
        <source>response_format.json_schema.schema must be a JSON Schema object.</source>
        <translation>response_format.json_schema.schema muss ein JSON-Schema-Objekt sein.</translation>
    </message>
    <message>
        <source>%1 must be an http(s) URL or a data:image/...;base64, URL.</source>
        <translation>%1 muss eine http(s)-URL oder eine data:image/...;base64,-URL sein.</translation>
    </message>
    <message>
        <source>%1 needs a type.</source>
        <translation>%1 braucht einen type.</translation>
    </message>
    <message>
        <source>%1.text must be a string.</source>
        <translation>%1.text muss ein String sein.</translation>
    </message>
    <message>
        <source>%1 needs media_type image/... and base64 data.</source>
        <translation>%1 braucht media_type image/... und base64-Daten.</translation>
    </message>
    <message>
        <source>%1.type must be base64, url or file.</source>
        <translation>%1.type muss base64, url oder file sein.</translation>
    </message>
    <message>
        <source>%1: tool_use blocks belong to assistant messages.</source>
        <translation>%1: tool_use-Blöcke gehören in assistant-Nachrichten.</translation>
    </message>
    <message>
        <source>%1 needs an id, a name and an input object.</source>
        <translation>%1 braucht eine id, einen name und ein input-Objekt.</translation>
    </message>
    <message>
        <source>%1.tool_use_id &quot;%2&quot; answers no tool_use of an earlier assistant message.</source>
        <translation>%1.tool_use_id „%2“ beantwortet kein tool_use einer früheren assistant-Nachricht.</translation>
    </message>
    <message>
        <source>%1 must be a string or an array of content parts.</source>
        <translation>%1 muss ein String oder ein Array von Inhaltsteilen sein.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 muss ein Array sein.</translation>
    </message>
    <message>
        <source>%1 needs an id and a function with a name and arguments (a JSON string).</source>
        <translation>%1 braucht eine id und eine function mit name und arguments (ein JSON-String).</translation>
    </message>
    <message>
        <source>%1 must be &quot;user&quot; or &quot;assistant&quot;.</source>
        <translation>%1 muss „user“ oder „assistant“ sein.</translation>
    </message>
    <message>
        <source>%1 must be &quot;system&quot;, &quot;developer&quot;, &quot;user&quot;, &quot;assistant&quot; or &quot;tool&quot;.</source>
        <translation>%1 muss „system“, „developer“, „user“, „assistant“ oder „tool“ sein.</translation>
    </message>
    <message>
        <source>%1.tool_call_id &quot;%2&quot; answers no tool call of an earlier assistant message.</source>
        <translation>%1.tool_call_id „%2“ beantwortet keinen Tool-Aufruf einer früheren assistant-Nachricht.</translation>
    </message>
    <message>
        <source>%1 holds an image of %2 MB; at most %3 MB are taken per image.</source>
        <translation>%1 enthält ein Bild von %2 MB; je Bild werden höchstens %3 MB angenommen.</translation>
    </message>
</context>
<context>
    <name>GatewayDock</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Gateway &amp;Traffic</source>
        <translation>Gateway-&amp;Verkehr</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Copy Gateway URL</source>
        <translation>Gateway-URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Gateway :%1</source>
        <translation>Gateway :%1</translation>
    </message>
    <message>
        <source>The local gateway serves %1 (Tools, Local Gateway switches it off).</source>
        <translation>Das lokale Gateway stellt %1 bereit (Werkzeuge, Lokales Gateway schaltet es ab).</translation>
    </message>
</context>
<context>
    <name>GatewayError</name>
    <message>
        <source>Last error: %1.</source>
        <translation>Letzter Fehler: %1.</translation>
    </message>
    <message>
        <source>Attempts: %1.</source>
        <translation>Versuche: %1.</translation>
    </message>
</context>
<context>
    <name>GatewayExchange</name>
    <message>
        <source>The upstream answer broke off after text was sent; it is incomplete.</source>
        <translation>Die Antwort des Anbieters brach ab, nachdem schon Text gesendet war; sie ist unvollständig.</translation>
    </message>
    <message>
        <source>The client disconnected.</source>
        <translation>Der Client hat die Verbindung getrennt.</translation>
    </message>
</context>
<context>
    <name>GatewayPanel</name>
    <message>
        <source>Use this as the base URL of an OpenAI SDK; the model may be &quot;auto&quot;, a routing tier, a group or a model id.</source>
        <translation>Verwenden Sie dies als Basis-URL eines OpenAI-SDK; das Modell kann „auto“, eine Routing-Stufe, eine Gruppe oder eine Modell-ID sein.</translation>
    </message>
    <message>
        <source>Copy the endpoint URL</source>
        <translation>Die Endpunkt-URL kopieren</translation>
    </message>
    <message>
        <source>The port the gateway listens on, on 127.0.0.1 (applies when it starts).</source>
        <translation>Der Port, auf dem das Gateway auf 127.0.0.1 lauscht (gilt beim Start).</translation>
    </message>
    <message>
        <source>client left</source>
        <translation>Client getrennt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the table (the ledger keeps every request).</source>
        <translation>Die Tabelle leeren (das Journal behält jede Anfrage).</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Running on 127.0.0.1:%1</source>
        <translation>Läuft auf 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Requests shown: %1</source>
        <translation>Angezeigte Anfragen: %1</translation>
    </message>
    <message>
        <source>Requests shown: %1 (running: %2)</source>
        <translation>Angezeigte Anfragen: %1 (laufend: %2)</translation>
    </message>
    <message>
        <source>none (e.g. https://app.example)</source>
        <translation>keine (z. B. https://app.example)</translation>
    </message>
    <message>
        <source>Web pages allowed to call the gateway from a browser, separated by commas. Requests from any other page are refused, so a site you visit cannot spend your credit.</source>
        <translation>Webseiten, die das Gateway aus einem Browser aufrufen dürfen, durch Kommas getrennt. Anfragen jeder anderen Seite werden abgewiesen, damit eine besuchte Website Ihr Guthaben nicht ausgeben kann.</translation>
    </message>
    <message>
        <source>Client keys…</source>
        <translation>Client-Schlüssel…</translation>
    </message>
    <message>
        <source>Keys for the programs and people that use this gateway, with their models and budgets.</source>
        <translation>Schlüssel für die Programme und Personen, die dieses Gateway nutzen, mit ihren Modellen und Budgets.</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>Webseiten:</translation>
    </message>
    <message>
        <source>Not an origin (scheme://host[:port]), left out: %1</source>
        <translation>Kein Ursprung (schema://host[:port]), ausgelassen: %1</translation>
    </message>
</context>
<context>
    <name>GatewayRequest</name>
    <message>
        <source>Only n = 1 is supported.</source>
        <translation>Nur n = 1 wird unterstützt.</translation>
    </message>
    <message>
        <source>stream_options must be an object.</source>
        <translation>stream_options muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>messages must be a non-empty array.</source>
        <translation>messages muss ein nicht leeres Array sein.</translation>
    </message>
    <message>
        <source>max_tokens is required.</source>
        <translation>max_tokens ist erforderlich.</translation>
    </message>
    <message>
        <source>model is required.</source>
        <translation>model ist erforderlich.</translation>
    </message>
    <message>
        <source>model must be a non-empty string.</source>
        <translation>model muss eine nicht leere Zeichenkette sein.</translation>
    </message>
    <message>
        <source>stream must be a boolean.</source>
        <translation>stream muss ein Boolescher Wert sein.</translation>
    </message>
    <message>
        <source>temperature must be a number.</source>
        <translation>temperature muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>tier must be a string.</source>
        <translation>tier muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 must be a positive integer.</source>
        <translation>%1 muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1.</source>
        <translation>Der Anfragetext ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Der Anfragetext muss ein JSON-Objekt sein.</translation>
    </message>
</context>
<context>
    <name>GatewayServer</name>
    <message>
        <source>The gateway is shutting down; the request was cancelled before it was complete.</source>
        <translation>Das Gateway wird beendet; die Anfrage wurde abgebrochen, bevor sie fertig war.</translation>
    </message>
    <message>
        <source>The gateway is shutting down.</source>
        <translation>Das Gateway wird beendet.</translation>
    </message>
    <message>
        <source>The gateway has no router to send requests through.</source>
        <translation>Das Gateway hat keinen Router, über den es Anfragen senden kann.</translation>
    </message>
    <message>
        <source>This gateway needs its key: send it as &quot;Authorization: Bearer &lt;key&gt;&quot; (or x-api-key).</source>
        <translation>Dieses Gateway braucht seinen Schlüssel: Senden Sie ihn als „Authorization: Bearer &lt;key&gt;“ (oder x-api-key).</translation>
    </message>
    <message>
        <source>The gateway key sent is not the right one.</source>
        <translation>Der gesendete Gateway-Schlüssel ist nicht der richtige.</translation>
    </message>
    <message>
        <source>No such endpoint: %1</source>
        <translation>Keine solche Schnittstelle: %1</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2.</source>
        <translation>%1 ist auf %2 nicht erlaubt.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; does not exist here: use &quot;auto&quot;, a group, a tier or a model that GET /v1/models lists.</source>
        <translation>Das Modell „%1“ gibt es hier nicht: Verwenden Sie „auto“, eine Gruppe, eine Stufe oder ein Modell, das GET /v1/models auflistet.</translation>
    </message>
    <message>
        <source>The tier &quot;%1&quot; does not exist in the routing policy.</source>
        <translation>Die Stufe „%1“ gibt es in der Routing-Richtlinie nicht.</translation>
    </message>
    <message>
        <source>Too many requests in flight from this client (at most %1 at a time).</source>
        <translation>Zu viele laufende Anfragen von diesem Client (höchstens %1 gleichzeitig).</translation>
    </message>
    <message>
        <source>Serving beyond loopback (%1) needs at least one client key (switchyard keys create) or a gateway key that clients must send.</source>
        <translation>Bereitstellen über Loopback hinaus (%1) braucht mindestens einen Client-Schlüssel (switchyard keys create) oder einen Gateway-Schlüssel, den Clients senden müssen.</translation>
    </message>
    <message>
        <source>TLS needs both a certificate file and a key file.</source>
        <translation>TLS braucht sowohl eine Zertifikatsdatei als auch eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Serving beyond loopback (%1) needs TLS (a certificate and key file), or plain HTTP chosen explicitly (--insecure-http) when a TLS proxy on this host fronts the gateway.</source>
        <translation>Bereitstellen über Loopback hinaus (%1) braucht TLS (eine Zertifikats- und Schlüsseldatei) oder ausdrücklich gewähltes HTTP (--insecure-http), wenn ein TLS-Proxy auf diesem Rechner vor dem Gateway steht.</translation>
    </message>
    <message>
        <source>The gateway is busy (%1 requests in flight); try again shortly.</source>
        <translation>Das Gateway ist ausgelastet (%1 Anfragen in Bearbeitung); versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>messages must be an array of messages.</source>
        <translation>messages muss ein Array von Nachrichten sein.</translation>
    </message>
    <message>
        <source>%1 must be a number of milliseconds.</source>
        <translation>%1 muss eine Zahl von Millisekunden sein.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; does not exist here: name an embeddings model, or a group of them, that GET /v1/models lists.</source>
        <translation>Das Modell „%1“ gibt es hier nicht: Nennen Sie ein Embedding-Modell oder eine Gruppe davon, die GET /v1/models aufführt.</translation>
    </message>
    <message>
        <source>its provider speaks Anthropic&apos;s API, which has no embeddings</source>
        <translation>sein Anbieter spricht die API von Anthropic, die keine Embeddings hat</translation>
    </message>
    <message>
        <source>a chat model, not an embeddings model</source>
        <translation>ein Chat-Modell, kein Embedding-Modell</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no embeddings model (%2 answer chats only); name a model whose price data has mode &quot;embedding&quot;.</source>
        <translation>„%1“ hat kein Embedding-Modell (%2 beantworten nur Chats); nennen Sie ein Modell, dessen Preisdaten den Modus „embedding“ haben.</translation>
    </message>
    <message numerus="yes">
        <source>The gateway is busy with %n large request(s) (%1 MiB or more each); try again shortly.</source>
        <translation>
            <numerusform>Das Gateway bearbeitet schon %n große Anfrage (je %1 MiB oder mehr); versuchen Sie es gleich noch einmal.</numerusform>
            <numerusform>Das Gateway bearbeitet schon %n große Anfragen (je %1 MiB oder mehr); versuchen Sie es gleich noch einmal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayTrafficModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>client left</source>
        <translation>Client getrennt</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 ok</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>%1 (stream)</source>
        <translation>%1 (Stream)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 ein / %2 aus</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Geroutet zu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>GeminiTranslator</name>
    <message>
        <source>%1: %2 (the model speaks the Gemini API).</source>
        <translation>%1: %2 (das Modell spricht die Gemini-API).</translation>
    </message>
    <message>
        <source>no equivalent in that API</source>
        <translation>keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>Gemini takes images inline only: send a data: URL</source>
        <translation>Gemini nimmt Bilder nur direkt eingebettet an: Senden Sie eine data:-URL</translation>
    </message>
    <message>
        <source>only files sent inline as file_data can be carried</source>
        <translation>nur Dateien, die direkt als file_data gesendet werden, lassen sich übertragen</translation>
    </message>
    <message>
        <source>content part type &quot;%1&quot; has no equivalent in that API</source>
        <translation>der Inhaltsteil-Typ „%1“ hat keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>only text parts can be carried here</source>
        <translation>hier lassen sich nur Textteile übertragen</translation>
    </message>
    <message>
        <source>the arguments must be a JSON object to be carried</source>
        <translation>die arguments müssen ein JSON-Objekt sein, um übertragen zu werden</translation>
    </message>
    <message>
        <source>no earlier assistant tool call has this id, so the function it answers is unknown</source>
        <translation>kein früherer Werkzeugaufruf des Assistenten hat diese ID, daher ist unbekannt, welche Funktion sie beantwortet</translation>
    </message>
    <message>
        <source>system text can only come before the conversation</source>
        <translation>Systemtext kann nur vor der Unterhaltung stehen</translation>
    </message>
    <message>
        <source>role &quot;%1&quot; has no equivalent in that API</source>
        <translation>die Rolle „%1“ hat keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>Gemini 3 takes minimal, low, medium or high (it always thinks)</source>
        <translation>Gemini 3 nimmt minimal, low, medium oder high (es denkt immer)</translation>
    </message>
    <message>
        <source>Gemini takes none, minimal, low, medium or high</source>
        <translation>Gemini nimmt none, minimal, low, medium oder high</translation>
    </message>
    <message>
        <source>one choice per request is what Switchyard answers</source>
        <translation>Switchyard beantwortet jede Anfrage mit genau einer Auswahl</translation>
    </message>
</context>
<context>
    <name>GeminiWire</name>
    <message>
        <source>Gemini ended the answer with %1%2</source>
        <translation>Gemini beendete die Antwort mit %1%2</translation>
    </message>
    <message>
        <source>Response is not a Gemini answer (%1): %2</source>
        <translation>Die Antwort ist keine Gemini-Antwort (%1): %2</translation>
    </message>
</context>
<context>
    <name>Grader</name>
    <message>
        <source>the answer is empty, not JSON</source>
        <translation>die Antwort ist leer, kein JSON</translation>
    </message>
    <message>
        <source>the answer is not JSON: %1 at character %2</source>
        <translation>die Antwort ist kein JSON: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>no tool was called (expected %1)</source>
        <translation>kein Werkzeug wurde aufgerufen (erwartet: %1)</translation>
    </message>
    <message>
        <source>called %1, expected %2</source>
        <translation>%1 aufgerufen, erwartet: %2</translation>
    </message>
    <message>
        <source>%1&apos;s arguments are not a JSON object</source>
        <translation>die Argumente von %1 sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: argument &quot;%2&quot; is missing</source>
        <translation>%1: Argument „%2“ fehlt</translation>
    </message>
    <message>
        <source>%1: argument &quot;%2&quot; is %3, expected %4</source>
        <translation>%1: Argument „%2“ ist %3, erwartet: %4</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;, got &quot;%2&quot;</source>
        <translation>erwartet „%1“, erhalten „%2“</translation>
    </message>
    <message>
        <source>contains: nothing to look for (no value and no expected answer)</source>
        <translation>contains: nichts zu suchen (kein Wert und keine erwartete Antwort)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; not found in the answer</source>
        <translation>„%1“ nicht in der Antwort gefunden</translation>
    </message>
    <message>
        <source>regex &quot;%1&quot; is not valid: %2 at character %3</source>
        <translation>regex „%1“ ist ungültig: %2 bei Zeichen %3</translation>
    </message>
    <message>
        <source>regex &quot;%1&quot; does not match the answer</source>
        <translation>regex „%1“ passt nicht auf die Antwort</translation>
    </message>
    <message>
        <source>the schema is not valid: %1</source>
        <translation>das Schema ist ungültig: %1</translation>
    </message>
    <message>
        <source>numeric: the expected value &quot;%1&quot; is not a number</source>
        <translation>numeric: der erwartete Wert „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>no number in the answer (expected %1)</source>
        <translation>keine Zahl in der Antwort (erwartet: %1)</translation>
    </message>
    <message>
        <source>%1 is not within %2 of %3</source>
        <translation>%1 liegt nicht innerhalb von %2 um %3</translation>
    </message>
    <message>
        <source>llm-judge needs a call to the judge model</source>
        <translation>llm-judge braucht einen Aufruf des Bewertungsmodells</translation>
    </message>
    <message>
        <source>unknown grader</source>
        <translation>unbekannter Bewerter</translation>
    </message>
    <message>
        <source>the judge&apos;s reply has no &quot;SCORE: N&quot;: &quot;%1&quot;</source>
        <translation>die Antwort des Bewertungsmodells enthält kein „SCORE: N“: „%1“</translation>
    </message>
    <message>
        <source>the judge&apos;s score %1 is not between 1 and 10</source>
        <translation>die Bewertung %1 des Bewertungsmodells liegt nicht zwischen 1 und 10</translation>
    </message>
    <message>
        <source>the judge scored %1, below %2</source>
        <translation>das Bewertungsmodell gab %1, weniger als %2</translation>
    </message>
    <message>
        <source>no grader</source>
        <translation>kein Bewerter</translation>
    </message>
    <message>
        <source>llm-pairwise needs calls to the judge model</source>
        <translation>llm-pairwise braucht Aufrufe des Richtermodells</translation>
    </message>
    <message>
        <source>the judge&apos;s reply has no &quot;WINNER: A|B|TIE&quot;: &quot;%1&quot;</source>
        <translation>die Antwort des Richters enthält kein „WINNER: A|B|TIE“: „%1“</translation>
    </message>
</context>
<context>
    <name>GraderSpec</name>
    <message>
        <source>regex needs a pattern</source>
        <translation>regex braucht ein Muster</translation>
    </message>
    <message>
        <source>json-schema-valid needs a JSON Schema object</source>
        <translation>json-schema-valid braucht ein JSON-Schema-Objekt</translation>
    </message>
    <message>
        <source>json-schema-valid: the schema is not valid: %1</source>
        <translation>json-schema-valid: das Schema ist ungültig: %1</translation>
    </message>
    <message>
        <source>numeric needs a tolerance of 0 or more</source>
        <translation>numeric braucht eine Toleranz von 0 oder mehr</translation>
    </message>
    <message>
        <source>tool-call needs the tool&apos;s name</source>
        <translation>tool-call braucht den Namen des Werkzeugs</translation>
    </message>
    <message>
        <source>tool-call: the expected arguments must be a JSON object</source>
        <translation>tool-call: die erwarteten Argumente müssen ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>llm-judge needs a judge model</source>
        <translation>llm-judge braucht ein Bewertungsmodell</translation>
    </message>
    <message>
        <source>llm-judge: the pass threshold must be between 1 and 10</source>
        <translation>llm-judge: die Bestehensschwelle muss zwischen 1 und 10 liegen</translation>
    </message>
    <message>
        <source>field &quot;kind&quot; must be one of %1</source>
        <translation>Feld „kind“ muss eines von %1 sein</translation>
    </message>
    <message>
        <source>unknown grader &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Bewerter „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>Feld „%1“ muss ein Text sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a number</source>
        <translation>Feld „%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>json-schema-valid:SCHEMA needs the schema as JSON: %1</source>
        <translation>json-schema-valid:SCHEMA braucht das Schema als JSON: %1</translation>
    </message>
    <message>
        <source>numeric:TOLERANCE needs a number, not &quot;%1&quot;</source>
        <translation>numeric:TOLERANCE braucht eine Zahl, nicht „%1“</translation>
    </message>
    <message>
        <source>llm-pairwise needs a judge model</source>
        <translation>llm-pairwise braucht ein Richtermodell</translation>
    </message>
    <message>
        <source>llm-pairwise: the judge cannot be the baseline</source>
        <translation>llm-pairwise: der Richter kann nicht das Vergleichsmodell sein</translation>
    </message>
</context>
<context>
    <name>GraderVerdict</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source> (score %1)</source>
        <translation> (Bewertung %1)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>HeadlineCards</name>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failover rate</source>
        <translation>Failover-Quote</translation>
    </message>
    <message>
        <source>Savings from routing</source>
        <translation>Ersparnis durch Routing</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Budget verbraucht</translation>
    </message>
    <message>
        <source>▲ %1 times the period before (%2)</source>
        <translation>▲ %1-mal so viel wie im Zeitraum davor (%2)</translation>
    </message>
    <message>
        <source>%1 %2 vs the period before (%3)</source>
        <translation>%1 %2 ggü. dem Zeitraum davor (%3)</translation>
    </message>
    <message>
        <source>No spend in the period before</source>
        <translation>Keine Ausgaben im Zeitraum davor</translation>
    </message>
    <message numerus="yes">
        <source>includes %Ln estimated cost(s) of unfinished answers</source>
        <translation>
            <numerusform>darin %Ln geschätzte Kosten einer unfertigen Antwort</numerusform>
            <numerusform>darin %Ln geschätzte Kosten unfertiger Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) to unpriced models not counted</source>
        <translation>
            <numerusform>%Ln Anfrage an ein Modell ohne Preis nicht gezählt</numerusform>
            <numerusform>%Ln Anfragen an Modelle ohne Preis nicht gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed · %2 answered from cache</source>
        <translation>%1 fehlgeschlagen · %2 aus dem Cache beantwortet</translation>
    </message>
    <message>
        <source>%1 of %2 requests failed over</source>
        <translation>%1 von %2 Anfragen mit Failover</translation>
    </message>
    <message>
        <source>Add a price to a model to compare with it</source>
        <translation>Geben Sie einem Modell einen Preis, um damit zu vergleichen</translation>
    </message>
    <message>
        <source>vs %1 on %2 for the same tokens</source>
        <translation>ggü. %1 bei %2 für dieselben Tokens</translation>
    </message>
    <message>
        <source>%1% less than %2 on %3 for the same tokens</source>
        <translation>%1 % weniger als %2 bei %3 für dieselben Tokens</translation>
    </message>
    <message>
        <source>%1% more than %2 on %3 for the same tokens</source>
        <translation>%1 % mehr als %2 bei %3 für dieselben Tokens</translation>
    </message>
    <message>
        <source>%1 times the %2 on %3 for the same tokens</source>
        <translation>das %1-Fache der %2 bei %3 für dieselben Tokens</translation>
    </message>
    <message>
        <source>%1 priced requests compared; %2 unpriced left out</source>
        <translation>%1 Anfragen mit Preis verglichen; %2 ohne Preis ausgelassen</translation>
    </message>
    <message>
        <source>No budget set. Add one in Settings.</source>
        <translation>Kein Budget festgelegt. Legen Sie eines in den Einstellungen an.</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>%1 spent + %2 held by running batch jobs of %3 (%4)</source>
        <translation>%1 ausgegeben + %2 für laufende Batch-Jobs zurückgehalten, Limit %3 (%4)</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>(prompt not stored)</source>
        <translation>(Prompt nicht gespeichert)</translation>
    </message>
    <message>
        <source>No runs yet. Send a prompt to start.</source>
        <translation>Noch keine Durchläufe. Senden Sie einen Prompt, um zu beginnen.</translation>
    </message>
    <message>
        <source>No run matches.</source>
        <translation>Kein Durchlauf passt.</translation>
    </message>
    <message>
        <source>Search prompts, answers, models, errors</source>
        <translation>Prompts, Antworten, Modelle, Fehler durchsuchen</translation>
    </message>
    <message>
        <source>New &amp;evaluation set from selection...</source>
        <translation>Neuer &amp;Bewertungssatz aus der Auswahl …</translation>
    </message>
    <message>
        <source>Write the prompts of the runs selected as a prompt set and open it in the evaluation run box</source>
        <translation>Die Prompts der ausgewählten Läufe als Prompt-Satz schreiben und im Bewertungslauf öffnen</translation>
    </message>
</context>
<context>
    <name>HistorySet</name>
    <message numerus="yes">
        <source>%n prompt(s) written</source>
        <translation>
            <numerusform>%n Prompt geschrieben</numerusform>
            <numerusform>%n Prompts geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) without a prompt left out (prompt storage was off)</source>
        <translation>
            <numerusform>; %n Zeile ohne Prompt ausgelassen (Prompt-Speicherung war aus)</numerusform>
            <numerusform>; %n Zeilen ohne Prompt ausgelassen (Prompt-Speicherung war aus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n repeated prompt(s) left out</source>
        <translation>
            <numerusform>; %n wiederholter Prompt ausgelassen</numerusform>
            <numerusform>; %n wiederholte Prompts ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) whose tools cannot be offered to a model left out</source>
        <translation>
            <numerusform>; %n Zeile, deren Werkzeuge keinem Modell angeboten werden können, ausgelassen</numerusform>
            <numerusform>; %n Zeilen, deren Werkzeuge keinem Modell angeboten werden können, ausgelassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>TLS is not available: Qt found no TLS backend (OpenSSL).</source>
        <translation>TLS ist nicht verfügbar: Qt hat kein TLS-Backend (OpenSSL) gefunden.</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1: %2</source>
        <translation>Das TLS-Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Cannot read the TLS key %1: %2</source>
        <translation>Der TLS-Schlüssel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM RSA or EC private key.</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-Schlüssel (RSA oder EC).</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import a LiteLLM proxy config.yaml or a LiteLLM price table.</source>
        <translation>Eine config.yaml eines LiteLLM-Proxys oder eine LiteLLM-Preistabelle importieren.</translation>
    </message>
    <message>
        <source>Show what would change; write nothing.</source>
        <translation>Zeigen, was sich ändern würde; nichts schreiben.</translation>
    </message>
    <message>
        <source>Apply a price import after showing it.</source>
        <translation>Einen Preisimport nach der Anzeige übernehmen.</translation>
    </message>
    <message>
        <source>litellm-config or prices</source>
        <translation>litellm-config oder prices</translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation>Die zu importierende Datei.</translation>
    </message>
    <message>
        <source>usage: switchyard import litellm-config|prices FILE</source>
        <translation>Aufruf: switchyard import litellm-config|prices DATEI</translation>
    </message>
    <message>
        <source>%1: what could not be mapped or needs attention:
</source>
        <translation>%1: was sich nicht abbilden ließ oder Aufmerksamkeit braucht:
</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing changed.</source>
        <translation>%1 wurde nicht importiert; nichts geändert.</translation>
    </message>
    <message>
        <source>%1 providers, %2 models, %3 model groups from %4
</source>
        <translation>%1 Anbieter, %2 Modelle, %3 Modellgruppen aus %4
</translation>
    </message>
    <message>
        <source>Dry run: nothing written.
</source>
        <translation>Probelauf: nichts geschrieben.
</translation>
    </message>
    <message>
        <source>the imported configuration is not valid; nothing changed.</source>
        <translation>die importierte Konfiguration ist ungültig; nichts geändert.</translation>
    </message>
    <message>
        <source>Saved to %1
</source>
        <translation>Gespeichert in %1
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a LiteLLM price table: %2</source>
        <translation>%1 ist keine LiteLLM-Preistabelle: %2</translation>
    </message>
    <message>
        <source>%1 (%2 skipped: not chat models or incomplete)
</source>
        <translation>%1 (%2 übersprungen: keine Chatmodelle oder unvollständig)
</translation>
    </message>
    <message>
        <source>Nothing applied; run again with --yes to apply.
</source>
        <translation>Nichts übernommen; mit --yes erneut ausführen, um es zu übernehmen.
</translation>
    </message>
    <message>
        <source>LiteLLM import of %1</source>
        <translation>LiteLLM-Import von %1</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Applied as price version %1; recorded costs keep the prices they were made with.
</source>
        <translation>Als Preisversion %1 übernommen; erfasste Kosten behalten die Preise, mit denen sie entstanden sind.
</translation>
    </message>
    <message>
        <source>nothing was imported from %1: none of its deployments could be used (%2 skipped, see above); nothing changed.</source>
        <translation>aus %1 wurde nichts importiert: keines seiner Deployments war verwendbar (%2 übersprungen, siehe oben); nichts geändert.</translation>
    </message>
    <message>
        <source>nothing was imported from %1: it has no deployments in model_list; nothing changed.</source>
        <translation>aus %1 wurde nichts importiert: model_list enthält keine Deployments; nichts geändert.</translation>
    </message>
    <message>
        <source>%1 deployments skipped (see the notes above)
</source>
        <translation>%1 Deployments übersprungen (siehe die Hinweise oben)
</translation>
    </message>
    <message>
        <source>%1 has literal API keys, which were not copied. Put each into its variable; it is sent only to its host:
</source>
        <translation>%1 enthält API-Schlüssel im Klartext, die nicht kopiert wurden. Legen Sie jeden in seine Variable; er wird nur an seinen Host gesendet:
</translation>
    </message>
    <message>
        <source>(already set) for %1, %2 line %3</source>
        <translation>(bereits gesetzt) für %1, %2 Zeile %3</translation>
    </message>
    <message>
        <source>for %1, the key on %2 line %3</source>
        <translation>für %1, der Schlüssel in %2 Zeile %3</translation>
    </message>
</context>
<context>
    <name>InvoiceFormats</name>
    <message>
        <source>OpenAI Costs API (JSON)</source>
        <translation>OpenAI Costs API (JSON)</translation>
    </message>
    <message>
        <source>OpenAI Usage API, completions (JSON)</source>
        <translation>OpenAI Usage API, Completions (JSON)</translation>
    </message>
    <message>
        <source>OpenAI usage dashboard, cost export (CSV)</source>
        <translation>OpenAI-Nutzungsdashboard, Kostenexport (CSV)</translation>
    </message>
    <message>
        <source>OpenAI usage dashboard, activity export (CSV)</source>
        <translation>OpenAI-Nutzungsdashboard, Aktivitätsexport (CSV)</translation>
    </message>
    <message>
        <source>Anthropic usage report (JSON)</source>
        <translation>Anthropic-Nutzungsbericht (JSON)</translation>
    </message>
    <message>
        <source>Anthropic cost report (JSON)</source>
        <translation>Anthropic-Kostenbericht (JSON)</translation>
    </message>
    <message>
        <source>Anthropic Console usage export (CSV)</source>
        <translation>Nutzungsexport der Anthropic Console (CSV)</translation>
    </message>
    <message>
        <source>Anthropic Console cost export (CSV)</source>
        <translation>Kostenexport der Anthropic Console (CSV)</translation>
    </message>
    <message>
        <source>OpenRouter activity export (CSV)</source>
        <translation>Aktivitätsexport von OpenRouter (CSV)</translation>
    </message>
</context>
<context>
    <name>InvoiceParseError</name>
    <message>
        <source>%1, found %2</source>
        <translation>%1, gefunden: %2</translation>
    </message>
</context>
<context>
    <name>InvoiceReader</name>
    <message>
        <source>expected JSON</source>
        <translation>erwartet JSON</translation>
    </message>
    <message>
        <source>expected an OpenAI costs or usage page (&quot;object&quot;: &quot;page&quot;) or an Anthropic usage or cost report (&quot;data&quot; with &quot;starting_at&quot;)</source>
        <translation>erwartet eine Kosten- oder Nutzungsseite von OpenAI („object“: „page“) oder einen Nutzungs- oder Kostenbericht von Anthropic („data“ mit „starting_at“)</translation>
    </message>
    <message>
        <source>the fields %1</source>
        <translation>die Felder %1</translation>
    </message>
    <message>
        <source>expected the header of an OpenAI, Anthropic or OpenRouter usage or cost export</source>
        <translation>erwartet die Kopfzeile eines Nutzungs- oder Kostenexports von OpenAI, Anthropic oder OpenRouter</translation>
    </message>
    <message>
        <source>the columns %1</source>
        <translation>die Spalten %1</translation>
    </message>
    <message>
        <source>expected a readable file</source>
        <translation>erwartet eine lesbare Datei</translation>
    </message>
    <message>
        <source>expected a usage or cost export</source>
        <translation>erwartet einen Nutzungs- oder Kostenexport</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>eine leere Datei</translation>
    </message>
</context>
<context>
    <name>JsonFieldReader</name>
    <message>
        <source>expected a string</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot; (expected one of: %2)</source>
        <translation>unbekannter Wert „%1“ (erwartet: %2)</translation>
    </message>
    <message>
        <source>expected a model id or {&quot;model&quot;: id, &quot;weight&quot;: n}</source>
        <translation>Modell-ID oder {&quot;model&quot;: id, &quot;weight&quot;: n} erwartet</translation>
    </message>
    <message>
        <source>unknown key, ignored%1</source>
        <translation>unbekannter Schlüssel, ignoriert%1</translation>
    </message>
</context>
<context>
    <name>JsonSchemaCheck</name>
    <message>
        <source>the schema nests too deeply (a $ref loop?)</source>
        <translation>das Schema ist zu tief verschachtelt (eine $ref-Schleife?)</translation>
    </message>
    <message>
        <source>no value is allowed here</source>
        <translation>hier ist kein Wert erlaubt</translation>
    </message>
    <message>
        <source>cannot resolve $ref %1</source>
        <translation>$ref %1 lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>not one of %1</source>
        <translation>keiner der Werte %1</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>muss %1 sein</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>not allowed (additionalProperties is false)</source>
        <translation>nicht erlaubt (additionalProperties ist false)</translation>
    </message>
    <message>
        <source>fewer properties than minProperties (%1)</source>
        <translation>weniger Eigenschaften als minProperties (%1)</translation>
    </message>
    <message>
        <source>more properties than maxProperties (%1)</source>
        <translation>mehr Eigenschaften als maxProperties (%1)</translation>
    </message>
    <message>
        <source>no item is allowed past the %1 listed</source>
        <translation>nach den %1 aufgeführten ist kein Element erlaubt</translation>
    </message>
    <message>
        <source>fewer items than minItems (%1)</source>
        <translation>weniger Elemente als minItems (%1)</translation>
    </message>
    <message>
        <source>more items than maxItems (%1)</source>
        <translation>mehr Elemente als maxItems (%1)</translation>
    </message>
    <message>
        <source>has no item that fits &quot;contains&quot;</source>
        <translation>kein Element passt zu „contains“</translation>
    </message>
    <message>
        <source>repeats item %1 (uniqueItems)</source>
        <translation>wiederholt Element %1 (uniqueItems)</translation>
    </message>
    <message>
        <source>shorter than minLength (%1)</source>
        <translation>kürzer als minLength (%1)</translation>
    </message>
    <message>
        <source>longer than maxLength (%1)</source>
        <translation>länger als maxLength (%1)</translation>
    </message>
    <message>
        <source>does not match the pattern %1</source>
        <translation>passt nicht zum Muster %1</translation>
    </message>
    <message>
        <source>not greater than %1 (exclusiveMinimum)</source>
        <translation>nicht größer als %1 (exclusiveMinimum)</translation>
    </message>
    <message>
        <source>less than the minimum %1</source>
        <translation>kleiner als das Minimum %1</translation>
    </message>
    <message>
        <source>not less than %1 (exclusiveMaximum)</source>
        <translation>nicht kleiner als %1 (exclusiveMaximum)</translation>
    </message>
    <message>
        <source>greater than the maximum %1</source>
        <translation>größer als das Maximum %1</translation>
    </message>
    <message>
        <source>not a multiple of %1</source>
        <translation>kein Vielfaches von %1</translation>
    </message>
    <message>
        <source>fits none of the %1 schemas in anyOf</source>
        <translation>passt zu keinem der %1 Schemas in anyOf</translation>
    </message>
    <message>
        <source>fits none of the %1 schemas in oneOf</source>
        <translation>passt zu keinem der %1 Schemas in oneOf</translation>
    </message>
    <message>
        <source>fits %1 of the schemas in oneOf, not exactly one</source>
        <translation>passt zu %1 der Schemas in oneOf statt zu genau einem</translation>
    </message>
    <message>
        <source>matches the schema in &quot;not&quot;</source>
        <translation>passt zum Schema in „not“</translation>
    </message>
    <message>
        <source>the schema nests too deeply</source>
        <translation>das Schema ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>not a schema (expected an object, or true or false)</source>
        <translation>kein Schema (erwartet: ein Objekt oder true oder false)</translation>
    </message>
    <message>
        <source>must be an object of schemas</source>
        <translation>muss ein Objekt aus Schemas sein</translation>
    </message>
    <message>
        <source>not a valid regular expression: %1</source>
        <translation>kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>must be a non-empty list of schemas</source>
        <translation>muss eine nicht leere Liste von Schemas sein</translation>
    </message>
    <message>
        <source>unknown type %1 (known: %2)</source>
        <translation>unbekannter Typ %1 (bekannt: %2)</translation>
    </message>
    <message>
        <source>must be a type name or a list of type names</source>
        <translation>muss ein Typname oder eine Liste von Typnamen sein</translation>
    </message>
    <message>
        <source>must be a list of property names</source>
        <translation>muss eine Liste von Eigenschaftsnamen sein</translation>
    </message>
    <message>
        <source>must be a list of values</source>
        <translation>muss eine Liste von Werten sein</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more</source>
        <translation>muss eine ganze Zahl ab 0 sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be a number greater than 0</source>
        <translation>muss eine Zahl größer als 0 sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a regular expression (a string)</source>
        <translation>muss ein regulärer Ausdruck (eine Zeichenkette) sein</translation>
    </message>
    <message>
        <source>must be a reference such as &quot;#/$defs/name&quot;</source>
        <translation>muss ein Verweis wie „#/$defs/name“ sein</translation>
    </message>
    <message>
        <source>%1 is outside this schema: only references within it (#/$defs/...) work</source>
        <translation>%1 liegt außerhalb dieses Schemas: nur Verweise innerhalb davon (#/$defs/...) funktionieren</translation>
    </message>
    <message>
        <source>%1 does not name a schema in this document</source>
        <translation>%1 bezeichnet kein Schema in diesem Dokument</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>in the keychain</source>
        <translation>im Schlüsselbund</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation>kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <source>No keychain service is running (%1). Switchyard does not store API keys in plain text: start a Secret Service (GNOME Keyring, KWallet) or set the provider&apos;s environment variable, e.g. OPENAI_API_KEY, before starting Switchyard.</source>
        <translation>Es läuft kein Schlüsselbunddienst (%1). Switchyard speichert API-Schlüssel nicht als Klartext: Starten Sie einen Secret Service (GNOME Keyring, KWallet) oder setzen Sie vor dem Start von Switchyard die Umgebungsvariable des Anbieters, z. B. OPENAI_API_KEY.</translation>
    </message>
</context>
<context>
    <name>KeysCommand</name>
    <message>
        <source>Who the key is for.</source>
        <translation>Für wen der Schlüssel ist.</translation>
    </message>
    <message>
        <source>Expiry date (YYYY-MM-DD, end of that day UTC).</source>
        <translation>Ablaufdatum (JJJJ-MM-TT, Ende dieses Tages UTC).</translation>
    </message>
    <message>
        <source>Expires after N days.</source>
        <translation>Läuft nach N Tagen ab.</translation>
    </message>
    <message>
        <source>Models, groups, tiers and &quot;auto&quot; it may use, comma-separated (default: all).</source>
        <translation>Modelle, Gruppen, Stufen und „auto“, die er nutzen darf, durch Kommas getrennt (Standard: alle).</translation>
    </message>
    <message>
        <source>Daily budget in USD.</source>
        <translation>Tagesbudget in USD.</translation>
    </message>
    <message>
        <source>Monthly budget in USD.</source>
        <translation>Monatsbudget in USD.</translation>
    </message>
    <message>
        <source>Requests per minute.</source>
        <translation>Anfragen pro Minute.</translation>
    </message>
    <message>
        <source>Requests in flight at a time.</source>
        <translation>Gleichzeitig offene Anfragen.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>keys create needs --name NAME</source>
        <translation>keys create braucht --name NAME</translation>
    </message>
    <message>
        <source>--%1 needs a number of at least 0</source>
        <translation>--%1 braucht eine Zahl von mindestens 0</translation>
    </message>
    <message>
        <source>--rpm needs a whole number of at least 1</source>
        <translation>--rpm braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>--concurrent needs a whole number of at least 1</source>
        <translation>--concurrent braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>--expires needs a date such as 2027-01-31</source>
        <translation>--expires braucht ein Datum wie 2027-01-31</translation>
    </message>
    <message>
        <source>--days needs a whole number of at least 1</source>
        <translation>--days braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>--expires lies in the past</source>
        <translation>--expires liegt in der Vergangenheit</translation>
    </message>
    <message>
        <source>Client key %1 (&quot;%2&quot;) created. It is shown only now: give it to the client; Switchyard keeps only its hash.
</source>
        <translation>Client-Schlüssel %1 („%2“) erstellt. Er wird nur jetzt angezeigt: Geben Sie ihn dem Client; Switchyard speichert nur seinen Hash.
</translation>
    </message>
    <message>
        <source>No client keys. The gateway takes requests from this machine without one; switchyard keys create --name NAME makes the first.
</source>
        <translation>Keine Client-Schlüssel. Das Gateway nimmt Anfragen von diesem Rechner ohne Schlüssel an; switchyard keys create --name NAME erstellt den ersten.
</translation>
    </message>
    <message>
        <source>Client key %1 revoked; the gateway refuses it from the next request on.
</source>
        <translation>Client-Schlüssel %1 widerrufen; das Gateway weist ihn ab der nächsten Anfrage ab.
</translation>
    </message>
    <message>
        <source>Client keys for the gateway: create (the key is shown once), list, revoke, and whether a key&apos;s budget lets models without a price through.
  keys create --name NAME [--expires DATE|--days N] [--models M,..] [--daily-usd X] [--monthly-usd Y] [--allow-unpriced] [--rpm N] [--concurrent N]
  keys list [--json]
  keys revoke ID|NAME
  keys unpriced ID|NAME allow|refuse</source>
        <translation>Client-Schlüssel für das Gateway: erstellen (der Schlüssel wird einmal angezeigt), auflisten, widerrufen, und ob das Budget eines Schlüssels Modelle ohne Preis durchlässt.
  keys create --name NAME [--expires DATE|--days N] [--models M,..] [--daily-usd X] [--monthly-usd Y] [--allow-unpriced] [--rpm N] [--concurrent N]
  keys list [--json]
  keys revoke ID|NAME
  keys unpriced ID|NAME allow|refuse</translation>
    </message>
    <message>
        <source>Let models without a price through the key&apos;s budget (their cost is not counted); by default a key with a budget refuses them.</source>
        <translation>Modelle ohne Preis durch das Budget des Schlüssels lassen (ihre Kosten werden nicht gezählt); ohne diese Option lehnt ein Schlüssel mit Budget sie ab.</translation>
    </message>
    <message>
        <source>create, list, revoke or unpriced</source>
        <translation>create, list, revoke oder unpriced</translation>
    </message>
    <message>
        <source>keys unpriced needs ID|NAME and allow or refuse</source>
        <translation>keys unpriced braucht ID|NAME und allow oder refuse</translation>
    </message>
    <message>
        <source>keys needs create, list, revoke ID|NAME or unpriced ID|NAME allow|refuse (see switchyard keys --help)</source>
        <translation>keys braucht create, list, revoke ID|NAME oder unpriced ID|NAME allow|refuse (siehe switchyard keys --help)</translation>
    </message>
    <message>
        <source>Client key %1 now lets models without a price through its budget (their cost is not counted).
</source>
        <translation>Client-Schlüssel %1 lässt jetzt Modelle ohne Preis durch sein Budget (ihre Kosten werden nicht gezählt).
</translation>
    </message>
    <message>
        <source>Client key %1 now refuses models without a price while it has a budget.
</source>
        <translation>Client-Schlüssel %1 lehnt jetzt Modelle ohne Preis ab, solange er ein Budget hat.
</translation>
    </message>
</context>
<context>
    <name>LeaderboardCommand</name>
    <message>
        <source>The workbench votes added up: wins, losses, ties, a Bradley-Terry rating with its 95 % interval and the cost per win.</source>
        <translation>Die Stimmen der Werkbank zusammengezählt: Siege, Niederlagen, Unentschieden, eine Bradley-Terry-Wertung mit ihrem 95-%-Intervall und die Kosten pro Sieg.</translation>
    </message>
    <message>
        <source>Rank each model, or each model with its settings.</source>
        <translation>Jedes Modell einordnen, oder jedes Modell mit seinen Einstellungen.</translation>
    </message>
    <message>
        <source>Only runs with a column routed to this tier.</source>
        <translation>Nur Läufe mit einer Spalte, die in diese Stufe geroutet wurde.</translation>
    </message>
    <message>
        <source>Only runs with a column routed by this rule.</source>
        <translation>Nur Läufe mit einer Spalte, die von dieser Regel geroutet wurde.</translation>
    </message>
    <message>
        <source>Only votes with this tag.</source>
        <translation>Nur Stimmen mit diesem Schlagwort.</translation>
    </message>
    <message>
        <source>Votes from this date (YYYY-MM-DD).</source>
        <translation>Stimmen ab diesem Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Votes up to and including this date.</source>
        <translation>Stimmen bis einschließlich zu diesem Datum.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Also write the table as CSV.</source>
        <translation>Die Tabelle zusätzlich als CSV schreiben.</translation>
    </message>
    <message>
        <source>Also write the votes behind it as CSV.</source>
        <translation>Die Stimmen dahinter zusätzlich als CSV schreiben.</translation>
    </message>
    <message>
        <source>--by must be model or settings</source>
        <translation>--by muss model oder settings sein</translation>
    </message>
    <message>
        <source>--since needs a date (YYYY-MM-DD), not &quot;%1&quot;</source>
        <translation>--since braucht ein Datum (JJJJ-MM-TT), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--until needs a date (YYYY-MM-DD), not &quot;%1&quot;</source>
        <translation>--until braucht ein Datum (JJJJ-MM-TT), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No votes to rank. Vote for the best answer of a workbench run in the app.
</source>
        <translation>Keine Stimmen zum Einordnen. Stimmen Sie in der App für die beste Antwort eines Werkbank-Laufs.
</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>W-L-T</source>
        <translation>S-N-U</translation>
    </message>
    <message>
        <source>RATING</source>
        <translation>WERTUNG</translation>
    </message>
    <message>
        <source>95% INTERVAL</source>
        <translation>95-%-INTERVALL</translation>
    </message>
    <message>
        <source>COST/WIN</source>
        <translation>KOSTEN/SIEG</translation>
    </message>
    <message>
        <source>SETTINGS</source>
        <translation>EINSTELLUNGEN</translation>
    </message>
    <message>
        <source>cannot read the evaluations: %1</source>
        <translation>die Auswertungen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>LeaderboardDock</name>
    <message>
        <source>Leaderboard</source>
        <translation>Rangliste</translation>
    </message>
</context>
<context>
    <name>LeaderboardModel</name>
    <message numerus="yes">
        <source>Bradley-Terry rating from %n vote(s); 95 % confidence interval %1 to %2</source>
        <translation>
            <numerusform>Bradley-Terry-Wertung aus %n Stimme; 95-%-Konfidenzintervall %1 bis %2</numerusform>
            <numerusform>Bradley-Terry-Wertung aus %n Stimmen; 95-%-Konfidenzintervall %1 bis %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) had no price and are not in the cost</source>
        <translation>
            <numerusform>%n Antwort hatte keinen Preis und ist nicht in den Kosten enthalten</numerusform>
            <numerusform>%n Antworten hatten keinen Preis und sind nicht in den Kosten enthalten</numerusform>
        </translation>
    </message>
    <message>
        <source>What this model&apos;s answers in the voted runs cost, divided by its wins</source>
        <translation>Was die Antworten dieses Modells in den bewerteten Läufen kosteten, geteilt durch seine Siege</translation>
    </message>
    <message>
        <source>The provider&apos;s defaults</source>
        <translation>Die Voreinstellungen des Anbieters</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Siege</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Niederlagen</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Wertung</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Cost per win</source>
        <translation>Kosten pro Sieg</translation>
    </message>
</context>
<context>
    <name>LeaderboardView</name>
    <message>
        <source>Per model</source>
        <translation>Pro Modell</translation>
    </message>
    <message>
        <source>Per model and settings</source>
        <translation>Pro Modell und Einstellungen</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Leaderboard as CSV...</source>
        <translation>Rangliste als CSV...</translation>
    </message>
    <message>
        <source>Votes behind it as CSV...</source>
        <translation>Stimmen dahinter als CSV...</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>Jede Regel</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
    <message>
        <source>No votes yet. Vote for the best answer of a workbench run (or for a tie), and your votes add up here.</source>
        <translation>Noch keine Stimmen. Stimmen Sie für die beste Antwort eines Werkbank-Laufs (oder für ein Unentschieden), dann summieren sich Ihre Stimmen hier.</translation>
    </message>
    <message numerus="yes">
        <source>%n voted run(s) counted. Ratings are Bradley-Terry on the Elo scale (1000 is average), with 95 % confidence intervals; a win counts against every other column of its run.</source>
        <translation>
            <numerusform>%n bewerteter Lauf gezählt. Die Wertungen sind Bradley-Terry auf der Elo-Skala (1000 ist der Durchschnitt), mit 95-%-Konfidenzintervallen; ein Sieg zählt gegen jede andere Spalte seines Laufs.</numerusform>
            <numerusform>%n bewertete Läufe gezählt. Die Wertungen sind Bradley-Terry auf der Elo-Skala (1000 ist der Durchschnitt), mit 95-%-Konfidenzintervallen; ein Sieg zählt gegen jede andere Spalte seines Laufs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Leaderboard</source>
        <translation>Rangliste exportieren</translation>
    </message>
    <message>
        <source>leaderboard.csv</source>
        <translation>rangliste.csv</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export Votes</source>
        <translation>Stimmen exportieren</translation>
    </message>
    <message>
        <source>votes.csv</source>
        <translation>stimmen.csv</translation>
    </message>
</context>
<context>
    <name>LearnedRouter</name>
    <message>
        <source>not a Switchyard router model</source>
        <translation>kein Router-Modell von Switchyard</translation>
    </message>
    <message>
        <source>model format version %1 is not supported (this version of Switchyard reads version %2); train the router again</source>
        <translation>Modellformat-Version %1 wird nicht unterstützt (diese Switchyard-Version liest Version %2); trainieren Sie den Router neu</translation>
    </message>
    <message>
        <source>the model file is corrupt (%1)</source>
        <translation>die Modelldatei ist beschädigt (%1)</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>zu kurz</translation>
    </message>
    <message>
        <source>checksum mismatch</source>
        <translation>Prüfsumme stimmt nicht</translation>
    </message>
    <message>
        <source>unreadable header</source>
        <translation>Kopfdaten nicht lesbar</translation>
    </message>
    <message>
        <source>weights do not match the features</source>
        <translation>Gewichte passen nicht zu den Merkmalen</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>no trained router at %1; run `switchyard router train FILE.jsonl`</source>
        <translation>kein trainierter Router unter %1; führen Sie `switchyard router train DATEI.jsonl` aus</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>larger than 64 MiB</source>
        <translation>größer als 64 MiB</translation>
    </message>
    <message>
        <source>unreadable trees</source>
        <translation>unlesbare Entscheidungsbäume</translation>
    </message>
</context>
<context>
    <name>LearnedRulePanel</name>
    <message>
        <source>Threshold: p_strong from which the strong model answers</source>
        <translation>Schwelle: p_strong, ab der das starke Modell antwortet</translation>
    </message>
    <message>
        <source>Held-out trade-off</source>
        <translation>Abwägung auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>Prompts to the strong model</source>
        <translation>Prompts an das starke Modell</translation>
    </message>
    <message>
        <source>Gap recovered</source>
        <translation>Lücke aufgeholt</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>&amp;Schwelle:</translation>
    </message>
    <message>
        <source>threshold of %1</source>
        <translation>Schwelle von %1</translation>
    </message>
    <message>
        <source>No learned rule in this policy. Add one to routing.json (kind &quot;learned&quot;, a weak and a strong model, a threshold) after `switchyard router train`.</source>
        <translation>Keine gelernte Regel in dieser Richtlinie. Fügen Sie nach `switchyard router train` eine in routing.json hinzu (kind &quot;learned&quot;, ein schwaches und ein starkes Modell, eine Schwelle).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 answers when p_strong is at or above the threshold, else %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 antwortet, wenn p_strong die Schwelle erreicht oder übersteigt, sonst %3.</translation>
    </message>
    <message>
        <source>No trained router with measurements: run `switchyard router train FILE` to see what a threshold does.</source>
        <translation>Kein trainierter Router mit Messwerten: Führen Sie `switchyard router train DATEI` aus, um zu sehen, was eine Schwelle bewirkt.</translation>
    </message>
    <message>
        <source>Sends %1 of prompts to %2 (held-out estimate).</source>
        <translation>Sendet %1 der Prompts an %2 (Schätzung auf zurückgehaltenen Daten).</translation>
    </message>
    <message>
        <source>Recovers %1 of the quality gap between %2 and %3.</source>
        <translation>Holt %1 der Qualitätslücke zwischen %2 und %3 auf.</translation>
    </message>
    <message numerus="yes">
        <source>No priced routed requests in the last %n day(s) to project a monthly cost from.</source>
        <translation>
            <numerusform>Keine bepreisten gerouteten Anfragen während %n Tag, aus denen sich Monatskosten hochrechnen ließen.</numerusform>
            <numerusform>Keine bepreisten gerouteten Anfragen in den letzten %n Tagen, aus denen sich Monatskosten hochrechnen ließen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %1 a month at your volume (%Ln routed request(s) in the last 30 days re-priced): %2 all on %3, %4 all on %5.</source>
        <translation>
            <numerusform>Etwa %1 im Monat bei Ihrem Volumen (%Ln geroutete Anfrage der letzten 30 Tage neu bepreist): %2 alles auf %3, %4 alles auf %5.</numerusform>
            <numerusform>Etwa %1 im Monat bei Ihrem Volumen (%Ln geroutete Anfragen der letzten 30 Tage neu bepreist): %2 alles auf %3, %4 alles auf %5.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>not a version %1 spill of ledger rows</source>
        <translation>keine aufbewahrten Verlaufseinträge im Format Version %1</translation>
    </message>
    <message>
        <source>Rows kept from an earlier run in %1 could not be read (%2); the file was kept as %3.</source>
        <translation>Aus einem früheren Lauf in %1 aufbewahrte Einträge konnten nicht gelesen werden (%2); die Datei wurde als %3 behalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) wait to be written to the ledger (%1); retrying</source>
        <translation>
            <numerusform>%n Eintrag wartet darauf, in den Verlauf geschrieben zu werden (%1); neuer Versuch folgt</numerusform>
            <numerusform>%n Einträge warten darauf, in den Verlauf geschrieben zu werden (%1); neuer Versuch folgt</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the ledger file %1: %2</source>
        <translation>Die Journaldatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The ledger is not open; a request was not recorded.</source>
        <translation>Das Journal ist nicht geöffnet; eine Anfrage wurde nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The ledger is not open; a vote was not recorded.</source>
        <translation>Das Journal ist nicht geöffnet; eine Stimme wurde nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the ledger for writing: %1</source>
        <translation>Das Journal kann nicht zum Schreiben geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Old ledger rows could not be deleted: %1</source>
        <translation>Alte Journalzeilen konnten nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber von Qt ist nicht installiert (Debian-Paket libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>%1 spool files of rows wait beside the ledger; further rows wait in memory until it can be written.</source>
        <translation>%1 Spool-Dateien mit Zeilen warten neben dem Journal; weitere Zeilen warten im Speicher, bis es geschrieben werden kann.</translation>
    </message>
    <message>
        <source>Rows waiting for the ledger cannot be set aside on disk (%1); they wait in memory.</source>
        <translation>Zeilen, die auf das Journal warten, lassen sich nicht auf der Festplatte ablegen (%1); sie warten im Speicher.</translation>
    </message>
    <message>
        <source>The ledger&apos;s connection gives no PostgreSQL handle to copy rows with.</source>
        <translation>Die Verbindung des Ledgers liefert kein PostgreSQL-Handle zum Kopieren der Zeilen.</translation>
    </message>
    <message>
        <source>The database answered for %1 of %2 requests.</source>
        <translation>Die Datenbank hat für %1 von %2 Anfragen geantwortet.</translation>
    </message>
</context>
<context>
    <name>LedgerCheck</name>
    <message>
        <source>Connected to PostgreSQL %1 at %2; it holds a Switchyard ledger.</source>
        <translation>Verbunden mit PostgreSQL %1 unter %2; dort liegt ein Switchyard-Journal.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 at %2; the ledger is created there when Switchyard starts with it.</source>
        <translation>Verbunden mit PostgreSQL %1 unter %2; das Journal wird dort angelegt, wenn Switchyard damit startet.</translation>
    </message>
</context>
<context>
    <name>LedgerLocationBox</name>
    <message>
        <source>Shared ledger</source>
        <translation>Gemeinsames Journal</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>postgresql://user@host/db (empty: this computer only)</source>
        <translation>postgresql://benutzer@host/db (leer: nur dieser Computer)</translation>
    </message>
    <message>
        <source>A PostgreSQL database that a team&apos;s apps and gateways share: one spend, one history, budgets that hold across all of them</source>
        <translation>Eine PostgreSQL-Datenbank, die sich die Apps und Gateways eines Teams teilen: eine Ausgabenübersicht, ein Verlauf, Budgets, die für alle gelten</translation>
    </message>
    <message>
        <source>kept in the keychain; empty: unchanged or PGPASSFILE</source>
        <translation>wird im Schlüsselbund gespeichert; leer: unverändert oder PGPASSFILE</translation>
    </message>
    <message>
        <source>no keychain: use PGPASSFILE</source>
        <translation>kein Schlüsselbund: PGPASSFILE verwenden</translation>
    </message>
    <message>
        <source>Applies when Switchyard starts again.</source>
        <translation>Gilt ab dem nächsten Start von Switchyard.</translation>
    </message>
    <message>
        <source>SWITCHYARD_DATABASE_URL is set and wins over this: %1</source>
        <translation>SWITCHYARD_DATABASE_URL ist gesetzt und hat Vorrang: %1</translation>
    </message>
    <message>
        <source>PostgreSQL URL</source>
        <translation>PostgreSQL-URL</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Shared ledger: %1</source>
        <translation>Gemeinsames Journal: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a postgresql:// URL</source>
        <translation>„%1“ ist keine postgresql://-URL</translation>
    </message>
    <message>
        <source>No URL: the ledger is this computer&apos;s SQLite file.</source>
        <translation>Keine URL: Das Journal ist die SQLite-Datei dieses Computers.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Shared ledger: without a keychain the password cannot be kept; remove it from the URL and put it in PGPASSFILE</source>
        <translation>Gemeinsames Journal: Ohne Schlüsselbund kann das Passwort nicht gespeichert werden; entfernen Sie es aus der URL und legen Sie es in PGPASSFILE ab</translation>
    </message>
</context>
<context>
    <name>LedgerMigration</name>
    <message>
        <source>There is no ledger file %1 to copy.</source>
        <translation>Es gibt keine Journaldatei %1 zum Kopieren.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The copy does not match the source: %1 requests, %2 attempts, %3 failovers, %4 votes and $%5 in the source; %6, %7, %8, %9 and $%10 added to the target. Was the target written by something else meanwhile?</source>
        <translation>Die Kopie stimmt nicht mit der Quelle überein: %1 Anfragen, %2 Versuche, %3 Failover, %4 Stimmen und $%5 in der Quelle; %6, %7, %8, %9 und $%10 im Ziel hinzugekommen. Hat inzwischen etwas anderes in das Ziel geschrieben?</translation>
    </message>
    <message>
        <source>Evaluations: %1 with %2 cells in the source, %3 with %4 cells added.</source>
        <translation>Auswertungen: %1 mit %2 Zellen in der Quelle, %3 mit %4 Zellen hinzugefügt.</translation>
    </message>
    <message>
        <source>the copied evaluation got no id</source>
        <translation>die kopierte Auswertung hat keine ID bekommen</translation>
    </message>
    <message>
        <source>Batch jobs: %1 in the source, %2 of them in the target. Cooldowns: %3 in the source, %4 of them in the target. Failovers counted by the daily summaries: %5 in the source, %6 added.</source>
        <translation>Batch-Aufträge: %1 in der Quelle, davon %2 im Ziel. Pausen (Cooldowns): %3 in der Quelle, davon %4 im Ziel. In den Tageszusammenfassungen gezählte Failovers: %5 in der Quelle, %6 hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>LedgerSchema</name>
    <message>
        <source>The ledger file is locked by another program (%1).</source>
        <translation>Die Journaldatei ist von einem anderen Programm gesperrt (%1).</translation>
    </message>
    <message>
        <source>The ledger file is damaged or is not a database (%1).</source>
        <translation>Die Journaldatei ist beschädigt oder keine Datenbank (%1).</translation>
    </message>
    <message>
        <source>The ledger file cannot be used (%1).</source>
        <translation>Die Journaldatei kann nicht verwendet werden (%1).</translation>
    </message>
    <message>
        <source>The ledger file is damaged (%1).</source>
        <translation>Die Journaldatei ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>This file is a database, but not a Switchyard ledger.</source>
        <translation>Diese Datei ist eine Datenbank, aber kein Switchyard-Journal.</translation>
    </message>
    <message>
        <source>The ledger was written by a newer Switchyard (schema %1, this version reads up to %2). Update Switchyard or choose another ledger file.</source>
        <translation>Das Journal wurde von einem neueren Switchyard geschrieben (Schema %1, diese Version liest bis %2). Aktualisieren Sie Switchyard oder wählen Sie eine andere Journaldatei.</translation>
    </message>
    <message>
        <source>The ledger cannot use write-ahead logging (journal mode is &quot;%1&quot;).</source>
        <translation>Das Journal kann kein Write-Ahead-Logging verwenden (Journalmodus ist „%1“).</translation>
    </message>
    <message>
        <source>The ledger schema could not be upgraded.</source>
        <translation>Das Journalschema konnte nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>Cannot build the ledger summaries (%1).</source>
        <translation>Die Zusammenfassungen des Journals können nicht erstellt werden (%1).</translation>
    </message>
</context>
<context>
    <name>LedgerUrl</name>
    <message>
        <source>A database URL starts with postgresql://.</source>
        <translation>Eine Datenbank-URL beginnt mit postgresql://.</translation>
    </message>
    <message>
        <source>The database URL is not a valid URL (postgresql://user@host:port/database).</source>
        <translation>Die Datenbank-URL ist keine gültige URL (postgresql://benutzer@host:port/datenbank).</translation>
    </message>
    <message>
        <source>The database URL names no host (postgresql://user@host:port/database).</source>
        <translation>Die Datenbank-URL nennt keinen Host (postgresql://benutzer@host:port/datenbank).</translation>
    </message>
    <message>
        <source>The database URL names no database after the host (postgresql://user@host:port/database).</source>
        <translation>Die Datenbank-URL nennt nach dem Host keine Datenbank (postgresql://benutzer@host:port/datenbank).</translation>
    </message>
    <message>
        <source>The database URL has the parameter &quot;%1&quot;, which Switchyard does not pass on (it knows %2).</source>
        <translation>Die Datenbank-URL enthält den Parameter „%1“, den Switchyard nicht weitergibt (bekannt sind %2).</translation>
    </message>
    <message>
        <source>The database URL&apos;s sslmode &quot;%1&quot; is not one of %2.</source>
        <translation>Der sslmode „%1“ der Datenbank-URL ist keiner von %2.</translation>
    </message>
    <message>
        <source>The database URL&apos;s connect_timeout &quot;%1&quot; is not a number of seconds.</source>
        <translation>Das connect_timeout „%1“ der Datenbank-URL ist keine Anzahl von Sekunden.</translation>
    </message>
</context>
<context>
    <name>LiteLlmBedrockParams</name>
    <message>
        <source>not a valid http(s) URL</source>
        <translation>keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>a literal AWS key is not imported; put it in a profile of ~/.aws/credentials and name the profile with aws_profile_name, or set %1</source>
        <translation>ein wörtlich angegebener AWS-Schlüssel wird nicht importiert; legen Sie ihn in einem Profil von ~/.aws/credentials ab und nennen Sie das Profil mit aws_profile_name, oder setzen Sie %1</translation>
    </message>
    <message>
        <source>Switchyard reads AWS credentials from %1 or from a profile, not from %2; set %1 or use aws_profile_name</source>
        <translation>Switchyard liest AWS-Zugangsdaten aus %1 oder aus einem Profil, nicht aus %2; setzen Sie %1 oder verwenden Sie aws_profile_name</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported for Bedrock: Switchyard signs with the keys of the environment or of an ~/.aws/credentials profile (aws_profile_name)</source>
        <translation>„%1“ wird für Bedrock nicht unterstützt: Switchyard signiert mit den Schlüsseln der Umgebung oder eines Profils in ~/.aws/credentials (aws_profile_name)</translation>
    </message>
    <message>
        <source>a literal Bedrock API key is not imported; write api_key: os.environ/NAME and set NAME</source>
        <translation>ein wörtlich angegebener Bedrock-API-Schlüssel wird nicht importiert; schreiben Sie api_key: os.environ/NAME und setzen Sie NAME</translation>
    </message>
</context>
<context>
    <name>LiteLlmConfig</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>LiteLlmDeploymentReader</name>
    <message>
        <source>expected a mapping with model_name and litellm_params</source>
        <translation>Zuordnung mit model_name und litellm_params erwartet</translation>
    </message>
    <message>
        <source>missing: every deployment needs a model_name</source>
        <translation>fehlt: Jedes Deployment braucht einen model_name</translation>
    </message>
    <message>
        <source>missing or not a mapping</source>
        <translation>fehlt oder ist keine Zuordnung</translation>
    </message>
    <message>
        <source>missing: the provider/model to call</source>
        <translation>fehlt: der aufzurufende Anbieter/das Modell</translation>
    </message>
    <message>
        <source>a weight must be above 0 and at most 1,000,000</source>
        <translation>ein Gewicht muss größer als 0 und höchstens 1.000.000 sein</translation>
    </message>
    <message>
        <source>rate limit noted but not enforced: Switchyard reacts to the provider&apos;s 429 and cools the deployment down instead</source>
        <translation>Ratenlimit notiert, aber nicht durchgesetzt: Switchyard reagiert auf HTTP 429 des Anbieters und pausiert stattdessen das Deployment</translation>
    </message>
    <message>
        <source>LiteLLM picks each requested name&apos;s provider by that name: imported as %1, each sent with its provider&apos;s own key variable</source>
        <translation>LiteLLM wählt den Anbieter jedes angefragten Namens nach diesem Namen: importiert als %1, jeweils mit der eigenen Schlüsselvariablen des Anbieters gesendet</translation>
    </message>
    <message>
        <source>LiteLLM picks each requested name&apos;s provider by that name: imported as %1, each sent with its provider&apos;s own key variable; not imported as their key variables are not set: %2 (set one and import again)</source>
        <translation>LiteLLM wählt den Anbieter jedes angefragten Namens nach diesem Namen: importiert als %1, jeweils mit der eigenen Schlüsselvariablen des Anbieters gesendet; nicht importiert, da ihre Schlüsselvariablen nicht gesetzt sind: %2 (eine setzen und erneut importieren)</translation>
    </message>
    <message>
        <source>provider &quot;%1&quot; is not supported by Switchyard yet (Amazon Bedrock is planned)</source>
        <translation>Anbieter „%1“ wird von Switchyard noch nicht unterstützt (Amazon Bedrock ist geplant)</translation>
    </message>
    <message>
        <source>provider &quot;%1&quot; is not supported by Switchyard</source>
        <translation>Anbieter „%1“ wird von Switchyard nicht unterstützt</translation>
    </message>
    <message>
        <source>LiteLLM sends &quot;%1&quot; without a prefix to provider &quot;%2&quot;, which Switchyard does not support</source>
        <translation>LiteLLM sendet „%1“ ohne Präfix an den Anbieter „%2“, den Switchyard nicht unterstützt</translation>
    </message>
    <message>
        <source>LiteLLM has no provider &quot;%1&quot;%2; for an OpenAI-compatible server write openai/%3 with its api_base</source>
        <translation>LiteLLM kennt keinen Anbieter „%1“%2; für einen OpenAI-kompatiblen Server schreiben Sie openai/%3 mit seiner api_base</translation>
    </message>
    <message>
        <source>LiteLLM cannot tell which provider serves &quot;%1&quot;; write it with a provider prefix, e.g. openai/%1</source>
        <translation>LiteLLM kann nicht erkennen, welcher Anbieter „%1“ bereitstellt; schreiben Sie es mit Anbieterpräfix, z. B. openai/%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; passes the requested model name through, but model_name &quot;%2&quot; is no pattern that takes names; write model_name: &quot;*&quot; or a pattern such as &quot;%1&quot;</source>
        <translation>„%1“ reicht den angefragten Modellnamen durch, aber model_name „%2“ ist kein Muster, das Namen annimmt; schreiben Sie model_name: &quot;*&quot; oder ein Muster wie „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more * than model_name &quot;%2&quot;: LiteLLM would send a * it cannot fill</source>
        <translation>„%1“ hat mehr * als model_name „%2“: LiteLLM würde ein * senden, das es nicht füllen kann</translation>
    </message>
    <message>
        <source>LiteLLM picks each requested name&apos;s provider by that name; Switchyard sends every name &quot;%1&quot; takes to one OpenAI-compatible provider (api_base, else api.openai.com); add deployments such as anthropic/* for other providers</source>
        <translation>LiteLLM wählt den Anbieter jedes angefragten Namens nach diesem Namen; Switchyard sendet jeden Namen, den „%1“ annimmt, an einen OpenAI-kompatiblen Anbieter (api_base, sonst api.openai.com); fügen Sie für andere Anbieter Deployments wie anthropic/* hinzu</translation>
    </message>
    <message>
        <source>not given: taken from %1 while importing, as LiteLLM does</source>
        <translation>nicht angegeben: beim Import aus %1 übernommen, wie LiteLLM es tut</translation>
    </message>
    <message>
        <source>required for &quot;%1&quot; models</source>
        <translation>erforderlich für „%1“-Modelle</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like a placeholder from an example, not a server</source>
        <translation>„%1“ sieht nach einem Platzhalter aus einem Beispiel aus, nicht nach einem Server</translation>
    </message>
    <message>
        <source>not a valid http(s) URL</source>
        <translation>keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>both api_key and azure_ad_token are given: the api-key header is sent, as LiteLLM does</source>
        <translation>api_key und azure_ad_token sind beide angegeben: der Header api-key wird gesendet, wie bei LiteLLM</translation>
    </message>
    <message>
        <source>no api_key: %1 is sent to %2, as LiteLLM does</source>
        <translation>kein api_key: %1 wird an %2 gesendet, wie bei LiteLLM</translation>
    </message>
    <message>
        <source>no api_key: LiteLLM would send %1 to %2; Switchyard sends no key there, as that key belongs to %3. Add &quot;api_key: os.environ/NAME&quot; if %2 needs one</source>
        <translation>kein api_key: LiteLLM würde %1 an %2 senden; Switchyard sendet dort keinen Schlüssel, denn dieser Schlüssel gehört zu %3. Ergänzen Sie „api_key: os.environ/NAME“, falls %2 einen braucht</translation>
    </message>
    <message>
        <source>os.environ/ needs a variable name</source>
        <translation>os.environ/ braucht einen Variablennamen</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s key variable, but this deployment sends it to %3; make sure that is meant</source>
        <translation>%1 ist die Schlüsselvariable von %2, aber dieses Deployment sendet sie an %3; prüfen Sie, ob das so gemeint ist</translation>
    </message>
    <message>
        <source>a literal API key is not imported: %1 already holds this key, which is sent only to %2</source>
        <translation>ein API-Schlüssel im Klartext wird nicht importiert: %1 enthält diesen Schlüssel bereits, er wird nur an %2 gesendet</translation>
    </message>
    <message>
        <source>a literal API key is not imported: set %1 to the key written here; it is sent only to %2</source>
        <translation>ein API-Schlüssel im Klartext wird nicht importiert: Setzen Sie %1 auf den hier stehenden Schlüssel; er wird nur an %2 gesendet</translation>
    </message>
    <message>
        <source>not given: the Entra ID token is requested with %1 from the environment</source>
        <translation>nicht angegeben: Das Entra-ID-Token wird mit %1 aus der Umgebung angefordert</translation>
    </message>
    <message>
        <source>Switchyard reads this from %1 while calling, as Azure&apos;s SDKs do: set %1 to the value written here</source>
        <translation>Switchyard liest dies beim Aufruf aus %1, wie die SDKs von Azure: Setzen Sie %1 auf den hier angegebenen Wert</translation>
    </message>
    <message>
        <source>Switchyard reads this from %1 while calling, as Azure&apos;s SDKs do: set %1 as %2 is set</source>
        <translation>Switchyard liest dies beim Aufruf aus %1, wie die SDKs von Azure: Setzen Sie %1 so, wie %2 gesetzt ist</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure OpenAI api-version (like 2024-10-21)</source>
        <translation>„%1“ ist keine api-version von Azure OpenAI (etwa 2024-10-21)</translation>
    </message>
    <message>
        <source>not given: Switchyard sends api-version=%1</source>
        <translation>nicht angegeben: Switchyard sendet api-version=%1</translation>
    </message>
    <message>
        <source>a price must not be negative</source>
        <translation>ein Preis darf nicht negativ sein</translation>
    </message>
    <message>
        <source>only the input price is given: the model stays unpriced (the price table&apos;s price applies if it knows the model), never free for output</source>
        <translation>nur der Eingabepreis ist angegeben: das Modell bleibt ohne Preis (es gilt der Preis aus der Preistabelle, falls sie das Modell kennt), nie kostenlos bei der Ausgabe</translation>
    </message>
    <message>
        <source>only the output price is given: the model stays unpriced (the price table&apos;s price applies if it knows the model), never free for input</source>
        <translation>nur der Ausgabepreis ist angegeben: das Modell bleibt ohne Preis (es gilt der Preis aus der Preistabelle, falls sie das Modell kennt), nie kostenlos bei der Eingabe</translation>
    </message>
</context>
<context>
    <name>LiteLlmExporter</name>
    <message>
        <source>model &quot;%1&quot; has no provider; not exported</source>
        <translation>Modell „%1“ hat keinen Anbieter; nicht exportiert</translation>
    </message>
    <message>
        <source>connect and idle timeouts of &quot;%1&quot; have no LiteLLM equivalent</source>
        <translation>Verbindungs- und Pausen-Zeitlimit von „%1“ haben in LiteLLM keine Entsprechung</translation>
    </message>
    <message>
        <source>tiers and rules are not exported: LiteLLM has no prompt-based routing</source>
        <translation>Stufen und Regeln werden nicht exportiert: LiteLLM hat kein Routing nach Prompt</translation>
    </message>
    <message>
        <source>hedging, mid-stream policy, quota cooldown, rate-limit wait and cooldown window have no LiteLLM equivalent</source>
        <translation>Hedging, Verhalten mitten im Stream, Pause bei Kontingent, Warten bei Ratenlimit und Pausenfenster haben in LiteLLM keine Entsprechung</translation>
    </message>
    <message>
        <source>extra headers, concurrency limit and the enabled switch of provider &quot;%1&quot; are not exported</source>
        <translation>Zusätzliche Header, Parallelitätsgrenze und der Aktiv-Schalter von Anbieter „%1“ werden nicht exportiert</translation>
    </message>
</context>
<context>
    <name>LiteLlmImporter</name>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>expected a mapping with model_list, router_settings, ...</source>
        <translation>eine Zuordnung mit model_list, router_settings, … erwartet</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>malformed YAML at line %1, column %2: %3</source>
        <translation>fehlerhaftes YAML in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>proxy server setting, not used by Switchyard; ignored</source>
        <translation>Einstellung des Proxyservers, von Switchyard nicht verwendet; ignoriert</translation>
    </message>
    <message>
        <source>not imported: set these variables in your environment (values are never copied)</source>
        <translation>nicht importiert: Setzen Sie diese Variablen in Ihrer Umgebung (Werte werden nie kopiert)</translation>
    </message>
</context>
<context>
    <name>LiteLlmRouterSettings</name>
    <message>
        <source>routing strategy &quot;%1&quot; is not supported (simple-shuffle, least-busy, latency-based-routing); simple-shuffle is used</source>
        <translation>Routing-Strategie „%1“ wird nicht unterstützt (simple-shuffle, least-busy, latency-based-routing); simple-shuffle wird verwendet</translation>
    </message>
    <message>
        <source>not mapped: Switchyard never retries the same provider behind your back; a failed call moves on to the next deployment in the chain</source>
        <translation>nicht abgebildet: Switchyard wiederholt denselben Anbieter nie hinter Ihrem Rücken; ein fehlgeschlagener Aufruf geht zum nächsten Deployment der Kette</translation>
    </message>
    <message>
        <source>mapped to Switchyard&apos;s exact-match cache, which answers only when every deployment failed (LiteLLM answers from its cache first)</source>
        <translation>auf den Exakt-Cache von Switchyard abgebildet, der nur antwortet, wenn jedes Deployment fehlschlug (LiteLLM antwortet zuerst aus seinem Cache)</translation>
    </message>
    <message>
        <source>expected a mapping like {group: [fallback groups]}</source>
        <translation>eine Zuordnung wie {gruppe: [Ausweichgruppen]} erwartet</translation>
    </message>
    <message>
        <source>no model group &quot;%1&quot; in model_list%2; these fallbacks were skipped</source>
        <translation>keine Modellgruppe „%1“ in model_list%2; diese Ausweichziele wurden übersprungen</translation>
    </message>
    <message>
        <source>no model group &quot;%1&quot; in model_list%2; skipped</source>
        <translation>keine Modellgruppe „%1“ in model_list%2; übersprungen</translation>
    </message>
    <message>
        <source>applied as the fallbacks of the groups without their own: %1</source>
        <translation>als Ausweichziele der Gruppen ohne eigene übernommen: %1</translation>
    </message>
    <message>
        <source>missing: the model group the alias stands for</source>
        <translation>fehlt: die Modellgruppe, für die der Alias steht</translation>
    </message>
    <message>
        <source>no model group &quot;%1&quot; in model_list%2; this alias was skipped</source>
        <translation>keine Modellgruppe „%1“ in model_list%2; dieser Alias wurde übersprungen</translation>
    </message>
    <message>
        <source>model_list already has a group &quot;%1&quot;; the group wins over the alias</source>
        <translation>model_list hat bereits eine Gruppe „%1“; die Gruppe hat Vorrang vor dem Alias</translation>
    </message>
</context>
<context>
    <name>LiteLlmYamlReader</name>
    <message>
        <source>%1; this deployment was skipped</source>
        <translation>%1; dieses Deployment wurde übersprungen</translation>
    </message>
    <message>
        <source>not used by Switchyard; ignored</source>
        <translation>von Switchyard nicht verwendet; ignoriert</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>Zuordnung erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>%1 is not set: LiteLLM reads this value from the environment; set it and import again</source>
        <translation>%1 ist nicht gesetzt: LiteLLM liest diesen Wert aus der Umgebung; setzen Sie ihn und importieren Sie erneut</translation>
    </message>
    <message>
        <source>taken from %1 while importing; Switchyard keeps the value, not the variable</source>
        <translation>beim Import aus %1 übernommen; Switchyard speichert den Wert, nicht die Variable</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>erwartet eine Zahl</translation>
    </message>
    <message>
        <source>expected a whole number that is not negative</source>
        <translation>nicht negative ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a number of seconds that is not negative</source>
        <translation>nicht negative Zahl von Sekunden erwartet</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
</context>
<context>
    <name>LocalGateway</name>
    <message>
        <source>Local &amp;Gateway</source>
        <translation>Lokales &amp;Gateway</translation>
    </message>
    <message>
        <source>Serve the OpenAI API on this computer, routed with failover and recorded in the ledger, for your scripts, editors and agents.</source>
        <translation>Die OpenAI-API auf diesem Computer bereitstellen, geroutet mit Failover und im Journal erfasst, für Ihre Skripte, Editoren und Agenten.</translation>
    </message>
    <message>
        <source>The gateway could not listen on 127.0.0.1:%1: %2. Another program may be using the port; choose another port.</source>
        <translation>Das Gateway konnte nicht auf 127.0.0.1:%1 lauschen: %2. Womöglich belegt ein anderes Programm den Port; wählen Sie einen anderen Port.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Degraded: %n problem(s)</source>
        <translation>
            <numerusform>Eingeschränkt: %n Problem</numerusform>
            <numerusform>Eingeschränkt: %n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchyard — Sandbox</source>
        <translation>Switchyard — Sandbox</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>The routing editor will live here: tiers of models, the rules that pick a tier for each request, and the failover chain for each tier.</source>
        <translation>Hier entsteht der Routing-Editor: Stufen von Modellen, die Regeln, die für jede Anfrage eine Stufe wählen, und die Failover-Kette jeder Stufe.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The dashboard will live here: spend per provider and model, budgets, latency and failure rates from the ledger.</source>
        <translation>Hier entsteht die Übersicht: Ausgaben pro Anbieter und Modell, Budgets, Latenz und Fehlerquoten aus dem Journal.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Werkbank</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;About Switchyard</source>
        <translation>Ü&amp;ber Switchyard</translation>
    </message>
    <message>
        <source>About Switchyard</source>
        <translation>Über Switchyard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Switchyard %1&lt;/h3&gt;&lt;p&gt;Compare, route and account for calls to many LLM APIs.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Switchyard %1&lt;/h3&gt;&lt;p&gt;Aufrufe an viele LLM-APIs vergleichen, routen und abrechnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Welcome...</source>
        <translation>&amp;Willkommen...</translation>
    </message>
    <message>
        <source>Sandbox: simulated providers, no real requests, no cost</source>
        <translation>Sandbox: simulierte Anbieter, keine echten Anfragen, keine Kosten</translation>
    </message>
    <message>
        <source>Every provider here is simulated on this computer. Add a real provider under Settings, Providers and Keys.</source>
        <translation>Jeder Anbieter hier wird auf diesem Computer simuliert. Einen echten Anbieter fügen Sie unter Einstellungen, Anbieter und Schlüssel hinzu.</translation>
    </message>
    <message>
        <source>Example ready: Ctrl+Enter sends it.</source>
        <translation>Beispiel bereit: Strg+Eingabe sendet es.</translation>
    </message>
    <message>
        <source>Simulated providers · %1 %2</source>
        <translation>Simulierte Anbieter · %1 %2</translation>
    </message>
    <message>
        <source>The example goes to tier %1 (rule &quot;%2&quot;). Its first model, %3, is %4 in the sandbox, so the &quot;Route it&quot; column fails over to %5.</source>
        <translation>Das Beispiel geht an die Stufe %1 (Regel „%2“). Ihr erstes Modell, %3, ist in der Sandbox %4, daher wechselt die Spalte „Routen lassen“ per Failover zu %5.</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Evaluation results...</source>
        <translation>&amp;Auswertungsergebnisse …</translation>
    </message>
</context>
<context>
    <name>MigrateLedgerCommand</name>
    <message>
        <source>Copy the SQLite ledger into a PostgreSQL database shared by a team.</source>
        <translation>Kopiert das SQLite-Journal in eine PostgreSQL-Datenbank, die ein Team gemeinsam nutzt.</translation>
    </message>
    <message>
        <source>The target, postgresql://user@host:port/database.</source>
        <translation>Das Ziel, postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>The SQLite ledger to copy (default: the home&apos;s).</source>
        <translation>Das zu kopierende SQLite-Journal (Vorgabe: das des Home-Verzeichnisses).</translation>
    </message>
    <message>
        <source>usage: switchyard migrate-ledger --to postgresql://user@host:port/database [--from FILE]</source>
        <translation>Aufruf: switchyard migrate-ledger --to postgresql://benutzer@host:port/datenbank [--from DATEI]</translation>
    </message>
    <message>
        <source>--to: %1</source>
        <translation>--to: %1</translation>
    </message>
    <message>
        <source>Copying %1 to %2
</source>
        <translation>Kopiere %1 nach %2
</translation>
    </message>
    <message>
        <source>%1 of %2 requests copied
</source>
        <translation>%1 von %2 Anfragen kopiert
</translation>
    </message>
    <message>
        <source>Resumed after %1 requests copied earlier.
</source>
        <translation>Fortgesetzt nach %1 bereits kopierten Anfragen.
</translation>
    </message>
    <message>
        <source>%1 requests, %2 attempts, %3 failovers and %4 votes in %5; counts and sums match the source.
</source>
        <translation>%1 Anfragen, %2 Versuche, %3 Failover und %4 Stimmen in %5; Anzahlen und Summen stimmen mit der Quelle überein.
</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) with their %1 cells copied.
</source>
        <translation>
            <numerusform>%n Auswertung mit ihren %1 Zellen kopiert.
</numerusform>
            <numerusform>%n Auswertungen mit ihren %1 Zellen kopiert.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider batch jobs copied: %1; cooldowns copied: %2.
</source>
        <translation>Batch-Aufträge der Anbieter kopiert: %1; Pausen (Cooldowns) kopiert: %2.
</translation>
    </message>
</context>
<context>
    <name>ModelCapabilities</name>
    <message>
        <source>unknown capability &quot;%1&quot; (known: %2)</source>
        <translation>unbekannte Fähigkeit „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>image input</source>
        <translation>Bildeingabe</translation>
    </message>
    <message>
        <source>tool calling</source>
        <translation>Werkzeugaufruf</translation>
    </message>
    <message>
        <source>PDF input</source>
        <translation>PDF-Eingabe</translation>
    </message>
    <message>
        <source>JSON schema output</source>
        <translation>JSON-Schema-Ausgabe</translation>
    </message>
</context>
<context>
    <name>ModelCardDelegate</name>
    <message>
        <source> (+%1)</source>
        <translation> (+%1)</translation>
    </message>
</context>
<context>
    <name>ModelListFetcher</name>
    <message>
        <source>The model list is not the expected JSON (no &quot;data&quot; array).</source>
        <translation>Die Modellliste ist nicht das erwartete JSON (kein „data“-Array).</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The provider refused the key (HTTP %1).</source>
        <translation>Der Anbieter hat den Schlüssel abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>This provider has no model list endpoint (HTTP 404).</source>
        <translation>Dieser Anbieter hat keinen Endpunkt für die Modellliste (HTTP 404).</translation>
    </message>
    <message>
        <source>The model list request failed (HTTP %1).</source>
        <translation>Die Abfrage der Modellliste ist fehlgeschlagen (HTTP %1).</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The model list is larger than %1 MiB.</source>
        <translation>Die Modellliste ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>%1 lists no deployments at this URL; type the deployment name as the model&apos;s upstream name.</source>
        <translation>%1 listet unter dieser URL keine Deployments auf; tragen Sie den Namen des Deployments als Upstream-Namen des Modells ein.</translation>
    </message>
</context>
<context>
    <name>ModelListModel</name>
    <message>
        <source>%1: no price</source>
        <translation>%1: kein Preis</translation>
    </message>
    <message>
        <source>%1 on %2: %3 / %4 per 1M tokens in / out</source>
        <translation>%1 bei %2: %3 / %4 pro 1 Mio. Tokens ein / aus</translation>
    </message>
</context>
<context>
    <name>ModelPickerDialog</name>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>Add columns</source>
        <translation>Spalten hinzufügen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input / 1M</source>
        <translation>Eingabe / 1 Mio.</translation>
    </message>
    <message>
        <source>Output / 1M</source>
        <translation>Ausgabe / 1 Mio.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>Search models or providers</source>
        <translation>Modelle oder Anbieter suchen</translation>
    </message>
    <message>
        <source>All 8 columns are in use.</source>
        <translation>Alle 8 Spalten sind belegt.</translation>
    </message>
    <message>
        <source>%1 of %2 free columns chosen</source>
        <translation>%1 von %2 freien Spalten gewählt</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Route it</source>
        <translation>Routen lassen</translation>
    </message>
    <message>
        <source>The router picks the model for each run: the column shows the tier, the rule and any failovers</source>
        <translation>Der Router wählt das Modell für jeden Durchlauf: Die Spalte zeigt Stufe, Regel und etwaige Failover</translation>
    </message>
    <message>
        <source>by the routing rules</source>
        <translation>nach den Routing-Regeln</translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>List the configured models and their prices per 1M tokens.</source>
        <translation>Die konfigurierten Modelle und ihre Preise pro 1 Mio. Tokens auflisten.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>No models configured. Try `switchyard --sandbox models` for the offline sandbox.
</source>
        <translation>Keine Modelle konfiguriert. Versuchen Sie `switchyard --sandbox models` für die Offline-Sandbox.
</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <source>IN/1M</source>
        <translation>EIN/1M</translation>
    </message>
    <message>
        <source>OUT/1M</source>
        <translation>AUS/1M</translation>
    </message>
    <message>
        <source>CACHED/1M</source>
        <translation>CACHE/1M</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>KONTEXT</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
</context>
<context>
    <name>OpenAiExportParser</name>
    <message>
        <source>expected the currency &quot;usd&quot;</source>
        <translation>erwartet die Währung „usd“</translation>
    </message>
</context>
<context>
    <name>OpenAiStreamDecoder</name>
    <message>
        <source>Stream chunk has no choices: %1</source>
        <translation>Stream-Chunk ohne choices: %1</translation>
    </message>
</context>
<context>
    <name>OpenAiWire</name>
    <message>
        <source>Response is not a JSON object (%1): %2</source>
        <translation>Die Antwort ist kein JSON-Objekt (%1): %2</translation>
    </message>
    <message>
        <source>Response has no choices: %1</source>
        <translation>Die Antwort hat keine choices: %1</translation>
    </message>
</context>
<context>
    <name>OtlpSettings</name>
    <message>
        <source>%1: &quot;%2&quot; is not an http:// or https:// URL.</source>
        <translation>%1: „%2“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>OTEL_EXPORTER_OTLP_PROTOCOL: Switchyard exports OTLP over HTTP (JSON), not gRPC; point the endpoint at the collector&apos;s HTTP port (4318).</source>
        <translation>OTEL_EXPORTER_OTLP_PROTOCOL: Switchyard exportiert OTLP über HTTP (JSON), nicht über gRPC; geben Sie als Endpunkt den HTTP-Port des Collectors an (4318).</translation>
    </message>
    <message>
        <source>%1: every entry must be key=value, separated by commas.</source>
        <translation>%1: Jeder Eintrag muss die Form Schlüssel=Wert haben, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a positive whole number.</source>
        <translation>%1: „%2“ ist keine positive ganze Zahl.</translation>
    </message>
</context>
<context>
    <name>PairwiseVerdict</name>
    <message>
        <source>win</source>
        <translation>Sieg</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Niederlage</translation>
    </message>
</context>
<context>
    <name>PolicyEdits</name>
    <message>
        <source>unknown tier &quot;%1&quot;</source>
        <translation>unbekannte Stufe „%1“</translation>
    </message>
</context>
<context>
    <name>PortkeyConfig</name>
    <message>
        <source>not found: &quot;%1&quot;</source>
        <translation>nicht gefunden: „%1“</translation>
    </message>
</context>
<context>
    <name>PriceImport</name>
    <message>
        <source>top level: expected an object of models</source>
        <translation>oberste Ebene: ein Objekt mit Modellen erwartet</translation>
    </message>
    <message>
        <source>LiteLLM&apos;s schema example, not a model</source>
        <translation>Schema-Beispiel von LiteLLM, kein Modell</translation>
    </message>
    <message>
        <source>LiteLLM import</source>
        <translation>LiteLLM-Import</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 unchanged</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 unverändert</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>no mode given</source>
        <translation>kein mode angegeben</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>kein %1</translation>
    </message>
    <message>
        <source>%1 is not a price</source>
        <translation>%1 ist kein Preis</translation>
    </message>
    <message>
        <source>mode &quot;%1&quot; is not a chat or embedding model</source>
        <translation>Modus „%1“ ist weder ein Chat- noch ein Embedding-Modell</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <source>top level: expected an object</source>
        <translation>oberste Ebene: Objekt erwartet</translation>
    </message>
    <message>
        <source>format: expected &quot;%1&quot;</source>
        <translation>format: „%1“ erwartet</translation>
    </message>
    <message>
        <source>formatVersion: %1 is not supported (this Switchyard reads up to %2)</source>
        <translation>formatVersion: %1 wird nicht unterstützt (dieses Switchyard liest bis %2)</translation>
    </message>
    <message>
        <source>versions: expected an array</source>
        <translation>versions: Array erwartet</translation>
    </message>
    <message>
        <source>expected a number greater than %1</source>
        <translation>Zahl größer als %1 erwartet</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date and time</source>
        <translation>Datum und Uhrzeit nach ISO 8601 erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>version: says %1 but the last entry of versions is %2</source>
        <translation>version: nennt %1, aber der letzte Eintrag von versions ist %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>line %1, column %2 (offset %3): %4</source>
        <translation>Zeile %1, Spalte %2 (Position %3): %4</translation>
    </message>
    <message>
        <source>expected a number of USD (or tokens), zero or more</source>
        <translation>erwartet eine Zahl in USD (oder Tokens), null oder mehr</translation>
    </message>
    <message>
        <source>expected an object with aboveTokens, input and output</source>
        <translation>erwartet ein Objekt mit aboveTokens, input und output</translation>
    </message>
    <message>
        <source>expected &quot;chat&quot; or &quot;embedding&quot;</source>
        <translation>erwartet „chat“ oder „embedding“</translation>
    </message>
    <message>
        <source>expected an array of capability names</source>
        <translation>erwartet wurde ein Array von Fähigkeitsnamen</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>erwartet true oder false</translation>
    </message>
</context>
<context>
    <name>PrimariesCard</name>
    <message>
        <source>Primaries</source>
        <translation>Primäre Modelle</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primäres Modell</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failover rate</source>
        <translation>Failover-Quote</translation>
    </message>
    <message>
        <source>Provider uptime</source>
        <translation>Verfügbarkeit des Anbieters</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>No tier has a chain to review.</source>
        <translation>Keine Stufe hat eine Kette, die sich prüfen ließe.</translation>
    </message>
</context>
<context>
    <name>PrimariesCommand</name>
    <message>
        <source>Each tier&apos;s primary: how often it failed over, its provider&apos;s uptime and the fallback to promote.</source>
        <translation>Das primäre Modell jeder Stufe: wie oft es per Failover gewechselt hat, die Verfügbarkeit seines Anbieters und das Ausweichmodell, das nach vorn rücken sollte.</translation>
    </message>
    <message>
        <source>The last N days (default 7).</source>
        <translation>Die letzten N Tage (Standard 7).</translation>
    </message>
    <message>
        <source>Only this tier (repeatable).</source>
        <translation>Nur diese Stufe (wiederholbar).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>--days needs a number of days from 1 to 3650</source>
        <translation>--days braucht eine Anzahl Tage von 1 bis 3650</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>--tier %1: no such tier in the routing policy</source>
        <translation>--tier %1: Diese Stufe gibt es in der Routing-Richtlinie nicht</translation>
    </message>
    <message>
        <source>TIER</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation>PRIMÄR</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>ANFRAGEN</translation>
    </message>
    <message>
        <source>FAILOVER</source>
        <translation>FAILOVER</translation>
    </message>
    <message>
        <source>UPTIME</source>
        <translation>VERFÜGBAR</translation>
    </message>
    <message>
        <source>SUGGESTION</source>
        <translation>VORSCHLAG</translation>
    </message>
    <message>
        <source>reconsider: promote %1 (%2 of its attempts succeeded)</source>
        <translation>überdenken: %1 nach vorn stellen (%2 seiner Versuche erfolgreich)</translation>
    </message>
    <message>
        <source>reconsider: no fallback to promote</source>
        <translation>überdenken: kein Ausweichmodell, das nach vorn rücken könnte</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s); marked (!) above %1% failover over at least %2 requests (alerts.json).</source>
        <translation>
            <numerusform>Letzter Tag; markiert (!) über %1 % Failover bei mindestens %2 Anfragen (alerts.json).</numerusform>
            <numerusform>Letzte %n Tage; markiert (!) über %1 % Failover bei mindestens %2 Anfragen (alerts.json).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrimaryAdvice</name>
    <message>
        <source>No requests of this tier tried %1 first in the period.</source>
        <translation>Keine Anfrage dieser Stufe hat im Zeitraum zuerst %1 versucht.</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed over on %2 of %Ln request(s).</source>
        <translation>
            <numerusform>%1 hat bei %2 von %Ln Anfrage per Failover gewechselt.</numerusform>
            <numerusform>%1 hat bei %2 von %Ln Anfragen per Failover gewechselt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered %2 of its attempts.</source>
        <translation>%1 hat %2 seiner Versuche beantwortet.</translation>
    </message>
    <message>
        <source>Reconsider this primary: its chain has no fallback to promote.</source>
        <translation>Überdenken Sie dieses primäre Modell: Seine Kette hat kein Ausweichmodell, das nach vorn rücken könnte.</translation>
    </message>
    <message>
        <source>Reconsider this primary: no fallback has attempts in the period to judge it by.</source>
        <translation>Überdenken Sie dieses primäre Modell: Kein Ausweichmodell hat im Zeitraum Versuche, nach denen es sich beurteilen ließe.</translation>
    </message>
    <message>
        <source>Reconsider this primary: promote %1, %2 of whose attempts succeeded.</source>
        <translation>Überdenken Sie dieses primäre Modell: Stellen Sie %1 nach vorn, %2 seiner Versuche waren erfolgreich.</translation>
    </message>
    <message>
        <source>Reconsider this primary: promote %1 (its provider %2 answered %3 of its attempts).</source>
        <translation>Überdenken Sie dieses primäre Modell: Stellen Sie %1 nach vorn (sein Anbieter %2 hat %3 seiner Versuche beantwortet).</translation>
    </message>
    <message numerus="yes">
        <source>Marked: a primary that failed over on more than %1 of at least %Ln request(s) (the failover-rate alert&apos;s threshold, alerts.json).</source>
        <translation>
            <numerusform>Markiert: ein primäres Modell, das bei mehr als %1 von mindestens %Ln Anfrage per Failover gewechselt hat (die Schwelle des Failover-Quoten-Alarms, alerts.json).</numerusform>
            <numerusform>Markiert: ein primäres Modell, das bei mehr als %1 von mindestens %Ln Anfragen per Failover gewechselt hat (die Schwelle des Failover-Quoten-Alarms, alerts.json).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrimaryMark</name>
    <message numerus="yes">
        <source>Last %n day(s):</source>
        <translation>
            <numerusform>Letzter Tag:</numerusform>
            <numerusform>Letzte %n Tage:</numerusform>
        </translation>
    </message>
    <message>
        <source>Promote %1</source>
        <translation>%1 nach vorn stellen</translation>
    </message>
    <message>
        <source>Move %1 to the top of the %2 chain (undoable)</source>
        <translation>%1 an die Spitze der Kette %2 stellen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Promote %1 in %2</source>
        <translation>%1 in %2 nach vorn stellen</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Optional instructions sent to every column (a column may override them)</source>
        <translation>Optionale Anweisungen an jede Spalte (eine Spalte kann sie überschreiben)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Sampling temperature for every column; Default leaves it to the provider</source>
        <translation>Sampling-Temperatur für jede Spalte; Standard überlässt sie dem Anbieter</translation>
    </message>
    <message>
        <source>Most output tokens per answer; Default leaves it to the provider</source>
        <translation>Höchstzahl an Ausgabe-Tokens pro Antwort; Standard überlässt sie dem Anbieter</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop every column (Esc)</source>
        <translation>Alle Spalten anhalten (Esc)</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>An alle senden</translation>
    </message>
    <message>
        <source>Send the prompt to every column (Ctrl+Enter)</source>
        <translation>Den Prompt an jede Spalte senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>System prompt •</source>
        <translation>System-Prompt •</translation>
    </message>
    <message>
        <source>Ask every column the same question. Drop or paste images, PDFs and text files to attach them. Ctrl+Enter sends, Esc stops.</source>
        <translation>Stellen Sie allen Spalten dieselbe Frage. Bilder, PDFs und Textdateien hierher ziehen oder einfügen, um sie anzuhängen. Strg+Eingabe sendet, Esc stoppt.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Attach an image, a PDF or a text file to the prompt (or drop or paste it)</source>
        <translation>Ein Bild, ein PDF oder eine Textdatei an den Prompt anhängen (oder hineinziehen oder einfügen)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Eine Datei anhängen</translation>
    </message>
    <message>
        <source>Images, PDFs and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.json *.*)</source>
        <translation>Bilder, PDFs und Text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.json *.*)</translation>
    </message>
    <message>
        <source>Tools offered to every column (name, description, JSON Schema)</source>
        <translation>Werkzeuge, die jeder Spalte angeboten werden (Name, Beschreibung, JSON-Schema)</translation>
    </message>
    <message>
        <source>Tools…</source>
        <translation>Werkzeuge…</translation>
    </message>
    <message>
        <source>Tools (%1)…</source>
        <translation>Werkzeuge (%1)…</translation>
    </message>
</context>
<context>
    <name>PromptFile</name>
    <message>
        <source>invalid JSON at column %1: %2</source>
        <translation>ungültiges JSON in Spalte %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>erwartet ein JSON-Objekt</translation>
    </message>
    <message>
        <source>missing field &quot;id&quot;</source>
        <translation>Feld &quot;id&quot; fehlt</translation>
    </message>
    <message>
        <source>field &quot;id&quot; must be a non-empty string or a number</source>
        <translation>Feld &quot;id&quot; muss eine nicht leere Zeichenkette oder eine Zahl sein</translation>
    </message>
    <message>
        <source>missing field &quot;prompt&quot;</source>
        <translation>Feld &quot;prompt&quot; fehlt</translation>
    </message>
    <message>
        <source>field &quot;prompt&quot; must be a string</source>
        <translation>Feld &quot;prompt&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &quot;source&quot; must be a string</source>
        <translation>Feld &quot;source&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &quot;scores&quot; must be an object of numbers</source>
        <translation>Feld &quot;scores&quot; muss ein Objekt aus Zahlen sein</translation>
    </message>
    <message>
        <source>field &quot;scores.%1&quot; must be a number</source>
        <translation>Feld &quot;scores.%1&quot; muss eine Zahl sein</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: the line is longer than %3 MiB</source>
        <translation>%1:%2: die Zeile ist länger als %3 MiB</translation>
    </message>
</context>
<context>
    <name>PromptSet</name>
    <message>
        <source>%1: id &quot;%2&quot; is used again (first on line %3)</source>
        <translation>%1: id „%2“ wird erneut verwendet (zuerst in Zeile %3)</translation>
    </message>
    <message>
        <source>%1: no prompts</source>
        <translation>%1: keine Prompts</translation>
    </message>
    <message>
        <source>must be &quot;KIND[:ARG]&quot;, an object with &quot;kind&quot;, or a list of them</source>
        <translation>muss „KIND[:ARG]“, ein Objekt mit „kind“ oder eine Liste davon sein</translation>
    </message>
    <message>
        <source>invalid JSON at column %1: %2</source>
        <translation>ungültiges JSON in Spalte %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>missing field &quot;id&quot;</source>
        <translation>Feld „id“ fehlt</translation>
    </message>
    <message>
        <source>field &quot;id&quot; must be a non-empty string or a number</source>
        <translation>Feld „id“ muss ein nicht leerer Text oder eine Zahl sein</translation>
    </message>
    <message>
        <source>missing field &quot;prompt&quot;</source>
        <translation>Feld „prompt“ fehlt</translation>
    </message>
    <message>
        <source>field &quot;prompt&quot; must be a non-empty string</source>
        <translation>Feld „prompt“ muss ein nicht leerer Text sein</translation>
    </message>
    <message>
        <source>field &quot;expected&quot; must be a string or a number</source>
        <translation>Feld „expected“ muss ein Text oder eine Zahl sein</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the line is longer than %2 MiB</source>
        <translation>%1: die Zeile ist länger als %2 MiB</translation>
    </message>
    <message>
        <source>%1: the file is larger than %2 MiB</source>
        <translation>%1: die Datei ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>%1: unknown kind of prompt file (expected .csv, .jsonl or .yaml)</source>
        <translation>%1: unbekannte Art von Prompt-Datei (erwartet: .csv, .jsonl oder .yaml)</translation>
    </message>
    <message>
        <source>%1: no header (expected a column &quot;prompt&quot;)</source>
        <translation>%1: keine Kopfzeile (erwartet: eine Spalte „prompt“)</translation>
    </message>
    <message>
        <source>%1: missing column &quot;prompt&quot;</source>
        <translation>%1: Spalte „prompt“ fehlt</translation>
    </message>
    <message>
        <source>%1: %2 fields, the header has %3</source>
        <translation>%1: %2 Felder, die Kopfzeile hat %3</translation>
    </message>
    <message>
        <source>%1: field &quot;id&quot; is empty</source>
        <translation>%1: Feld „id“ ist leer</translation>
    </message>
    <message>
        <source>%1: field &quot;prompt&quot; is empty</source>
        <translation>%1: Feld „prompt“ ist leer</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; (known: id, prompt, system, expected, grader, graders, tools, tool_choice)</source>
        <translation>unbekanntes Feld „%1“ (bekannt: id, prompt, system, expected, grader, graders, tools, tool_choice)</translation>
    </message>
    <message>
        <source>field &quot;system&quot; must be a string</source>
        <translation>Feld „system“ muss ein Text sein</translation>
    </message>
    <message>
        <source>%1: invalid JSON at column %2: %3</source>
        <translation>%1: ungültiges JSON in Spalte %2: %3</translation>
    </message>
    <message>
        <source>%1: unknown column &quot;%2&quot; (known: id, prompt, system, expected, grader, tools, tool_choice)</source>
        <translation>%1: unbekannte Spalte „%2“ (bekannt: id, prompt, system, expected, grader, tools, tool_choice)</translation>
    </message>
</context>
<context>
    <name>PromptTools</name>
    <message>
        <source>tool_choice: there are no tools to choose from</source>
        <translation>tool_choice: es gibt keine Werkzeuge zur Auswahl</translation>
    </message>
    <message>
        <source>tool_choice: &quot;%1&quot; is not auto, none, required or {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: ...}}</source>
        <translation>tool_choice: „%1“ ist weder auto, none, required noch {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: ...}}</translation>
    </message>
    <message>
        <source>tool_choice: must be auto, none, required or {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: ...}}</source>
        <translation>tool_choice: muss auto, none, required oder {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: ...}} sein</translation>
    </message>
    <message>
        <source>tool_choice.function.name: missing</source>
        <translation>tool_choice.function.name: fehlt</translation>
    </message>
    <message>
        <source>tool_choice.function.name: &quot;%1&quot; is not one of the tools</source>
        <translation>tool_choice.function.name: „%1“ ist keines der Werkzeuge</translation>
    </message>
    <message>
        <source>tools: must be a list of {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}</source>
        <translation>tools: muss eine Liste von {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}} sein</translation>
    </message>
    <message>
        <source>tools: the list is empty</source>
        <translation>tools: die Liste ist leer</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; (known: tools, tool_choice)</source>
        <translation>unbekanntes Feld „%1“ (bekannt: tools, tool_choice)</translation>
    </message>
    <message>
        <source>expected a list of tools, or an object with a &quot;tools&quot; list</source>
        <translation>erwartet eine Liste von Werkzeugen oder ein Objekt mit einer Liste „tools“</translation>
    </message>
</context>
<context>
    <name>PromptfooFile</name>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a map with &quot;type&quot;</source>
        <translation>muss eine Map mit „type“ sein</translation>
    </message>
    <message>
        <source>must be a number from 0 to 1</source>
        <translation>muss eine Zahl von 0 bis 1 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported (supported: equals, contains, regex, is-json, llm-rubric, %2)</source>
        <translation>„%1“ wird nicht unterstützt (unterstützt: equals, contains, regex, is-json, llm-rubric, %2)</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>no variable &quot;%1&quot; for the prompt</source>
        <translation>keine Variable „%1“ für den Prompt</translation>
    </message>
    <message>
        <source>must be a map with &quot;tests&quot;</source>
        <translation>muss eine Map mit „tests“ sein</translation>
    </message>
    <message>
        <source>must be a list of prompt templates</source>
        <translation>muss eine Liste von Prompt-Vorlagen sein</translation>
    </message>
    <message>
        <source>must be a map</source>
        <translation>muss eine Map sein</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>muss eine nicht leere Liste sein</translation>
    </message>
    <message>
        <source>%1:%2: description &quot;%3&quot; is used again (first on line %4)</source>
        <translation>%1:%2: description „%3“ wird erneut verwendet (zuerst in Zeile %4)</translation>
    </message>
    <message>
        <source>%1: only a .json or .yaml file of tools is read, not a script</source>
        <translation>%1: gelesen wird nur eine .json- oder .yaml-Datei mit Werkzeugen, kein Skript</translation>
    </message>
    <message>
        <source>must be a list of tools or a file://tools.json reference</source>
        <translation>muss eine Liste von Werkzeugen oder ein Verweis file://tools.json sein</translation>
    </message>
    <message>
        <source>must be a list of tools</source>
        <translation>muss eine Liste von Werkzeugen sein</translation>
    </message>
    <message>
        <source>Google&apos;s functionDeclarations are not read; write the tools in OpenAI&apos;s format ({type: function, function: {name, parameters}})</source>
        <translation>Googles functionDeclarations werden nicht gelesen; schreiben Sie die Werkzeuge im Format von OpenAI ({type: function, function: {name, parameters}})</translation>
    </message>
    <message>
        <source>is neither OpenAI&apos;s {type: function, function: {name, parameters}} nor Anthropic&apos;s {name, input_schema} nor Bedrock&apos;s {toolSpec}</source>
        <translation>ist weder OpenAIs {type: function, function: {name, parameters}} noch Anthropics {name, input_schema} noch Bedrocks {toolSpec}</translation>
    </message>
    <message>
        <source>give providers or targets, not both</source>
        <translation>geben Sie providers oder targets an, nicht beides</translation>
    </message>
    <message>
        <source>must be a list of providers</source>
        <translation>muss eine Liste von Anbietern sein</translation>
    </message>
    <message>
        <source>must be a provider id or a map with &quot;id&quot;</source>
        <translation>muss eine Anbieter-ID oder eine Map mit „id“ sein</translation>
    </message>
    <message>
        <source>OpenAI&apos;s older functions are not read; give them as tools</source>
        <translation>Die älteren functions von OpenAI werden nicht gelesen; geben Sie sie als tools an</translation>
    </message>
    <message>
        <source>there is no config.tools to choose from</source>
        <translation>es gibt keine config.tools, aus denen gewählt werden könnte</translation>
    </message>
</context>
<context>
    <name>ProviderCall</name>
    <message>
        <source>No API key for %1: set the environment variable %2 or store a key in the keychain.</source>
        <translation>Kein API-Schlüssel für %1: Setzen Sie die Umgebungsvariable %2 oder legen Sie einen Schlüssel im Schlüsselbund ab.</translation>
    </message>
    <message>
        <source>Response larger than %1 MiB; stopped reading.</source>
        <translation>Antwort größer als %1 MiB; Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>The server closed the connection without an answer.</source>
        <translation>Der Server hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The stream ended before the provider marked it complete; the answer may be truncated.</source>
        <translation>Der Stream endete, bevor der Anbieter ihn als vollständig markierte; die Antwort ist womöglich abgeschnitten.</translation>
    </message>
    <message>
        <source>%1 after %2 ms</source>
        <translation>%1 nach %2 ms</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The provider client was shut down.</source>
        <translation>Der Anbieter-Client wurde beendet.</translation>
    </message>
    <message>
        <source>No Microsoft Entra ID token.</source>
        <translation>Kein Microsoft-Entra-ID-Token.</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <source>Plain http:// to another machine: the API key would travel in clear text.</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner: Der API-Schlüssel würde im Klartext übertragen.</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <source>Anthropic Messages</source>
        <translation>Anthropic Messages</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>Amazon Bedrock (Converse, AWS SigV4)</source>
        <translation>Amazon Bedrock (Converse, AWS SigV4)</translation>
    </message>
    <message>
        <source>e.g. us-east-1; empty: AWS_REGION or the profile&apos;s region</source>
        <translation>z. B. us-east-1; leer: AWS_REGION oder die Region des Profils</translation>
    </message>
    <message>
        <source>empty: AWS_ACCESS_KEY_ID from the environment, else AWS_PROFILE or default</source>
        <translation>leer: AWS_ACCESS_KEY_ID aus der Umgebung, sonst AWS_PROFILE oder default</translation>
    </message>
    <message>
        <source>Resource name, e.g. contoso</source>
        <translation>Name der Ressource, z. B. contoso</translation>
    </message>
    <message>
        <source>The api-version of the deployment URLs; not used when the base URL ends in /openai/v1</source>
        <translation>Die api-version der Deployment-URLs; nicht verwendet, wenn die Basis-URL auf /openai/v1 endet</translation>
    </message>
    <message>
        <source>API key (api-key header)</source>
        <translation>API-Schlüssel (Header api-key)</translation>
    </message>
    <message>
        <source>Microsoft Entra ID token (Authorization: Bearer)</source>
        <translation>Microsoft-Entra-ID-Token (Authorization: Bearer)</translation>
    </message>
    <message>
        <source>An Entra ID access token is read like a key: from the key variable (e.g. AZURE_OPENAI_AD_TOKEN) or the keychain. Tokens expire after about an hour.</source>
        <translation>Ein Entra-ID-Zugriffstoken wird wie ein Schlüssel gelesen: aus der Schlüsselvariablen (z. B. AZURE_OPENAI_AD_TOKEN) oder dem Schlüsselbund. Token laufen nach etwa einer Stunde ab.</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY; empty when no key is needed</source>
        <translation>z. B. OPENAI_API_KEY; leer, wenn kein Schlüssel nötig ist</translation>
    </message>
    <message>
        <source>Paste a key to store it in the keychain</source>
        <translation>Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation>Im Schlüsselbund ablegen</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>One per line: Header-Name: value</source>
        <translation>Einer pro Zeile: Header-Name: Wert</translation>
    </message>
    <message>
        <source>Local servers that answer one request at a time want 1; further requests wait their turn</source>
        <translation>Lokale Server, die jeweils nur eine Anfrage beantworten, brauchen 1; weitere Anfragen warten, bis sie an der Reihe sind</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>Spending limit for this provider; what happens when it is reached (warn, refuse, move down a tier) is set in Preferences</source>
        <translation>Ausgabenlimit für diesen Anbieter; was beim Erreichen geschieht (warnen, ablehnen, eine Stufe tiefer), legen Sie in den Einstellungen fest</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wire format</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Azure resource</source>
        <translation>Azure-Ressource</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS-Profil</translation>
    </message>
    <message>
        <source>AWS credentials</source>
        <translation>AWS-Zugangsdaten</translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation>Schlüsselvariable</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Zusätzliche Header</translation>
    </message>
    <message>
        <source>Max parallel requests (0 = unlimited)</source>
        <translation>Max. parallele Anfragen (0 = unbegrenzt)</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>Monatsbudget</translation>
    </message>
    <message>
        <source>The key was not stored: %1</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 (in the keychain)</source>
        <translation>%1 (im Schlüsselbund)</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>A key is typed in, not stored yet: press &quot;Store in keychain&quot;.</source>
        <translation>Ein Schlüssel ist eingegeben, aber noch nicht gespeichert: Drücken Sie „Im Schlüsselbund ablegen“.</translation>
    </message>
    <message>
        <source>empty: https://bedrock-runtime.&lt;region&gt;.amazonaws.com</source>
        <translation>leer: https://bedrock-runtime.&lt;region&gt;.amazonaws.com</translation>
    </message>
    <message>
        <source>optional: a Bedrock API key variable, e.g. AWS_BEARER_TOKEN_BEDROCK</source>
        <translation>optional: eine Variable mit einem Bedrock-API-Schlüssel, z. B. AWS_BEARER_TOKEN_BEDROCK</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No region: set one here, AWS_REGION, or the profile&apos;s region.</source>
        <translation>Keine Region: Setzen Sie hier eine, AWS_REGION oder die Region des Profils.</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>Google Gemini API (generateContent)</source>
        <translation>Google-Gemini-API (generateContent)</translation>
    </message>
</context>
<context>
    <name>ProviderHealth</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>up</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>cooling down</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>über Budget</translation>
    </message>
    <message>
        <source>no calls yet</source>
        <translation>noch keine Aufrufe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProviderModelsEditor</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input $/1M</source>
        <translation>Eingabe $/1M</translation>
    </message>
    <message>
        <source>Output $/1M</source>
        <translation>Ausgabe $/1M</translation>
    </message>
    <message>
        <source>Context window</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>Modelle abrufen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Add checked models</source>
        <translation>Markierte Modelle hinzufügen</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>LiteLLM proxy</source>
        <translation>LiteLLM-Proxy</translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible</source>
        <translation>Eigener OpenAI-kompatibler Anbieter</translation>
    </message>
</context>
<context>
    <name>ProviderProbes</name>
    <message>
        <source>Probes stopped for today: they cost %1 of the daily cap of %2.</source>
        <translation>Proben für heute angehalten: Sie haben %1 der Tagesgrenze von %2 gekostet.</translation>
    </message>
    <message>
        <source>Probes stopped: %1</source>
        <translation>Proben angehalten: %1</translation>
    </message>
</context>
<context>
    <name>ProviderStatusBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>cooling down, %1 left</source>
        <translation>pausiert, noch %1</translation>
    </message>
    <message>
        <source>cooling %1</source>
        <translation>pausiert %1</translation>
    </message>
    <message>
        <source>the %1 is spent</source>
        <translation>das %1 ist aufgebraucht</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 spent (%2)</source>
        <translation>%1 ausgegeben (%2)</translation>
    </message>
    <message>
        <source>%1: %2% used (%3)</source>
        <translation>%1: %2 % verbraucht (%3)</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>ausgefallen: %1</translation>
    </message>
    <message>
        <source>%1% of budget</source>
        <translation>%1 % des Budgets</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>%1 spent + %2 held by running batch jobs of %3</source>
        <translation>%1 ausgegeben + %2 für laufende Batch-Jobs zurückgehalten, Limit %3</translation>
    </message>
    <message>
        <source>%1 used up, %2 held by batch jobs</source>
        <translation>%1 aufgebraucht, %2 von Batch-Jobs zurückgehalten</translation>
    </message>
    <message>
        <source>%1: %2% used, %3 held by batch jobs</source>
        <translation>%1: %2 % verbraucht, %3 von Batch-Jobs zurückgehalten</translation>
    </message>
</context>
<context>
    <name>ProviderTools</name>
    <message>
        <source>%1: %2 names the model %3, as %4 does; give each a label that is one model&apos;s name</source>
        <translation>%1: %2 steht für das Modell %3, wie schon %4; geben Sie jedem ein label, das der Name eines Modells ist</translation>
    </message>
    <message>
        <source>%1.config.tools: %2 is none of the models evaluated (%3), so its tools would not be offered; evaluate its model or give the entry a label that is one of them</source>
        <translation>%1.config.tools: %2 ist keines der ausgewerteten Modelle (%3), seine Werkzeuge würden also nicht angeboten; werten Sie sein Modell aus oder geben Sie dem Eintrag ein label, das eines davon ist</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered by the provider.</source>
        <translation>
            <numerusform>%n Modell wird vom Anbieter angeboten.</numerusform>
            <numerusform>%n Modelle werden vom Anbieter angeboten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Plain http:// to another machine: the key travels in clear text.</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner: Der Schlüssel wird im Klartext übertragen.</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1 (simuliert)</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>Connected: %1 answered in %2 ms.</source>
        <translation>Verbunden: %1 hat in %2 ms geantwortet.</translation>
    </message>
    <message>
        <source>Check the API key for this provider.</source>
        <translation>Prüfen Sie den API-Schlüssel dieses Anbieters.</translation>
    </message>
    <message>
        <source>Fetching the model list…</source>
        <translation>Modellliste wird abgerufen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>Modelle abrufen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the provider offers %n model(s); add one to the table to use it.</source>
        <translation>
            <numerusform>Verbunden: Der Anbieter bietet %n Modell an; fügen Sie es der Tabelle hinzu, um es zu verwenden.</numerusform>
            <numerusform>Verbunden: Der Anbieter bietet %n Modelle an; fügen Sie eines der Tabelle hinzu, um es zu verwenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, HTTP %2</source>
        <translation>%1, HTTP %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 failed at %2: %3</source>
        <translation>%1 ist bei %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Choose what to add from the list under the providers and press Add.</source>
        <translation>Wählen Sie aus der Liste unter den Anbietern, was hinzukommen soll, und drücken Sie „Hinzufügen“.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n provider(s).</source>
        <translation>
            <numerusform>Gespeichert: %n Anbieter.</numerusform>
            <numerusform>Gespeichert: %n Anbieter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a model first: Bedrock is tested with a one-token request to it.</source>
        <translation>Fügen Sie zuerst ein Modell hinzu: Bedrock wird mit einer Anfrage über ein Token an dieses Modell getestet.</translation>
    </message>
    <message>
        <source>Bedrock lists its models in the AWS console and on its control plane, not on bedrock-runtime: add model ids such as us.amazon.nova-micro-v1:0 by hand.</source>
        <translation>Bedrock listet seine Modelle in der AWS-Konsole und auf seiner Steuerungsebene, nicht auf bedrock-runtime: Fügen Sie Modell-IDs wie us.amazon.nova-micro-v1:0 von Hand hinzu.</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>Nicht getestet: %1</translation>
    </message>
</context>
<context>
    <name>PruneCommand</name>
    <message>
        <source>Delete history records older than N days (spend rollups are kept).</source>
        <translation>Verlaufseinträge löschen, die älter als N Tage sind (Ausgaben-Zusammenfassungen bleiben).</translation>
    </message>
    <message>
        <source>Age in days.</source>
        <translation>Alter in Tagen.</translation>
    </message>
    <message>
        <source>--older-than needs a number of days (1 or more)</source>
        <translation>--older-than braucht eine Zahl von Tagen (1 oder mehr)</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>%1 requests deleted
</source>
        <translation>%1 Anfragen gelöscht
</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
</context>
<context>
    <name>ReasoningEfforts</name>
    <message>
        <source>Low effort</source>
        <translation>Geringer Aufwand</translation>
    </message>
    <message>
        <source>Medium effort</source>
        <translation>Mittlerer Aufwand</translation>
    </message>
    <message>
        <source>High effort</source>
        <translation>Hoher Aufwand</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Standard des Modells</translation>
    </message>
</context>
<context>
    <name>ReconcileCommand</name>
    <message>
        <source>Put a provider&apos;s usage or cost export next to the ledger, per day x model (x key). Reads OpenAI&apos;s Costs and Usage API JSON and dashboard CSVs, Anthropic&apos;s usage and cost reports (JSON) and Console CSVs, OpenRouter&apos;s activity CSV. Exit code 3 when a row drifts more than the threshold or is missing on one side, 65 when a file does not parse.</source>
        <translation>Stellt den Nutzungs- oder Kostenexport eines Anbieters neben das Journal, pro Tag × Modell (× Schlüssel). Liest JSON der Costs und Usage API von OpenAI und CSV-Dateien des Dashboards, die Nutzungs- und Kostenberichte von Anthropic (JSON) und CSV-Dateien der Console, die Aktivitäts-CSV von OpenRouter. Exit-Code 3, wenn eine Zeile mehr als die Schwelle abweicht oder auf einer Seite fehlt, 65, wenn eine Datei sich nicht lesen lässt.</translation>
    </message>
    <message>
        <source>Export files of one provider (e.g. costs and usage).</source>
        <translation>Exportdateien eines Anbieters (z. B. Kosten und Nutzung).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>First day compared (YYYY-MM-DD, UTC); default: the export&apos;s first day.</source>
        <translation>Erster verglichener Tag (JJJJ-MM-TT, UTC); Standard: der erste Tag des Exports.</translation>
    </message>
    <message>
        <source>Last day compared, included; default: the export&apos;s last day.</source>
        <translation>Letzter verglichener Tag, einschließlich; Standard: der letzte Tag des Exports.</translation>
    </message>
    <message>
        <source>Flag matched rows drifting more than PCT percent (default 5).</source>
        <translation>Zugeordnete Zeilen markieren, die um mehr als PCT Prozent abweichen (Standard 5).</translation>
    </message>
    <message>
        <source>Compare per key: the provider&apos;s API key (id or name, as the export writes it) is the gateway client key CLIENT_KEY. Repeatable.</source>
        <translation>Pro Schlüssel vergleichen: Der API-Schlüssel des Anbieters (ID oder Name, wie der Export ihn schreibt) ist der Client-Schlüssel CLIENT_KEY des Gateways. Wiederholbar.</translation>
    </message>
    <message>
        <source>reconcile needs an export FILE</source>
        <translation>reconcile braucht eine Exportdatei FILE</translation>
    </message>
    <message>
        <source>--%1 needs a date (YYYY-MM-DD)</source>
        <translation>--%1 braucht ein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>--since must not be after --until</source>
        <translation>--since darf nicht nach --until liegen</translation>
    </message>
    <message>
        <source>--threshold needs a percentage (0 or more)</source>
        <translation>--threshold braucht einen Prozentwert (0 oder mehr)</translation>
    </message>
    <message>
        <source>--key-map needs PROVIDER_KEY=CLIENT_KEY, not &quot;%1&quot;</source>
        <translation>--key-map braucht PROVIDER_KEY=CLIENT_KEY, nicht „%1“</translation>
    </message>
    <message>
        <source>%1: expected an export of %2 like the files before it, found one of %3</source>
        <translation>%1: erwartet einen Export von %2 wie die Dateien davor, gefunden: einer von %3</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>%1, %2 to %3 (UTC), provider / ledger; drift above %4 % or missing rows marked !</source>
        <translation>%1, %2 bis %3 (UTC), Anbieter / Journal; Abweichung über %4 % oder fehlende Zeilen mit ! markiert</translation>
    </message>
    <message>
        <source>DAY</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>ANFRAGEN</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKENS</translation>
    </message>
    <message>
        <source>COST</source>
        <translation>KOSTEN</translation>
    </message>
    <message>
        <source>DRIFT</source>
        <translation>ABWEICHUNG</translation>
    </message>
    <message>
        <source>(all models)</source>
        <translation>(alle Modelle)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 matched, %2 missing in the ledger (spend outside Switchyard), %3 missing at the provider; %4 flagged. Provider %5, ledger %6.</source>
        <translation>%1 zugeordnet, %2 fehlen im Journal (Ausgaben außerhalb von Switchyard), %3 fehlen beim Anbieter; %4 markiert. Anbieter %5, Journal %6.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile with invoice</source>
        <translation>Mit Rechnung abgleichen</translation>
    </message>
    <message>
        <source>An OpenAI, Anthropic or OpenRouter usage or cost export (JSON from their APIs, CSV from their dashboards)</source>
        <translation>Ein Nutzungs- oder Kostenexport von OpenAI, Anthropic oder OpenRouter (JSON aus ihren APIs, CSV aus ihren Dashboards)</translation>
    </message>
    <message>
        <source>Choose export...</source>
        <translation>Export wählen...</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Matched rows that drift more than this are highlighted</source>
        <translation>Zugeordnete Zeilen, die mehr als dies abweichen, werden hervorgehoben</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>Highlight drift above</source>
        <translation>Abweichung hervorheben über</translation>
    </message>
    <message>
        <source>Choose a usage or cost export</source>
        <translation>Einen Nutzungs- oder Kostenexport wählen</translation>
    </message>
    <message>
        <source>Exports (*.json *.csv);;All files (*)</source>
        <translation>Exporte (*.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This file cannot be read, nothing was imported: %1</source>
        <translation>Diese Datei lässt sich nicht lesen, nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>There is no history database to compare with.</source>
        <translation>Es gibt keine Verlaufsdatenbank zum Vergleichen.</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1, %2 to %3 (UTC): %4 matched, %5 missing in the ledger (spend outside Switchyard), %6 missing at the provider; %7 highlighted. Provider %8, ledger %9.</source>
        <translation>%1, %2 bis %3 (UTC): %4 zugeordnet, %5 fehlen im Journal (Ausgaben außerhalb von Switchyard), %6 fehlen beim Anbieter; %7 hervorgehoben. Anbieter %8, Journal %9.</translation>
    </message>
</context>
<context>
    <name>ReconcileModel</name>
    <message>
        <source>(all models)</source>
        <translation>(alle Modelle)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>The export has no cost; tokens are compared</source>
        <translation>Der Export enthält keine Kosten; verglichen werden Tokens</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider cost</source>
        <translation>Kosten beim Anbieter</translation>
    </message>
    <message>
        <source>Ledger cost</source>
        <translation>Kosten im Journal</translation>
    </message>
    <message>
        <source>Provider tokens</source>
        <translation>Tokens beim Anbieter</translation>
    </message>
    <message>
        <source>Ledger tokens</source>
        <translation>Tokens im Journal</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
</context>
<context>
    <name>ReconcileStatuses</name>
    <message>
        <source>matched</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>missing in ledger</source>
        <translation>fehlt im Journal</translation>
    </message>
    <message>
        <source>missing at provider</source>
        <translation>fehlt beim Anbieter</translation>
    </message>
</context>
<context>
    <name>RequestListDialog</name>
    <message>
        <source>Loading requests…</source>
        <translation>Anfragen werden geladen…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>No matching requests (they may have been pruned from the ledger).</source>
        <translation>Keine passenden Anfragen (sie wurden womöglich aus dem Journal gelöscht).</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n matching request(s), newest first.</source>
        <translation>
            <numerusform>Die erste passende Anfrage, neueste zuerst.</numerusform>
            <numerusform>Die ersten %n passenden Anfragen, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching request(s), newest first.</source>
        <translation>
            <numerusform>%n passende Anfrage, neueste zuerst.</numerusform>
            <numerusform>%n passende Anfragen, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export requests</source>
        <translation>Anfragen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Attempts of the selected request</source>
        <translation>Versuche der ausgewählten Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) of the request at %1</source>
        <translation>
            <numerusform>%n Versuch der Anfrage von %1</numerusform>
            <numerusform>%n Versuche der Anfrage von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>hedge lost</source>
        <translation>Hedge unterlegen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n request(s) to %1</source>
        <translation>
            <numerusform>%n Anfrage in %1 gespeichert</numerusform>
            <numerusform>%n Anfragen in %1 gespeichert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestTranslator</name>
    <message>
        <source>%1: %2 (the model speaks the %3).</source>
        <translation>%1: %2 (das Modell spricht die %3).</translation>
    </message>
    <message>
        <source>no equivalent in that API</source>
        <translation>keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>only PDF files sent inline as file_data can be carried</source>
        <translation>nur PDF-Dateien, die direkt als file_data gesendet werden, lassen sich übertragen</translation>
    </message>
    <message>
        <source>content part type &quot;%1&quot; has no equivalent in that API</source>
        <translation>der Inhaltsteil-Typ „%1“ hat keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>only text parts can be carried here</source>
        <translation>hier lassen sich nur Textteile übertragen</translation>
    </message>
    <message>
        <source>the arguments must be a JSON object to be carried</source>
        <translation>die arguments müssen ein JSON-Objekt sein, um übertragen zu werden</translation>
    </message>
    <message>
        <source>Anthropic takes temperatures from 0 to 1</source>
        <translation>Anthropic nimmt Temperaturen von 0 bis 1</translation>
    </message>
    <message>
        <source>only text blocks can be carried here</source>
        <translation>hier lassen sich nur Textblöcke übertragen</translation>
    </message>
    <message>
        <source>only PDF documents sent inline as base64 can be carried</source>
        <translation>nur PDF-Dokumente, die direkt als base64 gesendet werden, lassen sich übertragen</translation>
    </message>
    <message>
        <source>content block type &quot;%1&quot; has no equivalent in that API</source>
        <translation>der Inhaltsblock-Typ „%1“ hat keine Entsprechung in dieser API</translation>
    </message>
    <message>
        <source>the tool &quot;%1&quot; runs on Anthropic&apos;s servers</source>
        <translation>das Tool „%1“ läuft auf den Servern von Anthropic</translation>
    </message>
    <message>
        <source>Claude takes none, minimal, low, medium or high</source>
        <translation>Claude nimmt none, minimal, low, medium oder high</translation>
    </message>
    <message>
        <source>must be above the %1 thinking tokens that reasoning_effort %2 gives Claude</source>
        <translation>muss über den %1 Denk-Tokens liegen, die reasoning_effort %2 Claude gibt</translation>
    </message>
    <message>
        <source>Claude takes no temperature but 1 while it thinks (reasoning_effort)</source>
        <translation>Claude nimmt beim Nachdenken keine andere Temperatur als 1 (reasoning_effort)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>Claude&apos;s web search has one context size, the default (medium)</source>
        <translation>Claudes Websuche kennt nur eine Kontextgröße, die voreingestellte (medium)</translation>
    </message>
    <message>
        <source>that API takes one web search</source>
        <translation>diese API nimmt nur eine Websuche</translation>
    </message>
</context>
<context>
    <name>ResponsesRequest</name>
    <message>
        <source>%1 needs image_url (a URL or data URL); an uploaded file_id cannot be sent to a chat completions model.</source>
        <translation>%1 braucht image_url (eine URL oder Data-URL); eine hochgeladene file_id lässt sich nicht an ein Chat-Completions-Modell senden.</translation>
    </message>
    <message>
        <source>%1: a file by URL cannot be sent to a chat completions model; send file_data.</source>
        <translation>%1: Eine Datei per URL lässt sich nicht an ein Chat-Completions-Modell senden; senden Sie file_data.</translation>
    </message>
    <message>
        <source>%1.type &quot;%2&quot; cannot be translated to chat completions.</source>
        <translation>%1.type „%2“ lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>%1.role must be &quot;user&quot;, &quot;system&quot;, &quot;developer&quot; or &quot;assistant&quot;.</source>
        <translation>%1.role muss „user“, „system“, „developer“ oder „assistant“ sein.</translation>
    </message>
    <message>
        <source>%1.content must be a string or an array of parts.</source>
        <translation>%1.content muss ein String oder ein Array von Teilen sein.</translation>
    </message>
    <message>
        <source>%1 needs call_id, name and arguments as strings.</source>
        <translation>%1 braucht call_id, name und arguments als Strings.</translation>
    </message>
    <message>
        <source>%1.call_id must be a string.</source>
        <translation>%1.call_id muss ein String sein.</translation>
    </message>
    <message>
        <source>%1.output must be a string or an array of parts.</source>
        <translation>%1.output muss ein String oder ein Array von Teilen sein.</translation>
    </message>
    <message>
        <source>input must be a string or a non-empty array of items.</source>
        <translation>input muss ein String oder ein nicht leeres Array von Einträgen sein.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>%1: a reasoning item from another service (encrypted content) cannot be sent to a chat completions model.</source>
        <translation>%1: Ein Reasoning-Eintrag eines anderen Dienstes (verschlüsselter Inhalt) lässt sich nicht an ein Chat-Completions-Modell senden.</translation>
    </message>
    <message>
        <source>tools must be an array.</source>
        <translation>tools muss ein Array sein.</translation>
    </message>
    <message>
        <source>%1.type &quot;%2&quot;: only function tools can be translated to chat completions.</source>
        <translation>%1.type „%2“: Nur Funktions-Tools lassen sich in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>%1.name must be a string.</source>
        <translation>%1.name muss ein String sein.</translation>
    </message>
    <message>
        <source>tool_choice: only &quot;auto&quot;, &quot;none&quot;, &quot;required&quot; or a function can be translated to chat completions.</source>
        <translation>tool_choice: Nur „auto“, „none“, „required“ oder eine Funktion lassen sich in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>text.%1 cannot be translated to chat completions.</source>
        <translation>text.%1 lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>text.format of type json_schema needs a name and a schema object.</source>
        <translation>text.format vom Typ json_schema braucht einen Namen und ein Schema-Objekt.</translation>
    </message>
    <message>
        <source>text.format.type must be &quot;text&quot;, &quot;json_object&quot; or &quot;json_schema&quot;.</source>
        <translation>text.format.type muss „text“, „json_object“ oder „json_schema“ sein.</translation>
    </message>
    <message>
        <source>reasoning.%1 cannot be translated to chat completions.</source>
        <translation>reasoning.%1 lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>instructions must be a string.</source>
        <translation>instructions muss ein String sein.</translation>
    </message>
    <message>
        <source>truncation &quot;auto&quot; cannot be translated to chat completions.</source>
        <translation>truncation „auto“ lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>%1: stored responses are not kept here; send the whole input.</source>
        <translation>%1: Gespeicherte Antworten gibt es hier nicht; senden Sie den ganzen Input.</translation>
    </message>
    <message>
        <source>background responses are not supported here.</source>
        <translation>Antworten im Hintergrund werden hier nicht unterstützt.</translation>
    </message>
    <message>
        <source>stream_options: only include_obfuscation is understood here.</source>
        <translation>stream_options: Hier wird nur include_obfuscation verstanden.</translation>
    </message>
    <message>
        <source>%1 cannot be translated to chat completions.</source>
        <translation>%1 lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>include must be an array of strings.</source>
        <translation>include muss ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; asks for output that a chat completions model does not give.</source>
        <translation>%1: „%2“ verlangt eine Ausgabe, die ein Chat-Completions-Modell nicht liefert.</translation>
    </message>
    <message>
        <source>top_logprobs must be a number from 0 to 20.</source>
        <translation>top_logprobs muss eine Zahl von 0 bis 20 sein.</translation>
    </message>
    <message>
        <source>input is required.</source>
        <translation>input ist erforderlich.</translation>
    </message>
    <message>
        <source>Previous response with id &apos;%1&apos; not found.</source>
        <translation>Vorherige Antwort mit der ID &apos;%1&apos; nicht gefunden.</translation>
    </message>
    <message>
        <source>previous_response_id must be a string.</source>
        <translation>previous_response_id muss ein String sein.</translation>
    </message>
    <message>
        <source>%1: the Conversations API is not served here; use previous_response_id or send the whole input.</source>
        <translation>%1: Die Conversations-API wird hier nicht angeboten; verwenden Sie previous_response_id oder senden Sie die ganze Eingabe.</translation>
    </message>
    <message>
        <source>%1: only one web search tool can be translated to chat completions.</source>
        <translation>%1: Nur ein Websuche-Werkzeug lässt sich in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>%1.user_location.type: only &quot;approximate&quot; can be translated to chat completions.</source>
        <translation>%1.user_location.type: Nur „approximate“ lässt sich in Chat Completions übersetzen.</translation>
    </message>
    <message>
        <source>%1.%2 of a web search cannot be translated to chat completions.</source>
        <translation>%1.%2 einer Websuche lässt sich nicht in Chat Completions übersetzen.</translation>
    </message>
</context>
<context>
    <name>ResultJson</name>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>[%1 · first token %2 ms · %3 ms · %4%5 in / %4%6 out tokens · %7]</source>
        <translation>[%1 · erstes Token %2 ms · %3 ms · %4%5 ein / %4%6 aus Tokens · %7]</translation>
    </message>
</context>
<context>
    <name>RouteCommand</name>
    <message>
        <source>→ tier %1 (rule %2: %3)
</source>
        <translation>→ Stufe %1 (Regel %2: %3)
</translation>
    </message>
    <message>
        <source>  trying %1 @ %2 (%3)
</source>
        <translation>  versuche %1 @ %2 (%3)
</translation>
    </message>
    <message>
        <source>
  failover %1 → %2: %3
</source>
        <translation>
  Failover %1 → %2: %3
</translation>
    </message>
    <message>
        <source>
  (the answer so far is discarded; restarting on %1)
</source>
        <translation>
  (die bisherige Antwort wird verworfen; Neustart auf %1)
</translation>
    </message>
    <message>
        <source>  every model failed; answering from the cache
</source>
        <translation>  jedes Modell ist fehlgeschlagen; Antwort aus dem Cache
</translation>
    </message>
    <message>
        <source>  budget: %1
</source>
        <translation>  Budget: %1
</translation>
    </message>
    <message>
        <source>  budget warning (%1): %2
</source>
        <translation>  Budgetwarnung (%1): %2
</translation>
    </message>
</context>
<context>
    <name>RoutedCall</name>
    <message>
        <source>No provider client is available to send the request.</source>
        <translation>Kein Anbieter-Client verfügbar, um die Anfrage zu senden.</translation>
    </message>
    <message>
        <source>There is no model to call for &quot;%1&quot;.</source>
        <translation>Es gibt kein Modell, das für „%1“ aufgerufen werden kann.</translation>
    </message>
    <message>
        <source>No model in the chain could be tried now.</source>
        <translation>Kein Modell der Kette konnte jetzt versucht werden.</translation>
    </message>
    <message>
        <source>The prompt is too long for every model in the chain.</source>
        <translation>Der Prompt ist für jedes Modell der Kette zu lang.</translation>
    </message>
    <message>
        <source>Every model in the chain failed.</source>
        <translation>Jedes Modell der Kette ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The answer from %1 broke off (%2); it is incomplete.</source>
        <translation>Die Antwort von %1 brach ab (%2); sie ist unvollständig.</translation>
    </message>
    <message>
        <source>%1 rejected the request (%2). No other model was tried: the request itself is at fault.</source>
        <translation>%1 hat die Anfrage abgelehnt (%2). Kein anderes Modell wurde versucht: Der Fehler liegt in der Anfrage selbst.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No model in the chain can take what the request sends: %1 %2.</source>
        <translation>Kein Modell der Kette kann annehmen, was die Anfrage sendet: %1 %2.</translation>
    </message>
</context>
<context>
    <name>RoutedError</name>
    <message>
        <source>  attempt %1: %2 on %3 (%4): %5</source>
        <translation>  Versuch %1: %2 bei %3 (%4): %5</translation>
    </message>
    <message>
        <source>  skipped: %1 on %2: %3</source>
        <translation>  übersprungen: %1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>tier forced by the caller</source>
        <translation>Stufe vom Aufrufer erzwungen</translation>
    </message>
    <message>
        <source>tier &quot;%1&quot; does not exist</source>
        <translation>Stufe „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>model or group chosen by the caller</source>
        <translation>Modell oder Gruppe vom Aufrufer gewählt</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>unknown provider %1</source>
        <translation>unbekannter Anbieter %1</translation>
    </message>
    <message>
        <source>provider %1 is disabled</source>
        <translation>Anbieter %1 ist deaktiviert</translation>
    </message>
    <message>
        <source>no API key for %1</source>
        <translation>kein API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>provider %1 cooling down until %2 (%3)</source>
        <translation>Anbieter %1 pausiert bis %2 (%3)</translation>
    </message>
    <message>
        <source>cooling down until %1 (%2)</source>
        <translation>pausiert bis %1 (%2)</translation>
    </message>
    <message>
        <source>recovering: its one probe request is in flight</source>
        <translation>erholt sich: seine eine Testanfrage läuft</translation>
    </message>
    <message>
        <source>over budget: %1</source>
        <translation>über Budget: %1</translation>
    </message>
    <message>
        <source>Refused by the budget, nothing was sent: %1</source>
        <translation>Vom Budget abgelehnt, nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>Refused: tier %1 is over budget (%2) and no cheaper tier has a model within budget.</source>
        <translation>Abgelehnt: Stufe %1 ist über Budget (%2) und keine günstigere Stufe hat ein Modell im Budget.</translation>
    </message>
    <message>
        <source>Refused: tier %1 is over budget (%2) and there is no cheaper tier to move down to.</source>
        <translation>Abgelehnt: Stufe %1 ist über Budget (%2) und es gibt keine günstigere Stufe.</translation>
    </message>
    <message>
        <source>lacks %1 by its model data (needed for %2)</source>
        <translation>%1 fehlt laut seinen Modelldaten (nötig für %2)</translation>
    </message>
    <message>
        <source>matched wildcard &quot;%1&quot;: the requested name is passed through</source>
        <translation>passt auf den Platzhalter „%1“: der angefragte Name wird durchgereicht</translation>
    </message>
    <message>
        <source>a wildcard&apos;s template: ask for a model name its pattern matches</source>
        <translation>Vorlage eines Platzhalters: fragen Sie nach einem Modellnamen, auf den sein Muster passt</translation>
    </message>
</context>
<context>
    <name>RouterCommand</name>
    <message>
        <source>%1:%2: no score for &quot;%3&quot;</source>
        <translation>%1:%2: keine Bewertung für &quot;%3&quot;</translation>
    </message>
    <message>
        <source>cannot tell the other model: every row scores %1; name both with --weak and --strong</source>
        <translation>das andere Modell ist nicht eindeutig: jede Zeile bewertet %1; nennen Sie beide mit --weak und --strong</translation>
    </message>
    <message>
        <source>expected exactly two score keys in every row, found %1; name the models with --weak and --strong</source>
        <translation>in jeder Zeile genau zwei Bewertungsschlüssel erwartet, gefunden: %1; nennen Sie die Modelle mit --weak und --strong</translation>
    </message>
    <message>
        <source>the weak and the strong model must differ</source>
        <translation>das schwache und das starke Modell müssen sich unterscheiden</translation>
    </message>
    <message>
        <source>Train the learned router from prompts scored by a weak and a strong model, or score prompts with it. Rows are JSON lines {&quot;id&quot;, &quot;prompt&quot;, &quot;scores&quot;: {MODEL: score}}.</source>
        <translation>Trainiert den gelernten Router mit Prompts, die für ein schwaches und ein starkes Modell bewertet sind, oder bewertet Prompts damit. Zeilen sind JSON-Zeilen {&quot;id&quot;, &quot;prompt&quot;, &quot;scores&quot;: {MODELL: Wert}}.</translation>
    </message>
    <message>
        <source>train or score</source>
        <translation>train oder score</translation>
    </message>
    <message>
        <source>A JSONL file of prompts.</source>
        <translation>Eine JSONL-Datei mit Prompts.</translation>
    </message>
    <message>
        <source>The score key of the weak (cheap) model.</source>
        <translation>Der Bewertungsschlüssel des schwachen (günstigen) Modells.</translation>
    </message>
    <message>
        <source>The score key of the strong model.</source>
        <translation>Der Bewertungsschlüssel des starken Modells.</translation>
    </message>
    <message>
        <source>--weak and --strong are options of `router train`</source>
        <translation>--weak und --strong sind Optionen von `router train`</translation>
    </message>
    <message numerus="yes">
        <source>training on %n prompt(s): weak %1, strong %2
</source>
        <translation>
            <numerusform>Training mit %n Prompt: schwach %1, stark %2
</numerusform>
            <numerusform>Training mit %n Prompts: schwach %1, stark %2
</numerusform>
        </translation>
    </message>
    <message>
        <source><byte value="xd"/>cross-validating: %1/%2</source>
        <translation><byte value="xd"/>Kreuzvalidierung: %1/%2</translation>
    </message>
    <message>
        <source>Cross-validation (%1 folds; APGR, CPT(50%), CPT(80%) per setting):
</source>
        <translation>Kreuzvalidierung (%1 Teilmengen; APGR, CPT(50%), CPT(80%) je Einstellung):
</translation>
    </message>
    <message>
        <source>Chosen: labels %1, lambda %2
</source>
        <translation>Gewählt: Labels %1, Lambda %2
</translation>
    </message>
    <message>
        <source>Cross-validated APGR %1, CPT(50%) %2, CPT(80%) %3
</source>
        <translation>Kreuzvalidiert: APGR %1, CPT(50%) %2, CPT(80%) %3
</translation>
    </message>
    <message>
        <source>Thresholds (cross-validated): share sent to the strong model, share of the quality gap recovered
</source>
        <translation>Schwellen (kreuzvalidiert): Anteil an das starke Modell, Anteil der zurückgewonnenen Qualitätslücke
</translation>
    </message>
    <message>
        <source>Saved the router (%1 prompts, %2 s) to %3
</source>
        <translation>Router (%1 Prompts, %2 s) gespeichert unter %3
</translation>
    </message>
    <message>
        <source>Also train on the workbench&apos;s votes in the ledger: comparisons of the --weak and --strong models (as the ledger names them), the winner scored 1.</source>
        <translation>Auch mit den Stimmen der Werkbank im Verlauf trainieren: Vergleiche des --weak- und des --strong-Modells (wie der Verlauf sie nennt), der Gewinner mit 1 bewertet.</translation>
    </message>
    <message>
        <source>--votes is an option of `router train` and needs --weak and --strong</source>
        <translation>--votes ist eine Option von `router train` und braucht --weak und --strong</translation>
    </message>
    <message>
        <source>cannot read the votes: %1</source>
        <translation>die Stimmen können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them from workbench votes
</source>
        <translation>
            <numerusform>%n davon aus Stimmen der Werkbank
</numerusform>
            <numerusform>%n davon aus Stimmen der Werkbank
</numerusform>
        </translation>
    </message>
    <message>
        <source>Also train on evaluation ID in the ledger (repeatable): each prompt both the --weak and the --strong model answered, a pass scored 1.</source>
        <translation>Auch mit Auswertung ID im Ledger trainieren (wiederholbar): jeder Prompt, den das --weak- und das --strong-Modell beantwortet haben, bestanden zählt 1.</translation>
    </message>
    <message>
        <source>--evaluation needs an evaluation id, not &quot;%1&quot;</source>
        <translation>--evaluation braucht die ID einer Auswertung, nicht „%1“</translation>
    </message>
    <message>
        <source>usage: switchyard router train|score FILE.jsonl, or router train --votes|--evaluation ID --weak MODEL --strong MODEL [FILE.jsonl]</source>
        <translation>Aufruf: switchyard router train|score DATEI.jsonl, oder router train --votes|--evaluation ID --weak MODELL --strong MODELL [DATEI.jsonl]</translation>
    </message>
    <message>
        <source>--evaluation is an option of `router train` and needs --weak and --strong</source>
        <translation>--evaluation ist eine Option von `router train` und braucht --weak und --strong</translation>
    </message>
    <message>
        <source>cannot read the evaluations: %1</source>
        <translation>die Auswertungen können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them from evaluations
</source>
        <translation>
            <numerusform>%n davon aus Auswertungen
</numerusform>
            <numerusform>%n davon aus Auswertungen
</numerusform>
        </translation>
    </message>
    <message>
        <source>Boosted trees over the linear scores and the prompt&apos;s form (same folds; APGR, CPT(50%), CPT(80%)):
</source>
        <translation>Geboostete Entscheidungsbäume über den linearen Werten und der Form des Prompts (dieselben Teilmengen; APGR, CPT(50%), CPT(80%)):
</translation>
    </message>
    <message>
        <source>The trees did not rank better than the linear model; kept the linear model
</source>
        <translation>Die Entscheidungsbäume ordnen nicht besser als das lineare Modell; das lineare Modell bleibt
</translation>
    </message>
    <message>
        <source>Kept the trees (depth %1, %2 rounds, averaged with the folds&apos; trees): cross-validated APGR %3, CPT(50%) %4, CPT(80%) %5
</source>
        <translation>Entscheidungsbäume übernommen (Tiefe %1, %2 Runden, gemittelt mit den Bäumen der Folds): kreuzvalidiert APGR %3, CPT(50%) %4, CPT(80%) %5
</translation>
    </message>
</context>
<context>
    <name>RouterTrainer</name>
    <message>
        <source>at least %1 prompts are needed to train, got %2</source>
        <translation>zum Trainieren werden mindestens %1 Prompts gebraucht, vorhanden sind %2</translation>
    </message>
    <message>
        <source>no settings to cross-validate</source>
        <translation>keine Einstellungen für die Kreuzvalidierung</translation>
    </message>
    <message>
        <source>training cancelled</source>
        <translation>Training abgebrochen</translation>
    </message>
</context>
<context>
    <name>RoutingEditor</name>
    <message>
        <source>Models (drag into a chain, or press Enter to add to the current tier)</source>
        <translation>Modelle (in eine Kette ziehen oder mit Eingabe zur aktuellen Stufe hinzufügen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Models&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Modelle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Add &amp;tier</source>
        <translation>&amp;Stufe hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Import LiteLLM…</source>
        <translation>LiteLLM &amp;importieren…</translation>
    </message>
    <message>
        <source>Import LiteLLM config</source>
        <translation>LiteLLM-Konfiguration importieren</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation>YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export LiteLLM…</source>
        <translation>LiteLLM &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export LiteLLM config</source>
        <translation>LiteLLM-Konfiguration exportieren</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved; the file on disk is unchanged:</source>
        <translation>Nicht gespeichert; die Datei auf der Festplatte ist unverändert:</translation>
    </message>
    <message>
        <source>Saved with warnings:</source>
        <translation>Mit Warnungen gespeichert:</translation>
    </message>
    <message>
        <source>Revert to saved</source>
        <translation>Gespeicherten Stand wiederherstellen</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Add tier %1</source>
        <translation>Stufe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <source>Change failover settings of %1</source>
        <translation>Failover-Einstellungen von %1 ändern</translation>
    </message>
    <message>
        <source>Could not import %1:</source>
        <translation>%1 konnte nicht importiert werden:</translation>
    </message>
    <message>
        <source>Import LiteLLM groups and defaults</source>
        <translation>LiteLLM-Gruppen und -Standards importieren</translation>
    </message>
    <message>
        <source>Imported model groups and defaults; notes:</source>
        <translation>Modellgruppen und Standards importiert; Hinweise:</translation>
    </message>
    <message>
        <source>Could not export:</source>
        <translation>Export nicht möglich:</translation>
    </message>
    <message>
        <source>Exported to %1; LiteLLM cannot express:</source>
        <translation>Nach %1 exportiert; LiteLLM kann nicht ausdrücken:</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <source>Review primaries over</source>
        <translation>Primäre Modelle bewerten über</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>The period each tier&apos;s primary is judged over: its failover rate and its fallbacks&apos; reliability</source>
        <translation>Der Zeitraum, über den das primäre Modell jeder Stufe bewertet wird: seine Failover-Rate und die Zuverlässigkeit seiner Fallbacks</translation>
    </message>
    <message>
        <source>Save writes the changes to routing.json; Revert drops them</source>
        <translation>Ungespeicherte Änderungen: Speichern schreibt sie in routing.json, Verwerfen verwirft sie</translation>
    </message>
    <message>
        <source>Tr&amp;y</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Try a prompt: which tier and rule it gets, and why</source>
        <translation>Einen Prompt testen: welche Stufe und Regel er bekommt, und warum</translation>
    </message>
    <message>
        <source>&amp;Outage</source>
        <translation>&amp;Ausfall</translation>
    </message>
    <message>
        <source>Simulate an outage: what the chains fall back to</source>
        <translation>Einen Ausfall simulieren: worauf die Ketten ausweichen</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>&amp;Kosten</translation>
    </message>
    <message>
        <source>What it would cost: the policy priced over your traffic</source>
        <translation>Was es kosten würde: die Richtlinie über Ihren Verkehr berechnet</translation>
    </message>
    <message>
        <source>Lear&amp;ned</source>
        <translation>&amp;Gelernt</translation>
    </message>
    <message>
        <source>The learned rule&apos;s threshold and its curve</source>
        <translation>Die Schwelle der gelernten Regel und ihre Kurve</translation>
    </message>
    <message>
        <source>Eva&amp;luation</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>Evaluation advice: the cheapest model that passes, per tier</source>
        <translation>Bewertungsrat: das günstigste Modell, das besteht, je Stufe</translation>
    </message>
</context>
<context>
    <name>RuleEngine</name>
    <message>
        <source>rule %1 (%2): invalid regular expression: %3</source>
        <translation>Regel %1 (%2): ungültiger regulärer Ausdruck: %3</translation>
    </message>
    <message>
        <source>rule %1 (%2): &quot;%3&quot; is not a number</source>
        <translation>Regel %1 (%2): „%3“ ist keine Zahl</translation>
    </message>
    <message>
        <source>keyword &quot;%1&quot;</source>
        <translation>Schlüsselwort „%1“</translation>
    </message>
    <message>
        <source>regex /%1/ matched &quot;%2&quot;</source>
        <translation>Regex /%1/ trifft „%2“</translation>
    </message>
    <message>
        <source>%1 characters, at least %2</source>
        <translation>%1 Zeichen, mindestens %2</translation>
    </message>
    <message>
        <source>%1 characters, at most %2</source>
        <translation>%1 Zeichen, höchstens %2</translation>
    </message>
    <message>
        <source>about %1 tokens, at least %2</source>
        <translation>etwa %1 Tokens, mindestens %2</translation>
    </message>
    <message>
        <source>code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot;</source>
        <translation>Tag „%1“</translation>
    </message>
    <message>
        <source>default rule</source>
        <translation>Standardregel</translation>
    </message>
    <message>
        <source>no rule matched; the policy&apos;s default tier</source>
        <translation>keine Regel trifft; die Standardstufe der Richtlinie</translation>
    </message>
    <message>
        <source>rule %1 (%2): a learned rule needs a weak and a strong model</source>
        <translation>Regel %1 (%2): eine gelernte Regel braucht ein schwaches und ein starkes Modell</translation>
    </message>
    <message>
        <source>rule %1 (%2): no trained router; run `switchyard router train FILE.jsonl` (the rule is skipped)</source>
        <translation>Regel %1 (%2): kein trainierter Router; führen Sie `switchyard router train DATEI.jsonl` aus (die Regel wird übersprungen)</translation>
    </message>
    <message>
        <source>learned router: p_strong %1 &gt;= threshold %2, strong model</source>
        <translation>gelernter Router: p_strong %1 &gt;= Schwelle %2, starkes Modell</translation>
    </message>
    <message>
        <source>learned router: p_strong %1 &lt; threshold %2, weak model</source>
        <translation>gelernter Router: p_strong %1 &lt; Schwelle %2, schwaches Modell</translation>
    </message>
</context>
<context>
    <name>RulePattern</name>
    <message>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation>ungültiger regulärer Ausdruck: %1 an Position %2</translation>
    </message>
    <message>
        <source>expected a whole number, found &quot;%1&quot;</source>
        <translation>ganze Zahl erwartet, „%1“ gefunden</translation>
    </message>
    <message>
        <source>a learned rule needs a weak and a strong model</source>
        <translation>eine gelernte Regel braucht ein schwaches und ein starkes Modell</translation>
    </message>
    <message>
        <source>the threshold must be between 0 and 1, found %1</source>
        <translation>die Schwelle muss zwischen 0 und 1 liegen, gefunden: %1</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>At least N chars</source>
        <translation>Mindestens N Zeichen</translation>
    </message>
    <message>
        <source>At most N chars</source>
        <translation>Höchstens N Zeichen</translation>
    </message>
    <message>
        <source>At least N tokens</source>
        <translation>Mindestens N Tokens</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Pinned model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>Regel %1 bearbeiten</translation>
    </message>
    <message>
        <source>Reorder rules</source>
        <translation>Regeln umsortieren</translation>
    </message>
    <message>
        <source>new rule</source>
        <translation>neue Regel</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation>Regel %1 löschen</translation>
    </message>
    <message>
        <source>Never fires: rule %1 &quot;%2&quot; above it matches every prompt</source>
        <translation>Greift nie: Regel %1 „%2“ darüber passt auf jeden Prompt</translation>
    </message>
    <message>
        <source>Never fires: rule %1 &quot;%2&quot; above it matches the same prompts</source>
        <translation>Greift nie: Regel %1 „%2“ darüber passt auf dieselben Prompts</translation>
    </message>
    <message>
        <source>Learned router</source>
        <translation>Gelernter Router</translation>
    </message>
    <message>
        <source>%1 / %2 from p_strong %3</source>
        <translation>%1 / %2 ab p_strong %3</translation>
    </message>
</context>
<context>
    <name>RulesPane</name>
    <message>
        <source>Rules, first match wins</source>
        <translation>Regeln, der erste Treffer gilt</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete rule</source>
        <translation>Regel &amp;löschen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Rules&lt;/b&gt; (first match wins)</source>
        <translation>&lt;b&gt;&amp;Regeln&lt;/b&gt; (der erste Treffer gilt)</translation>
    </message>
    <message>
        <source>Rule %1 &quot;%2&quot;: %3</source>
        <translation>Regel %1 „%2“: %3</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answering</source>
        <translation>%1 antworten</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 angehalten</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>gesamt %1</translation>
    </message>
    <message>
        <source>Includes estimated costs (~) of answers that did not finish</source>
        <translation>Enthält geschätzte Kosten (~) von Antworten, die nicht fertig wurden</translation>
    </message>
</context>
<context>
    <name>SandboxCatalogue</name>
    <message>
        <source>Sandbox Gemini</source>
        <translation>Sandbox Gemini</translation>
    </message>
    <message>
        <source>Sandbox OpenAI</source>
        <translation>Sandbox OpenAI</translation>
    </message>
    <message>
        <source>Sandbox DeepSeek</source>
        <translation>Sandbox DeepSeek</translation>
    </message>
    <message>
        <source>Sandbox Mistral</source>
        <translation>Sandbox Mistral</translation>
    </message>
    <message>
        <source>Sandbox Anthropic</source>
        <translation>Sandbox Anthropic</translation>
    </message>
    <message>
        <source>Sandbox Azure OpenAI</source>
        <translation>Sandbox Azure OpenAI</translation>
    </message>
    <message>
        <source>Sandbox Bedrock</source>
        <translation>Sandbox Bedrock</translation>
    </message>
    <message>
        <source>Sandbox Gemini (native API)</source>
        <translation>Sandbox Gemini (native API)</translation>
    </message>
</context>
<context>
    <name>SaveButtons</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Stopped; every request was answered or cancelled, and recorded.
</source>
        <translation>Beendet; jede Anfrage wurde beantwortet oder abgebrochen und aufgezeichnet.
</translation>
    </message>
    <message numerus="yes">
        <source>The history database is still locked: %n record(s) kept in %1 are written at the next start.
</source>
        <translation>
            <numerusform>Die Verlaufsdatenbank ist noch gesperrt: %n in %1 aufbewahrter Eintrag wird beim nächsten Start geschrieben.
</numerusform>
            <numerusform>Die Verlaufsdatenbank ist noch gesperrt: %n in %1 aufbewahrte Einträge werden beim nächsten Start geschrieben.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be written to the history database nor kept in %1: %2</source>
        <translation>
            <numerusform>%n Eintrag konnte weder in die Verlaufsdatenbank geschrieben noch in %1 aufbewahrt werden: %2</numerusform>
            <numerusform>%n Einträge konnten weder in die Verlaufsdatenbank geschrieben noch in %1 aufbewahrt werden: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The history database is written again; nothing was lost.
</source>
        <translation>Die Verlaufsdatenbank wird wieder geschrieben; nichts ging verloren.
</translation>
    </message>
    <message>
        <source>switchyard: warning: the history database cannot be written (%1); requests are kept and written when it can be.
</source>
        <translation>switchyard: Warnung: Die Verlaufsdatenbank kann nicht geschrieben werden (%1); Anfragen werden aufbewahrt und geschrieben, sobald es geht.
</translation>
    </message>
    <message numerus="yes">
        <source>Stopping now: %n request(s) cancelled.
</source>
        <translation>
            <numerusform>Sofort beendet: %n Anfrage abgebrochen.
</numerusform>
            <numerusform>Sofort beendet: %n Anfragen abgebrochen.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping: no new requests; %n request(s) in flight have %1 s to finish (a second Ctrl+C or SIGTERM cancels them now).
</source>
        <translation>
            <numerusform>Beende: keine neuen Anfragen; %n laufende Anfrage hat %1 s zum Abschließen (ein zweites Strg+C oder SIGTERM bricht sie sofort ab).
</numerusform>
            <numerusform>Beende: keine neuen Anfragen; %n laufende Anfragen haben %1 s zum Abschließen (ein zweites Strg+C oder SIGTERM bricht sie sofort ab).
</numerusform>
        </translation>
    </message>
    <message>
        <source>--grace-seconds needs a number from 0 to 3600</source>
        <translation>--grace-seconds braucht eine Zahl von 0 bis 3600</translation>
    </message>
    <message>
        <source>On SIGINT/SIGTERM, how long requests in flight may take to finish (default 10).</source>
        <translation>Wie lange laufende Anfragen bei SIGINT/SIGTERM zum Abschließen haben (Standard 10).</translation>
    </message>
    <message>
        <source>Serve the OpenAI API (and /v1/messages) on this machine, routed with failover.</source>
        <translation>Die OpenAI-API (und /v1/messages) auf diesem Rechner bereitstellen, geroutet mit Failover.</translation>
    </message>
    <message>
        <source>Port (default 4000; 0 picks a free one).</source>
        <translation>Port (Standard 4000; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>Address (default 127.0.0.1). Beyond loopback a key is required.</source>
        <translation>Adresse (Standard 127.0.0.1). Über Loopback hinaus ist ein Schlüssel nötig.</translation>
    </message>
    <message>
        <source>Environment variable holding the key clients must send (default SWITCHYARD_GATEWAY_KEY).</source>
        <translation>Umgebungsvariable mit dem Schlüssel, den Clients senden müssen (Standard SWITCHYARD_GATEWAY_KEY).</translation>
    </message>
    <message>
        <source>Do not log each request.</source>
        <translation>Nicht jede Anfrage protokollieren.</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port braucht eine Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <source>--bind needs an IP address, e.g. 127.0.0.1</source>
        <translation>--bind braucht eine IP-Adresse, z. B. 127.0.0.1</translation>
    </message>
    <message>
        <source>; clients must send the key from %1</source>
        <translation>; Clients müssen den Schlüssel aus %1 senden</translation>
    </message>
    <message>
        <source>A host name clients may use for this gateway besides localhost and IP addresses (repeatable; *.example.com for subdomains).</source>
        <translation>Ein Hostname, den Clients für dieses Gateway außer localhost und IP-Adressen verwenden dürfen (wiederholbar; *.example.com für Subdomains).</translation>
    </message>
    <message>
        <source>A web page origin allowed to call the gateway, e.g. https://app.example (repeatable; none by default).</source>
        <translation>Ein Webseiten-Ursprung, der das Gateway aufrufen darf, z. B. https://app.example (wiederholbar; standardmäßig keiner).</translation>
    </message>
    <message>
        <source>Serve HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation>HTTPS mit diesem PEM-Zertifikat (Kette) bereitstellen; braucht --tls-key.</translation>
    </message>
    <message>
        <source>The certificate&apos;s unencrypted PEM private key.</source>
        <translation>Der unverschlüsselte private PEM-Schlüssel des Zertifikats.</translation>
    </message>
    <message>
        <source>Allow plain HTTP beyond loopback (only behind a TLS-terminating proxy on this host).</source>
        <translation>Einfaches HTTP über Loopback hinaus erlauben (nur hinter einem TLS-terminierenden Proxy auf diesem Rechner).</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>--allow-origin needs an origin such as https://app.example, not &quot;%1&quot;</source>
        <translation>--allow-origin braucht einen Ursprung wie https://app.example, nicht „%1“</translation>
    </message>
    <message>
        <source>Switchyard gateway on %5://%1:%2/v1 (OpenAI chat/completions, Anthropic messages)%3
Models: auto, the routing tiers, groups and %4 models. Ctrl+C stops.
</source>
        <translation>Switchyard-Gateway auf %5://%1:%2/v1 (OpenAI chat/completions, Anthropic messages)%3
Modelle: auto, die Routing-Stufen, Gruppen und %4 Modelle. Strg+C beendet.
</translation>
    </message>
    <message numerus="yes">
        <source>; clients must send one of the %n client keys</source>
        <translation>
            <numerusform>; Clients müssen den Client-Schlüssel senden</numerusform>
            <numerusform>; Clients müssen einen der %n Client-Schlüssel senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Also serve GET /metrics on this loopback port, without a client key (0 picks a free one).</source>
        <translation>GET /metrics zusätzlich auf diesem Loopback-Port bereitstellen, ohne Client-Schlüssel (0 wählt einen freien).</translation>
    </message>
    <message>
        <source>--metrics-port needs a number from 0 to 65535</source>
        <translation>--metrics-port braucht eine Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <source>switchyard: warning: %1 (alerts use the default rules, without webhooks)
</source>
        <translation>switchyard: Warnung: %1 (Alarme verwenden die Standardregeln, ohne Webhooks)
</translation>
    </message>
    <message>
        <source>alert: [FIRING] %1: %2
</source>
        <translation>Alarm: [AUSGELÖST] %1: %2
</translation>
    </message>
    <message>
        <source>alert: [CLEARED] %1: %2
</source>
        <translation>Alarm: [BEHOBEN] %1: %2
</translation>
    </message>
    <message>
        <source>switchyard: warning: an alert could not be delivered to %1: %2
</source>
        <translation>switchyard: Warnung: ein Alarm konnte nicht an %1 zugestellt werden: %2
</translation>
    </message>
    <message>
        <source>Cannot serve metrics on port %1: %2</source>
        <translation>Metriken können auf Port %1 nicht bereitgestellt werden: %2</translation>
    </message>
    <message>
        <source>Metrics for Prometheus on http://127.0.0.1:%1/metrics
</source>
        <translation>Metriken für Prometheus unter http://127.0.0.1:%1/metrics
</translation>
    </message>
    <message>
        <source>Export a trace of every request to this OpenTelemetry collector (OTLP/HTTP JSON, e.g. http://127.0.0.1:4318; default: SWITCHYARD_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT).</source>
        <translation>Jede Anfrage als Trace an diesen OpenTelemetry-Collector exportieren (OTLP/HTTP JSON, z. B. http://127.0.0.1:4318; Standard: SWITCHYARD_OTLP_ENDPOINT oder OTEL_EXPORTER_OTLP_ENDPOINT).</translation>
    </message>
    <message>
        <source>Send a tiny request (max_tokens 1) to each provider every N minutes, so an outage is known before your requests find it (off by default).</source>
        <translation>Alle N Minuten eine winzige Anfrage (max_tokens 1) an jeden Anbieter senden, damit ein Ausfall bekannt ist, bevor Ihre Anfragen ihn finden (standardmäßig aus).</translation>
    </message>
    <message>
        <source>What the probes may cost per day in US dollars (default %1); they stop for the day when reached.</source>
        <translation>Was die Proben pro Tag in US-Dollar kosten dürfen (Standard %1); ist das erreicht, ruhen sie für den Rest des Tages.</translation>
    </message>
    <message>
        <source>--probe-every needs a number of minutes from 1 to 1440</source>
        <translation>--probe-every braucht eine Anzahl Minuten von 1 bis 1440</translation>
    </message>
    <message>
        <source>--probe-cap needs an amount of US dollars, e.g. 0.10</source>
        <translation>--probe-cap braucht einen Betrag in US-Dollar, z. B. 0.10</translation>
    </message>
    <message>
        <source>switchyard: warning: the trace collector did not take the spans (%1); they are dropped and counted in switchyard_otlp_spans_dropped_total.
</source>
        <translation>switchyard: Warnung: Der Trace-Collector hat die Spans nicht angenommen (%1); sie werden verworfen und in switchyard_otlp_spans_dropped_total gezählt.
</translation>
    </message>
    <message>
        <source>Traces (OTLP/HTTP JSON) to %1
</source>
        <translation>Traces (OTLP/HTTP JSON) an %1
</translation>
    </message>
    <message>
        <source>probe: %1 answers (%2)
</source>
        <translation>Probe: %1 antwortet (%2)
</translation>
    </message>
    <message>
        <source>probe: %1 is down (%2: %3)
</source>
        <translation>Probe: %1 ist ausgefallen (%2: %3)
</translation>
    </message>
    <message>
        <source>probe: %1
</source>
        <translation>Probe: %1
</translation>
    </message>
    <message>
        <source>Run on the team&apos;s configuration in the ledger database (switchyard team push) and apply each new version as it is pushed.</source>
        <translation>Mit der Konfiguration des Teams aus der Journal-Datenbank laufen (switchyard team push) und jede neue Version übernehmen, sobald sie hochgeladen wird.</translation>
    </message>
    <message>
        <source>--team-config needs a ledger database (--database postgresql://...); serving on this home&apos;s own configuration.
</source>
        <translation>--team-config braucht eine Journal-Datenbank (--database postgresql://...); es gilt die eigene Konfiguration dieses Verzeichnisses.
</translation>
    </message>
    <message>
        <source>The team configuration cannot be read (%1); serving on the version applied last.</source>
        <translation>Die Konfiguration des Teams kann nicht gelesen werden (%1); es gilt die zuletzt übernommene Version.</translation>
    </message>
    <message>
        <source>Not applied: the team configuration&apos;s %1 has errors (%2).</source>
        <translation>Nicht übernommen: %1 der Team-Konfiguration hat Fehler (%2).</translation>
    </message>
    <message>
        <source>Applied the team configuration&apos;s %1.</source>
        <translation>%1 der Team-Konfiguration übernommen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Store prompt and response text in the history</source>
        <translation>Prompt- und Antworttext im Verlauf speichern</translation>
    </message>
    <message>
        <source>keep forever</source>
        <translation>für immer behalten</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>History retention</source>
        <translation>Verlauf aufbewahren</translation>
    </message>
    <message>
        <source>Budgets (all providers)</source>
        <translation>Budgets (alle Anbieter)</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation>Monatslimit</translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation>Warnen bei</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Über dem Limit</translation>
    </message>
    <message>
        <source>Default timeouts</source>
        <translation>Standard-Zeitlimits</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>Between tokens</source>
        <translation>Zwischen Tokens</translation>
    </message>
    <message>
        <source>Whole call</source>
        <translation>Gesamter Aufruf</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Send requests to unpriced models (their cost is not counted)</source>
        <translation>Anfragen an Modelle ohne Preis senden (ihre Kosten werden nicht gezählt)</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:4318 (empty: off)</source>
        <translation>z. B. http://127.0.0.1:4318 (leer: aus)</translation>
    </message>
    <message>
        <source>An OpenTelemetry collector&apos;s OTLP/HTTP address: every request is sent there as a trace, without prompt or answer text</source>
        <translation>Die OTLP/HTTP-Adresse eines OpenTelemetry-Collectors: Jede Anfrage geht dorthin als Trace, ohne Prompt- oder Antworttext</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>A one-token request to each provider this often, so an outage is known before your requests find it</source>
        <translation>So oft eine Anfrage mit einem Token an jeden Anbieter, damit ein Ausfall bekannt ist, bevor Ihre Anfragen ihn finden</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Trace collector</source>
        <translation>Trace-Collector</translation>
    </message>
    <message>
        <source>Health probes every</source>
        <translation>Zustandsproben alle</translation>
    </message>
    <message>
        <source>Probe cost per day at most</source>
        <translation>Probenkosten pro Tag höchstens</translation>
    </message>
    <message>
        <source>Trace collector: &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Trace-Collector: „%1“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>The new language applies when Switchyard is started again.</source>
        <translation>Die neue Sprache gilt nach dem nächsten Start von Switchyard.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Providers and Keys...</source>
        <translation>&amp;Anbieter und Schlüssel...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>Providers saved.</source>
        <translation>Anbieter gespeichert.</translation>
    </message>
</context>
<context>
    <name>SharedBudget</name>
    <message>
        <source>%1 of the team&apos;s budget are spent or held, the limit is %2</source>
        <translation>%1 des Team-Budgets sind ausgegeben oder reserviert, das Limit ist %2</translation>
    </message>
</context>
<context>
    <name>SharedBudgetClient</name>
    <message>
        <source>the database did not answer within %1 ms</source>
        <translation>die Datenbank hat nicht innerhalb von %1 ms geantwortet</translation>
    </message>
</context>
<context>
    <name>SharedBudgetFallback</name>
    <message>
        <source>the team&apos;s budget database cannot be reached: this instance may spend %1 (%2% of what %3 had left) until it answers again, and %4 of it is used</source>
        <translation>die Budget-Datenbank des Teams ist nicht erreichbar: Diese Instanz darf bis zu ihrer Rückkehr %1 ausgeben (%2 % dessen, was %3 übrig hatte), davon sind %4 verbraucht</translation>
    </message>
</context>
<context>
    <name>SharedKeyBudget</name>
    <message>
        <source>The client key &quot;%1&quot; cannot take this request: across every gateway on the team&apos;s ledger, %2.</source>
        <translation>Der Client-Schlüssel „%1“ kann diese Anfrage nicht übernehmen: über alle Gateways am Journal des Teams gilt: %2.</translation>
    </message>
    <message>
        <source>Client key budgets cannot be checked with the other gateways (%1); until they can, each key may spend %2% of what it had left here.</source>
        <translation>Die Budgets der Client-Schlüssel können nicht mit den anderen Gateways abgeglichen werden (%1); bis das wieder geht, darf jeder Schlüssel hier %2 % dessen ausgeben, was ihm noch blieb.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; cannot take this request: %2.</source>
        <translation>Der Client-Schlüssel „%1“ kann diese Anfrage nicht übernehmen: %2.</translation>
    </message>
    <message>
        <source>A client key&apos;s shared budget could not be updated (%1).</source>
        <translation>Das gemeinsame Budget eines Client-Schlüssels konnte nicht aktualisiert werden (%1).</translation>
    </message>
</context>
<context>
    <name>SimulatePanel</name>
    <message>
        <source>Server error (HTTP 500)</source>
        <translation>Serverfehler (HTTP 500)</translation>
    </message>
    <message>
        <source>Overloaded (HTTP 503)</source>
        <translation>Überlastet (HTTP 503)</translation>
    </message>
    <message>
        <source>Rate limited (HTTP 429)</source>
        <translation>Ratenlimit (HTTP 429)</translation>
    </message>
    <message>
        <source>Quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
    <message>
        <source>Bad key (HTTP 401)</source>
        <translation>Falscher Schlüssel (HTTP 401)</translation>
    </message>
    <message>
        <source>No answer (timeout)</source>
        <translation>Keine Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>Silence after headers</source>
        <translation>Stille nach den Headern</translation>
    </message>
    <message>
        <source>Stream drops mid-answer</source>
        <translation>Stream bricht mitten in der Antwort ab</translation>
    </message>
    <message>
        <source>Malformed JSON</source>
        <translation>Fehlerhaftes JSON</translation>
    </message>
    <message>
        <source>Send test prompt (F5)</source>
        <translation>Test-Prompt senden (F5)</translation>
    </message>
    <message>
        <source>Model or provider to switch down</source>
        <translation>Modell oder Anbieter, der abgeschaltet wird</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Switch dow&amp;n</source>
        <translation>Abschalte&amp;n</translation>
    </message>
    <message>
        <source>Clear &amp;faults</source>
        <translation>&amp;Fehler zurücksetzen</translation>
    </message>
    <message>
        <source>Failover steps</source>
        <translation>Failover-Schritte</translation>
    </message>
    <message>
        <source>Simulation needs the offline sandbox (start Switchyard with --sandbox).</source>
        <translation>Die Simulation braucht die Offline-Sandbox (starten Sie Switchyard mit --sandbox).</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>Anbieter %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Down: %1</source>
        <translation>Abgeschaltet: %1</translation>
    </message>
    <message>
        <source>Say hello.</source>
        <translation>Sag Hallo.</translation>
    </message>
    <message>
        <source>rule %1 (%2) → tier %3</source>
        <translation>Regel %1 (%2) → Stufe %3</translation>
    </message>
    <message>
        <source>trying %1 on %2 (%3)</source>
        <translation>versuche %1 bei %2 (%3)</translation>
    </message>
    <message>
        <source>%1 failed: %2 → failing over to %3</source>
        <translation>%1 fehlgeschlagen: %2 → Failover auf %3</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation>erstes Token nach %1 ms</translation>
    </message>
    <message>
        <source>restarting on %1</source>
        <translation>Neustart auf %1</translation>
    </message>
    <message numerus="yes">
        <source>answered by %1 after %n failover(s)</source>
        <translation>
            <numerusform>beantwortet von %1 nach %n Failover</numerusform>
            <numerusform>beantwortet von %1 nach %n Failovern</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>Event stream line longer than %1 bytes</source>
        <translation>Zeile des Ereignisstroms länger als %1 Bytes</translation>
    </message>
    <message>
        <source>Event stream event longer than %1 bytes</source>
        <translation>Ereignis des Ereignisstroms länger als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>SseStreamDecoder</name>
    <message>
        <source>Response is not an event stream: %1</source>
        <translation>Die Antwort ist kein Ereignisstrom: %1</translation>
    </message>
    <message>
        <source>Malformed stream event (%1): %2</source>
        <translation>Fehlerhaftes Stream-Ereignis (%1): %2</translation>
    </message>
    <message>
        <source>Stream event is not a JSON object: %1</source>
        <translation>Stream-Ereignis ist kein JSON-Objekt: %1</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Spend and requests from the ledger.</source>
        <translation>Ausgaben und Anfragen aus dem Journal.</translation>
    </message>
    <message>
        <source>From this date (YYYY-MM-DD); default 30 days ago.</source>
        <translation>Ab diesem Datum (JJJJ-MM-TT); Standard: vor 30 Tagen.</translation>
    </message>
    <message>
        <source>Up to and including this date.</source>
        <translation>Bis einschließlich zu diesem Datum.</translation>
    </message>
    <message>
        <source>Split by model, provider, tier or day.</source>
        <translation>Nach Modell, Anbieter, Stufe oder Tag aufteilen.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>--since and --until need dates (YYYY-MM-DD), the first before the second</source>
        <translation>--since und --until brauchen Daten (JJJJ-MM-TT), das erste vor dem zweiten</translation>
    </message>
    <message>
        <source>--by must be model, provider, tier or day</source>
        <translation>--by muss model, provider, tier oder day sein</translation>
    </message>
    <message>
        <source>no history database is available</source>
        <translation>keine Verlaufsdatenbank verfügbar</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>ANFRAGEN</translation>
    </message>
    <message>
        <source>COST</source>
        <translation>KOSTEN</translation>
    </message>
    <message>
        <source>UNPRICED</source>
        <translation>OHNE PREIS</translation>
    </message>
    <message>
        <source>Total %1 over %2 requests; %3 failed; failover rate %4%; %5 unpriced</source>
        <translation>Gesamt %1 über %2 Anfragen; %3 fehlgeschlagen; Failover-Quote %4 %; %5 ohne Preis</translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message>
        <source>One configuration for a team&apos;s gateways and apps, kept in the ledger database: providers.json, routing.json and client-keys.json, versioned, with who pushed each version.
  team push [--note TEXT] [--force]   this home&apos;s files as the next version
  team pull [--version N]              a version (default: the newest) into this home
  team history [--json]                every version, newest first</source>
        <translation>Eine Konfiguration für die Gateways und Apps eines Teams, in der Journal-Datenbank: providers.json, routing.json und client-keys.json, versioniert, mit wer jede Version hochgeladen hat.
  team push [--note TEXT] [--force]   die Dateien dieses Verzeichnisses als nächste Version
  team pull [--version N]              eine Version (Standard: die neueste) in dieses Verzeichnis
  team history [--json]                alle Versionen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Why, for the history.</source>
        <translation>Warum, für den Verlauf.</translation>
    </message>
    <message>
        <source>Push even though someone pushed since this home&apos;s version.</source>
        <translation>Hochladen, obwohl seit der Version dieses Verzeichnisses jemand anderes hochgeladen hat.</translation>
    </message>
    <message>
        <source>The version to pull.</source>
        <translation>Die zu holende Version.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>push, pull or history</source>
        <translation>push, pull oder history</translation>
    </message>
    <message>
        <source>team needs push, pull or history (see switchyard team --help)</source>
        <translation>team braucht push, pull oder history (siehe switchyard team --help)</translation>
    </message>
    <message>
        <source>--version needs a version number of at least 1</source>
        <translation>--version braucht eine Versionsnummer von mindestens 1</translation>
    </message>
    <message>
        <source>Not pushed: the configuration has errors (%1).</source>
        <translation>Nicht hochgeladen: die Konfiguration hat Fehler (%1).</translation>
    </message>
    <message>
        <source>Not pushed: %1 is newer than the version this home holds (%2). Pull it (switchyard team pull), make your change again and push, or push with --force to replace it.</source>
        <translation>Nicht hochgeladen: %1 ist neuer als die Version dieses Verzeichnisses (%2). Holen Sie sie (switchyard team pull), nehmen Sie Ihre Änderung erneut vor und laden Sie hoch, oder ersetzen Sie sie mit --force.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Not pushed to %1: %2</source>
        <translation>Nicht nach %1 hochgeladen: %2</translation>
    </message>
    <message>
        <source>Pushed version %1.
</source>
        <translation>Version %1 hochgeladen.
</translation>
    </message>
    <message>
        <source>Cannot read the team configuration from %1: %2</source>
        <translation>Die Team-Konfiguration kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>There is no version %1 of the team configuration.</source>
        <translation>Es gibt keine Version %1 der Team-Konfiguration.</translation>
    </message>
    <message>
        <source>No team configuration has been pushed yet.</source>
        <translation>Es wurde noch keine Team-Konfiguration hochgeladen.</translation>
    </message>
    <message>
        <source>Not pulled: %1 has errors (%2).</source>
        <translation>Nicht geholt: %1 hat Fehler (%2).</translation>
    </message>
    <message>
        <source>Pulled %1.
</source>
        <translation>%1 geholt.
</translation>
    </message>
    <message>
        <source>No team configuration has been pushed yet; switchyard team push makes the first version from this home&apos;s files.
</source>
        <translation>Es wurde noch keine Team-Konfiguration hochgeladen; switchyard team push macht aus den Dateien dieses Verzeichnisses die erste Version.
</translation>
    </message>
</context>
<context>
    <name>TeamConfigBar</name>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>The team&apos;s configuration has a new %1, but it has errors and is not applied: %2</source>
        <translation>Die Konfiguration des Teams hat eine neue %1, aber sie hat Fehler und wird nicht übernommen: %2</translation>
    </message>
    <message>
        <source>The team&apos;s configuration has a new %1. Apply it to this app (providers, routing and client keys)?</source>
        <translation>Die Konfiguration des Teams hat eine neue %1. In diese App übernehmen (Anbieter, Routing und Client-Schlüssel)?</translation>
    </message>
    <message>
        <source>The team&apos;s %1 was not applied: %2</source>
        <translation>%1 des Teams wurde nicht übernommen: %2</translation>
    </message>
    <message>
        <source>Applied the team&apos;s %1.</source>
        <translation>%1 des Teams übernommen.</translation>
    </message>
</context>
<context>
    <name>TeamConfigFiles</name>
    <message>
        <source>version %1, pushed by %2 (%3) at %4</source>
        <translation>Version %1, hochgeladen von %2 (%3) am %4</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>TeamConfigStore</name>
    <message>
        <source>version %1 is the newest, not %2, the one this change was made on</source>
        <translation>Version %1 ist die neueste, nicht %2, auf der diese Änderung beruht</translation>
    </message>
</context>
<context>
    <name>TierAdvice</name>
    <message numerus="yes">
        <source>No prompt of this evaluation goes to %1; judged on all %n prompt(s).</source>
        <translation>
            <numerusform>Kein Prompt dieser Auswertung geht an %1; beurteilt über den %n Prompt.</numerusform>
            <numerusform>Kein Prompt dieser Auswertung geht an %1; beurteilt über alle %n Prompts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Judged on the %n prompt(s) of this evaluation that go to %1.</source>
        <translation>
            <numerusform>Beurteilt über den %n Prompt dieser Auswertung, der an %1 geht.</numerusform>
            <numerusform>Beurteilt über die %n Prompts dieser Auswertung, die an %1 gehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the primary already.</source>
        <translation>%1 ist bereits das primäre Modell.</translation>
    </message>
    <message>
        <source>Suggested primary: %1 (now %2).</source>
        <translation>Vorgeschlagenes primäres Modell: %1 (jetzt %2).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
</context>
<context>
    <name>TierColumn</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Tier name</source>
        <translation>Name der Stufe</translation>
    </message>
    <message>
        <source>Move tier left</source>
        <translation>Stufe nach links</translation>
    </message>
    <message>
        <source>Move tier %1</source>
        <translation>Stufe %1 verschieben</translation>
    </message>
    <message>
        <source>Move tier right</source>
        <translation>Stufe nach rechts</translation>
    </message>
    <message>
        <source>Failover settings</source>
        <translation>Failover-Einstellungen</translation>
    </message>
    <message>
        <source>Delete tier</source>
        <translation>Stufe löschen</translation>
    </message>
    <message>
        <source>Delete tier %1</source>
        <translation>Stufe %1 löschen</translation>
    </message>
    <message>
        <source>Chain of tier %1</source>
        <translation>Kette der Stufe %1</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>kein Zeitlimit</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Worst case:&lt;/b&gt; %1 · %2 · %3</source>
        <translation>&lt;b&gt;Schlimmstenfalls:&lt;/b&gt; %1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>One request can make up to %n upstream call(s) (every deployment once, plus one retry after a 429), take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 (2,000 tokens in, 1,000 out on the dearest model)%3.</source>
        <translation>
            <numerusform>Eine Anfrage kann bis zu %n Upstream-Aufruf machen (jedes Deployment einmal, dazu eine Wiederholung nach HTTP 429), bis zu einer Antwort oder einem endgültigen Fehler %1 dauern, wenn jeder Versuch in sein Zeitlimit läuft, und bis zu %2 kosten (2.000 Tokens ein, 1.000 aus beim teuersten Modell)%3.</numerusform>
            <numerusform>Eine Anfrage kann bis zu %n Upstream-Aufrufe machen (jedes Deployment einmal, dazu eine Wiederholung nach HTTP 429), bis zu einer Antwort oder einem endgültigen Fehler %1 dauern, wenn jeder Versuch in sein Zeitlimit läuft, und bis zu %2 kosten (2.000 Tokens ein, 1.000 aus beim teuersten Modell)%3.</numerusform>
        </translation>
    </message>
    <message>
        <source>; some models have no price</source>
        <translation>; manche Modelle haben keinen Preis</translation>
    </message>
    <message>
        <source>Empty chain: requests for this tier fail.</source>
        <translation>Leere Kette: Anfragen an diese Stufe schlagen fehl.</translation>
    </message>
    <message>
        <source>Will be skipped: %1</source>
        <translation>Wird übersprungen: %1</translation>
    </message>
    <message>
        <source>Rename tier %1 to %2</source>
        <translation>Stufe %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message>
        <source>Reorder %1 in %2</source>
        <translation>%1 in %2 umsortieren</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
</context>
<context>
    <name>TierDowngrade</name>
    <message>
        <source>tier %1 over budget (%2), moved down to tier %3</source>
        <translation>Stufe %1 über Budget (%2), herabgestuft auf Stufe %3</translation>
    </message>
</context>
<context>
    <name>TierSettingsDialog</name>
    <message>
        <source>&amp;Use the policy defaults</source>
        <translation>Standards der Richtlinie &amp;verwenden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Start the next model when no first token arrives within</source>
        <translation>Nächstes Modell starten, wenn kein erstes Token kommt innerhalb von</translation>
    </message>
    <message>
        <source>Answer from the exact-match cache when every model failed</source>
        <translation>Aus dem Exakt-Cache antworten, wenn jedes Modell fehlschlug</translation>
    </message>
    <message>
        <source>Failover settings: %1</source>
        <translation>Failover-Einstellungen: %1</translation>
    </message>
    <message>
        <source>Weighted random</source>
        <translation>Gewichteter Zufall</translation>
    </message>
    <message>
        <source>Least busy</source>
        <translation>Am wenigsten ausgelastet</translation>
    </message>
    <message>
        <source>Lowest latency</source>
        <translation>Geringste Latenz</translation>
    </message>
    <message>
        <source>Restart on the next model</source>
        <translation>Auf dem nächsten Modell neu beginnen</translation>
    </message>
    <message>
        <source>Continue on the next model</source>
        <translation>Auf dem nächsten Modell fortsetzen</translation>
    </message>
    <message>
        <source>Stop, marked incomplete</source>
        <translation>Anhalten, als unvollständig markiert</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>Zeitlimit &amp;Verbinden:</translation>
    </message>
    <message>
        <source>&amp;First token timeout:</source>
        <translation>Zeitlimit &amp;erstes Token:</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>Zeitlimit &amp;Pause:</translation>
    </message>
    <message>
        <source>&amp;Total timeout:</source>
        <translation>Zeitlimit &amp;gesamt:</translation>
    </message>
    <message>
        <source>429 &amp;wait cap:</source>
        <translation>&amp;Wartegrenze bei 429:</translation>
    </message>
    <message>
        <source>&amp;Quota cooldown:</source>
        <translation>Pause bei &amp;Kontingent:</translation>
    </message>
    <message>
        <source>Cool down after &amp;failures:</source>
        <translation>Pausieren nach &amp;Fehlern:</translation>
    </message>
    <message>
        <source>… within &amp;window:</source>
        <translation>… inner&amp;halb von:</translation>
    </message>
    <message>
        <source>… for &amp;duration:</source>
        <translation>… für die &amp;Dauer von:</translation>
    </message>
    <message>
        <source>&amp;Load balancing:</source>
        <translation>&amp;Lastverteilung:</translation>
    </message>
    <message>
        <source>&amp;Mid-stream break:</source>
        <translation>Abbruch &amp;mitten im Stream:</translation>
    </message>
    <message>
        <source>&amp;Hedge after:</source>
        <translation>&amp;Hedging nach:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>TokenCountExchange</name>
    <message>
        <source>%1 did not answer the token count in time.</source>
        <translation>%1 hat die Tokenzählung nicht rechtzeitig beantwortet.</translation>
    </message>
    <message>
        <source>the client went away</source>
        <translation>der Client ist gegangen</translation>
    </message>
    <message>
        <source>No model in the chain of &quot;%1&quot; can count tokens now (none speaks Anthropic&apos;s API or all are unavailable).</source>
        <translation>Kein Modell in der Kette von „%1“ kann jetzt Tokens zählen (keines spricht die API von Anthropic, oder alle sind nicht verfügbar).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is served by %2 in OpenAI&apos;s format, which has no token-count endpoint; count tokens with a model served by Anthropic&apos;s API.</source>
        <translation>„%1“ wird von %2 im Format von OpenAI bedient, das keinen Endpunkt zum Zählen von Tokens hat; zählen Sie Tokens mit einem Modell, das über die API von Anthropic bedient wird.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 answered the token count without input_tokens.</source>
        <translation>%1 hat die Tokenzählung ohne input_tokens beantwortet.</translation>
    </message>
</context>
<context>
    <name>ToolCallCheck</name>
    <message>
        <source>Arguments fit the schema</source>
        <translation>Argumente passen zum Schema</translation>
    </message>
    <message>
        <source>Not checked: the tools offered are not known</source>
        <translation>Nicht geprüft: die angebotenen Werkzeuge sind nicht bekannt</translation>
    </message>
    <message>
        <source>no tool named &quot;%1&quot; was offered</source>
        <translation>kein Werkzeug namens „%1“ wurde angeboten</translation>
    </message>
    <message>
        <source>arguments are not JSON: %1</source>
        <translation>die Argumente sind kein JSON: %1</translation>
    </message>
    <message>
        <source>arguments are not a JSON object</source>
        <translation>die Argumente sind kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ToolReplyDialog</name>
    <message>
        <source>Answer Tool Calls</source>
        <translation>Werkzeugaufrufe beantworten</translation>
    </message>
    <message>
        <source>Type what each tool returned; %1 continues the conversation with the results.</source>
        <translation>Geben Sie ein, was jedes Werkzeug zurückgab; %1 setzt das Gespräch mit den Ergebnissen fort.</translation>
    </message>
    <message>
        <source>%1 (call %2)</source>
        <translation>%1 (Aufruf %2)</translation>
    </message>
    <message>
        <source>What %1 returned, e.g. {&quot;temperature&quot;: 14}</source>
        <translation>Was %1 zurückgab, z. B. {&quot;temperature&quot;: 14}</translation>
    </message>
    <message>
        <source>Send Results</source>
        <translation>Ergebnisse senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Ask in Text Instead</source>
        <translation>Stattdessen als Text fragen</translation>
    </message>
    <message>
        <source>Leave the calls unanswered and type a follow-up question</source>
        <translation>Die Aufrufe unbeantwortet lassen und eine Anschlussfrage eingeben</translation>
    </message>
</context>
<context>
    <name>ToolSet</name>
    <message>
        <source>%1: expected an object {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}</source>
        <translation>%1: Objekt {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}} erwartet</translation>
    </message>
    <message>
        <source>%1: only &quot;function&quot; tools can be defined here</source>
        <translation>%1: hier lassen sich nur Werkzeuge vom Typ „function“ festlegen</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: expected text</source>
        <translation>%1: Text erwartet</translation>
    </message>
    <message>
        <source>%1: expected a JSON Schema object</source>
        <translation>%1: JSON-Schema-Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: expected true or false</source>
        <translation>%1: true oder false erwartet</translation>
    </message>
    <message>
        <source>%1: missing (every tool needs a name)</source>
        <translation>%1: fehlt (jedes Werkzeug braucht einen Namen)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; may hold only letters, digits, _ and - (at most 64)</source>
        <translation>%1: „%2“ darf nur Buchstaben, Ziffern, _ und - enthalten (höchstens 64)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is defined twice (also tools[%3])</source>
        <translation>%1: „%2“ ist doppelt festgelegt (auch tools[%3])</translation>
    </message>
    <message>
        <source>%1: the parameters of a tool are an object schema (&quot;type&quot;: &quot;object&quot;)</source>
        <translation>%1: die Parameter eines Werkzeugs sind ein Objekt-Schema (&quot;type&quot;: &quot;object&quot;)</translation>
    </message>
    <message>
        <source>expected a list of tools, or an object with a &quot;tools&quot; list</source>
        <translation>Liste von Werkzeugen oder Objekt mit einer „tools“-Liste erwartet</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Every column is offered these tools; each call a model makes is checked against the tool&apos;s parameters schema. Paste OpenAI&apos;s &quot;tools&quot; JSON in the JSON tab or import a file.</source>
        <translation>Jeder Spalte werden diese Werkzeuge angeboten; jeder Aufruf eines Modells wird gegen das Parameter-Schema des Werkzeugs geprüft. OpenAIs „tools“-JSON im Reiter JSON einfügen oder eine Datei importieren.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>What the tool does, for the model</source>
        <translation>Was das Werkzeug tut, für das Modell</translation>
    </message>
    <message>
        <source>Strict: the provider makes the arguments fit the schema (OpenAI)</source>
        <translation>Strikt: der Anbieter hält die Argumente an das Schema (OpenAI)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Parameters
(JSON Schema)</source>
        <translation>Parameter
(JSON-Schema)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Import File…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Read OpenAI&apos;s &quot;tools&quot; JSON from a file</source>
        <translation>OpenAIs „tools“-JSON aus einer Datei lesen</translation>
    </message>
    <message>
        <source>Import Tools</source>
        <translation>Werkzeuge importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MB: not a tools file.</source>
        <translation>%1 ist größer als 4 MB: keine Werkzeugdatei.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 (%2): expected a JSON Schema object</source>
        <translation>%1 (%2): JSON-Schema-Objekt erwartet</translation>
    </message>
</context>
<context>
    <name>TryPromptPanel</name>
    <message>
        <source>Type a prompt to see where it goes…</source>
        <translation>Prompt eingeben, um zu sehen, wohin er geht…</translation>
    </message>
    <message>
        <source>Test prompt</source>
        <translation>Test-Prompt</translation>
    </message>
    <message>
        <source>tier=coding, …</source>
        <translation>tier=coding, …</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Where the prompt goes</source>
        <translation>Wohin der Prompt geht</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>Rule &lt;b&gt;%1&lt;/b&gt; (%2) fires</source>
        <translation>Regel &lt;b&gt;%1&lt;/b&gt; (%2) greift</translation>
    </message>
    <message>
        <source>No rule fires: the default tier applies</source>
        <translation>Keine Regel greift: Die Standardstufe gilt</translation>
    </message>
    <message>
        <source> → pinned model &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> → festes Modell &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> → tier &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> → Stufe &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>Ausweichmodell</translation>
    </message>
    <message>
        <source>The chain is empty: this request would fail.</source>
        <translation>Die Kette ist leer: Diese Anfrage würde fehlschlagen.</translation>
    </message>
    <message>
        <source>Every model would be skipped.</source>
        <translation>Jedes Modell würde übersprungen.</translation>
    </message>
    <message>
        <source>%1: tried, then fails over</source>
        <translation>%1: versucht, dann Failover</translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>duplicate %1 &quot;%2&quot; (first used at %3)</source>
        <translation>%1 „%2“ kommt doppelt vor (zuerst verwendet bei %3)</translation>
    </message>
    <message>
        <source>must not be negative (found %1)</source>
        <translation>darf nicht negativ sein (gefunden: %1)</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;%2</source>
        <translation>unbekanntes Modell „%1“%2</translation>
    </message>
    <message>
        <source>weight must be at least 1 (found %1)</source>
        <translation>Gewicht muss mindestens 1 sein (gefunden: %1)</translation>
    </message>
    <message>
        <source>provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>a base URL is required</source>
        <translation>eine Basis-URL ist erforderlich</translation>
    </message>
    <message>
        <source>model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;%2</source>
        <translation>unbekannter Anbieter „%1“%2</translation>
    </message>
    <message>
        <source>the provider&apos;s model name is required</source>
        <translation>der Modellname des Anbieters ist erforderlich</translation>
    </message>
    <message>
        <source>prices must not be negative</source>
        <translation>Preise dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>unknown tier &quot;%1&quot;%2</source>
        <translation>unbekannte Stufe „%1“%2</translation>
    </message>
    <message>
        <source>the pattern is empty, so the rule never matches</source>
        <translation>das Muster ist leer, die Regel trifft also nie</translation>
    </message>
    <message>
        <source>unknown group or model &quot;%1&quot;%2</source>
        <translation>unbekannte Gruppe oder unbekanntes Modell „%1“%2</translation>
    </message>
    <message>
        <source>tier name</source>
        <translation>Name der Stufe</translation>
    </message>
    <message>
        <source>the chain is empty: a tier needs at least one model</source>
        <translation>die Kette ist leer: Eine Stufe braucht mindestens ein Modell</translation>
    </message>
    <message>
        <source>empty step: list at least one model</source>
        <translation>leerer Schritt: Geben Sie mindestens ein Modell an</translation>
    </message>
    <message>
        <source>group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>a group needs at least one deployment</source>
        <translation>eine Gruppe braucht mindestens ein Deployment</translation>
    </message>
    <message>
        <source>Microsoft Entra ID tokens are for Azure OpenAI providers (kind &quot;azure&quot;)</source>
        <translation>Microsoft-Entra-ID-Token gelten nur für Azure-OpenAI-Anbieter (kind „azure“)</translation>
    </message>
</context>
<context>
    <name>WebhookSender</name>
    <message>
        <source>[FIRING] %1: %2</source>
        <translation>[AUSGELÖST] %1: %2</translation>
    </message>
    <message>
        <source>[CLEARED] %1: %2</source>
        <translation>[BEHOBEN] %1: %2</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Switchyard</source>
        <translation>Willkommen bei Switchyard</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Switchyard&lt;/h2&gt;&lt;p&gt;Compare models side by side, route requests with failover across providers, and see what every call costs.&lt;/p&gt;&lt;p&gt;Nothing is configured yet. How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Switchyard&lt;/h2&gt;&lt;p&gt;Vergleichen Sie Modelle nebeneinander, routen Sie Anfragen mit Failover über Anbieter hinweg und sehen Sie, was jeder Aufruf kostet.&lt;/p&gt;&lt;p&gt;Noch ist nichts eingerichtet. Wie möchten Sie beginnen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Try with simulated providers (sandbox)</source>
        <translation>Mit simulierten Anbietern ausprobieren (Sandbox)</translation>
    </message>
    <message>
        <source>Offline stand-ins for OpenAI, Anthropic, Gemini, DeepSeek and Mistral with realistic prices, latency and failures. No key, no cost.</source>
        <translation>Offline-Nachbildungen von OpenAI, Anthropic, Gemini, DeepSeek und Mistral mit realistischen Preisen, Latenzen und Ausfällen. Kein Schlüssel, keine Kosten.</translation>
    </message>
    <message>
        <source>Add a provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>OpenAI, Anthropic, Gemini, a local Ollama and more. Keys go to the system keychain, or come from environment variables such as OPENAI_API_KEY.</source>
        <translation>OpenAI, Anthropic, Gemini, ein lokales Ollama und mehr. Schlüssel kommen in den Schlüsselbund des Systems oder aus Umgebungsvariablen wie OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>An example to try first. Its code block sends it to the coding tier; in the sandbox the tier&apos;s first model is switched down, so the request fails over to the next model in the chain.</source>
        <translation>Ein Beispiel für den Anfang. Sein Codeblock schickt es an die Stufe coding; in der Sandbox ist das erste Modell dieser Stufe abgeschaltet, daher weicht die Anfrage per Failover auf das nächste Modell der Kette aus.</translation>
    </message>
    <message>
        <source>Switchyard is not running on the sandbox now. Start it with &lt;b&gt;--sandbox&lt;/b&gt; to try the simulated providers.</source>
        <translation>Switchyard läuft gerade nicht auf der Sandbox. Starten Sie es mit &lt;b&gt;--sandbox&lt;/b&gt;, um die simulierten Anbieter auszuprobieren.</translation>
    </message>
    <message>
        <source>Review this function: is it correct, and how would you make it clearer?</source>
        <translation>Prüfe diese Funktion: Ist sie korrekt, und wie würdest du sie klarer schreiben?</translation>
    </message>
</context>
<context>
    <name>WireJson</name>
    <message>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>ungültiges JSON an Position %1: %2</translation>
    </message>
</context>
<context>
    <name>WorkbenchEngineLink</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 on %2% of requests</source>
        <translation>HTTP %1 bei %2 % der Anfragen</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>silent after headers</source>
        <translation>still nach den Headern</translation>
    </message>
    <message>
        <source>drops mid-answer</source>
        <translation>bricht mitten in der Antwort ab</translation>
    </message>
    <message>
        <source>malformed JSON</source>
        <translation>fehlerhaftes JSON</translation>
    </message>
</context>
<context>
    <name>WorkbenchView</name>
    <message>
        <source>&amp;Send to All Columns</source>
        <translation>An alle Spalten &amp;senden</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Add Column…</source>
        <translation>Spalte &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Export Comparison…</source>
        <translation>Vergleich &amp;exportieren…</translation>
    </message>
    <message>
        <source>Compare Two &amp;Answers…</source>
        <translation>Zwei &amp;Antworten vergleichen…</translation>
    </message>
    <message>
        <source>S&amp;ynchronised Scrolling</source>
        <translation>S&amp;ynchrones Scrollen</translation>
    </message>
    <message>
        <source>Vote: &amp;Tie</source>
        <translation>Stimme: &amp;Unentschieden</translation>
    </message>
    <message>
        <source>No answer is better: record a tie for this run</source>
        <translation>Keine Antwort ist besser: ein Unentschieden für diesen Durchlauf aufzeichnen</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Reiter</translation>
    </message>
    <message>
        <source>Compare models side by side</source>
        <translation>Modelle nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>Pick two to eight models. Each one gets a column with its answer, speed and cost; the same model can appear twice with different settings.</source>
        <translation>Wählen Sie zwei bis acht Modelle. Jedes bekommt eine Spalte mit Antwort, Tempo und Kosten; dasselbe Modell kann mit anderen Einstellungen zweimal vorkommen.</translation>
    </message>
    <message>
        <source>Choose Models…</source>
        <translation>Modelle wählen…</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message>
        <source>A comparison has at most %1 columns.</source>
        <translation>Ein Vergleich hat höchstens %1 Spalten.</translation>
    </message>
    <message>
        <source>Choose a file ending in .md, .json, .csv or .html.</source>
        <translation>Wählen Sie eine Datei mit der Endung .md, .json, .csv oder .html.</translation>
    </message>
    <message>
        <source>Vote stored: %1 wins this run.</source>
        <translation>Stimme gespeichert: %1 gewinnt diesen Durchlauf.</translation>
    </message>
    <message>
        <source>Vote stored: a tie.</source>
        <translation>Stimme gespeichert: unentschieden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Vote tag</source>
        <translation>Stimm-Schlagwort</translation>
    </message>
    <message>
        <source>A label stored with your votes, such as &quot;coding&quot; or &quot;summaries&quot;: the leaderboard can be filtered by it</source>
        <translation>Eine Bezeichnung, die mit Ihren Stimmen gespeichert wird, etwa &quot;Code&quot; oder &quot;Zusammenfassungen&quot;: die Rangliste lässt sich danach filtern</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wait until %1 is read, then send.</source>
        <translation>Warten Sie, bis %1 gelesen ist, und senden Sie dann.</translation>
    </message>
</context>
</TS>
