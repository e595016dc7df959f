// The web console in headless Chromium (issue 13), as an official, a supervisor or an administrator would use it,
// by keyboard-reachable labelled controls and without relying on script (the console serves none).
// Usage: node console.js <scenario> <baseUrl> <signInLink> [args…]   Prints one JSON object {failures, …}; exit 1 on any failure.
//   official   <caseCode> <replyText> [screenshot.png]   sign in, open the case from the queue, acknowledge, reply
//   supervisor <caseCode> <reason>                      sign in, extend the case's deadline from the board
//   admin      <directoryFile>                          sign in, upload a malformed directory, read the error
//   deliveries <messageId>                              (administrator) retry a failed message; the same form again from a stale tab
//   invites    <officialCode>                           (administrator) create an invite, see it once, revoke it
//   sessions   <secondLink>                             sign in on two browsers, revoke the other session from this one
//   photo      <ownCaseId> <foreignCaseId> <foreignPhotoId>  (supervisor) the photo of a case under them draws; another district's is 404
//   board      <screenshot.png> <code=level>…          (supervisor) the board lists the codes at their levels; saves a screenshot
//   refusals   <expiredLink> <ownCaseId> <foreignCaseId>  the link used twice, an expired link, another ward's case and a
//                                                       cross-site form post are all refused
const { chromium } = require('playwright-core');

const [scenario, baseUrl, link, ...rest] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const wait = { timeout: 25000 };
const failures = [];
const result = { scenario };
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };

async function signIn(page, signInLink = link) {
  await page.goto(signInLink);
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

// A form's POST and the page it answers with: [status, page].
async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse(r => r.request().method() === 'POST' && r.request().isNavigationRequest(), wait),
    button.click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

async function deliveries(page) {
  const [id] = rest;
  await signIn(page);
  const path = `${baseUrl}/console/admin/deliveries?channel=telegram`;
  await page.goto(path);
  const row = page.getByRole('row').filter({ hasText: `#${id}` });
  await row.waitFor(wait);
  check((await row.innerText()).includes('Bad Request: chat not found'), `the failed message's row shows no error: ${await row.innerText()}`);
  const channels = await page.locator('section[aria-labelledby=channels] tr').allInnerTexts();
  check(channels.some(r => r.startsWith('Telegram') && r.includes('Gửi lại tất cả')), `the Telegram channel row offers no retry: ${channels.join(' | ')}`);
  // The same page in a second tab, before the retry: its form is the stale one pressed afterwards.
  const stale = await page.context().newPage();
  await stale.goto(path);
  const retry = { name: `Gửi lại #${id}`, exact: true };
  await stale.getByRole('button', retry).waitFor(wait);

  result.retryStatus = await submit(page, page.getByRole('button', retry));
  const status = page.getByRole('status');
  await status.waitFor(wait);
  check((await status.innerText()).includes(`Đã đưa tin nhắn #${id} trở lại hàng chờ gửi.`), `the retry said "${await status.innerText()}"`);
  check(await page.getByRole('button', retry).count() === 0, 'the retried message is still offered for retry');
  // Back in the queue (pending, or already sent): no longer counted as failed.
  const failedCell = page.locator('section[aria-labelledby=channels] tbody tr').filter({ hasText: 'Telegram' }).locator('td').last();
  result.failedAfterRetry = (await failedCell.innerText()).trim();
  check(result.failedAfterRetry === '0', `Telegram still counts ${result.failedAfterRetry} failed after the retry`);

  result.staleStatus = await submit(stale, stale.getByRole('button', retry));
  const alert = stale.getByRole('alert');
  await alert.waitFor(wait);
  result.staleText = await alert.innerText();
  check(result.staleText.includes('không còn ở trạng thái gửi lỗi'), `the stale retry said "${result.staleText}"`);
  check(result.staleStatus === 409, `the stale retry answered ${result.staleStatus}`);
  const other = await page.goto(`${baseUrl}/console/admin/deliveries?channel=zalo`);
  check(other.status() === 200 && await page.getByRole('row').filter({ hasText: `#${id}` }).count() === 0, 'the Telegram message is listed under Zalo');
}

async function invites(page) {
  const [official] = rest;
  await signIn(page);
  const path = `${baseUrl}/console/admin/invites`;
  await page.goto(path);
  await page.getByLabel('Cán bộ', { exact: true }).selectOption(official);
  result.createStatus = await submit(page, page.getByRole('button', { name: 'Cấp liên kết' }));
  check(result.createStatus === 200, `creating the invite answered ${result.createStatus}`);
  await page.locator('#invite-code').waitFor(wait);
  result.code = await page.locator('#invite-code').inputValue();
  const telegram = await page.locator('#entry-telegram').inputValue();
  check(telegram.endsWith(`?start=${result.code}`), `the Telegram link "${telegram}" does not carry the code`);
  check((await page.getByRole('heading', { level: 2 }).allInnerTexts()).includes('Liên kết còn hiệu lực (1)'), 'the new invite is not listed as outstanding');

  // Opened again: the list has it, the code is gone.
  await page.goto(path);
  const again = await page.content();
  check(!again.includes(result.code) && await page.locator('#invite-code').count() === 0, 'the code is shown again on the next visit');
  const row = page.getByRole('row').filter({ hasText: `(${official})` });
  check(await row.count() === 1, 'the outstanding invite is not listed');

  result.revokeStatus = await submit(page, row.getByRole('button', { name: /^Thu hồi/ }));
  const status = page.getByRole('status');
  await status.waitFor(wait);
  check((await status.innerText()).startsWith('Đã thu hồi liên kết'), `revoking said "${await status.innerText()}"`);
  check((await page.getByRole('heading', { level: 2 }).allInnerTexts()).includes('Liên kết còn hiệu lực (0)'), 'the revoked invite is still listed');
}

async function sessions(page, browser) {
  const [secondLink] = rest;
  await signIn(page);
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
  await signIn(other, secondLink);
  await page.goto(`${baseUrl}/console/sessions`);
  const rows = page.locator('table.sessions tbody tr');
  await rows.first().waitFor(wait);
  result.sessions = await rows.count();
  check(result.sessions === 2, `${result.sessions} sessions listed, not 2`);
  const theirs = rows.filter({ hasNotText: 'phiên đang dùng' });
  check(await theirs.count() === 1, 'the current session is not marked as the one in use');
  result.revokeStatus = await submit(page, theirs.getByRole('button', { name: 'Đăng xuất phiên này' }));
  const status = page.getByRole('status');
  await status.waitFor(wait);
  check((await status.innerText()) === 'Đã đăng xuất phiên đó.', `revoking said "${await status.innerText()}"`);
  check(await rows.count() === 1, 'the revoked session is still listed');

  await other.goto(`${baseUrl}/console`);
  result.otherLandsOn = new URL(other.url()).pathname;
  check(result.otherLandsOn === '/console/signin', `the revoked browser opened ${result.otherLandsOn}`);
  check(await other.getByRole('heading', { level: 1, name: 'Đăng nhập bàn làm việc' }).count() === 1, 'the revoked browser does not see the sign-in page');
  const kept = await page.goto(`${baseUrl}/console`);
  result.thisLandsOn = new URL(page.url()).pathname;
  check(kept.status() === 200 && result.thisLandsOn === '/console', `this browser opened ${result.thisLandsOn} (${kept.status()})`);
}

async function photo(page) {
  const [own, foreign, foreignPhoto] = rest;
  await signIn(page);
  const opened = await page.goto(`${baseUrl}/console/board/cases/${own}`);
  check(opened.status() === 200, `the supervisor's own case answered ${opened.status()}`);
  const img = page.getByRole('img', { name: 'Ảnh người dân gửi' });
  await img.scrollIntoViewIfNeeded(wait);
  // complete is also true for an image that failed to decode.
  await img.evaluate(i => i.complete ? null : new Promise(done => { i.addEventListener('load', done); i.addEventListener('error', done); }));
  result.photo = await img.evaluate(i => ({ w: i.naturalWidth, h: i.naturalHeight, src: i.getAttribute('src') }));
  check(result.photo.w > 0 && result.photo.h > 0, `the photo did not draw: ${JSON.stringify(result.photo)}`);
  result.foreignPage = (await page.goto(`${baseUrl}/console/board/cases/${foreign}`)).status();
  // The photo's 404 has no body, which Chromium shows as its own error page: the status is read off the navigation's response.
  const [refused] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith(`/console/board/photos/${foreignPhoto}`), wait),
    page.goto(`${baseUrl}/console/board/photos/${foreignPhoto}`).catch(() => null),
  ]);
  result.foreignPhoto = refused.status();
  check(result.foreignPage === 404 && result.foreignPhoto === 404, `another district's case answered ${result.foreignPage} and its photo ${result.foreignPhoto}`);
}

async function board(page) {
  const [screenshot, ...expected] = rest;
  await signIn(page);
  check(result.afterSignIn === '/console/board', `signed in to ${result.afterSignIn}, not the board`);
  const overdue = page.locator('section[aria-labelledby=overdue] tbody tr');
  await overdue.first().waitFor(wait);
  result.rows = await overdue.allInnerTexts();
  for (const pair of expected) {
    const [code, level] = pair.split('=');
    const line = result.rows.find(r => r.includes(code));
    check(line && line.trim().endsWith(level), `${code} is not on the board at level ${level}: ${line}`);
  }
  const chart = page.getByRole('img', { name: /^Biểu đồ cột/ });
  await chart.waitFor(wait);
  await chart.evaluate(i => i.complete ? null : new Promise(done => { i.addEventListener('load', done); i.addEventListener('error', done); }));
  check(await chart.evaluate(i => i.naturalWidth > 0), 'the scorecard chart did not draw');
  await page.screenshot({ path: screenshot, fullPage: true });
}

async function refusals(page, browser) {
  const [expiredLink, own, foreign] = rest;
  await signIn(page);

  // A second browser, as someone who found the link in the chat afterwards: used once, it signs in no one.
  const stranger = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  const reused = await stranger.goto(link);
  result.reusedStatus = reused.status();
  check(await stranger.getByText('Đường dẫn này đã được dùng.').count() === 1, `the used link's page says: ${(await stranger.innerText('main')).slice(0, 200)}`);
  check(await stranger.getByRole('button', { name: 'Đăng nhập' }).count() === 0, 'the used link still offers to sign in');
  const expired = await stranger.goto(expiredLink);
  result.expiredStatus = expired.status();
  check(await stranger.getByText('Đường dẫn này đã hết hạn.').count() === 1, `the expired link's page says: ${(await stranger.innerText('main')).slice(0, 200)}`);
  check(await stranger.getByRole('button', { name: 'Đăng nhập' }).count() === 0, 'the expired link still offers to sign in');

  // Signed in, another ward's case is not found; the official's own opens.
  result.ownStatus = (await page.goto(`${baseUrl}/console/cases/${own}`)).status();
  result.foreignStatus = (await page.goto(`${baseUrl}/console/cases/${foreign}`)).status();
  check(result.ownStatus === 200 && result.foreignStatus === 404, `own case ${result.ownStatus}, another ward's ${result.foreignStatus}`);

  // A page on another origin posts the acknowledge form of the official's own case, in the same browser.
  await page.route('http://other-site.example/**', route => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><body><form method="post" action="${baseUrl}/console/cases/${own}">`
      + '<input type="hidden" name="_handler" value="acknowledge"><button type="submit">Nhận quà</button></form></body></html>',
  }));
  await page.goto('http://other-site.example/prize');
  const [forged] = await Promise.all([
    page.waitForResponse(r => r.url().startsWith(`${baseUrl}/console/cases/${own}`) && r.request().method() === 'POST', wait),
    page.getByRole('button', { name: 'Nhận quà' }).click(),
  ]);
  // SameSite=Strict keeps the session cookie off a post from another site, so the console sees no one signed in and
  // sends the browser to sign in (a post that carried the cookie anyway would meet the Sec-Fetch-Site check: 403).
  result.crossSiteStatus = forged.status();
  result.crossSiteLocation = (await forged.headerValue('location')) ?? '';
  check(result.crossSiteStatus === 403 || (result.crossSiteStatus === 302 && new URL(result.crossSiteLocation, baseUrl).pathname === '/console/signin'),
    `the cross-site post answered ${result.crossSiteStatus} ${result.crossSiteLocation}`);
  await page.waitForURL(url => url.pathname === '/console/signin', wait);
}

(async () => {
  const browser = await chromium.launch({ executablePath, args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await ({ official, supervisor, admin, deliveries, invites, sessions, photo, board, refusals })[scenario](page, browser);
  } catch (error) {
    failures.push(`${scenario}: ${error.message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }

  result.failures = failures;
  console.log(JSON.stringify(result));
  process.exit(failures.length === 0 ? 0 : 1);
})();
