/**
 * What a page of the built extension loads at start, gzipped: its entry script and every chunk
 * that chunk imports statically (dynamic import() waits until used, so it is not counted).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageSize {
  files: string[];
  raw: number;
  gzip: number;
  css: number;
}

export function pageSize(dist: string, page: string): PageSize {
  const html = readFileSync(join(dist, page), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (path: string): void => {
    const file = path.replace(/^\//, '');
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
      const spec = m[1]!;
      if (spec.startsWith('./')) visit(dir + spec.slice(2));
      else if (spec.startsWith('/')) visit(spec);
    }
  };
  entries.forEach(visit);
  const files = [...seen];
  const bytes = files.map((f) => readFileSync(join(dist, f)));
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1]!.replace(/^\//, ''))));
  return {
    files,
    raw: bytes.reduce((s, b) => s + b.length, 0),
    // Each file is its own HTTP-less load; gzip each as a store or a server would.
    gzip: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    css: css.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
}
