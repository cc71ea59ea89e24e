/** The NACC frameworks Sujarit ships, keyed by id. */
import type { FrameworkDefinition, FrameworkId } from "./types";
import { NACC_2561_2564 } from "./nacc-2561-2564";
import { NACC_2566_2570 } from "./nacc-2566-2570";

export type { FrameworkDefinition, FrameworkId, FrameworkLevel, FrameworkNode } from "./types";
export { NACC_2561_2564 } from "./nacc-2561-2564";
export { NACC_2566_2570 } from "./nacc-2566-2570";

export const FRAMEWORKS: Readonly<Record<FrameworkId, FrameworkDefinition>> = {
  "2566-2570": NACC_2566_2570,
  "2561-2564": NACC_2561_2564,
};
