// Microsoft's Web Chat (npm botframework-webchat, its dist/webchat.js bundle, unmodified) embedded in a page, in
// headless Chromium: a resident reports a problem with a photo, the official of that ward (botframework-directlinejs
// in Node, the demo's sign-in) acknowledges and resolves it, and the resident confirms and rates it in Web Chat.
// The page is served from a second, allowed origin (a static server started here) or from the host's own origin.
// Usage: node mswebchat.js <baseUrl> <pageUrl> <otherOriginPort|0> <officialId>
// Prints one JSON object: what Web Chat showed, its send statuses and any console errors.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { DirectLine } = require('botframework-directlinejs');
const { chromium } = require('playwright-core');

const [baseUrl, pageUrl, port, officialId] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const wait = { timeout: 30000 };
// The smallest PNG there is: one transparent pixel.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// The other origin: the embedding page and the Web Chat bundle, nothing else.
function serveOtherOrigin() {
  const files = {
    '/index.html': [path.join(__dirname, 'mswebchat', 'index.html'), 'text/html; charset=utf-8'],
    '/embed.js': [path.join(__dirname, 'mswebchat', 'embed.js'), 'text/javascript'],
    '/embed.css': [path.join(__dirname, 'mswebchat', 'embed.css'), 'text/css'],
    '/webchat.js': [path.join(__dirname, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'), 'text/javascript'],
  };
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url, 'http://x').pathname];
    if (!file) { response.writeHead(404).end(); return; }
    response.writeHead(200, { 'Content-Type': file[1] });
    fs.createReadStream(file[0]).pipe(response);
  });
  return new Promise(resolve => server.listen(Number(port), '127.0.0.1', () => resolve(server)));
}

// The official, through Microsoft's Direct Line client.
async function official() {
  const minted = await fetch(`${baseUrl}/webchat/demo/officials/${officialId}/token`, { method: 'POST' });
  const directLine = new DirectLine({ token: (await minted.json()).token, domain: `${baseUrl}/v3/directline`, webSocket: true });
  const activities = [];
  const waiters = [];
  directLine.activity$.subscribe(a => { activities.push(a); waiters.splice(0).forEach(w => w()); }, () => { /* ended */ });
  const buttonsOf = a => (a.attachments || []).filter(x => x.contentType === 'application/vnd.microsoft.card.hero').flatMap(x => x.content.buttons);
  const waitFor = (predicate, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`official: no ${what} in time`)), wait.timeout);
    const check = () => {
      const found = activities.filter(a => a.from.role === 'bot').reverse().find(predicate);
      if (found) { clearTimeout(timer); resolve(found); } else waiters.push(check);
    };
    check();
  });
  const post = activity => new Promise((resolve, reject) =>
    directLine.postActivity({ from: { id: 'official' }, type: 'message', locale: 'vi-VN', ...activity }).subscribe(resolve, reject));
  const press = async (card, prefix) => {
    const button = buttonsOf(card).find(b => b.value.data.startsWith(prefix));
    await post({ value: button.value, channelData: { messageBack: { displayText: button.title } } });
  };
  return { directLine, activities, buttonsOf, waitFor, post, press };
}

(async () => {
  const server = Number(port) ? await serveOtherOrigin() : null;
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const result = { consoleErrors: [] };
  let officer;
  try {
    const page = await (await browser.newContext({ viewport: { width: 900, height: 1000 } })).newPage();
    page.on('console', m => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
    page.on('pageerror', e => result.consoleErrors.push(String(e)));
    await page.goto(`${pageUrl}?bot=${encodeURIComponent(baseUrl)}`);
    officer = await official();

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    const say = async text => { await input.fill(text); await input.press('Enter'); };
    const bot = text => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: text }).last();
    // Buttons in the transcript's bubbles (the screen readers' live region holds copies of them for a while).
    const button = label => page.locator('.webchat__bubble button', { hasText: label }).last();
    // A press shows at once as the resident's bubble (messageBack's displayText). Under load a click can land while React
    // re-renders the card and is lost: then, and only then (no bubble, so nothing was sent), it is clicked again.
    const mine = label => page.locator('.webchat__bubble--from-user', { hasText: label });
    const click = async label => {
      await button(label).waitFor(wait);
      const before = await mine(label).count();
      for (let attempt = 1; ; attempt++) {
        await button(label).click();
        try {
          await mine(label).nth(before).waitFor({ timeout: 10000 });
          return;
        } catch (error) {
          if (attempt === 3) throw error;
          result.lostClicks = (result.lostClicks || 0) + 1;
        }
      }
    };

    await input.waitFor(wait);
    // Web Chat drops what is sent before Direct Line is connected.
    await page.waitForFunction(() => window.webChatStore && window.webChatStore.getState().connectivityStatus === 'connected', null, wait);
    await say('/phananh');
    await click('Chiếu sáng công cộng');
    await bot('ở đâu').waitFor(wait);
    await say('phuong tran phu');
    await bot('mô tả').waitFor(wait);
    await say('Đèn đường trước số 12 Trần Phú không sáng ba hôm nay.');
    await bot('Bước 4/4').waitFor(wait);
    await page.setInputFiles('input[type="file"]', { name: 'den.png', mimeType: 'image/png', buffer: png });
    await bot('Đã nhận 1 ảnh').waitFor(wait);
    const photo = page.locator('.webchat__bubble--from-user img').last();
    await photo.waitFor(wait);
    await page.waitForFunction(img => img.complete && img.naturalWidth > 0, await photo.elementHandle(), wait);
    result.photoSrc = await photo.getAttribute('src');
    await click('✅ Xong');
    const summary = bot('Kiểm tra lại');
    await summary.waitFor(wait);
    result.summaryLines = await summary.locator('br').count();
    await click('✅ Gửi');
    const created = bot(/HD-\d{4}-\d{6}/);
    await created.waitFor(wait);
    result.code = (await created.innerText()).match(/HD-\d{4}-\d{6}/)[0];

    const card = await officer.waitFor(a => (a.text || '').includes(result.code) && officer.buttonsOf(a).length, 'case card');
    await officer.press(card, 'o.ack:');
    const acknowledged = await officer.waitFor(a => a.id === card.id && !officer.buttonsOf(a).some(b => b.value.data.startsWith('o.ack:')), 'card refreshed');
    result.officialCardRefreshedInPlace = acknowledged.id === card.id;
    await officer.press(acknowledged, 'o.res:');
    await officer.waitFor(a => /kết quả xử lý/.test(a.text || ''), 'resolve prompt');
    await officer.post({ text: 'Đã thay bóng đèn mới.' });

    await bot('Đã thay bóng đèn mới').waitFor(wait);
    await click('👍 Đã khắc phục');
    await bot('mấy sao').waitFor(wait);
    await button('5 ⭐').waitFor(wait);
    result.confirmButtonsAfterEdit = await page.locator('.webchat__bubble button', { hasText: 'Đã khắc phục' }).count();
    await click('5 ⭐');
    await bot('5/5').waitFor(wait);
    result.starButtonsAfterEdit = await page.locator('.webchat__bubble button', { hasText: '⭐' }).count();

    await page.waitForFunction(() => window.sends.pending > 0 && window.sends.fulfilled === window.sends.pending, null, wait);
    result.sends = await page.evaluate(() => window.sends);
    result.userBubbles = await page.locator('.webchat__bubble--from-user').evaluateAll(all => all.map(b => b.innerText.trim()));
    result.botTexts = await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').evaluateAll(all => all.map(b => b.innerText.trim()));
    result.emptyParagraphs = await page.locator('.webchat__bubble p:empty').count();
    if (process.env.MSWEBCHAT_DEBUG) await page.screenshot({ path: `${process.env.MSWEBCHAT_DEBUG}/mswebchat-done.png`, fullPage: true });
  } catch (error) {
    result.error = String(error && error.message || error);
    // What the page showed when it gave up, so a failure on a loaded machine says where it stood.
    const shown = browser.contexts().flatMap(c => c.pages())[0];
    if (shown) {
      result.userBubblesAtError = await shown.locator('.webchat__bubble--from-user').evaluateAll(all => all.map(b => b.innerText.trim())).catch(() => []);
      result.botTextsAtError = await shown.locator('.webchat__bubble:not(.webchat__bubble--from-user)').evaluateAll(all => all.map(b => b.innerText.trim().slice(0, 120))).catch(() => []);
      result.sendsAtError = await shown.evaluate(() => window.sends).catch(() => null);
    }
    if (process.env.MSWEBCHAT_DEBUG) {
      const pages = browser.contexts().flatMap(c => c.pages());
      if (pages.length) {
        await pages[0].screenshot({ path: `${process.env.MSWEBCHAT_DEBUG}/mswebchat.png` });
        fs.writeFileSync(`${process.env.MSWEBCHAT_DEBUG}/mswebchat.html`, await pages[0].content());
      }
    }
  } finally {
    if (officer) officer.directLine.end();
    await browser.close();
    if (server) server.close();
  }

  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.error ? 1 : 0);
})();
