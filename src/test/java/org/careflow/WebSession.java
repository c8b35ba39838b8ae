package org.careflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client over real HTTP: it keeps cookies and sends the CSRF token the last page gave it. */
public class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private String csrf;

  public WebSession(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** This session's cookies as a {@code Cookie} header, for a request made with another HTTP client. */
  public String cookieHeader() {
    return cookies.getCookieStore().get(uri("/")).stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; "));
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = send(b.build());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** Posts a form with the CSRF token of the last page; values with several entries repeat the key. */
  public HttpResponse<String> post(String path, Map<String, List<String>> form) {
    return postRaw(path, form, true);
  }

  public HttpResponse<String> postRaw(String path, Map<String, List<String>> form, boolean withCsrf) {
    StringBuilder body = new StringBuilder();
    form.forEach((k, vs) -> vs.forEach(v -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v))));
    if (withCsrf && csrf != null) {
      body.append(body.isEmpty() ? "" : "&").append("_csrf=").append(enc(csrf));
    }
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  /** A file part of a multipart upload. */
  public record FilePart(String name, String filename, String contentType, byte[] content) {}

  /** A multipart/form-data body: text fields first, then the files. */
  public static HttpRequest.BodyPublisher multipartBody(String boundary, Map<String, String> fields, FilePart... files) {
    return multipartBody(boundary, fields.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList(), files);
  }

  /** The same with fields that may repeat (name, value), as a form with several checkboxes of one name sends them. */
  public static HttpRequest.BodyPublisher multipartBody(String boundary, List<String[]> fields, FilePart... files) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach(f -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n")
        .getBytes(StandardCharsets.UTF_8)));
    for (FilePart f : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\"" + f.filename() + "\"\r\n"
          + "Content-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  /** A multipart request to {@code path}; add headers (authorization, language) and send it. */
  public HttpRequest.Builder multipart(String path, Map<String, String> fields, FilePart... files) {
    String boundary = "----careflow-test-" + System.nanoTime();
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(multipartBody(boundary, fields, files));
  }

  /** A multipart request with fields that may repeat; add headers and send it. */
  public HttpRequest.Builder multipart(String path, List<String[]> fields, FilePart... files) {
    String boundary = "----careflow-test-" + System.nanoTime();
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(multipartBody(boundary, fields, files));
  }

  /** Uploads files from a signed-in page, with the CSRF token the last page gave (as the browser's form does). */
  public HttpResponse<String> upload(String path, Map<String, String> fields, FilePart... files) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    if (csrf != null) {
      all.put("_csrf", csrf);
    }
    all.putAll(fields);
    return send(multipart(path, all, files).build());
  }

  /** The Authorization header value for HTTP Basic. */
  public static String basicAuth(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public WebSession login(String user, String password) {
    get("/login");
    HttpResponse<String> r = post("/login", Map.of("username", List.of(user), "password", List.of(password)));
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError("login failed for " + user + ": " + r.statusCode() + " " + r.headers().map());
    }
    return this;
  }

  public HttpResponse<String> basic(String path, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + token).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public static String query(Map<String, String> params) {
    return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
  }
}
