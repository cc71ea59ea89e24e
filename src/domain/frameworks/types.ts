/** The NACC action-plan frameworks (ป.ป.ช.) as data: a tree of dimensions, missions and sub-missions. */

export type FrameworkId = "2566-2570" | "2561-2564";

export type FrameworkLevel = "dimension" | "mission" | "submission";

export interface FrameworkNode {
  /** "1", "1.1", "2.2.1" — Arabic digits, dot-separated. */
  readonly code: string;
  readonly level: FrameworkLevel;
  /** Canonical Thai name, without the leading code. */
  readonly name: string;
}

export interface FrameworkDefinition {
  readonly id: FrameworkId;
  /** As written in the settings sheet, e.g. "ป.ป.ช. 2566-2570". */
  readonly title: string;
  readonly nodes: readonly FrameworkNode[];
}
