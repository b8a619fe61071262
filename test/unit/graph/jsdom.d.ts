/**
 * The little of jsdom the graph tests use. Its own typings pull in the DOM library for the whole
 * project, which changes Node's `fetch` types for every other file.
 */
declare module 'jsdom' {
  interface Element {
    getAttribute(name: string): string | null;
    querySelector(selector: string): Element | null;
    querySelectorAll(selector: string): Iterable<Element> & { length: number };
    textContent: string | null;
  }
  export class JSDOM {
    constructor(html: string, options?: { contentType?: string });
    window: { document: { querySelector(selector: string): Element | null; querySelectorAll(selector: string): Iterable<Element> & { length: number } } };
  }
}
