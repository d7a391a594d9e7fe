import { beforeEach, describe, expect, it, vi } from "vitest";

/** sonner's `toast` as the toaster hands it over, writing down what it is asked to show. */
const shown: string[] = [];
const sonnerToast = {
  success: (m: string) => shown.push(`success: ${m}`),
  error: (m: string) => shown.push(`error: ${m}`),
} as never;

/** Lets the pending promise chains settle. */
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
    markToasterMounted(sonnerToast);
    await settle();
    expect(shown).toEqual(["success: Saved the view “Wires”", "error: Copying is blocked"]);
  });

  it("shows a toast at once when the toaster is already on the page", async () => {
    const { toast, markToasterMounted } = await import("./toast");
    markToasterMounted(sonnerToast);
    toast.success("Request cancelled");
    await settle();
    expect(shown).toEqual(["success: Request cancelled"]);
  });
});
