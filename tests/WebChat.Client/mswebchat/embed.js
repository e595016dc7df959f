// How a city's site embeds Microsoft's Web Chat (the botframework-webchat bundle) against ResidentBot: it asks
// the bot's host for a token and points Direct Line at it. window.sends records what Web Chat's store says about
// each outgoing activity (pending, fulfilled = posted and echoed, impeded/rejected = "Send failed").
(async () => {
  const bot = new URLSearchParams(location.search).get('bot');
  window.sends = { pending: 0, fulfilled: 0, failed: [] };
  const store = window.WebChat.createStore({}, () => next => action => {
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING') window.sends.pending++;
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') window.sends.fulfilled++;
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY_IMPEDED' || action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') {
      window.sends.failed.push(action.type);
    }
    return next(action);
  });
  const response = await fetch(`${bot}/webchat/token`, { method: 'POST' });
  const { token } = await response.json();
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ token, domain: `${bot}/v3/directline` }),
    store,
    locale: 'vi-VN',
    styleOptions: { sendTimeout: 20000, sendAttachmentOn: 'attach' },
  }, document.getElementById('webchat'));
  window.webChatStore = store;
})();
