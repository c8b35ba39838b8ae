package org.careflow.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one error shape of careflow's JSON API ({@code /api/**}): RFC 9457 problem details
 * ({@code application/problem+json}) with {@code type}, {@code title}, {@code status}, {@code detail} (the
 * message in the user's language), {@code instance} (the path) and, for invalid input, the extension
 * {@code fields}: each field's message. One status per kind: 400 malformed (a letter for an id, a missing
 * parameter, an unreadable body), 422 invalid (readable but against the rules), 403, 404, 409, 413.
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private Problems() {}

  /** Whether the request is to the JSON API. */
  public static boolean api(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }

  public static ProblemDetail of(HttpServletRequest request, HttpStatus status, String detail, Map<String, String> fields) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setInstance(URI.create(request.getRequestURI()));
    if (fields != null && !fields.isEmpty()) {
      p.setProperty("fields", fields);
    }
    return p;
  }

  /** The problem as written on the wire: the RFC's members, then the extension. */
  static Map<String, Object> body(ProblemDetail p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", p.getType().toString());
    body.put("title", p.getTitle());
    body.put("status", p.getStatus());
    body.put("detail", p.getDetail());
    if (p.getInstance() != null) {
      body.put("instance", p.getInstance().toString());
    }
    if (p.getProperties() != null) {
      body.putAll(p.getProperties());
    }
    return body;
  }

  /** Writes the problem as the whole response (for filters and handlers outside Spring MVC). */
  public static void write(HttpServletResponse response, ProblemDetail p, ObjectMapper json) {
    response.setStatus(p.getStatus());
    response.setCharacterEncoding("UTF-8");
    response.setContentType(PROBLEM_JSON.toString());
    try {
      json.writeValue(response.getOutputStream(), body(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
