// The official OpenAI SDK as a client of the Switchyard gateway. Usage:
//   node openai-client.mjs <baseURL ending in /v1> <complete|stream|models> <model> [apiKey]
// Prints one JSON object: what the SDK returned, or the error it raised.
import OpenAI from 'openai';

const [baseURL, mode, model, apiKey = 'not-needed-on-loopback'] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const messages = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'Say hello to the gateway test.' },
];

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

try {
  if (mode === 'models') {
    const ids = [];
    for await (const entry of client.models.list()) ids.push(entry.id);
    print({ ok: true, ids });
  } else if (mode === 'stream') {
    // The SDK's stream helper checks the chunk sequence and assembles the final completion.
    const stream = client.chat.completions.stream({
      model, messages, stream: true, stream_options: { include_usage: true },
    });
    let chunks = 0;
    let deltaText = '';
    let roleChunks = 0;
    let usageChunks = 0;
    for await (const chunk of stream) {
      chunks++;
      if (chunk.object !== 'chat.completion.chunk') throw new Error('unexpected object ' + chunk.object);
      if (chunk.usage) usageChunks++;
      for (const choice of chunk.choices) {
        if (choice.delta.role) roleChunks++;
        if (choice.delta.content) deltaText += choice.delta.content;
      }
    }
    const final = await stream.finalChatCompletion();
    print({
      ok: true, chunks, roleChunks, usageChunks, deltaText,
      text: final.choices[0].message.content, finish: final.choices[0].finish_reason,
      usage: final.usage ?? null, model: final.model,
    });
  } else {
    const response = await client.chat.completions.create({ model, messages });
    print({
      ok: true, object: response.object, id: response.id, model: response.model,
      text: response.choices[0].message.content, finish: response.choices[0].finish_reason,
      usage: response.usage,
    });
  }
} catch (error) {
  print({
    ok: false, name: error?.constructor?.name ?? 'Error', isApiError: error instanceof OpenAI.APIError,
    status: error?.status ?? null, code: error?.code ?? null, type: error?.type ?? null,
    message: String(error?.message ?? error),
  });
}
