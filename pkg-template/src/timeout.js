// withTimeout: a deadline around any promise, with an AbortSignal for the work. Plain
// JavaScript with no module (nothing here is worth a download): one timer, one listener,
// both released when the race settles.
import { glueError } from "./errors.js";

const MAX_TIMER_MS = 2147483647;
const WHAT = "withTimeout";
const config = (message) => glueError("invalid_config", `${WHAT}: ${message}`);

/** Runs `work` with a deadline; see index.d.ts. */
export function withTimeout(work, ms, options) {
  return new Promise((resolve, reject) => {
    if (typeof ms !== "number") throw config("ms must be a number of milliseconds");
    // A fraction is rounded up, so a deadline is never shorter than asked.
    if (!(ms >= 0 && ms <= MAX_TIMER_MS)) throw config("ms must be a number of milliseconds from 0 to 2147483647");
    const deadline = Math.ceil(ms);
    if (options !== undefined && options !== null && typeof options !== "object") throw config("options must be an object");
    const signal = options == null ? undefined : options.signal;
    if (signal !== undefined && signal !== null && !(typeof AbortSignal === "function" && signal instanceof AbortSignal)) {
      throw config("options.signal must be an AbortSignal");
    }
    const isFunction = typeof work === "function";
    if (!isFunction && !(work !== null && typeof work === "object" && typeof work.then === "function")) {
      throw config("work must be a promise or a function (signal) => promise");
    }
    const abortedBy = () =>
      glueError("aborted", `${WHAT} was aborted by the caller's signal`, { cause: signal.reason });
    if (signal && signal.aborted) throw abortedBy();

    const controller = new AbortController();
    let timer;
    const settle = (error) => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", onAbort);
      if (error) {
        controller.abort(error);
        reject(error);
      }
    };
    const onAbort = () => settle(abortedBy());
    // The work's own value or rejection passes through unchanged; a synchronous throw
    // of `work(signal)` is its rejection.
    const promise = isFunction ? new Promise((r) => r(work(controller.signal))) : Promise.resolve(work);
    timer = setTimeout(() => settle(glueError("timeout", `${WHAT} timed out after ${deadline} ms`)), deadline);
    if (signal) signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error) => {
        settle();
        reject(error);
      },
    );
  });
}
