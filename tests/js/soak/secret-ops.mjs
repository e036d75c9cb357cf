// The secret operations of a soak run, checked against the contract (/work/shared/API.md,
// "Client secrets"; src/core/secrets/operation.rs) request by request. The page records
// each secret request it sends ({ seq, at, path, auth }) and each operation's end
// ({ end: "ok" or its code }) in one list, in order; the server logs what it answered to
// each request (joined by `seq`). For each operation, from each answer, the contract says
// what the next request must be, or how the operation ends:
//
// - 200 with a usable secret: it ends "ok";
// - 401/403: (1) the token is asked again (the page's authToken gives a new one every
//   time) and the same endpoint asked once more with it; (2) still 401 on /refresh:
//   /start once with that token; (3) else it ends `unauthorized`;
// - 200 with a secret already expired: asked again once, same endpoint and token (after
//   the refresh interval: a request the guard counts); a second one ends `refresh_loop`;
// - 5xx, 429, a hang, a dropped connection: the same request again (at most `retries`
//   times; the count starts again after an unusable secret), or it ends with the code the
//   last answer means (server_error, rate_limited, timeout, network), or `timeout` when
//   the total time ran out.
//
// Returns the violations, the requests the refresh guard counts (an operation's first and
// the one after an unusable secret) with their page and server times, and figures.

/** What an answer means for the operation: the page's view when the request failed
 * there (a timeout, a dropped connection), else what the server logged. */
function answerOf(entry, sent) {
  if (sent.error) return sent.error === "AbortError" ? "timeout" : "network";
  if (!entry) return "unlogged";
  if (entry.status === 401 || entry.status === 403) return "auth";
  if (entry.fault.startsWith("expired")) return "unusable";
  if (entry.fault === "ok") return "ok";
  if (entry.fault === "500" || entry.fault === "503") return "server_error";
  if (entry.fault.startsWith("429")) return "rate_limited";
  if (entry.fault === "hang") return "timeout";
  if (entry.fault === "drop") return "network";
  return `unknown fault ${entry.fault}`;
}

const TRANSIENT = new Set(["server_error", "rate_limited", "timeout", "network"]);

export function checkSecretOps(trace, serverLog, { retries }) {
  const bySeq = new Map(serverLog.filter((e) => e.seq !== undefined).map((e) => [e.seq, e]));
  const violations = [];
  const ops = [];
  let reqs = [];
  for (const item of trace) {
    if (item.end === undefined) reqs.push(item);
    else {
      ops.push({ reqs, end: item.end, at: item.at });
      reqs = [];
    }
  }
  if (reqs.length) violations.push(`${reqs.length} secret requests after the last operation's end`);

  const guarded = [];
  const lines = [];
  const ends = {};
  let mostRequests = 0;
  let authOps = 0;
  let unusableOps = 0;
  for (const [n, op] of ops.entries()) {
    ends[op.end] = (ends[op.end] || 0) + 1;
    mostRequests = Math.max(mostRequests, op.reqs.length);
    const where = `operation ${n + 1} (${op.reqs.map((r) => `${r.path.slice(13)}:${bySeq.get(r.seq)?.fault ?? "?"}${r.error ? `/${r.error}` : ""}`).join(" ")} -> ${op.end})`;
    lines.push(`${((op.at - (ops[0].reqs[0]?.at ?? op.at)) / 1000).toFixed(1)} s ${where}`);
    if (!op.reqs.length) {
      violations.push(`${where}: ended without a request`);
      continue;
    }
    let tokenRetry = false;
    let startFallback = false;
    let unusableRetry = false;
    let retriesLeft = retries;
    let guard = true;
    let sawAuth = false;
    let sawUnusable = false;
    for (const [i, r] of op.reqs.entries()) {
      const entry = bySeq.get(r.seq);
      if (guard) guarded.push({ seq: r.seq, page: r.at, server: entry?.at });
      guard = false;
      const next = op.reqs[i + 1];
      const last = !next;
      const answer = answerOf(entry, r);
      // What the contract asks after this answer: "next" with a rule, or the end's code.
      let want;
      if (answer === "ok") want = { end: ["ok"] };
      else if (answer === "auth") {
        sawAuth = true;
        if (!tokenRetry) {
          tokenRetry = true;
          want = { next: "the same endpoint with a new token", ok: next && next.path === r.path && next.auth !== r.auth };
        } else if (entry.status === 401 && r.path.endsWith("/refresh") && !startFallback) {
          startFallback = true;
          want = { next: "/start with the same token", ok: next && next.path.endsWith("/start") && next.auth === r.auth };
        } else want = { end: ["unauthorized"] };
      } else if (answer === "unusable") {
        sawUnusable = true;
        if (!unusableRetry) {
          unusableRetry = true;
          retriesLeft = retries;
          guard = true;
          want = { next: "the same endpoint and token after the interval", ok: next && next.path === r.path && next.auth === r.auth };
        } else want = { end: ["refresh_loop"] };
      } else if (TRANSIENT.has(answer)) {
        if (next) {
          retriesLeft--;
          want = { next: "the same request again", ok: retriesLeft >= 0 && next.path === r.path && next.auth === r.auth };
        } else want = { end: [answer, "timeout"] };
      } else {
        violations.push(`${where}: request ${r.seq}: ${answer}`);
        break;
      }
      if (want.end) {
        if (!last) violations.push(`${where}: request ${i + 1} should have ended it (${want.end[0]})`);
        else if (!want.end.includes(op.end)) violations.push(`${where}: ended ${op.end}, the contract says ${want.end.join(" or ")}`);
        if (!last) break;
      } else if (!want.ok) {
        violations.push(`${where}: after request ${i + 1}, expected ${want.next}${retriesLeft < 0 ? " (no retry left)" : ""}`);
        break;
      }
    }
    if (sawAuth) authOps++;
    if (sawUnusable) unusableOps++;
  }

  // The loop recovers: a successful operation follows every `unauthorized` or
  // `refresh_loop` one (unless fewer than 3 operations follow it); the longest wait for it.
  let longestRecovery = 0;
  let failedHard = 0;
  let recovered = 0;
  for (const [n, op] of ops.entries()) {
    if (op.end !== "unauthorized" && op.end !== "refresh_loop") continue;
    failedHard++;
    const after = ops.slice(n + 1);
    const ok = after.find((o) => o.end === "ok");
    if (ok) {
      recovered++;
      longestRecovery = Math.max(longestRecovery, ok.at - op.at);
    }
    else if (after.length >= 3) violations.push(`no successful secret operation in the ${after.length} after the ${op.end} of operation ${n + 1}`);
  }
  return { violations, guarded, lines, figures: { ops: ops.length, ends, mostRequests, authOps, unusableOps, longestRecovery, failedHard, recovered } };
}
