import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  federalHolidays,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  nextBusinessDayOnOrAfter,
  periodStart,
} from "./business-days";

describe("federal holidays (Federal Reserve schedule)", () => {
  it("2025", () => {
    expect([...federalHolidays(2025)].sort()).toEqual([
      "2025-01-01",
      "2025-01-20",
      "2025-02-17",
      "2025-05-26",
      "2025-06-19",
      "2025-07-04",
      "2025-09-01",
      "2025-10-13",
      "2025-11-11",
      "2025-11-27",
      "2025-12-25",
    ]);
  });

  it("2026: Independence Day on a Saturday is not moved (the Fed opens Friday July 3)", () => {
    expect([...federalHolidays(2026)].sort()).toEqual([
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]);
    expect(isBusinessDay("2026-07-03")).toBe(true);
    expect(isBusinessDay("2026-07-04")).toBe(false); // a Saturday anyway
  });

  it("a Sunday holiday is observed on the Monday", () => {
    expect(federalHolidays(2023).has("2023-01-02")).toBe(true); // New Year's Day 2023 was a Sunday
    expect(isBusinessDay("2023-01-02")).toBe(false);
    expect(isBusinessDay("2022-12-26")).toBe(false); // Christmas 2022, Sunday
    expect(isBusinessDay("2027-07-05")).toBe(false); // Independence Day 2027, Sunday
    expect(isBusinessDay("2021-12-24")).toBe(true); // Christmas 2021 on a Saturday: Friday open
    expect(federalHolidays(2021).has("2021-06-19")).toBe(false); // Juneteenth: Fed from 2022
  });
});

describe("business days", () => {
  it("weekends are not business days", () => {
    expect(isBusinessDay("2025-03-08")).toBe(false); // Saturday
    expect(isBusinessDay("2025-03-09")).toBe(false); // Sunday
    expect(isBusinessDay("2025-03-10")).toBe(true);
  });

  it("rolls back over weekends and holidays", () => {
    expect(lastBusinessDayOnOrBefore("2025-03-12")).toBe("2025-03-12");
    expect(lastBusinessDayOnOrBefore("2025-03-09")).toBe("2025-03-07");
    // Monday Sept 1 2025 is Labor Day: back to Friday Aug 29.
    expect(lastBusinessDayOnOrBefore("2025-09-01")).toBe("2025-08-29");
    // Jan 1 2026 (Thursday, holiday) → Dec 31 2025.
    expect(lastBusinessDayOnOrBefore("2026-01-01")).toBe("2025-12-31");
    // Thanksgiving 2026 (Thu 26) and the weekend after it: Friday 27 is a business day.
    expect(lastBusinessDayOnOrBefore("2026-11-29")).toBe("2026-11-27");
    expect(nextBusinessDayOnOrAfter("2026-11-26")).toBe("2026-11-27");
    expect(nextBusinessDayOnOrAfter("2025-12-25")).toBe("2025-12-26");
  });

  it("date arithmetic across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-11-23", -730)).toBe("2024-11-23");
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
  });

  it("period starts: Monday, the 1st, January 1st", () => {
    expect(periodStart("wtd", "2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(periodStart("wtd", "2026-11-29")).toBe("2026-11-23"); // Sunday → that week's Monday
    expect(periodStart("wtd", "2026-01-01")).toBe("2025-12-29");
    expect(periodStart("mtd", "2026-11-23")).toBe("2026-11-01");
    expect(periodStart("ytd", "2026-11-23")).toBe("2026-01-01");
  });
});
