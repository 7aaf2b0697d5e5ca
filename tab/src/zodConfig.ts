import { z } from 'zod/v4';

// zod 4 probes `new Function` once to decide whether it may compile fast
// parsers; under the tab's CSP (`script-src 'self'`, no 'unsafe-eval') that
// probe is a CSP violation report. The tab parses small responses, so the
// interpreted parser is plenty. Imported first by every page's entry point.
z.config({ jitless: true });
