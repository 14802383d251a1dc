// A TCP relay between the clients (extension, test) and the chain, so a test can take the chain off the
// network the way a crashed or unreachable node is: open connections drop and new ones are refused.
// Stopping chopsticks alone is not that: its server stops listening, but WebSocket connections already
// upgraded stay open and keep answering from the closed chain's memory.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Relay {
  /** `ws://127.0.0.1:<port>`: what clients use instead of the chain's own endpoint. */
  endpoint: string;
  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): Promise<void>;
  /** Accepts connections on the same port again. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startRelay(targetPort: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const port = await listen(server, 0);
  let open = true;

  const cut = async () => {
    if (!open) return;
    open = false;
    const closed = new Promise<void>((done) => server.close(() => done()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    endpoint: `ws://127.0.0.1:${port}`,
    cut,
    async restore() {
      if (open) return;
      await listen(server, port);
      open = true;
    },
    close: cut,
  };
}
