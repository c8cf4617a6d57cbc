/**
 * Test harness: a real hub process started from the built jar, a TCP proxy between a client and the hub that a
 * test can cut, freeze or block (to kill a connection the way a crash or a network fault does), and polling waits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubClient, type HubClientOptions, type HubEvent } from '@hubcord/client';

export const SECRET = 'node-client-tests';
const here = path.dirname(fileURLToPath(import.meta.url));
/** clients/node/build → the repository root. */
const ROOT = path.resolve(here, '..', '..', '..');

function javaBinary(): string {
  for (const home of [process.env.HUB_JAVA_HOME, process.env.JAVA_HOME]) {
    if (home && existsSync(path.join(home, 'bin', 'java'))) return path.join(home, 'bin', 'java');
  }
  const jvms = existsSync('/usr/lib/jvm') ? readdirSync('/usr/lib/jvm').filter((d) => d.includes('25')) : [];
  return jvms.length > 0 ? path.join('/usr/lib/jvm', jvms[0], 'bin', 'java') : 'java';
}

export interface Hub {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** A process started by a test: the first match of its ready pattern, its output so far, and a SIGTERM stop. */
export interface Launched {
  match: RegExpExecArray;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a process and waits until a line of its output matches `ready` (at most 90 s). */
export async function launch(command: string, args: string[], env: Record<string, string>, ready: RegExp, name: string): Promise<Launched> {
  const child: ChildProcess = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within 90 s:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (process.env.HUB_LOG) process.stderr.write(`[${name}] ${chunk.toString()}`);
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${out}`));
    });
  });
  return {
    match,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A module's jar under `<module>/target/`, or an error saying how to build it. */
export function jar(module: string, file = `${module}.jar`): string {
  const jarPath = path.join(ROOT, module, 'target', file);
  if (!existsSync(jarPath)) {
    throw new Error(`${jarPath} is missing: build it first (./mvnw -pl clients/node -am verify builds it)`);
  }
  return jarPath;
}

export const JAVA_OPTS = ['-Xmx256m', '-XX:TieredStopAtLevel=1'];

/** Starts `hub/target/hub.jar` on a free port (HUB_PORT=0; the port is read from its "listening" log line). */
export async function startHub(settings: Record<string, string> = {}): Promise<Hub> {
  const hub = await launch(
    javaBinary(),
    [...JAVA_OPTS, '-jar', jar('hub')],
    { HUB_PORT: '0', HUB_HOST: '127.0.0.1', HUB_SECRET: SECRET, HUB_IO_THREADS: '1', ...settings },
    /hub listening on \S*:(\d+)/,
    'hub',
  );
  const port = Number(hub.match[1]);
  return { port, url: `ws://127.0.0.1:${port}/ws/v1`, stop: hub.stop };
}

export { javaBinary };

/**
 * A TCP proxy in front of the hub. `cut()` destroys every connection through it (both sides see the TCP
 * connection end, as when a process dies); `block()` refuses new ones; `freeze()` stops forwarding the hub's
 * bytes to the client while keeping the connection open (a dead link that no TCP error reveals); `swallow()` drops
 * the client's bytes instead (payloads written into a dying connection).
 */
export class Proxy {
  private readonly server: net.Server;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  private blocked = false;
  private frozen = false;
  private swallowing = false;
  connections = 0;

  private constructor(private readonly hubPort: number) {
    this.server = net.createServer((client) => {
      if (this.blocked) {
        client.destroy();
        return;
      }
      this.connections++;
      const upstream = net.connect(this.hubPort, '127.0.0.1');
      const pair: [net.Socket, net.Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('data', (b) => {
        if (!this.swallowing) upstream.write(b);
      });
      upstream.on('data', (b) => {
        if (!this.frozen) client.write(b);
      });
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  static async start(hubPort: number): Promise<Proxy> {
    const proxy = new Proxy(hubPort);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as net.AddressInfo).port}/ws/v1`;
  }

  cut(): void {
    this.swallowing = false;
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  block(on = true): void {
    this.blocked = on;
  }

  /** Freezes the current connections; a new connection thaws the proxy. */
  freeze(): void {
    this.frozen = true;
    this.server.once('connection', () => (this.frozen = false));
  }

  /** Drops what clients send to the hub from now on (written, never delivered); `cut()` ends it. */
  swallow(): void {
    this.swallowing = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `condition` every 20 ms (after `poll`, which may fetch what it reads) until it holds (Awaitility's way),
 * failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  condition: () => boolean,
  timeoutMs = 10_000,
  poll?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await poll?.();
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
    await poll?.();
  }
}

/** A client with fast reconnects, closed by `closeAll`. */
export class Clients {
  private readonly all: HubClient[] = [];

  create(options: Partial<HubClientOptions> & Pick<HubClientOptions, 'urls' | 'type'>): HubClient {
    const client = new HubClient({ secret: SECRET, reconnectMinMs: 50, reconnectMaxMs: 500, ...options });
    this.all.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.all.splice(0).map((c) => c.close()));
  }
}

/** Collects every event of `name` a client receives. */
export function collect<T>(client: HubClient, name: string, onEach?: (e: HubEvent<T>) => void): HubEvent<T>[] {
  const seen: HubEvent<T>[] = [];
  client.onEvent(name, (e) => {
    seen.push(e as unknown as HubEvent<T>);
    onEach?.(e as unknown as HubEvent<T>);
  });
  return seen;
}

/** Collects the client's close codes. */
export function closeCodes(client: HubClient): number[] {
  const codes: number[] = [];
  client.on('close', ({ code }) => codes.push(code));
  return codes;
}
