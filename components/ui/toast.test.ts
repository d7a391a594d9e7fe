import { beforeEach, describe, expect, it, vi } from "vitest";

const shown = vi.hoisted(() => [] as string[]);
vi.mock("sonner", () => ({
  toast: {
    success: (m: string) => shown.push(`success: ${m}`),
    error: (m: string) => shown.push(`error: ${m}`),
  },
}));

/** Lets the pending imports and promise chains settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("toasts loaded on first use", () => {
  beforeEach(() => {
    shown.length = 0;
    vi.resetModules();
  });

  it("asks for the toaster only when a toast is asked for", async () => {
    const { toast, toastsAsked, onToastAsked } = await import("./toast");
    const told = vi.fn();
    onToastAsked(told);
    expect(toastsAsked()).toBe(0);
    toast.success("Request cancelled");
    expect(toastsAsked()).toBe(1);
    toast.success("Saved the view “Wires”");
    expect(told).toHaveBeenCalledTimes(2);
  });

  it("keeps toasts asked for before the toaster is on the page, and shows them once it is", async () => {
    const { toast, markToasterMounted } = await import("./toast");
    toast.success("Saved the view “Wires”");
    toast.error("Copying is blocked");
    await settle();
    expect(shown).toEqual([]);
    markToasterMounted();
    await settle();
    expect(shown).toEqual(["success: Saved the view “Wires”", "error: Copying is blocked"]);
  });

  it("shows a toast at once when the toaster is already on the page", async () => {
    const { toast, markToasterMounted } = await import("./toast");
    markToasterMounted();
    toast.success("Request cancelled");
    await settle();
    expect(shown).toEqual(["success: Request cancelled"]);
  });
});
