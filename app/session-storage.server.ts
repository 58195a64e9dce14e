/**
 * Shopify session storage whose secrets never reach the database in clear text: the
 * access and refresh tokens are sealed (app/crypto.server.ts) on the way in and opened on
 * the way out. Everything else is Shopify's own PrismaSessionStorage.
 */
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "./db.server";
import { open, seal, type KeyRing } from "./crypto.server";

export class EncryptedSessionStorage implements SessionStorage {
  private readonly inner: PrismaSessionStorage<PrismaClient>;

  constructor(prisma: PrismaClient, private readonly keys: KeyRing) {
    this.inner = new PrismaSessionStorage(prisma);
  }

  async storeSession(session: Session): Promise<boolean> {
    const sealed = new Session(session.toObject());
    sealed.accessToken = session.accessToken ? seal(session.accessToken, this.keys) : session.accessToken;
    if (session.refreshToken) sealed.refreshToken = seal(session.refreshToken, this.keys);
    return this.inner.storeSession(sealed);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    return stored && this.opened(stored);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((session) => this.opened(session));
  }

  isReady(): Promise<boolean> {
    return this.inner.isReady();
  }

  private opened(stored: Session): Session {
    const session = new Session(stored.toObject());
    if (stored.accessToken) session.accessToken = open(stored.accessToken, this.keys);
    if (stored.refreshToken) session.refreshToken = open(stored.refreshToken, this.keys);
    return session;
  }
}
