/** Display preferences (language, digits), kept in the browser, and the formatting that follows from them. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { formatThaiDate } from "../domain/calendar";
import { displayDigits, formatAmount } from "../domain/thai";
import { type Lang, type MessageKey, translate } from "./i18n";

export type DigitStyle = "thai" | "arabic";

export interface Prefs {
  readonly lang: Lang;
  readonly digits: DigitStyle;
}

interface PrefsApi {
  readonly prefs: Prefs;
  setPrefs(next: Partial<Prefs>): void;
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /** A count or a year in the chosen digits. */
  num(n: number): string;
  /** An amount in baht with thousands separators in the chosen digits. */
  money(n: number): string;
  /**
   * Any text for the screen in the chosen digits — a finding's message, what was expected, a heading — the
   * one formatter the pages share (issue 16). Cell addresses, rule ids and formulas keep Arabic digits
   * (`displayDigits`). Not for values the user types or that go into the workbook.
   */
  text(s: string): string;
  /** A plan or framework code ("1.1.1" → "๑.๑.๑" with Thai digits). */
  code(c: string): string;
  /** A date as Thai documents write it, Buddhist Era ("15 มกราคม 2567"; English: "15 January 2024"), in the chosen digits. */
  date(d: Date): string;
}

/** English dates in the calendar English readers use ("15 January 2024"); UTC as formatThaiDate reads them. */
const EN_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const STORAGE_KEY = "sujarit.prefs";
export const DEFAULT_PREFS: Prefs = { lang: "th", digits: "arabic" };

function stored(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const p = raw ? (JSON.parse(raw) as Partial<Prefs>) : {};
    return {
      lang: p.lang === "en" ? "en" : "th",
      digits: p.digits === "thai" ? "thai" : "arabic",
    };
  } catch {
    return DEFAULT_PREFS; // private mode or a corrupt value: fall back rather than fail
  }
}

const PrefsContext = createContext<PrefsApi | undefined>(undefined);

export function PrefsProvider({ initial, children }: { initial?: Prefs; children: ReactNode }) {
  const [prefs, setState] = useState<Prefs>(() => initial ?? stored());
  useEffect(() => {
    document.documentElement.lang = prefs.lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
    } catch {
      /* storage unavailable: preferences last for this session only */
    }
  }, [prefs]);
  const setPrefs = useCallback((next: Partial<Prefs>) => setState((p) => ({ ...p, ...next })), []);
  const api = useMemo<PrefsApi>(() => {
    const digits = (s: string) => displayDigits(s, prefs.digits);
    return {
      prefs,
      setPrefs,
      t: (key, vars) => digits(translate(prefs.lang, key, vars)),
      num: (n) => digits(String(n)),
      money: (n) => formatAmount(n, prefs.digits),
      text: digits,
      code: digits,
      date: (d) => digits(prefs.lang === "th" ? formatThaiDate(d) : EN_DATE.format(d)),
    };
  }, [prefs, setPrefs]);
  return <PrefsContext.Provider value={api}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): PrefsApi {
  const api = useContext(PrefsContext);
  if (!api) throw new Error("usePrefs outside PrefsProvider");
  return api;
}
