// The resident page: renders what the bot says (text, buttons, photos, suggested actions) and sends text,
// button presses, the browser's location and photos over Direct Line.
(() => {
  const $ = id => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const official = params.get('official');
  const texts = window.ResidentBotTexts;
  // Vietnamese unless the resident chose English here: many residents' phones are set to English.
  let lang = localStorage.getItem('residentbot.lang') || 'vi';
  if (!texts[lang]) lang = 'vi';
  const t = key => texts[lang][key];
  const labels = new Map();
  const log = $('log');
  // A tracking code such as HD-2026-000123 (src/Routing/Cases/TrackingCode.cs) stays on one line.
  const trackingCode = /\b[A-Z]{1,10}-\d{4}-\d{6,}\b/g;

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
    $('lang').textContent = t('switchTo');
    document.title = official ? `${t('official')} · ${t('title')}` : t('title');
    count();
  }

  function setLanguage(next) {
    if (!texts[next] || next === lang) return;
    lang = next; localStorage.setItem('residentbot.lang', lang); applyLanguage();
  }

  // The newest message stays in view while the log changes (a new or edited message, a photo loading, the
  // suggested actions below growing), unless the reader has scrolled up to read older ones.
  let pinned = true;
  const keepNewestInView = () => { if (pinned) log.scrollTop = log.scrollHeight; };
  log.addEventListener('scroll', () => { pinned = log.scrollTop + log.clientHeight >= log.scrollHeight - 24; });
  log.addEventListener('load', keepNewestInView, true);
  new ResizeObserver(keepNewestInView).observe(log);
  new MutationObserver(keepNewestInView).observe(log, { childList: true, subtree: true, characterData: true });

  function paragraph(text) {
    const p = document.createElement('p');
    let at = 0;
    for (const m of text.matchAll(trackingCode)) {
      p.append(text.slice(at, m.index));
      const code = document.createElement('span'); code.className = 'code'; code.textContent = m[0];
      p.append(code); at = m.index + m[0].length;
    }
    p.append(text.slice(at));
    return p;
  }

  function bubble(activity) {
    const mine = activity.from && activity.from.role === 'user';
    const div = document.createElement('div');
    div.className = 'msg ' + (mine ? 'me' : 'bot');
    div.dataset.id = activity.id;
    // The bot's text is escaped Markdown (what Direct Line clients render); shown raw, each escape is dropped.
    let text = activity.textFormat === 'markdown' ? (activity.text || '').replace(/\\([\s\S])/g, '$1') : (activity.text || '');
    if (mine && !text && activity.value && activity.value.data) text = '▸ ' + (labels.get(activity.value.data) || '…');
    if (mine && !text && (activity.entities || []).some(e => e.type === 'GeoCoordinates')) text = t('myLocation');
    if (text) div.appendChild(paragraph(text));
    for (const a of activity.attachments || []) {
      if ((a.contentType || '').startsWith('image/') && a.contentUrl) {
        const img = document.createElement('img'); img.src = a.contentUrl; img.alt = t('myPhoto'); div.appendChild(img);
      } else if (a.contentType === 'application/vnd.microsoft.card.hero') {
        div.appendChild(buttons((a.content && a.content.buttons) || []));
      }
    }
    // An edit (e.g. a card whose buttons were used) replaces the message it edits.
    const edited = activity.channelData && activity.channelData.editOf
      && document.querySelector(`[data-id="${CSS.escape(activity.channelData.editOf)}"]`);
    if (edited) { div.dataset.id = edited.dataset.id; edited.replaceWith(div); return; }
    log.appendChild(div);
  }

  function buttons(list) {
    const row = document.createElement('div');
    row.className = 'buttons';
    for (const b of list) {
      const button = document.createElement('button');
      button.type = 'button'; button.textContent = b.title;
      if (b.value && b.value.data) labels.set(b.value.data, b.title);
      button.onclick = () => press(b);
      row.appendChild(button);
    }
    return row;
  }

  function press(action) {
    if (action.type === 'imBack') return send({ text: action.value });
    if (action.value && action.value.action === 'shareLocation') return shareLocation();
    return send({ value: action.value, channelData: { messageBack: { displayText: action.displayText || action.title } } });
  }

  function suggested(activity) {
    const box = $('suggested');
    if (!activity.from || activity.from.role !== 'bot') return;
    const actions = (activity.suggestedActions && activity.suggestedActions.actions) || [];
    const keyboard = activity.channelData && activity.channelData.keyboard;
    if (actions.length === 0 && keyboard !== 'Remove' && keyboard !== 'RequestLocation') return;
    box.replaceChildren(...actions.map(a => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.value && a.value.action === 'shareLocation' && a.title === '📍' ? t('shareLocation') : a.title;
      b.onclick = () => { box.replaceChildren(); press(a); };
      return b;
    }));
  }

  function shareLocation() {
    if (!navigator.geolocation) return toast(t('noGeo'));
    navigator.geolocation.getCurrentPosition(
      p => send({ entities: [{ type: 'GeoCoordinates', latitude: p.coords.latitude, longitude: p.coords.longitude }] }),
      () => toast(t('noGeo')), { enableHighAccuracy: true, timeout: 15000 });
  }

  // The connection state stays shown until it changes; anything else is a notice that goes away by itself.
  let toastTimer;
  function status(text) {
    clearTimeout(toastTimer);
    const s = $('status'); s.textContent = text || ''; s.hidden = !text;
  }
  function toast(text) { status(text); toastTimer = setTimeout(() => status(''), 6000); }
  $('status').onclick = () => status('');

  // What the resident reads when the host refuses a post or an upload, never a bare status code.
  function refused(error) {
    toast(t({ 413: 'tooBig', 415: 'notPhoto', 429: 'tooFast' }[error.status] || 'sendFailed'));
  }

  const client = new window.DirectLineClient({
    tokenUrl: official ? `/webchat/demo/officials/${encodeURIComponent(official)}/token` : '/webchat/token',
    storageKey: official ? `residentbot.webchat.official.${official}` : `residentbot.webchat.${params.get('demo') || 'resident'}`,
    capabilities: { shareLocation: 'geolocation' in navigator },
    onActivity: a => {
      if (a.type !== 'message') return;
      // The bot says which language it now speaks; the page follows, so one switch changes both.
      if (a.from && a.from.role === 'bot' && a.locale) setLanguage(a.locale.slice(0, 2));
      bubble(a); suggested(a);
    },
    onStatus: s => status(s === 'online' ? '' : t('offline'))
  });

  async function send(activity) {
    pinned = true;
    try { await client.post(activity); } catch (e) { refused(e); }
  }

  const input = $('text');
  const max = input.maxLength;
  function count() {
    const n = input.value.length, c = $('count');
    const format = v => v.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
    c.hidden = n < max * 0.9;
    c.classList.toggle('full', n >= max);
    c.textContent = n >= max ? t('limit').replace('{max}', format(max)) : `${format(n)}/${format(max)}`;
  }
  function grow() { input.style.height = 'auto'; input.style.height = Math.min(input.scrollHeight, 160) + 'px'; }
  input.addEventListener('input', () => { count(); grow(); });
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); $('composer').requestSubmit(); }
  });

  $('composer').onsubmit = e => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = ''; count(); grow();
    send({ text });
  };
  $('locate').onclick = shareLocation;
  $('photo').onchange = async () => {
    const file = $('photo').files[0];
    $('photo').value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) return toast(t('tooBig'));
    pinned = true;
    try { await client.upload(file, input.value.trim()); input.value = ''; count(); grow(); } catch (e) { refused(e); }
  };
  // The page's switch also switches the bot: the event is answered like /lang, without a bubble.
  $('lang').onclick = () => {
    setLanguage(lang === 'vi' ? 'en' : 'vi');
    client.post({ type: 'event', name: 'webchat/language', value: lang }).catch(refused);
  };

  applyLanguage();
  status(t('connecting'));
  // A new conversation joins with an event the bot answers like /start, so it greets first and no "/start" bubble shows.
  client.start()
    .then(kind => { status(''); if (kind === 'new') return client.post({ type: 'event', name: 'webchat/join' }); })
    .catch(() => status(t('offline')));
})();
