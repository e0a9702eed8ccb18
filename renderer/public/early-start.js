/* global window, location */
// The window's first question, asked before its code has loaded: the start-up answer
// (getStartup: session, project, documents and the document to open) is requested here,
// in a tiny classic script that runs as soon as the page is parsed, so the server works
// on it while the main bundle downloads and evaluates. renderer/src/api/early-start.ts
// takes the answer (an ApiResponse) and App uses it instead of asking again.
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
