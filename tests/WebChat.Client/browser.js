// The demo page in headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core: a resident reports
// on the resident page (left), the official of that ward acknowledges, replies and resolves on the right, and the
// resident page shows the tracking code, the reply and the request to confirm; the resident confirms and the rating
// stars are in view.
// Usage: node browser.js <baseUrl> <officialId> [screenshotFolder]   Prints one JSON object with what the pages showed;
// with a folder, also saves demo.png (the whole demo) and webchat.png (the resident page on a phone-sized screen).
const { chromium } = require('playwright-core');

const [baseUrl, officialId, screenshots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const wait = { timeout: 25000 };

(async () => {
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const result = {};
  try {
    // Inside Phường Trần Phú's illustrative boundary in the sample directory.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 }, permissions: ['geolocation'], geolocation: { latitude: 20.96, longitude: 106.30 },
    });
    const demo = await context.newPage();
    await demo.goto(`${baseUrl}/demo`);
    result.hangfireLink = await demo.getAttribute('a[href="/hangfire"]', 'href');
    await demo.waitForSelector(`#official option[value="${officialId}"]`, { state: 'attached', ...wait });
    await demo.selectOption('#official', officialId);
    const official = demo.frameLocator('#officialPane');
    const resident = demo.frameLocator('#resident');
    const say = async (pane, text) => { await pane.locator('#text').fill(text); await pane.locator('#send').click(); };
    const bot = (pane, text) => pane.locator('.msg.bot', { hasText: text }).last();
    const click = async (pane, label) => { const b = pane.locator('.msg.bot button', { hasText: label }).last(); await b.waitFor(wait); await b.click(); };

    await say(official, '/start');
    await bot(official, '/queue').waitFor(wait);
    result.title = await demo.title();

    await say(resident, '/phananh');
    await click(resident, 'Chiếu sáng công cộng');
    await bot(resident, 'ở đâu').waitFor(wait);
    await resident.locator('#locate').click();
    await bot(resident, 'Bước 3/4').waitFor(wait);
    await say(resident, 'Đèn đường trước số 12 Trần Phú không sáng ba hôm nay.');
    await click(resident, 'Bỏ qua');
    await click(resident, '✅ Gửi');
    const created = bot(resident, /HD-\d{4}-\d{6}/);
    await created.waitFor(wait);
    result.code = (await created.innerText()).match(/HD-\d{4}-\d{6}/)[0];

    await bot(official, result.code).waitFor(wait);
    await click(official, 'Tiếp nhận');
    await click(official, 'Trả lời');
    await bot(official, 'Nhập nội dung trả lời').waitFor(wait);
    await say(official, 'Đội điện chiếu sáng sẽ thay bóng đèn sáng mai.');
    const reply = bot(resident, 'thay bóng đèn');
    await reply.waitFor(wait);
    result.reply = await reply.innerText();
    await click(official, 'Đã xử lý');
    await bot(official, 'kết quả xử lý').waitFor(wait);
    await say(official, 'Đã thay bóng đèn mới.');
    const confirm = bot(resident, 'Đã thay bóng đèn mới');
    await confirm.waitFor(wait);
    result.confirm = await confirm.innerText();
    // The rating stars under the newest message are in view, not cut off by the scroll.
    await click(resident, 'Đã khắc phục');
    const star = resident.locator('.msg.bot button', { hasText: '5 ⭐' }).last();
    await star.waitFor(wait);
    result.starsInView = await star.evaluate(b => new Promise(resolve => {
      const log = document.getElementById('log');
      const inView = () => { const l = log.getBoundingClientRect(), r = b.getBoundingClientRect(); return r.top >= l.top && r.bottom <= l.bottom + 1; };
      const started = performance.now();
      (function look() { if (inView()) resolve(true); else if (performance.now() - started > 3000) resolve(false); else requestAnimationFrame(look); })();
    }));
    if (screenshots) {
      await demo.screenshot({ path: `${screenshots}/demo.png` });
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 420, height: 800 });
      await phone.goto(`${baseUrl}/`);
      await phone.fill('#text', '/phananh');
      await phone.click('#send');
      await phone.locator('.msg.bot button', { hasText: 'Chiếu sáng công cộng' }).last().waitFor(wait);
      await phone.screenshot({ path: `${screenshots}/webchat.png` });
    }
  } catch (error) {
    result.error = String(error && error.message || error);
  } finally {
    await browser.close();
  }

  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.error ? 1 : 0);
})();
