// Browser test of the chat widget and the agent console against the real
// `faqbot serve`, in Debian's Chromium driven by playwright-core.
//
//   cd tests/browser && npm ci && FAQBOT_BIN=../../build/faqbot node --test
//
// Environment: FAQBOT_BIN (default <repo>/build/faqbot), FAQBOT_CONFIG_DIR
// (default <repo>/config), CHROMIUM (default /usr/bin/chromium),
// FAQBOT_SCREENSHOTS (folder for the screenshots, default the temp dir),
// FAQBOT_TEST_URL (use a server already running there instead of starting one;
// it must accept the agent token below, allow CORS from any origin, and have
// agents on duty).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { SHOTS, freePort, launchBrowser, missing, newPage as openPage, playwrightChromium, startFaqbot } from './harness.mjs';

const EXTERNAL = process.env.FAQBOT_TEST_URL || '';
const AGENT_TOKEN = 'secret-agent-1';  // the server wants tokens of 8+ characters
const AGENT_ID = 'agent1';  // the agent of AGENT_TOKEN
const QUICK_REPLIES = ['您好，请问有什么可以帮您？', '请稍等，正在为您查询。'];
// Shown literally, never executed: each part would set window.__xss if run.
const XSS = `<img src=x onerror="window.__xss='img'"><script>window.__xss='script'</script><b>粗体</b>`;
const BANNED_REPLY = '保证本金安全，绝对今天到账';
const AGENT_REPLY = '您好，我是人工客服小王。提现一般预计当天到账，具体以银行处理为准，请您放心。';

const skipReason = missing(!EXTERNAL);
if (skipReason) console.log(`# browser tests skipped: ${skipReason}`);
else playwrightChromium();  // fails early, saying to run npm ci

const ctx = {};

before(async () => {
  if (skipReason) return;
  ctx.otherPort = await freePort();
  // A page on another origin (other port) that embeds the widget from the server.
  ctx.otherOrigin = `http://127.0.0.1:${ctx.otherPort}`;
  if (EXTERNAL) {
    ctx.base = EXTERNAL.replace(/\/+$/, '');
  } else {
    ctx.faqbot = await startFaqbot({
      FAQBOT_AGENT_TOKENS: `${AGENT_ID}:${AGENT_TOKEN}`,
      FAQBOT_QUICK_REPLIES: QUICK_REPLIES.join('|'),
      FAQBOT_CORS_ORIGINS: ctx.otherOrigin,
    });
    ctx.base = ctx.faqbot.base;
  }
  ctx.other = http.createServer((req, res) => {
    // A strict policy of its own, as a careful partner has: the widget may
    // only load and talk to the faqbot origin, with no inline style.
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src ${ctx.base}; connect-src ${ctx.base}; style-src 'self'`,
    });
    res.end(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>合作方页面</title></head>` +
            `<body><h1>合作方页面</h1><script src="${ctx.base}/widget.js" data-open="true"></script></body></html>`);
  });
  await new Promise((r) => ctx.other.listen(ctx.otherPort, '127.0.0.1', r));
  ctx.browser = await launchBrowser();
});

after(async () => {
  if (ctx.browser) await ctx.browser.close();
  if (ctx.other) ctx.other.close();
  if (ctx.faqbot) await ctx.faqbot.stop();
});

const newPage = (viewport) => openPage(ctx.browser, viewport);

// The widget's {id, token} from localStorage.
async function savedSession(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('faqbot.session.'));
    return key ? JSON.parse(localStorage.getItem(key)) : {};
  });
}

async function xssRan(page) {
  return page.evaluate(() => window.__xss);
}

const widget = (page) => ({
  input: page.locator('#faqbot-widget .fb-input'),
  messages: (role) => page.locator(`#faqbot-widget .fb-msg[data-role=${role}]`),
  status: page.locator('#faqbot-widget .fb-status'),
});

async function ask(page, text) {
  const w = widget(page);
  const before = await w.messages('bot').count();
  await w.input.fill(text);
  await w.input.press('Enter');
  return before;
}

test('investor asks, clicks a suggestion, goes to a human; agent claims and replies; texts stay text',
     { skip: skipReason || false, timeout: 240000 }, async () => {
  // ---------------------------------------------------------------- investor
  const investor = await newPage();
  const streams = [];  // event-stream URLs the widget opened
  investor.on('request', (r) => { if (r.url().includes('/events?')) streams.push(r.url()); });
  await investor.goto(ctx.base + '/');
  await assert.doesNotReject(investor.getByText('出借有风险').first().waitFor());
  await investor.screenshot({ path: path.join(SHOTS, 'faqbot-demo.png'), fullPage: false });

  const launcher = investor.getByRole('button', { name: /在线客服/ });
  await launcher.click();
  const w = widget(investor);
  await w.input.waitFor();
  assert.equal(await investor.evaluate(() => document.activeElement && document.activeElement.id), 'faqbot-widget',
    'focus moves into the widget when it opens');

  // 1. A question gets an answer from the bot.
  const bots0 = await ask(investor, '提现多久能到账？');
  const answer = w.messages('bot').nth(bots0);
  await answer.waitFor();
  await investor.waitForFunction(() => {
    const root = document.getElementById('faqbot-widget').shadowRoot;
    return root.querySelectorAll('.fb-msg[data-role=bot][data-message-id]').length >= 1;
  });
  const answerText = await answer.locator('.fb-bubble').textContent();
  assert.match(answerText, /提现|到账/, `the bot answers about withdrawals: ${answerText}`);
  assert.doesNotMatch(answerText, /您好/, 'the widget greeted on opening: the answer does not greet again');
  const saved = await savedSession(investor);
  assert.match(saved.id || '', /^[0-9a-f]{43}$/, 'the server-issued session id is kept in localStorage');
  assert.match(saved.token || '', /^[0-9a-f]{64}$/, 'with its session token');

  // 2. Suggestions are buttons; clicking one sends its question.
  let suggestion = investor.locator('#faqbot-widget .fb-sugg button').first();
  if (await suggestion.count() === 0) {
    // This answer came without alternatives: a vaguer question brings some.
    await ask(investor, '充值');
    await investor.locator('#faqbot-widget .fb-sugg button').first().waitFor();
    suggestion = investor.locator('#faqbot-widget .fb-sugg button').first();
  }
  const suggested = (await suggestion.textContent()).trim();
  assert.ok(suggested.length > 0);
  const investorBefore = await w.messages('investor').count();
  const botsBefore = await w.messages('bot').count();
  await suggestion.click();
  await w.messages('investor').nth(investorBefore).waitFor();
  assert.equal((await w.messages('investor').nth(investorBefore).locator('.fb-bubble').textContent()), suggested);
  await w.messages('bot').nth(botsBefore).waitFor();

  // 3. Feedback on an answer.
  const thumbs = investor.locator('#faqbot-widget .fb-fb button[data-helpful=true]').first();
  if (await thumbs.count()) {
    await thumbs.click();
    await investor.locator('#faqbot-widget .fb-fb', { hasText: '感谢' }).first().waitFor();
  }

  // 4. 转人工 opens a ticket; the status line tells the investor.
  await investor.getByRole('button', { name: '转人工' }).click();
  await investor.locator('#faqbot-widget .fb-status[data-state=waiting]').waitFor();
  const statusText = await w.status.textContent();
  assert.match(statusText, /排队中/, `the state line says the ticket waits: ${statusText}`);
  const ticketId = (statusText.match(/工单号 (\d+)/) || [])[1];
  assert.ok(ticketId, `the status line names the ticket: ${statusText}`);

  // 5. An HTML/script payload typed by the investor goes to the ticket and shows as text.
  const investorBeforeXss = await w.messages('investor').count();
  await w.input.fill(XSS);
  await w.input.press('Enter');
  const xssRow = w.messages('investor').nth(investorBeforeXss);
  await xssRow.waitFor();
  await investor.waitForTimeout(300);
  assert.equal(await xssRow.locator('.fb-bubble').textContent(), XSS, 'the payload is shown literally');
  assert.equal(await investor.locator('#faqbot-widget img, #faqbot-widget script, #faqbot-widget b').count(), 0,
    'no element was created from the payload');
  assert.equal(await xssRan(investor), undefined, 'the payload did not run in the widget');

  await investor.screenshot({ path: path.join(SHOTS, 'faqbot-widget-handoff.png') });

  // ---------------------------------------------------------------- agent
  const agent = await newPage({ width: 1366, height: 900 });
  await agent.goto(ctx.base + '/agent');
  // A wrong token is refused with the server's message.
  await agent.locator('#token').fill('wrong-token');
  await agent.getByRole('button', { name: '登录' }).click();
  await agent.locator('#login-error').filter({ hasText: /token/i }).waitFor();
  await agent.locator('#token').fill(AGENT_TOKEN);
  await agent.getByRole('button', { name: '登录' }).click();
  await agent.locator('#console-view').waitFor();
  assert.equal(await agent.evaluate(() => sessionStorage.getItem('faqbot.agentToken')), AGENT_TOKEN);

  const item = agent.locator(`#queue li[data-ticket-id="${ticketId}"] button`);
  await item.waitFor();
  // The clicked suggestion may itself be a hand-over entry (money at risk), so
  // the reason is that entry or the explicit request.
  assert.match(await item.textContent(), /客户要求人工|问题需人工处理/, 'the queue says why the ticket was opened');
  assert.match(await item.textContent(), /onerror/, 'the preview shows the last message as text');
  await item.click();
  await agent.locator('#conv-title').filter({ hasText: '工单 #' }).waitFor();

  // The transcript shows the payload as text, without running it.
  const agentXss = agent.locator('#transcript .msg[data-role=investor] .bubble', { hasText: 'onerror' });
  await agentXss.waitFor();
  assert.equal(await agentXss.textContent(), XSS);
  assert.equal(await agent.locator('#transcript img, #transcript script, #transcript b').count(), 0);
  assert.equal(await xssRan(agent), undefined, 'the payload did not run in the console');

  // Quick replies are offered; inserting one puts it in the reply box.
  const quick = agent.locator('#quick button', { hasText: QUICK_REPLIES[1] });
  await quick.waitFor();

  // Claim, insert a quick reply, then reply.
  await agent.getByRole('button', { name: '认领' }).click();
  await agent.locator('#conv-status').filter({ hasText: '处理中' }).waitFor();
  await quick.click();
  assert.equal(await agent.locator('#reply-text').inputValue(), QUICK_REPLIES[1]);
  const sugg = agent.locator('#suggestions .sugg button').first();
  if (await sugg.count()) {
    await agent.locator('#reply-text').fill('');
    await sugg.click();
    assert.ok((await agent.locator('#reply-text').inputValue()).length > 0, 'a suggested answer is inserted');
  }
  // A promise the compliance guard refuses: named in the console, the draft
  // kept for editing, nothing sent.
  await agent.locator('#reply-text').fill(BANNED_REPLY);
  await agent.getByRole('button', { name: '发送' }).click();
  const refusal = agent.locator('#reply-refusal');
  await refusal.filter({ hasText: '保证本金' }).waitFor();
  assert.match(await refusal.textContent(), /绝对今天到账/, 'the refusal names the arrival promise');
  assert.equal(await agent.locator('#reply-text').inputValue(), BANNED_REPLY, 'the draft stays for editing');
  assert.equal(await agent.locator('#transcript .msg[data-role=agent]').count(), 0, 'nothing was sent');
  await agent.screenshot({ path: path.join(SHOTS, 'faqbot-agent-refusal.png') });

  await agent.locator('#reply-text').fill(AGENT_REPLY);
  await agent.getByRole('button', { name: '发送' }).click();
  await agent.locator('#transcript .msg[data-role=agent]', { hasText: '小王' }).waitFor();
  assert.equal(await agent.locator('#reply-text').inputValue(), '', 'the reply box is emptied after sending');
  assert.equal(await refusal.isHidden(), true, 'the refusal goes once a reply is sent');
  await agent.screenshot({ path: path.join(SHOTS, 'faqbot-agent.png') });

  // ---------------------------------------------------------------- investor sees the reply
  const agentRow = w.messages('agent').filter({ hasText: '小王' });
  await agentRow.waitFor({ timeout: 20000 });
  assert.equal(await agentRow.locator('.fb-bubble').textContent(), AGENT_REPLY);
  assert.equal(await w.messages('agent').filter({ hasText: '保证本金' }).count(), 0,
    'the refused promise never reached the investor');
  assert.equal(await agentRow.locator('.fb-who').textContent(), '人工客服');
  assert.ok(streams.some((u) => /session_token=[0-9a-f]{64}/.test(u)),
    `during the handoff the widget streams with its token in the URL: ${streams}`);
  await investor.locator('#faqbot-widget .fb-status[data-state=claimed]', { hasText: AGENT_ID }).waitFor();
  await investor.screenshot({ path: path.join(SHOTS, 'faqbot-widget-agent.png') });
  // A reload restores the state line from GET …/messages.
  await investor.reload();
  await investor.getByRole('button', { name: /在线客服/ }).click();
  await investor.locator('#faqbot-widget .fb-status[data-state=claimed]', { hasText: AGENT_ID }).waitFor();

  // The investor answers; the agent sees it in the transcript.
  await ask(investor, '好的，谢谢');
  await agent.locator('#transcript .msg[data-role=investor]', { hasText: '好的，谢谢' }).waitFor({ timeout: 15000 });

  // ---------------------------------------------------------------- close: the bot answers again
  // The investor closes the panel (Escape); what arrives meanwhile is counted on the launcher.
  await w.input.press('Escape');
  await launcher.waitFor();
  await agent.locator('#resolution').fill('已解答提现到账时间');
  await agent.getByRole('button', { name: '结束会话' }).click();
  await agent.locator('#conv-status').filter({ hasText: '已结束' }).waitFor();
  await investor.getByRole('button', { name: /条新消息/ }).waitFor({ timeout: 20000 });
  await investor.getByRole('button', { name: /条新消息/ }).click();
  await w.messages('system').filter({ hasText: '人工服务已结束' }).waitFor();
  const botsAfterClose = await ask(investor, '充值有手续费吗？');
  await w.messages('bot').nth(botsAfterClose).waitFor();
  assert.equal(await w.status.getAttribute('data-state'), 'bot', 'the bot state once the bot answers again');

  // The reloaded page restores the conversation from the server.
  await investor.reload();
  await investor.getByRole('button', { name: /在线客服/ }).click();
  await w.messages('agent').filter({ hasText: '小王' }).waitFor();
  assert.equal(await investor.locator('#faqbot-widget .fb-msg[data-role=investor]', { hasText: 'onerror' }).locator('.fb-bubble').textContent(), XSS);
  assert.equal(await xssRan(investor), undefined);

  assert.deepEqual(investor.problems, [], 'no script errors or dialogs on the investor page');
  assert.deepEqual(agent.problems, [], 'no script errors or dialogs on the agent page');
  await investor.context().close();
  await agent.context().close();
});

test('the widget is keyboard usable and fits a phone screen',
     { skip: skipReason || false, timeout: 60000 }, async () => {
  const page = await newPage({ width: 390, height: 844 });
  await page.goto(ctx.base + '/');
  // Tab to the launcher from the page, open it with Enter, close with Escape.
  const launcher = page.getByRole('button', { name: /在线客服/ });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const input = page.locator('#faqbot-widget .fb-input');
  await input.waitFor();
  const box = await page.locator('#faqbot-widget .fb-panel').boundingBox();
  assert.ok(box.width >= 380 && box.width <= 390, `the panel takes the phone's width: ${box.width}`);
  await page.keyboard.type('怎么充值');
  await page.keyboard.press('Enter');
  await page.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'faqbot-widget-phone.png') });
  await page.keyboard.press('Escape');
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the widget works embedded on another origin (CORS)',
     { skip: skipReason || false, timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(ctx.otherOrigin + '/');
  const input = page.locator('#faqbot-widget .fb-input');
  await input.waitFor();  // data-open="true"
  await input.fill('提现手续费多少');
  await input.press('Enter');
  const answer = page.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').first();
  await answer.waitFor();
  assert.match(await answer.textContent(), /提现|手续费|元/);
  // A second message carries the session token: the preflight allows it.
  await input.fill('充值限额是多少');
  await input.press('Enter');
  await page.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').nth(1).waitFor();
  assert.equal(await page.evaluate(() => window.__faqbotWidget.api), ctx.base);
  // Styled under the partner's CSP (a constructed style sheet, not inline style).
  assert.equal(await page.locator('#faqbot-widget .fb-root').evaluate((e) => getComputedStyle(e).position), 'fixed');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the conversation survives a reload and a new tab, with the investor\'s own bubble masked',
     { skip: skipReason || false, timeout: 90000 }, async () => {
  const PHONE = '13812345678';
  const first = await newPage({ width: 1280, height: 800 });
  await first.goto(ctx.base + '/');
  await first.getByRole('button', { name: /在线客服/ }).click();
  const w = widget(first);
  await w.input.waitFor();
  await w.input.fill(`我的手机号${PHONE}，怎么充值`);
  await w.input.press('Enter');
  await first.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').first().waitFor();
  // The bubble shows what the server stored: the number masked, not what was typed.
  const bubble = w.messages('investor').first().locator('.fb-bubble');
  await first.waitForFunction((phone) => {
    const b = document.getElementById('faqbot-widget').shadowRoot.querySelector('.fb-msg[data-role=investor] .fb-bubble');
    return b && !b.textContent.includes(phone);
  }, PHONE);
  const shown = await bubble.textContent();
  assert.ok(!shown.includes(PHONE), `the bubble is masked: ${shown}`);
  const saved = await savedSession(first);
  const stored = await (await fetch(`${ctx.base}/v1/sessions/${saved.id}/messages`, {
    headers: { Authorization: `Bearer ${saved.token}` },
  })).json();
  assert.equal(shown, stored.messages[0].text, 'the bubble is the stored text');
  // Without the token the transcript is refused.
  assert.equal((await fetch(`${ctx.base}/v1/sessions/${saved.id}/messages`)).status, 401);
  await first.evaluate(() => { document.getElementById('faqbot-widget').shadowRoot.querySelector('.fb-log').scrollTop = 0; });
  await first.screenshot({ path: path.join(SHOTS, 'faqbot-widget-masked-desktop.png') });

  // A new tab of the same browser continues the same conversation, at phone size.
  const second = await first.context().newPage();
  second.problems = [];
  second.on('pageerror', (e) => second.problems.push(`pageerror: ${e.message}`));
  await second.setViewportSize({ width: 390, height: 844 });
  await second.goto(ctx.base + '/');
  await second.getByRole('button', { name: /在线客服/ }).click();
  const restored = widget(second).messages('investor').first().locator('.fb-bubble');
  await restored.waitFor();
  assert.equal(await restored.textContent(), shown);
  await second.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').first().waitFor();
  // It posts into the same session with the stored token.
  await widget(second).input.fill("提现多久到账");
  await widget(second).input.press('Enter');
  await second.waitForFunction(() =>
    document.getElementById('faqbot-widget').shadowRoot.querySelectorAll('.fb-msg[data-role=investor]').length >= 2);
  await second.locator('#faqbot-widget .fb-msg[data-role=bot][data-message-id]').nth(1).waitFor();
  assert.equal((await savedSession(second)).id, saved.id, 'the same session continues');
  await second.screenshot({ path: path.join(SHOTS, 'faqbot-widget-masked-phone.png') });
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await first.context().close();
});
