import { useState } from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SelectTabData, SelectTabEvent } from "@fluentui/react-components";

/** The task pane's pages. Placeholder labels until the label catalogue (th/en) exists. */
const PAGES = [
  { id: "overview", th: "ภาพรวม", en: "Overview" },
  { id: "check", th: "ตรวจสอบ", en: "Check" },
  { id: "risks", th: "ความเสี่ยง", en: "Risks" },
  { id: "monthly", th: "ผลรายเดือน", en: "Monthly progress" },
  { id: "reports", th: "รายงาน", en: "Reports" },
  { id: "settings", th: "ตั้งค่า", en: "Settings" },
] as const;

type PageId = (typeof PAGES)[number]["id"];

function isPageId(value: unknown): value is PageId {
  return PAGES.some((page) => page.id === value);
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  logo: {
    width: "32px",
    height: "32px",
    flexShrink: 0,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  title: {
    margin: 0,
    color: "inherit",
  },
  tagline: {
    color: "inherit",
    opacity: 0.9,
  },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  tabs: {
    flexWrap: "wrap",
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  pageTitle: {
    margin: 0,
  },
});

export function App(): JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = useState<PageId>("overview");
  const page = PAGES.find((candidate) => candidate.id === selected) ?? PAGES[0];

  const onTabSelect = (_event: SelectTabEvent, data: SelectTabData): void => {
    if (isPageId(data.value)) setSelected(data.value);
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.title}>
            สุจริต Sujarit
          </Title3>
          <Caption1 className={styles.tagline}>แผนปฏิบัติการป้องกันการทุจริต · Anti-corruption action plan</Caption1>
        </div>
      </header>
      <nav className={styles.nav} aria-label="หน้าของสุจริต (Sujarit pages)">
        <TabList
          className={styles.tabs}
          selectedValue={selected}
          onTabSelect={onTabSelect}
          size="small"
          aria-label="หน้า (Pages)"
        >
          {PAGES.map(({ id, th, en }) => (
            <Tab key={id} id={`tab-${id}`} value={id} aria-controls={id === selected ? `panel-${id}` : undefined} title={en}>
              {th}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main} id={`panel-${page.id}`} role="tabpanel" aria-labelledby={`tab-${page.id}`}>
        <Subtitle2 as="h2" className={styles.pageTitle}>
          {page.th} ({page.en})
        </Subtitle2>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>หน้านี้ยังไม่พร้อมใช้งาน (This page is not built yet)</MessageBarBody>
        </MessageBar>
      </main>
    </div>
  );
}
