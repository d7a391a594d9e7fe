import { isValidElement, type ReactElement, Suspense } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GraceBoundary, StreamedSection } from "./streamed-section";

const fallback = <p>loading</p>;
const children = <p>figures</p>;

describe("GraceBoundary", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the children with the page when their read settles within the grace, failed or not", async () => {
    expect(await GraceBoundary({ until: Promise.resolve(1), fallback, children })).toBe(children);
    const failed = Promise.reject(new Error("Jiko is away"));
    expect(await GraceBoundary({ until: failed, fallback, children })).toBe(children);
  });

  it("streams the children behind the fallback when their read takes longer", async () => {
    vi.useFakeTimers();
    const slow = new Promise(() => {});
    const decided = GraceBoundary({ until: slow, fallback, children });
    await vi.advanceTimersByTimeAsync(200);
    const element = (await decided) as ReactElement<{ fallback: unknown; children: unknown }>;
    expect(isValidElement(element) && element.type).toBe(Suspense);
    expect(element.props.fallback).toBe(fallback);
    expect(element.props.children).toBe(children);
  });

  it("holds a primary section's first paint up to React's reveal throttle, and no longer", async () => {
    vi.useFakeTimers();
    const at250 = new Promise((resolve) => setTimeout(resolve, 250));
    const held = GraceBoundary({ until: at250, fallback, children, graceMs: 300 });
    await vi.advanceTimersByTimeAsync(250);
    expect(await held).toBe(children);

    const at350 = new Promise((resolve) => setTimeout(resolve, 350));
    const streamed = GraceBoundary({ until: at350, fallback, children, graceMs: 300 });
    await vi.advanceTimersByTimeAsync(350);
    expect(((await streamed) as ReactElement).type).toBe(Suspense);
  });
});

describe("StreamedSection", () => {
  const load = async () => {};
  const grace = (element: ReactElement) => (element.props as { graceMs: number }).graceMs;

  it("gives the page's primary figures the longer grace, other sections the short one", () => {
    const primary = StreamedSection({ load, fallback, primary: true, children }) as ReactElement;
    const other = StreamedSection({ load, fallback, children }) as ReactElement;
    expect(primary.type).toBe(GraceBoundary);
    expect(grace(primary)).toBe(300);
    expect(grace(other)).toBe(120);
  });
});
