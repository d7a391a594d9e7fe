import { NextRequest, NextResponse } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { sessionCookie, sessionCookieIn, slideSessionCookie, slidSessionCookie } from "./cookie";

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

function slid(path: string, init: { method?: string; cookie?: string } = {}) {
  const request = new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: init.cookie ? { cookie: init.cookie } : {},
  });
  const response = NextResponse.next();
  slideSessionCookie(request, response);
  return response.headers.get("set-cookie");
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, and Secure with the __Secure- prefix over https", () => {
    expect(sessionCookie("http://localhost:3000")).toEqual({
      name: "td.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    expect(sessionCookie("https://treasury.example.com").name).toBe("__Secure-td.session");
    expect(sessionCookie("https://treasury.example.com").options.secure).toBe(true);
  });

  it("slides to the idle timeout from now on every read", () => {
    process.env.SESSION_IDLE_MINUTES = "30";
    const header = slid("/transactions", { cookie: "td.session=abc" });
    expect(header).toMatch(/^td\.session=abc;/);
    expect(header).toMatch(/Max-Age=1800/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
  });

  it("keeps the __Secure- name and the Secure flag over https", () => {
    process.env.APP_URL = "https://treasury.example.com";
    const header = slidSessionCookie("abc");
    expect(header).toMatch(/^__Secure-td\.session=abc;/);
    expect(header).toMatch(/; Secure$/);
  });

  it("leaves alone requests without a session and changes", () => {
    expect(slid("/transactions")).toBeNull();
    expect(slid("/team", { method: "POST", cookie: "td.session=abc" })).toBeNull();
  });
});

describe("sessionCookieIn", () => {
  const http = "http://localhost:3000";
  /** What Next's cookies() gives a page for the same header. */
  const asPages = (header: string) =>
    new NextRequest(`${http}/`, { headers: { cookie: header } }).cookies.get("td.session")?.value ||
    undefined;

  it.each([
    "a=1; td.session=abc%2Fdef; b=2",
    "td.session=first; td.session=second",
    "td.session=ok; td.session=100%",
    "td.session=",
    "xtd.session=1; td.sessionx=2",
    "a=1;td.session=tight",
  ])("reads %j as a page's cookies() does", (header) => {
    expect(sessionCookieIn(header, http)).toBe(asPages(header));
  });

  it("finds the session cookie among others, decoded, the last of its name", () => {
    expect(sessionCookieIn("a=1; td.session=abc%2Fdef; b=2", http)).toBe("abc/def");
    expect(sessionCookieIn("td.session=first; td.session=second", http)).toBe("second");
  });

  it("reads the __Secure- name over https, and nothing from a look-alike or an empty value", () => {
    expect(sessionCookieIn("td.session=plain; __Secure-td.session=s", "https://td.example")).toBe(
      "s",
    );
    expect(sessionCookieIn("xtd.session=1; td.sessionx=2", http)).toBeUndefined();
    expect(sessionCookieIn("td.session=", http)).toBeUndefined();
    expect(sessionCookieIn(null, http)).toBeUndefined();
  });
});
