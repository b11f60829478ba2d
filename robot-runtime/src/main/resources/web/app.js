// The robot's live view: state and events over one WebSocket; typing, push-to-talk, E-STOP and style go back on it.
// No libraries, nothing from the network but this page's own server.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const view = { world: null, robot: null, trail: [], estop: false, mode: 'run', bounds: null };
  let ws = null;
  let retry = 500;

  // ---------- connection ----------
  function connect() {
    ws = new WebSocket(`ws://${location.host}/ws`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => { setPill($('conn'), 'live', true); retry = 500; };
    ws.onclose = () => {
      setPill($('conn'), 'reconnecting', false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
    ws.onmessage = (m) => {
      let msg;
      try { msg = JSON.parse(m.data); } catch (e) { return; }
      if (msg.type === 'hello') hello(msg);
      else if (msg.type === 'state') state(msg);
      else if (msg.type === 'event') addEvent(msg.event);
    };
  }

  function send(obj) {
    if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(obj)); return true; }
    localEvent('error', { source: 'page', message: 'not connected to the robot; try again in a moment' });
    return false;
  }

  function setPill(el, text, ok) {
    el.textContent = text;
    el.classList.toggle('off', !ok);
  }

  // ---------- messages ----------
  function hello(msg) {
    view.world = msg.world;
    view.mode = msg.mode;
    $('robot-id').textContent = msg.robotId;
    $('mode').textContent = msg.mode === 'sim' ? 'simulator only' : 'robot run';
    $('style-tone').value = msg.style.tone;
    $('style-detail').value = msg.style.detail;
    $('style-level').value = msg.style.speechLevel;
    $('ptt-note').textContent = msg.voice.available ? '' : msg.voice.reason;
    $('log').textContent = '';
    for (const e of msg.history) addEvent(e);
    if (msg.mode === 'sim') {
      $('say-text').placeholder = 'robot sim has no brain: use robot run to talk';
    }
    draw();
  }

  function fmt(v, digits) { return (typeof v === 'number') ? v.toFixed(digits) : '–'; }

  function state(msg) {
    view.estop = !!msg.estop;
    document.body.classList.toggle('estopped', view.estop);
    $('estop-banner').hidden = !view.estop;
    $('estop-reset').disabled = !view.estop;
    const ctl = msg.controller || 'unknown';
    setPill($('controller'), 'controller ' + ctl, ctl === 'online');
    const s = msg.state;
    if (!s) return;
    view.robot = s;
    $('pose-x').textContent = fmt(s.x, 2);
    $('pose-y').textContent = fmt(s.y, 2);
    $('pose-heading').textContent = fmt(s.headingDeg, 1);
    $('speed').textContent = fmt(s.speedMps, 2);
    $('activity').textContent = s.activity;
    $('queued').textContent = s.queued;
    $('posture').textContent = s.pose;
    $('gesture').textContent = s.gesture || '–';
    $('head-pan').textContent = fmt(s.headPanDeg, 0);
    $('head-tilt').textContent = fmt(s.headTiltDeg, 0);
    $('collision').textContent = s.collision || 'none';
    $('collision').classList.toggle('hit', !!s.collision);
    if (typeof s.batteryPercent === 'number') {
      $('battery').textContent = s.batteryPercent.toFixed(1) + ' %';
      const fill = $('battery-fill');
      fill.style.width = Math.max(0, Math.min(100, s.batteryPercent)) + '%';
      fill.className = s.batteryPercent <= 0 ? 'empty' : (s.batteryPercent < 20 ? 'low' : '');
    }
    const last = view.trail[view.trail.length - 1];
    if (!last || Math.hypot(last[0] - s.x, last[1] - s.y) > 0.01) {
      view.trail.push([s.x, s.y]);
      if (view.trail.length > 5000) view.trail.shift();
    }
    draw();
  }

  // ---------- event log ----------
  function intentText(i) {
    if (!i) return '';
    switch (i.type) {
      case 'move': return `move ${i.distanceM} m at ${i.speedMps} m/s`;
      case 'turn': return `turn ${i.angleDeg}° at ${i.rateDegPerS}°/s`;
      case 'gesture': return `gesture ${i.name}`;
      case 'look': return `look pan ${i.panDeg}° tilt ${i.tiltDeg}°`;
      case 'pose': return `pose ${i.pose}`;
      case 'speak': return `speak [${i.language}] ${i.text}`;
      default: return i.type;
    }
  }

  function eventText(e) {
    switch (e.event) {
      case 'ready': return `robot ${e.robotId} ready on ${e.brokerUri}${e.simulator ? ' with the simulator' : ''}`;
      case 'utterance': return `[${e.language}] "${e.text}" (${e.source})`;
      case 'intents': return `[${e.language}] ${e.path}: ${(e.intents || []).map(intentText).join(', ') || 'no command'}`;
      case 'reply': return `[${e.language}] ${e.text}`;
      case 'command': return intentText(e.intent);
      case 'ack': return e.status + (e.reason ? ': ' + e.reason : '');
      case 'state': return `${e.activity} at (${fmt(e.x, 2)}, ${fmt(e.y, 2)}) ${fmt(e.headingDeg, 0)}°, ${e.pose}${e.gesture ? ', ' + e.gesture : ''}`;
      case 'error': return `${e.source}: ${e.message}`;
      case 'safety': return `${e.decision}${e.code ? ' [' + e.code + ']' : ''}${e.reason ? ': ' + e.reason : ''}`
        + (e.adjusted ? ' → ' + intentText(e.adjusted) : (e.intent ? ' (' + intentText(e.intent) + ')' : ''));
      case 'style': return `tone ${e.tone}, detail ${e.detail}, Korean ${e.speechLevel}`;
      case 'status': return `${e.component} ${e.state}`;
      case 'stopped': return e.reason || '';
      default: {
        const copy = Object.assign({}, e);
        delete copy.event;
        return JSON.stringify(copy);
      }
    }
  }

  const KIND_LABEL = { utterance: 'heard', intents: 'intents', reply: 'says', command: 'command', ack: 'ack',
    state: 'state', error: 'error', safety: 'safety', style: 'style', ready: 'ready', stopped: 'stopped', status: 'status' };

  function addEvent(e) {
    if (!e || !e.event) return;
    const log = $('log');
    const row = document.createElement('div');
    row.className = 'ev ev-' + e.event;
    row.dataset.kind = e.event;
    const t = document.createElement('span');
    t.className = 't';
    t.textContent = new Date().toLocaleTimeString([], { hour12: false });
    const k = document.createElement('span');
    k.className = 'k';
    k.textContent = KIND_LABEL[e.event] || e.event;
    const m = document.createElement('span');
    m.className = 'm';
    m.textContent = eventText(e);
    row.append(t, k, m);
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 30;
    log.appendChild(row);
    while (log.childElementCount > 500) log.removeChild(log.firstChild);
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function localEvent(kind, fields) { addEvent(Object.assign({ event: kind }, fields)); }

  // ---------- map ----------
  function worldBounds() {
    const pts = [];
    const w = view.world;
    if (w) {
      pts.push([w.start.x, w.start.y]);
      for (const p of w.walls || []) pts.push(p);
      for (const o of w.obstacles || []) {
        if (o.shape === 'circle' || (o.shape === undefined && o.radius !== undefined)) { pts.push([o.x - o.radius, o.y - o.radius], [o.x + o.radius, o.y + o.radius]); }
        else { pts.push([o.x - o.width / 2, o.y - o.height / 2], [o.x + o.width / 2, o.y + o.height / 2]); }
      }
    }
    for (const p of view.trail) pts.push(p);
    if (view.robot) pts.push([view.robot.x, view.robot.y]);
    if (pts.length === 0) pts.push([0, 0]);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of pts) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
    const pad = 1.5;
    const b = { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
    // never shrink while running, so the picture does not jump
    if (view.bounds) {
      b.minX = Math.min(b.minX, view.bounds.minX); b.minY = Math.min(b.minY, view.bounds.minY);
      b.maxX = Math.max(b.maxX, view.bounds.maxX); b.maxY = Math.max(b.maxY, view.bounds.maxY);
    }
    view.bounds = b;
    return b;
  }

  let pending = false;
  function draw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; paint(); });
  }

  function paint() {
    const canvas = $('map');
    const dpr = window.devicePixelRatio || 1;
    const cw = canvas.clientWidth, ch = canvas.clientHeight;
    if (cw === 0 || ch === 0) return;
    if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) {
      canvas.width = Math.round(cw * dpr); canvas.height = Math.round(ch * dpr);
    }
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, cw, ch);
    const b = worldBounds();
    const scale = Math.min(cw / (b.maxX - b.minX), ch / (b.maxY - b.minY));
    const ox = (cw - (b.maxX - b.minX) * scale) / 2, oy = (ch - (b.maxY - b.minY) * scale) / 2;
    const X = (x) => ox + (x - b.minX) * scale;
    const Y = (y) => ch - oy - (y - b.minY) * scale; // +y is up on the page
    // grid
    g.lineWidth = 1;
    for (let x = Math.ceil(b.minX); x <= b.maxX; x++) {
      g.strokeStyle = x === 0 ? '#c9c9c0' : '#ecece6';
      g.beginPath(); g.moveTo(X(x), Y(b.minY)); g.lineTo(X(x), Y(b.maxY)); g.stroke();
    }
    for (let y = Math.ceil(b.minY); y <= b.maxY; y++) {
      g.strokeStyle = y === 0 ? '#c9c9c0' : '#ecece6';
      g.beginPath(); g.moveTo(X(b.minX), Y(y)); g.lineTo(X(b.maxX), Y(y)); g.stroke();
    }
    $('scale').textContent = 'grid 1 m';
    const w = view.world;
    if (w) {
      const poly = (pts) => { g.beginPath(); pts.forEach(([x, y], i) => (i ? g.lineTo(X(x), Y(y)) : g.moveTo(X(x), Y(y)))); g.closePath(); };
      if (w.safetyFence && w.safetyFence.length >= 3) {
        g.setLineDash([8, 6]); g.strokeStyle = '#e67e22'; g.lineWidth = 2; poly(w.safetyFence); g.stroke(); g.setLineDash([]);
      }
      if (w.walls && w.walls.length >= 3) { g.strokeStyle = '#333'; g.lineWidth = 4; poly(w.walls); g.stroke(); }
      g.font = '12px system-ui, sans-serif';
      for (const o of w.obstacles || []) {
        g.fillStyle = '#9aa0a6'; g.strokeStyle = '#5f6368'; g.lineWidth = 1.5;
        if (o.shape === 'circle' || (o.shape === undefined && o.radius !== undefined)) {
          g.beginPath(); g.arc(X(o.x), Y(o.y), o.radius * scale, 0, 2 * Math.PI); g.fill(); g.stroke();
        } else {
          g.fillRect(X(o.x - o.width / 2), Y(o.y + o.height / 2), o.width * scale, o.height * scale);
          g.strokeRect(X(o.x - o.width / 2), Y(o.y + o.height / 2), o.width * scale, o.height * scale);
        }
        g.fillStyle = '#222'; g.textAlign = 'center'; g.fillText(o.name, X(o.x), Y(o.y) + 4);
      }
      // start
      g.strokeStyle = '#999'; g.lineWidth = 1;
      const sx = X(w.start.x), sy = Y(w.start.y);
      g.beginPath(); g.moveTo(sx - 5, sy); g.lineTo(sx + 5, sy); g.moveTo(sx, sy - 5); g.lineTo(sx, sy + 5); g.stroke();
    }
    // trail
    if (view.trail.length > 1) {
      g.strokeStyle = '#2b6fd6'; g.lineWidth = 2; g.beginPath();
      view.trail.forEach(([x, y], i) => (i ? g.lineTo(X(x), Y(y)) : g.moveTo(X(x), Y(y))));
      g.stroke();
    }
    // robot
    const r = view.robot;
    if (r) {
      const radius = ((w && w.radius) || 0.25) * scale;
      const h = r.headingDeg * Math.PI / 180;
      const cx = X(r.x), cy = Y(r.y);
      g.fillStyle = r.collision || view.estop ? '#ff6b6b' : '#ffd24d';
      g.strokeStyle = '#333'; g.lineWidth = 2;
      g.beginPath(); g.arc(cx, cy, radius, 0, 2 * Math.PI); g.fill(); g.stroke();
      // heading arrow
      g.beginPath(); g.moveTo(cx, cy); g.lineTo(cx + Math.cos(h) * radius * 1.6, cy - Math.sin(h) * radius * 1.6); g.stroke();
      const tip = [cx + Math.cos(h) * radius * 1.6, cy - Math.sin(h) * radius * 1.6];
      g.beginPath();
      g.moveTo(tip[0], tip[1]);
      g.lineTo(tip[0] - Math.cos(h - 0.5) * 9, tip[1] + Math.sin(h - 0.5) * 9);
      g.lineTo(tip[0] - Math.cos(h + 0.5) * 9, tip[1] + Math.sin(h + 0.5) * 9);
      g.closePath(); g.fillStyle = '#333'; g.fill();
      // head direction
      const hh = h + (r.headPanDeg || 0) * Math.PI / 180;
      g.strokeStyle = '#8e44ad'; g.lineWidth = 2;
      g.beginPath(); g.moveTo(cx, cy); g.lineTo(cx + Math.cos(hh) * radius * 2.4, cy - Math.sin(hh) * radius * 2.4); g.stroke();
      // posture and gesture next to it
      g.fillStyle = '#222'; g.font = '12px system-ui, sans-serif'; g.textAlign = 'left';
      g.fillText(r.pose + (r.gesture ? ' · ' + r.gesture : ''), cx + radius + 6, cy - radius - 4);
    }
  }

  // ---------- controls ----------
  $('say-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = $('say-text').value.trim();
    if (text && send({ type: 'say', text })) $('say-text').value = '';
  });
  $('estop').addEventListener('click', () => {
    send({ type: 'estop' });
    document.body.classList.add('estopped');
  });
  $('estop-reset').addEventListener('click', () => send({ type: 'reset' }));
  for (const id of ['style-tone', 'style-detail', 'style-level']) {
    $(id).addEventListener('change', () => send({
      type: 'style', tone: $('style-tone').value, detail: $('style-detail').value, speechLevel: $('style-level').value,
    }));
  }

  // push-to-talk: 16 kHz mono 16-bit PCM as binary frames while the button is held
  const ptt = { on: false, stream: null, ctx: null, node: null, token: 0 };
  function toPcm16(input, fromRate) {
    const ratio = fromRate / 16000;
    const n = Math.floor(input.length / ratio);
    const out = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      const v = Math.max(-1, Math.min(1, input[Math.floor(i * ratio)]));
      out[i] = v < 0 ? v * 0x8000 : v * 0x7fff;
    }
    return out;
  }
  async function pttStart() {
    if (ptt.on) return;
    if (!send({ type: 'ptt', action: 'start' })) return;
    ptt.on = true;
    const token = ++ptt.token;
    $('ptt').classList.add('active');
    $('ptt').textContent = 'Listening… release to send';
    // made while the press still counts as a user gesture, so the browser lets it run
    const ctx = new AudioContext({ sampleRate: 16000 });
    ptt.ctx = ctx;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      if (token !== ptt.token || !ptt.on) { stream.getTracks().forEach((t) => t.stop()); ctx.close(); return; }
      await ctx.resume();
      const source = ctx.createMediaStreamSource(stream);
      const node = ctx.createScriptProcessor(2048, 1, 1);
      node.onaudioprocess = (e) => {
        if (!ptt.on || !ws || ws.readyState !== WebSocket.OPEN) return;
        ws.send(toPcm16(e.inputBuffer.getChannelData(0), ctx.sampleRate).buffer);
      };
      source.connect(node);
      node.connect(ctx.destination);
      Object.assign(ptt, { stream, node });
    } catch (err) {
      localEvent('error', { source: 'microphone', message: String(err && err.message || err) });
      pttStop();
    }
  }
  function pttStop() {
    if (!ptt.on) return;
    ptt.on = false;
    ptt.token++;
    $('ptt').classList.remove('active');
    $('ptt').textContent = 'Hold to talk';
    if (ptt.node) ptt.node.disconnect();
    if (ptt.ctx) ptt.ctx.close();
    if (ptt.stream) ptt.stream.getTracks().forEach((t) => t.stop());
    Object.assign(ptt, { stream: null, ctx: null, node: null });
    send({ type: 'ptt', action: 'stop' });
  }
  const pttButton = $('ptt');
  pttButton.addEventListener('pointerdown', (e) => { e.preventDefault(); pttStart(); });
  for (const ev of ['pointerup', 'pointerleave', 'pointercancel']) pttButton.addEventListener(ev, pttStop);
  pttButton.addEventListener('keydown', (e) => { if (e.code === 'Space' && !e.repeat) { e.preventDefault(); pttStart(); } });
  pttButton.addEventListener('keyup', (e) => { if (e.code === 'Space') pttStop(); });

  window.addEventListener('resize', draw);
  window.addEventListener('error', (e) => localEvent('error', { source: 'page', message: `${e.message} (${e.filename}:${e.lineno})` }));
  connect();
})();
