// The operators' loop in Chromium against the real `faqbot serve`, two admin
// identities (FAQBOT_ADMINS alice and bob):
//   1. traffic the bot cannot answer (invoice questions) lands in the biggest
//      unanswered cluster; alice adds its questions to an entry from the
//      console, sees the candidate's evaluation, and cannot approve her own
//      change; bob approves and releases it; the widget now answers them;
//   2. alice drafts an entry that takes golden questions from their entry:
//      its evaluation lists the regressions, bob's release is refused, then
//      goes through only with an override reason, and the audit log says so;
//   3. bob rolls back to the previous version and the golden questions are
//      answered by their entry again;
//   4. bob refuses alice's next candidate: not without a reason, and then
//      it cannot be approved.
// Screenshots (desktop 1280 and phone 390 wide) land in FAQBOT_SCREENSHOTS.
//
//   cd tests/browser && npm ci && FAQBOT_BIN=../../build/faqbot node --test admin_release_flow.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_DIR, SHOTS, launchBrowser, missing, newPage, startFaqbot } from './harness.mjs';

const ALICE = 'alice-token-for-the-flow';
const BOB = 'bob-token-for-the-flow';
const INVOICE = ['能帮我开一张增值税发票吗', '可以开增值税发票吗', '发票怎么开', '借款能开发票吗'];
const FIX_ENTRY = 'service.human';  // the operator decides an agent handles invoice requests
const STOLEN_FROM = 'withdraw.fee';   // the entry whose golden questions the bad draft takes

const skip = missing();
const ctx = {};

async function chat(text) {
  const r = await fetch(`${ctx.server.base}/v1/chat`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
  });
  assert.equal(r.status, 200, `chat ${text}`);
  return r.json();
}

async function liveVersion() {
  const r = await fetch(`${ctx.server.base}/v1/admin/kb/versions`, { headers: { Authorization: `Bearer ${BOB}` } });
  return (await r.json()).live;
}

// Waits until the server answers with the live version `id` (a release loads an engine).
async function waitLive(id) {
  const deadline = Date.now() + 60000;
  while ((await liveVersion()) !== id) {
    if (Date.now() > deadline) throw new Error(`version ${id} did not become live`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// A candidate's verdict and a release wait for an engine to train and load:
// seconds on an idle machine, up to a minute when the machine is loaded, so
// the console's pages wait longer than Playwright's default 30 s.
const CONSOLE_WAIT_MS = 90000;

async function login(page, token) {
  page.setDefaultTimeout(CONSOLE_WAIT_MS);
  await page.goto(ctx.server.base + '/admin');
  await page.getByLabel('管理员令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#admin-view').waitFor({ state: 'visible' });
}

async function openVersion(page, id) {
  await page.locator('#tab-releases').click();
  await page.locator(`#versions li[data-version-id="${id}"] button`).click();
  await page.locator(`#version-detail[data-version-id="${id}"]`).waitFor();
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

before(async () => {
  if (skip) return;
  ctx.server = await startFaqbot({ FAQBOT_ADMINS: `alice:${ALICE},bob:${BOB}`, FAQBOT_RATE_CLIENT: '0',
                                   FAQBOT_RATE_SESSION: '0' });
  // Traffic: the invoice questions (one asked twice) fall back; a few answers and a handoff.
  for (const q of [...INVOICE, INVOICE[0], '提现手续费怎么收', '充值要多久到账', '转人工']) await chat(q);
  ctx.golden = readFileSync(path.join(CONFIG_DIR, 'golden.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l)).filter((c) => c.expect === STOLEN_FROM && (c.action || 'answer') === 'answer')
    .map((c) => c.q);
  ctx.browser = await launchBrowser();
});

after(async () => {
  if (ctx.browser) await ctx.browser.close();
  if (ctx.server) await ctx.server.stop();
});

test('fix a cluster, maker-checker release gated by evaluation, refusal, override and rollback',
     { skip: skip || false, timeout: 300000 }, async () => {
  for (const q of INVOICE) assert.equal((await chat(q)).action, 'fallback', `${q} falls back before the fix`);
  assert.ok(ctx.golden.length >= 2, `golden.jsonl has questions for ${STOLEN_FROM}`);
  const firstLive = await liveVersion();

  // ------------------------------------------------ alice: figures, cluster, candidate
  const alice = await newPage(ctx.browser);
  await login(alice, ALICE);
  await alice.locator('#whoami').filter({ hasText: 'alice' }).waitFor();
  assert.notEqual(await alice.locator('[data-figure="conversations"] .value').textContent(), '0');
  assert.ok(await alice.locator('#chart svg rect.conversations').count() >= 1, 'a chart of the days');
  const cluster = alice.locator('#clusters > li').first();
  for (const q of INVOICE) await cluster.locator('.cluster-examples').getByText(q).waitFor();
  await cluster.getByRole('button', { name: /^加入/ }).click();
  const form = cluster.locator('form.add-variants');
  await form.getByLabel('加入条目').selectOption(FIX_ENTRY);
  for (const q of INVOICE) assert.ok(await form.getByLabel(new RegExp(q)).isChecked(), `${q} is ticked`);
  await form.getByLabel('修改说明').fill('开发票需要人工处理，直接转人工');
  await alice.screenshot({ path: path.join(SHOTS, 'faqbot-admin-fix-1280x860.png'), fullPage: false });
  await form.getByRole('button', { name: '生成候选版本' }).click();
  await alice.locator('#releases-view').waitFor({ state: 'visible' });
  await alice.locator('#version-title').filter({ hasText: '候选' }).waitFor();
  const fixId = Number(await alice.locator('#version-detail').getAttribute('data-version-id'));
  assert.ok(fixId > firstLive);
  // The evaluation: figures live vs candidate, passing; the diff names the entry and the questions.
  await alice.locator('#version-verdict.pass').waitFor();
  assert.ok(await alice.locator('#evaluation tr[data-figure="answered_right"]').count() === 1);
  await alice.locator('#diff').getByText(FIX_ENTRY).first().waitFor();
  await alice.locator('#diff').getByText(INVOICE[1]).first().waitFor();
  // Maker-checker: alice cannot approve her own change, and the page says why.
  const approveOwn = alice.getByRole('button', { name: '批准' });
  assert.ok(await approveOwn.isDisabled());
  await alice.locator('#version-actions').getByText('需要另一位管理员批准').waitFor();
  await alice.screenshot({ path: path.join(SHOTS, 'faqbot-admin-candidate-1280x860.png'), fullPage: true });

  // ------------------------------------------------ bob: approve and release
  const bob = await newPage(ctx.browser);
  await login(bob, BOB);
  await openVersion(bob, fixId);
  await bob.getByRole('button', { name: '批准' }).click();
  await bob.locator('#version-title').filter({ hasText: '已批准' }).waitFor();
  await bob.getByRole('button', { name: '发布', exact: true }).click();
  await bob.locator('#version-title').filter({ hasText: '线上' }).waitFor();
  await waitLive(fixId);

  // The widget now answers the cluster's questions from the entry.
  const investor = await newPage(ctx.browser);
  await investor.goto(ctx.server.base + '/');
  await investor.getByRole('button', { name: /在线客服/ }).click();
  const input = investor.locator('#faqbot-widget .fb-input');
  await input.waitFor();
  const bots = investor.locator('#faqbot-widget .fb-msg[data-role=bot]');
  const before = await bots.count();
  await input.fill(INVOICE[1]);
  await input.press('Enter');
  await bots.nth(before).waitFor();
  assert.match(await bots.nth(before).locator('.fb-bubble').textContent(), /人工客服/);
  for (const q of INVOICE) {
    const r = await chat(q);
    assert.equal(r.faq_id, FIX_ENTRY, `${q} -> ${r.action} ${r.faq_id}`);
  }
  for (const q of ctx.golden) assert.equal((await chat(q)).faq_id, STOLEN_FROM, `${q} before the bad draft`);

  // ------------------------------------------------ a draft that breaks golden questions
  await alice.locator('#tab-insights').click();
  const again = alice.locator('#clusters > li').first();
  await again.getByRole('button', { name: '起草新条目' }).click();
  const draft = again.locator('form.new-entry');
  await draft.getByLabel('条目 ID').fill('withdraw.fee_quota');
  await draft.getByLabel('问题（每行一个）').fill(ctx.golden.join('\n'));
  await draft.getByLabel('回答').fill('您好，每月提现的免费次数和之后的手续费以页面显示为准。如有其他问题欢迎随时咨询。');
  await draft.getByRole('button', { name: '生成候选版本' }).click();
  await alice.locator(`#version-detail:not([data-version-id="${fixId}"])`).waitFor();  // alice's page showed the fix
  await alice.locator('#version-title').filter({ hasText: '候选' }).waitFor();
  const badId = Number(await alice.locator('#version-detail').getAttribute('data-version-id'));
  assert.ok(badId > fixId);
  await alice.locator('#version-verdict.fail').waitFor();
  // Every golden question the draft takes from its entry is a regression in
  // plain words, whatever the figures do (another question may gain).
  const regressions = await alice.locator('#version-verdict .regressions').textContent();
  const broken = ctx.golden.filter((q) => regressions.includes(`黄金问题不再答对：${q}（应为 ${STOLEN_FROM}，现在 withdraw.fee_quota）`));
  assert.ok(broken.length >= 1, regressions);
  for (const q of broken) await alice.locator('#changed').getByText(q, { exact: true }).waitFor();

  await openVersion(bob, badId);
  await bob.getByRole('button', { name: '批准' }).click();
  await bob.locator('#version-title').filter({ hasText: '已批准' }).waitFor();
  const release = bob.getByRole('button', { name: /^发布/ });
  await release.click();
  await bob.locator('#action-error').filter({ hasText: '发布被拒绝' }).waitFor();
  assert.equal(await liveVersion(), fixId, 'a refused release changes nothing');
  await bob.screenshot({ path: path.join(SHOTS, 'faqbot-admin-refused-1280x860.png'), fullPage: true });
  await bob.getByLabel(/请写明理由/).fill('新的免费次数规则今天必须上线，冲突的问题下一版修正');
  await release.click();
  await bob.locator('#version-title').filter({ hasText: '线上' }).waitFor();
  await waitLive(badId);
  assert.notEqual((await chat(broken[0])).faq_id, STOLEN_FROM, 'the override release is live');
  await bob.locator('#audit tr[data-action="release_refused"]').first().waitFor();
  assert.match(await bob.locator('#audit tbody').textContent(), /alice[\s\S]*bob|bob[\s\S]*alice/);

  // ------------------------------------------------ rollback to the fixed version
  await openVersion(bob, fixId);
  await bob.getByRole('button', { name: '回滚到此版本' }).click();
  await bob.locator('#version-title').filter({ hasText: '线上' }).waitFor();
  await waitLive(fixId);
  for (const q of ctx.golden) assert.equal((await chat(q)).faq_id, STOLEN_FROM, `${q} after the rollback`);
  assert.equal((await chat(INVOICE[0])).faq_id, FIX_ENTRY, 'the fix stays');
  await bob.locator('#tab-releases').click();
  await bob.locator(`#versions li[data-version-id="${fixId}"][data-status="live"]`).waitFor();
  await bob.screenshot({ path: path.join(SHOTS, 'faqbot-admin-versions-1280x860.png'), fullPage: true });

  // ------------------------------------------------ a checker refuses a candidate
  const proposed = await fetch(`${ctx.server.base}/v1/admin/kb/candidates`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ALICE}` },
    body: JSON.stringify({ note: '补充说法', changes: [{ op: 'add_variants', entry_id: STOLEN_FROM, questions: ['提现收不收钱呀'] }] }),
  });
  assert.equal(proposed.status, 201);
  const refuseId = (await proposed.json()).id;
  await bob.locator('#tab-releases').click();  // the list is re-read
  await openVersion(bob, refuseId);
  await bob.getByRole('button', { name: '拒绝' }).click();
  await bob.locator('#action-error').filter({ hasText: '拒绝需要填写理由' }).waitFor();
  await bob.getByLabel(/不发布这个版本/).fill('这个说法已经被现有问题覆盖，不必新增');
  await bob.getByRole('button', { name: '拒绝' }).click();
  await bob.locator('#version-title').filter({ hasText: '已拒绝' }).waitFor();
  await bob.locator('#version-meta').filter({ hasText: 'bob 拒绝：这个说法已经被现有问题覆盖' }).waitFor();
  assert.equal(await bob.getByRole('button', { name: '批准' }).count(), 0, 'a refused version offers no approval');
  await bob.locator('#audit tr[data-action="refused"]').first().waitFor();
  await bob.screenshot({ path: path.join(SHOTS, 'faqbot-admin-refuse-1280x860.png'), fullPage: true });

  // ------------------------------------------------ the same on a phone
  const phone = await newPage(ctx.browser, { width: 390, height: 844 }, { isMobile: true, hasTouch: true });
  await login(phone, ALICE);
  await phone.locator('#clusters > li').first().getByRole('button', { name: '起草新条目' }).click();
  await noSidewaysScroll(phone, 'the insights tab with a draft form');
  await phone.screenshot({ path: path.join(SHOTS, 'faqbot-admin-draft-390x844.png'), fullPage: false });
  await openVersion(phone, badId);
  await noSidewaysScroll(phone, 'a version on a phone');
  await phone.screenshot({ path: path.join(SHOTS, 'faqbot-admin-version-390x844.png'), fullPage: true });

  for (const p of [alice, bob, investor, phone]) assert.deepEqual(p.problems, []);
});
