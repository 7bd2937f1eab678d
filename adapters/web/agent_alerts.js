/*
 * New-ticket alerts of the agent console, used by agent.js through
 * window.FaqbotAlerts:
 *   - a short two-tone beep made with WebAudio (no sound file), when sound is
 *     on (the agent's choice, kept in localStorage);
 *   - a desktop notification, once the agent has allowed them;
 *   - the number of waiting tickets in the tab title: "(3) faqbot 坐席工作台".
 * update(summary) takes each GET /v1/handoffs/summary answer: the title
 * follows the live count, and a ticket id not seen before raises one alert
 * (the first summary after login only learns what is already waiting).
 */
(function () {
  'use strict';

  var SOUND_KEY = 'faqbot.agentSound';
  var baseTitle = document.title;
  var audio = null;
  var seen = null;  // waiting ticket ids already known; null until the first summary
  var stats = { alerts: 0, beeps: 0, notifications: 0 };

  function soundOn() {
    try { return localStorage.getItem(SOUND_KEY) !== 'off'; } catch (e) { return true; }
  }
  function setSound(on) {
    try { localStorage.setItem(SOUND_KEY, on ? 'on' : 'off'); } catch (e) { /* this page only */ }
  }

  // Browsers start audio only after a user gesture: called on the login
  // click and on any click in the console.
  function unlockAudio() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) {
      try { audio = new Ctx(); } catch (e) { audio = null; return; }
    }
    if (audio.state === 'suspended' && audio.resume) audio.resume();
  }

  function tone(freq, start, length) {
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(start);
    osc.stop(start + length + 0.02);
  }

  function beep() {
    if (!soundOn()) return;
    unlockAudio();
    if (!audio) return;
    var t = audio.currentTime;
    tone(880, t, 0.16);
    tone(660, t + 0.2, 0.22);
    stats.beeps += 1;
  }

  function notificationsAllowed() {
    return 'Notification' in window && Notification.permission === 'granted';
  }

  function requestPermission() {
    if (!('Notification' in window)) return Promise.resolve('unsupported');
    if (Notification.permission !== 'default') return Promise.resolve(Notification.permission);
    return Promise.resolve(Notification.requestPermission());
  }

  function notify(fresh, counts) {
    if (!notificationsAllowed()) return;
    var body = '等待中 ' + counts.waiting + ' 位';
    if (counts.waiting_high) body += '，其中高优先级 ' + counts.waiting_high + ' 位';
    try {
      var n = new Notification('有 ' + fresh.length + ' 位新客户等待接入', {
        body: body, tag: 'faqbot-new-ticket', renotify: true
      });
      n.onclick = function () { window.focus(); n.close(); };
      stats.notifications += 1;
    } catch (e) { /* some browsers allow notifications only from a service worker */ }
  }

  function setTitle(waiting) {
    document.title = waiting > 0 ? '(' + waiting + ') ' + baseTitle : baseTitle;
  }

  // Returns the ticket ids that are new since the last summary.
  function update(summary) {
    var counts = (summary && summary.counts) || { waiting: 0 };
    var ids = (summary && summary.waiting_ids) || [];
    setTitle(counts.waiting || 0);
    if (seen === null) {
      seen = {};
      ids.forEach(function (id) { seen[id] = true; });
      return [];
    }
    var fresh = ids.filter(function (id) { return !seen[id]; });
    ids.forEach(function (id) { seen[id] = true; });
    if (fresh.length) {
      stats.alerts += 1;
      beep();
      notify(fresh, counts);
    }
    return fresh;
  }

  function reset() {
    seen = null;
    setTitle(0);
  }

  window.FaqbotAlerts = {
    update: update, reset: reset, unlockAudio: unlockAudio, requestPermission: requestPermission,
    notificationsAllowed: notificationsAllowed, soundOn: soundOn, setSound: setSound, stats: stats
  };
})();
