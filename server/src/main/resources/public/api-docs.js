// Renders /openapi.json with Swagger UI. A file rather than an inline script, so the pages' CSP needs no new hash.
window.addEventListener('DOMContentLoaded', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // the default validator badge would send the document to a third-party server
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
