/**
 * A committee's reporting situation on Tue 25/3/2025 10:00 in Hà Nội, for the dashboard tests:
 * the monthly "bc-thang" (due Thu 20/3; April's 20th is a Sunday, so due Fri 18/4) owed by four
 * units, and the one-off "bc-le" due 30/4 (a holiday, so Tue 29/4) owed by two.
 * - so-tai-chinh: nothing for March → missing, 5 days overdue; granted an extension of bc-le to 9/5;
 * - huyen-le-thuy (a name with a comma and quotes): reported March on 22/3 → late;
 * - ban-tuyen-giao (a name with HTML in it): reported March on time, asked to extend April;
 * - so-noi-vu: reported March on 19/3 → on time.
 */
import { grantExtension, markReported, requestExtension } from "../../src/reminders/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { aDeadline, aUnit, FakeClock, seed } from "../support/reminders.js";

export const NOW = "2025-03-25T03:00:00Z";
export const TRICKY_NAME = 'Huyện ủy "Lệ Thủy", Quảng Bình';
export const HTML_NAME = '<img src=x onerror="window.pwned=1">Ban Tuyên giáo';

/** The scene's store and a clock at `NOW`. */
export function dashboardScene(store: Store = createMemoryStore()) {
  seed(
    store,
    [
      aUnit({ id: "so-noi-vu", name: "Sở Nội vụ" }),
      aUnit({ id: "so-tai-chinh", name: "Sở Tài chính" }),
      aUnit({ id: "huyen-le-thuy", name: TRICKY_NAME }),
      aUnit({ id: "ban-tuyen-giao", name: HTML_NAME }),
    ],
    [
      aDeadline({
        unitIds: ["so-noi-vu", "so-tai-chinh", "huyen-le-thuy", "ban-tuyen-giao"],
        startsOn: "2025-03-01",
      }),
      aDeadline({
        id: "bc-le",
        title: "Báo cáo chuẩn bị kỷ niệm 30/4",
        task: null,
        unitIds: ["so-noi-vu", "so-tai-chinh"],
        rule: { kind: "once", date: "2025-04-30" },
      }),
    ],
  );
  const answer = (unitId: string, at: string, occurrence = "2025-03-20", deadlineId = "bc-thang") => ({
    deadlineId,
    occurrence,
    unitId,
    by: "test:1",
    at: new Date(at),
  });
  markReported(store, answer("so-noi-vu", "2025-03-19T03:00:00Z"));
  markReported(store, answer("huyen-le-thuy", "2025-03-22T03:00:00Z"));
  markReported(store, answer("ban-tuyen-giao", "2025-03-20T09:00:00Z"));
  requestExtension(store, {
    ...answer("ban-tuyen-giao", "2025-03-24T03:00:00Z", "2025-04-20"),
    reason: "chờ số liệu",
  });
  grantExtension(store, {
    ...answer("so-tai-chinh", "2025-03-24T03:00:00Z", "2025-04-30", "bc-le"),
    newDue: "2025-05-09",
  });
  return { store, clock: new FakeClock(NOW), answer };
}

/**
 * A fuller picture for the README's screenshots (same day): six units, a monthly, a quarterly and a
 * one-off deadline, with reports on time, late, missing, an extension asked for and one granted.
 */
export function showcaseScene(store: Store = createMemoryStore()) {
  const units = [
    aUnit({ id: "so-noi-vu", name: "Sở Nội vụ" }),
    aUnit({ id: "so-tai-chinh", name: "Sở Tài chính" }),
    aUnit({ id: "so-khdt", name: "Sở Kế hoạch và Đầu tư" }),
    aUnit({ id: "ban-tuyen-giao", name: "Ban Tuyên giáo Tỉnh ủy" }),
    aUnit({ id: "ubnd-le-thuy", name: "UBND huyện Lệ Thủy" }),
    aUnit({ id: "ubnd-dong-hoi", name: "UBND thành phố Đồng Hới" }),
  ];
  seed(store, units, [
    aDeadline({ unitIds: units.map((u) => u.id), startsOn: "2025-02-01" }),
    aDeadline({
      id: "bc-quy-cchc",
      title: "Báo cáo quý về cải cách hành chính",
      docNumber: "96-KH/TU",
      task: 2,
      unitIds: ["so-noi-vu", "so-khdt", "ubnd-le-thuy", "ubnd-dong-hoi"],
      rule: { kind: "quarterly", day: 15, month: "last" },
      startsOn: "2025-01-01",
    }),
    aDeadline({
      id: "bc-le",
      title: "Báo cáo chuẩn bị kỷ niệm 30/4",
      docNumber: null,
      task: null,
      unitIds: ["so-noi-vu", "so-tai-chinh", "ban-tuyen-giao"],
      rule: { kind: "once", date: "2025-04-30" },
    }),
  ]);
  const done = (deadlineId: string, occurrence: string, unitId: string, at: string) =>
    markReported(store, { deadlineId, occurrence, unitId, by: "demo", at: new Date(at) });
  for (const u of ["so-noi-vu", "so-tai-chinh", "so-khdt", "ban-tuyen-giao", "ubnd-dong-hoi"])
    done("bc-thang", "2025-02-20", u, "2025-02-19T03:00:00Z");
  done("bc-thang", "2025-02-20", "ubnd-le-thuy", "2025-02-24T03:00:00Z");
  done("bc-thang", "2025-03-20", "so-noi-vu", "2025-03-18T03:00:00Z");
  done("bc-thang", "2025-03-20", "so-khdt", "2025-03-20T08:00:00Z");
  done("bc-thang", "2025-03-20", "ban-tuyen-giao", "2025-03-21T03:00:00Z");
  done("bc-quy-cchc", "2025-03-15", "so-noi-vu", "2025-03-13T03:00:00Z");
  done("bc-quy-cchc", "2025-03-15", "ubnd-dong-hoi", "2025-03-14T03:00:00Z");
  const ref = (deadlineId: string, occurrence: string, unitId: string) => ({
    deadlineId,
    occurrence,
    unitId,
    by: "demo",
    at: new Date("2025-03-24T03:00:00Z"),
  });
  requestExtension(store, { ...ref("bc-le", "2025-04-30", "ban-tuyen-giao"), reason: "chờ số liệu quý I" });
  grantExtension(store, { ...ref("bc-le", "2025-04-30", "so-tai-chinh"), newDue: "2025-05-09" });
  return { store, clock: new FakeClock(NOW) };
}
