import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built console (dist/admin/browser), served on the same origin; deep links fall back to index.html. */
export class AdminAssets {
  readonly root: string | null;
  private readonly indexHtml: Buffer | null;

  constructor(dir: string | null) {
    const root = dir ? resolve(dir) : null;
    const index = root ? join(root, 'index.html') : null;
    this.root = index && existsSync(index) ? root : null;
    this.indexHtml = this.root && index ? readFileSync(index) : null;
  }

  get available(): boolean {
    return this.indexHtml !== null;
  }

  /** A console route: GET or HEAD of a path outside /api that asks for HTML. */
  isConsoleRoute(method: string, url: string): boolean {
    return (
      this.available &&
      (method === 'GET' || method === 'HEAD') &&
      !url.startsWith('/api/') &&
      url !== '/api' &&
      !url.startsWith('/metrics')
    );
  }

  get index(): Buffer {
    if (!this.indexHtml) throw new Error('The console is not built');
    return this.indexHtml;
  }
}
