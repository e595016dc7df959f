// A resident reports a problem and an official answers it, both through Microsoft's own Direct Line
// client (botframework-directlinejs, unmodified) against ResidentBot.
// Usage: node report.js <baseUrl> <websocket|polling> <officialId>
// Prints one JSON object: the tracking code, the case card the official got, and the reply the resident got.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const [baseUrl, mode, officialId] = process.argv.slice(2);
const deadline = setTimeout(() => finish({ error: 'timeout' }), 80000);
const result = { mode };

function finish(extra) {
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify({ ...result, ...extra }) + '\n');
  process.exit(extra && extra.error ? 1 : 0);
}

async function token(path) {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { Origin: baseUrl } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()).token;
}

// One chat participant: posts activities and waits for the bot's.
function participant(name, tokenValue) {
  const directLine = new DirectLine({ token: tokenValue, domain: `${baseUrl}/v3/directline`, webSocket: mode === 'websocket', pollingInterval: 300 });
  const activities = [];
  const waiters = [];
  directLine.activity$.subscribe(activity => {
    activities.push(activity);
    waiters.splice(0).forEach(w => w());
  }, error => finish({ error: `${name}: ${error && error.message || error}` }));
  const fromBot = a => a.from.role === 'bot' && a.type === 'message';
  return {
    directLine,
    waitFor(predicate, what, ms = 25000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no ${what} in time`)), ms);
        const check = () => {
          const found = activities.find(a => fromBot(a) && predicate(a));
          if (found) { clearTimeout(timer); return resolve(found); }
          waiters.push(check);
        };
        check();
      });
    },
    buttonsOf: a => (a.attachments || []).filter(x => x.contentType === 'application/vnd.microsoft.card.hero').flatMap(x => x.content.buttons),
    post(activity) {
      return new Promise((resolve, reject) =>
        directLine.postActivity({ from: { id: 'claimed-by-client', name }, locale: 'vi-VN', type: 'message', ...activity })
          .subscribe(resolve, reject));
    },
  };
}

// Presses the first button whose signed data starts with the action (e.g. "r.cat:lighting:").
async function press(who, prefix, what) {
  const card = await who.waitFor(a => who.buttonsOf(a).some(b => b.value.data.startsWith(prefix)), what);
  const button = who.buttonsOf(card).find(b => b.value.data.startsWith(prefix));
  await who.post({ value: button.value, channelData: { messageBack: { displayText: button.title } } });
  return card;
}

async function main() {
  const official = participant('official', await token(`/webchat/demo/officials/${officialId}/token`));
  const resident = participant('resident', await token('/webchat/token'));
  await official.post({ text: '/start' });
  await official.waitFor(() => true, 'greeting');

  await resident.post({ text: '/phananh' });
  await press(resident, 'r.cat:lighting:', 'category buttons');
  await resident.waitFor(a => /ở đâu/i.test(a.text || ''), 'place question');
  await resident.post({ text: 'phuong tran phu' });
  await resident.waitFor(a => /mô tả/i.test(a.text || ''), 'description question');
  await resident.post({ text: 'Đèn đường trước số 12 Trần Phú bị hỏng đã một tuần.' });
  await press(resident, 'r.ph:skip:', 'photo step');
  const summary = await press(resident, 'r.ok:', 'summary');
  result.summary = summary.text;
  const created = await resident.waitFor(a => /HD-\d{4}-\d{6}/.test(a.text || ''), 'tracking code');
  result.code = created.text.match(/HD-\d{4}-\d{6}/)[0];
  result.created = created.text;

  const card = await press(official, 'o.rpl:', 'case card');
  result.card = card.text;
  await official.waitFor(a => /Nhập nội dung trả lời/.test(a.text || ''), 'reply prompt');
  await official.post({ text: 'Chúng tôi sẽ thay bóng đèn vào sáng mai.' });
  const reply = await resident.waitFor(a => (a.text || '').includes('thay bóng đèn'), 'official reply');
  result.reply = reply.text;

  official.directLine.end();
  resident.directLine.end();
  finish();
}

main().catch(error => finish({ error: String(error && error.message || error) }));
