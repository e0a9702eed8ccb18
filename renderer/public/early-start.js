/* global window, location */
// The window's first question, asked before its code has loaded: the start-up answer
// (getStartup: session, project, documents and the document to open) is requested here,
// in a tiny classic script the build puts inline in index.html (vite.config.ts; allowed
// by its hash, main/renderer-assets.ts), so it is asked as the page is parsed and the
// server works on it while the rest of the page is read. renderer/src/api/early-start.ts
// hands the answer (an ApiResponse) to the first paint (src/prepaint/), then the window.
(function () {
  var doc = new URLSearchParams(location.hash.slice(1)).get('doc');
  var params = doc ? { documentId: doc } : {};
  var answer;
  if (window.factmark) {
    answer = window.factmark.call('getStartup', params);
  } else {
    var token = new URLSearchParams(location.search).get('token') || '';
    answer = fetch('/api/getStartup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-factmark-token': token },
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.json();
    });
  }
  window.__factmarkEarlyStart = { params: params, answer: answer };
})();
