// Type-level tests of the diagnostics types. The first block compiles only while
// chatKitOptionKeys lists exactly the keys of @openai/chatkit-react's UseChatKitOptions
// (both directions), so the list cannot drift from the installed ChatKit types.
import type { UseChatKitOptions } from "@openai/chatkit-react";
import {
  chatKitOptionKeys,
  checkOptions,
  explainError,
  reportOptions,
  type ChatKitOptionKey,
  type ErrorExplanation,
  type ExplanationCode,
  type OptionDiagnostic,
  type OptionDiagnosticCode,
} from "chatkit-glue";

type Listed = (typeof chatKitOptionKeys)[number];
type Expected = keyof UseChatKitOptions;
/** Exact type equality (not mere mutual assignability). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Every listed name is a ChatKit option, and every ChatKit option is listed.
const listedAreOptions: [Exclude<Listed, Expected>] extends [never] ? true : false = true;
const optionsAreListed: [Exclude<Expected, Listed>] extends [never] ? true : false = true;
const same: Equal<Listed, Expected> = true;
// No name is listed twice: 29 entries for 29 distinct keys.
const count: (typeof chatKitOptionKeys)["length"] = 29;
const key: ChatKitOptionKey = "onThreadLoadEnd";
// @ts-expect-error a name ChatKit does not have is not in the list
const extra: Equal<Listed | "onErorr", Expected> = true;
// @ts-expect-error dropping a name breaks equality
const fewer: Equal<Exclude<Listed, "onLog">, Expected> = true;
// @ts-expect-error the list is readonly
chatKitOptionKeys.push("x");
void [listedAreOptions, optionsAreListed, same, count, key, extra, fewer];

async function usage(): Promise<void> {
  const e: ErrorExplanation = explainError(new Error("x"));
  const code: ExplanationCode = e.code;
  const fromAnything = explainError("a thrown string").hint.length;
  const glueCode: ExplanationCode = "refresh_loop";
  const chatkitCode: ExplanationCode = "domain_not_allowed";
  const d: OptionDiagnostic[] = checkOptions({ api: { getClientSecret: async () => "s" } }, { origin: "https://a.example" });
  const anything = checkOptions(new Map());
  const first = d[0];
  if (first) {
    const sev: "error" | "warning" | "info" = first.severity;
    const c: OptionDiagnosticCode = first.code;
    const p: string = first.path;
    const s: string | undefined = first.suggestion;
    const h: string | undefined = first.hint;
    void [sev, c, p, s, h];
  }
  const reported: OptionDiagnostic[] = await reportOptions({});
  void [code, fromAnything, glueCode, chatkitCode, anything, reported];

  // @ts-expect-error not an explanation code
  const badCode: ExplanationCode = "domain";
  // @ts-expect-error diagnostics never wait for the module, so nothing is "not checked"
  const notChecked: OptionDiagnosticCode = "not_checked";
  // @ts-expect-error origin is a string
  checkOptions({}, { origin: 1 });
  // @ts-expect-error the context is an object
  checkOptions({}, "https://a.example");
  // @ts-expect-error explainError is synchronous
  const notAPromise: Promise<ErrorExplanation> = explainError(1);
  // @ts-expect-error diagnostics are read-only
  first!.code = "unknown_option";
  void [badCode, notChecked, notAPromise];
}
void usage;
