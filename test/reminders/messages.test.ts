import { describe, expect, it } from "vitest";
import {
  formatDueDate,
  parseAnswerRef,
  parseOccurrenceRef,
  parseReminderAction,
  reminderAction,
  renderNotice,
} from "../../src/reminders/index.js";
import { aDeadline, aUnit } from "../support/reminders.js";

const deadline = aDeadline({ title: "Báo cáo kết quả thực hiện Chỉ thị", docNumber: "05-CT/TU", task: 3 });
const unit = aUnit();

describe("a reminder message", () => {
  it("names the duty, the document and task, the due date and the days left, with two answer buttons", () => {
    const reply = renderNotice(
      {
        kind: "reminder",
        step: "before-3",
        deadline,
        unit,
        occurrence: "2025-03-20",
        due: "2025-03-20",
        daysLeft: 3,
      },
      "vi",
    );
    expect(reply.text).toContain("Báo cáo kết quả thực hiện Chỉ thị");
    expect(reply.text).toContain("Văn bản: 05-CT/TU, nhiệm vụ 3.");
    expect(reply.text).toContain("Hạn nộp: 20/03/2025 (còn 3 ngày).");
    expect(reply.text).toContain("Đơn vị: Sở Nội vụ");
    expect(reply.buttons).toEqual([
      { label: "✅ Đã báo cáo / Reported", action: "rem:done:bc-thang.20250320:so-noi-vu" },
      { label: "⏳ Xin gia hạn / Need extension", action: "rem:ext:bc-thang.20250320:so-noi-vu" },
    ]);
  });

  it("says 'today' on the due day and counts days late once overdue, in the unit's language", () => {
    const base = {
      kind: "reminder" as const,
      step: "due",
      deadline,
      unit,
      occurrence: "2025-03-20",
      due: "2025-03-20",
    };
    expect(renderNotice({ ...base, daysLeft: 0 }, "vi").text).toContain("Hôm nay là hạn báo cáo");
    expect(renderNotice({ ...base, daysLeft: -4 }, "vi").text).toContain("(quá 4 ngày)");
    expect(renderNotice({ ...base, daysLeft: -4 }, "en").text).toContain("Due: 20/03/2025 (4 days late).");
    expect(
      renderNotice({ ...base, deadline: aDeadline({ docNumber: null }), daysLeft: 1 }, "vi").text,
    ).not.toContain("Văn bản");
  });

  it("asks the supervising chat to approve an extension with a command it can type", () => {
    const reply = renderNotice(
      {
        kind: "extension-request",
        deadline,
        unit,
        occurrence: "2025-03-20",
        due: "2025-03-20",
        reason: "chờ số liệu quý",
      },
      "vi",
    );
    expect(reply.text).toContain("Sở Nội vụ xin gia hạn");
    expect(reply.text).toContain("Lý do: chờ số liệu quý.");
    expect(reply.text).toContain("/approve bc-thang.20250320:so-noi-vu DD/MM/YYYY");
    expect(parseAnswerRef("bc-thang.20250320:so-noi-vu")).toEqual({
      deadlineId: "bc-thang",
      occurrence: "2025-03-20",
      unitId: "so-noi-vu",
    });
  });

  it("formats dates as dd/mm/yyyy", () => {
    expect(formatDueDate("2026-02-05")).toBe("05/02/2026");
  });
});

describe("reminder button actions", () => {
  it("stay within Telegram's 64 bytes with the longest ids and parse back", () => {
    const id = "a".repeat(20);
    for (const kind of ["done", "ext"] as const) {
      const action = reminderAction(kind, id, "2025-12-31", id);
      expect(Buffer.byteLength(action)).toBeLessThanOrEqual(64);
      expect(parseReminderAction(action)).toEqual({
        kind,
        deadlineId: id,
        occurrence: "2025-12-31",
        unitId: id,
      });
    }
  });

  it("reject anything else, so a chat feature can fall through", () => {
    for (const bad of [
      "rem:done:bc.20250320",
      "rem:late:bc.20250320:u",
      "rem:done:bc.20250230:u",
      "rem:done:BC.20250320:u",
      "quiz:1:2",
      "",
    ]) {
      expect(parseReminderAction(bad)).toBeNull();
    }
    expect(parseOccurrenceRef("bc-quy.20250320")).toEqual({ deadlineId: "bc-quy", occurrence: "2025-03-20" });
    expect(parseAnswerRef("bc.20250320:u:extra")).toBeNull();
  });
});
