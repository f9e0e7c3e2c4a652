// Points Swagger UI at this server's own OpenAPI document. A file of its own, since the page's
// Content-Security-Policy allows no inline script.
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-spec-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The public validator badge would send the document to a third party.
    validatorUrl: null,
    // Requests tried from the page go to this server, with the browser's session cookie; a
    // signed-in user's unsafe requests also need the session's CSRF token, as the dashboard sends it.
    withCredentials: true,
    requestInterceptor: function (request) {
      var csrf = document.cookie.match(/(?:^|;\s*)chorus_csrf=([^;]+)/);
      if (csrf && request.method && request.method.toUpperCase() !== "GET") {
        request.headers["X-CSRF-Token"] = decodeURIComponent(csrf[1]);
      }
      return request;
    },
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
