/**
 * Structural checks of manifest.xml (the online `office-addin-manifest validate` cannot run
 * offline; these tests plus `office-addin-manifest info` are what CI runs).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

const THAI = /[\u0E00-\u0E7F]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** The GUID of the Office "yo office" template, which must never ship. */
const TEMPLATE_GUIDS = ["05c2e1c9-3e1d-406e-9a91-e9ac64854143", "00000000-0000-0000-0000-000000000000"];

// ---------- a small namespace-aware element tree over xml2js ----------

interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>; // "local" for no-namespace, "{uri}local" otherwise
  readonly text: string;
  readonly children: readonly XmlElement[];
  readonly path: string;
}

interface RawAttribute {
  value: string;
  local: string;
  uri: string;
}

interface RawNode {
  "#name": string;
  $ns?: { uri: string; local: string };
  $?: Record<string, RawAttribute>;
  _?: string;
  $$?: RawNode[];
}

function toElement(raw: RawNode, parentPath: string): XmlElement {
  const attributes = new Map<string, string>();
  for (const attribute of Object.values(raw.$ ?? {})) {
    attributes.set(attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local, attribute.value);
  }
  const name = raw.$ns?.local ?? raw["#name"];
  const elementPath = `${parentPath}/${raw["#name"]}`;
  return {
    ns: raw.$ns?.uri ?? "",
    name,
    attributes,
    text: (raw._ ?? "").trim(),
    children: (raw.$$ ?? []).map((child) => toElement(child, elementPath)),
    path: elementPath,
  };
}

async function parseXml(xml: string): Promise<XmlElement> {
  const parsed = (await parseStringPromise(xml, {
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  })) as Record<string, RawNode>;
  const [rootName, rootNode] = Object.entries(parsed)[0] ?? [];
  if (!rootName || !rootNode) throw new Error("manifest.xml has no root element");
  return toElement({ ...rootNode, "#name": rootName }, "");
}

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

function childrenNamed(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.name === name);
}

/** Follows a path of (namespace, name) steps, requiring exactly one match at each step. */
function only(element: XmlElement, ...steps: Array<[string, string]>): XmlElement {
  let current = element;
  for (const [ns, name] of steps) {
    const matches = childrenNamed(current, ns, name);
    if (matches.length !== 1) {
      throw new Error(`expected exactly one <${name}> under ${current.path || "/"}, found ${matches.length}`);
    }
    current = matches[0] as XmlElement;
  }
  return current;
}

function attr(element: XmlElement, name: string): string {
  const value = element.attributes.get(name);
  if (value === undefined) throw new Error(`${element.path} has no ${name} attribute`);
  return value;
}

function xsiType(element: XmlElement): string | undefined {
  return element.attributes.get(`{${NS.xsi}}type`);
}

// ---------- PNG header ----------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} does not start with an IHDR chunk`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/ file behind a development URL such as https://localhost:3000/assets/icon-16.png. */
function assetFileFor(url: string): string {
  const match = /^https:\/\/localhost:3000\/assets\/([\w.-]+\.png)$/.exec(url);
  if (!match?.[1]) throw new Error(`icon URL ${url} does not point into assets/`);
  return path.join(ASSETS_DIR, match[1]);
}

// ---------- the tests ----------

const manifestXml = fs.readFileSync(MANIFEST_PATH, "utf8");
let root: XmlElement;
let versionOverrides: XmlElement;
let resources: XmlElement;

beforeAll(async () => {
  root = await parseXml(manifestXml);
  versionOverrides = only(root, [NS.ov, "VersionOverrides"]);
  resources = only(versionOverrides, [NS.ov, "Resources"]);
});

function resourceMap(group: string): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  for (const resource of only(resources, [NS.bt, group]).children) {
    const id = attr(resource, "id");
    expect(map.has(id)).toBe(false);
    map.set(id, resource);
  }
  return map;
}

describe("manifest.xml", () => {
  test("is a task pane add-in manifest (OfficeApp, xsi:type TaskPaneApp, VersionOverridesV1_0)", () => {
    expect(root.ns).toBe(NS.app);
    expect(root.name).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
  });

  test("top-level elements appear in the order the schema's sequence requires", () => {
    const schemaOrder = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
      "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
      "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides",
    ];
    const positions = root.children.map((child) => schemaOrder.indexOf(child.name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
  });

  test("has a real GUID id and a four-part version", () => {
    const id = only(root, [NS.app, "Id"]).text;
    expect(id).toMatch(GUID);
    expect(TEMPLATE_GUIDS).not.toContain(id.toLowerCase());
    expect(only(root, [NS.app, "Version"]).text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(only(root, [NS.app, "ProviderName"]).text).toBe("Sujarit");
  });

  test("defaults to Thai, with Thai display name and description overridden in en-US", () => {
    expect(only(root, [NS.app, "DefaultLocale"]).text).toBe("th-TH");
    for (const [name, maxLength] of [["DisplayName", 125], ["Description", 250]] as const) {
      const element = only(root, [NS.app, name]);
      const thai = attr(element, "DefaultValue");
      expect(thai).toMatch(THAI);
      expect(thai.length).toBeLessThanOrEqual(maxLength);
      const overrides = childrenNamed(element, NS.app, "Override").filter((o) => attr(o, "Locale") === "en-US");
      expect(overrides).toHaveLength(1);
      const english = attr(overrides[0] as XmlElement, "Value");
      expect(english.trim()).not.toBe("");
      expect(english).not.toMatch(THAI);
      expect(english.length).toBeLessThanOrEqual(maxLength);
    }
  });

  test("targets the Workbook host, in the top level and in VersionOverrides", () => {
    const hosts = childrenNamed(only(root, [NS.app, "Hosts"]), NS.app, "Host").map((h) => attr(h, "Name"));
    expect(hosts).toEqual(["Workbook"]);
    const overrideHosts = childrenNamed(only(versionOverrides, [NS.ov, "Hosts"]), NS.ov, "Host").map(xsiType);
    expect(overrideHosts).toEqual(["Workbook"]);
  });

  test("requires ExcelApi 1.7, in the top level and in VersionOverrides", () => {
    const topSets = childrenNamed(only(root, [NS.app, "Requirements"], [NS.app, "Sets"]), NS.app, "Set");
    expect(topSets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", "1.7"]]);
    const overrideSets = childrenNamed(only(versionOverrides, [NS.ov, "Requirements"], [NS.bt, "Sets"]), NS.bt, "Set");
    expect(overrideSets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", "1.7"]]);
  });

  test("asks for read/write document permission and opens the task pane over https", () => {
    expect(only(root, [NS.app, "Permissions"]).text).toBe("ReadWriteDocument");
    const source = attr(only(root, [NS.app, "DefaultSettings"], [NS.app, "SourceLocation"]), "DefaultValue");
    expect(source).toBe("https://localhost:3000/taskpane.html");
  });

  test("every URL in the manifest is https", () => {
    const urls: string[] = [];
    for (const element of descendants(root)) {
      for (const [name, value] of element.attributes) {
        if (/^[a-z]+:\/\//i.test(value) && !name.startsWith("{")) urls.push(value);
      }
    }
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^\s"<>]+$/);
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    const groupFor: Record<string, string> = {
      Image: "Images",
      SourceLocation: "Urls",
      FunctionFile: "Urls",
      LearnMoreUrl: "Urls",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Description: "LongStrings",
    };
    const groups = new Map(["Images", "Urls", "ShortStrings", "LongStrings"].map((g) => [g, resourceMap(g)]));
    const used = new Set<string>();
    let references = 0;
    for (const element of descendants(versionOverrides)) {
      const resid = element.attributes.get("resid");
      if (resid === undefined) continue;
      references++;
      const group = groupFor[element.name];
      expect({ element: element.path, group }).toEqual({ element: element.path, group: expect.any(String) });
      expect({ resid, found: groups.get(group as string)?.has(resid) }).toEqual({ resid, found: true });
      expect(resid.length).toBeLessThanOrEqual(32);
      used.add(`${group}:${resid}`);
    }
    expect(references).toBeGreaterThan(10);
    for (const [group, map] of groups) {
      for (const id of map.keys()) expect(used).toContain(`${group}:${id}`);
    }
  });

  test("icons 16/32/80 (ribbon) and 64/128 (IconUrl) are PNG files of those sizes in assets/", () => {
    const images = resourceMap("Images");
    const iconElements = [...descendants(versionOverrides)].filter((e) => e.ns === NS.ov && e.name === "Icon");
    expect(iconElements.length).toBeGreaterThanOrEqual(2);
    for (const icon of iconElements) {
      const sizes = childrenNamed(icon, NS.bt, "Image").map((image) => Number(attr(image, "size")));
      expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 80]);
      for (const image of childrenNamed(icon, NS.bt, "Image")) {
        const size = Number(attr(image, "size"));
        const url = attr(images.get(attr(image, "resid")) as XmlElement, "DefaultValue");
        expect(pngSize(assetFileFor(url))).toEqual({ width: size, height: size });
      }
    }
    const iconUrl = attr(only(root, [NS.app, "IconUrl"]), "DefaultValue");
    expect(pngSize(assetFileFor(iconUrl))).toEqual({ width: 64, height: 64 });
    const highResolution = attr(only(root, [NS.app, "HighResolutionIconUrl"]), "DefaultValue");
    expect(pngSize(assetFileFor(highResolution))).toEqual({ width: 128, height: 128 });
  });

  test("every ShortString/LongString is Thai by default with an English en-US override", () => {
    for (const [group, maxLength] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      const strings = resourceMap(group);
      expect(strings.size).toBeGreaterThan(0);
      for (const [id, element] of strings) {
        expect(element.ns).toBe(NS.bt);
        expect(element.name).toBe("String");
        const thai = attr(element, "DefaultValue");
        expect({ id, thai: THAI.test(thai) }).toEqual({ id, thai: true });
        expect(thai.length).toBeLessThanOrEqual(maxLength);
        const english = childrenNamed(element, NS.bt, "Override").filter((o) => attr(o, "Locale") === "en-US");
        expect({ id, overrides: english.length }).toEqual({ id, overrides: 1 });
        const value = attr(english[0] as XmlElement, "Value");
        expect(value.trim()).not.toBe("");
        expect(value).not.toMatch(THAI);
        expect(value.length).toBeLessThanOrEqual(maxLength);
      }
    }
  });

  test("the ribbon button sits on the Home tab and shows the task pane", () => {
    const formFactor = only(versionOverrides, [NS.ov, "Hosts"], [NS.ov, "Host"], [NS.ov, "DesktopFormFactor"]);
    const urls = resourceMap("Urls");
    const shortStrings = resourceMap("ShortStrings");
    const urlOf = (element: XmlElement): string => attr(urls.get(attr(element, "resid")) as XmlElement, "DefaultValue");

    expect(urlOf(only(formFactor, [NS.ov, "FunctionFile"]))).toBe("https://localhost:3000/commands.html");

    const extensionPoint = only(formFactor, [NS.ov, "ExtensionPoint"]);
    expect(xsiType(extensionPoint)).toBe("PrimaryCommandSurface");
    const tab = only(extensionPoint, [NS.ov, "OfficeTab"]);
    expect(attr(tab, "id")).toBe("TabHome");
    const group = only(tab, [NS.ov, "Group"]);
    const button = only(group, [NS.ov, "Control"]);
    expect(xsiType(button)).toBe("Button");
    const label = shortStrings.get(attr(only(button, [NS.ov, "Label"]), "resid")) as XmlElement;
    expect(attr(label, "DefaultValue")).toBe("สุจริต");
    expect(attr(childrenNamed(label, NS.bt, "Override")[0] as XmlElement, "Value")).toBe("Sujarit");

    const action = only(button, [NS.ov, "Action"]);
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(only(action, [NS.ov, "TaskpaneId"]).text).toBe("ButtonId1");
    expect(urlOf(only(action, [NS.ov, "SourceLocation"]))).toBe(
      attr(only(root, [NS.app, "DefaultSettings"], [NS.app, "SourceLocation"]), "DefaultValue"),
    );
  });

  test("`office-addin-manifest info` reads it (offline) and prints the add-in id", () => {
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const result = spawnSync(process.execPath, [cli, "info", "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.error).toBeUndefined();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
    const id = only(root, [NS.app, "Id"]).text;
    expect(result.stdout).toContain(`Id: ${id}`);
    expect(result.stdout).toContain("Hosts: Workbook");
    expect(result.stdout).toContain("Source Location: https://localhost:3000/taskpane.html");
  });
});
