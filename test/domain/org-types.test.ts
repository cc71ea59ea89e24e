/** Issue 17: organization types are known in one place (src/domain/org-types.ts), as the documents write them. */
import { lookup, ORG_TYPES } from "../../src/domain/lists";
import { expandOrgName, ORG_NAME_IN_TEXT, ORG_TYPE_NAMES, orgTypeOfName, placeOfOrg } from "../../src/domain/org-types";

it.each([
  ["อบต.นาสะเม็ง", "องค์การบริหารส่วนตำบลนาสะเม็ง", "sao", "นาสะเม็ง"],
  ["อบต. นาสะเม็ง", "องค์การบริหารส่วนตำบลนาสะเม็ง", "sao", "นาสะเม็ง"],
  ["อบต นาสะเม็ง", "องค์การบริหารส่วนตำบลนาสะเม็ง", "sao", "นาสะเม็ง"],
  ["ทต.ก้อ", "เทศบาลตำบลก้อ", "subdistrictMunicipality", "ก้อ"],
  ["เทศบาลตำบลก้อ", "เทศบาลตำบลก้อ", "subdistrictMunicipality", "ก้อ"],
  ["ทม.มุกดาหาร", "เทศบาลเมืองมุกดาหาร", "townMunicipality", "มุกดาหาร"],
  ["อบจ.ลำพูน", "องค์การบริหารส่วนจังหวัดลำพูน", "pao", "ลำพูน"],
  ["เทศบาลนครเชียงใหม่", "เทศบาลนครเชียงใหม่", "cityMunicipality", "เชียงใหม่"],
  // not a type: unchanged, and no type
  ["ทตนาดี", "ทตนาดี", undefined, "ทตนาดี"],
  ["กรมส่งเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น", undefined, "กรมส่งเสริมการปกครองท้องถิ่น"],
])("%s → %s (%s, place %s)", (name, full, type, place) => {
  expect(expandOrgName(name)).toBe(full);
  expect(orgTypeOfName(name)?.key).toBe(type);
  expect(placeOfOrg(name)).toBe(place);
});

it("finds an organization named in running text (seed 001's title)", () => {
  expect(ORG_NAME_IN_TEXT.exec("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2561 - 2564) ของเทศบาลตำบลก้อ อำเภอลี้")?.[0]).toBe("เทศบาลตำบลก้อ");
});

it("the settings' closed list accepts both spellings of every type", () => {
  for (const t of ORG_TYPE_NAMES) {
    expect(lookup(ORG_TYPES, t.full)?.key).toBe(t.key);
    expect(lookup(ORG_TYPES, t.abbr)?.key).toBe(t.key);
  }
});
