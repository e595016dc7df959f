// Drives the resident page and the demo page in headless Chromium (Debian's /usr/bin/chromium) with playwright-core.
// Usage: node browser.js <baseUrl>   Prints one JSON object with what the pages showed.
const { chromium } = require('playwright-core');

const [baseUrl] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

(async () => {
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const result = {};
  try {
    const context = await browser.newContext({
      viewport: { width: 420, height: 800 }, permissions: ['geolocation'], geolocation: { latitude: 20.9401, longitude: 106.3330 }
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    result.title = await page.title();
    await page.fill('#text', '/start');
    await page.click('#send');
    await page.locator('.msg.bot', { hasText: '/phananh' }).first().waitFor({ timeout: 20000 });
    result.residentHelp = (await page.locator('.msg.bot').first().innerText()).slice(0, 200);
    const bubbles = await page.locator('.msg.bot').count();
    await page.click('#locate');
    await page.locator('.msg.me', { hasText: '📍' }).first().waitFor({ timeout: 20000 });
    await page.waitForFunction(n => document.querySelectorAll('.msg.bot').length > n, bubbles, { timeout: 20000 });
    result.locationSent = true;
    await page.click('#lang');
    result.englishPlaceholder = await page.getAttribute('#text', 'placeholder');

    const demo = await context.newPage();
    await demo.goto(`${baseUrl}/demo`);
    await demo.waitForSelector('#official option:nth-child(2)', { state: 'attached', timeout: 20000 });
    const value = await demo.locator('#official option:nth-child(2)').getAttribute('value');
    await demo.selectOption('#official', value);
    const frame = demo.frameLocator('#officialPane');
    await frame.locator('#text').fill('/start');
    await frame.locator('#send').click();
    await frame.locator('.msg.bot', { hasText: '/queue' }).first().waitFor({ timeout: 20000 });
    result.officialHelp = (await frame.locator('.msg.bot').first().innerText()).slice(0, 200);
    result.hangfireLink = await demo.getAttribute('a[href="/hangfire"]', 'href');
  } catch (error) {
    result.error = String(error && error.message || error);
  } finally {
    await browser.close();
  }

  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.error ? 1 : 0);
})();
