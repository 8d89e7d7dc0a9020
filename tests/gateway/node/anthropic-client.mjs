// The official Anthropic SDK as a client of the gateway's /v1/messages. Usage:
//   node anthropic-client.mjs <baseURL without /v1> <complete|stream> <model> [apiKey]
// Prints one JSON object: what the SDK returned, or the error it raised.
import Anthropic from '@anthropic-ai/sdk';

const [baseURL, mode, model, apiKey = 'not-needed-on-loopback'] = process.argv.slice(2);
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const request = {
  model, max_tokens: 256, system: 'Answer briefly.',
  messages: [{ role: 'user', content: 'Say hello to the gateway test.' }],
};

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

try {
  if (mode === 'stream') {
    const stream = client.messages.stream(request);
    let deltaText = '';
    const events = [];
    stream.on('text', (text) => { deltaText += text; });
    stream.on('streamEvent', (event) => { if (!events.includes(event.type)) events.push(event.type); });
    const message = await stream.finalMessage();
    print({
      ok: true, deltaText, events, type: message.type, role: message.role,
      text: message.content.map((block) => block.text ?? '').join(''), stop: message.stop_reason,
      usage: message.usage, model: message.model,
    });
  } else {
    const message = await client.messages.create(request);
    print({
      ok: true, type: message.type, role: message.role, id: message.id, model: message.model,
      text: message.content.map((block) => block.text ?? '').join(''), stop: message.stop_reason,
      usage: message.usage,
    });
  }
} catch (error) {
  print({
    ok: false, name: error?.constructor?.name ?? 'Error', isApiError: error instanceof Anthropic.APIError,
    status: error?.status ?? null, errorType: error?.error?.error?.type ?? null,
    message: String(error?.message ?? error),
  });
}
