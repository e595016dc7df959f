// A small Direct Line 3.0 client: start or resume a conversation, receive over WebSocket (polling as a fallback),
// post activities and upload photos. Same protocol as Microsoft's botframework-directlinejs. Every activity carries
// channelData.capabilities: what this client can do when the bot asks (e.g. shareLocation); absent means it cannot.
window.DirectLineClient = class DirectLineClient {
  constructor({ tokenUrl, storageKey, capabilities, onActivity, onStatus }) {
    this.tokenUrl = tokenUrl; this.storageKey = storageKey; this.capabilities = capabilities || {};
    this.onActivity = onActivity; this.onStatus = onStatus || (() => {});
    this.base = location.origin + '/v3/directline';
    this.watermark = ''; this.seen = new Set();
  }

  async start() {
    const saved = JSON.parse(localStorage.getItem(this.storageKey) || 'null');
    if (saved && await this.resume(saved)) return 'resumed';
    const minted = await this.json(this.tokenUrl, { method: 'POST' }, false);
    this.token = minted.token;
    const conv = await this.json(this.base + '/conversations', { method: 'POST' });
    this.adopt(conv);
    this.connect();
    setInterval(() => this.refresh(), 10 * 60 * 1000);
    return 'new';
  }

  async resume(saved) {
    this.token = saved.token; this.conversationId = saved.conversationId;
    try {
      const refreshed = await this.json(this.base + '/tokens/refresh', { method: 'POST' });
      this.token = refreshed.token;
      const conv = await this.json(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}?watermark=`);
      this.adopt(conv); this.connect();
      setInterval(() => this.refresh(), 10 * 60 * 1000);
      return true;
    } catch { localStorage.removeItem(this.storageKey); return false; }
  }

  adopt(conv) {
    this.conversationId = conv.conversationId; this.token = conv.token; this.streamUrl = conv.streamUrl;
    localStorage.setItem(this.storageKey, JSON.stringify({ conversationId: this.conversationId, token: this.token }));
  }

  async refresh() {
    try {
      const r = await this.json(this.base + '/tokens/refresh', { method: 'POST' });
      this.token = r.token;
      localStorage.setItem(this.storageKey, JSON.stringify({ conversationId: this.conversationId, token: this.token }));
    } catch { /* the next request tells */ }
  }

  connect() {
    if (!('WebSocket' in window)) return this.poll();
    const ws = new WebSocket(this.streamUrl);
    ws.onopen = () => this.onStatus('online');
    ws.onmessage = m => m.data && this.receive(JSON.parse(m.data));
    ws.onclose = () => { this.onStatus('offline'); setTimeout(() => this.reconnect(), 2000); };
  }

  async reconnect() {
    try {
      const conv = await this.json(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}?watermark=${this.watermark}`);
      this.adopt(conv); this.connect();
    } catch { setTimeout(() => this.reconnect(), 5000); }
  }

  async poll() {
    for (;;) {
      try {
        this.receive(await this.json(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities?watermark=${this.watermark}`));
        this.onStatus('online');
      } catch { this.onStatus('offline'); }
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  receive(set) {
    if (set.watermark) this.watermark = set.watermark;
    for (const a of set.activities || []) {
      // An edit comes again with the id of the message it replaces.
      if (this.seen.has(a.id) && !(a.channelData && a.channelData.editOf)) continue;
      this.seen.add(a.id); this.onActivity(a);
    }
  }

  post(activity) {
    return this.json(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message', from: { id: 'me', role: 'user' }, locale: document.documentElement.lang, ...activity,
        channelData: { ...(activity.channelData || {}), capabilities: this.capabilities }
      })
    });
  }

  upload(file, text) {
    const form = new FormData();
    const activity = { type: 'message', text: text || '', locale: document.documentElement.lang, channelData: { capabilities: this.capabilities } };
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', file, file.name || 'photo');
    return this.json(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/upload?userId=me`, { method: 'POST', body: form });
  }

  async json(url, init = {}, auth = true) {
    const headers = { ...(init.headers || {}) };
    if (auth) headers.Authorization = 'Bearer ' + this.token;
    const response = await fetch(url, { ...init, headers });
    if (!response.ok) throw Object.assign(new Error('HTTP ' + response.status), { status: response.status });
    return response.json();
  }
};
