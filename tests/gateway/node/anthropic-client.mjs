// The official Anthropic SDK as a client of the gateway's /v1/messages. Usage:
//   node anthropic-client.mjs <baseURL without /v1> <complete|stream|tools|tools-stream|image|thinking|count|search|search-stream> <model> [apiKey]
// Prints one JSON object: what the SDK returned, or the error it raised.
import Anthropic from '@anthropic-ai/sdk';

const [baseURL, mode, model, apiKey = 'not-needed-on-loopback'] = process.argv.slice(2);
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const request = {
  model, max_tokens: 256, system: 'Answer briefly.',
  messages: [{ role: 'user', content: 'Say hello to the gateway test.' }],
};

const tools = [{
  name: 'get_weather', description: 'Weather for a city',
  input_schema: {
    type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
    required: ['city'],
  },
}];
const toolRequest = { model, max_tokens: 256, tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] };
// A 1x1 PNG.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function toolUseOf(message) {
  const block = message.content.find((item) => item.type === 'tool_use');
  return block ? { toolId: block.id, toolName: block.name, input: block.input } : {};
}

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

// The content blocks as the SDK gives them: each block's type, and a text block's text and its
// citations' urls (null when the block has no citations list).
function blocksOf(message) {
  return message.content.map((block) => (block.type === 'text'
    ? { type: 'text', text: block.text, citations: block.citations ? block.citations.map((c) => c.url) : null }
    : { type: block.type }));
}

try {
  if (mode === 'search' || mode === 'search-stream') {
    // Claude's web search: the SDK assembles the streamed blocks (finalMessage) as it reads them.
    const searchRequest = {
      model, max_tokens: 256, messages: [{ role: 'user', content: 'Weather in Lyon?' }],
      tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 1 }],
    };
    const message = mode === 'search'
      ? await client.messages.create(searchRequest)
      : await client.messages.stream(searchRequest).finalMessage();
    print({ ok: true, stop: message.stop_reason, blocks: blocksOf(message), searches: message.usage.server_tool_use?.web_search_requests ?? 0 });
  } else if (mode === 'stream') {
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
  } else if (mode === 'tools') {
    const message = await client.messages.create(toolRequest);
    print({ ok: true, stop: message.stop_reason, ...toolUseOf(message) });
  } else if (mode === 'tools-stream') {
    // The stream helper parses the tool input from its input_json_delta pieces.
    const stream = client.messages.stream(toolRequest);
    let inputPieces = 0;
    stream.on('inputJson', () => { inputPieces++; });
    const message = await stream.finalMessage();
    print({ ok: true, stop: message.stop_reason, inputPieces, ...toolUseOf(message) });
  } else if (mode === 'image') {
    const message = await client.messages.create({
      model, max_tokens: 256,
      messages: [{ role: 'user', content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
        { type: 'text', text: 'What is in this picture?' },
      ] }],
    });
    print({ ok: true, stop: message.stop_reason, text: message.content.map((block) => block.text ?? '').join('') });
  } else if (mode === 'count') {
    const { max_tokens, ...countRequest } = request;
    const counted = await client.messages.countTokens(countRequest);
    print({ ok: true, inputTokens: counted.input_tokens });
  } else if (mode === 'thinking') {
    const message = await client.messages.create({
      ...request, max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 },
    });
    print({ ok: true, stop: message.stop_reason, text: message.content.map((block) => block.text ?? '').join('') });
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
