/**
 * The browser script of the public page: asks the verification service for the live status of the credential
 * on the page and shows it. Served as a static file (so the page's CSP needs no inline script).
 */
export const CREDENTIAL_STATUS_SCRIPT = `(function () {
  var status = document.getElementById('credential-status');
  var jwt = document.getElementById('credential-jwt');
  var script = document.currentScript || document.querySelector('script[data-verify-url]');
  if (!status || !jwt || !script) return;
  // Revoked or suspended, as the server already knows: the live check cannot turn that into "verified".
  var known = status.getAttribute('data-state') === 'failed' ? status.textContent : null;
  function show(state, text) { status.setAttribute('data-state', state); status.textContent = text; }
  fetch(script.getAttribute('data-verify-url'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credential: jwt.textContent.trim() })
  })
    .then(function (response) { if (!response.ok) throw new Error('HTTP ' + response.status); return response.json(); })
    .then(function (result) {
      if (known) return show('failed', known);
      if (result.verified) return show('verified', 'Verified');
      var problem = (result.problemDetails || [])[0];
      show('failed', 'Not verified' + (problem && problem.title ? ': ' + problem.title : ''));
    })
    .catch(function () { if (!known) show('unknown', 'Status unavailable right now'); });
})();
`;
