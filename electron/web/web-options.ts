/**
 * Command-line options of browser mode: `--db PATH`, `--port N`, `--help`.
 */
export interface WebOptions {
  db?: string;
  port: number;
  help: boolean;
}

export const DEFAULT_WEB_PORT = 4780;

export const WEB_USAGE = `Usage: npm run web [-- --db PATH] [-- --port N]

Serves Journey Studio to a browser on this computer only (127.0.0.1).
  --db PATH   the library database file (default: the desktop app's library)
  --port N    the port to listen on (default ${DEFAULT_WEB_PORT}; 0 picks a free one)
  --help      show this text`;

export function parseWebOptions(argv: readonly string[]): WebOptions {
  const options: WebOptions = { port: DEFAULT_WEB_PORT, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--db':
        options.db = value();
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535)
          throw new Error(`--port takes a number from 0 to 65535, not "${raw}".`);
        options.port = port;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option "${arg}".\n\n${WEB_USAGE}`);
    }
  }
  return options;
}
