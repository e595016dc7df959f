// The web console in headless Chromium (issue 13), as an official, a supervisor or an administrator would use it,
// by keyboard-reachable labelled controls and without relying on script (the console serves none).
// Usage: node console.js <scenario> <baseUrl> <signInLink> [args…]   Prints one JSON object {failures, …}; exit 1 on any failure.
//   official   <caseCode> <replyText> [screenshot.png]   sign in, open the case from the queue, acknowledge, reply
//   supervisor <caseCode> <reason>                      sign in, extend the case's deadline from the board
//   admin      <directoryFile>                          sign in, upload a malformed directory, read the error
const { chromium } = require('playwright-core');

const [scenario, baseUrl, link, ...rest] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const wait = { timeout: 25000 };
const failures = [];
const result = { scenario };
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };

async function signIn(page) {
  await page.goto(link);
  const button = page.getByRole('button', { name: 'Đăng nhập' });
  await button.waitFor(wait);
  check(await page.locator('form input[name="__RequestVerificationToken"]').count() === 1, 'the sign-in form carries no antiforgery token');
  await button.click();
  await page.waitForURL(url => !url.pathname.startsWith('/console/signin'), wait);
  result.afterSignIn = new URL(page.url()).pathname;
  const cookies = await page.context().cookies();
  const session = cookies.find(c => c.name === 'ResidentBot.Console');
  check(session && session.httpOnly && session.sameSite === 'Strict', `the session cookie is not HttpOnly/SameSite=Strict: ${JSON.stringify(session)}`);
}

async function official(page) {
  const [code, reply, screenshot] = rest;
  await signIn(page);
  check(result.afterSignIn === '/console', `signed in to ${result.afterSignIn}, not the queue`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'quá hạn lên đầu' }).waitFor(wait);
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: code }).waitFor(wait);
  await page.getByRole('button', { name: '✅ Tiếp nhận' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã tiếp nhận phản ánh' }).waitFor(wait);
  check(await page.getByRole('button', { name: '✅ Tiếp nhận' }).count() === 0, 'the acknowledge button is still offered after acknowledging');
  await page.getByLabel('Trả lời người dân').fill(reply);
  await page.getByRole('button', { name: '💬 Trả lời' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã gửi trả lời tới người dân' }).waitFor(wait);
  result.timeline = await page.locator('ol.timeline li').allInnerTexts();
  check(result.timeline.some(t => t.includes(reply)), 'the reply is not in the timeline');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
}

async function supervisor(page) {
  const [code, reason] = rest;
  await signIn(page);
  check(result.afterSignIn === '/console/board', `signed in to ${result.afterSignIn}, not the board`);
  const row = page.getByRole('row').filter({ hasText: code });
  await row.waitFor(wait);
  await row.getByRole('link', { name: code }).click();
  await page.getByLabel('Lý do gia hạn').fill(reason);
  await page.getByRole('button', { name: 'Gia hạn' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã gia hạn' }).waitFor(wait);
  result.status = await page.getByRole('status').innerText();
}

async function admin(page) {
  const [file] = rest;
  await signIn(page);
  await page.goto(`${baseUrl}/console/admin/directory`);
  await page.getByLabel('Tệp danh bạ', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Nhập danh bạ' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor(wait);
  result.errors = await page.locator('[role=alert] li').allInnerTexts();
  check(result.errors.length > 0, 'no error line is shown for the malformed directory');
}

(async () => {
  const browser = await chromium.launch({ executablePath, args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await ({ official, supervisor, admin })[scenario](page);
  } catch (error) {
    failures.push(`${scenario}: ${error.message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }

  result.failures = failures;
  console.log(JSON.stringify(result));
  process.exit(failures.length === 0 ? 0 : 1);
})();
