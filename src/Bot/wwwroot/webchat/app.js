// The resident page: renders what the bot says (text, buttons, photos, suggested actions) and sends text,
// button presses, the browser's location and photos over Direct Line.
(() => {
  const $ = id => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const official = params.get('official');
  let lang = localStorage.getItem('residentbot.lang') || 'vi';
  if (!window.ResidentBotTexts[lang]) lang = 'vi';
  const t = key => window.ResidentBotTexts[lang][key];
  const labels = new Map();

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
    $('lang').textContent = t('switchTo');
    if (official) document.title = `${t('official')} · ${document.title}`;
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
    if (text) { const p = document.createElement('p'); p.textContent = text; div.appendChild(p); }
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
    $('log').appendChild(div);
    div.scrollIntoView({ block: 'end' });
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
    if (!navigator.geolocation) return status(t('noGeo'));
    navigator.geolocation.getCurrentPosition(
      p => send({ entities: [{ type: 'GeoCoordinates', latitude: p.coords.latitude, longitude: p.coords.longitude }] }),
      () => status(t('noGeo')), { enableHighAccuracy: true, timeout: 15000 });
  }

  function status(text) {
    let s = $('status');
    if (!s) { s = document.createElement('div'); s.id = 'status'; document.body.appendChild(s); }
    s.textContent = text || ''; s.hidden = !text;
  }

  const client = new window.DirectLineClient({
    tokenUrl: official ? `/webchat/demo/officials/${encodeURIComponent(official)}/token` : '/webchat/token',
    storageKey: official ? `residentbot.webchat.official.${official}` : `residentbot.webchat.${params.get('demo') || 'resident'}`,
    onActivity: a => { if (a.type === 'message') { bubble(a); suggested(a); } },
    onStatus: s => status(s === 'online' ? '' : t('offline'))
  });

  async function send(activity) {
    try { await client.post(activity); } catch (e) { status(e.message); }
  }

  $('composer').onsubmit = e => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    $('text').value = '';
    send({ text });
  };
  $('locate').onclick = shareLocation;
  $('photo').onchange = async () => {
    const file = $('photo').files[0];
    $('photo').value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) return status(t('tooBig'));
    try { await client.upload(file, $('text').value.trim()); $('text').value = ''; } catch (e) { status(e.message); }
  };
  $('lang').onclick = () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('residentbot.lang', lang); applyLanguage(); };

  applyLanguage();
  status(t('connecting'));
  // A new conversation opens with /start, as Telegram's Start button does, so the bot greets first.
  client.start().then(kind => { status(''); if (kind === 'new') send({ text: '/start' }); }).catch(e => status(e.message));
})();
