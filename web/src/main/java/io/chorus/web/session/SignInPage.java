package io.chorus.web.session;

import io.chorus.web.dashboard.Html;

/** The sign-in page, rendered on the server so it works without script. */
final class SignInPage {
  private SignInPage() {}

  static String render(boolean authRequired, String error) {
    String notice = authRequired
        ? "Paste an API token. The dashboard keeps you signed in with a session cookie; the token itself is not stored in the browser."
        : "This node's API is open, so the dashboard needs no sign-in.";
    String errorBlock = error == null ? "" : "<p class=\"banner\" role=\"alert\" id=\"signin-error\">" + Html.escape(error) + "</p>";
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Chorus · Sign in</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml">
          <link rel="stylesheet" href="/dashboard.css">
        </head>
        <body class="signin">
          <main class="card signin-card">
            <h1>Sign in to Chorus</h1>
            <p class="muted">%s</p>
            %s
            <form method="post" action="/signin">
              <label for="token">API token</label>
              <input id="token" name="token" type="password" autocomplete="off" required>
              <button type="submit" id="signin">Sign in</button>
            </form>
            <p><a href="/">Back to the dashboard</a></p>
          </main>
        </body>
        </html>
        """.formatted(Html.escape(notice), errorBlock);
  }
}
