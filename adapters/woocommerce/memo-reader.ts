/**
 * One collection per view: a page (the wp-admin overview, the blocks editor) asks for the shop
 * profile, the plugin's status and the theme, which all read the same REST index, system status
 * and settings. Wrapped around the REST client for the life of one adapter (one request or one
 * job), each distinct read is sent once; a failed read is not kept, so a retry asks again.
 */
import type { WooReader, WooResponse } from "./rest-client";

export class MemoReader implements WooReader {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(private readonly source: WooReader) {}

  private once<T>(key: unknown[], load: () => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    let answer = this.answers.get(id) as Promise<T> | undefined;
    if (!answer) {
      answer = load();
      this.answers.set(id, answer);
      answer.catch(() => this.answers.delete(id));
    }
    return answer;
  }

  get<T = unknown>(endpoint: string, params?: object, namespace?: string): Promise<WooResponse<T>> {
    return this.once(["get", namespace ?? "wc/v3", endpoint, params ?? {}], () => this.source.get<T>(endpoint, params, namespace));
  }

  getAll(endpoint: string, params?: Record<string, string | number>, maxPages?: number): Promise<unknown[]> {
    return this.once(["getAll", endpoint, params ?? {}, maxPages ?? null], () => this.source.getAll(endpoint, params, maxPages));
  }

  getRestIndex(): Promise<unknown> {
    return this.once(["index"], () => this.source.getRestIndex());
  }
}
