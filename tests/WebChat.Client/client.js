// Drives ResidentBot with Microsoft's own Direct Line client (botframework-directlinejs), unmodified.
// Usage: node client.js <baseUrl> <websocket|polling> [token]
// Prints one JSON object: what the bot answered to /start, /help and a button press.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const [baseUrl, mode, givenToken] = process.argv.slice(2);
const deadline = setTimeout(() => finish({ error: 'timeout' }), 60000);
const result = { mode, replies: [], ownEchoes: [] };

function finish(extra) {
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify({ ...result, ...extra }) + '\n');
  process.exit(extra && extra.error ? 1 : 0);
}

async function main() {
  let token = givenToken;
  if (!token) {
    const minted = await fetch(`${baseUrl}/webchat/token`, { method: 'POST' });
    token = (await minted.json()).token;
  }

  const directLine = new DirectLine({ token, domain: `${baseUrl}/v3/directline`, webSocket: mode === 'websocket', pollingInterval: 300 });
  const activities = [];
  const waiters = [];
  directLine.activity$.subscribe(activity => {
    activities.push(activity);
    waiters.splice(0).forEach(w => w());
  }, error => finish({ error: String(error && error.message || error) }));

  const waitFor = (predicate, ms = 20000) => new Promise((resolve, reject) => {
    const check = () => {
      const found = activities.find(predicate);
      if (found) return resolve(found);
      waiters.push(check);
    };
    setTimeout(() => reject(new Error('no activity matched in time')), ms);
    check();
  });
  const post = activity => new Promise((resolve, reject) =>
    directLine.postActivity({ from: { id: 'someone-else', name: 'Tester' }, locale: 'vi-VN', type: 'message', ...activity })
      .subscribe(resolve, reject));
  const botReplyAfter = id => waitFor(a => a.from.role === 'bot' && a.id > id && a.type === 'message' && !(a.attachments || []).length);

  const startId = await post({ text: '/start' });
  result.conversationId = directLine.conversationId;
  result.start = (await botReplyAfter(startId)).text;
  const helpId = await post({ text: '/help' });
  result.help = (await botReplyAfter(helpId)).text;
  result.ownEchoes = activities.filter(a => a.from.role === 'user').map(a => ({ id: a.id, text: a.text, from: a.from.id }));

  const card = await waitFor(a => (a.attachments || []).some(x => x.contentType === 'application/vnd.microsoft.card.hero'), 5000).catch(() => null);
  if (card) {
    const button = card.attachments.find(x => x.contentType === 'application/vnd.microsoft.card.hero').content.buttons[0];
    const pressId = await post({ value: button.value, channelData: { messageBack: { displayText: button.title } } });
    const answer = await waitFor(a => a.from.role === 'bot' && a.replyToId === pressId);
    result.button = { title: button.title, pressId, answer: answer.text };
  }

  result.replies = activities.filter(a => a.from.role === 'bot').map(a => a.text);
  directLine.end();
  finish();
}

main().catch(error => finish({ error: String(error && error.message || error) }));
