// Starts Swagger UI on /api/docs. A file, not an inline script: the page's Content-Security-Policy
// admits scripts from this server only. Writes ("Try it out" on POST) carry the session's CSRF
// token, read once from /api/me, as the API requires.
(function () {
  "use strict";
  var token = null;

  function csrfToken() {
    if (token) {
      return Promise.resolve(token);
    }
    return fetch("/api/me", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (me) { token = me.csrf_token; return token; });
  }

  window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
      url: "/api/openapi.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null, // the default validator is a remote service: nothing leaves the server
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      requestInterceptor: function (request) {
        if (request.method === "GET") {
          return request;
        }
        return csrfToken().then(function (value) {
          request.headers["X-CSRF-Token"] = value;
          return request;
        });
      },
    });
  });
})();
