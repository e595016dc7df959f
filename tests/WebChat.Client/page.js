// The resident page in headless Chromium on a phone-sized and a desktop viewport: a report typed end to end while
// checking what the resident sees (issue 10, B7): the newest message in view, no "/start" bubble, no main menu
// in the middle of a report, a shared name ("nam sach") offered as choices, the text box limit, a refused upload
// explained in words that go away, one language switch for page and bot, a readable column on a wide screen,
// tracking codes on one line; then the demo's official pane reloaded without a second greeting.
// Usage: node page.js <baseUrl> <officialId>   Prints one JSON object {runs, demo, failures}; exit 1 on any failure.
const { chromium } = require('playwright-core');

const [baseUrl, officialId] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const wait = { timeout: 25000 };
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };

// True once the newest message's bottom edge (its buttons) is inside the scrolled log.
function newestInView() {
  const log = document.getElementById('log');
  const last = log.lastElementChild;
  if (!last) return false;
  const l = log.getBoundingClientRect(), m = last.getBoundingClientRect();
  return m.bottom <= l.bottom + 1 && m.bottom > l.top;
}

async function expectNewestInView(page, what) {
  const ok = await page.waitForFunction(newestInView, null, { timeout: 4000 }).then(() => true, () => false);
  check(ok, `${what}: the newest message is cut off by the scroll`);
}

async function run(browser, name, viewport) {
  const result = { name };
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const bot = text => page.locator('.msg.bot', { hasText: text }).last();
  const say = async text => { await page.locator('#text').fill(text); await page.locator('#send').click(); };
  const click = async label => { const b = page.locator('.msg.bot button', { hasText: label }).last(); await b.waitFor(wait); await b.click(); };
  const suggested = () => page.locator('#suggested button').allInnerTexts();

  await page.goto(`${baseUrl}/`);
  await bot('Xin chào').waitFor(wait);
  check(await page.locator('.msg.me').count() === 0, `${name}: a bubble the resident never typed (/start) is shown`);
  const column = await page.evaluate(() => {
    const log = document.getElementById('log'), s = getComputedStyle(log);
    return log.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  });
  result.column = column;
  check(column <= 46 * 16 + 1, `${name}: the conversation column is ${column}px wide (no maximum width)`);

  await page.locator('#suggested button', { hasText: '📝 Phản ánh' }).click();
  await click('Chiếu sáng công cộng');
  await bot('Bước 2/4').waitFor(wait);
  check((await suggested()).some(l => l.includes('Gửi vị trí')), `${name}: our page is not offered "📍 Gửi vị trí"`);
  await expectNewestInView(page, `${name}: place question`);

  await say('nam sach');
  await click('Thị trấn Nam Sách');
  check(await page.locator('.msg.bot button', { hasText: 'Xã An Lâm' }).count() > 0, `${name}: "nam sach" did not offer the district's other communes`);
  await bot('Bước 3/4').waitFor(wait);
  result.menuDuringReport = await suggested();
  check(!result.menuDuringReport.some(l => l.includes('Phản ánh')), `${name}: the main menu came back in the middle of a report`);
  await expectNewestInView(page, `${name}: description question`);

  result.maxLength = await page.locator('#text').evaluate(e => e.maxLength);
  await page.locator('#text').fill('a'.repeat(result.maxLength));
  result.counter = await page.locator('#count').isVisible() ? await page.locator('#count').innerText() : null;
  check(result.counter && result.counter.includes('2.000'), `${name}: no visible notice at the ${result.maxLength}-character limit`);
  await say('Đèn đường trước cổng chợ Nam Sách không sáng ba hôm nay.');
  await bot('Bước 4/4').waitFor(wait);

  await page.locator('#photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not a photo at all') });
  const notice = page.locator('#status');
  await notice.waitFor({ state: 'visible', ...wait });
  result.refusedUpload = await notice.innerText();
  check(!/HTTP|\d{3}/.test(result.refusedUpload) && /ảnh/.test(result.refusedUpload), `${name}: a refused upload says "${result.refusedUpload}"`);
  check(await notice.waitFor({ state: 'hidden', timeout: 10000 }).then(() => true, () => false), `${name}: the upload notice never goes away`);

  await click('Bỏ qua');
  await click('✅ Gửi');
  // The second run reports the same problem in the same ward: the bot first offers to follow the first report.
  await bot(/Đã gửi phản ánh|Đã có một phản ánh cùng loại/).waitFor(wait);
  result.offeredDuplicate = (await page.locator('.msg.bot').last().innerText()).includes('Đã có một phản ánh cùng loại');
  if (result.offeredDuplicate) await click('Vẫn gửi phản ánh mới');
  const created = bot(/Đã gửi phản ánh [A-Z]+-\d{4}-\d{6}/);
  await created.waitFor(wait);
  result.code = (await created.innerText()).match(/[A-Z]+-\d{4}-\d{6}/)[0];
  await expectNewestInView(page, `${name}: submitted report`);
  for (let width = viewport.width; width >= Math.max(280, viewport.width - 140); width -= 5) {
    await page.setViewportSize({ width, height: viewport.height });
    const lines = await page.locator('.msg.bot', { hasText: result.code }).last().evaluate((element, code) => {
      const node = [...element.querySelectorAll('p')].flatMap(p => [...p.childNodes]).find(n => n.textContent.includes(code));
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }, result.code);
    if (!check(lines === 1, `${name}: the tracking code ${result.code} wraps at ${width}px`)) break;
  }
  await page.setViewportSize(viewport);

  const bubbles = await page.locator('.msg.me').count();
  await page.locator('#lang').click();
  await bot('Switched to English').waitFor(wait);
  result.englishTitle = await page.locator('h1').innerText();
  check(result.englishTitle === 'Report a local problem', `${name}: the page did not switch to English`);
  check(await page.locator('.msg.me').count() === bubbles, `${name}: the language switch posted a bubble`);
  await say('/help');
  await bot('/report').waitFor(wait);
  result.englishMenu = await suggested();
  check(result.englishMenu.some(l => l.includes('Report')), `${name}: the bot's menu is not in English`);
  await page.locator('#suggested button', { hasText: 'Tiếng Việt' }).click();
  await bot('Đã chuyển sang tiếng Việt').waitFor(wait);
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Phản ánh hiện trường', null, { timeout: 4000 })
    .catch(() => check(false, `${name}: the bot switched to Vietnamese but the page did not follow`));

  const greetings = await page.locator('.msg.bot', { hasText: 'Xin chào' }).count();
  await page.reload();
  await bot(result.code).waitFor(wait);
  check(await page.locator('.msg.bot', { hasText: 'Xin chào' }).count() === greetings, `${name}: a reload greeted again`);
  await context.close();
  return result;
}

async function demo(browser) {
  const result = {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pane = () => page.frameLocator('#officialPane');
  await page.goto(`${baseUrl}/demo`);
  await page.waitForSelector(`#official option[value="${officialId}"]`, { state: 'attached', ...wait });
  await page.selectOption('#official', officialId);
  await pane().locator('.msg.bot', { hasText: 'Các lệnh dành cho cán bộ' }).first().waitFor(wait);
  // A new token for the same official conversation (an expired one, another browser tab): no second greeting.
  await page.evaluate(id => localStorage.removeItem(`residentbot.webchat.official.${id}`), officialId);
  await page.reload();
  await pane().locator('.msg.bot', { hasText: 'Các lệnh dành cho cán bộ' }).first().waitFor(wait);
  // The official's next command is answered after anything the reload caused, so the count below is final.
  await pane().locator('#status').waitFor({ state: 'hidden', ...wait });
  await pane().locator('#text').fill('/queue');
  await pane().locator('#send').click();
  await pane().locator('.msg.bot', { hasText: /nào đang mở|lên đầu:/ }).last().waitFor(wait);
  result.officialBubbles = await pane().locator('.msg.me', { hasText: '/start' }).count();
  result.officialGreetings = await pane().locator('.msg.bot', { hasText: 'Các lệnh dành cho cán bộ' }).count();
  check(result.officialBubbles === 0, 'demo: the official pane shows a "/start" bubble');
  check(result.officialGreetings === 1, `demo: the official pane was greeted ${result.officialGreetings} times`);
  await context.close();
  return result;
}

(async () => {
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const output = { runs: [] };
  try {
    output.runs.push(await run(browser, 'phone', { width: 390, height: 740 }));
    output.runs.push(await run(browser, 'desktop', { width: 1600, height: 900 }));
    output.demo = await demo(browser);
  } catch (error) {
    failures.push(String(error && error.message || error));
  } finally {
    await browser.close();
  }

  output.failures = failures;
  process.stdout.write(JSON.stringify(output) + '\n');
  process.exit(failures.length ? 1 : 0);
})();
