// Loaded into the Agents Playground's process by scripts/playground.ts (node --import).
// The Playground has no option for the address it listens on and binds every
// interface; a local chat with the bot must not be reachable from the network,
// so a listen without an address gets loopback. And the Playground lives no
// longer than the script that started it: when the script's IPC channel closes
// (the script ended, however it ended) the Playground ends too.
import net from 'node:net';
import process from 'node:process';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const rest = args.slice(1);
    if (typeof rest[0] !== 'string') return listen.call(this, Number(first), '127.0.0.1', ...rest);
  } else if (first && typeof first === 'object' && first.host === undefined && first.path === undefined) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};

if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(0));
}
