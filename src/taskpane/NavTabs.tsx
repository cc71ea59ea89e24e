/**
 * The page tabs on one row at any width: tabs that do not fit go into a "more" menu at the end of the row
 * (Fluent's Overflow), the selected tab kept visible first. At 320–350 px the six Thai labels do not fit.
 */
import {
  Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, makeStyles, Overflow, OverflowItem, Tab, TabList,
  useIsOverflowItemVisible, useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { MessageKey } from "./i18n";
import { usePrefs } from "./prefs";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "nowrap", alignItems: "center", minWidth: 0, overflow: "hidden" },
  tabs: { flexWrap: "nowrap", minWidth: 0, flexShrink: 1 },
  more: { minWidth: "auto", flexShrink: 0, alignSelf: "center" },
});

interface Page<Id extends string> {
  readonly id: Id;
  readonly label: MessageKey;
}

export function NavTabs<Id extends string>({ pages, selected, onSelect }: { pages: readonly Page<Id>[]; selected: Id; onSelect: (id: Id) => void }) {
  const s = useStyles();
  const { t } = usePrefs();
  return (
    <Overflow minimumVisible={2} padding={80}>
      <div className={s.row} data-testid="tabs">
      <TabList className={s.tabs} selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as Id)} size="small">
        {pages.map((p) => (
          <OverflowItem key={p.id} id={p.id} priority={p.id === selected ? 2 : 1}>
            <Tab value={p.id} id={`tab-${p.id}`} aria-controls="page" data-testid={`tab-${p.id}`}>
              {t(p.label)}
            </Tab>
          </OverflowItem>
        ))}
      </TabList>
      {/* beside the tab list, not in it: a tablist holds tabs only */}
      <MoreMenu pages={pages} selected={selected} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}

function MoreMenu<Id extends string>({ pages, selected, onSelect }: { pages: readonly Page<Id>[]; selected: Id; onSelect: (id: Id) => void }) {
  const s = useStyles();
  const { t } = usePrefs();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ page: [selected] }} onCheckedValueChange={(_, d) => d.checkedItems[0] && onSelect(d.checkedItems[0] as Id)}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          className={s.more}
          icon={<MoreHorizontalRegular />}
          aria-label={t("moreTabs", { n: overflowCount })}
          data-testid="tabs-more"
        >
          {t("moreTabsShort")}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {pages.map((p) => <MoreItem key={p.id} id={p.id} label={t(p.label)} />)}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreItem({ id, label }: { id: string; label: string }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <MenuItemRadio name="page" value={id} data-testid={`more-${id}`}>{label}</MenuItemRadio>;
}
