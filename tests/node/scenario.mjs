// A Node.js client of the gateway written from docs/protocol.md and docs/api.md only, as a bank's
// developers would write one with the `ws` package: development tokens over HTTP, a bot on /ws/agent, a
// widget on /ws/chat, messages, acks, bad frames, a resume with a retried message, the end of the chat,
// and the customer's archive over HTTP. It records what the server sent at each step and prints one
// JSON object; tests/gateway/test_node_client.py checks it. Usage: node scenario.mjs http://127.0.0.1:PORT
import WebSocket from "ws";

const base = process.argv[2];
const wsBase = base.replace(/^http/, "ws");
const TIMEOUT_MS = 10000;

async function devToken(role, subject) {
  const res = await fetch(`${base}/api/dev/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(subject ? { role, subject } : { role }),
  });
  if (res.status !== 200) throw new Error(`dev token for ${role}: HTTP ${res.status}`);
  return (await res.json()).token;
}

/** A socket with a queue of parsed text frames and a way to wait for the next one of a type. */
class Peer {
  constructor(path) {
    this.frames = [];
    this.waiters = [];
    this.closed = null;
    this.ws = new WebSocket(`${wsBase}${path}`);
    this.ws.on("message", (data, isBinary) => {
      if (isBinary) throw new Error("the server sent a binary frame");
      this.frames.push(JSON.parse(data.toString("utf8")));
      this.wake();
    });
    this.ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString("utf8") };
      this.wake();
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", resolve);
      this.ws.once("error", reject);
    });
  }
  wake() {
    for (const w of this.waiters.splice(0)) w();
  }
  send(obj) {
    this.ws.send(typeof obj === "string" ? obj : JSON.stringify(obj));
  }
  async next(type) {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const i = this.frames.findIndex((f) => type === undefined || f.type === type);
      if (i >= 0) return this.frames.splice(i, 1)[0];
      if (this.closed) throw new Error(`closed (${this.closed.code}) while waiting for ${type}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} frame within ${TIMEOUT_MS} ms`);
      await new Promise((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  }
  async closedWith() {
    const deadline = Date.now() + TIMEOUT_MS;
    while (!this.closed && Date.now() < deadline) {
      await new Promise((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, deadline - Date.now());
      });
    }
    return this.closed;
  }
  close() {
    this.ws.close(1000);
  }
}

async function main() {
  const out = {};
  const botToken = await devToken("bot", "node-bot");
  const customerToken = await devToken("customer", "node-customer-1");
  const otherToken = await devToken("customer", "node-customer-2");

  const bot = new Peer("/ws/agent");
  await bot.opened;
  bot.send({ type: "hello", token: botToken });
  out.botWelcome = await bot.next("welcome");

  // An anonymous visitor: personal data in the text; the bot hears the original, the store keeps it redacted.
  const widget = new Peer("/ws/chat");
  await widget.opened;
  widget.send({ type: "hello", lang: "en" });
  out.welcome = await widget.next("welcome");
  const sid = out.welcome.session_id;
  out.sessionStarted = await bot.next("session_started");
  widget.send({ type: "message", client_msg_id: "node-1", text: "Hi, my name is Kari Nordmann, call me on 412 34 567" });
  out.ack1 = await widget.next("ack");
  out.botHeard = await bot.next("message");
  bot.send({ type: "message", session_id: sid, client_msg_id: "bot-1", text: "Thanks, an adviser will call you." });
  out.botAck = await bot.next("ack");
  out.widgetGot = await widget.next("message");

  // Bad input: a binary frame, a frame that is not JSON, an unknown type. The connection stays open.
  widget.ws.send(Buffer.from([1, 2, 3]), { binary: true });
  out.binaryError = await widget.next("error");
  widget.send("this is not json");
  out.jsonError = await widget.next("error");
  widget.send({ type: "teleport" });
  out.typeError = await widget.next("error");
  widget.send({ type: "ping" });
  out.pong = await widget.next("pong");

  // The connection drops; the widget resumes and resends its message: the first ack comes back.
  widget.close();
  await widget.closedWith();
  const again = new Peer("/ws/chat");
  await again.opened;
  again.send({ type: "hello", resume: { session_id: sid, last_seq: 0 } });
  out.resumeWelcome = await again.next("welcome");
  out.replayed = [await again.next("message"), await again.next("message")];
  again.send({ type: "message", client_msg_id: "node-1", text: "Hi, my name is Kari Nordmann, call me on 412 34 567" });
  out.retryAck = await again.next("ack");
  again.send({ type: "end" });
  out.ended = await again.next("ended");
  out.endClose = await again.closedWith();
  out.botSessionEnded = await bot.next("session_ended");

  // A logged-in customer: the chat lands in their archive, which another customer cannot read.
  const customer = new Peer("/ws/chat");
  await customer.opened;
  customer.send({ type: "hello", token: customerToken });
  out.customerWelcome = await customer.next("welcome");
  customer.send({ type: "message", client_msg_id: "c-1", text: "Jeg vil endre adressen min" });
  out.customerAck = await customer.next("ack");
  customer.send({ type: "end" });
  await customer.next("ended");
  const auth = (token) => ({ headers: { authorization: `Bearer ${token}` } });
  const csid = out.customerWelcome.session_id;
  let res = await fetch(`${base}/api/archive/sessions`, auth(customerToken));
  out.archiveStatus = res.status;
  out.archive = await res.json();
  res = await fetch(`${base}/api/archive/sessions/${csid}`, auth(customerToken));
  out.archiveOneStatus = res.status;
  out.archiveOne = await res.json();
  res = await fetch(`${base}/api/archive/sessions/${csid}`, auth(otherToken));
  out.otherCustomerStatus = res.status;
  res = await fetch(`${base}/api/archive/sessions`, auth(otherToken));
  out.otherCustomerArchive = await res.json();

  // A forged token is refused at hello with 4401.
  const forged = new Peer("/ws/chat");
  await forged.opened;
  forged.send({ type: "hello", token: customerToken.slice(0, -4) + "AAAA" });
  out.forgedError = await forged.next("error");
  out.forgedClose = await forged.closedWith();

  bot.close();
  await bot.closedWith();
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
