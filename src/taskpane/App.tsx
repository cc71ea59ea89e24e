/**
 * The task pane: a header, the page navigation, and the page. It talks to use cases (app/) over the
 * HostServices it is given, and never asks which host it runs in: what the session can do decides.
 */
import {
  Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Spinner, Title3, tokens, Tooltip,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, LocalLanguageRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { importDocumentInto, type ImportResult, importInto } from "../app/import";
import { readPlanDocument } from "./import-document";
import { inspectWorkbook, type Inspection } from "../app/inspect";
import type { HostServices, WorkbookSession } from "../app/session";
import { ActivityBar } from "./ActivityBar";
import { NavTabs } from "./NavTabs";
import { ErrorBar, type ShownError } from "./ErrorBar";
import type { MessageKey } from "./i18n";
import { CreateTemplate } from "./pages/CreateTemplate";
import { ImportReport } from "./pages/ImportReport";
import { NotBuilt } from "./pages/NotBuilt";
import { Overview } from "./pages/Overview";
import { SettingsPage } from "./pages/SettingsPage";
import { StartPage } from "./pages/StartPage";
import { NotTemplate } from "./pages/NotTemplate";
import { usePrefs } from "./prefs";
import { SaveContext, type SaveApi, saveXlsxAs, trackWrites } from "./save";

/** The working pages come in chunks of their own, loaded when first opened: the dashboard does not wait for them. */
const ChecksPage = lazy(() => import(/* webpackChunkName: "page-checks" */ "./pages/ChecksPage").then((m) => ({ default: m.ChecksPage })));
const MonthlyPage = lazy(() => import(/* webpackChunkName: "page-monthly" */ "./pages/MonthlyPage").then((m) => ({ default: m.MonthlyPage })));
const ReportsPage = lazy(() => import(/* webpackChunkName: "page-reports" */ "./pages/ReportsPage").then((m) => ({ default: m.ReportsPage })));
const RisksPage = lazy(() => import(/* webpackChunkName: "page-risks" */ "./pages/RisksPage").then((m) => ({ default: m.RisksPage })));

export const PAGES = [
  { id: "overview", label: "pageOverview" },
  { id: "check", label: "pageCheck" },
  { id: "risks", label: "pageRisks" },
  { id: "monthly", label: "pageMonthly" },
  { id: "reports", label: "pageReports" },
  { id: "settings", label: "pageSettings" },
] as const satisfies readonly { id: string; label: MessageKey; comingWith?: MessageKey }[];

export type PageId = (typeof PAGES)[number]["id"];

type View =
  | { readonly kind: "start" }
  | { readonly kind: "busy"; readonly label: MessageKey }
  | { readonly kind: "open"; readonly session: WorkbookSession; readonly inspection: Inspection; readonly imported?: ImportResult }
  | { readonly kind: "create"; readonly session: WorkbookSession }
  | { readonly kind: "failed"; readonly shown: ShownError };


const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1, overflowX: "hidden" },
  header: {
    display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  logo: { width: "28px", height: "28px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  title: { margin: 0, color: "inherit", lineHeight: tokens.lineHeightBase400 },
  caption: { color: "inherit", opacity: 0.92, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  headerButton: { color: tokens.colorNeutralForegroundOnBrand, minWidth: "auto" },
  saveButton: { minWidth: "auto", flexShrink: 0, whiteSpace: "nowrap" },
  unsaved: { borderRadius: 0 },
  nav: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalXS}` },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function App({ services, openSampleAtStart = false }: { services: HostServices; openSampleAtStart?: boolean }) {
  const s = useStyles();
  const { t } = usePrefs();
  const [page, setPage] = useState<PageId>("overview");
  const [view, setView] = useState<View>(() => (services.current || openSampleAtStart ? { kind: "busy", label: "loading" } : { kind: "start" }));
  /** A file in the browser written since it was opened or last downloaded. */
  const [unsaved, setUnsaved] = useState(false);
  const changed = useCallback(() => setUnsaved(true), []);

  const fail = useCallback((title: MessageKey, error: unknown) => setView({ kind: "failed", shown: { title, error } }), []);

  /** Reads the session's workbook and shows it: one read, one render. */
  const show = useCallback(
    async (opened: WorkbookSession, label: MessageKey = "loading", imported?: ImportResult) => {
      const session = trackWrites(opened, changed);
      // an import wrote a new workbook that exists nowhere else yet
      if (imported) setUnsaved(true);
      setView({ kind: "busy", label });
      try {
        setView({ kind: "open", session, inspection: await inspectWorkbook(session.port), ...(imported ? { imported } : {}) });
      } catch (e) {
        fail("errorOpen", e);
      }
    },
    [fail, changed],
  );

  const openWith = useCallback(
    async (make: () => Promise<WorkbookSession>, label: MessageKey) => {
      setView({ kind: "busy", label });
      try {
        const made = await make();
        setUnsaved(false);
        await show(made, label);
      } catch (e) {
        fail("errorOpen", e);
      }
    },
    [show, fail],
  );

  useEffect(() => {
    if (services.current) void show(services.current);
    else if (openSampleAtStart) void openWith(() => services.loadSample(), "loadingSample");
    // once, on mount: the services and the start option do not change during the page's life
  }, []);

  const session = view.kind === "open" || view.kind === "create" ? view.session : undefined;

  /**
   * Back on the dashboard after another page may have written (monthly rows, risks, reports): read again
   * in the background and show the new figures, keeping the old ones on screen meanwhile.
   */
  const goTo = useCallback(
    (next: PageId) => {
      setPage(next);
      if (next !== "overview" || view.kind !== "open" || !view.inspection.isTemplate) return;
      const { session: sess } = view;
      void inspectWorkbook(sess.port).then(
        (inspection) => setView((v) => (v.kind === "open" && v.session === sess ? { ...v, inspection } : v)),
        () => undefined, // the figures on screen stay; the next visit reads again
      );
    },
    [view],
  );

  const download = async () => {
    if (!session?.exportBytes) return;
    try {
      saveXlsxAs(session.title ?? "sujarit", await session.exportBytes());
      setUnsaved(false);
    } catch (e) {
      fail("errorTitle", e);
    }
  };
  const saveApi: SaveApi | undefined = session?.exportBytes ? { download, unsaved } : undefined;

  useEffect(() => {
    if (!unsaved || !session?.exportBytes) return undefined;
    // the browser asks before the tab closes or reloads: the file exists only in this page until downloaded
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved, session]);

  return (
    <div className={s.root}>
      <header className={s.header}>
        <img className={s.logo} src="assets/icon-32.png" alt="" aria-hidden="true" />
        <div className={s.titles}>
          <Title3 as="h1" className={s.title}>{t("appName")}</Title3>
          <Caption1 className={s.caption} data-testid="workbook-title">{session ? (session.title ?? t("excelWorkbook")) : t("tagline")}</Caption1>
        </div>
        {session?.exportBytes && (
          <Tooltip content={t("downloadHint")} relationship="description">
            <Button appearance={unsaved ? "primary" : "secondary"} size="small" className={s.saveButton} onClick={download} data-testid="download" data-unsaved={unsaved ? "true" : "false"} icon={<ArrowDownloadRegular />}>
              {t("downloadShort")}
            </Button>
          </Tooltip>
        )}
        <LanguageToggle className={s.headerButton} />
      </header>
      <nav className={s.nav} aria-label={t("navLabel")}>
        <NavTabs pages={PAGES} selected={page} onSelect={goTo} />
      </nav>
      {unsaved && session?.exportBytes && (
        <MessageBar intent="warning" layout="multiline" className={s.unsaved} data-testid="unsaved">
          <MessageBarBody>{t("unsavedBody")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" icon={<ArrowDownloadRegular />} onClick={download} data-testid="unsaved-download">{t("downloadNow")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ActivityBar session={session} />
      <SaveContext.Provider value={saveApi}>
      <main className={s.main} id="page" role="tabpanel" aria-labelledby={`tab-${page}`}>
        <PageContent
          page={page}
          view={view}
          services={services}
          onOpenFile={(file) => void openWith(async () => services.openFile(file.name, new Uint8Array(await file.arrayBuffer())), "loading")}
          onOpenSample={() => void openWith(() => services.loadSample(), "loadingSample")}
          onNew={() => void services.newFile("แผนปฏิบัติการ.xlsx").then((sess) => setView({ kind: "create", session: trackWrites(sess, changed) }), (e) => fail("errorTitle", e))}
          onImportFile={(file) =>
            void (async () => {
              setView({ kind: "busy", label: "importing" });
              try {
                const bytes = new Uint8Array(await file.arrayBuffer());
                const targetName = `${file.name.replace(/\.(xlsx|docx|txt|tsv)$/i, "")}-sujarit.xlsx`;
                if (/\.(docx|txt|tsv)$/i.test(file.name)) {
                  // a Word document, or a table copied out of a PDF: read here, written as a new template
                  const result = await readPlanDocument(file.name, bytes);
                  const target = await services.newFile(targetName);
                  await show(target, "importing", await importDocumentInto(result, target.port));
                  return;
                }
                const source = await services.openFile(file.name, bytes);
                const target = await services.newFile(targetName);
                await show(target, "importing", await importInto(source.port, target.port));
              } catch (e) {
                fail("errorImport", e);
              }
            })()}
          onImportHere={(sess) =>
            void (async () => {
              setView({ kind: "busy", label: "importing" });
              try {
                await show(sess, "importing", await importInto(sess.port, sess.port));
              } catch (e) {
                fail("errorImport", e);
              }
            })()}
          onShow={(sess) => void show(sess)}
          onFail={(e) => fail("errorTitle", e)}
          onReset={() => (services.current ? void show(services.current) : setView({ kind: "start" }))}
          onGo={goTo}
        />
      </main>
      </SaveContext.Provider>
    </div>
  );
}

function LanguageToggle({ className }: { className: string }) {
  const { t, prefs, setPrefs } = usePrefs();
  return (
    <Button
      appearance="transparent"
      className={className}
      aria-label={t("switchLanguage")}
      data-testid="lang-toggle"
      onClick={() => setPrefs({ lang: prefs.lang === "th" ? "en" : "th" })}
      icon={<LocalLanguageRegular />}
    >
      {t("switchLanguageShort")}
    </Button>
  );
}

interface PageProps {
  readonly page: PageId;
  readonly view: View;
  readonly services: HostServices;
  onOpenFile(file: File): void;
  onOpenSample(): void;
  onNew(): void;
  onImportFile(file: File): void;
  onImportHere(session: WorkbookSession): void;
  onShow(session: WorkbookSession): void;
  onFail(error: unknown): void;
  onReset(): void;
  onGo(page: PageId): void;
}

function PageContent(p: PageProps) {
  const { t } = usePrefs();
  // widened: a page still to come names what it will bring (none does today)
  const def = (PAGES as readonly { readonly id: PageId; readonly comingWith?: MessageKey }[]).find((x) => x.id === p.page);
  if (p.page === "settings") return <SettingsPage />;
  if (def?.comingWith) return <NotBuilt what={def.comingWith} />;
  switch (p.view.kind) {
    case "start":
      return <StartPage onOpenFile={p.onOpenFile} onOpenSample={p.onOpenSample} onNew={p.onNew} onImportFile={p.onImportFile} />;
    case "busy":
      return (
        <div role="status" aria-live="polite">
          <Spinner label={t(p.view.label)} />
          <ProgressBar thickness="large" aria-label={t(p.view.label)} />
        </div>
      );
    case "failed":
      // in the browser the start page stays under the error: the next file is one click away
      return p.services.current ? (
        <ErrorBar shown={p.view.shown} onDismiss={p.onReset} actionLabel="tryAgain" />
      ) : (
        <>
          <ErrorBar shown={p.view.shown} onDismiss={p.onReset} actionLabel="dismiss" hint="errorOpenHint" />
          <StartPage onOpenFile={p.onOpenFile} onOpenSample={p.onOpenSample} onNew={p.onNew} onImportFile={p.onImportFile} />
        </>
      );
    case "create": {
      const session = p.view.session;
      return <CreateTemplate session={session} onCreated={() => p.onShow(session)} onError={p.onFail} />;
    }
    case "open": {
      const { session, inspection, imported } = p.view;
      if (!inspection.isTemplate) return <NotTemplate session={session} onCreated={() => p.onShow(session)} onError={p.onFail} onImportHere={() => p.onImportHere(session)} />;
      const loading = <Spinner label={t("loadingPage")} />;
      if (p.page === "check") return <Suspense fallback={loading}><ChecksPage session={session} /></Suspense>;
      if (p.page === "risks") return <Suspense fallback={loading}><RisksPage session={session} /></Suspense>;
      if (p.page === "monthly") return <Suspense fallback={loading}><MonthlyPage session={session} openFile={p.services.openFile} /></Suspense>;
      if (p.page === "reports") return <Suspense fallback={loading}><ReportsPage session={session} /></Suspense>;
      return (
        <>
          {imported && <ImportReport result={imported} />}
          <Overview inspection={inspection} onGo={p.onGo} />
          {!session.exportBytes && (
            <div>
              <Button onClick={() => p.onShow(session)} data-testid="reload">{t("reload")}</Button>
            </div>
          )}
        </>
      );
    }
  }
}
