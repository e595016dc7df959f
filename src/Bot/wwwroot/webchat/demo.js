// The demo: pick an official of the sample directory and see their chat, side by side with a resident's.
(async () => {
  const select = document.getElementById('official');
  const pane = document.getElementById('officialPane');
  const officials = await (await fetch('/webchat/demo/officials')).json();
  for (const o of officials) {
    const option = document.createElement('option');
    option.value = o.id; option.textContent = `${o.title} — ${o.fullName}`;
    select.appendChild(option);
  }
  const show = id => { pane.src = id ? `/?official=${encodeURIComponent(id)}` : 'about:blank'; };
  select.onchange = () => { localStorage.setItem('residentbot.demo.official', select.value); show(select.value); };
  const last = localStorage.getItem('residentbot.demo.official') || new URLSearchParams(location.search).get('official');
  if (last && officials.some(o => String(o.id) === last)) { select.value = last; show(last); }
})();
