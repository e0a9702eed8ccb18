import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepPrefetched } from './annotate/prefetched.js';
import { createApiClient } from './api/client.js';
import { startup } from './api/early-start.js';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const api = createApiClient();
const linked = new URLSearchParams(window.location.hash.slice(1)).get('doc');
// The first screen is drawn with the start-up answer in hand (asked for before this code
// loaded: public/early-start.js), in one render instead of one per answer. Should it
// fail, the window starts without it and asks again, showing why.
void startup(api, linked ? { documentId: linked } : {})
  .catch(() => null)
  .then((start) => {
    keepPrefetched(start?.document ?? null);
    createRoot(root).render(
      <StrictMode>
        <App api={api} start={start} />
      </StrictMode>,
    );
  });
