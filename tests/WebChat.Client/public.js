// The public results page in headless Chromium (issue 14): on a phone and a desktop viewport, and with JavaScript off,
// the page shows its figures, the trend chart and the map (boundaries and dots drawn from the host alone, no request
// elsewhere), fits the phone's width, switches to English; the desktop run saves a screenshot.
// Usage: node public.js <baseUrl> <screenshotPath>   Prints one JSON object {runs, failures}; exit 1 on any failure.
const { chromium } = require('playwright-core');

const [baseUrl, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };

async function run(browser, name, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const outside = [];
  page.on('request', r => { if (!r.url().startsWith(baseUrl)) outside.push(r.url()); });
  const response = await page.goto(`${baseUrl}/public`, { waitUntil: 'load' });
  check(response && response.status() === 200, `${name}: /public answered ${response && response.status()}`);
  const result = await page.evaluate(() => {
    const img = id => { const i = document.querySelector(id); return i ? { w: i.naturalWidth, h: i.naturalHeight, shown: i.getBoundingClientRect().width } : null; };
    return {
      title: document.querySelector('h1')?.textContent,
      lang: document.documentElement.lang,
      wards: document.querySelectorAll('#wards tr.ward').length,
      posts: document.querySelectorAll('#wards tr.post').length,
      ranked: [...document.querySelectorAll('#ranking tbody tr')].filter(r => !r.classList.contains('unranked')).length,
      method: document.querySelector('#ranking .method')?.textContent || '',
      cases: document.querySelectorAll('#recent article.case').length,
      trend: img('#trend img'), map: img('#map-svg'),
      cards: document.querySelectorAll('#summary .cards div').length,
      months: document.querySelectorAll('#trend tbody tr').length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  result.name = name;
  check(result.title === 'Kết quả giải quyết phản ánh của người dân', `${name}: the heading is "${result.title}"`);
  check(result.lang === 'vi', `${name}: the page is not Vietnamese first`);
  check(result.wards >= 10 && result.posts >= result.wards, `${name}: ${result.wards} wards and ${result.posts} posts in the table`);
  check(result.ranked >= 5 && result.method.includes('phản ánh trở lên'), `${name}: the ranking has ${result.ranked} units or no method under it`);
  check(result.cases >= 1, `${name}: no published case is listed`);
  check(result.cards === 7 && result.months === 12, `${name}: ${result.cards} headline figures, ${result.months} months in the trend table`);
  check(result.trend && result.trend.w > 0 && result.trend.shown > 0, `${name}: the trend chart did not draw`);
  check(result.map && result.map.w > 0 && result.map.shown > 0, `${name}: the map did not draw`);
  check(result.overflow <= 1, `${name}: the page is ${result.overflow}px wider than the screen`);
  check(outside.length === 0, `${name}: the page asked for ${outside.join(', ')}`);
  if (options.javaScriptEnabled !== false) {
    // The map's dots: drawn by the host as SVG circles, orange for open and green for resolved.
    const svg = await (await page.request.get(`${baseUrl}${await page.getAttribute('#map-svg', 'src')}`)).text();
    result.openDots = (svg.match(/<g class="o">(.*?)<\/g>/s)?.[1].match(/<circle/g) || []).length;
    result.resolvedDots = (svg.match(/<g class="r">(.*?)<\/g>/s)?.[1].match(/<circle/g) || []).length;
    result.boundaries = (svg.match(/<path class="a"/g) || []).length;
    check(result.openDots > 0 && result.resolvedDots > 0 && result.boundaries >= 10, `${name}: map with ${result.boundaries} boundaries, ${result.openDots} open and ${result.resolvedDots} resolved dots`);
    await page.click('a[hreflang="en"]');
    await page.waitForLoadState('load');
    result.english = await page.textContent('h1');
    check(result.english === "Results of residents' reports", `${name}: the English page's heading is "${result.english}"`);
    if (screenshot && name === 'desktop') {
      await page.click('a[hreflang="vi"]');
      await page.waitForLoadState('load');
      await page.screenshot({ path: screenshot, fullPage: false });
    }
  }

  await context.close();
  return result;
}

(async () => {
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const runs = [];
  try {
    runs.push(await run(browser, 'phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }));
    runs.push(await run(browser, 'no-script', { viewport: { width: 390, height: 844 }, javaScriptEnabled: false }));
    runs.push(await run(browser, 'desktop', { viewport: { width: 1280, height: 1900 } }));
  } catch (e) {
    failures.push(`run failed: ${e.message}`);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ runs, failures }));
  process.exit(failures.length ? 1 : 0);
})();
