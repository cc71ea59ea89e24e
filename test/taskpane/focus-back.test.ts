/**
 * @jest-environment jsdom
 */
/**
 * Focus back on a list's button after a write (issue 16), on a busy machine: the list re-read meanwhile may not
 * have its button yet, or have it disabled while the write finishes (a CI run under load put the focus on the
 * heading this way).
 */
import { focusBack } from "../../src/taskpane/focus-back";

const heading = () => document.getElementById("heading");

beforeEach(() => {
  document.body.innerHTML = '<h3 id="heading" tabindex="-1">รายการ</h3><div id="list"></div>';
});

const until = (ok: () => boolean, ms = 3_000) => new Promise<void>((resolve, reject) => {
  const started = Date.now();
  const check = () => (ok() ? resolve() : Date.now() - started > ms ? reject(new Error("timed out")) : setTimeout(check, 10));
  check();
});

it("waits for the button that the list renders again, not the heading", async () => {
  focusBack('[data-row="5"] button', heading);
  setTimeout(() => { (document.getElementById("list") as HTMLElement).innerHTML = '<div data-row="5"><button>แก้ไข</button></div>'; }, 150);
  await until(() => document.activeElement?.tagName === "BUTTON");
  expect(document.activeElement?.textContent).toBe("แก้ไข");
});

it("waits while the button is disabled", async () => {
  (document.getElementById("list") as HTMLElement).innerHTML = '<div data-row="2"><button disabled>ลบ</button></div>';
  focusBack('[data-row="2"] button', heading);
  setTimeout(() => document.querySelector("button")?.removeAttribute("disabled"), 120);
  await until(() => document.activeElement?.tagName === "BUTTON");
  expect(document.activeElement?.textContent).toBe("ลบ");
});

it("goes to the heading at once for a removed row, and after its patience when the button never comes", async () => {
  focusBack(undefined, heading);
  await until(() => document.activeElement === heading(), 200);
  (document.activeElement as HTMLElement).blur();
  const started = Date.now();
  focusBack('[data-row="9"] button', heading, 300);
  await until(() => document.activeElement === heading());
  expect(Date.now() - started).toBeGreaterThanOrEqual(280);
});
