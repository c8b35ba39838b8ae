package org.careflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What careflow adds to the engine's REST API, at both its doors ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine/engine/<name>}):
 * <ul>
 *   <li>a new password ({@code PUT user/{id}/credentials}, {@code POST user/create}) that breaks
 *   {@link PasswordRules} is refused with a 400 in the user's language before the engine sees it, and the
 *   caller's own password the engine asks for there is checked through the login throttle first;</li>
 *   <li>error answers name no Java exception: the engine's {@code "type": "AuthorizationException"} (and
 *   every other type) becomes a neutral one by status ({@code Forbidden}, {@code NotFound}, ...);</li>
 *   <li>the staff directory ({@code user} lists and profiles) shows a non-administrator their colleagues'
 *   names but not their e-mail addresses (their own stays).</li>
 * </ul>
 * Answers are only held back when they are errors or user JSON; everything else streams through.
 * The three rules and the answer they hold back stay in this one class so that one read audits the
 * door; only the request body read twice is {@link CachedBody}.
 */
@Configuration
class EngineRestGuard {

  private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials/?$");
  private static final Pattern CREATE = Pattern.compile("^/user/create/?$");
  private static final Pattern USERS = Pattern.compile("^/user(?:/?|/[^/]+/profile/?)$");
  private static final Map<Integer, String> NEUTRAL = Map.of(400, "BadRequest", 401, "Unauthorized", 403, "Forbidden",
      404, "NotFound", 405, "MethodNotAllowed", 409, "Conflict", 415, "UnsupportedMediaType");

  private final ObjectMapper json = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestGuardFilter(PasswordRules rules, LocaleResolver locales,
      EngineIdentityAuthenticationProvider passwords, MessageSource messages) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = ENGINE_PATH.matcher(uri);
        if (!m.matches()) {
          chain.doFilter(request, response);
          return;
        }
        String path = m.group(1);
        HttpServletRequest req = request;
        Matcher cred = CREDENTIALS.matcher(path);
        boolean credentials = "PUT".equals(request.getMethod()) && cred.matches();
        boolean create = "POST".equals(request.getMethod()) && CREATE.matcher(path).matches();
        if (credentials || create) {
          byte[] body = request.getInputStream().readNBytes(64 * 1024);
          req = new CachedBody(request, body);
          String userId = credentials ? decode(cred.group(1)) : null;
          String password = null;
          String callerPassword = null;
          try {
            JsonNode node = json.readTree(body);
            if (node != null && create) {
              userId = node.path("profile").path("id").asText(null);
              password = node.path("credentials").path("password").asText(null);
            } else if (node != null) {
              password = node.path("password").asText(null);
              callerPassword = node.path("authenticatedUserPassword").asText(null);
            }
          } catch (IOException notJson) {
            // the engine answers malformed JSON itself
          }
          Locale locale = locales.resolveLocale(request);
          Authentication caller = SecurityContextHolder.getContext().getAuthentication();
          if (credentials && callerPassword != null && caller != null) {
            // the engine checks the caller's own password here past the login throttle: check it through it first
            UsernamePasswordAuthenticationToken check = UsernamePasswordAuthenticationToken.unauthenticated(caller.getName(), callerPassword);
            check.setDetails(new WebAuthenticationDetails(request));
            try {
              passwords.authenticate(check);
            } catch (LockedException e) {
              badRequest(response, messages.getMessage("login.locked", null, locale));
              return;
            } catch (AuthenticationException e) {
              badRequest(response, messages.getMessage("account.password.currentWrong", null, locale));
              return;
            }
          }
          if (password != null) {
            List<String> problems = rules.problems(userId, password, locale);
            if (!problems.isEmpty()) {
              badRequest(response, String.join(" ", problems));
              return;
            }
          }
        }
        boolean users = "GET".equals(request.getMethod()) && USERS.matcher(path).matches();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && CurrentUser.of(auth).isAdmin();
        String self = auth == null ? null : auth.getName();
        Held held = new Held(response, users && !admin);
        chain.doFilter(req, held);
        held.finish(self);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(filter);
    bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    bean.setOrder(-90); // after Spring Security (-100), which knows the user
    return bean;
  }

  private void badRequest(HttpServletResponse response, String message) throws IOException {
    ObjectNode out = json.createObjectNode();
    out.put("type", NEUTRAL.get(400));
    out.put("message", message);
    response.setStatus(400);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(out));
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Decides when the body starts (the status and content type are set by then) whether to hold it back:
   * errors and, for non-administrators, user JSON; anything else goes straight out.
   */
  private final class Held extends HttpServletResponseWrapper {
    private final boolean userJson;
    private ByteArrayOutputStream buffer;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Held(HttpServletResponse response, boolean userJson) {
      super(response);
      this.userJson = userJson;
    }

    private boolean holdBack() {
      String type = getContentType();
      boolean isJson = type != null && type.toLowerCase(Locale.ROOT).contains("json");
      return isJson && (getStatus() >= 400 || userJson);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        if (!holdBack()) {
          stream = super.getOutputStream();
        } else {
          buffer = new ByteArrayOutputStream();
          stream = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            @Override public void write(int b) { buffer.write(b); }
            @Override public void write(byte[] b, int off, int len) { buffer.write(b, off, len); }
          };
        }
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (buffer == null) {
        super.flushBuffer();
      }
    }

    @Override
    public void setContentLength(int len) {
      // the held-back body may change length
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setIntHeader(name, value);
      }
    }

    void finish(String self) throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (buffer == null) {
        return;
      }
      byte[] out = buffer.toByteArray();
      try {
        JsonNode node = json.readTree(out);
        if (getStatus() >= 400 && node instanceof ObjectNode o && o.has("type")) {
          o.put("type", NEUTRAL.getOrDefault(getStatus(), getStatus() >= 500 ? "ServerError" : "BadRequest"));
        } else if (getStatus() < 400 && userJson) {
          stripEmails(node, self);
        }
        out = json.writeValueAsBytes(node);
      } catch (IOException notJson) {
        // sent as it was
      }
      HttpServletResponse r = (HttpServletResponse) getResponse();
      r.setContentLength(out.length);
      r.getOutputStream().write(out);
    }
  }

  /** Removes the e-mail of every user object but the caller's own. */
  static void stripEmails(JsonNode node, String self) {
    if (node instanceof ArrayNode a) {
      a.forEach(n -> stripEmails(n, self));
    } else if (node instanceof ObjectNode o && o.has("email") && (self == null || !self.equals(o.path("id").asText(null)))) {
      o.putNull("email");
    }
  }
}
