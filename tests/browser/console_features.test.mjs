// Browser test of the agent console's alerts, notes, transfer, search and
// ratings, and of the widget's typing indicators, timestamps, feedback row
// and rating prompt, against the real `faqbot serve` in Debian's Chromium.
//
//   cd tests/browser && npm ci && FAQBOT_BIN=../../build/faqbot node --test console_features.test.mjs
//
// Screenshots (1280x800 and 390x844) go to FAQBOT_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHOTS, launchBrowser, missing, newPage, playwrightChromium, startFaqbot } from './harness.mjs';

const AGENTS = { agent1: 'secret-agent-1', agent2: 'secret-agent-2' };
const QUICK_REPLIES = ['您好，请问有什么可以帮您？', '提现到账时间以银行处理为准，请您留意银行卡的到账通知。',
                       '保证本金安全，今天一定到账'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const skipReason = missing();
if (skipReason) console.log(`# browser tests skipped: ${skipReason}`);
else playwrightChromium();

const ctx = {};

before(async () => {
  if (skipReason) return;
  ctx.faqbot = await startFaqbot({
    FAQBOT_AGENT_TOKENS: Object.entries(AGENTS).map(([id, token]) => `${id}:${token}`).join(','),
    FAQBOT_QUICK_REPLIES: QUICK_REPLIES.join('|'),
  });
  ctx.base = ctx.faqbot.base;
  ctx.browser = await launchBrowser();
});

after(async () => {
  if (ctx.browser) await ctx.browser.close();
  if (ctx.faqbot) await ctx.faqbot.stop();
});

// Records what the console's alerts really did: oscillators started on an
// AudioContext (the beep) and desktop notifications shown.
function recordAlerts() {
  window.__oscillators = 0;
  window.__notifications = [];
  const Ctx = window.AudioContext;
  if (Ctx) {
    const create = Ctx.prototype.createOscillator;
    Ctx.prototype.createOscillator = function () {
      const osc = create.call(this);
      const start = osc.start.bind(osc);
      osc.start = (...a) => { window.__oscillators += 1; return start(...a); };
      return osc;
    };
  }
  class RecordedNotification {
    constructor(title, options) { window.__notifications.push({ title, body: options && options.body }); }
    close() {}
  }
  RecordedNotification.permission = 'granted';
  RecordedNotification.requestPermission = () => Promise.resolve('granted');
  window.Notification = RecordedNotification;
}

async function agentPage(id, viewport = DESKTOP) {
  const page = await newPage(ctx.browser, viewport);
  await page.addInitScript(recordAlerts);
  await page.goto(ctx.base + '/agent');
  await page.locator('#token').fill(AGENTS[id]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#console-view').waitFor();
  await page.locator('#who', { hasText: id }).waitFor();
  return page;
}

// An investor conversation over the API (no browser): returns {id, token, ticket}.
async function apiHandoff(first) {
  const post = async (body, token) => {
    const r = await fetch(ctx.base + '/v1/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
    return r.json();
  };
  const a = await post({ text: first });
  const h = await post({ text: '转人工', session_id: a.session_id }, a.session_token);
  assert.ok(h.handoff, 'handed over');
  return { id: a.session_id, token: a.session_token, ticket: h.handoff.ticket_id };
}

const shadow = (page, selector) => page.locator(`#faqbot-widget ${selector}`);

test('new tickets alert the console: beep, desktop notification, title count; counts stay live after a claim',
     { skip: skipReason || false, timeout: 120000 }, async () => {
  const agent = await agentPage('agent1');
  const waitingCount = agent.locator('.tabs button[data-status=waiting] .count');
  await waitingCount.filter({ hasText: '(0)' }).waitFor();
  assert.equal(await agent.title(), 'faqbot 坐席工作台');
  assert.equal(await agent.evaluate(() => window.__notifications.length), 0, 'no alert for an empty queue');

  const first = await apiHandoff('提现一直没到账');
  await agent.waitForFunction(() => document.title === '(1) faqbot 坐席工作台', null, { timeout: 10000 });
  await agent.waitForFunction(() => window.__notifications.length === 1);
  const note = await agent.evaluate(() => window.__notifications[0]);
  assert.match(note.title, /1 位新客户/);
  assert.match(note.body, /等待中 1 位/);
  assert.ok(await agent.evaluate(() => window.__oscillators) >= 2, 'the two-tone beep played');
  await waitingCount.filter({ hasText: '(1)' }).waitFor();

  const second = await apiHandoff('充值没到账');
  await agent.waitForFunction(() => document.title === '(2) faqbot 坐席工作台', null, { timeout: 10000 });
  await agent.waitForFunction(() => window.__notifications.length === 2);

  // Claiming updates the title and every tab's count at once, without an alert.
  await agent.locator(`#queue li[data-ticket-id="${first.ticket}"] button`).click();
  await agent.getByRole('button', { name: '认领' }).click();
  await agent.locator('#conv-status', { hasText: '处理中' }).waitFor();
  await agent.waitForFunction(() => document.title === '(1) faqbot 坐席工作台', null, { timeout: 2500 });
  await waitingCount.filter({ hasText: '(1)' }).waitFor({ timeout: 2500 });
  await agent.locator('.tabs button[data-status=active] .count', { hasText: '(1)' }).waitFor({ timeout: 2500 });
  assert.equal(await agent.evaluate(() => window.__notifications.length), 2, 'a claim is no new ticket');

  // Sound off: a new ticket still notifies and counts, silently.
  await agent.getByRole('button', { name: /提示音/ }).click();
  const beeps = await agent.evaluate(() => window.__oscillators);
  await apiHandoff('我要投诉');
  await agent.waitForFunction(() => window.__notifications.length === 3, null, { timeout: 10000 });
  assert.equal(await agent.evaluate(() => window.__oscillators), beeps, 'no beep with the sound off');
  assert.equal(await agent.title(), '(2) faqbot 坐席工作台');
  await agent.screenshot({ path: path.join(SHOTS, 'faqbot-console-alerts-1280.png') });
  void second;
  assert.deepEqual(agent.problems, []);
  await agent.context().close();
});

test('notes stay internal, a ticket is transferred, the investor rates it, the agent finds it again',
     { skip: skipReason || false, timeout: 180000 }, async () => {
  const investor = await newPage(ctx.browser, DESKTOP);
  await investor.goto(ctx.base + '/');
  await investor.getByRole('button', { name: /在线客服/ }).click();
  const input = shadow(investor, '.fb-input');
  await input.fill('我的提现申请了三天还没到账');
  await input.press('Enter');
  await shadow(investor, '.fb-msg[data-role=bot][data-message-id]').first().waitFor();
  await investor.getByRole('button', { name: '转人工' }).click();
  await shadow(investor, '.fb-status').filter({ hasText: '工单号' }).waitFor();
  const ticket = (await shadow(investor, '.fb-status').textContent()).match(/工单号 (\d+)/)[1];

  const agent1 = await agentPage('agent1');
  await agent1.locator(`#queue li[data-ticket-id="${ticket}"] button`).click();
  await agent1.getByRole('button', { name: '认领' }).click();
  await agent1.locator('#conv-status', { hasText: '处理中' }).waitFor();

  // Agent-assist read the whole ticket: a withdrawal entry, the withdrawal
  // quick reply suggested, the promising one refused.
  await agent1.locator('#suggestions .sugg[data-faq-id^="withdraw."]').first().waitFor();
  assert.match(await agent1.locator('#assist-questions').textContent(), /提现申请了三天/);
  const suggestedQuick = agent1.locator('#quick button.suggested', { hasText: '提现到账时间' });
  await suggestedQuick.waitFor();
  const refusedQuick = agent1.locator('#quick button.refused', { hasText: '保证本金' });
  assert.equal(await refusedQuick.isDisabled(), true, 'a quick reply the guard refuses cannot be used');
  assert.match(await refusedQuick.getAttribute('title'), /保证本金/);

  // An internal note: listed for agents, never shown to the investor.
  const NOTE = '客户很着急，已核实是本人，稍后跟进银行回单';
  await agent1.locator('#note-text').fill(NOTE);
  await agent1.getByRole('button', { name: '添加备注' }).click();
  await agent1.locator('#notes li', { hasText: NOTE }).waitFor();

  // Typing, both ways.
  await agent1.locator('#reply-text').fill('您好，我来帮您');
  await shadow(investor, '.fb-typing', { hasText: '人工客服正在输入' }).waitFor({ timeout: 10000 });
  await investor.screenshot({ path: path.join(SHOTS, 'faqbot-widget-agent-typing-1280.png') });
  await input.fill('好的');
  await agent1.locator('#investor-typing').waitFor({ state: 'visible', timeout: 10000 });
  await input.press('Enter');
  await agent1.locator('#transcript .msg[data-role=investor]', { hasText: '好的' }).waitFor({ timeout: 10000 });
  await agent1.locator('#investor-typing').waitFor({ state: 'hidden', timeout: 10000 });

  // Transfer to agent2, who takes over; agent1 can no longer reply.
  const agent2 = await agentPage('agent2');
  await agent1.locator('#transfer-to').selectOption('agent2');
  await agent1.screenshot({ path: path.join(SHOTS, 'faqbot-console-1280.png') });
  await agent1.getByRole('button', { name: '转接' }).click();
  await agent1.locator('#conv-reason', { hasText: 'agent2' }).waitFor({ timeout: 10000 });
  assert.equal(await agent1.locator('#transfer-form').isHidden(), true);
  assert.equal(await agent1.locator('#send').isDisabled(), true, 'the ticket is agent2\'s now');
  await agent2.locator('.tabs button[data-status=active]').click();
  await agent2.locator(`#queue li[data-ticket-id="${ticket}"] button`).click();
  await agent2.locator('#notes li', { hasText: NOTE }).waitFor();  // the note went with the ticket
  await agent2.locator('#reply-text').fill('您好，我是客服小李，已为您查询到提现正在银行处理中，具体以银行处理为准。');
  await agent2.getByRole('button', { name: '发送' }).click();
  await shadow(investor, '.fb-msg[data-role=agent]', { hasText: '小李' }).waitFor({ timeout: 15000 });
  assert.ok(!(await shadow(investor, '.fb-log').textContent()).includes(NOTE), 'the note never reaches the investor');

  // Closing asks the investor for a rating; it counts for agent2.
  await agent2.getByRole('button', { name: '结束会话' }).click();
  const stars = shadow(investor, '.fb-rate .fb-stars button');
  await stars.first().waitFor({ timeout: 15000 });
  assert.equal(await stars.count(), 5);
  await investor.screenshot({ path: path.join(SHOTS, 'faqbot-widget-rating-1280.png') });
  await stars.nth(3).click();
  await shadow(investor, '.fb-rate', { hasText: '感谢您的评价（4 分）' }).waitFor();
  await agent2.locator('#ratings li[data-agent-id="agent2"]', { hasText: '4.0 分 · 1 次' }).waitFor({ timeout: 10000 });
  await agent2.locator('#my-rating', { hasText: '4.0' }).waitFor();
  // Once per ticket: the prompt does not come back after a reload.
  await investor.reload();
  await investor.getByRole('button', { name: /在线客服/ }).click();
  await shadow(investor, '.fb-msg[data-role=agent]', { hasText: '小李' }).waitFor();
  await investor.waitForTimeout(800);
  assert.equal(await shadow(investor, '.fb-rate').count(), 0, 'rated once, not asked again');

  // Search of past conversations finds it by text and opens the ticket.
  await agent1.locator('.tabs button[data-status=search]').click();
  await agent1.locator('#search-text').fill('三天还没到账');
  await agent1.getByRole('button', { name: '搜索' }).click();
  const hit = agent1.locator(`#queue li.hit[data-ticket-id="${ticket}"] button`);
  await hit.first().waitFor();
  await agent1.screenshot({ path: path.join(SHOTS, 'faqbot-console-search-1280.png') });
  await hit.first().click();
  await agent1.locator('#conv-title', { hasText: `#${ticket}` }).waitFor();
  await agent1.locator('#conv-status', { hasText: '已结束' }).waitFor();

  for (const p of [investor, agent1, agent2]) assert.deepEqual(p.problems, []);
  await investor.context().close();
  await agent1.context().close();
  await agent2.context().close();
});

for (const [name, viewport] of [['1280', DESKTOP], ['390', PHONE]]) {
  test(`the widget at ${name}px: bot typing indicator, timestamps, feedback row in view`,
       { skip: skipReason || false, timeout: 90000 }, async () => {
    const page = await newPage(ctx.browser, viewport);
    // Each answer takes 700 ms more, so the indicator can be seen.
    await page.route('**/v1/chat', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.goto(ctx.base + '/');
    await page.getByRole('button', { name: /在线客服/ }).click();
    const input = shadow(page, '.fb-input');
    for (const q of ['怎么充值', '充值限额是多少', '提现多久到账', '提现手续费多少']) {
      const answered = await shadow(page, '.fb-msg[data-role=bot][data-message-id]').count();
      await input.fill(q);
      await input.press('Enter');
      await shadow(page, '.fb-typing', { hasText: '智能客服正在输入' }).waitFor({ state: 'visible' });
      await shadow(page, '.fb-msg[data-role=bot][data-message-id]').nth(answered).waitFor();
      await shadow(page, '.fb-typing').waitFor({ state: 'hidden' });
    }
    // Every message carries its time.
    const times = await shadow(page, '.fb-msg .fb-time').allTextContents();
    assert.ok(times.length >= 9, `times shown: ${times.length}`);
    for (const t of times) assert.match(t, /^\d{2}:\d{2}$/);
    // The last answer's feedback buttons are inside the visible log, not below it.
    const lastFeedback = shadow(page, '.fb-fb').last();
    await lastFeedback.waitFor();
    const logBox = await shadow(page, '.fb-log').boundingBox();
    const fbBox = await lastFeedback.boundingBox();
    assert.ok(fbBox.y >= logBox.y && fbBox.y + fbBox.height <= logBox.y + logBox.height + 1,
      `feedback row ${JSON.stringify(fbBox)} inside the log ${JSON.stringify(logBox)}`);
    await page.screenshot({ path: path.join(SHOTS, `faqbot-widget-${name}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the console at 390px: queue, ticket and side panels reachable', { skip: skipReason || false, timeout: 60000 },
     async () => {
  await apiHandoff('提现多久到账');
  const agent = await agentPage('agent1', PHONE);
  await agent.locator('#queue li button').first().click();
  await agent.locator('#conv-title', { hasText: '工单 #' }).waitFor();
  await agent.locator('#note-form').scrollIntoViewIfNeeded();
  const width = await agent.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling: ${width}`);
  await agent.screenshot({ path: path.join(SHOTS, 'faqbot-console-390.png'), fullPage: true });
  assert.deepEqual(agent.problems, []);
  await agent.context().close();
});
